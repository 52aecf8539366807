"""``monthly_coverage``: a summary for every month from October to the last month due.

Source: ../shared/reference/thai-dates.md ("monthly procurement summaries from October N-1 up
to the last completed month before the assessment date") and the seed (O23 needs a monthly
split).

- ``months`` is how many months from October the item asks for: 12 (the whole fiscal year)
  by default, 6 for a list that asks for the first six months of the fiscal year (police 2568
  O15, ../shared/reference/ita-frameworks-2568-2570.md "Police 2568": "รอบ 6 เดือนแรกของ
  ปีงบประมาณ 2568"); later months are never due.
- A month is due once ``grace_days`` have passed after its last day: on month end + grace it
  is not yet due (the last day to publish), from the next day it is (``deadline`` below
  gives the same due dates).  With nothing due yet the rule passes.
- Coverage is read per evidence URL, so the three shapes sites use all work: one page listing
  every month, one link per month (``สขร. ต.ค. 68``), one document with a section per month.
  For each URL the strongest source (content, then link text, then file name) that names a
  month decides: a content month beats a different month in the link text.  A month is named
  by a month mention or by a range inside one calendar month (``1-31 ต.ค. 68``).  When no
  source of a URL names a month, its days (a table of dated procurements) show its months.
- A quarter, a 6-month round, a fiscal year and any range over more than one month do not
  cover their months: the assessors ask for the data split by month.  CMS post dates and HTTP
  ``Last-Modified`` never cover a month: they tell when a file was posted, not what it covers.
- The verdict names every missing month in Thai: ``ขาดเดือน ม.ค. 2569, ก.พ. 2569``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from checklists.fiscal import add_months, fiscal_year_interval, month_end
from checklists.freshness import base
from checklists.freshness.base import Context, DatedMention, Mention, Outcome
from checklists.thaidates import find_dates
from checklists.vocabulary import en_month_label, thai_month_label
from checklists.words import both, example, found, pair, pick

NAME = "monthly_coverage"
PARAMS: dict[str, object] = {"grace_days": 15, "months": 12}
FIX_STALE = NAME  # checklists/words.yaml stale_fixes
FIX_STALE_ALL = base.FIX_STALE  # no month named: the fiscal year's summaries
NOTHING_DUE = NAME  # checklists/words.yaml nothing_due
MAX_CANDIDATES = 48  # one link per month over several years must all be read
ACROSS_CANDIDATES = True  # months are read across every working candidate
COVERAGE_SOURCES = ("content", "link_text", "file_name")


def months_due(fy: int, as_of: date, grace_days: int, months: int = 12) -> list[date]:
    """First days of the first ``months`` months of fiscal year ``fy`` due at ``as_of``."""
    first, last = fiscal_year_interval(fy)
    last = min(last, month_end(add_months(first, max(months, 1) - 1)))
    out, month = [], first
    while month <= last and month_end(month) + timedelta(days=grace_days) < as_of:
        out.append(month)
        month = add_months(month, 1)
    return out


def month_of(m: Mention) -> date | None:
    """The month a mention names: a month, or a range inside one calendar month."""
    if m.kind == "month" or (
        m.kind == "range" and (m.start.year, m.start.month) == (m.end.year, m.end.month)
    ):
        return date(m.start.year, m.start.month, 1)
    return None


def _url_months(group: Sequence[DatedMention]) -> dict[date, DatedMention]:
    named = base.by_best_source(group, lambda m: month_of(m.mention) is not None)
    if named:
        out = {}
        for m in named:
            month = month_of(m.mention)
            if month is not None:
                out[month] = m
        return out
    days = base.by_best_source(group, lambda m: m.mention.kind == "day")
    return {date(m.mention.start.year, m.mention.start.month, 1): m for m in days}


def coverage(mentions: Sequence[DatedMention]) -> dict[date, DatedMention]:
    """Covered month (its first day) -> a mention that shows it, read per evidence URL."""
    by_url: dict[str, list[DatedMention]] = {}
    for m in base.counting(mentions):
        if m.source in COVERAGE_SOURCES:
            by_url.setdefault(m.url, []).append(m)
    out: dict[date, DatedMention] = {}
    for group in by_url.values():
        for month, m in _url_months(group).items():
            if month not in out or m.rank < out[month].rank:
                out[month] = m
    return out


def months_covered(mentions: Sequence[DatedMention]) -> set[date]:
    """First days of the months the evidence covers."""
    return set(coverage(mentions))


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Pass when every due month is covered; otherwise name each missing month in Thai."""
    grace = int(ctx.params.get("grace_days", PARAMS["grace_days"]))
    fy = ctx.fiscal_year
    due = months_due(fy, ctx.as_of, grace, _months(ctx.params))
    if not due:
        return base.nothing_due(NOTHING_DUE, fy)
    usable = [m for m in base.counting(mentions) if m.source in COVERAGE_SOURCES]
    if not usable:
        return Outcome("unverified", *pair("freshness", "no_month"))
    covered = coverage(usable)
    missing = [m for m in due if m not in covered]
    shown = [covered[m] for m in due if m in covered]
    used = base.latest(shown) if shown else base.latest(usable)
    if not missing:
        last = due[-1]
        return Outcome(
            "pass",
            pick("freshness", "months_pass", "th", month=thai_month_label(last.year, last.month)),
            pick("freshness", "months_pass", "en", month=en_month_label(last.year, last.month)),
            used,
        )
    labels = [thai_month_label(m.year, m.month) for m in missing]
    return Outcome(
        "stale",
        pick("freshness", "months_stale", "th", months=", ".join(labels)),
        pick("freshness", "months_stale", "en",
             months=", ".join(en_month_label(m.year, m.month) for m in missing)),
        used,
        missing_months=labels,
    )



