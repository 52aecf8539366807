"""The per-framework period rules: MOIT's quarterly evidence and the first six months.

Pure tests: Thai snippets as sites write them go through the real date finder, every verdict
is computed at an explicit as-of date (fiscal years from 1 October, B.E. years, Thai digits),
and the rule module's own check, aggregation, fix text and deadline are exercised.  Boundaries:
30 Sep / 1 Oct (fiscal year) and quarter end + grace (the day a quarter's report is due).
"""

from __future__ import annotations

from datetime import date

import pytest

from checklists import engine
from checklists.fiscal import fiscal_year_of
from checklists.freshness import RULES, Context, DatedMention, Outcome
from checklists.freshness import quarterly as rule
from checklists.loader import load_checklist
from checklists.site.snapshot import CrawlInfo, Snapshot
from checklists.vocabulary import relabel_month
from tests.checklists.helpers import problems_of, write
from tests.checklists.test_engine import HOME, doc, site
from tests.checklists.test_freshness import read

D = date.fromisoformat


def judge(mentions: list[DatedMention], as_of: str, quarters: str = "1,2,3,4",
          **params: object) -> Outcome:
    day = D(as_of)
    return RULES["quarterly"].check(mentions, Context(day, fiscal_year_of(day),
                                                      {"quarters": quarters, **params}))


# (evidence, as-of, quarters asked for, verdict, quarters named missing)
TABLE = [
    # nothing due yet: quarter 1 of 2569 (Oct-Dec 2568) is due 30 days after 31 Dec
    (["รายงานไตรมาสที่ 4/2568"], "2026-01-30", "1,2,3,4", "pass", []),
    # from the next day quarter 1 is due, and last year's quarter does not cover it
    (["รายงานไตรมาสที่ 4/2568"], "2026-01-31", "1,2,3,4", "stale", ["ไตรมาส 1/2569"]),
    (["ไตรมาสที่ 1/2569"], "2026-01-31", "1,2,3,4", "pass", []),
    # Thai digits and two-digit years
    (["ไตรมาสที่ ๑/๒๕๖๙", "ไตรมาส 2/69"], "2026-05-01", "1,2,3,4", "pass", []),
    (["ไตรมาสที่ 1/2569"], "2026-05-01", "1,2,3,4", "stale", ["ไตรมาส 2/2569"]),
    # a quarter written as its months
    (["ต.ค. - ธ.ค. 2568", "มกราคม - มีนาคม 2569"], "2026-05-01", "1,2,3,4", "pass", []),
    # MOIT 16/17/19 ask for quarters 2 and 4 only: quarter 1 is not asked for
    (["รายงานไตรมาสที่ 1/2569"], "2026-05-01", "2,4", "stale", ["ไตรมาส 2/2569"]),
    (["รายงานไตรมาสที่ 2/2569"], "2026-05-01", "2,4", "pass", []),
    (["รายงานไตรมาสที่ 2/2569"], "2026-04-30", "2,4", "pass", []),  # not due: still passes
    # a cumulative report to the end of quarter 2 is quarter 2's report
    (["รายงานผลรอบ 6 เดือน ปีงบประมาณ 2569"], "2026-05-01", "2,4", "pass", []),
    (["ไตรมาสที่ 1-2 ปี 2569"], "2026-05-01", "2,4", "pass", []),
    (["1 ต.ค. 2568 - 31 มี.ค. 2569"], "2026-05-01", "2,4", "pass", []),
    # offices' KPI systems' rounds 3 and 9 months into the fiscal year (`รอบ 3 เดือน (ต.ค.-ธ.ค.)`,
    # `รอบ 9 เดือน (ต.ค.-มิ.ย.)`: GitHub files, dev) are quarter 1's and quarter 3's reports
    (["รายงานผล รอบ 3 เดือน ปีงบประมาณ 2569", "รายงานผล รอบ 6 เดือน ปีงบประมาณ 2569",
      "รายงานผล รอบ 9 เดือน ปีงบประมาณ 2569"], "2026-08-01", "1,2,3,4", "pass", []),
    (["รายงานผล รอบ 6 เดือน ปีงบประมาณ 2569"], "2026-08-01", "2,3", "stale", ["ไตรมาส 3/2569"]),
    # last year's quarter 2 is not this year's
    (["ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2568"], "2026-05-01", "2,4", "stale", ["ไตรมาส 2/2569"]),
    # two months are no quarter: the verdict says which quarter is missing
    (["ไตรมาสที่ 1/2569", "ก.พ. - มี.ค. 2569"], "2026-05-01", "1,2", "stale", ["ไตรมาส 2/2569"]),
    # a whole fiscal year or a day does not say which quarter a report covers
    (["ประจำปีงบประมาณ 2569"], "2026-05-01", "2,4", "unverified", []),
    (["ข้อมูล ณ วันที่ 31 มีนาคม 2569"], "2026-05-01", "2,4", "unverified", []),
    # fiscal year from 1 October: on 30 Sep 2568 the year is 2568 and its quarter 3 is due
    (["ไตรมาสที่ 1/2568", "ไตรมาสที่ 2/2568", "ไตรมาสที่ 3/2568"], "2025-09-30", "1,2,3,4",
     "pass", []),
    # on 1 Oct 2568 the year is 2569: nothing of it is due yet
    (["ไตรมาสที่ 3/2568"], "2025-10-01", "1,2,3,4", "pass", []),
]


