"""Thai fiscal-year and calendar helpers.

Facts from ../shared/reference/thai-dates.md: B.E. = C.E. + 543; fiscal year N (B.E.) runs
from 1 October of N-1 to 30 September of N; quarters 1-4 are Oct-Dec, Jan-Mar, Apr-Jun, Jul-Sep;
the 6-month round is 1 Oct to 31 Mar of the fiscal year.
"""

from __future__ import annotations

import calendar
from datetime import date

BE_OFFSET = 543

THAI_MONTHS_FULL = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
THAI_MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)


def to_be(year_ce: int) -> int:
    """Convert a C.E. year to B.E."""
    return year_ce + BE_OFFSET


def to_ce(year_be: int) -> int:
    """Convert a B.E. year to C.E."""
    return year_be - BE_OFFSET


def fiscal_year_of(day: date) -> int:
    """The Thai fiscal year (B.E.) that contains ``day``."""
    return to_be(day.year) + (1 if day.month >= 10 else 0)


def fiscal_year_interval(fy_be: int) -> tuple[date, date]:
    """First and last day of fiscal year ``fy_be`` (B.E.)."""
    ce = to_ce(fy_be)
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def quarter_interval(fy_be: int, quarter: int) -> tuple[date, date]:
    """First and last day of quarter 1-4 of fiscal year ``fy_be``."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1-4, got {quarter}")
    first, _ = fiscal_year_interval(fy_be)
    start = add_months(first, 3 * (quarter - 1))
    return start, month_end(add_months(start, 2))


def half_year_round_interval(fy_be: int) -> tuple[date, date]:
    """The 6-month round of fiscal year ``fy_be``: 1 Oct to 31 Mar."""
    first, _ = fiscal_year_interval(fy_be)
    return first, date(first.year + 1, 3, 31)


def month_end(day: date) -> date:
    """Last day of the month of ``day``."""
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def add_months(day: date, months: int) -> date:
    """First day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)