def deadline(params: Mapping[str, Any], verdict: str, missing_months: list[str], as_of: date,
             fiscal_year: int) -> dict[str, Any]:
    """Each month's summary is due ``grace_days`` after the month ends (day 15 of the next
    month with the default): the overdue months with their dates, and the next month."""
    grace = int(params.get("grace_days", PARAMS["grace_days"]))
    asked = _months(params)
    due = months_due(fiscal_year, as_of, grace, asked)
    months = base.late_periods(due, verdict, missing_months,
                               lambda m: thai_month_label(m.year, m.month))
    entries = [_month_entry(m, grace, as_of) for m in months]
    upcoming = month_end(due[-1]) + timedelta(days=1) if due else None
    if len(due) >= asked:  # every month asked for is due: next is October of the next year
        upcoming = fiscal_year_interval(fiscal_year + 1)[0]
    first_open = upcoming or fiscal_year_interval(fiscal_year)[0]
    nxt = _month_entry(first_open, grace, as_of)
    rule_th, rule_en = pair("freshness", "months_rule", grace=grace)
    return base.periodic_deadline(rule_th, rule_en, pick("freshness", "next_month", "th"),
                                  entries, nxt)


def _months(params: Mapping[str, Any]) -> int:
    return int(params.get("months", PARAMS["months"]))


def _month_entry(month: date, grace: int, as_of: date) -> dict[str, Any]:
    due = month_end(month) + timedelta(days=grace)
    return {"month": f"{month:%Y-%m}", "label": thai_month_label(month.year, month.month),
            "date": due.isoformat(), "overdue": due < as_of}


def months_named(text: str) -> set[tuple[int, int]]:
    """(year, month) of each month a text names (``สขร. ต.ค. 68`` names October 2025)."""
    return {(m.start.year, m.start.month) for m in find_dates(text)
            if m.counts and m.kind == "month"}


def reads_row_context(context: str) -> bool:
    """A row shared by several month links names its siblings' months, not this link's."""
    return len(months_named(context)) <= 1


def combine(parts: Sequence[tuple[Sequence[DatedMention], bool]],
            broken_texts: Sequence[str]) -> list[DatedMention]:
    """The mentions of every working candidate (one link per month), less the months whose
    own link is broken: such a month is not published even where a listing page names it.
    ``parts``: each candidate's mentions and whether it is a page (not a document)."""
    broken = {month for text in broken_texts for month in months_named(text)}
    return [m for mentions, is_page in parts for m in mentions
            if not (broken and _month_key(m) in broken and m.source != "link_text" and is_page)]


def _month_key(m: DatedMention) -> tuple[int, int] | None:
    return (m.mention.start.year, m.mention.start.month) if m.mention.kind == "month" else None


def param_problem(param: str, value: Any) -> str:
    """Why a ``months`` value is not 1-12 ('' when it is)."""
    if param != "months" or 1 <= value <= 12:
        return ""
    return f"{both('freshness', 'months_param')}, {example(6)}; {found(value)}"