@pytest.mark.parametrize("evidence, as_of, quarters, verdict, missing", TABLE)
def test_quarterly(evidence, as_of, quarters, verdict, missing):
    out = judge(read(*evidence), as_of, quarters)
    assert out.verdict == verdict, (out.reason_th, out.reason_en)
    assert out.reason_th and out.reason_en
    assert out.missing_months == missing
    for label in missing:
        assert label in out.reason_th


def test_no_date_at_all_is_unverified():
    out = judge([], "2026-05-01", "2,4")
    assert out.verdict == "unverified" and "ไม่พบวันที่" in out.reason_th


def test_post_dates_never_cover_a_quarter():
    out = judge(read(("post_date", "ไตรมาสที่ 2/2569")), "2026-05-01", "2,4")
    assert out.verdict == "unverified"


def test_content_quarter_beats_the_link_text_on_the_same_url():
    out = judge(read("ไตรมาสที่ 1/2569", ("link_text", "ไตรมาสที่ 2/2569")), "2026-05-01", "2")
    assert out.verdict == "stale" and out.missing_months == ["ไตรมาส 2/2569"]


def test_one_link_per_quarter_is_read_across_candidates():
    parts = [(read(("link_text", f"รายงาน ไตรมาส {q}/2569"), url=f"http://x/q{q}.pdf"), False)
             for q in (1, 2)]
    mentions = rule.combine(parts, [])
    assert judge(mentions, "2026-05-01").verdict == "pass"
    assert rule.ACROSS_CANDIDATES and rule.MAX_CANDIDATES >= 8


def test_a_quarter_whose_own_link_is_broken_is_not_published():
    listing = read("ไตรมาสที่ 1/2569", "ไตรมาสที่ 2/2569", url="http://x/moit10.html")
    mentions = rule.combine([(listing, True)], ["รายงาน ไตรมาสที่ 2/2569"])
    out = judge(mentions, "2026-05-01", "1,2")
    assert out.verdict == "stale" and out.missing_months == ["ไตรมาส 2/2569"]


def test_a_row_naming_several_quarters_is_not_one_links_context():
    assert rule.reads_row_context("รายงานผล ไตรมาสที่ 2/2569")
    assert not rule.reads_row_context("ไตรมาสที่ 1/2569 | ไตรมาสที่ 2/2569")


def test_fix_text_is_thai_first_and_names_the_quarters():
    item = next(i for i in load_checklist("moph-moit-2568").items if i.code == "MOIT 16")
    th, en = RULES["quarterly"].fix_stale(item, 2569, ["ไตรมาส 2/2569"])
    assert "ไตรมาส 2/2569" in th and item.title_th in th
    assert "Q2 FY2569" in en and item.title_en in en and "ไตรมาส" not in en
    assert relabel_month("ไตรมาส 2/2569", "en") == "Q2 FY2569"
    assert relabel_month("ไตรมาส 2/2569", "th") == "ไตรมาส 2/2569"


@pytest.mark.parametrize("as_of, overdue, first, next_label", [
    ("2026-04-30", False, "2026-04-30", "ไตรมาส 2/2569"),  # the last day to publish quarter 2
    ("2026-05-01", True, "2026-04-30", "ไตรมาส 4/2569"),
])
def test_deadline_per_quarter(as_of, overdue, first, next_label):
    missing = ["ไตรมาส 2/2569"] if overdue else []
    due = rule.deadline({"quarters": "2,4"}, "stale", missing, D(as_of), 2569)
    assert due["kind"] == "date" and due["overdue"] is overdue and due["date"] == first
    assert due["next"]["label"] == next_label
    assert due["th"].startswith("รายงานของแต่ละไตรมาส")
    if overdue:
        assert [m["label"] for m in due["months"]] == ["ไตรมาส 2/2569"]
        assert due["months"][0]["month"] == "2026-03"  # the quarter's last month


