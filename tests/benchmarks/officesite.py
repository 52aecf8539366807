"""A generated office website for the crawl and batch benchmarks (deterministic).

``build_office_site(root, pages=5245, documents=533)`` copies the bundled demo site (whose
pages and files hold the evidence the checklist looks for) and adds generated sections of
news and activity posts until the site has ``pages`` HTML pages and ``documents`` PDFs: a
section hub linked from home, paginated list pages of 40 posts, and post pages with a
realistic navigation menu, a few paragraphs, neighbour links and (for some) a PDF. The PDFs
are small hand-written text PDFs (fast to build and to read; the evidence PDFs are the
demo's). The same arguments always give the same bytes.

Served with ``tests.nightly.sites.serve_validating`` (latency per request as an option).
"""

from __future__ import annotations

import os
import random
import shutil
from importlib.resources import as_file, files
from pathlib import Path

from tests.hostile.files import pdf_with_stream

FIXED_MTIME = 1735689600  # 2025-01-01T00:00:00Z, as tests/nightly/sites.py
SECTIONS = ("ข่าวประชาสัมพันธ์", "ภาพกิจกรรม", "ข่าวการศึกษา", "ประกาศรับสมัคร", "ข่าวโรงเรียน",
            "กิจกรรมนักเรียน", "บทความวิชาการ", "ข่าวผู้บริหาร")
PER_LIST = 40
MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
          "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
WORDS = ("โรงเรียน", "นักเรียน", "ครู", "ผู้บริหาร", "การประชุม", "โครงการ", "พัฒนา", "คุณภาพ",
         "การศึกษา", "ชุมชน", "กิจกรรม", "ส่งเสริม", "อบรม", "สัมมนา", "เครือข่าย", "ผู้ปกครอง")
MENU = ('<nav class="main-menu"><ul><li><a href="/">หน้าแรก</a></li>'
        '<li><a href="/about/history.html">ประวัติความเป็นมา</a></li>'
        '<li><a href="/about/structure.html">โครงสร้างองค์กร</a></li>'
        '<li><a href="/about/executives.html">ผู้บริหาร</a></li>'
        '<li><a href="/news/">ข่าวประชาสัมพันธ์</a></li><li><a href="/ita/">ITA 2569</a></li>'
        '<li><a href="/contact.html">ติดต่อเรา</a></li>{sections}</ul></nav>')
PAGE = ('<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{title}</title>'
        '<link rel="stylesheet" href="/static/style.css"></head><body>{menu}'
        '<div class="breadcrumb"><a href="/">หน้าแรก</a> › {crumb}</div>'
        '<main><h1>{title}</h1>{body}</main>'
        '<footer class="footer"><p>สำนักงานเขตพื้นที่การศึกษาตัวอย่าง โทร 0 2000 0000</p>'
        '</footer></body></html>\n')


def _pdf(text: str) -> bytes:
    """A one-page PDF with one line of ASCII text (readable by PDFium)."""
    return pdf_with_stream(f"BT /F1 12 Tf 50 780 Td ({text}) Tj ET".encode("latin-1"))


def _paragraphs(rnd: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(25, 45)))
        out.append(f"<p>{words}</p>")
    return "".join(out)


