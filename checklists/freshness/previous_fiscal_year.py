"""``previous_fiscal_year``: an annual result report of fiscal year Y-1 (or later).

Source: ../shared/reference/ita-oit.md, year rule ("annual result reports cover fiscal year
Y-1"); thai-dates.md, "What the assessment expects".

A report looks back, so a mention counts only when it speaks of a period of at most one year
(a multi-year plan span such as ``พ.ศ. 2566-2570`` quoted in an old report says nothing of the
report's year) that has begun by the as-of date (``ปีงบประมาณ 2570`` quoted as a target is not
a report of 2570).  Bare years are fiscal years.  A report of Y itself (a newer one) passes.
When every date is such a span or lies ahead, the verdict is ``unverified``, not stale.
"""

from __future__ import annotations

from collections.abc import Sequence

from checklists.freshness import base
from checklists.freshness.base import Context, DatedMention, Outcome
from checklists.words import pair

NAME = "previous_fiscal_year"
PARAMS: dict[str, object] = {}
FIX_STALE = NAME  # checklists/words.yaml stale_fixes


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Pass when the strongest dated source speaks of fiscal year Y-1 or later."""

    def reported(m: DatedMention) -> bool:
        return not base.is_multi_year(m.mention) and base.fiscal_interval(m.mention)[0] <= ctx.as_of

    best = base.by_best_source(mentions, reported)
    if not best:
        return base.unverified(mentions, *pair("freshness", "previous_undated"))
    want = ctx.fiscal_year - 1
    recent = [m for m in best if base.fiscal_years(m.mention)[1] >= want]
    if recent:
        used = base.latest(recent)
        return Outcome("pass", *base.said("previous_pass", used, want=want), used)
    used = base.latest(best)
    return Outcome("stale", *base.said("previous_stale", used, want=want), used)

