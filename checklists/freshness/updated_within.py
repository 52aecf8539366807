"""``updated_within``: the latest date in the evidence is at most ``days`` before as-of."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from checklists.freshness.base import (
    NO_DATE_EN,
    NO_DATE_TH,
    Context,
    DatedMention,
    Outcome,
    by_best_source,
    describe,
    latest,
)

NAME = "updated_within"
PARAMS: dict[str, object] = {"days": 365}


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Pass when the newest mention ends within the window before the as-of date."""
    best = by_best_source(mentions)
    if not best:
        return Outcome("unverified", NO_DATE_TH, NO_DATE_EN)
    days = int(ctx.params.get("days", PARAMS["days"]))
    used = latest(best)
    newest = min(used.mention.end, ctx.as_of)
    if newest >= ctx.as_of - timedelta(days=days):
        return Outcome(
            "pass",
            f"ปรับปรุงภายใน {days} วัน ตามที่พบ {describe(used)}",
            f"updated within {days} days (read {used.mention.text!r})",
            used,
        )
    return Outcome(
        "stale",
        f"ต้องปรับปรุงภายใน {days} วันก่อนวันที่ตรวจ แต่วันที่ล่าสุดที่พบคือ {describe(used)}",
        f"expected an update within {days} days; newest date found is {used.mention.text!r}",
        used,
    )
