"""The hostile network site: requests oit-audit must never make, verdicts it must never give.

tests/sites/hostile/net/ is audited for real from its 127.0.0.1 start URL without
``--allow-private``: its links and redirects point to cloud metadata, another loopback
address, a 10.x address, a name resolving to loopback, a redirect loop, a 30-hop chain, a
closed port and a host that never answers.  The suite's socket guard (tests/socketguard.py)
fails any test during which a connection left 127.0.0.1; these tests also assert it directly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests import socketguard
from tests.conftest import GUARD_LOG, CliResult, run_cli
from tests.hostile.server import CHAIN_LENGTH, FORBIDDEN_TARGETS, Seen, serve_hostile

BUDGET = 3  # OIT_EXTERNAL_HOST_BUDGET in these audits


@dataclass
class Crawl:
    result: CliResult
    seen: Seen
    other_seen: Seen
    hang_connections: int
    outside: list[str]
    base: str

    @property
    def records(self) -> list[dict[str, Any]]:
        lines = (self.result.out_dir / "crawl.jsonl").read_text("utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def record(self, url: str) -> dict[str, Any]:
        return next(r for r in self.records if r["url"] == url)

    def item(self, code: str) -> dict[str, Any]:
        return next(i for i in self.result.report["items"] if i["code"] == code)


def _crawl(out: Path, *args: str) -> Crawl:
    start = socketguard.log_size(GUARD_LOG)
    with serve_hostile() as site:
        result = run_cli("audit", site.url, "--as-of", "2026-05-15", "--no-history",
                         "-s", f"OIT_EXTERNAL_HOST_BUDGET={BUDGET}", *args, out_dir=out)
        base = site.url.removesuffix("net/")
        return Crawl(result, site.seen, site.other_seen, len(site.hang_connections),
                     socketguard.violations(GUARD_LOG, start), base)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> Crawl:
    done = _crawl(tmp_path_factory.mktemp("hostile-net"))
    assert done.result.code == 1, done.result.stdout + done.result.stderr
    return done


def test_nothing_outside_the_site_was_connected_to(crawl):
    assert crawl.outside == []
    assert crawl.seen.hosts() == {"127.0.0.1"}  # never asked as http://localhost:PORT/


@pytest.mark.parametrize(("code", "trap", "target"), [
    ("O4", "/trap/metadata", "169.254.169.254"),
    ("O5", "/trap/loopback", "127.0.0.2"),
    ("O6", "/trap/ten", "10.20.30.40"),
    ("O9", "/trap/meta-refresh", "169.254.169.254"),
])
def test_redirects_to_private_addresses_are_broken_and_never_followed(crawl, code, trap,
                                                                      target):
    item = crawl.item(code)
    assert item["verdict"] == "broken"
    assert item["reason"].startswith("ลิงก์หลักฐานเปิดไม่ได้: ลิงก์ชี้ไปยังที่อยู่เครือข่ายภายใน")
    assert "points to a private address" in item["reason_en"]
    rec = crawl.record(crawl.base + trap.lstrip("/"))
    assert rec["error"] == "private" and target in rec["final_url"]
    assert rec["redirects"] == [crawl.base + trap.lstrip("/")]
    assert "attempts" not in rec["error_detail"]  # neither retried nor given a second chance
    assert target in FORBIDDEN_TARGETS


def test_links_to_private_addresses_are_broken(crawl):
    assert crawl.item("O7")["verdict"] == "broken"
    assert crawl.record("http://169.254.169.254/latest/meta-data/")["error"] == "private"
    port = crawl.base.rstrip("/").rsplit(":", 1)[1]
    rec = crawl.record(f"http://localhost:{port}/net/qa.html")  # resolves to 127.0.0.1
    assert rec["error"] == "private" and "localhost (127.0.0.1)" in rec["error_detail"]


def test_a_redirect_loop_is_broken_with_its_chain(crawl):
    item = crawl.item("O1")
    assert item["verdict"] == "broken" and "วนกลับ" in item["reason"]
    rec = crawl.record(crawl.base + "trap/loop-a")
    assert rec["error"] == "redirect_loop"
    assert rec["error_detail"].count("/trap/loop-") == 3  # a → b → a
    assert item["evidence"][0]["redirects"] == [crawl.base + "trap/loop-a",
                                                crawl.base + "trap/loop-b"]


def test_a_30_hop_chain_is_broken_with_its_chain(crawl):
    assert CHAIN_LENGTH == 30
    item = crawl.item("O2")
    assert item["verdict"] == "broken" and "หลายทอด" in item["reason"]
    rec = crawl.record(crawl.base + "trap/chain/1")
    assert rec["error"] == "too_many_redirects" and len(rec["redirects"]) == 20
    assert len(item["evidence"][0]["redirects"]) == 21
    assert "/trap/chain/1 → " in rec["error_detail"]


def test_a_redirect_to_an_unreachable_host_is_broken(crawl):
    assert crawl.item("O3")["verdict"] == "broken"
    rec = crawl.record(crawl.base + "trap/unreachable")
    assert rec["error"] == "refused" and rec["final_url"].startswith("http://127.0.0.1:1/")
    assert rec["redirects"] == [crawl.base + "trap/unreachable"]


def test_a_same_site_redirect_still_works(crawl):
    rec = crawl.record(crawl.base + "trap/moved")
    assert rec["status"] == 200 and rec["final_url"].endswith("/net/report-2568.html")
    assert crawl.item("O12")["verdict"] == "pass"


def test_a_hanging_host_gets_one_short_budget(crawl):
    assert crawl.hang_connections <= 2  # robots.txt, then nothing: the budget is spent
    rec = next(r for r in crawl.records if r["url"].endswith("/plan-2569.pdf"))
    assert rec["error"] in ("slow_host", "timeout")
    assert crawl.item("O21")["verdict"] == "broken"


@pytest.mark.parametrize(("path", "title"), [
    ("enc/latin1-header.html", "คู่มือการปฏิบัติงาน"),
    ("enc/tis620-body.html", "แผนดำเนินงานประจำปี 2569"),
    ("enc/tis620-meta.html", "Home - อบต.ทดสอบ"),
    ("enc/tis620-none.html", "Home - อบต.ทดสอบ"),
])
def test_pages_with_a_wrong_declared_encoding_are_read(crawl, path, title):
    rec = crawl.record(crawl.base + path)
    assert rec["title"] == title and rec["links"] and "\ufffd" not in rec["text"]


def test_no_external_stops_redirects_to_other_hosts(tmp_path):
    done = _crawl(tmp_path, "--no-external")
    assert done.result.code == 1, done.result.stderr
    assert done.other_seen.requests == [] and done.hang_connections == 0
    assert done.outside == []
    assert done.item("O17")["verdict"] != "broken"  # not checked, not called broken


def test_allow_private_reaches_a_private_name(tmp_path, serve_app):
    """With --allow-private, a link to http://localhost:PORT/ is followed (it is refused
    without the option, see test_links_to_private_addresses_are_broken)."""
    def app(path: str) -> tuple[int, dict[str, str], bytes]:
        if path == "/":
            return 200, {}, f'<a href="http://localhost:{port}/qa.html">ถาม-ตอบ</a>'.encode()
        return 200, {}, b"<html><head><title>Q&amp;A</title></head><body>ok</body></html>"

    url, rec = serve_app(app)
    port = url.rstrip("/").rsplit(":", 1)[1]
    result = run_cli("audit", url, "--as-of", "2026-05-15", "--no-history", "--allow-private",
                     out_dir=tmp_path)
    assert result.code in (0, 1), result.stderr
    assert "/qa.html" in rec.paths
