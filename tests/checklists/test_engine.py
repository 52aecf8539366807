"""The verdict engine on hand-made crawls: no network, explicit as-of dates."""

from __future__ import annotations

from datetime import date

import pytest

from checklists import engine
from checklists.loader import load_checklist
from checklists.site.records import PageRecord
from checklists.site.snapshot import CrawlInfo, Snapshot

HOME = "http://office.example/"
ITA = "http://office.example/ita/"
AS_OF = date(2026, 5, 15)  # fiscal year 2569


def page(url: str, links: list[tuple[str, str, str]] = (), text: str = "", title: str = "",
         status: int = 200, kind: str = "page", error: str = "") -> PageRecord:
    return PageRecord(url=url, final_url=url, kind=kind, status=status, depth=0,
                      fetched_at="2026-05-15T00:00:00+00:00", title=title, text=text,
                      error=error,
                      links=[{"url": u, "text": t, "context": c, "heading": ""}
                             for u, t, c in links])


def doc(url: str, text: str, status: int = 200) -> PageRecord:
    return page(url, text=text, status=status, kind="document")


def verdicts(records: list[PageRecord], as_of: date = AS_OF, fy: int | None = None):
    snap = Snapshot(records, CrawlInfo(start_url=HOME, home_url=HOME))
    audit = engine.audit(load_checklist("nacc-oit-2565"), snap, as_of, fy)
    return {r.item.code: r for r in audit.results}


def site(rows: list[tuple[str, str, str]], docs: list[PageRecord], home_links=()) -> list:
    return [page(HOME, [(ITA, "ITA", ""), *home_links]),
            page(ITA, [(u, t, c) for u, t, c in rows]), *docs]


def test_missing_when_nothing_matches():
    r = verdicts(site([], []))["O10"]
    assert r.verdict == "missing" and not r.evidence
    assert "O10" in r.reason_th and r.fix_th


def test_pass_with_current_fiscal_year_in_content():
    url = "http://office.example/plan.pdf"
    r = verdicts(site([(url, "O10 แผนดำเนินงานประจำปี", "")],
                      [doc(url, "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569")]))["O10"]
    assert r.verdict == "pass" and r.matched_by == "code"
    ev = r.evidence[0]
    assert ev.url == url and ev.date == "2025-10-01" and ev.date_source == "content"


def test_stale_when_only_last_year():
    url = "http://office.example/plan.pdf"
    r = verdicts(site([(url, "O10 แผนดำเนินงานประจำปี", "")],
                      [doc(url, "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568")]))["O10"]
    assert r.verdict == "stale"
    assert "2569" in r.reason_th and "2568" in r.reason_th
    assert "2569" in r.fix_th


def test_content_outranks_link_text():
    url = "http://office.example/plan.pdf"
    r = verdicts(site([(url, "O10 แผนปฏิบัติการ 2569", "")],
                      [doc(url, "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568")]))["O10"]
    assert r.verdict == "stale" and r.evidence[0].date_source == "content"


def test_unverified_without_any_date():
    url = "http://office.example/plan.pdf"
    r = verdicts(site([(url, "O10 แผนดำเนินงานประจำปี", "")],
                      [doc(url, "แผนปฏิบัติการ โครงการ งบประมาณ")]))["O10"]
    assert r.verdict == "unverified"


def test_law_year_does_not_count():
    url = "http://office.example/plan.pdf"
    r = verdicts(site([(url, "O10 แผนดำเนินงานประจำปี", "")],
                      [doc(url, "ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540")]))["O10"]
    assert r.verdict == "unverified"


@pytest.mark.parametrize("status,error", [(404, ""), (500, ""), (200, "login_required")])
def test_broken_target(status, error):
    url = "http://office.example/plan.pdf"
    target = page(url, status=status, kind="document", error=error)
    r = verdicts(site([(url, "O10 แผนดำเนินงานประจำปี", "")], [target]))["O10"]
    assert r.verdict == "broken"
    if error:
        assert "เข้าสู่ระบบ" in r.reason_th and "login" in r.reason_en


def test_passing_candidate_beats_broken_one():
    good, bad = "http://office.example/plan69.pdf", "http://office.example/gone.pdf"
    r = verdicts(site([(bad, "O10 แผนดำเนินงานประจำปี", ""), (good, "แผนปฏิบัติการประจำปี", "")],
                      [doc(good, "ปีงบประมาณ 2569"), doc(bad, "", status=404)]))["O10"]
    assert r.verdict == "pass" and r.evidence[0].url == good
    assert r.evidence[1].role == "runner_up" and r.evidence[1].url == bad


def test_reachability_from_home():
    form = "http://office.example/complaint/"
    rows = [(form, "O30 ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "")]
    deep = verdicts(site(rows, [page(form, title="ร้องเรียน")]))["O30"]
    assert deep.verdict == "broken" and "2 คลิก" in deep.reason_th
    assert "within 1 click; found 2 clicks away" in deep.reason_en  # not "1 click(s)"
    linked = verdicts(site(rows, [page(form, title="ร้องเรียน")],
                           home_links=[(form, "แจ้งเรื่องร้องเรียน", "")]))["O30"]
    assert linked.verdict == "pass"


def test_monthly_coverage_across_links():
    months = {"ต.ค. 68": "10", "พ.ย. 68": "11", "ธ.ค. 68": "12", "มี.ค. 69": "03"}
    rows = [(f"http://office.example/skr-{m}.pdf", f"สรุปผลการจัดซื้อจัดจ้าง {label}", "")
            for label, m in months.items()]
    docs = [doc(u, "") for u, _, _ in rows]
    r = verdicts(site(rows, docs))["O23"]
    assert r.verdict == "stale"
    assert r.missing_months == ["ม.ค. 2569", "ก.พ. 2569"]
    assert len(r.evidence) == 4


def test_explicit_fiscal_year_overrides_as_of():
    url = "http://office.example/plan.pdf"
    records = site([(url, "O10 แผนดำเนินงานประจำปี", "")], [doc(url, "ปีงบประมาณ พ.ศ. 2568")])
    assert verdicts(records)["O10"].verdict == "stale"
    assert verdicts(records, fy=2568)["O10"].verdict == "pass"


@pytest.mark.parametrize("text", ["O1 โครงสร้าง", "O.1 โครงสร้าง", "o1", "O 1 โครงสร้าง",
                                  "ข้อ O1", "OIT1 โครงสร้าง", "O01."])
def test_code_forms(text):
    url = "http://office.example/chart.pdf"
    r = verdicts(site([(url, text, "")], [doc(url, "ข้อมูล ณ วันที่ 1 ตุลาคม 2568")]))["O1"]
    assert r.verdict == "pass" and r.matched_by == "code"


def test_code_in_row_with_generic_link_text():
    url = "http://office.example/chart.pdf"
    r = verdicts(site([(url, "คลิกที่นี่", "O1 โครงสร้าง คลิกที่นี่")],
                      [doc(url, "ข้อมูล ณ วันที่ 1 ตุลาคม 2568")]))["O1"]
    assert r.verdict == "pass"
    assert verdicts(site([(url, "คลิกที่นี่", "O1 โครงสร้าง คลิกที่นี่")],
                         [doc(url, "")]))["O10"].verdict == "missing"
