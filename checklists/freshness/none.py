"""``none``: the item has no currency requirement."""

from __future__ import annotations

from collections.abc import Sequence

from checklists.freshness import base
from checklists.freshness.base import Context, DatedMention, Outcome

NAME = "none"
PARAMS: dict[str, object] = {}

# What this rule does beyond ``check`` (defaults from base.py where it does as most do).
MAX_CANDIDATES = base.MAX_CANDIDATES
ACROSS_CANDIDATES = base.ACROSS_CANDIDATES
fix_stale = base.fix_current_year
deadline = base.no_deadline
reads_row_context = base.reads_any_context
combine = base.combine_all


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Always current."""
    return Outcome("pass", "", "")
