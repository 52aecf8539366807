"""``updated_within``: the newest date in the evidence is at most ``days`` before as-of.

- The window is inclusive: a date exactly ``days`` days before the as-of date passes.
- A period that is still running at the as-of date (``ปีงบประมาณ 2569``, ``2569``) counts as of
  the as-of date; a period of more than one year (``แผนพัฒนา พ.ศ. 2566-2570``) and a date after
  the as-of date (a deadline, a plan, a mistyped year) do not show when the evidence was last
  updated, so they are left out.  With only such dates the verdict is ``unverified``.
- The strongest source with a usable date decides: a stale content date wins over a current
  link-text date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from checklists.freshness import base
from checklists.freshness.base import Context, DatedMention, Outcome
from checklists.words import pair

NAME = "updated_within"
PARAMS: dict[str, object] = {"days": 365}
FIX_STALE = NAME  # checklists/words.yaml stale_fixes


def attested(m: DatedMention, as_of: date) -> date | None:
    """The latest day up to ``as_of`` the mention shows, or None when it shows none."""
    if m.mention.start > as_of or base.is_multi_year(m.mention):
        return None
    return min(m.mention.end, as_of)


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Pass when the newest usable mention falls within the window before the as-of date."""
    best = base.by_best_source(mentions, lambda m: attested(m, ctx.as_of) is not None)
    if not best:
        return base.unverified(mentions, *pair("freshness", "updated_undated"))
    days = int(ctx.params.get("days", PARAMS["days"]))
    used = max(best, key=lambda m: (attested(m, ctx.as_of), -m.rank))
    newest = min(used.mention.end, ctx.as_of)
    if newest >= ctx.as_of - timedelta(days=days):
        return Outcome("pass", *base.said("updated_pass", used, days=days), used)
    return Outcome("stale", *base.said("updated_stale", used, days=days), used)

