"""Suggested deadlines for fixing an item.

A stale or missing item's freshness rule gives its dated deadline (each rule module's ``deadline``:
a monthly summary ``grace_days`` after its month, the 6-month report ``grace_days`` after 31
March); every other item, and a rule without a dated deadline: as soon as possible, before the
assessment.  Dates come from the as-of date and the assessed fiscal year, never the wall clock.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from checklists import freshness
from checklists.model import Item
from checklists.words import pair


def _asap(verdict: str, fiscal_year: int) -> dict[str, Any]:
    th, en = pair("deadlines", "now" if verdict == "broken" else "asap", fy=fiscal_year)
    return {"kind": "asap", "date": None, "overdue": False, "th": th, "en": en, "months": [],
            "next": None}


def due_for(item: Item, verdict: str, missing_months: list[str], as_of: date,
            fiscal_year: int) -> dict[str, Any] | None:
    """The suggested deadline of a failing item (None when it passes)."""
    if verdict == "pass":
        return None
    if verdict in ("stale", "missing"):
        due = freshness.RULES[item.freshness.rule].deadline(
            item.freshness.params, verdict, missing_months, as_of, fiscal_year)
        if due is not None:
            return due
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
