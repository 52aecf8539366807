"""Thai date mentions in free text: `find_dates(text) -> list[DateMention]`.

Reads the shapes Thai government websites use (thai-dates.md in the shared reference): B.E.
and C.E. years, two-digit B.E. years, Thai digits, month names with their abbreviations and
misspellings, full dates, numeric dates, months, years, ranges written with one year, fiscal
years (ปีงบประมาณ), quarters (ไตรมาส) and 6/12-month rounds (รอบ 6 เดือน). Each mention says
whether it may count for freshness (``context == 'date'``) or is a law title's year or a
document number's year.

The finder is hand-written regular expressions, one combined pattern scanned once
(the patterns package). No library was adopted: dateparser read these government shapes wrongly (see
the issue), and pythainlp parses or formats a date string already cut out of the text (its
``thai_strptime``) but has no mention finder apart from NER models, which need downloaded
weights and know nothing of fiscal years, rounds or document numbers.

Modules: lexicon (digits, months, eras, year reading), patterns (the combined regex),
context (law, document number, phone, money, version), finder (scan and range joining),
mention (the DateMention value), command (the `oit-audit dates` sub-command), scoring (the
labelled-set measurement used by the tests and tests/benchmarks/dates.py).
"""

from checklists.thaidates.finder import find_dates
from checklists.thaidates.mention import KINDS, DateMention

__all__ = ["KINDS", "DateMention", "find_dates"]
