"""Several years in one link text, page or list of links (issue 16, part 3): the verdict
reads the year that speaks of the item's period, as of an explicit date (never the clock)."""

from __future__ import annotations

from datetime import date

import pytest

from checklists.dating import is_assessment_label, read_source
from checklists.thaidates import find_dates
from tests.checklists.test_engine import doc, page, site, verdicts

REPORTS = "http://office.example/reports/"


def _url(year: int) -> str:
    return f"http://office.example/r{year}.pdf"


def test_of_reports_listed_alike_the_nearest_year_tells_what_to_fix():
    years = (2566, 2567, 2568)  # a real hub's shape: one link per year, none of 2569
    rows = [(_url(y), f"O11 รายงานผลการดำเนินงานรอบ 6 เดือน ปี {y}", "") for y in years]
    docs = [doc(_url(y), f"รายงานผลการดำเนินงานรอบ 6 เดือน ปีงบประมาณ {y}") for y in years]
    r = verdicts(site(rows, docs), as_of=date(2026, 5, 15))["O11"]
    assert r.verdict == "stale"
    assert r.evidence[0].url == _url(2568) and "2568" in r.reason_th
    assert "2566" not in r.reason_th


def test_a_page_listing_several_years_passes_on_the_year_due():
    text = "\n".join(f"รายงานผลการดำเนินงานประจำปี {y}" for y in (2566, 2567, 2568))
    records = site([(REPORTS, "O12 รายงานผลการดำเนินงานประจำปี", "")], [page(REPORTS, text=text)])
    r = verdicts(records, as_of=date(2026, 5, 15))["O12"]  # fiscal 2569: the 2568 report is due
    assert r.verdict == "pass" and "2568" in r.reason_th
    r = verdicts(records, as_of=date(2027, 5, 15))["O12"]  # fiscal 2570: 2569 is due, not there
    assert r.verdict == "stale" and "2568" in r.reason_th and "2569" in r.reason_th


@pytest.mark.parametrize(("link_text", "verdict"), [
    # the plan is of 2567; `ITA 2568` is the round it was filed under
    ("O10 แผนดำเนินงานประจำปี 2567 (ITA 2568)", "stale"),
    ("O10 ITA2568 แผนดำเนินงานประจำปี 2567", "stale"),
    # with nothing else dated, the round's year stands for the period
    ("O10 แผนดำเนินงานประจำปี ITA 2568", "pass"),
    ("O10 แผนดำเนินงานประจำปี 2568 (ITA 2568)", "pass"),
])
def test_an_assessment_rounds_year_gives_way_to_the_period_named(link_text, verdict):
    records = site([(_url(1), link_text, "")], [doc(_url(1), "แผนดำเนินงาน")])
    assert verdicts(records, as_of=date(2025, 5, 15))["O10"].verdict == verdict


@pytest.mark.parametrize(("text", "label"), [
    ("ITA 2568", True), ("ITA2569_O11.pdf", True), ("OIT ปี 2568", True),
    ("ผลการประเมิน ITA ประจำปีงบ 2567", False),  # a fiscal year, not a bare round label
    ("แผนปฏิบัติการประจำปี 2568", False),
])
def test_assessment_labels(text, label):
    mentions = [m for m in find_dates(text) if m.counts]
    assert len(mentions) == 1
    assert is_assessment_label(text, mentions[0]) is label


def test_read_source_keeps_a_lone_label_and_drops_it_beside_a_period():
    assert [m.text for m in read_source("ITA2569_O11.pdf")] == ["2569"]
    assert [m.text for m in read_source("O12 รายงานผลประจำปี 2567 (ITA 2568)")] == ["ปี 2567"]
