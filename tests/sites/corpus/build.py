"""Build the evidence-finding corpus: small sites in the styles Thai offices use, each with
labelled answers (``<site>/labels.yaml``).  The built files are committed; run this again
after editing (``python -m tests.sites.corpus.build``).  Needs reportlab and a Thai TTF font.

Every site is audited at 2026-05-15 (fiscal year 2569) with nacc-oit-2565.  Labels give, per
item, the verdict an assessor would reach and the URL path(s) they would accept;
``not_evidence`` lists news posts and unrelated pages that must never be taken as evidence.
"""

from __future__ import annotations

import re

from checklists.matching import is_generic
from checklists.thaitext import content_words
from tests.realworld.sites import CODE_LIKE, lines_of
from tests.realworld.split import load_samples
from tests.sites.corpus.common import (
    CODES,
    ITEMS,
    MONTHS,
    SUBINDICATORS,
    Site,
    a,
    content,
    doc_html,
    esc,
    stem,
    table_rows,
)

FACEBOOK = "https://www.facebook.com/{}"


# -- page shells -----------------------------------------------------------------------------

def wp_shell(site: Site, title: str, body: str, menu: str, recent: str,
             crumbs: list[str] | None = None, cats: list[str] | None = None,
             posted: str = "") -> str:
    """A WordPress theme: header, primary menu, entry, sidebar widgets, footer."""
    meta = ""
    if posted:
        meta = f'<div class="entry-meta"><span class="posted-on">Posted on {esc(posted)}</span>' \
               f' by <span class="author">admin</span></div>'
    cat = ""
    if cats:
        cat = '<footer class="entry-footer"><span class="cat-links">Posted in ' + ", ".join(
            f'<a href="/category/{i}/" rel="category tag">{esc(c)}</a>'
            for i, c in enumerate(cats)) + "</span></footer>"
    crumb = ""
    if crumbs:
        crumb = '<nav class="breadcrumbs" aria-label="breadcrumb">' + " » ".join(
            esc(c) for c in crumbs) + "</nav>"
    return f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="UTF-8"><title>{esc(title)} &#8211; {esc(site.office)}</title>
