"""Every report.json matches reports/report.schema.json (Draft 2020-12)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from reports import RENDERERS, write_reports
from reports.schema import report_problems, report_schema


@pytest.fixture
def unreachable(refused_audit):
    """A live audit of a site that refuses connections (one per session: tests/conftest.py)."""
    assert refused_audit.code == 2, refused_audit.stderr
    return refused_audit


def test_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(report_schema())
    assert report_schema()["$schema"].endswith("/draft/2020-12/schema")


def test_the_report_fixture_matches_schema(demo_report):
    """tests/fixtures/report/report.json, which the renderer tests read, is a valid report
    (if not: python tests/fixtures/make_report_fixture.py)."""
    assert report_problems(demo_report) == []
    Draft202012Validator(report_schema()).validate(demo_report)


def test_demo_report_carries_scale_units_and_deadlines(demo_report):
    s = demo_report["summary"]
    assert [b["label"] for b in s["scale"]] == ["AA", "A", "B", "C", "D", "E", "F"]
    assert s["scale"][0]["max"] == 100 and s["scale"][-1]["min"] == 0
    band = next(b for b in s["scale"] if b["min"] <= s["indicator9_estimate"] <= b["max"] + 0.01)
    assert s["band"] == band
    assert demo_report["units"]["finance"]["th"] == "กลุ่มบริหารงานการเงินและสินทรัพย์"
    for n, item in enumerate(demo_report["items"], start=1):
        assert item["order"] == n
        assert (item["due"] is None) == (item["verdict"] == "pass"), item["code"]


def test_unreachable_report_matches_schema(unreachable):
    report = unreachable.report
    assert report["status"] == "site_unreachable"
    assert report["summary"] is None and report["items"] == []
    assert report_problems(report) == []


def test_every_format_renders_an_unreachable_report(unreachable, tmp_path):
    written = write_reports(unreachable.report, tmp_path)
    assert {p.name for p in written} == {name for name, _ in RENDERERS.values()}
    assert "เข้าเว็บไซต์ไม่ได้" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'errors="1"' in (tmp_path / "junit.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("breaks, where", [
    (lambda r: r["items"][0].update(verdict="fine"), "items/0/verdict"),
    (lambda r: r["summary"].pop("band"), "summary"),
    (lambda r: r.pop("checklist"), "(root)"),
    (lambda r: r["items"][0]["evidence"][0].update(date="1/10/2566"), "items/0/evidence/0/date"),
    (lambda r: r.update(status="site_unreachable"), "(root)"),
])
def test_schema_rejects_broken_reports(demo_report, breaks, where):
    report = copy.deepcopy(demo_report)
    breaks(report)
    problems = report_problems(report)
    assert problems and any(p.startswith(f"at {where}") for p in problems), problems


def test_schema_file_is_packaged_beside_the_renderers():
    path = Path(__file__).resolve().parents[2] / "reports" / "report.schema.json"
    assert json.loads(path.read_text(encoding="utf-8"))["title"] == "oit-audit report.json"


def test_reports_saved_before_the_new_keys_still_render(demo_report, tmp_path):
    """A report.json from before `units`, `scale`, `order`, `requires` and `due` existed."""
    old = copy.deepcopy(demo_report)
    for key in ("units", "units_file"):
        old.pop(key)
    old["summary"].pop("scale")
    for item in old["items"]:
        for key in ("order", "requires", "requires_en", "due"):
            item.pop(key)
    assert report_problems(old) == []
    written = write_reports(old, tmp_path)
    assert len(written) == len(RENDERERS)
    assert "O23" in (tmp_path / "fixes.md").read_text(encoding="utf-8")
