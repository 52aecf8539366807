"""``current_fiscal_year``: evidence must be of the assessed fiscal year Y.

Source: ../shared/reference/ita-oit.md, year rule ("Plans, news, statistics and activities
must be of year Y").  A bare year is read as a fiscal year (``ประจำปี 2569``); a multi-year plan
passes when its span covers Y (``พ.ศ. 2566-2570``).  Only the strongest source with a date is
read, so a content date of another year is stale even if the link text names Y.  A mention of
a later year than Y is not Y: a plan for next year does not replace this year's.
"""

from __future__ import annotations

from collections.abc import Sequence

from checklists.freshness import base
from checklists.freshness.base import Context, DatedMention, Outcome

NAME = "current_fiscal_year"
PARAMS: dict[str, object] = {}


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Pass when the strongest dated source speaks of fiscal year Y."""
    best = base.by_best_source(mentions)
    if not best:
        return base.no_date()
    fy = ctx.fiscal_year
    current = [m for m in best if base.overlaps_fy(m.mention, fy)]
    if current:
        used = base.most_specific(current)
        return Outcome("pass", *base.said("current_pass", used, fy=fy), used)
    used = base.latest(best)
    return Outcome("stale", *base.said("current_stale", used, fy=fy), used)
