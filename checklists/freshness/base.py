"""What every freshness rule receives and returns, and the date reading the rules share.

A rule is a module with ``NAME``, ``PARAMS`` (parameter name -> default) and
``check(mentions, ctx) -> Outcome``.  Rules are pure: they see only the dated mentions found
in the evidence and an explicit as-of date, never the wall clock.

How a mention is read (shared by the rules, see checklists/README.md, "Freshness rules"):

- only mentions whose ``context`` is ``'date'`` count (not law years, document numbers...);
- a bare year (``แผนปฏิบัติการประจำปี 2569``, kind ``year``) names the fiscal year of that
  number, and so does a span of bare years (``พ.ศ. 2566-2570`` is fiscal years 2566 to 2570);
  every other mention speaks of the fiscal years its days fall in;
- a period longer than one year (a multi-year plan) is *multi-year*: it may show that a plan
  covers the assessed year, but never which year a report covers or when a page was updated;
- sources are ranked (``SOURCE_RANK``): a rule decides on the strongest source that says what
  it needs, so a stale date in the content wins over a current date in the link text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, TypeVar

from checklists.fiscal import BE_OFFSET, fiscal_year_interval, fiscal_year_of
from checklists.keptregex import kept_pattern
from checklists.thaidates.lexicon import MONTH
from checklists.vocabulary import en_date, relabel_month, thai_date
from checklists.words import CHECKLIST_WORDS, pair, pick

T = TypeVar("T")

# Where a date was read, strongest first (issue: "content, then link text, then file name,
# then CMS post date, then HTTP Last-Modified"; thai-dates.md calls the last ones weaker).
SOURCE_RANK = ("content", "link_text", "file_name", "post_date", "last_modified")
SOURCE_TH = CHECKLIST_WORDS.side("date_sources", "th")  # checklists/words.yaml
MAX_ONE_YEAR_DAYS = 366  # a fiscal year of a leap year spans 365 days from first to last

# every month name: compiled once per installation (checklists/keptregex.py; 12 ms of every
# process's start, 2026-12-04)
_MONTH_NAME = kept_pattern(MONTH)
_NUMERIC_DATE = re.compile(r"[0-9๐-๙]\s*[/.\-]\s*[0-9๐-๙]{1,2}\s*[/.\-]")


class Mention(Protocol):
    """The part of ``checklists.thaidates.DateMention`` a rule uses."""

    text: str
    kind: str
    start: date
    end: date
    context: str


@dataclass(frozen=True)
class DatedMention:
    """A date mention and where it was read."""

    mention: Mention
    source: str
    url: str

    @property
    def rank(self) -> int:
        return SOURCE_RANK.index(self.source) if self.source in SOURCE_RANK else len(SOURCE_RANK)


@dataclass(frozen=True)
class Context:
    """The explicit as-of date, the assessed fiscal year (B.E.) and the rule's parameters."""

    as_of: date
    fiscal_year: int
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    """A rule's decision: ``pass``, ``stale`` or ``unverified``, with reasons."""

    verdict: str
    reason_th: str
    reason_en: str
    used: DatedMention | None = None
    missing_months: list[str] = field(default_factory=list)


def counting(mentions: Sequence[DatedMention]) -> list[DatedMention]:
    """Mentions that may count for freshness (not law years, phone numbers...)."""
    return [m for m in mentions if m.mention.context == "date"]


def by_best_source(mentions: Sequence[DatedMention],
                   keep: Callable[[DatedMention], bool] | None = None) -> list[DatedMention]:
    """The counting mentions (that ``keep`` accepts) of the strongest source that has any."""
    usable = [m for m in counting(mentions) if keep is None or keep(m)]
    if not usable:
        return []
    best = min(m.rank for m in usable)
    return [m for m in usable if m.rank == best]


def is_year_span(m: Mention) -> bool:
    """True for a span of bare years (``พ.ศ. 2566-2570``), not of months or numeric dates."""
    return (m.kind == "range" and (m.start.month, m.start.day) == (1, 1)
            and (m.end.month, m.end.day) == (12, 31)
            and not _MONTH_NAME.search(m.text) and not _NUMERIC_DATE.search(m.text))


