"""The README's first command: `oit-audit demo` audits the bundled site offline."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from crawler.demo import DEMO_AS_OF, demo_site_key
from reports import RENDERERS
from tests.conftest import AUDIT_HOME, REPORT_FIXTURE

# The demo's deliberate gaps follow the seed's weak items (crawler/demo_site/build.py).
EXPECTED = {
    "O1": "stale", "O11": "missing", "O14": "broken", "O15": "unverified", "O23": "stale",
    "O25": "missing", "O26": "missing", "O27": "missing", "O30": "broken", "O31": "broken",
}


@pytest.fixture
def demo(demo_audit):
    """The session's one live ``oit-audit demo`` run (tests/conftest.py)."""
    return demo_audit.result


def test_demo_exit_code_reports_gaps(demo):
    assert demo.code == 1, demo.stderr
    for name in (*(name for name, _ in RENDERERS.values()), "crawl.jsonl"):  # every format
        assert (demo.out_dir / name).stat().st_size > 500, name


def shape(value: Any, path: str = "") -> set[str]:
    """Every key path in a JSON value (``items/[]/evidence/[]/url``)."""
    if isinstance(value, dict):
        return {p for k, v in value.items() for p in (f"{path}/{k}", *shape(v, f"{path}/{k}"))}
    if isinstance(value, list):
        return {p for v in value for p in shape(v, f"{path}/[]")}
    return set()


def judged(item: dict[str, Any]) -> dict[str, Any]:
    """An item without the time its evidence was seen."""
    return {**item, "evidence": [{k: v for k, v in e.items() if k != "seen_at"}
                                 for e in item["evidence"]]}


def test_the_report_fixture_matches_a_live_demo_audit(demo):
    """tests/fixtures/report/report.json, which the renderer tests read, is what the demo
    writes today; when not, run ``python tests/fixtures/make_report_fixture.py``."""
    fixture = json.loads(REPORT_FIXTURE.read_text(encoding="utf-8"))
    live = demo.report
    hint = "stale fixture: run python tests/fixtures/make_report_fixture.py"
    assert shape(fixture) == shape(live), hint
    for key in ("status", "site", "as_of", "fiscal_year", "checklist", "summary", "units",
                "framework", "due_soon"):
        assert fixture[key] == live[key], (key, hint)
    assert [judged(i) for i in fixture["items"]] == [judged(i) for i in live["items"]], hint


def test_the_failed_pages_are_listed_in_address_order(demo):
    """Crawl order varies from run to run; the report's list of failed pages does not."""
    urls = [f["url"] for f in demo.report["crawl"]["failed"]]
    assert len(urls) > 1 and urls == sorted(urls)


def test_demo_verdict_of_every_item(demo):
    verdicts = demo.verdicts()
    assert len(verdicts) == 43
    for code, verdict in verdicts.items():
        assert verdict == EXPECTED.get(code, "pass"), (code, verdict)


def test_demo_monthly_gap_names_missing_months(demo):
    o23 = next(i for i in demo.report["items"] if i["code"] == "O23")
    # October-December and March as PDFs; January only inside the spreadsheet's sheets
    assert o23["missing_months"] == ["ก.พ. 2569"]
    assert "ขาดเดือน ก.พ. 2569" in o23["reason"]
    urls = [e["url"] for e in o23["evidence"]]
    assert len([u for u in urls if u.endswith(".pdf")]) == 4
    assert any(u.endswith("procurement-summary.xlsx") for u in urls)


def test_demo_verdicts_come_from_inside_documents(demo):
    items = {i["code"]: i for i in demo.report["items"]}
    # O1: the structure chart is a scan; its date is read by OCR
    assert items["O1"]["evidence"][0]["url"].endswith("structure-scan.pdf")
    assert items["O1"]["evidence"][0]["date_text"] == "1 ตุลาคม 2566"
    assert items["O1"]["evidence"][0]["date_source"] == "content"
    # O21: a public Drive file behind the large-file confirmation page
    o21 = items["O21"]
    assert o21["verdict"] == "pass" and "/file/d/" in o21["evidence"][0]["url"]
    assert o21["evidence"][0]["date_source"] == "content"
    # O31: a Drive link that lands on the sign-in page
    assert "not public (login required)" in items["O31"]["reason_en"]


