"""Freshness rules on real Thai snippets read by the date finder, at explicit as-of dates.

Every table row is (evidence, as-of date, expected verdict, ...): the evidence is Thai text as
sites write it, run through ``find_dates`` and tagged with the source it was read from, so the
rules are tested against the finder's real output (kinds, intervals, contexts).  As-of dates
sit on the boundaries the rules depend on: 30 Sep / 1 Oct (fiscal year), 31 Dec / 1 Jan
(calendar year), 29 Feb 2567 (2024-02-29), 31 March + grace (the 6-month round) and month end
+ grace (monthly summaries).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from checklists import dating
from checklists.fiscal import fiscal_year_of
from checklists.freshness import RULES, Context, DatedMention, Outcome
from checklists.freshness.base import SOURCE_RANK, fiscal_years, is_multi_year, is_year_span
from checklists.freshness.monthly_coverage import months_due
from checklists.loader import load_checklist
from checklists.site.records import PageRecord
from checklists.thaidates import find_dates

URL = "http://office.example/files/evidence.pdf"
D = date.fromisoformat
Part = str | tuple[str, str]


def read(*parts: Part, url: str = URL) -> list[DatedMention]:
    """The mentions of Thai snippets; a part is ``text`` (content) or ``(source, text)``."""
    out = []
    for part in parts:
        source, text = ("content", part) if isinstance(part, str) else part
        found = find_dates(text)
        assert found, f"the finder reads no date in {text!r}"
        out.extend(DatedMention(m, source, url) for m in found)
    return out


def judge(rule: str, mentions: list[DatedMention], as_of: str, fy: int | None = None,
          **params: object) -> Outcome:
    """Run ``rule`` at ``as_of``; the fiscal year follows the as-of date unless ``fy`` is set."""
    day = D(as_of)
    return RULES[rule].check(mentions, Context(day, fy or fiscal_year_of(day), params))


def check_row(outcome: Outcome, verdict: str, used: str | None) -> None:
    assert outcome.verdict == verdict, (outcome.reason_th, outcome.reason_en)
    assert outcome.reason_th and outcome.reason_en
    if used is not None:
        assert outcome.used is not None and outcome.used.mention.text == used


# --- how mentions are read -------------------------------------------------------------------

@pytest.mark.parametrize("text, years, multi, span", [
    ("แผนปฏิบัติการประจำปี 2569", (2569, 2569), False, False),   # a bare year: a fiscal year
    ("แผนพัฒนาการศึกษา พ.ศ. 2566-2570", (2566, 2570), True, True),  # span of bare years
    ("ปีงบประมาณ พ.ศ. 2566 - 2570", (2566, 2570), True, False),
    ("ปีงบประมาณ 2569", (2569, 2569), False, False),
    ("ไตรมาส 2 ปีงบประมาณ 2569", (2569, 2569), False, False),
    ("รอบ 6 เดือน ปีงบประมาณ 2569", (2569, 2569), False, False),
    ("ข้อมูล ณ วันที่ 30 กันยายน 2568", (2568, 2568), False, False),
    ("ข้อมูล ณ วันที่ 1 ตุลาคม 2568", (2569, 2569), False, False),
    ("ม.ค. - ธ.ค. 2568", (2568, 2569), False, False),            # a calendar year of months
    ("ข้อมูล ณ วันที่ 29 ก.พ. 2567", (2567, 2567), False, False),
])
def test_fiscal_years_of_a_mention(text, years, multi, span):
    (m,) = find_dates(text)
    assert fiscal_years(m) == years
    assert is_multi_year(m) is multi
    assert is_year_span(m) is span


# --- current_fiscal_year ---------------------------------------------------------------------

CURRENT = [
    # (evidence, as-of, fiscal-year override, verdict, mention used)
    (["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569"], "2026-05-15", None, "pass",
     "ปีงบประมาณ พ.ศ. 2569"),
    (["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568"], "2026-05-15", None, "stale",
     "ปีงบประมาณ พ.ศ. 2568"),
    # fiscal-year change: 30 Sep is the last day of FY 2569, 1 Oct the first of FY 2570
    (["ปีงบประมาณ 2569"], "2026-09-30", None, "pass", None),
    (["ปีงบประมาณ 2569"], "2026-10-01", None, "stale", None),
    (["ประกาศ ณ วันที่ 30 กันยายน 2568"], "2025-09-30", None, "pass", None),
    (["ประกาศ ณ วันที่ 30 กันยายน 2568"], "2025-10-01", None, "stale", None),
    (["ประกาศ ณ วันที่ 1 ตุลาคม 2568"], "2025-10-01", None, "pass", None),
    # a bare year is the fiscal year of that number: 2569 already on 1 Oct 2568 (2025)
    (["แผนปฏิบัติการประจำปี 2569"], "2025-10-01", None, "pass", "ปี 2569"),
    (["แผนปฏิบัติการประจำปี 2568"], "2025-10-01", None, "stale", "ปี 2568"),
    # calendar-year change changes nothing: 31 Dec and 1 Jan are both in FY 2569
    (["แผนปฏิบัติการประจำปี 2568"], "2025-12-31", None, "stale", None),
    (["แผนปฏิบัติการประจำปี 2569"], "2025-12-31", None, "pass", None),
    (["ประกาศ ณ วันที่ 31 ธันวาคม 2568"], "2026-01-01", None, "pass", None),
    # 29 February 2567 as a date and as the as-of date
    (["ข้อมูล ณ วันที่ 29 ก.พ. 2567"], "2024-02-29", None, "pass", "29 ก.พ. 2567"),
    (["ข้อมูล ณ วันที่ 29 ก.พ. 2567"], "2024-10-01", None, "stale", "29 ก.พ. 2567"),
    # a multi-year plan covers each of its fiscal years, and no later one
    (["แผนพัฒนาการศึกษา พ.ศ. 2566-2570"], "2026-05-15", None, "pass", None),
    (["แผนพัฒนาการศึกษา พ.ศ. 2566-2570"], "2027-09-30", None, "pass", None),
    (["แผนพัฒนาการศึกษา พ.ศ. 2566-2570"], "2027-10-01", None, "stale", None),
    # ... and the year's own mention is the one reported
    (["แผนปฏิบัติการประจำปีงบประมาณ 2569 ภายใต้แผนพัฒนาการศึกษา พ.ศ. 2566-2570"],
     "2026-05-15", None, "pass", "ปีงบประมาณ 2569"),
    (["รายงานผลไตรมาส 2 ปีงบประมาณ 2569"], "2026-05-15", None, "pass", None),
    # next year's plan is not this year's
    (["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2570"], "2026-05-15", None, "stale", None),
    # --fiscal-year: the assessed year is given, not taken from the as-of date
    (["ปีงบประมาณ พ.ศ. 2568"], "2026-05-15", 2568, "pass", None),
    (["ปีงบประมาณ พ.ศ. 2569"], "2026-05-15", 2568, "stale", None),
    # years that do not count
    (["ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540"], "2026-05-15", None, "unverified",
     None),
    (["พ.ร.บ.งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569"], "2026-05-15", None, "unverified",
     None),
    (["หนังสือที่ ศธ 04235/2569"], "2026-05-15", None, "unverified", None),
]


@pytest.mark.parametrize("evidence, as_of, fy, verdict, used", CURRENT)
def test_current_fiscal_year(evidence, as_of, fy, verdict, used):
    check_row(judge("current_fiscal_year", read(*evidence), as_of, fy), verdict, used)


def test_current_fiscal_year_reasons_name_the_year_and_the_source():
    out = judge("current_fiscal_year",
                read("แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568"), "2026-05-15")
    assert out.reason_th == ("ต้องเป็นข้อมูลปีงบประมาณ 2569 แต่พบเพียง "
                             "“ปีงบประมาณ พ.ศ. 2568” (เนื้อหาเอกสาร/หน้าเว็บ)")


# --- previous_fiscal_year --------------------------------------------------------------------

PREVIOUS = [
    (["รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2568"], "2026-05-15", None, "pass", None),
    (["รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2567"], "2026-05-15", None, "stale", None),
    # fiscal-year change: the report of 2568 is enough until 30 Sep 2569 (2026)
    (["รายงานผลการดำเนินงานประจำปีงบประมาณ 2568"], "2026-09-30", None, "pass", None),
    (["รายงานผลการดำเนินงานประจำปีงบประมาณ 2568"], "2026-10-01", None, "stale", None),
    (["รายงานประจำปี 2567"], "2025-09-30", None, "pass", "ปี 2567"),
    (["รายงานประจำปี 2567"], "2025-10-01", None, "stale", "ปี 2567"),
    (["รายงานประจำปี 2567"], "2025-12-31", None, "stale", None),
    (["รายงานประจำปี 2568"], "2026-01-01", None, "pass", None),
    # a newer report passes
    (["รายงานผลรอบ 12 เดือน ปีงบประมาณ 2569"], "2026-10-01", None, "pass", None),
    # a plan span quoted in an old report is not the report's year
    (["รายงานผลการดำเนินงานประจำปีงบประมาณ 2566 ตามแผนพัฒนาการศึกษา พ.ศ. 2566-2570"],
     "2026-05-15", None, "stale", "ปีงบประมาณ 2566"),
    # nor is a target year in the future
    (["รายงานผลปีงบประมาณ 2567 และค่าเป้าหมายปีงบประมาณ 2570"], "2026-05-15", None, "stale",
     "ปีงบประมาณ 2567"),
    (["แผนพัฒนาการศึกษา พ.ศ. 2566-2570"], "2026-05-15", None, "unverified", None),
    (["ข้อมูล ณ วันที่ 29 ก.พ. 2567"], "2024-02-29", None, "pass", None),  # FY 2567 >= 2566
    (["ข้อมูล ณ วันที่ 29 ก.พ. 2567"], "2025-10-01", None, "stale", None),
    (["รายงานประจำปีงบประมาณ 2566"], "2026-05-15", 2567, "pass", None),
    (["รายงานประจำปีงบประมาณ 2566"], "2026-05-15", None, "stale", None),
]


@pytest.mark.parametrize("evidence, as_of, fy, verdict, used", PREVIOUS)
def test_previous_fiscal_year(evidence, as_of, fy, verdict, used):
    check_row(judge("previous_fiscal_year", read(*evidence), as_of, fy), verdict, used)


# --- six_month_round -------------------------------------------------------------------------

SIX = [
    # (evidence, as-of, fiscal-year override, grace_days (None: default 30), verdict)
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2569"], "2026-05-15", None, None, "pass"),
    (["รายงานผลการดำเนินงาน 6 เดือนแรก ปีงบประมาณ 2569"], "2026-05-15", None, None, "pass"),
    # no fiscal word: an agency's first six months are its round, not January-June
    (["รายงานผลการดำเนินงาน 6 เดือนแรก ปี 2569"], "2026-05-15", None, None, "pass"),
    (["รายงานผลการดำเนินงาน 6 เดือนแรกของปี 2568"], "2026-05-15", None, None, "stale"),
    (["รายงานผลรอบ 6 เดือน (ต.ค. 68 - มี.ค. 69)"], "2026-05-15", None, None, "pass"),
    (["ระหว่างวันที่ 1 ต.ค. 2568 ถึง 31 มี.ค. 2569"], "2026-05-15", None, None, "pass"),
    (["ผลการดำเนินงาน ต.ค. - มี.ค. 69"], "2026-05-15", None, None, "pass"),
    (["ผลการดำเนินงานไตรมาสที่ 1-2/2569"], "2026-05-15", None, None, "pass"),
    # month granularity: a report cut on a day inside October or March still covers the round
    (["ข้อมูลระหว่างวันที่ 1 ต.ค. 2568 ถึง 25 มี.ค. 2569"], "2026-05-15", None, None, "pass"),
    (["รายงานรอบ 6 เดือน ตุลาคม 2568 - มีนาคม 2569"], "2026-05-15", None, None, "pass"),
    (["ข้อมูลระหว่างวันที่ 1 ต.ค. 2568 ถึง 28 ก.พ. 2569"], "2026-05-15", None, None, "stale"),
    (["รายงานการกำกับติดตาม ประจำปี 2569"], "2026-05-15", None, None, "pass"),
    # the second half (1 Apr-30 Sep) is never the October-March round
    (["รายงานผลการดำเนินงาน 6 เดือนหลัง ปีงบประมาณ 2569"], "2026-10-15", 2569, None, "stale"),
    (["รายงานผลการดำเนินงาน 6 เดือนหลัง ปีงบประมาณ 2568"], "2026-02-01", None, None, "stale"),
    # a 9-month round (October-June) holds the six months; a 3-month one (October-December)
    # does not (offices' KPI systems' rounds: GitHub files, dev)
    (["รายงานผล รอบ 9 เดือน ปีงบประมาณ 2569"], "2026-08-01", None, None, "pass"),
    (["รายงานผล รอบ 3 เดือน ปีงบประมาณ 2569"], "2026-05-15", None, None, "stale"),
    # a quarter, five months, a multi-year plan: not the round
    (["รายงานผลไตรมาส 2 ปีงบประมาณ 2569"], "2026-05-15", None, None, "stale"),
    (["ผลการดำเนินงาน พ.ย. 68 - มี.ค. 69"], "2026-05-15", None, None, "stale"),
    (["แผนพัฒนาการศึกษา พ.ศ. 2566-2570"], "2026-05-15", None, None, "stale"),
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2568"], "2026-05-15", None, None, "stale"),
    # before/after 31 March + grace: the round of 2569 is due after 30 April 2569 (2026)
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2568"], "2026-04-30", None, None, "pass"),
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2568"], "2026-05-01", None, None, "stale"),
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2568"], "2026-03-31", None, 0, "pass"),
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2568"], "2026-04-01", None, 0, "stale"),
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2568"], "2026-04-15", None, 15, "pass"),
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2568"], "2026-04-16", None, 15, "stale"),
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2569"], "2026-04-10", None, None, "pass"),  # early
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2567"], "2026-04-10", None, None, "stale"),
    (["รายงานรอบ 12 เดือน ปีงบประมาณ 2568"], "2026-02-01", None, None, "pass"),
    # fiscal-year change: no cliff on 1 Oct, the new year's round is not due until May
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2568"], "2025-09-30", None, None, "pass"),
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2568"], "2025-10-01", None, None, "pass"),
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2568"], "2025-12-31", None, None, "pass"),
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2568"], "2026-01-01", None, None, "pass"),
    # leap year: as of 29 Feb 2567 the round of 2567 is not due, the round of 2566 counts
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2566"], "2024-02-29", None, None, "pass"),
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2565"], "2024-02-29", None, None, "stale"),
    # --fiscal-year 2568 audited in 2569: the round of 2568 is due and required
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2568"], "2026-05-15", 2568, None, "pass"),
    (["รายงานรอบ 6 เดือน ปีงบประมาณ 2569"], "2026-05-15", 2568, None, "stale"),
    # a date does not say which round a report covers
    (["ข้อมูล ณ วันที่ 30 เมษายน 2569"], "2026-05-15", None, None, "unverified"),
    # the round's months in brackets before its fiscal year (PROTOCOL 41's shape; read as the
    # span and the fiscal year, dates_labelled.yaml's notes): either covers that round
    (["รายงาน รอบ 6 เดือน (ต.ค. 68 - มี.ค. 69) ปีงบประมาณ 2569"], "2026-05-15", None, None, "pass"),
    (["รายงาน รอบ 6 เดือน (ต.ค. 67 - มี.ค. 68) ปีงบประมาณ 2568"], "2026-05-15", None, None, "stale"),
]


@pytest.mark.parametrize("evidence, as_of, fy, grace, verdict", SIX)
def test_six_month_round(evidence, as_of, fy, grace, verdict):
    params = {} if grace is None else {"grace_days": grace}
    check_row(judge("six_month_round", read(*evidence), as_of, fy, **params), verdict, None)


def test_six_month_round_says_when_last_years_round_is_accepted():
    out = judge("six_month_round", read("รายงานรอบ 6 เดือน ปีงบประมาณ 2568"), "2026-04-30")
    assert out.verdict == "pass"
    assert "ปีงบประมาณ 2568" in out.reason_th and "ยังไม่ถึงกำหนด" in out.reason_th
    late = judge("six_month_round", read("รายงานรอบ 6 เดือน ปีงบประมาณ 2568"), "2026-05-01")
    assert "ต.ค. 2568 – มี.ค. 2569" in late.reason_th


# --- monthly_coverage ------------------------------------------------------------------------

LISTING = "สรุปผลการจัดซื้อจัดจ้าง ต.ค. 68 | พ.ย. 68 | ธ.ค. 68 | มี.ค. 69"


def test_missing_months_named_in_thai_exactly():
    out = judge("monthly_coverage", read(LISTING), "2026-05-15", grace_days=15)
    assert out.verdict == "stale"
    assert out.reason_th == "ขาดเดือน ม.ค. 2569, ก.พ. 2569"
    assert out.missing_months == ["ม.ค. 2569", "ก.พ. 2569"]
    assert out.reason_en == "missing months: Jan 2026, Feb 2026"


MONTHLY = [
    # (evidence, as-of, fy override, grace_days, missing months); [] means pass
    # month end + grace is the last day to publish: due from the next day (exclusive)
    ([LISTING], "2026-05-15", None, 15, ["ม.ค. 2569", "ก.พ. 2569"]),
    ([LISTING], "2026-05-16", None, 15, ["ม.ค. 2569", "ก.พ. 2569", "เม.ย. 2569"]),
    (["ต.ค. 68 | พ.ย. 68 | ธ.ค. 68"], "2026-02-15", None, 15, []),
    (["ต.ค. 68 | พ.ย. 68 | ธ.ค. 68"], "2026-02-16", None, 15, ["ม.ค. 2569"]),
    (["ต.ค. 68 | พ.ย. 68 | ธ.ค. 68"], "2026-01-31", None, 0, []),
    (["ต.ค. 68 | พ.ย. 68 | ธ.ค. 68"], "2026-02-01", None, 0, ["ม.ค. 2569"]),
    (["ต.ค. 68 | พ.ย. 68 | ธ.ค. 68"], "2026-02-16", None, 30, []),
    # calendar-year change: December is due on 16 January with 15 days' grace
    (["ต.ค. 68 | พ.ย. 68"], "2025-12-31", None, 15, []),
    (["ต.ค. 68 | พ.ย. 68"], "2026-01-01", None, 15, []),
    (["ต.ค. 68 | พ.ย. 68"], "2026-01-15", None, 15, []),
    (["ต.ค. 68 | พ.ย. 68"], "2026-01-16", None, 15, ["ธ.ค. 2568"]),
    # fiscal-year change: on 30 Sep 2568 August is due; on 1 Oct a new year starts, nothing due
    (["ต.ค. 67 พ.ย. 67 ธ.ค. 67 ม.ค. 68 ก.พ. 68 มี.ค. 68 เม.ย. 68 พ.ค. 68 มิ.ย. 68 ก.ค. 68"],
     "2025-09-30", None, 15, ["ส.ค. 2568"]),
    (["ต.ค. 67 พ.ย. 67"], "2025-10-01", None, 15, []),
    (["ต.ค. 67 พ.ย. 67"], "2025-11-15", None, 15, []),
    (["ต.ค. 67 พ.ย. 67"], "2025-11-16", None, 15, ["ต.ค. 2568"]),
    # 29 February 2567: the as-of date, and February's last day
    (["ต.ค. 66 | พ.ย. 66 | ธ.ค. 66"], "2024-02-29", None, 15, ["ม.ค. 2567"]),
    (["ต.ค. 66 | พ.ย. 66 | ธ.ค. 66 | ม.ค. 67"], "2024-02-29", None, 0, []),
    (["ต.ค. 66 | พ.ย. 66 | ธ.ค. 66 | ม.ค. 67"], "2024-03-01", None, 0, ["ก.พ. 2567"]),
    (["ต.ค. 66 | พ.ย. 66 | ธ.ค. 66 | ม.ค. 67",
      "รายการที่ 1 ลงวันที่ 29 ก.พ. 2567"], "2024-03-01", None, 0, ["ก.พ. 2567"]),
    # a quarter, a 6-month round, a multi-month range do not show the monthly split
    (["สรุปผลการจัดซื้อจัดจ้าง ไตรมาส 1 ปีงบประมาณ 2569"], "2026-02-01", None, 15,
     ["ต.ค. 2568", "พ.ย. 2568", "ธ.ค. 2568"]),
    (["สรุปผลการจัดซื้อจัดจ้าง ต.ค. - ธ.ค. 68"], "2026-02-01", None, 15,
     ["ต.ค. 2568", "พ.ย. 2568", "ธ.ค. 2568"]),
    (["สรุปผลการจัดซื้อจัดจ้าง ปีงบประมาณ 2569"], "2025-11-16", None, 15, ["ต.ค. 2568"]),
    # a range inside one month names that month
    (["ข้อมูลระหว่างวันที่ 1-31 ต.ค. 68 และ 1-30 พ.ย. 68"], "2026-01-01", None, 15, []),
    # dated rows show their months when no month is named ...
    (["ลำดับ 1 ลงวันที่ 15 ต.ค. 2568 ลำดับ 2 ลงวันที่ 3/11/2568"], "2026-01-01", None, 15, []),
    # ... but not when the document names its month (a row dated in another month)
    (["แบบ สขร.1 ประจำเดือนพฤศจิกายน 2568 รายการ 1 ลงวันที่ 28 ต.ค. 2568"], "2026-01-01",
     None, 15, ["ต.ค. 2568"]),
    # --fiscal-year 2568 audited on 15 May 2569 (2026): all twelve months of 2568 are due
    ([LISTING], "2026-05-15", 2568, 15,
     ["ต.ค. 2567", "พ.ย. 2567", "ธ.ค. 2567", "ม.ค. 2568", "ก.พ. 2568", "มี.ค. 2568",
      "เม.ย. 2568", "พ.ค. 2568", "มิ.ย. 2568", "ก.ค. 2568", "ส.ค. 2568", "ก.ย. 2568"]),
    ([LISTING], "2026-05-15", 2570, 15, []),  # a later year: nothing due yet
]


@pytest.mark.parametrize("evidence, as_of, fy, grace, missing", MONTHLY)
def test_monthly_coverage(evidence, as_of, fy, grace, missing):
    out = judge("monthly_coverage", read(*evidence), as_of, fy, grace_days=grace)
    assert out.missing_months == missing, out.reason_th
    assert out.verdict == ("stale" if missing else "pass")
    if missing:
        assert out.reason_th == "ขาดเดือน " + ", ".join(missing)


@pytest.mark.parametrize("as_of, grace, due", [
    ("2025-10-01", 15, []),
    ("2025-11-15", 15, []),          # 31 Oct + 15 days: the last day to publish October
    ("2025-11-16", 15, ["2025-10"]),
    ("2025-11-15", 14, ["2025-10"]),
    ("2025-11-14", 14, []),
    ("2024-02-29", 0, ["2023-10", "2023-11", "2023-12", "2024-01"]),
    ("2024-03-01", 0, ["2023-10", "2023-11", "2023-12", "2024-01", "2024-02"]),
    ("2026-10-16", 15, []),  # FY 2570 has begun; FY 2569 is judged only with --fiscal-year
])
def test_months_due_boundaries(as_of, grace, due):
    day = D(as_of)
    got = months_due(fiscal_year_of(day), day, grace)
    assert [f"{m:%Y-%m}" for m in got] == due


def test_months_due_is_exclusive_of_month_end_plus_grace():
    assert [f"{m:%Y-%m}" for m in months_due(2569, D("2025-11-15"), 15)] == []
    assert [f"{m:%Y-%m}" for m in months_due(2569, D("2025-11-16"), 15)] == ["2025-10"]


def test_one_link_per_month_each_url_covers_its_month():
    links = ["สขร. ต.ค. 68", "พ.ย. 68", "ธ.ค. 68", "มี.ค. 69"]
    mentions = [m for i, text in enumerate(links)
                for m in read(("link_text", text), url=f"http://office.example/skr{i}.pdf")]
    out = judge("monthly_coverage", mentions, "2026-05-15", grace_days=15)
    assert out.reason_th == "ขาดเดือน ม.ค. 2569, ก.พ. 2569"
    assert out.used is not None and out.used.mention.text == "มี.ค. 69"


def test_content_month_beats_link_text_month_of_the_same_url():
    # the link says January, the file it opens is December's summary
    jan = read("แบบ สขร.1 ประจำเดือนธันวาคม 2568", ("link_text", "สขร. ม.ค. 69"),
               url="http://office.example/skr-jan.pdf")
    rest = read(("link_text", "สขร. ต.ค. 68"), ("link_text", "สขร. พ.ย. 68"),
                url="http://office.example/skr.html")
    out = judge("monthly_coverage", jan + rest, "2026-02-16", grace_days=15)
    assert out.missing_months == ["ม.ค. 2569"]


def test_post_date_and_last_modified_cover_no_month():
    mentions = read(("post_date", "5 พฤศจิกายน 2568"))
    mentions.append(DatedMention(dating.http_date_mention("Wed, 05 Nov 2025 03:00:00 GMT"),
                                 "last_modified", URL))
    out = judge("monthly_coverage", mentions, "2026-01-01", grace_days=15)
    assert out.verdict == "unverified" and not out.missing_months


def test_monthly_without_dates_is_unverified_unless_nothing_is_due():
    law = read("ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560")
    assert judge("monthly_coverage", law, "2026-01-01", grace_days=15).verdict == "unverified"
    assert judge("monthly_coverage", [], "2026-01-01", grace_days=15).verdict == "unverified"
    assert judge("monthly_coverage", [], "2025-10-20", grace_days=15).verdict == "pass"


# --- updated_within --------------------------------------------------------------------------

WITHIN = [
    # (evidence, as-of, days, verdict); the window is inclusive
    (["ข้อมูล ณ วันที่ 29 ก.พ. 2567"], "2025-02-28", 365, "pass"),   # exactly 365 days
    (["ข้อมูล ณ วันที่ 29 ก.พ. 2567"], "2025-03-01", 365, "stale"),
    (["ข้อมูล ณ วันที่ 1 มี.ค. 2566"], "2024-02-29", 365, "pass"),
    (["ข้อมูล ณ วันที่ 28 ก.พ. 2566"], "2024-02-29", 365, "stale"),
    (["ข้อมูล ณ วันที่ 31 ธันวาคม 2567"], "2025-12-31", 365, "pass"),
    (["ข้อมูล ณ วันที่ 31 ธันวาคม 2567"], "2026-01-01", 365, "stale"),
    (["ข้อมูล ณ วันที่ 30 กันยายน 2568"], "2025-10-30", 30, "pass"),
    (["ข้อมูล ณ วันที่ 30 กันยายน 2568"], "2025-10-31", 30, "stale"),
    (["ข้อมูล ณ วันที่ 15 พ.ค. 2569"], "2026-05-15", 0, "pass"),
    # a period running at the as-of date counts as of that date
    (["โครงสร้างองค์กร ปีงบประมาณ 2569"], "2026-05-15", 30, "pass"),
    (["โครงสร้างองค์กร ประจำปี 2569"], "2026-05-15", 30, "pass"),
    (["ข้อมูลเดือนพฤษภาคม 2569"], "2026-05-15", 0, "pass"),
    # dates after the as-of date and multi-year plans show nothing about the last update
    (["ข้อมูล ณ วันที่ 1 ต.ค. 2566 เป้าหมายปีงบประมาณ 2570"], "2026-05-15", 365, "stale"),
    (["กำหนดส่งภายใน 30 กันยายน 2569"], "2026-05-15", 365, "unverified"),
    (["ข้อมูล ณ วันที่ 16 พ.ค. 2569"], "2026-05-15", 365, "unverified"),
    (["ตามแผนพัฒนาการศึกษา พ.ศ. 2566-2570"], "2026-05-15", 365, "unverified"),
]


@pytest.mark.parametrize("evidence, as_of, days, verdict", WITHIN)
def test_updated_within(evidence, as_of, days, verdict):
    check_row(judge("updated_within", read(*evidence), as_of, days=days), verdict, None)


def test_updated_within_future_date_does_not_refresh_old_evidence():
    out = judge("updated_within", read("ข้อมูล ณ วันที่ 1 ต.ค. 2566 เป้าหมายปีงบประมาณ 2570"),
                "2026-05-15", days=365)
    assert out.verdict == "stale" and out.used.mention.text == "1 ต.ค. 2566"


# --- source ranking --------------------------------------------------------------------------

def _all_sources() -> list[DatedMention]:
    """A current date in every source but the content, whose date is stale."""
    mentions = read(
        "โครงสร้างองค์กร ข้อมูล ณ วันที่ 1 ตุลาคม 2566",
        ("link_text", "โครงสร้างองค์กร ปีงบประมาณ 2569"),
        ("file_name", "structure-2569.pdf"),
        ("post_date", "1 พฤษภาคม 2569"),
    )
    lm = dating.http_date_mention("Fri, 01 May 2026 03:00:00 GMT")
    return [*mentions, DatedMention(lm, "last_modified", URL)]


@pytest.mark.parametrize("rule", ["current_fiscal_year", "updated_within"])
def test_stale_content_date_wins_over_current_weaker_dates(rule):
    out = judge(rule, _all_sources(), "2026-05-15", days=365)
    assert out.verdict == "stale"
    assert out.used.source == "content" and out.used.mention.text == "1 ตุลาคม 2566"
    assert "เนื้อหาเอกสาร/หน้าเว็บ" in out.reason_th


@pytest.mark.parametrize("dropped, source", [
    (0, "link_text"), (1, "file_name"), (2, "post_date"), (3, "last_modified"),
])
def test_each_source_outranks_the_next(dropped, source):
    mentions = [m for m in _all_sources() if m.rank > dropped]
    out = judge("current_fiscal_year", mentions, "2026-05-15")
    assert out.verdict == "pass" and out.used.source == source


def test_source_order_is_the_issues():
    assert SOURCE_RANK == ("content", "link_text", "file_name", "post_date", "last_modified")


def test_six_month_round_reads_the_strongest_source_that_names_a_period():
    # a signature date in the content does not say which round; the link text does
    out = judge("six_month_round", read("ลงวันที่ 30 เมษายน 2569",
                                        ("link_text", "รายงานรอบ 6 เดือน ปีงบประมาณ 2569")),
                "2026-05-15")
    assert out.verdict == "pass" and out.used.source == "link_text"
    # a round named in the content wins over another round named in the link text
    out = judge("six_month_round", read("รายงานรอบ 6 เดือน ปีงบประมาณ 2568",
                                        ("link_text", "รายงานรอบ 6 เดือน ปีงบประมาณ 2569")),
                "2026-05-15")
    assert out.verdict == "stale" and out.used.source == "content"


def test_previous_fiscal_year_content_beats_link_text():
    out = judge("previous_fiscal_year", read("รายงานประจำปีงบประมาณ 2567",
                                             ("link_text", "รายงานประจำปี 2568")), "2026-05-15")
    assert out.verdict == "stale" and out.used.source == "content"


# --- dating: sources read from a crawled record ----------------------------------------------

def test_mentions_for_tags_every_source():
    url = "http://office.example/files/%E0%B8%AA%E0%B8%82%E0%B8%A3%20%E0%B8%95.%E0%B8%84.68.pdf"
    target = PageRecord(url=url, final_url=url, kind="document", status=200, depth=1,
                        fetched_at="2026-05-15T00:00:00+00:00",
                        text="แบบ สขร.1 ประจำเดือนตุลาคม 2568", post_date="5 พ.ย. 2568",
                        last_modified="Wed, 05 Nov 2025 03:00:00 GMT")
    got = {(m.source, m.mention.text) for m in dating.mentions_for(url, "สขร. ต.ค. 68", target)}
    assert got == {("content", "ตุลาคม 2568"), ("link_text", "ต.ค. 68"),
                   ("file_name", "ต.ค.68"), ("post_date", "5 พ.ย. 2568"),
                   ("last_modified", "Wed, 05 Nov 2025 03:00:00 GMT")}


def test_page_last_modified_is_not_read():
    url = "http://office.example/o23.html"
    target = PageRecord(url=url, final_url=url, kind="page", status=200, depth=1,
                        fetched_at="2026-05-15T00:00:00+00:00",
                        last_modified="Wed, 05 Nov 2025 03:00:00 GMT")
    assert dating.mentions_for(url, "", target) == []


@pytest.mark.parametrize("header, day", [
    ("Tue, 30 Sep 2025 16:59:59 GMT", "2025-09-30"),   # 23:59:59 in Bangkok: FY 2568
    ("Tue, 30 Sep 2025 17:00:00 GMT", "2025-10-01"),   # midnight in Bangkok: FY 2569
    ("Wed, 31 Dec 2025 20:00:00 GMT", "2026-01-01"),
    ("Wed, 28 Feb 2024 17:30:00 GMT", "2024-02-29"),
    ("Thu, 29 Feb 2024 10:00:00 +0700", "2024-02-29"),
    ("Thu, 29 Feb 2024 10:00:00 -0000", "2024-02-29"),
])
def test_last_modified_is_a_day_in_thailand(header, day):
    m = dating.http_date_mention(header)
    assert m is not None and m.kind == "day" and m.start == m.end == D(day)


@pytest.mark.parametrize("header", ["", "yesterday", "Mon, 99 Foo 2025"])
def test_unreadable_last_modified_is_ignored(header):
    assert dating.http_date_mention(header) is None


# --- purity ----------------------------------------------------------------------------------

def test_rules_never_read_the_clock():
    root = Path(dating.__file__).parent
    paths = [*root.joinpath("freshness").glob("*.py"), root / "dating.py", root / "fiscal.py"]
    for path in paths:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"(datetime\.now|date\.today|time\.time|utcnow)\(", source), path


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_without_dates(rule):
    out = judge(rule, [], "2026-05-15")
    assert out.verdict == ("pass" if rule == "none" else "unverified")


HOOKS = ("NAME", "PARAMS", "check", "fix_stale", "deadline", "MAX_CANDIDATES",
         "ACROSS_CANDIDATES", "reads_row_context", "combine", "param_problem")


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_rule_module_owns_its_behaviour(rule: str) -> None:
    """Every rule module answers every question the engine asks (yamllint-style registry)."""
    module = RULES[rule]
    assert [h for h in HOOKS if not hasattr(module, h)] == []
    assert module.NAME == rule


def test_no_rule_is_named_outside_its_module() -> None:
    """The engine, the fixes and the deadlines ask the rule; none branches on a rule name."""
    root = Path(__file__).resolve().parents[2] / "checklists"
    for name in ("engine.py", "fixes.py", "deadlines.py", "candidates.py", "loader.py"):
        text = (root / name).read_text(encoding="utf-8")
        assert [r for r in RULES if r != "none" and f'"{r}"' in text] == [], name


@pytest.mark.parametrize("missing", [[], ["ม.ค. 2569", "ก.พ. 2569"]])
@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rules_fix_is_filled_in(rule: str, missing: list[str]) -> None:
    """A rule's fix (its ``FIX_STALE`` templates or its own function) names the item, in Thai
    first, with every field filled in; the months named as missing appear in it."""
    item = load_checklist("nacc-oit-2565").items[0]
    th, en = RULES[rule].fix_stale(item, 2569, missing)
    assert item.title_th in th and en.strip()
    assert "{" not in th + en and "}" not in th + en
    if missing and rule == "monthly_coverage":
        assert "ม.ค. 2569, ก.พ. 2569" in th and "Jan 2026, Feb 2026" in en
