"""An evidence's ``found_on`` names the same page on every run of an unchanged site, whichever
of the pages carrying its link the crawl parsed first: of equal candidates of one link, the
finder keeps the one on the page nearest home (the crawl's depth, then the address:
checklists.candidates._Found).  Before, two crawl orders of this site gave two pages
(measured: O1, O5, O7 and O10 each named the page that answered first)."""

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


def test_evidence_found_on_does_not_follow_the_crawl_order(cli, tmp_path, serve_app):
    slow = {"path": ""}

    def app(path):
        if path == slow["path"]:  # answered last: the crawl parses the other page first
            time.sleep(1.5)
        if path in PAGES:
            return 200, {}, f"<html><body>{PAGES[path]}</body></html>".encode()
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
        assert order.index(f"{url}{page[1:]}") > order.index(f"{url}structure.html")
        runs[page] = {(item["code"], ev["url"]): ev["found_on"] for item in
                      result.report["items"] for ev in item["evidence"]
                      if ev["url"].endswith(TARGETS)}
    assert len(runs["/a.html"]) >= 3, runs
    assert runs["/a.html"] == runs["/b.html"]
    assert set(runs["/a.html"].values()) == {f"{url}a.html"}  # home's first link leads there
