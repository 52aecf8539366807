"""Every redirect hop passes the address guard, and no hop re-fetches a URL already seen.

A 127.0.0.1 site (audited without ``--allow-private``: only its own start host is allowed)
links item pages through redirects: to ``localhost`` (a name resolving to loopback), to
10.0.0.1 and to cloud metadata, and two links and a direct link that all end at one report
page.  The redirects to private addresses make their items ``broken`` and are never
followed (the server would see a ``/secret`` path); the report page is fetched once.
"""

from __future__ import annotations

import pytest

from tests.hostile.appsite import AppCrawl, audit_app

ITA = """<html><head><title>ITA 2569</title></head><body><h1>การเปิดเผยข้อมูลสาธารณะ ITA 2569</h1>
<table>
<tr><td>O4</td><td><a href="/r/localhost">แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน 2566-2570</a></td></tr>
<tr><td>O5</td><td><a href="/r/ten">ข้อมูลการติดต่อ 2569</a></td></tr>
<tr><td>O6</td><td><a href="/r/metadata">กฎหมายที่เกี่ยวข้อง 2569</a></td></tr>
<tr><td>O12</td><td><a href="/r/moved-1">รายงานผลการดำเนินงานประจำปี 2568</a></td></tr>
</table>
<p><a href="/r/moved-2">รายงานประจำปี</a> <a href="/report-2568.html">รายงาน (ไฟล์เดิม)</a></p>
</body></html>"""
REPORT = """<html><head><title>รายงานผลการดำเนินงานประจำปี 2568</title></head><body>
<h1>รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2568</h1><p>เผยแพร่ 15 มกราคม 2569</p>
</body></html>"""


def _app(path: str, port: int) -> tuple[int, dict[str, str], bytes]:
    moves = {"/r/localhost": f"http://localhost:{port}/secret/plan.html",
             "/r/ten": "http://10.0.0.1/contact.html",
             "/r/metadata": "http://169.254.169.254/latest/meta-data/",
             "/r/moved-1": "/report-2568.html", "/r/moved-2": "/report-2568.html"}
    if path in moves:
        return 302, {"Location": moves[path]}, b""
    if path == "/":
        return 200, {}, ITA.encode()
    if path == "/report-2568.html":
        return 200, {}, REPORT.encode()
    return 404, {}, b"not here"


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> AppCrawl:
    return audit_app(_app, tmp_path_factory.mktemp("redirect-hops"))


@pytest.mark.parametrize(("code", "path", "shown"), [
    ("O4", "/r/localhost", "localhost (127.0.0.1)"),
    ("O5", "/r/ten", "10.0.0.1"),
    ("O6", "/r/metadata", "169.254.169.254"),
])
def test_a_redirect_to_a_private_address_is_refused_and_broken(crawl, code, path, shown):
    assert crawl.result.code == 1, crawl.result.stderr
    rec = crawl.record(path)
    assert rec["error"] == "private" and shown in rec["error_detail"]
    assert rec["redirects"] == [crawl.base + path.lstrip("/")]
    item = crawl.item(code)
    assert item["verdict"] == "broken" and "points to a private address" in item["reason_en"]
    assert not [p for p in crawl.paths if p.startswith("/secret")]


def test_hops_do_not_refetch_a_url_already_seen(crawl):
    assert crawl.paths.count("/report-2568.html") == 1
    assert crawl.paths.count("/r/moved-1") == 1 and crawl.paths.count("/r/moved-2") == 1
    fetched = [r for r in crawl.records if r["final_url"].endswith("/report-2568.html")]
    assert [r["status"] for r in fetched if not r["same_as"]] == [200]
    aliases = [r for r in fetched if r["same_as"]]
    assert aliases and all(r["same_as"] == crawl.base + "report-2568.html" for r in aliases)


def test_a_link_whose_redirect_was_already_fetched_still_passes(crawl):
    item = crawl.item("O12")
    assert item["verdict"] == "pass", item
    assert crawl.result.report["crawl"]["errors"] == 3  # the three private redirects only
