"""``quarterly``: a report for each listed quarter of the fiscal year that is due.

Source: ../shared/reference/ita-oit.md ("Ministry of Public Health units (MOIT 1 to MOIT 22,
filed per quarter)") and the MOIT item texts in checklists/data/moph-moit-2568.yaml ([MA]:
"ทุกไตรมาส", "ไตรมาสที่ 2 และไตรมาสที่ 4"); quarters from ../shared/reference/thai-dates.md
(quarter 1 = Oct-Dec ... quarter 4 = Jul-Sep of the fiscal year).

- ``quarters`` lists the quarters the item asks for (``"1,2,3,4"``, or ``"2,4"`` for the MOIT
  items reported in quarters 2 and 4).  A quarter is due once ``grace_days`` have passed after
  its last day: on quarter end + grace it is not yet due (the last day to publish), from the
  next day it is.  With nothing due yet the rule passes and says so.  The grace is the tool's
  assumption (the MOPH upload dates were not found): edit it in the checklist.
- A quarter is covered by a mention of that quarter (``ไตรมาสที่ 2/2569``, ``ม.ค. - มี.ค. 69``)
  or by a cumulative report that runs from within the fiscal year to the quarter's last month
  (``ไตรมาสที่ 1-2``, ``รอบ 6 เดือน`` cover quarter 2; ``ต.ค. 68 - ก.ย. 69`` covers quarter 4).
  A bare fiscal year, a single month or day, a multi-year span, a CMS post date and HTTP
  ``Last-Modified`` never say which quarter a report covers.
- Coverage is read per evidence URL, each from its strongest source that names a period (a
  content quarter beats another quarter in the link text), across every working candidate:
  sites post one link per quarter.  A quarter whose own link is broken is not published.
- The verdict names every missing quarter in Thai: ``ขาด ไตรมาส 2/2569``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from checklists.fiscal import fiscal_year_interval, fiscal_year_of, month_end, quarter_interval
from checklists.freshness import base
from checklists.freshness.base import Context, DatedMention, Mention, Outcome
from checklists.thaidates import find_dates
from checklists.vocabulary import quarter_label
from checklists.words import both, example, found, pair, pick

EXAMPLE_QUARTERS = '"2,4"'  # how a quarters parameter is written

NAME = "quarterly"
PARAMS: dict[str, object] = {"quarters": "1,2,3,4", "grace_days": 30}
FIX_STALE = NAME  # checklists/words.yaml stale_fixes
FIX_STALE_ALL = "quarterly_all"
NOTHING_DUE = NAME  # checklists/words.yaml nothing_due
MAX_CANDIDATES = 16  # one link per quarter over several years must all be read
ACROSS_CANDIDATES = True  # quarters are read across every working candidate
COVERAGE_SOURCES = ("content", "link_text", "file_name")
PERIOD_KINDS = ("quarter", "half_year_round", "range")


def quarters_of(params: Mapping[str, Any]) -> list[int]:
    """The quarters an item asks for, from its ``quarters`` parameter (``"2,4"`` -> [2, 4])."""
    text = str(params.get("quarters", PARAMS["quarters"]))
    return sorted({int(part) for part in text.replace(" ", "").split(",") if part})


def param_problem(param: str, value: Any) -> str:
    """Why a ``quarters`` value is not a list of quarters 1-4 ('' when it is)."""
    if param != "quarters":
        return ""
    parts = str(value).replace(" ", "").split(",")
    if all(p in ("1", "2", "3", "4") for p in parts) and len(set(parts)) == len(parts):
        return ""
    return f"{both('freshness', 'quarters_param')}, {example(EXAMPLE_QUARTERS)}; {found(value)}"


def label(fy: int, quarter: int) -> str:
    """``ไตรมาส 2/2569``: the Thai label of a quarter of fiscal year ``fy`` (kept in
    ``missing_months``)."""
    return quarter_label(fy, quarter)


def label_en(fy: int, quarter: int) -> str:
    return quarter_label(fy, quarter, "en")


def due_date(fy: int, quarter: int, grace_days: int) -> date:
    """The last day to publish the report of ``quarter``: its last day + ``grace_days``."""
    return quarter_interval(fy, quarter)[1] + timedelta(days=grace_days)


def quarters_due(fy: int, quarters: Sequence[int], as_of: date, grace_days: int) -> list[int]:
    """The listed quarters of ``fy`` that are due at ``as_of`` (after end + grace, exclusive)."""
    return [q for q in quarters if due_date(fy, q, grace_days) < as_of]


def covered_quarter(m: Mention) -> tuple[int, int] | None:
    """(fiscal year, quarter) of the report a mention names, or None.

    A quarter names itself; a range or 6-month round names the quarter it ends with when it
    starts inside that fiscal year no later than the quarter's first day (a cumulative report).
    """
    if m.kind not in PERIOD_KINDS or base.is_multi_year(m):
        return None
    fy = fiscal_year_of(m.end)
    for quarter in (1, 2, 3, 4):
        first, last = quarter_interval(fy, quarter)
        ends_here = (m.end.year, m.end.month) == (last.year, last.month)
        if ends_here and fiscal_year_interval(fy)[0] <= m.start <= month_end(first):
            return fy, quarter
    return None


def _url_quarters(group: Sequence[DatedMention]) -> dict[tuple[int, int], DatedMention]:
    named = base.by_best_source(group, lambda m: covered_quarter(m.mention) is not None)
    out: dict[tuple[int, int], DatedMention] = {}
    for m in named:
        key = covered_quarter(m.mention)
        if key is not None:
            out[key] = m
    return out


def coverage(mentions: Sequence[DatedMention]) -> dict[tuple[int, int], DatedMention]:
    """Covered (fiscal year, quarter) -> a mention that shows it, read per evidence URL."""
    by_url: dict[str, list[DatedMention]] = {}
    for m in base.counting(mentions):
        if m.source in COVERAGE_SOURCES:
            by_url.setdefault(m.url, []).append(m)
    out: dict[tuple[int, int], DatedMention] = {}
    for group in by_url.values():
        for key, m in _url_quarters(group).items():
            if key not in out or m.rank < out[key].rank:
                out[key] = m
    return out


def check(mentions: Sequence[DatedMention], ctx: Context) -> Outcome:
    """Pass when every listed quarter that is due is covered; otherwise name the missing."""
    grace = int(ctx.params.get("grace_days", PARAMS["grace_days"]))
    fy = ctx.fiscal_year
    due = quarters_due(fy, quarters_of(ctx.params), ctx.as_of, grace)
    if not due:
        return base.nothing_due(NOTHING_DUE, fy)
    usable = [m for m in base.counting(mentions) if m.source in COVERAGE_SOURCES]
    if not usable:
        if base.counting(mentions):
            used = base.latest(base.counting(mentions))
            return Outcome("unverified", *base.said("quarter_undated", used), used)
        return base.no_date()
    covered = coverage(usable)
    if not covered:
        used = base.latest(usable)
        return Outcome("unverified", *base.said("quarter_undated", used), used)
    missing = [q for q in due if (fy, q) not in covered]
    shown = [covered[(fy, q)] for q in due if (fy, q) in covered]
    used = base.latest(shown) if shown else base.latest(list(covered.values()))
    if not missing:
        return Outcome(
            "pass",
            pick("freshness", "quarters_pass", "th",
                 quarters=", ".join(label(fy, q) for q in due)),
            pick("freshness", "quarters_pass", "en",
                 quarters=", ".join(label_en(fy, q) for q in due)),
            used,
        )
    labels = [label(fy, q) for q in missing]
    return Outcome(
        "stale",
        pick("freshness", "quarters_stale", "th", quarters=", ".join(labels),
             found=base.describe(used)),
        pick("freshness", "quarters_stale", "en",
             quarters=", ".join(label_en(fy, q) for q in missing), text=used.mention.text),
        used,
        missing_months=labels,
    )



def deadline(params: Mapping[str, Any], verdict: str, missing_months: list[str], as_of: date,
             fiscal_year: int) -> dict[str, Any]:
    """Each listed quarter's report is due ``grace_days`` after the quarter ends: the overdue
    quarters with their dates, and the next listed quarter."""
    grace = int(params.get("grace_days", PARAMS["grace_days"]))
    listed = quarters_of(params)
    due = quarters_due(fiscal_year, listed, as_of, grace)
    late = base.late_periods(due, verdict, missing_months, lambda q: label(fiscal_year, q))
    entries = [_entry(fiscal_year, q, grace, as_of) for q in late]
    ahead = [q for q in listed if q not in due]
    nxt = _entry(fiscal_year, ahead[0], grace, as_of) if ahead else \
        _entry(fiscal_year + 1, listed[0], grace, as_of)
    rule_th, rule_en = pair("freshness", "quarters_rule", grace=grace)
    return base.periodic_deadline(rule_th, rule_en, pick("freshness", "next_quarter", "th"),
                                  entries, nxt)


def _entry(fy: int, quarter: int, grace: int, as_of: date) -> dict[str, Any]:
    """A quarter as a ``dueMonth`` of the report schema (``month``: its last month)."""
    last = quarter_interval(fy, quarter)[1]
    due = due_date(fy, quarter, grace)
    return {"month": f"{last:%Y-%m}", "label": label(fy, quarter), "date": due.isoformat(),
            "overdue": due < as_of}


def quarters_named(text: str) -> set[tuple[int, int]]:
    """(fiscal year, quarter) of each quarter a text names."""
    return {key for m in find_dates(text) if m.counts
            for key in [covered_quarter(m)] if key is not None}


def reads_row_context(context: str) -> bool:
    """A row shared by several quarter links names its siblings' quarters, not this link's."""
    return len(quarters_named(context)) <= 1


def combine(parts: Sequence[tuple[Sequence[DatedMention], bool]],
            broken_texts: Sequence[str]) -> list[DatedMention]:
    """Every working candidate's mentions, less the quarters whose own link is broken (a
    listing page that names such a quarter does not publish it)."""
    broken = {key for text in broken_texts for key in quarters_named(text)}
    return [m for mentions, is_page in parts for m in mentions
            if not (broken and is_page and m.source != "link_text"
                    and covered_quarter(m.mention) in broken)]
