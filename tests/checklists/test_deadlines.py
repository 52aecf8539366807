"""Suggested deadlines follow the item's rule and the report's as-of date, never the clock."""

from __future__ import annotations

import re
from datetime import date

import pytest

from checklists.deadlines import due_for, urgency
from checklists.fixes import fix_for
from checklists.loader import load_checklist
from checklists.vocabulary import relabel_month, thai_date


@pytest.fixture(scope="module")
def items():
    return {i.code: i for i in load_checklist("nacc-oit-2565").items}


def test_passing_item_has_no_deadline(items):
    assert due_for(items["O23"], "pass", [], date(2026, 5, 15), 2569) is None


def test_monthly_summary_each_missing_month_due_day_15_of_next_month(items):
    due = due_for(items["O23"], "stale", ["ม.ค. 2569", "ก.พ. 2569"], date(2026, 5, 15), 2569)
    assert due["kind"] == "date" and due["overdue"] is True
    assert [(m["month"], m["date"]) for m in due["months"]] == [
        ("2026-01", "2026-02-15"), ("2026-02", "2026-03-15")]
    assert due["date"] == "2026-02-15"
    assert due["next"] == {"month": "2026-04", "label": "เม.ย. 2569", "date": "2026-05-15",
                           "overdue": False}
    assert "ภายใน 15 วันหลังสิ้นเดือน" in due["th"] and "15 ก.พ. 2569" in due["th"]
    assert "due 15 Feb 2026" in due["en"]
    # English reports name months in English, never by a Thai label or a raw 2026-01 key
    assert due["en"].startswith("each month's summary is due 15 days after the month ends: "
                                "Jan 2026 due 15 Feb 2026, Feb 2026 due 15 Mar 2026")
    assert "next, Apr 2026 by 15 May 2026" in due["en"]
    assert not re.search(r"20\d\d-\d\d|[\u0e00-\u0e7f]", due["en"])


def test_monthly_summary_fix_in_english_names_months_in_english(items):
    th, en = fix_for(items["O23"], "stale", 2569, ["ม.ค. 2569", "ก.พ. 2569"])
    assert "ม.ค. 2569, ก.พ. 2569" in th
    assert "Jan 2026, Feb 2026" in en and not re.search(r"[\u0e00-\u0e7f]", en)


@pytest.mark.parametrize("label, lang, expected", [
    ("ม.ค. 2569", "en", "Jan 2026"), ("ธ.ค. 2568", "en", "Dec 2025"),
    ("ม.ค. 2569", "th", "ม.ค. 2569"), ("not a month", "en", "not a month"),
])
def test_stored_thai_month_labels_relabel(label, lang, expected):
    assert relabel_month(label, lang) == expected


def test_monthly_summary_missing_entirely_lists_every_due_month(items):
    due = due_for(items["O23"], "missing", [], date(2026, 1, 20), 2569)
    assert [m["month"] for m in due["months"]] == ["2025-10", "2025-11", "2025-12"]
    assert due["next"]["date"] == "2026-02-15"


def test_monthly_summary_nothing_due_yet_points_to_first_month(items):
    due = due_for(items["O23"], "missing", [], date(2025, 10, 20), 2569)
    assert due["months"] == [] and due["overdue"] is False
    assert due["date"] == "2025-11-15"


@pytest.mark.parametrize("as_of, overdue", [(date(2026, 4, 20), False), (date(2026, 5, 15), True)])
def test_six_month_report_due_30_april(items, as_of, overdue):
    due = due_for(items["O11"], "missing", [], as_of, 2569)
    assert due["date"] == "2026-04-30" and due["overdue"] is overdue
    assert thai_date(date(2026, 4, 30)) in due["th"]


@pytest.mark.parametrize("code, verdict, words", [
    ("O1", "stale", "โดยเร็วที่สุด"),        # updated_within
    ("O4", "stale", "โดยเร็วที่สุด"),        # current_fiscal_year
    ("O12", "stale", "โดยเร็วที่สุด"),       # previous_fiscal_year
    ("O25", "missing", "โดยเร็วที่สุด"),     # missing, current_fiscal_year
    ("O14", "broken", "แก้ไขทันที"),
    ("O15", "unverified", "โดยเร็วที่สุด"),
    ("O11", "broken", "แก้ไขทันที"),         # a broken link is fixed now, whatever the rule
])
def test_as_soon_as_possible_deadlines(items, code, verdict, words):
    due = due_for(items[code], verdict, [], date(2026, 5, 15), 2569)
    assert due["kind"] == "asap" and due["date"] is None
    assert words in due["th"] and due["en"]


def test_urgency_orders_overdue_then_asap_then_upcoming(items):
    as_of = date(2026, 4, 20)
    overdue = due_for(items["O23"], "stale", ["ม.ค. 2569"], as_of, 2569)
    upcoming = due_for(items["O11"], "missing", [], as_of, 2569)
    asap = due_for(items["O25"], "missing", [], as_of, 2569)
    assert sorted([upcoming, asap, overdue], key=urgency) == [overdue, asap, upcoming]
