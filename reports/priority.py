"""What to fix first: the items that do not pass, in the order a coordinator should work.

Order: overdue first, then due soon (within ``SOON_DAYS`` of the as-of date, or listed in the
report's ``due_soon``), then the rest; inside each group, by the points the fix would add to
the item's indicator estimate, then in checklist order.

Points follow the estimate of checklists/scoring.py (item 100 or 0, sub-indicator = mean of
its items, indicator = mean of its sub-indicators): passing one more item of a sub-indicator
with ``n`` items, in an indicator with ``k`` sub-indicators, adds ``100 / n / k``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from checklists.vocabulary import JUDGED

SOON_DAYS = 14
OVERDUE, DUE_SOON, LATER = 0, 1, 2


def _indicator(sub: str) -> str:
    return sub.split(".")[0]


def gains(report: dict[str, Any]) -> dict[str, float]:
    """Points each failing item would add to its indicator's estimate if it passed."""
    items = report.get("items") or []
    per_sub = Counter(i["subindicator"] for i in items)
    subs_per_indicator = Counter(_indicator(s) for s in per_sub)
    return {i["code"]: round(100.0 / per_sub[i["subindicator"]]
                             / subs_per_indicator[_indicator(i["subindicator"])], 2)
            for i in items if i["verdict"] != "pass"}


def _due_date(item: dict[str, Any]) -> date | None:
    due = item.get("due") or {}
    dates = [m.get("date") for m in due.get("months") or [] if m.get("date")]
    dates += [d for d in (due.get("date"), (due.get("next") or {}).get("date")) if d]
    parsed = []
    for value in dates:
        try:
            parsed.append(date.fromisoformat(value))
        except ValueError:
            continue
    return min(parsed) if parsed else None


def urgency(item: dict[str, Any], as_of: date, due_soon: set[str]) -> int:
    """``OVERDUE``, ``DUE_SOON`` or ``LATER``."""
    due = item.get("due") or {}
    if due.get("overdue") or any(m.get("overdue") for m in due.get("months") or []):
        return OVERDUE
    when = _due_date(item)
    if item["code"] in due_soon or (when is not None and (when - as_of).days <= SOON_DAYS):
        return DUE_SOON
    return LATER


def priorities(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The failing items in fix order, each with ``urgency``, ``gain`` and ``indicator``."""
    if report.get("status") not in JUDGED:
        return []
    as_of = date.fromisoformat(report["as_of"])
    soon = {d["code"] for d in report.get("due_soon") or []}
    points = gains(report)
    order = {i["code"]: n for n, i in enumerate(report.get("items") or [])}
    ranked = [{"item": i, "urgency": urgency(i, as_of, soon), "gain": points[i["code"]],
               "indicator": _indicator(i["subindicator"])}
              for i in report.get("items") or [] if i["verdict"] != "pass"]
    ranked.sort(key=lambda r: (r["urgency"], -r["gain"], order[r["item"]["code"]]))
    return ranked
