"""``six_month_round``: a 6-month report covering 1 Oct to 31 Mar of the fiscal year.

Source: ../shared/reference/thai-dates.md ("The 6-month round is 1 Oct to 31 Mar of the fiscal
year"; "the 6-month report covering Oct N-1 to Mar N").  Before the round of year Y is due
(31 March plus ``grace_days``) the round of Y-1 is accepted, and the reason says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from checklists.fiscal import half_year_round_interval, thai_month_label
from checklists.freshness.base import (
    NO_DATE_EN,
    NO_DATE_TH,
    Context,
    DatedMention,
    Mention,
    Outcome,
    by_best_source,
    describe,
    label_year,
    latest,
)

NAME = "six_month_round"
PARAMS: dict[str, object] = {"grace_days": 30}


def covers_round(m: Mention, fy: int) -> bool:
    """True when the mention denotes (at least) the 6-month round of ``fy``."""
    first, last = half_year_round_interval(fy)
    if m.kind in ("year", "fiscal_year"):
        return label_year(m) == fy
    if m.kind in ("half_year_round", "range"):
        return m.start <= first + timedelta(days=31) and m.end >= last - timedelta(days=31)
    return False


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Pass when a mention covers the round that is due at the as-of date."""
    best = by_best_source(mentions)
    if not best:
        return Outcome("unverified", NO_DATE_TH, NO_DATE_EN)
    grace = int(ctx.params.get("grace_days", PARAMS["grace_days"]))
    fy = ctx.fiscal_year
    _, round_end = half_year_round_interval(fy)
    due = ctx.as_of > round_end + timedelta(days=grace)
    want = fy if due else fy - 1
    hits = [m for m in best if covers_round(m.mention, want) or covers_round(m.mention, fy)]
    if hits:
        used = latest(hits)
        note = "" if due else f" (รอบ 6 เดือนของปี {fy} ยังไม่ถึงกำหนด)"
        return Outcome(
            "pass",
            f"ครอบคลุมรอบ 6 เดือน (ต.ค.–มี.ค.) ของปีงบประมาณ {want} ตามที่พบ {describe(used)}{note}",
            f"covers the October-March round of fiscal year {want} ({used.mention.text!r})",
            used,
        )
    used = latest(best)
    first, last = half_year_round_interval(want)
    span = f"{thai_month_label(first.year, first.month)} – {thai_month_label(last.year, last.month)}"
    return Outcome(
        "stale",
        f"ต้องครอบคลุม {span} (รอบ 6 เดือน ปีงบประมาณ {want}) แต่พบเพียง {describe(used)}",
        f"expected the October-March round of fiscal year {want}; found {used.mention.text!r}",
        used,
    )
