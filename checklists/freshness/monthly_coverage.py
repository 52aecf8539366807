"""``monthly_coverage``: a summary for every month from October to the last month due.

Source: ../shared/reference/thai-dates.md ("monthly procurement summaries from October N-1 up
to the last completed month before the assessment date") and the seed (O23 needs a monthly
split).  A month is due once ``grace_days`` have passed after its last day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from checklists.fiscal import add_months, fiscal_year_interval, month_end, thai_month_label
from checklists.freshness.base import (
    NO_DATE_EN,
    NO_DATE_TH,
    Context,
    DatedMention,
    Outcome,
    counting,
    latest,
)

NAME = "monthly_coverage"
PARAMS: dict[str, object] = {"grace_days": 15}


def months_due(fy: int, as_of: date, grace_days: int) -> list[date]:
    """First days of the months of fiscal year ``fy`` that are due at ``as_of``."""
    first, last = fiscal_year_interval(fy)
    out, month = [], first
    while month <= last and month_end(month) + timedelta(days=grace_days) < as_of:
        out.append(month)
        month = add_months(month, 1)
    return out


def months_covered(mentions: Sequence[DatedMention]) -> set[date]:
    """Months named by month mentions (or by single days when no month is named)."""
    monthly = [m for m in mentions if m.mention.kind == "month"]
    monthly += [
        m for m in mentions
        if m.mention.kind == "range" and (m.mention.end - m.mention.start).days <= 31
    ]
    chosen = monthly or [m for m in mentions if m.mention.kind == "day"]
    return {date(m.mention.start.year, m.mention.start.month, 1) for m in chosen}


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Pass when every due month is covered; otherwise name each missing month in Thai."""
    usable = counting(mentions)
    if not usable:
        return Outcome("unverified", NO_DATE_TH, NO_DATE_EN)
    grace = int(ctx.params.get("grace_days", PARAMS["grace_days"]))
    due = months_due(ctx.fiscal_year, ctx.as_of, grace)
    covered = months_covered(usable)
    missing = [m for m in due if m not in covered]
    used = latest(usable)
    if not due:
        return Outcome(
            "pass",
            f"ยังไม่มีเดือนใดของปีงบประมาณ {ctx.fiscal_year} ถึงกำหนดเผยแพร่",
            f"no month of fiscal year {ctx.fiscal_year} is due yet",
            used,
        )
    labels = [thai_month_label(m.year, m.month) for m in missing]
    if not missing:
        last = due[-1]
        return Outcome(
            "pass",
            f"มีครบทุกเดือนถึง {thai_month_label(last.year, last.month)}",
            f"every month up to {last:%Y-%m} is published",
            used,
        )
    return Outcome(
        "stale",
        "ขาดเดือน " + ", ".join(labels),
        "missing months: " + ", ".join(f"{m:%Y-%m}" for m in missing),
        used,
        missing_months=labels,
    )
