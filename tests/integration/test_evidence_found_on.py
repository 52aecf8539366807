"""An evidence's ``found_on`` names the same page on every run of an unchanged site, whichever
of the pages carrying its link the crawl parsed first: of equal candidates of one link, the
finder keeps the one on the page nearest home (the crawl's depth, then the address:
checklists.candidates._Found).  Before, two crawl orders of this site gave two pages
(measured: O1, O5, O7 and O10 each named the page that answered first).  Equal candidates of
two different links come in that walk's order too: the report's first evidence of an item is
the same link on every run (before: hygiene37 measured O1 and O5 naming /s2.html first when
/a.html answered last, /s1.html when /b.html did)."""

from __future__ import annotations

import json
import time

LINKS = ('<a href="/structure.html">โครงสร้างหน่วยงาน</a> '
         '<a href="/contact.html">ข้อมูลการติดต่อ</a> '
         '<a href="/plan.html">แผนดำเนินงานประจำปี 2569</a> '
         '<a href="/news.html">ข่าวประชาสัมพันธ์</a>')
PAGES = {
    "/": '<h1>สำนักงานตัวอย่าง</h1><a href="/a.html">หน่วยงานของเรา</a> '
         '<a href="/b.html">เกี่ยวกับเรา</a>',
    "/a.html": f"<h1>หน่วยงานของเรา</h1>{LINKS}",
    "/b.html": f"<h1>เกี่ยวกับเรา</h1>{LINKS}",
    "/structure.html": "<h1>โครงสร้างหน่วยงาน</h1><p>ผู้อำนวยการ รองผู้อำนวยการ กลุ่มงานบริหาร "
                       "ปรับปรุง 1 มีนาคม 2569</p>",
    "/contact.html": "<h1>ข้อมูลการติดต่อ</h1><p>ที่อยู่ 99 ถนนราชดำเนิน เขตพระนคร กรุงเทพฯ 10200 "
                     "โทรศัพท์ 02-123-4567 อีเมล info@example.go.th</p>",
    "/plan.html": "<h1>แผนดำเนินงานประจำปี พ.ศ. 2569</h1><p>แผนดำเนินงานประจำปีงบประมาณ "
                  "พ.ศ. 2569 ประกาศ 1 ตุลาคม 2568</p>",
    "/news.html": "<h1>ข่าวประชาสัมพันธ์</h1><p>15 เมษายน 2569 ประชุมคณะทำงาน</p>",
}
TARGETS = ("structure.html", "contact.html", "plan.html", "news.html")


STRUCTURE = PAGES["/structure.html"]
CONTACT = PAGES["/contact.html"]
# each of the two pages has its own link to a copy of the same two pages: two links of one
# item, equal in every way but their address and the page they are on
TWO_LINKS = {
    "/": PAGES["/"],
    "/a.html": '<h1>หน่วยงานของเรา</h1><a href="/s1.html">โครงสร้างหน่วยงาน</a> '
               '<a href="/c1.html">ข้อมูลการติดต่อ</a>',
    "/b.html": '<h1>เกี่ยวกับเรา</h1><a href="/s2.html">โครงสร้างหน่วยงาน</a> '
               '<a href="/c2.html">ข้อมูลการติดต่อ</a>',
    "/s1.html": STRUCTURE, "/s2.html": STRUCTURE, "/c1.html": CONTACT, "/c2.html": CONTACT,
}


def _two_crawl_orders(cli, tmp_path, serve_app, pages):
    """The site of ``pages`` audited twice, /a.html answering last, then /b.html: each run's
    report items, and the site's URL."""
    slow = {"path": ""}

    def app(path):
        if path == slow["path"]:  # answered last: the crawl parses the other page first
            time.sleep(1.5)
        if path in pages:
            return 200, {}, f"<html><body>{pages[path]}</body></html>".encode()
        return 404, {}, b"<html><body>not found</body></html>"

    url, _ = serve_app(app)
    runs = {}
    for page in ("/a.html", "/b.html"):
        slow["path"] = page
        out = tmp_path / page.strip("/")
        result = cli("audit", url, "--full", "--no-history", "--as-of", "2026-05-15",
                     "--no-external", out_dir=out)
        assert result.code in (0, 1), result.stdout + result.stderr
        order = [json.loads(line)["url"] for line in
                 (out / "crawl.jsonl").read_text(encoding="utf-8").splitlines()]
        assert order.index(f"{url}{page[1:]}") > order.index(f"{url}b.html"
                                                            if page == "/a.html" else f"{url}a.html")
        runs[page] = result.report["items"]
    return runs, url


def test_evidence_found_on_does_not_follow_the_crawl_order(cli, tmp_path, serve_app):
    reports, url = _two_crawl_orders(cli, tmp_path, serve_app, PAGES)
    runs = {page: {(item["code"], ev["url"]): ev["found_on"] for item in items
                   for ev in item["evidence"] if ev["url"].endswith(TARGETS)}
            for page, items in reports.items()}
    assert len(runs["/a.html"]) >= 3, runs
    assert runs["/a.html"] == runs["/b.html"]
    assert set(runs["/a.html"].values()) == {f"{url}a.html"}  # home's first link leads there


def test_equal_evidence_of_two_links_keeps_one_order(cli, tmp_path, serve_app):
    reports, url = _two_crawl_orders(cli, tmp_path, serve_app, TWO_LINKS)
    runs = {page: {item["code"]: [(ev["url"], ev["found_on"]) for ev in item["evidence"]]
                   for item in items if len(item["evidence"]) >= 2}
            for page, items in reports.items()}
    assert {"O1", "O5"} <= set(runs["/a.html"]), runs
    assert runs["/a.html"] == runs["/b.html"]
    # the first evidence: the link met first walking from home (a.html, the smaller address)
    assert runs["/a.html"]["O1"][0] == (f"{url}s1.html", f"{url}a.html")
    assert runs["/a.html"]["O5"][0] == (f"{url}c1.html", f"{url}a.html")
