"""``previous_fiscal_year``: an annual result report of fiscal year Y-1 (or later).

Source: ../shared/reference/ita-oit.md, year rule ("annual result reports cover fiscal year
Y-1"); thai-dates.md, "What the assessment expects".
"""

from __future__ import annotations

from collections.abc import Sequence

from checklists.freshness.base import (
    NO_DATE_EN,
    NO_DATE_TH,
    Context,
    DatedMention,
    Outcome,
    by_best_source,
    describe,
    label_year,
    latest,
)

NAME = "previous_fiscal_year"
PARAMS: dict[str, object] = {}


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Pass when the strongest dated source speaks of fiscal year Y-1 or later."""
    best = by_best_source(mentions)
    if not best:
        return Outcome("unverified", NO_DATE_TH, NO_DATE_EN)
    want = ctx.fiscal_year - 1
    recent = [m for m in best if label_year(m.mention) >= want]
    if recent:
        used = latest(recent)
        return Outcome(
            "pass",
            f"เป็นรายงานของปีงบประมาณ {want} หรือใหม่กว่า ตามที่พบ {describe(used)}",
            f"report of fiscal year {want} or later (read {used.mention.text!r})",
            used,
        )
    used = latest(best)
    return Outcome(
        "stale",
        f"ต้องเป็นรายงานผลของปีงบประมาณ {want} แต่พบเพียง {describe(used)}",
        f"expected the report of fiscal year {want}; found only {used.mention.text!r}",
        used,
    )
