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

NAME = "previous_fiscal_year"
PARAMS: dict[str, object] = {}
FIX_STALE = ("เผยแพร่ “{title_th}” ของปีงบประมาณ {previous_year}",
             "Publish the report of fiscal year {previous_year}.")


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Pass when the strongest dated source speaks of fiscal year Y-1 or later."""

    def reported(m: DatedMention) -> bool:
        return not base.is_multi_year(m.mention) and base.fiscal_interval(m.mention)[0] <= ctx.as_of

    best = base.by_best_source(mentions, reported)
    if not best:
        return base.unverified(mentions, "ซึ่งเป็นช่วงหลายปีหรือช่วงในอนาคต ไม่บอกว่าเป็นรายงานของปีงบประมาณใด",
                          "a multi-year or future period that does not tell which fiscal year "
                          "the report covers")
    want = ctx.fiscal_year - 1
    recent = [m for m in best if base.fiscal_years(m.mention)[1] >= want]
    if recent:
        used = base.latest(recent)
        return Outcome(
            "pass",
            f"เป็นรายงานของปีงบประมาณ {want} หรือใหม่กว่า ตามที่พบ {base.describe(used)}",
            f"report of fiscal year {want} or later (read {used.mention.text!r})",
            used,
        )
    used = base.latest(best)
    return Outcome(
        "stale",
        f"ต้องเป็นรายงานผลของปีงบประมาณ {want} แต่พบเพียง {base.describe(used)}",
        f"expected the report of fiscal year {want}; found only {used.mention.text!r}",
        used,
    )

