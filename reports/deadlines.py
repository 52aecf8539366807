"""Suggested deadlines for fixing an item, tied to the item's freshness rule.

Dates come from the report's as-of date and assessed fiscal year, never from the wall clock:
- ``monthly_coverage``: the summary of a month is due ``grace_days`` after the month ends
  (day 15 of the next month with the default), so each missing month has its own due date;
- ``six_month_round``: the October-March report is due ``grace_days`` after 31 March
  (30 April with the default);
- every other rule, and any broken, unverified or missing item without a dated rule: as soon
  as possible, before the assessment.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from checklists.fiscal import half_year_round_interval, month_end
from checklists.freshness import monthly_coverage, six_month_round
from checklists.model import Item
from checklists.vocabulary import en_date, thai_date, thai_month_label


def _asap(verdict: str, fiscal_year: int) -> dict[str, Any]:
    if verdict == "broken":
        th = "แก้ไขทันที (หลักฐานที่เข้าถึงไม่ได้ ข้อนั้นไม่ได้คะแนน)"
        en = "Now (evidence that cannot be reached scores nothing)"
    else:
        th = f"โดยเร็วที่สุด ก่อนการประเมิน ITA ปีงบประมาณ {fiscal_year}"
        en = f"As soon as possible, before the ITA assessment of fiscal year {fiscal_year}"
    return {"kind": "asap", "date": None, "overdue": False, "th": th, "en": en, "months": [],
            "next": None}


def _monthly(item: Item, verdict: str, missing_months: list[str], as_of: date,
             fiscal_year: int) -> dict[str, Any]:
    grace = int(item.freshness.params.get("grace_days",
                                          monthly_coverage.PARAMS["grace_days"]))
    due = monthly_coverage.months_due(fiscal_year, as_of, grace)
    wanted = set(missing_months)
    months = due if verdict == "missing" else [
        m for m in due if thai_month_label(m.year, m.month) in wanted]
    entries = [_month_entry(m, grace, as_of) for m in months]
    upcoming = month_end(due[-1]) + timedelta(days=1) if due else None
    first_open = upcoming or _fy_first_month(fiscal_year)
    nxt = _month_entry(first_open, grace, as_of)
    rule_th = f"สรุปผลของแต่ละเดือนต้องเผยแพร่ภายใน {grace} วันหลังสิ้นเดือน"
    rule_en = f"each month's summary is due {grace} days after the month ends"
    if entries:
        listed_th = ", ".join(f"{e['label']} ครบกำหนด {thai_date(_d(e['date']))}" for e in entries)
        listed_en = ", ".join(f"{e['month']} due {en_date(_d(e['date']))}" for e in entries)
        th = (f"{rule_th}: {listed_th} (เลยกำหนดแล้ว เผยแพร่ทันที); เดือนถัดไป {nxt['label']} "
              f"ภายใน {thai_date(_d(nxt['date']))}")
        en = (f"{rule_en}: {listed_en} (overdue, publish now); next, {nxt['month']} by "
              f"{en_date(_d(nxt['date']))}")
        return {"kind": "date", "date": entries[0]["date"], "overdue": True, "th": th, "en": en,
                "months": entries, "next": nxt}
    th = f"{rule_th}: เดือนถัดไป {nxt['label']} ภายใน {thai_date(_d(nxt['date']))}"
    en = f"{rule_en}: next, {nxt['month']} by {en_date(_d(nxt['date']))}"
    return {"kind": "date", "date": nxt["date"], "overdue": False, "th": th, "en": en,
            "months": [], "next": nxt}


def _fy_first_month(fiscal_year: int) -> date:
    first, _ = half_year_round_interval(fiscal_year)
    return first


def _month_entry(month: date, grace: int, as_of: date) -> dict[str, Any]:
    due = month_end(month) + timedelta(days=grace)
    return {"month": f"{month:%Y-%m}", "label": thai_month_label(month.year, month.month),
            "date": due.isoformat(), "overdue": due < as_of}


def _d(iso: str) -> date:
    return date.fromisoformat(iso)


def _six_month(item: Item, as_of: date, fiscal_year: int) -> dict[str, Any]:
    grace = int(item.freshness.params.get("grace_days", six_month_round.PARAMS["grace_days"]))
    _, round_end = half_year_round_interval(fiscal_year)
    due = round_end + timedelta(days=grace)
    overdue = as_of > due
    th = (f"รายงานรอบ 6 เดือน (ต.ค.–มี.ค.) ปีงบประมาณ {fiscal_year} ครบกำหนด {thai_date(due)}"
          + (" (เลยกำหนดแล้ว เผยแพร่ทันที)" if overdue else ""))
    en = (f"the October-March report of fiscal year {fiscal_year} is due {en_date(due)}"
          + (" (overdue, publish now)" if overdue else ""))
    return {"kind": "date", "date": due.isoformat(), "overdue": overdue, "th": th, "en": en,
            "months": [], "next": None}


def due_for(item: Item, verdict: str, missing_months: list[str], as_of: date,
            fiscal_year: int) -> dict[str, Any] | None:
    """The suggested deadline of a failing item (None when it passes)."""
    if verdict == "pass":
        return None
    rule = item.freshness.rule
    if verdict in ("stale", "missing") and rule == "monthly_coverage":
        return _monthly(item, verdict, missing_months, as_of, fiscal_year)
    if verdict in ("stale", "missing") and rule == "six_month_round":
        return _six_month(item, as_of, fiscal_year)
    return _asap(verdict, fiscal_year)


def urgency(due: dict[str, Any] | None) -> tuple[int, str]:
    """Sort key: overdue first (oldest first), then as soon as possible, then by date."""
    if not due:
        return (3, "")
    if due["overdue"]:
        return (0, due["date"] or "")
    if due["kind"] == "asap":
        return (1, "")
    return (2, due["date"] or "")
