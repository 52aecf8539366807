"""What every freshness rule receives and returns.

A rule is a module with ``NAME``, ``PARAMS`` (parameter name -> default) and
``check(mentions, ctx) -> Outcome``.  Rules are pure: they see only the dated mentions found
in the evidence and an explicit as-of date, never the wall clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from checklists.fiscal import fiscal_year_interval, fiscal_year_of

# Where a date was read, strongest first (issue: "content, then link text, then file name,
# then CMS post date, then HTTP Last-Modified"; thai-dates.md calls the last ones weaker).
SOURCE_RANK = ("content", "link_text", "file_name", "post_date", "last_modified")
SOURCE_TH = {
    "content": "เนื้อหาเอกสาร/หน้าเว็บ",
    "link_text": "ข้อความลิงก์",
    "file_name": "ชื่อไฟล์",
    "post_date": "วันที่โพสต์",
    "last_modified": "วันที่แก้ไขไฟล์บนเซิร์ฟเวอร์",
}


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


def by_best_source(mentions: Sequence[DatedMention]) -> list[DatedMention]:
    """The counting mentions of the strongest source that has any."""
    usable = counting(mentions)
    if not usable:
        return []
    best = min(m.rank for m in usable)
    return [m for m in usable if m.rank == best]


def label_year(m: Mention) -> int:
    """The fiscal year (B.E.) a mention speaks of.

    A bare year on a plan or report names its fiscal year (``แผนปฏิบัติการประจำปี 2569``),
    so a ``year`` mention is read as that fiscal year; other kinds by their last day.
    """
    if m.kind == "year":
        return m.start.year + 543
    return fiscal_year_of(m.end)


def overlaps_fy(m: Mention, fy: int) -> bool:
    """True when the mention speaks of fiscal year ``fy``."""
    if m.kind == "year":
        return label_year(m) == fy
    first, last = fiscal_year_interval(fy)
    return m.start <= last and m.end >= first


def latest(mentions: Sequence[DatedMention]) -> DatedMention:
    """The mention that ends last."""
    return max(mentions, key=lambda m: (m.mention.end, -m.rank))


def describe(m: DatedMention) -> str:
    """``'ปีงบประมาณ 2568' (ชื่อไฟล์)`` for reasons."""
    return f"“{m.mention.text}” ({SOURCE_TH.get(m.source, m.source)})"


NO_DATE_TH = "ไม่พบวันที่หรือปีในหลักฐาน จึงตรวจความเป็นปัจจุบันไม่ได้"
NO_DATE_EN = "no date or year could be read in the evidence, so currency cannot be checked"