def fiscal_years(m: Mention) -> tuple[int, int]:
    """The first and last fiscal year (B.E.) a mention speaks of.

    A bare year on a plan or report names its fiscal year (``แผนปฏิบัติการประจำปี 2569``; the ITA
    of year N examines plans for fiscal year N and a ``ประจำปี`` report covers a fiscal year:
    ../shared/reference/thai-dates.md), so a ``year`` mention, or a span of bare years, is read
    as those fiscal years; other kinds by the fiscal years of their first and last day.
    """
    if m.kind == "year":
        year = m.start.year + BE_OFFSET
        return year, year
    if is_year_span(m):
        return m.start.year + BE_OFFSET, m.end.year + BE_OFFSET
    return fiscal_year_of(m.start), fiscal_year_of(m.end)


def fiscal_interval(m: Mention) -> tuple[date, date]:
    """The days a mention speaks of, bare years read as fiscal years."""
    if m.kind == "year" or is_year_span(m):
        first, last = fiscal_years(m)
        return fiscal_year_interval(first)[0], fiscal_year_interval(last)[1]
    return m.start, m.end


def is_multi_year(m: Mention) -> bool:
    """True for a period longer than one year (``แผนพัฒนา พ.ศ. 2566-2570``)."""
    first, last = fiscal_interval(m)
    return (last - first).days > MAX_ONE_YEAR_DAYS


def label_year(m: Mention) -> int:
    """The last fiscal year (B.E.) a mention speaks of."""
    return fiscal_years(m)[1]


def overlaps_fy(m: Mention, fy: int) -> bool:
    """True when the mention speaks of fiscal year ``fy`` (a range covering it counts)."""
    first, last = fiscal_years(m)
    return first <= fy <= last


def latest(mentions: Sequence[DatedMention]) -> DatedMention:
    """The mention that ends last (the stronger source on a tie)."""
    return max(mentions, key=lambda m: (m.mention.end, -m.rank))


def most_specific(mentions: Sequence[DatedMention]) -> DatedMention:
    """The latest single-year mention, or the latest of all when every one is multi-year."""
    single = [m for m in mentions if not is_multi_year(m.mention)]
    return latest(single or mentions)


def describe(m: DatedMention) -> str:
    """``“ปีงบประมาณ 2568” (ชื่อไฟล์)`` for reasons."""
    return f"“{m.mention.text}” ({SOURCE_TH.get(m.source, m.source)})"


def no_date() -> Outcome:
    """``unverified``: the evidence shows no date or year at all."""
    return Outcome("unverified", *pair("freshness", "no_date"))


def said(key: str, used: DatedMention, **values: Any) -> tuple[str, str]:
    """The words' ``freshness`` message ``key`` about the mention ``used``: Thai names it
    with its source (``{found}``), English quotes its text (``{text}``, ``{source}``)."""
    return pair("freshness", key, found=describe(used), text=used.mention.text,
                source=used.source, **values)


def unverified(mentions: Sequence[DatedMention], why_th: str, why_en: str) -> Outcome:
    """``unverified``: no date at all, or only dates that cannot answer the rule (``why``)."""
    others = by_best_source(mentions)
    if not others:
        return no_date()
    used = latest(others)
    th = pick("freshness", "found_only", "th", found=describe(used), why=why_th)
    en = pick("freshness", "found_only", "en", text=used.mention.text, why=why_en)
    return Outcome("unverified", th, en, used)


# -- what a rule does unless its module says otherwise (its module imports these names) ----

MAX_CANDIDATES = 8  # candidates read per item, strongest first
ACROSS_CANDIDATES = False  # True: the rule reads every working candidate together


# The fix of a stale item, in Thai and English: the key of its templates in the words'
# ``stale_fixes`` (checklists/words.yaml), over ``{title_th}``, ``{title_en}``,
# ``{fiscal_year}``, ``{previous_year}`` and the periods the verdict named as missing
# (``{periods}``, ``{periods_en}``); a rule's ``FIX_STALE`` (``FIX_STALE_ALL`` when it named
# none) replaces this one.  Default: publish the assessed fiscal year's version.
FIX_STALE = "current"


def fix_text(templates: str, item: Any, fiscal_year: int,
             missing_months: Sequence[str], **more: Any) -> tuple[str, str]:
    """The ``stale_fixes`` templates ``templates`` (Thai, English) filled in for ``item``;
    ``more``: a rule's own fields."""
    periods, periods_en = named_periods(missing_months)
    fields = {"title_th": item.title_th, "title_en": item.title_en, "fiscal_year": fiscal_year,
              "previous_year": fiscal_year - 1, "periods": periods, "periods_en": periods_en,
              **more}
    return pair("stale_fixes", templates, **fields)


