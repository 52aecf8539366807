"""Items due soon: the first day an item's state gets worse, found by asking the rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from checklists.fiscal import fiscal_year_of
from checklists.freshness.monthly_coverage import months_due
from checklists.vocabulary import thai_month_label
from crawler.nightly.duesoon import Due, ItemState, as_report_entries, find_due


def monthly_states(published: set[date], grace: int = 15, asked: list | None = None):
    """A fake checklist: O23 monthly (grace days), O10 current fiscal year 2569, O2 none;
    ``asked`` gets the codes each evaluation was asked about (None: every item)."""
    calls = []

    def states_at(day: date, codes: frozenset[str] | None = None) -> dict[str, ItemState]:
        calls.append(day)
        if asked is not None:
            asked.append(codes)
        fy = fiscal_year_of(day)
        missing = frozenset(thai_month_label(m.year, m.month) for m in months_due(fy, day, grace)
                            if m not in published)
        return {"O23": ItemState("stale" if missing else "pass", missing),
                "O10": ItemState("pass" if fy == 2569 else "stale"),
                "O2": ItemState("pass")}

    return states_at, calls


def test_last_months_summary_is_due_after_its_grace_days():
    published = {date(2025, m, 1) for m in (10, 11, 12)} | {date(2026, m, 1) for m in (1, 2, 3)}
    states_at, calls = monthly_states(published)
    dues = find_due(states_at, date(2026, 5, 10), 14)
    assert [(d.code, d.due, d.new_missing_months) for d in dues] == [
        ("O23", date(2026, 5, 16), ["เม.ย. 2569"])]  # April due 15 days after 30 April
    assert dues[0].now.verdict == "pass" and dues[0].then.verdict == "stale"
    assert len(calls) <= 6  # bisection, not a day-by-day walk


def test_new_fiscal_year_on_1_october():
    states_at, _ = monthly_states(set())
    dues = {d.code: d for d in find_due(states_at, date(2026, 9, 25), 14)}
    assert dues["O10"].due == date(2026, 10, 1)
    assert "O2" not in dues and "O23" not in dues  # O23 only gets better on 1 October


@pytest.mark.parametrize("horizon", [0, -3])
def test_no_horizon_no_warnings(horizon):
    states_at, calls = monthly_states(set())
    assert find_due(states_at, date(2026, 5, 10), horizon) == [] and calls == []


def test_a_middle_date_is_asked_only_about_the_items_that_changed():
    published = {date(2025, m, 1) for m in (10, 11, 12)} | {date(2026, m, 1) for m in (1, 2, 3)}
    asked: list = []
    states_at, calls = monthly_states(published, asked=asked)
    dues = find_due(states_at, date(2026, 5, 10), 14)
    assert [(d.code, d.due) for d in dues] == [("O23", date(2026, 5, 16))]
    assert asked[:2] == [None, None]  # today and the horizon's end: every item
    assert asked[2:] and all(codes == {"O23"} for codes in asked[2:])


def test_each_item_is_bisected_on_its_own():
    """An item the same at both ends of an interval is not asked about its middle, whatever
    the other items do: O2 turns stale from the 13th to the 15th only, O10 on the 17th."""
    def states_at(day: date, codes: frozenset[str] | None = None) -> dict[str, ItemState]:
        o2 = "stale" if date(2026, 5, 13) <= day <= date(2026, 5, 15) else "pass"
        return {"O2": ItemState(o2), "O10": ItemState("stale" if day.day >= 17 else "pass"),
                "O5": ItemState("stale" if day.day >= 12 else "pass")}

    dues = find_due(states_at, date(2026, 5, 10), 14)
    assert [(d.code, d.due) for d in dues] == [("O5", date(2026, 5, 12)),
                                              ("O10", date(2026, 5, 17))]


def test_quiet_horizon_costs_one_evaluation():
    published = {date(2025, 10, 1) + timedelta(days=31 * k) for k in range(12)}
    states_at, calls = monthly_states({date(d.year, d.month, 1) for d in published})
    assert find_due(states_at, date(2026, 5, 20), 10) == []
    assert len(calls) == 2  # today and the horizon's end


def test_report_entries_say_the_last_day_in_thai_and_english():
    states_at, _ = monthly_states(set())
    report = {"as_of": "2026-05-10", "items": [
        {"code": "O23", "title_th": "สรุปผลการจัดซื้อจัดจ้าง", "title_en": "Monthly procurement summary",
         "verdict": "stale", "missing_months": []}]}
    dues = find_due(states_at, date(2026, 5, 10), 14)
    entry = next(e for e in as_report_entries(dues, report) if e["code"] == "O23")
    assert entry["publish_by"] == "2026-05-15" and entry["days_left"] == 5
    assert "15 พ.ค. 2569" in entry["message_th"] and "เม.ย. 2569" in entry["message_th"]
    assert "publish the month 2026-04 by 2026-05-15" in entry["message_en"]  # one: no "(s)"


def test_report_entries_count_the_months_in_english():
    report = {"as_of": "2026-05-10", "items": [
        {"code": "O23", "title_th": "สรุปผลการจัดซื้อจัดจ้าง", "title_en": "Monthly procurement summary",
         "verdict": "pass", "missing_months": []}]}
    then = ItemState("stale", frozenset({"มี.ค. 2569", "เม.ย. 2569"}))
    due = Due("O23", date(2026, 5, 16), ItemState("pass"), then, ["มี.ค. 2569", "เม.ย. 2569"])
    entry = as_report_entries([due], report)[0]
    assert "publish the 2 months 2026-03, 2026-04 by 2026-05-15" in entry["message_en"]
    assert "เผยแพร่ข้อมูลเดือน มี.ค. 2569, เม.ย. 2569 ภายใน" in entry["message_th"]
