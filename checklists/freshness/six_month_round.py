"""``six_month_round``: a 6-month report covering 1 Oct to 31 Mar of the fiscal year.

Source: ../shared/reference/thai-dates.md ("The 6-month round is 1 Oct to 31 Mar of the fiscal
year"; "the 6-month report covering Oct N-1 to Mar N").

- The round of Y is due once ``grace_days`` have passed after 31 March: on 31 March + grace
  it is not yet due (the last day to publish), from the next day it is.  Before it is due the
  round of Y-1 is accepted, and the reason says so.
- A mention covers the round of a fiscal year when it is ``รอบ 6 เดือน`` / ``6 เดือนแรก`` of
  that year, a period of at most one year that runs from October (any day) to March (any
  day) or beyond (``ต.ค. 68 - มี.ค. 69``, ``1 ต.ค. 2568 ถึง 25 มี.ค. 2569``, ``ไตรมาสที่
  1-2/2569``, a 12-month report), or that fiscal year itself (``ปีงบประมาณ 2569``, ``ประจำปี
  2569``: the item was matched as a 6-month report).  The second half (``6 เดือนหลัง``, 1 Apr-
  30 Sep), a quarter, five months (``พ.ย. 68 - มี.ค. 69``), a single month or day, and a
  multi-year plan span never do.
- Days and months do not say which round a report covers (a signature date, a month in a
  table), so the rule reads the strongest source that names a *period*; with none, the
  verdict is ``unverified``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from checklists.fiscal import half_year_round_interval, month_end
from checklists.freshness import base
from checklists.freshness.base import Context, DatedMention, Mention, Outcome
from checklists.model import Item
from checklists.vocabulary import en_date, thai_date, thai_month_label
from checklists.words import pair, pick

NAME = "six_month_round"
PARAMS: dict[str, object] = {"grace_days": 30}
FIX_STALE = NAME  # checklists/words.yaml stale_fixes
PERIOD_KINDS = ("year", "fiscal_year", "half_year_round", "range", "quarter")


def covers_round(m: Mention, fy: int) -> bool:
    """True when the mention denotes (at least) the 6-month round of ``fy``."""
    if base.is_multi_year(m):
        return False
    if m.kind in ("year", "fiscal_year"):
        return base.fiscal_years(m) == (fy, fy)
    if m.kind in ("half_year_round", "range"):
        first, last = half_year_round_interval(fy)
        return m.start <= month_end(first) and m.end >= last.replace(day=1)
    return False


def is_due(fy: int, as_of: date, grace_days: int) -> bool:
    """True when the round of ``fy`` is due at ``as_of`` (after 31 March + grace, exclusive)."""
    _, round_end = half_year_round_interval(fy)
    return as_of > round_end + timedelta(days=grace_days)


def _span(fy: int) -> str:
    first, last = half_year_round_interval(fy)
    return f"{thai_month_label(first.year, first.month)} – {thai_month_label(last.year, last.month)}"


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Pass when a mention covers the round that is due at the as-of date."""
    if not base.counting(mentions):
        return base.no_date()
    best = base.by_best_source(mentions, lambda m: m.mention.kind in PERIOD_KINDS)
    if not best:
        used = base.latest(base.counting(mentions))
        return Outcome("unverified", *base.said("round_undated", used), used)
    grace = int(ctx.params.get("grace_days", PARAMS["grace_days"]))
    fy = ctx.fiscal_year
    due = is_due(fy, ctx.as_of, grace)
    want = fy if due else fy - 1
    for year in (fy, want):
        hits = [m for m in best if covers_round(m.mention, year)]
        if hits:
            used = base.latest(hits)
            note_th, note_en = ("", "") if due else pair("freshness", "round_not_due", fy=fy)
            return Outcome(
                "pass",
                pick("freshness", "round_pass", "th", year=year, found=base.describe(used),
                     note=note_th),
                pick("freshness", "round_pass", "en", year=year, text=used.mention.text,
                     note=note_en),
                used,
            )
    used = base.latest(best)
    return Outcome("stale", *base.said("round_stale", used, span=_span(want), want=want), used)


def fix_stale(item: Item, fiscal_year: int, missing_months: list[str]) -> tuple[str, str]:
    """Publish the report covering October to March of the assessed year."""
    return base.fix_text(FIX_STALE, item, fiscal_year, missing_months, span=_span(fiscal_year))


def deadline(params: Mapping[str, Any], verdict: str, missing_months: list[str], as_of: date,
             fiscal_year: int) -> dict[str, Any]:
    """The October-March report is due ``grace_days`` after 31 March (30 April by default)."""
    grace = int(params.get("grace_days", PARAMS["grace_days"]))
    _, round_end = half_year_round_interval(fiscal_year)
    due = round_end + timedelta(days=grace)
    overdue = as_of > due
    late_th, late_en = pair("freshness", "overdue") if overdue else ("", "")
    th = pick("freshness", "round_due", "th", fy=fiscal_year, date=thai_date(due)) + late_th
    en = pick("freshness", "round_due", "en", fy=fiscal_year, date=en_date(due)) + late_en
    return {"kind": "date", "date": due.isoformat(), "overdue": overdue, "th": th, "en": en,
            "months": [], "next": None}