def test_the_moph_files_carry_the_quarterly_rule_as_data():
    for cid in ("moph-moit-2568", "moph-moit-2569"):
        items = {i.code: i for i in load_checklist(cid).items}
        assert items["MOIT 10"].freshness.rule == "quarterly"
        assert items["MOIT 10"].freshness.params["quarters"] == "1,2,3,4"
        for code in ("MOIT 16", "MOIT 17", "MOIT 19"):
            assert items[code].freshness.rule == "quarterly"
            assert items[code].freshness.params["quarters"] == "2,4"
        assert items["MOIT 3"].freshness.rule == "previous_fiscal_year"
        assert items["MOIT 5"].freshness.rule == "monthly_coverage"


BASE = """id: t
version: "1"
family: test
framework_year: 2569
title_th: ทดสอบ
scale: [{label: A, min: 0}]
units: {u: {th: กลุ่ม}}
items:
  - code: MOIT 10
    subindicator: "9.1"
    title_th: สรุปเรื่องร้องเรียน
    title_en: Complaints
    owner: u
"""


@pytest.mark.parametrize("spec, words", [
    ('{rule: quarterly, quarters: "2,5"}', ["quarters", "1-4", "2,5"]),
    ('{rule: quarterly, quarters: "2,2"}', ["quarters"]),
    ("{rule: monthly_coverage, months: 13}", ["months", "1-12"]),
])
def test_a_bad_period_parameter_points_to_file_and_line(tmp_path, spec, words):
    path = write(tmp_path, BASE + f"    freshness: {spec}\n")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:14:")
    for word in words:
        assert word in problem


# --- the first six months (police 2568 O15: monthly_coverage with months: 6) ----------------

def test_first_six_months_only_are_due():
    months = [f"ประจำเดือน{m}" for m in ("ตุลาคม 2567", "พฤศจิกายน 2567", "ธันวาคม 2567",
                                          "มกราคม 2568", "กุมภาพันธ์ 2568", "มีนาคม 2568")]
    mentions = read(*months)
    ctx6 = Context(D("2025-08-20"), 2568, {"months": 6})
    assert RULES["monthly_coverage"].check(mentions, ctx6).verdict == "pass"
    whole = RULES["monthly_coverage"].check(mentions, Context(D("2025-08-20"), 2568, {}))
    assert whole.verdict == "stale" and "เม.ย. 2568" in whole.reason_th
    short = RULES["monthly_coverage"].check(mentions[:5], ctx6)
    assert short.verdict == "stale" and short.missing_months == ["มี.ค. 2568"]


def test_police_o15_asks_for_the_first_six_months():
    o15 = next(i for i in load_checklist("police-oit-2568").items if i.code == "O15")
    assert o15.freshness.rule == "monthly_coverage" and o15.freshness.params["months"] == 6
    due = RULES["monthly_coverage"].deadline(o15.freshness.params, "stale", ["มี.ค. 2568"],
                                             D("2025-08-20"), 2568)
    assert [m["label"] for m in due["months"]] == ["มี.ค. 2568"]
    assert due["next"]["month"] == "2025-10"  # the next round starts with the next year


# --- through the engine: one link per quarter on a hospital's MOIT page ----------------------

def test_moit10_quarter_links_are_judged_together():
    rows = [(f"http://hospital.example/moit10-q{q}.pdf",
             f"MOIT 10 สรุปผลการดำเนินงานเรื่องร้องเรียน ไตรมาสที่ {q}/2569", "") for q in (1, 3)]
    records = site(rows, [doc(u, "") for u, _, _ in rows])
    snap = Snapshot(records, CrawlInfo(start_url=HOME, home_url=HOME))
    results = engine.audit(load_checklist("moph-moit-2568"), snap, D("2026-08-15"), None).results
    r = next(r for r in results if r.item.code == "MOIT 10")
    assert r.verdict == "stale" and r.missing_months == ["ไตรมาส 2/2569"]
    assert len(r.evidence) == 2
    assert "ไตรมาส 2/2569" in r.fix_th
    assert r.due["overdue"] and r.due["months"][0]["date"] == "2026-04-30"
