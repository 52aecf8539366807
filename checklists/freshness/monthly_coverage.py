"""``monthly_coverage``: a summary for every month from October to the last month due.

Source: ../shared/reference/thai-dates.md ("monthly procurement summaries from October N-1 up
to the last completed month before the assessment date") and the seed (O23 needs a monthly
split).

- A month is due once ``grace_days`` have passed after its last day: on month end + grace it
  is not yet due (the last day to publish), from the next day it is (``reports/deadlines.py``
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

from collections.abc import Sequence
from datetime import date, timedelta

from checklists.fiscal import add_months, fiscal_year_interval, month_end
from checklists.freshness.base import (
    Context,
    DatedMention,
    Mention,
    Outcome,
    by_best_source,
    counting,
    latest,
)
from checklists.vocabulary import thai_month_label

NAME = "monthly_coverage"
PARAMS: dict[str, object] = {"grace_days": 15}
COVERAGE_SOURCES = ("content", "link_text", "file_name")

NO_MONTH_TH = "ไม่พบเดือนหรือวันที่ในเนื้อหา ข้อความลิงก์ หรือชื่อไฟล์ จึงตรวจไม่ได้ว่ามีข้อมูลเดือนใดบ้าง"
NO_MONTH_EN = ("no month or date could be read in the content, link text or file name, so the "
               "months published cannot be checked")


def months_due(fy: int, as_of: date, grace_days: int) -> list[date]:
    """First days of the months of fiscal year ``fy`` that are due at ``as_of``."""
    first, last = fiscal_year_interval(fy)
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
    named = by_best_source(group, lambda m: month_of(m.mention) is not None)
    if named:
        out = {}
        for m in named:
            month = month_of(m.mention)
            if month is not None:
                out[month] = m
        return out
    days = by_best_source(group, lambda m: m.mention.kind == "day")
    return {date(m.mention.start.year, m.mention.start.month, 1): m for m in days}


def coverage(mentions: Sequence[DatedMention]) -> dict[date, DatedMention]:
    """Covered month (its first day) -> a mention that shows it, read per evidence URL."""
    by_url: dict[str, list[DatedMention]] = {}
    for m in counting(mentions):
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
    due = months_due(fy, ctx.as_of, grace)
    if not due:
        return Outcome(
            "pass",
            f"ยังไม่มีเดือนใดของปีงบประมาณ {fy} ถึงกำหนดเผยแพร่",
            f"no month of fiscal year {fy} is due yet",
        )
    usable = [m for m in counting(mentions) if m.source in COVERAGE_SOURCES]
    if not usable:
        return Outcome("unverified", NO_MONTH_TH, NO_MONTH_EN)
    covered = coverage(usable)
    missing = [m for m in due if m not in covered]
    shown = [covered[m] for m in due if m in covered]
    used = latest(shown) if shown else latest(usable)
    if not missing:
        last = due[-1]
        return Outcome(
            "pass",
            f"มีครบทุกเดือนถึง {thai_month_label(last.year, last.month)}",
            f"every month up to {last:%Y-%m} is published",
            used,
        )
    labels = [thai_month_label(m.year, m.month) for m in missing]
    return Outcome(
        "stale",
        "ขาดเดือน " + ", ".join(labels),
        "missing months: " + ", ".join(f"{m:%Y-%m}" for m in missing),
        used,
        missing_months=labels,
    )