def test_demo_report_contract(demo):
    r = demo.report
    assert r["status"] == "complete"
    assert r["as_of"] == "2026-05-15" and r["fiscal_year"] == 2569
    assert r["checklist"]["id"] == "nacc-oit-2565" and r["checklist"]["version"]
    for key in ("pages", "documents", "errors", "limits_hit"):
        assert key in r["crawl"]
    s = r["summary"]
    assert sum(s[v] for v in ("pass", "missing", "stale", "broken", "unverified")) == 43
    assert s["indicator9_estimate"] == pytest.approx(64.42, abs=0.01)
    assert s["band"]["label"] == "D"  # 55-64.99 on the 2565 scale
    for item in r["items"]:
        assert {"code", "title_th", "verdict", "reason", "owner", "evidence"} <= set(item)
        for ev in item["evidence"]:
            assert {"url", "text", "date"} <= set(ev)
        if item["verdict"] != "missing":
            assert item["evidence"], item["code"]
            assert item["evidence"][0]["url"].startswith("http")


def test_demo_evidence_carries_dates_and_owners(demo):
    items = {i["code"]: i for i in demo.report["items"]}
    o1 = items["O1"]
    assert o1["owner"] == "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร"
    assert items["O23"]["owner"] == "กลุ่มบริหารงานการเงินและสินทรัพย์"
    assert items["O30"]["owner"] == "กลุ่มกฎหมายและคดี"
    assert "หน้าแรก" in items["O30"]["reason"]
    assert items["O14"]["evidence"][0]["status"] == 404


def test_demo_prints_summary_table(demo):
    assert "O23" in demo.stdout and "ขาดเดือน" in demo.stdout
    assert "64.42" in demo.stdout


def test_demo_as_of_is_overridable(demo_next_year):
    # A year later the fiscal year is 2570 and last year's plans are stale.
    result = demo_next_year
    assert result.code == 1
    assert result.report["fiscal_year"] == 2570
    assert result.verdicts()["O10"] == "stale"


def test_the_demo_at_another_date_keeps_a_history_of_its_own(demo_next_year):
    """The demo's pages never change: the demo a year later is another audit, recorded under
    its own key and compared only with itself, never with the demo at its usual date."""
    mark = demo_site_key(DEMO_AS_OF).removeprefix("demo@")
    assert len(mark) == 8 and demo_site_key("2027-05-15") == f"demo-2027-05-15@{mark}"
    changes = demo_next_year.report["changes"]
    assert changes["baseline"] is None or changes["baseline"]["as_of"] == "2027-05-15"
    home = Path(os.environ.get("OIT_AUDIT_HOME", AUDIT_HOME))  # the session's history
    with sqlite3.connect(home / "history.sqlite3") as db:
        runs = db.execute("SELECT site_key, as_of FROM runs WHERE site_url LIKE ?",
                          ("%demo-office.localhost%",)).fetchall()
    assert (demo_site_key("2027-05-15"), "2027-05-15") in runs
    assert all(key == demo_site_key(as_of) for key, as_of in runs), runs


def test_without_ocr_the_scan_is_reported_not_failed(tmp_path):
    from tests.conftest import run_cli

    # No tesseract on PATH: the scanned chart cannot be read, and the report says so
    # (--no-history: no text cache holding what an earlier run read by OCR).
    result = run_cli("demo", "--no-history", out_dir=tmp_path, env={"PATH": str(tmp_path)})
    assert result.code == 1, result.stderr
    o1 = next(i for i in result.report["items"] if i["code"] == "O1")
    assert o1["verdict"] == "unverified"
    assert "OCR not available" in o1["reason_en"]
    assert result.verdicts()["O23"] == "stale"  # everything else is still judged


def test_demo_framework_fits_its_checklist(demo):
    """The demo labels its hub ITA 2569 but its rows carry the 2565 codes and titles: the
    checklist in use fits, so no other is suggested."""
    framework = demo.report["framework"]
    assert framework["declared_year"] == 2569 and framework["max_code"] == 43
    assert framework["suggested"] is None
    assert demo.report["items"][22]["last_year"] is None  # 2565 is NACC's first shipped list