<link rel='stylesheet' href='/wp-content/themes/twentyseventeen/style.css' type='text/css'>
<script src='/wp-includes/js/jquery/jquery.min.js'></script></head>
<body class="post-template-default single">
<div id="page" class="site"><header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title">{esc(site.office)}</p></div>
<nav id="site-navigation" class="main-navigation">{menu}</nav></header>
<div id="content" class="site-content">{crumb}<div id="primary" class="content-area">
<main id="main" class="site-main"><article class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{esc(title)}</h1>{meta}</header>
<div class="entry-content">{body}</div>{cat}</article></main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries">
<h2 class="widget-title">เรื่องล่าสุด</h2><ul>{recent}</ul></section>
<section class="widget widget_categories"><h2 class="widget-title">หมวดหมู่</h2><ul>
<li class="cat-item"><a href="/category/news/">ข่าวประชาสัมพันธ์</a></li>
<li class="cat-item"><a href="/category/ita/">ITA</a></li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><p>{esc(site.office)} โทร. 0-4300-9867</p>
<p>Proudly powered by WordPress</p></footer></div></body></html>
"""


def gov_shell(site: Site, title: str, body: str, nav: str, crumbs: list[str] | None = None,
              extra_head: str = "", sidebar: str = "", h1: bool = True) -> str:
    """A typical custom/Bootstrap government template."""
    crumb = ""
    if crumbs:
        crumb = '<ol class="breadcrumb">' + "".join(f"<li>{esc(c)}</li>" for c in crumbs) + \
                "</ol>"
    side = f'<aside class="sidebar col-md-3">{sidebar}</aside>' if sidebar else ""
    head = f"<h1>{esc(title)}</h1>" if h1 else ""
    return f"""<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>{esc(title)} | {esc(site.office)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/css/bootstrap.min.css">{extra_head}</head>
<body><header class="top-header"><div class="container"><img src="/assets/img/logo.png"
alt="ตราสัญลักษณ์"> <span class="office-name">{esc(site.office)}</span></div></header>
<nav class="navbar navbar-expand-lg">{nav}</nav>
<div class="container">{crumb}<div class="row">{side}
<main class="col-md-9 content">{head}{body}</main></div></div>
<footer class="footer"><p>{esc(site.office)} เลขที่ 99 ถนนมิตรภาพ โทร. 0-4300-9867</p>
<p>นโยบายเว็บไซต์ | นโยบายความเป็นส่วนตัว | ผู้เข้าชม 102,455 คน</p></footer></body></html>
"""


def menu(items: list[tuple[str, str]]) -> str:
    return '<ul class="nav navbar-nav menu">' + "".join(
        f"<li>{a(h, t)}</li>" for h, t in items) + "</ul>"


def news_list(posts: list[tuple[str, str, str]]) -> str:
    return "".join(f"<li>{a(h, t)} <span class=\"date\">{esc(d)}</span></li>"
                   for h, t, d in posts)


def evidence(site: Site, code: str, folder: str, pdf: bool, shell, year: int | None = None,
             name: str | None = None) -> str:
    """Write an item's document (a PDF or an HTML page made with ``shell``); return its path."""
    lines = content(code, site.office, year or site.fiscal_year)
    base = name or stem(code)
    if pdf:
        return site.pdf(f"{folder}{base}.pdf", lines)
    return site.write(f"{folder}{base}.html", shell(lines[0], doc_html(lines)))


# -- 1. WordPress post with a 33-row table ---------------------------------------------------

def wordpress_table() -> Site:
    site = Site("wordpress-table", "WordPress: the ITA page is a post with a 33-row table of "
                "links (indicator 9) and a second post for indicator 10; uploads under "
                "wp-content; news posts in the sidebar mention items in passing",
                "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 9")
    site.reset()
    posts = [("/2026/03/02/plan-meeting/", "ประชุมจัดทำแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569",
              "2 มีนาคม 2569"),
             ("/2026/02/11/hr-training/", "อบรมหลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
              "11 กุมภาพันธ์ 2569"),
             ("/2026/01/20/structure-visit/", "ผู้บริหารตรวจเยี่ยมโครงสร้างอาคารเรียนหลังใหม่",
              "20 มกราคม 2569")]
    recent = "".join(f"<li>{a(h, t)}</li>" for h, t, _ in posts)
    nav = ('<ul id="primary-menu" class="menu"><li class="menu-item"><a href="/">หน้าแรก</a></li>'
           '<li class="menu-item menu-item-has-children"><a href="#">เกี่ยวกับเรา</a>'
           '<ul class="sub-menu"><li><a href="/history/">ประวัติ</a></li>'
           '<li><a href="/executives/">ผู้บริหาร</a></li>'
           '<li><a href="/contact/">ติดต่อเรา</a></li></ul></li>'
           '<li class="menu-item"><a href="/category/news/">ข่าวประชาสัมพันธ์</a></li>'
           '<li class="menu-item"><a href="/2026/01/15/ita-2569/">ITA 2569</a></li>'
           '<li class="menu-item"><a href="/complaint/">ร้องเรียนการทุจริต</a></li></ul>')

    def shell(title: str, body: str, **kw) -> str:
        return wp_shell(site, title, body, nav, recent, **kw)

    up = "/wp-content/uploads/2026/01/"
    pdfs = {"O4", "O10", "O12", "O21", "O36", "O39"}
    targets: dict[str, str] = {}
    pages = {"O2": "/executives/", "O5": "/contact/", "O7": "/category/news/", "O30": "/complaint/",
             "O8": "/qa/", "O17": "/e-service/", "O32": "/feedback/"}
    for code in CODES:
        if code in pages:
            lines = content(code, site.office)
            targets[code] = site.write(pages[code], shell(lines[0], doc_html(lines)[
                len(f"<h1>{esc(lines[0])}</h1>"):]))
        elif code == "O9":
            targets[code] = FACEBOOK.format("spkk9.office")
        elif code == "O14":
            targets[code] = f"{up}o14-service-manual.pdf"  # never uploaded: broken
        elif code == "O11":
            lines = content(code, site.office, site.fiscal_year - 1)  # last year's report
            targets[code] = site.pdf(f"{up}o11-operation-6month-2568.pdf", lines)
        elif code == "O35":  # an activity report posted as news, labelled O35 by the office
            title = "ผู้อำนวยการนำคณะผู้บริหารร่วมกิจกรรมต่อต้านการทุจริต ประจำปี 2569"
            targets[code] = site.write("/2026/02/20/executive-anti-corruption/", shell(
                title, "<p>วันที่ 9 ธันวาคม 2568 ผู้อำนวยการเป็นประธานกิจกรรมวันต่อต้านคอร์รัปชันสากล "
                       "การมีส่วนร่วมของผู้บริหารในการป้องกันการทุจริต</p>",
                posted="20 กุมภาพันธ์ 2569", cats=["ข่าวประชาสัมพันธ์"],
                crumbs=["หน้าแรก", "ข่าวประชาสัมพันธ์", title]))
        elif code != "O27":
            targets[code] = evidence(site, code, up, code in pdfs,
                                     lambda t, b: shell(t, b, posted="10 มกราคม 2569"))
    news_items = "".join(f"<li>{a(h, t)} <time>{esc(d)}</time></li>" for h, t, d in posts)
    site.write("/category/news/", shell("ข่าวประชาสัมพันธ์", f"<ul class='posts'>{news_items}"
                                        "<li><a href='/2025/12/01/sport/'>แข่งขันกีฬาสี</a> "
                                        "<time>1 ธันวาคม 2568</time></li></ul>"))
    for href, title, day in posts:
        site.write(href, shell(title, f"<p>{esc(title)} ณ ห้องประชุมสำนักงาน "
                                      "เพื่อให้การดำเนินงานเป็นไปตามแผนปฏิบัติการประจำปี "
                                      "และรายงานผลการดำเนินงานประจำปี</p>",
                               posted=day, cats=["ข่าวประชาสัมพันธ์"],
                               crumbs=["หน้าแรก", "ข่าวประชาสัมพันธ์", title]))
        site.not_evidence.append(href)
    site.write("/2025/12/01/sport/", shell("แข่งขันกีฬาสี", "<p>กีฬาสีประจำปี</p>",
                                           posted="1 ธันวาคม 2568", cats=["ข่าวประชาสัมพันธ์"]))
    site.write("/history/", shell("ประวัติ", "<p>ก่อตั้งเมื่อ พ.ศ. 2546</p>"))

    def row(code: str) -> tuple[str, str, str]:
        if code == "O27":
            return code, ITEMS[code][1], "-"
        text = "คลิกดู" if code not in ("O2", "O5", "O7") else ITEMS[code][2]
        return code, ITEMS[code][1], a(targets[code], text, target="_blank")

    t9 = table_rows([row(c) for c in CODES[:33]])
    t10 = table_rows([row(c) for c in CODES[33:]])
    site.write("/2026/01/15/ita-2569/", shell(
        "ITA 2569 การเปิดเผยข้อมูลสาธารณะ (OIT) ตัวชี้วัดที่ 9",
        f"<p>สพป.ขอนแก่น เขต 9 เผยแพร่ข้อมูลตามแบบ OIT ประจำปีงบประมาณ พ.ศ. 2569</p>"
        f"<table class='wp-block-table'><thead><tr><th>ข้อ</th><th>ข้อมูล</th><th>ลิงก์</th></tr>"
        f"</thead><tbody>{t9}</tbody></table><p>{a('/2026/01/16/ita-2569-10/', 'ตัวชี้วัดที่ 10 คลิกที่นี่')}</p>",
        posted="15 มกราคม 2569", cats=["ITA"], crumbs=["หน้าแรก", "ITA", "ITA 2569"]))
    site.write("/2026/01/16/ita-2569-10/", shell(
        "ITA 2569 ตัวชี้วัดที่ 10 การป้องกันการทุจริต",
        f"<table class='wp-block-table'><tbody>{t10}</tbody></table>",
        posted="16 มกราคม 2569", cats=["ITA"], crumbs=["หน้าแรก", "ITA", "ITA 2569"]))
    site.write("/", shell("หน้าแรก", f"<p>ยินดีต้อนรับ</p><p>{a('/2026/01/15/ita-2569/', 'ITA 2569')}"
                                     f" | {a(targets['O9'], 'Facebook')}</p>"))
    for code in CODES:
        if code == "O27":
            continue
        verdict = {"O11": "stale", "O14": "broken"}.get(code, "pass")
        site.label(code, verdict, targets[code])
    site.notes += ["O11 is last year's report (stale)", "O14's file was never uploaded",
                   "O35's evidence is a news post, but the office's table labels it O35",
                   "O27's row is empty; a news post about HR rules is not evidence"]
    site.finish()
    return site


# -- 2. Joomla with nested menus --------------------------------------------------------------

def joomla_nested() -> Site:
    site = Site("joomla-nested", "Joomla: nested menus ITA 2569 > indicator > sub-indicator > "
                "item, one article per item linking its file; a placeholder article says "
                "'in preparation'", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเลย หนองบัวลำภู")
    site.reset()
    base = "/index.php/ita-2569/"

    def item_li(code: str) -> str:
        return f'<li class="item-{CODES.index(code) + 200}">' + \
            a(f"{base}{stem(code)}.html", f"{code} {ITEMS[code][1]}") + "</li>"

    subs = "".join(
        f'<li class="deeper parent"><a href="#">{sub} {esc(name)}</a>'
        f'<ul class="nav-child unstyled small">{"".join(item_li(c) for c in codes)}</ul></li>'
        for sub, (name, codes) in SUBINDICATORS.items())
    nav = ('<ul class="nav menu mod-list"><li class="item-101 default current"><a href="/">หน้าแรก</a></li>'
           '<li class="item-102"><a href="/index.php/about.html">เกี่ยวกับเรา</a></li>'
           '<li class="item-103"><a href="/index.php/news.html">ข่าวประชาสัมพันธ์</a></li>'
           '<li class="item-104"><a href="/index.php/complaint.html">ร้องเรียน ร้องทุกข์</a></li>'
           f'<li class="item-150 deeper parent"><a href="#">ITA 2569</a><ul class="nav-child">'
           f"{subs}</ul></li></ul>")

    def shell(title: str, body: str, crumbs: list[str] | None = None) -> str:
        return gov_shell(site, title, f'<div class="item-page"><div itemprop="articleBody">'
                         f"{body}</div></div>", nav, crumbs=crumbs or ["หน้าแรก", title],
                         extra_head='<meta name="generator" content="Joomla! - Open Source '
                                    'Content Management">', h1=False)

    pdfs = {"O1", "O10", "O18", "O24", "O34", "O40"}
    for code in CODES:
        title = f"{code} {ITEMS[code][1]}"
        page = f"{base}{stem(code)}.html"
        crumbs = ["หน้าแรก", "ITA 2569", title]
        if code == "O19":
            site.write(page, shell(title, f"<h2>{esc(title)}</h2><p>อยู่ระหว่างดำเนินการ</p>", crumbs))
            site.not_evidence.append(page)
            continue
        if code == "O9":
            body = a(FACEBOOK.format("sesa19"), "Facebook สพม.เลย หนองบัวลำภู")
            site.write(page, shell(title, f"<h2>{esc(title)}</h2><p>{body}</p>", crumbs))
            site.label(code, "pass", FACEBOOK.format("sesa19"), page)
            continue
        if code in ("O2", "O3", "O5", "O6", "O8", "O17", "O30", "O32", "O7"):
            lines = content(code, site.office)
            if code == "O7":
                lines = ["ข่าวประชาสัมพันธ์", "ข่าวล่าสุด 8 พฤษภาคม 2569 ประชุมผู้บริหารสถานศึกษา"]
                target = "/index.php/news.html"
            elif code == "O30":
                target = "/index.php/complaint.html"
            else:
                target = None
            if target:
                site.write(page, shell(title, f"<h2>{esc(title)}</h2><p>" + a(target, "คลิกที่นี่")
                                       + "</p>", crumbs))
                site.label(code, "pass", target, page)
                continue
            site.write(page, shell(title, f"<h2>{esc(title)}</h2>" + doc_html(lines), crumbs))
            site.label(code, "pass", page)
            continue
        folder = "/images/ita2569/"
        file = evidence(site, code, folder, code in pdfs, lambda t, b: shell(t, b))
        site.write(page, shell(title, f"<h2>{esc(title)}</h2><p>" + a(file, "ดาวน์โหลดเอกสาร")
                               + "</p>", crumbs))
        site.label(code, "pass", page, file)
    news = [("/index.php/news/481-meeting.html", "ประชุมผู้บริหารสถานศึกษา ครั้งที่ 5/2569",
             "8 พฤษภาคม 2569"),
            ("/index.php/news/475-risk.html", "ประชุมคณะทำงานประเมินความเสี่ยงการทุจริต",
             "2 เมษายน 2569")]
    site.write("/index.php/news.html", shell("ข่าวประชาสัมพันธ์", "<h2>ข่าวประชาสัมพันธ์</h2><ul>"
                                             + news_list(news) + "</ul>"))
    for href, title, day in news:
        site.write(href, shell(title, f"<h2>{esc(title)}</h2><p>เผยแพร่เมื่อ {day}</p><p>"
                                      "ที่ประชุมรับทราบการประเมินความเสี่ยงการทุจริตประจำปี</p>",
                               ["หน้าแรก", "ข่าวประชาสัมพันธ์", title]))
        site.not_evidence.append(href)
    site.write("/index.php/about.html", shell("เกี่ยวกับเรา", "<h2>เกี่ยวกับเรา</h2><p>ประวัติ</p>"))
    site.write("/index.php/complaint.html", shell("ร้องเรียน", doc_html(content("O30", site.office))
                                                  + "<form><textarea></textarea></form>"))
    site.write("/", shell("หน้าแรก", "<h2>ยินดีต้อนรับ</h2>" + news_list(news)))
    site.notes += ["O19's article only says it is in preparation: missing"]
    site.finish()
    return site


# -- 3. Google Sites with Drive files ----------------------------------------------------------

def google_sites() -> Site:
    site = Site("google-sites-drive", "Google Sites: one page per sub-indicator, a heading per "
                "item with an embedded Drive preview and an 'open in Drive' link; the files "
                "are on a local stand-in for Google Drive (OIT_SHARING_HOSTS)",
                "โรงเรียนบ้านหนองแวงวิทยา")
    site.reset()
    site.settings = {"drive": True}
    pages = {sub: f"/view/nwv-ita/ita-2569/{sub.replace('.', '-')}" for sub in SUBINDICATORS}
    nav = '<ul class="navigation">' + "".join(
        f"<li>{a(p, f'ตัวชี้วัดที่ {s} {n}')}</li>" for s, (n, _), p in
        zip(SUBINDICATORS, SUBINDICATORS.values(), pages.values(), strict=True)) + "</ul>"
    nav = ('<div role="navigation" class="site-nav"><ul><li><a href="/view/nwv-ita/home">หน้าแรก</a>'
           '</li><li><a href="/view/nwv-ita/complaint">ร้องเรียนการทุจริต</a></li></ul>'
           f"{nav}</div>")

    def shell(title: str, body: str) -> str:
        return (f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>{esc(title)}'
                f'</title><script src="https://www.gstatic.com/_/atari/_/js/k=atari.vw.th.js">'
                f'</script></head><body><div class="site-header">{esc(site.office)}</div>{nav}'
                f'<div role="main" class="page-body"><h1 class="title">{esc(title)}</h1>{body}'
                "</div><div class=\"site-footer\">Google Sites · รายงานการละเมิด</div></body></html>")

    for sub, (name, codes) in SUBINDICATORS.items():
        blocks = []
        for code in codes:
            head = f"<h3>{esc(code)} {esc(ITEMS[code][1])}</h3>"
            if code in ("O5", "O8", "O9", "O17", "O30", "O32", "O7"):
                target = {"O5": "/view/nwv-ita/contact", "O8": "/view/nwv-ita/qa",
                          "O9": FACEBOOK.format("nwv.school"), "O17": "/view/nwv-ita/eservice",
                          "O30": "/view/nwv-ita/complaint", "O32": "/view/nwv-ita/feedback",
                          "O7": "/view/nwv-ita/news"}[code]
                blocks.append(head + f"<p>{a(target, ITEMS[code][2])}</p>")
                site.label(code, "pass", target)
                continue
            if code == "O36":
                blocks.append(head + "<p>ยังไม่มีข้อมูล</p>")
                continue
            fid = f"1NwV{code}{ITEMS[code][0].replace('-', '')}x2569"
            lines = content(code, site.office)
            if code == "O23":  # only October to December posted
                lines = lines[:4]
            view = site.drive_file(fid, f"{stem(code)}.pdf", lines)
            blocks.append(head + f'<div class="embed"><iframe src="__DRIVE__/file/d/{fid}/preview"'
                          f' title="{esc(stem(code))}.pdf" width="640" height="480"></iframe></div>'
                          f'<p><a href="__DRIVE__{view}?usp=sharing">เปิดใน Google Drive</a></p>')
            site.label(code, "stale" if code == "O23" else "pass", f"drive:{view}",
                       f"drive:/file/d/{fid}/preview")
        site.write(pages[sub], shell(f"ตัวชี้วัดที่ {sub} {name}", "".join(blocks)))
    for slug, code in (("contact", "O5"), ("qa", "O8"), ("eservice", "O17"), ("complaint", "O30"),
                       ("feedback", "O32")):
        lines = content(code, site.office)
        site.write(f"/view/nwv-ita/{slug}", shell(lines[0], doc_html(lines)[len(esc(lines[0])) + 9:]))
    site.write("/view/nwv-ita/news", shell("ข่าวประชาสัมพันธ์", "<p>ข่าวกิจกรรม 5 พฤษภาคม 2569 "
                                                              "วันครู ประจำปี 2569</p>"))
    site.write("/view/nwv-ita/home", shell("หน้าแรก", f"<p>{a(pages['9.1'], 'ITA 2569')}</p>"))
    site.write("/", shell("หน้าแรก", f"<p>{a(pages['9.1'], 'ITA 2569')}</p>"))
    site.notes += ["O23 only covers October to December (stale)", "O36 says no data yet"]
    site.finish()
    return site


# -- 4. Custom PHP, one page per sub-indicator -------------------------------------------------

def php_subindicator() -> Site:
    site = Site("php-subindicator", "custom PHP: ita.php?sub=9.1 ... one page per "
                "sub-indicator, items numbered 1-43 without O-codes, generic 'download' links "
                "and detail.php?id= pages", "องค์การบริหารส่วนตำบลโนนสะอาด")
    site.reset()
    nav = menu([("/index.php", "หน้าหลัก"), ("/about.php", "ข้อมูลทั่วไป"),
                ("/ita.php?sub=9.1", "ITA"), ("/news.php", "ข่าวสาร"),
                ("/complain.php", "แจ้งเรื่องร้องเรียนการทุจริต"), ("/contact.php", "ติดต่อเรา")])

    def shell(title: str, body: str, crumbs: list[str] | None = None) -> str:
        return gov_shell(site, title, body, nav, crumbs)

    subnav = "<ul class='subnav'>" + "".join(
        f"<li>{a(f'/ita.php?sub={s}', f'{s} {n}')}</li>" for s, (n, _) in SUBINDICATORS.items()) \
        + "</ul>"
    pdfs = {"O12", "O16", "O20", "O28", "O41", "O42"}
    for sub, (name, codes) in SUBINDICATORS.items():
        items = []
        for code in codes:
            n = CODES.index(code) + 1
            title = ITEMS[code][1]
            if code in ("O25", "O26"):
                items.append(f"<li>{n}. {esc(title)} <span class='muted'>(ไม่มีข้อมูล)</span></li>")
                continue
            if code == "O9":
                url = FACEBOOK.format("nonsaard.sao")
                items.append(f"<li>{n}. {esc(title)} {a(url, '[Facebook]')}</li>")
                site.label(code, "pass", url)
                continue
            if code in ("O2", "O3", "O5", "O8", "O17", "O32"):
                page = f"/detail.php?id={100 + n}"
                lines = content(code, site.office)
                site.write(page, shell(lines[0], doc_html(lines)[len(esc(lines[0])) + 9:]))
                items.append(f"<li>{n}. {esc(title)} {a(page, '[รายละเอียด]')}</li>")
                site.label(code, "pass", page, "/contact.php" if code == "O5" else "")
                continue
            if code == "O30":
                items.append(f"<li>{n}. {esc(title)} {a('/complain.php', '[คลิก]')}</li>")
                site.label(code, "pass", "/complain.php")
                continue
            if code == "O7":
                items.append(f"<li>{n}. {esc(title)} {a('/news.php', '[คลิก]')}</li>")
                site.label(code, "pass", "/news.php")
                continue
            year = site.fiscal_year - 1 if code == "O16" else None  # an old survey
            file = evidence(site, code, "/upload/ita/", code in pdfs,
                            lambda t, b: shell(t, b), year=year)
            items.append(f"<li>{n}. {esc(title)} {a(file, '[ดาวน์โหลด]')}</li>")
            site.label(code, "stale" if code == "O16" else "pass", file)
        site.write(f"/ita.php?sub={sub}", shell(
            f"ITA ตัวชี้วัดย่อยที่ {sub} {name}", f"{subnav}<h2>ประจำปีงบประมาณ พ.ศ. 2569</h2>"
            f"<ul class='ita-list'>{''.join(items)}</ul>", ["หน้าหลัก", "ITA", sub]))
    site.write("/news.php", shell("ข่าวสาร", "<ul>" + news_list([
        ("/news.php?id=88", "อบต.โนนสะอาด จัดประชุมประชาคมแผนพัฒนาท้องถิ่น", "3 เมษายน 2569")])
        + "</ul>"))
    site.write("/news.php?id=88", shell("อบต.โนนสะอาด จัดประชุมประชาคมแผนพัฒนาท้องถิ่น",
                                        "<p>วันที่ 3 เมษายน 2569 เพื่อทบทวนแผนยุทธศาสตร์ และนโยบาย"
                                        "การบริหารทรัพยากรบุคคล</p>",
                                        ["หน้าหลัก", "ข่าวสาร", "ประชุมประชาคม"]))
    site.not_evidence.append("/news.php?id=88")
    lines = content("O30", site.office)
    site.write("/complain.php", shell(lines[0], "<form><textarea></textarea></form>"))
    site.write("/about.php", shell("ข้อมูลทั่วไป", "<p>สภาพทั่วไปของตำบล</p>"))
    site.write("/contact.php", shell("ติดต่อเรา", "<p>โทร. 0-4300-1111</p>"))
    site.write("/index.php", shell("หน้าหลัก", f"<p>{a('/ita.php?sub=9.1', 'ITA 2569')}</p>"))
    site.write("/", '<html><head><meta charset="utf-8"><meta http-equiv="refresh" '
                    'content="0; url=/index.php"><title>อบต.โนนสะอาด</title></head><body>'
                    '<a href="/index.php">เข้าสู่เว็บไซต์</a></body></html>')
    site.notes += ["O16 is the survey of 2567 (stale)", "O25 and O26 have no data"]
    site.finish()
    return site


# -- 5. Tabs per assessment year ----------------------------------------------------------------

def year_tabs() -> Site:
    site = Site("year-tabs", "Bootstrap tabs ITA 2568 / ITA 2569 / ITA 2570 on one page; only "
                "the assessed year's tab (2569) counts; three items are only in last year's "
                "tab and next year's tab is being prepared", "สำนักงานสาธารณสุขอำเภอเมืองตัวอย่าง")
    site.reset()
    site.notes += ["audited with --fiscal-year 2569",
                   "O33, O38 and O43 appear only under ITA 2568: missing for 2569"]
    nav = menu([("/", "หน้าแรก"), ("/ita/", "ITA"), ("/complaint/", "ร้องเรียนการทุจริต"),
                ("/contact/", "ติดต่อเรา")])

    def shell(title: str, body: str) -> str:
        return gov_shell(site, title, body, nav, ["หน้าแรก", title])

    panes = []
    tabs = []
    for year, codes in ((2568, CODES), (2569, [c for c in CODES if c not in ("O33", "O38", "O43")]),
                        (2570, ["O1", "O4", "O10", "O34", "O39"])):
        rows = []
        for code in codes:
            if code == "O9":
                target = FACEBOOK.format("ssomueang")
            elif code in ("O5", "O30"):
                target = {"O5": "/contact/", "O30": "/complaint/"}[code]
            else:
                target = evidence(site, code, f"/files/{year}/", False, shell, year=year)
            rows.append((code, ITEMS[code][1], a(target, "เปิดดู")))
            if year == 2569:
                site.label(code, "pass", target)
        tabs.append(f'<li class="nav-item"><button class="nav-link" data-bs-toggle="tab" '
                    f'data-bs-target="#ita{year}" type="button">ITA {year}</button></li>')
        panes.append(f'<div class="tab-pane fade" id="ita{year}" role="tabpanel">'
                     f"<table class='table'>{table_rows(rows)}</table></div>")
    site.write("/ita/", shell("การประเมินคุณธรรมและความโปร่งใส (ITA)",
                              f"<ul class='nav nav-tabs' role='tablist'>{''.join(tabs)}</ul>"
                              f"<div class='tab-content'>{''.join(panes)}</div>"))
    for path, code in (("/contact/", "O5"), ("/complaint/", "O30")):
        lines = content(code, site.office)
        site.write(path, shell(lines[0], doc_html(lines)[len(esc(lines[0])) + 9:]))
    site.write("/", shell("หน้าแรก", f"<p>{a('/ita/', 'ITA การประเมินคุณธรรมและความโปร่งใส')}</p>"))
    site.finish()
    return site


# -- 6. Code forms -------------------------------------------------------------------------------

CODE_FORMS = ["O{n}", "O.{n}", "o{n}", "O {n}", "ข้อ O{n}", "MOIT {n}", "OIT{n}", "O{n:02d}",
              "O{n}:"]


def code_forms() -> Site:
    site = Site("code-forms", "a list whose item codes are written O1, O.1, o1, O 1, ข้อ O1, "
                "MOIT 1, OIT1, O01 and O1: (some in the link, some beside a generic link)",
                "สำนักงานเกษตรจังหวัดตัวอย่าง")
    site.reset()
    nav = menu([("/", "หน้าแรก"), ("/oit.html", "OIT"), ("/complaint.html", "แจ้งร้องเรียนการทุจริต")])

    def shell(title: str, body: str) -> str:
        return gov_shell(site, title, body, nav, ["หน้าแรก", title])

    items = []
    for i, code in enumerate(CODES):
        n = i + 1
        label = CODE_FORMS[i % len(CODE_FORMS)].format(n=n)
        if code == "O9":
            items.append(f"<li>{esc(label)} {esc(ITEMS[code][1])} (ไม่มี)</li>")
            continue
        if code == "O30":
            target = "/complaint.html"
        elif code == "O31":
            target = "/docs/o31-complaint-stats.pdf"  # missing file: broken
        else:
            target = evidence(site, code, "/docs/", code in ("O10", "O21", "O34"), shell)
        if i % 2:
            items.append(f"<li>{esc(label)} {esc(ITEMS[code][1])} {a(target, '(ดาวน์โหลด)')}</li>")
        else:
            items.append(f"<li>{a(target, f'{label} {ITEMS[code][1]}')}</li>")
        site.label(code, "broken" if code == "O31" else "pass", target)
    site.write("/oit.html", shell("OIT การเปิดเผยข้อมูลสาธารณะ ปี 2569",
                                  f"<ul class='oit'>{''.join(items)}</ul>"))
    lines = content("O30", site.office)
    site.write("/complaint.html", shell(lines[0], "<form><input name=t></form>"))
    site.write("/", shell("หน้าแรก", f"<p>{a('/oit.html', 'OIT 2569')}</p>"))
    site.notes += ["O9 has no social link", "O31's file is missing (broken)"]
    site.finish()
    return site


# -- 7. Other wordings ---------------------------------------------------------------------------

NUMBERING = re.compile(r"^[\d.\s)]+")  # "1.3. โครงสร้าง": the site's own numbering
# first lines that name no document: dates, people, file names, an office's name and address
NOT_A_NAME = re.compile(r"Create Date|Last Updated|^(?:นาย|นาง|นางสาว)\S|\.(?:pdf|docx?)$|"
                        r"อำเภอ\S*\s*จังหวัด", re.IGNORECASE)


def real_wordings() -> dict[str, tuple[str, str]]:
    """Per item, how a real office named it: the first line of the first ``dev`` sample of
    the real-world corpus (tests/realworld/samples.tsv) labelled with that item alone whose
    first line carries no code and names something (issue 16: the "other wording" site uses
    real sites' wordings, not the checklist's).  Item -> (wording, sample id)."""
    out: dict[str, tuple[str, str]] = {}
    for sample in load_samples():
        if sample.split != "dev" or sample.kind != "item" or len(sample.topics) != 1:
            continue
        code = sample.topics[0]
        first = NUMBERING.sub("", (lines_of(sample) or [""])[0])
        if code in out or CODE_LIKE.search(first) or not 6 <= len(first) <= 80 \
                or is_generic(first) or NOT_A_NAME.search(first) \
                or len(content_words(first)) < 2:
            continue
        out[code] = (first, sample.id)
    return out


CONTENT_ONLY = ("O20", "O33", "O40", "O42")  # a generic link; the document names the item
# ... and so is every item no dev sample names in words of its own


def other_wording() -> Site:
    site = Site("other-wording", "no codes: items published under real offices' wordings "
                "(taken from dev samples of tests/realworld/), some only as 'download' links "
                "whose documents name the item (matched by content; flagged for review)",
                "สำนักงานพัฒนาชุมชนจังหวัดตัวอย่าง")
    site.reset()
    wordings = real_wordings()
    nav = menu([("/", "หน้าแรก"), ("/public-info/", "ข้อมูลสาธารณะ"), ("/complain/", "แจ้งข้อร้องเรียน"),
                ("/news/", "ข่าวสาร")])

    def shell(title: str, body: str) -> str:
        return gov_shell(site, title, body, nav, ["หน้าแรก", title])

    lis = []
    for code in CODES:
        if code in ("O25", "O26", "O35", "O43"):
            continue
        if code == "O9":
            target = FACEBOOK.format("cdd.example")
        elif code == "O7":
            target = "/news/"
        elif code == "O30":
            target = "/complain/"
        else:
            target = evidence(site, code, "/public-info/files/", code in ("O12", "O33", "O39"),
                              shell, name=f"doc-{CODES.index(code) + 11:03d}")
        if code == "O9" and code not in wordings:  # a link to a page on Facebook
            lis.append(f"<li>{a(target, 'Facebook')}</li>")
        elif code in CONTENT_ONLY or code not in wordings:
            lis.append(f"<li>{a(target, 'ดาวน์โหลดเอกสาร')}</li>")
        else:
            lis.append(f"<li>{a(target, wordings[code][0])}</li>")
        site.label(code, "pass", target)
    site.write("/public-info/", shell("ข้อมูลสาธารณะ", f"<ul>{''.join(lis)}</ul>"))
    site.write("/news/", shell("ข่าวสาร", "<ul>" + news_list([
        ("/news/2569/04/12-meeting.html", "ประชุมคณะกรรมการบริหาร", "12 เมษายน 2569")]) + "</ul>"))
    site.write("/news/2569/04/12-meeting.html", shell(
        "ประชุมคณะกรรมการบริหาร", "<p>12 เมษายน 2569 ที่ประชุมพิจารณานโยบายการบริหารทรัพยากรบุคคล "
                                 "และการมีส่วนร่วมของผู้บริหาร</p>"))
    site.not_evidence.append("/news/2569/04/12-meeting.html")
    lines = content("O30", site.office)
    site.write("/complain/", shell(lines[0], "<form><textarea></textarea></form>"))
    site.write("/", shell("หน้าแรก", f"<p>{a('/public-info/', 'ข้อมูลสาธารณะ')}</p>"))
    site.notes += ["O25, O26, O35 and O43 are not published",
                   "link texts from dev samples: " + ", ".join(
                       f"{c}={wordings[c][1]}" for c in CODES if c in wordings
                       and c not in CONTENT_ONLY)]
    site.finish()
    return site


# -- 8. Image buttons and an image-only structure chart ------------------------------------------

def image_banners() -> Site:
    site = Site("image-banners", "image buttons: the ITA page is a grid of image links whose "
                "only words are alt, title or aria-label attributes; the structure chart is an "
                "image without any text (undated)", "สำนักงานขนส่งจังหวัดตัวอย่าง")
    site.reset()
    nav = menu([("/", "หน้าแรก"), ("/ita2569/", "ITA"), ("/complaint/", "ร้องเรียนการทุจริต")])

    def shell(title: str, body: str) -> str:
        return gov_shell(site, title, body, nav, ["หน้าแรก", title])

    tiles = []
    for i, code in enumerate(CODES):
        img = f'<img src="/images/ita/btn-{code.lower()}.png" alt="{{alt}}" width="180">'
        if code == "O1":
            target = site.write("/about/structure.html", shell(
                "โครงสร้างองค์กร", '<p><img src="/images/orgchart-2569.jpg" alt=""></p>'))
            tiles.append(f'<a href="{target}">' + img.format(alt="O1 โครงสร้าง") + "</a>")
            site.label(code, "unverified", target)
            continue
        if code == "O9":
            target = FACEBOOK.format("dlt.example")
        elif code == "O30":
            target = "/complaint/"
        elif code in ("O13", "O14"):
            continue  # not published
        else:
            target = evidence(site, code, "/ita2569/files/", code in ("O11", "O19"), shell)
        words = f"{code} {ITEMS[code][1]}"
        style = i % 3
        if style == 0:
            tiles.append(f'<a href="{target}">' + img.format(alt=esc(words)) + "</a>")
        elif style == 1:
            tiles.append(f'<a href="{target}" title="{esc(words)}">' + img.format(alt="") + "</a>")
        else:
            tiles.append(f'<a href="{target}" aria-label="{esc(words)}">' + img.format(alt="")
                         + "</a>")
        site.label(code, "pass", target)
    site.write("/ita2569/", shell("ITA 2569", f"<div class='grid'>{''.join(tiles)}</div>"))
    lines = content("O30", site.office)
    site.write("/complaint/", shell(lines[0], "<form><textarea></textarea></form>"))
    site.write("/", shell("หน้าแรก", '<a href="/ita2569/"><img src="/images/banner-ita.png" '
                                    'alt="ITA 2569 การประเมินคุณธรรมและความโปร่งใส"></a>'))
    site.notes += ["O1 is an image without text or date: unverified",
                   "O13 and O14 are not published"]
    site.finish()
    return site


# -- 9. Evidence two clicks below the ITA page, with a 2568 archive -------------------------------

def two_clicks() -> Site:
    site = Site("two-clicks", "the ITA page lists sub-indicators; each leads to item pages "
                "whose download link is the evidence (two clicks below the ITA page); a "
                "separate OIT 2568 archive carries last year's items", "สำนักงานที่ดินจังหวัดตัวอย่าง")
    site.reset()
    nav = menu([("/", "หน้าแรก"), ("/oit2569/", "OIT 2569"), ("/oit2568/", "OIT 2568 (ย้อนหลัง)"),
                ("/complaint/", "ร้องเรียนการทุจริต")])

    def shell(title: str, body: str, crumbs: list[str]) -> str:
        return gov_shell(site, title, body, nav, crumbs)

    subs = []
    for sub, (name, codes) in SUBINDICATORS.items():
        slug = sub.replace(".", "-")
        subs.append(f"<li>{a(f'/oit2569/{slug}/', f'ตัวชี้วัดที่ {sub} {name}')}</li>")
        lis = []
        for code in codes:
            if code == "O20":
                continue  # only in the 2568 archive
            title = f"{code} {ITEMS[code][1]}"
            page = f"/oit2569/{slug}/{code.lower()}.html"
            crumbs = ["หน้าแรก", "OIT 2569", f"ตัวชี้วัดที่ {sub}", title]
            if code == "O9":
                target = FACEBOOK.format("dol.example")
            elif code == "O30":
                target = "/complaint/"
            else:
                target = evidence(site, code, f"/oit2569/{slug}/files/", code in ("O23", "O31"),
                                  lambda t, b, c=crumbs: shell(t, b, c))
            site.write(page, shell(title, f"<p>{esc(ITEMS[code][1])}</p><p>"
                                          f"{a(target, 'ดาวน์โหลดไฟล์')}</p>", crumbs))
            lis.append(f"<li>{a(page, title)}</li>")
            site.label(code, "pass", page, target)
        site.write(f"/oit2569/{slug}/", shell(f"ตัวชี้วัดที่ {sub} {name}", f"<ul>{''.join(lis)}</ul>",
                                              ["หน้าแรก", "OIT 2569", f"ตัวชี้วัดที่ {sub}"]))
    site.write("/oit2569/", shell("OIT 2569 การเปิดเผยข้อมูลสาธารณะ", f"<ul>{''.join(subs)}</ul>",
                                  ["หน้าแรก", "OIT 2569"]))
    rows = []
    for code in ("O1", "O10", "O12", "O20", "O21", "O34"):
        target = evidence(site, code, "/oit2568/files/", False,
                          lambda t, b: shell(t, b, ["หน้าแรก", "OIT 2568"]), year=2568)
        rows.append((code, ITEMS[code][1], a(target, "ดาวน์โหลด")))
    site.write("/oit2568/", shell("OIT 2568 (ข้อมูลย้อนหลัง)",
                                  f"<table>{table_rows(rows)}</table>", ["หน้าแรก", "OIT 2568"]))
    lines = content("O30", site.office)
    site.write("/complaint/", shell(lines[0], "<form><textarea></textarea></form>",
                                    ["หน้าแรก", "ร้องเรียน"]))
    site.write("/", shell("หน้าแรก", f"<p>{a('/oit2569/', 'OIT 2569')}</p>", ["หน้าแรก"]))
    site.notes += ["O20 is only in the OIT 2568 archive: missing for 2569"]
    site.finish()
    return site


# -- 10. Menu and ITA table built by JavaScript ----------------------------------------------------

def js_menu() -> Site:
    site = Site("js-menu", "the main menu is built by JavaScript and the ITA page's table is "
                "loaded from JSON by script: nothing is found without rendering in Chromium",
                "สำนักงานพระพุทธศาสนาจังหวัดตัวอย่าง")
    site.reset()
    menu_js = """(function(){var items=[["/","หน้าแรก"],["/ita/","ITA 2569"],
["/complaint/","ร้องเรียนการทุจริต"],["/contact/","ติดต่อเรา"]];
var ul=document.createElement('ul');ul.className='menu';
items.forEach(function(it){var li=document.createElement('li');var a=document.createElement('a');
a.href=it[0];a.textContent=it[1];li.appendChild(a);ul.appendChild(li);});
document.getElementById('main-menu').appendChild(ul);})();
"""
    site.write("/assets/js/menu.js", menu_js)
    site.write("/assets/js/oit.js", """fetch('/assets/data/oit-2569.json').then(function(r){
return r.json();}).then(function(rows){var html='<table class="oit"><tr><th>ข้อ</th><th>ข้อมูล</th>'
+'<th>ลิงก์</th></tr>';rows.forEach(function(r){html+='<tr><td>'+r.code+'</td><td>'+r.title+
'</td><td><a href="'+r.url+'">เปิด</a></td></tr>';});
document.getElementById('oit-table').innerHTML=html;});
""")

    def shell(title: str, body: str, scripts: str = "") -> str:
        return (f'<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{esc(title)}'
                f'</title></head><body><header class="top">{esc(site.office)}</header>'
                f'<nav id="main-menu" class="main-menu"></nav><main><h1>{esc(title)}</h1>{body}'
                f'</main><footer>{esc(site.office)}</footer>'
                f'<script src="/assets/js/menu.js"></script>{scripts}</body></html>')

    rows = []
    for code in CODES:
        if code == "O17":
            continue
        if code == "O9":
            target = FACEBOOK.format("onab.example")
        elif code == "O30":
            target = "/complaint/"
        elif code == "O5":
            target = "/contact/"
        else:
            target = evidence(site, code, "/ita/docs/", code in ("O1", "O23"), shell)
        rows.append({"code": code, "title": ITEMS[code][1], "url": target})
        site.label(code, "pass", target)
    import json
    site.write("/assets/data/oit-2569.json", json.dumps(rows, ensure_ascii=False))
    site.write("/ita/", shell("ITA 2569 การเปิดเผยข้อมูลสาธารณะ",
                              '<div id="oit-table">กำลังโหลดข้อมูล...</div>',
                              '<script src="/assets/js/oit.js"></script>'))
    for path, code in (("/contact/", "O5"), ("/complaint/", "O30")):
        lines = content(code, site.office)
        site.write(path, shell(lines[0], doc_html(lines)[len(esc(lines[0])) + 9:]))
    site.write("/", shell("หน้าแรก", "<p>ยินดีต้อนรับสู่เว็บไซต์</p>"))
    site.notes += ["O17 is not published", "needs Chromium: without it every item is missing"]
    site.finish()
    return site


# -- 11. Broken ITA page, items elsewhere ----------------------------------------------------------

def broken_ita() -> Site:
    site = Site("broken-ita", "the ITA menu leads to a page that fails (HTTP 500), but many "
                "items are published elsewhere on the site: about pages, a documents page, a "
                "procurement page", "สำนักงานป่าไม้จังหวัดตัวอย่าง")
    site.reset()
    site.server = {"status": {"/ita/": 500}}
    nav = menu([("/", "หน้าแรก"), ("/about/", "เกี่ยวกับเรา"), ("/documents/", "เอกสารเผยแพร่"),
                ("/procurement/", "จัดซื้อจัดจ้าง"), ("/ita/", "ITA 2569"),
                ("/complaint/", "แจ้งเรื่องร้องเรียนการทุจริต"), ("/news/", "ข่าวประชาสัมพันธ์")])

    def shell(title: str, body: str) -> str:
        return gov_shell(site, title, body, nav, ["หน้าแรก", title])

    about = []
    for code in ("O1", "O2", "O3", "O5", "O6"):
        lines = content(code, site.office)
        path = site.write(f"/about/{stem(code)}.html", shell(lines[0], doc_html(lines)[
            len(esc(lines[0])) + 9:]))
        about.append(f"<li>{a(path, ITEMS[code][2])}</li>")
        site.label(code, "pass", path)
    site.write("/about/", shell("เกี่ยวกับเรา", f"<ul>{''.join(about)}</ul>"))
    docs = []
    for code in ("O4", "O10", "O12", "O13", "O18", "O34", "O39"):
        path = evidence(site, code, "/documents/files/", code in ("O4", "O12"), shell)
        docs.append(f"<li>{a(path, content(code, site.office)[0])}</li>")
        site.label(code, "pass", path)
    site.write("/documents/", shell("เอกสารเผยแพร่", f"<ul>{''.join(docs)}</ul>"))
    proc = []
    for code in ("O21", "O22", "O23", "O24"):
        path = evidence(site, code, "/procurement/", False, shell)
        proc.append(f"<li>{a(path, content(code, site.office)[0])}</li>")
        site.label(code, "pass", path)
    site.write("/procurement/", shell("จัดซื้อจัดจ้าง", f"<ul>{''.join(proc)}</ul>"))
    lines = content("O30", site.office)
    site.write("/complaint/", shell(lines[0], "<form><textarea></textarea></form>"))
    site.label("O30", "pass", "/complaint/")
    site.write("/news/", shell("ข่าวประชาสัมพันธ์", "<ul>" + news_list([
        ("/news/2569-03-forest.html", "ปลูกป่าเฉลิมพระเกียรติ", "9 มีนาคม 2569")]) + "</ul>"))
    site.label("O7", "pass", "/news/")
    site.write("/news/2569-03-forest.html", shell("ปลูกป่าเฉลิมพระเกียรติ",
                                                  "<p>9 มีนาคม 2569 กิจกรรมเสริมสร้างวัฒนธรรมองค์กร"
                                                  "และการมีส่วนร่วมของผู้บริหาร</p>"))
    site.not_evidence.append("/news/2569-03-forest.html")
    site.write("/", shell("หน้าแรก", f"<p>{a(FACEBOOK.format('forest.example'), 'Facebook')}</p>"))
    site.label("O9", "pass", FACEBOOK.format("forest.example"))
    site.write("/ita/", shell("ITA 2569", "<p>(this page fails with HTTP 500)</p>"))
    site.notes += ["/ita/ answers HTTP 500; the items listed only there are missing"]
    site.finish()
    return site


# -- 12. Slow and flaky server ----------------------------------------------------------------------

def slow_flaky() -> Site:
    site = Site("slow-flaky", "a slow server (the ITA page and some documents take seconds) "
                "that also drops the first request to some files", "สำนักงานประมงจังหวัดตัวอย่าง")
    site.reset()
    site.server = {"delays": {"/ita/": 1.5, "/ita/docs/o10-action-plan.pdf": 1.5,
                              "/ita/docs/o21-procurement-plan.html": 1.5},
                   "drop_first": ["/ita/docs/o12-annual-report.html",
                                  "/ita/docs/o34-integrity-pledge.html"]}
    nav = menu([("/", "หน้าแรก"), ("/ita/", "ITA 2569"), ("/complaint/", "ร้องเรียนการทุจริต")])

    def shell(title: str, body: str) -> str:
        return gov_shell(site, title, body, nav, ["หน้าแรก", title])

    rows = []
    for code in CODES:
        if code == "O9":
            target = FACEBOOK.format("fisheries.example")
        elif code == "O30":
            target = "/complaint/"
        else:
            target = evidence(site, code, "/ita/docs/", code in ("O10",), shell)
        rows.append((code, ITEMS[code][1], a(target, "รายละเอียด")))
        site.label(code, "pass", target)
    site.write("/ita/", shell("ITA 2569", f"<table>{table_rows(rows)}</table>"))
    lines = content("O30", site.office)
    site.write("/complaint/", shell(lines[0], "<form><textarea></textarea></form>"))
    site.write("/", shell("หน้าแรก", f"<p>{a('/ita/', 'ITA 2569')}</p>"))
    site.finish()
    return site


# -- 13. News decoys ------------------------------------------------------------------------------

def news_decoys() -> Site:
    site = Site("news-decoys", "an ITA page that covers only indicator 9.1-9.2 and a busy news "
                "section whose posts name the other items in their titles (never evidence), a "
                "site map listing every title, and an unrelated order appointing the ITA team",
                "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 2")
    site.reset()
    nav = menu([("/", "หน้าแรก"), ("/ita/", "ITA 2569"), ("/news/", "ข่าวประชาสัมพันธ์"),
                ("/sitemap.html", "แผนผังเว็บไซต์"), ("/complaint/", "ร้องเรียนการทุจริต")])

    def shell(title: str, body: str, crumbs: list[str] | None = None) -> str:
        return gov_shell(site, title, body, nav, crumbs or ["หน้าแรก", title])

    rows = []
    for code in CODES[:17]:
        if code == "O9":
            target = FACEBOOK.format("esa2.example")
        elif code == "O7":
            target = "/news/"
        else:
            target = evidence(site, code, "/ita/files/", code in ("O10", "O12"), shell)
        rows.append((code, ITEMS[code][1], a(target, "คลิก")))
        site.label(code, "pass", target)
    lines = content("O30", site.office)
    site.write("/complaint/", shell(lines[0], "<form><textarea></textarea></form>"))
    site.label("O30", "pass", "/complaint/")
    rows.append(("O30", ITEMS["O30"][1], a("/complaint/", "คลิก")))
    site.write("/ita/", shell("ITA 2569", f"<table>{table_rows(rows)}</table>"))
    decoys = [
        ("O18", "ประชุมชี้แจงแผนการใช้จ่ายงบประมาณประจำปี 2569 ให้โรงเรียนในสังกัด"),
        ("O21", "สพป. ประกาศแผนการจัดซื้อจัดจ้าง ปี 2569 ผ่านระบบ e-GP แล้ว"),
        ("O25", "ผู้อำนวยการมอบนโยบายการบริหารทรัพยากรบุคคลแก่ข้าราชการใหม่"),
        ("O34", "ผู้อำนวยการ สพป. ลงนามประกาศเจตจำนงสุจริต ประจำปี 2569"),
        ("O36", "ประชุมการประเมินความเสี่ยงการทุจริตประจำปี 2569"),
        ("O38", "กิจกรรมการเสริมสร้างวัฒนธรรมองค์กร Zero Tolerance"),
        ("O39", "อบรมแผนปฏิบัติการป้องกันการทุจริต ให้ครูและบุคลากร"),
        ("O42", "ประชุมมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
    ]
    posts = []
    for i, (code, title) in enumerate(decoys):
        href = f"/news/2569/{i + 1:02d}-{code.lower()}.html"
        day = f"{i + 3} เมษายน 2569"
        site.write(href, shell(title, f"<p class='post-date'>โพสต์เมื่อ {day}</p><p>{esc(title)} "
                                      "ณ ห้องประชุมสำนักงาน มีผู้เข้าร่วม 80 คน</p>",
                               ["หน้าแรก", "ข่าวประชาสัมพันธ์", title]))
        posts.append((href, title, day))
        site.not_evidence.append(href)
    site.write("/news/", shell("ข่าวประชาสัมพันธ์", "<ul>" + news_list(posts) + "</ul>"))
    site.write("/sitemap.html", shell("แผนผังเว็บไซต์", "<ul>" + "".join(
        f"<li>{esc(ITEMS[c][1])}</li>" for c in CODES) + "</ul>"))
    site.not_evidence.append("/sitemap.html")
    order = site.pdf("/files/order-ita-team-2569.pdf", [
        "คำสั่ง สพป.ตัวอย่าง เขต 2 ที่ 12/2569", "เรื่อง แต่งตั้งคณะทำงานการประเมิน ITA",
        "ให้คณะทำงานจัดทำแผนปฏิบัติการป้องกันการทุจริตและรายงานการประเมินความเสี่ยง"])
    site.not_evidence.append(order)
    site.write("/", shell("หน้าแรก", "<ul>" + news_list(posts[:4]) + "</ul><p>"
                                     + a(order, "คำสั่งแต่งตั้งคณะทำงาน ITA") + "</p>"))
    site.notes += ["only O1-O17 and O30 are published; news posts name other items"]
    site.finish()
    return site


# -- 14. Bootstrap cards under per-year paths ------------------------------------------------

def cards_year_paths() -> Site:
    site = Site("cards-year-paths", "Bootstrap cards (an h5 title, a summary and a 'read more' "
                "button) on per-year pages /ita-2569/ and /ita-2568/ whose only mark of the year "
                "is the URL", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดตัวอย่าง")
    site.reset()
    nav = menu([("/", "หน้าแรก"), ("/ita-2569/", "ITA"), ("/ita-2568/", "ข้อมูลย้อนหลัง"),
                ("/complaint/", "ร้องเรียนการทุจริต")])

    def shell(title: str, body: str) -> str:
        return gov_shell(site, title, body, nav)

    for year, skip in ((2569, ("O13", "O27")), (2568, ())):
        cards = []
        for code in CODES:
            if code in skip:
                continue
            if code == "O9":
                target = FACEBOOK.format("m-society.example")
            elif code == "O30":
                target = "/complaint/"
            else:
                target = evidence(site, code, f"/ita-{year}/docs/", code == "O21" and
                                  year == 2569, shell, year=year)
            cards.append(
                '<div class="col-md-4"><div class="card h-100"><div class="card-body">'
                f'<h5 class="card-title">{esc(code)} {esc(ITEMS[code][1])}</h5>'
                f'<p class="card-text">{esc(ITEMS[code][2])}</p>'
                f'<a href="{esc(target)}" class="btn btn-primary">อ่านต่อ</a></div></div></div>')
            if year == 2569:
                site.label(code, "pass", target)
        site.write(f"/ita-{year}/", shell("การเปิดเผยข้อมูลสาธารณะ (OIT)",
                                          f"<div class='row'>{''.join(cards)}</div>"))
    lines = content("O30", site.office)
    site.write("/complaint/", shell(lines[0], "<form><textarea></textarea></form>"))
    site.write("/", shell("หน้าแรก", f"<p>{a('/ita-2569/', 'ITA')}</p>"))
    site.notes += ["O13 and O27 appear only under /ita-2568/: missing for 2569"]
    site.finish()
    return site


SITES = [wordpress_table, joomla_nested, google_sites, php_subindicator, year_tabs, code_forms,
         other_wording, image_banners, two_clicks, js_menu, broken_ita, slow_flaky, news_decoys,
         cards_year_paths]


def build() -> list[Site]:
    return [make() for make in SITES]


if __name__ == "__main__":
    for s in build():
        print(f"built {s.name}: {sum(1 for v in s.labels.values() if v['verdict'] != 'missing')}"
              " items present")
    _ = MONTHS