def _plan(pages: int, documents: int, demo_pages: int, demo_docs: int) -> tuple[int, int]:
    """(generated posts, generated PDFs) so that the site has ``pages``/``documents``."""
    fixed = 1 + len(SECTIONS)  # the hub and one index per section
    posts = pages - demo_pages - fixed
    lists = 0
    for _ in range(5):  # list pages depend on posts, posts on list pages
        lists = sum(-(-share // PER_LIST) for share in _shares(posts))
        posts = pages - demo_pages - fixed - lists
    return max(posts, 0), max(documents - demo_docs, 0)


def _shares(posts: int) -> list[int]:
    base, extra = divmod(max(posts, 0), len(SECTIONS))
    return [base + (1 if i < extra else 0) for i in range(len(SECTIONS))]


def build_office_site(root: Path, pages: int = 5245, documents: int = 533,
                      seed: int = 0) -> Path:
    """Write the site under ``root`` (created; must not exist) and return it."""
    with as_file(files("crawler.demo_site") / "site") as demo:
        shutil.copytree(demo, root)
    for pdf in (root / "files").glob("*scan*.pdf"):
        pdf.unlink()  # OCR (seconds of CPU a plain crawl never spends) is measured elsewhere
    demo_pages = sum(1 for _ in root.rglob("*.html"))
    demo_docs = sum(1 for p in root.rglob("*") if p.suffix in (".pdf", ".xlsx", ".docx"))
    posts, pdfs = _plan(pages, documents, demo_pages, demo_docs)
    rnd = random.Random(seed)
    gen = root / "gen"
    gen.mkdir()
    (root / "files" / "gen").mkdir()
    section_links = "".join(f'<li><a href="/gen/s{i}/">{name}</a></li>'
                            for i, name in enumerate(SECTIONS))
    menu = MENU.format(sections=section_links)
    pdf_every = posts / pdfs if pdfs else 0
    pdf_at = {int(k * pdf_every) for k in range(pdfs)} if pdfs else set()
    n = 0
    for s, (name, share) in enumerate(zip(SECTIONS, _shares(posts), strict=True)):
        folder = gen / f"s{s}"
        folder.mkdir()
        lists = -(-share // PER_LIST)
        list_links = "".join(f'<li><a href="/gen/s{s}/list-{j}.html">{name} หน้า {j + 1}</a></li>'
                             for j in range(lists))
        (folder / "index.html").write_text(PAGE.format(
            title=name, menu=menu, crumb=name, body=f"<ul>{list_links}</ul>"), encoding="utf-8")
        for j in range(lists):
            rows = []
            for k in range(j * PER_LIST, min(share, (j + 1) * PER_LIST)):
                day, month, year = 1 + (n % 28), MONTHS[n % 12], 2566 + (n % 4)
                title = f"{name} ครั้งที่ {k + 1}/{year}"
                doc = ""
                if n in pdf_at:
                    doc = (f'<p><a href="/files/gen/p{n:05d}.pdf">ดาวน์โหลดเอกสาร {title}'
                           f"</a></p>")
                    (root / "files" / "gen" / f"p{n:05d}.pdf").write_bytes(
                        _pdf(f"Activity report {n} of section {s}, year {year}"))
                prev_next = "".join(f'<a href="/gen/s{s}/p{m}.html">โพสต์ที่ {m + 1}</a> '
                                    for m in (k - 1, k + 1) if 0 <= m < share)
                body = (f"<p>โพสต์เมื่อ {day} {month} {year}</p>{_paragraphs(rnd, 4)}{doc}"
                        f'<div class="pager">{prev_next}</div>')
                (folder / f"p{k}.html").write_text(PAGE.format(
                    title=title, menu=menu, crumb=f"{name} › {title}", body=body),
                    encoding="utf-8")
                rows.append(f'<li><a href="/gen/s{s}/p{k}.html">{title}</a> {day} {month} '
                            f"{year}</li>")
                n += 1
            (folder / f"list-{j}.html").write_text(PAGE.format(
                title=f"{name} หน้า {j + 1}", menu=menu, crumb=name,
                body=f"<ul>{''.join(rows)}</ul>"), encoding="utf-8")
    hub = "".join(f'<li><a href="/gen/s{i}/">{name}</a></li>' for i, name in enumerate(SECTIONS))
    (gen / "index.html").write_text(PAGE.format(title="ข่าวและกิจกรรม", menu=menu,
                                                crumb="ข่าวและกิจกรรม", body=f"<ul>{hub}</ul>"),
                                    encoding="utf-8")
    home = root / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace(
        "</body>", '<p><a href="/gen/">ข่าวและกิจกรรมทั้งหมด</a></p></body>', 1),
        encoding="utf-8")
    for path in root.rglob("*"):
        os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    return root


def cached_site(pages: int, documents: int, seed: int = 0) -> Path:
    """The generated site in a cache folder under the temp directory (built once)."""
    import tempfile

    root = Path(tempfile.gettempdir()) / "oit-bench-sites" / f"p{pages}-d{documents}-s{seed}"
    if not (root / ".complete").exists():
        if root.exists():
            shutil.rmtree(root)
        root.parent.mkdir(parents=True, exist_ok=True)
        build_office_site(root, pages, documents, seed)
        (root / ".complete").write_text("ok")
    return root
