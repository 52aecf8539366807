"""``current_fiscal_year``: evidence must be of the assessed fiscal year Y.

Source: ../shared/reference/ita-oit.md, year rule ("Plans, news, statistics and activities
must be of year Y").  A bare year is read as a fiscal year (``ประจำปี 2569``); a multi-year plan
passes when its span covers Y (``พ.ศ. 2566-2570``).  Only the strongest source with a date is
read, so a content date of another year is stale even if the link text names Y.  A mention of
a later year than Y is not Y: a plan for next year does not replace this year's.
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
    latest,
    most_specific,
    overlaps_fy,
)

NAME = "current_fiscal_year"
PARAMS: dict[str, object] = {}


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Pass when the strongest dated source speaks of fiscal year Y."""
    best = by_best_source(mentions)
    if not best:
        return Outcome("unverified", NO_DATE_TH, NO_DATE_EN)
    fy = ctx.fiscal_year
    current = [m for m in best if overlaps_fy(m.mention, fy)]
    if current:
        used = most_specific(current)
        return Outcome(
            "pass",
            f"เป็นข้อมูลปีงบประมาณ {fy} ตามที่พบ {describe(used)}",
            f"data of fiscal year {fy} (read {used.mention.text!r} in {used.source})",
            used,
        )
    used = latest(best)
    return Outcome(
        "stale",
        f"ต้องเป็นข้อมูลปีงบประมาณ {fy} แต่พบเพียง {describe(used)}",
        f"expected data of fiscal year {fy}; found only {used.mention.text!r} ({used.source})",
        used,
    )