def fix_current_year(item: Any, fiscal_year: int, missing_months: list[str]) -> tuple[str, str]:
    """The default fix of a stale item: publish the assessed fiscal year's version."""
    return fix_text(FIX_STALE, item, fiscal_year, missing_months)


def fix_from(fix_stale: str, fix_stale_all: str
             ) -> Callable[[Any, int, list[str]], tuple[str, str]]:
    """A rule's ``fix_stale`` from its templates: ``fix_stale`` when the verdict named the
    missing periods, ``fix_stale_all`` when it named none."""

    def fix(item: Any, fiscal_year: int, missing_months: list[str]) -> tuple[str, str]:
        return fix_text(fix_stale if missing_months else fix_stale_all, item, fiscal_year,
                        missing_months)

    return fix


def no_deadline(params: Mapping[str, Any], verdict: str, missing_months: list[str],
                as_of: date, fiscal_year: int) -> dict[str, Any] | None:
    """No dated deadline: fix it as soon as possible."""
    return None


def reads_any_context(context: str) -> bool:
    """The text around a link (its table row, list item) says what the link is."""
    return True


def combine_all(parts: Sequence[tuple[Sequence[DatedMention], bool]],
                broken_texts: Sequence[str]) -> list[DatedMention]:
    """Every working candidate's mentions together."""
    return [m for mentions, _ in parts for m in mentions]


def any_param_value(param: str, value: Any) -> str:
    """Any value of the parameter's type will do ('' = no problem); the loader checks types."""
    return ""


def nothing_due(templates: str, fiscal_year: int) -> Outcome:
    """``pass`` before any period the item asks for is due: the words' ``nothing_due``
    ``templates`` (Thai, English) say so for ``{fiscal_year}``."""
    return Outcome("pass", *pair("nothing_due", templates, fiscal_year=fiscal_year))


def named_periods(labels: Sequence[str]) -> tuple[str, str]:
    """The periods a verdict named as missing (Thai labels), listed in Thai and in English."""
    return ", ".join(labels), ", ".join(relabel_month(label, "en") for label in labels)


def late_periods(due: Sequence[T], verdict: str, missing_months: Sequence[str],
                 label: Callable[[T], str]) -> list[T]:
    """The periods due that are late: all of them when the item is missing, otherwise those
    whose Thai ``label`` the verdict named as missing."""
    if verdict == "missing":
        return list(due)
    wanted = set(missing_months)
    return [period for period in due if label(period) in wanted]


def periodic_deadline(rule_th: str, rule_en: str, next_th: str, late: Sequence[Mapping[str, Any]],
                      nxt: Mapping[str, Any]) -> dict[str, Any]:
    """The deadline of a report due per period (a month, a quarter): the overdue periods
    ``late`` with their dates, then the next period ``nxt``.  Each entry is a ``dueMonth`` of
    the report schema (``month``, ``label``, ``date``, ``overdue``); ``next_th`` names the next
    period in Thai (``เดือนถัดไป``)."""
    def day(entry: Mapping[str, Any]) -> date:
        return date.fromisoformat(entry["date"])

    after_th = pick("freshness", "next_by", "th", next=next_th, label=nxt["label"],
                    date=thai_date(day(nxt)))
    after_en = pick("freshness", "next_by", "en", label=relabel_month(nxt["label"], "en"),
                    date=en_date(day(nxt)))
    if not late:
        return {"kind": "date", "date": nxt["date"], "overdue": False,
                "th": f"{rule_th}: {after_th}", "en": f"{rule_en}: {after_en}", "months": [],
                "next": dict(nxt)}
    listed_th = ", ".join(pick("freshness", "due_on", "th", label=e["label"],
                               date=thai_date(day(e))) for e in late)
    listed_en = ", ".join(pick("freshness", "due_on", "en", label=relabel_month(e["label"], "en"),
                               date=en_date(day(e))) for e in late)
    overdue_th, overdue_en = pair("freshness", "overdue")
    return {"kind": "date", "date": late[0]["date"], "overdue": True,
            "th": f"{rule_th}: {listed_th}{overdue_th}; {after_th}",
            "en": f"{rule_en}: {listed_en}{overdue_en}; {after_en}",
            "months": [dict(e) for e in late], "next": dict(nxt)}
