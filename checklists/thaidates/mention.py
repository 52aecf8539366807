"""The value object every user of the date finder receives."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

KINDS = ("day", "month", "year", "range", "fiscal_year", "quarter", "half_year_round")


@dataclass(frozen=True)
class DateMention:
    """One date expression found in a text and the interval of days it denotes."""

    text: str  # the exact substring of the input
    span: tuple[int, int]  # character offsets in the input text
    kind: str  # one of KINDS
    start: datetime.date  # first day of the interval it denotes
    end: datetime.date  # last day of the interval
    context: str  # 'date' if it may count for freshness, else 'law' | 'document_number' | ...

    @property
    def counts(self) -> bool:
        """True when the mention may count as evidence of freshness."""
        return self.context == "date"
