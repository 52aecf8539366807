"""The words every layer shares, defined once: verdicts (their order, rank and Thai/English
labels), exit codes, how a date is written in a report, the item-code pattern and defaults.

Sources: verdicts and exit codes are this tool's contract (README "Exit codes", report.json);
Buddhist-era years and Thai month abbreviations follow ../shared/reference/thai-dates.md;
item codes as sites write them (O1, O.1, OIT 1, MOIT 1) follow ../shared/reference/ita-oit.md.
"""

from __future__ import annotations

import re
from datetime import date

from checklists.fiscal import BE_OFFSET, THAI_MONTHS_ABBR, THAI_MONTHS_FULL, to_be
from checklists.tool import TOOL as TOOL  # re-exported: the tool's name and version
from checklists.tool import TOOL_VERSION as TOOL_VERSION
from checklists.words import CHECKLIST_WORDS

DEFAULT_CHECKLIST = "nacc-oit-2565"

# Verdicts in the order reports list them, and their rank (higher is worse).
VERDICTS = ("pass", "missing", "stale", "broken", "unverified")
VERDICT_RANK = {"pass": 0, "unverified": 1, "stale": 2, "broken": 3, "missing": 4}
VERDICT_LABELS = {lang: CHECKLIST_WORDS.side("verdicts", lang) for lang in ("th", "en")}

# Exit codes of every command (README "Exit codes"): 1 means gaps found, or with the nightly
# commands new problems since the last run; 2 means the command could not do its job (run it
# again later); 3 means it was stopped (Ctrl-C, SIGTERM): an audit continues with --resume.
EXIT_OK, EXIT_GAPS, EXIT_ERROR, EXIT_STOPPED = 0, 1, 2, 3

# Report statuses whose report carries item verdicts ("incomplete": robots.txt kept the
# crawler out of part of the site, and the items that may be there are "unverified").
JUDGED = ("complete", "incomplete")

# An item code as a checklist writes it (``O1``, ``O 12``): letters, then a number.
ITEM_CODE_FORM = r"^([A-Za-z]*)\s?([0-9]+)$"
# A code whose letter O is typed as a zero, at the start of a text: "019 แผนการจัดซื้อจัดจ้าง..."
# (an OBEC 2566 hub), "027 หลักเกณฑ์การบริหาร...", "015.สรุปผลการจัดซื้อจัดจ้าง", "04 แผนยุทธศาสตร์"
# (real-world dev split: s0648, s0087, s0207, s0024), and "0 19".  Words must follow, and not a
# month ("09 ธ.ค. 2562" is a date, s0396), a slash ("07 / ต.ค.") or more digits (a phone
# number, "036 411 047").  A regular-expression fragment (no groups) that ends where the
# number starts; the patterns below follow it with the number.
_MONTHS = "|".join(re.escape(m) for m in (*THAI_MONTHS_FULL, *THAI_MONTHS_ABBR))
ZERO_CODE = (r"^\s*0\s?(?=[0-9]{1,2}(?![0-9])\s*[.)\-:]?\s*(?!" + _MONTHS +
             r")[^\W\d_])")
# Any O-code as a site writes it in running text: O1, O.1, o1, O 1, OIT1, MOIT 1, O01, O019,
# and a zero for the O at the start (ZERO_CODE).
ANY_ITEM_CODE = re.compile(r"(?:(?<![A-Za-z])(?:MOIT|OIT|O)\s*[.\-:]?\s*|" + ZERO_CODE +
                           r")0*\d{1,2}(?![0-9])", re.IGNORECASE)

_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")


def thai_date(day: date) -> str:
    """``15 ก.พ. 2569``."""
    return f"{day.day} {THAI_MONTHS_ABBR[day.month - 1]} {to_be(day.year)}"


def en_date(day: date) -> str:
    """``15 Feb 2026``."""
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def thai_month_label(year_ce: int, month: int) -> str:
    """Short Thai label of a month, e.g. ``ม.ค. 2569``."""
    return f"{THAI_MONTHS_ABBR[month - 1]} {to_be(year_ce)}"


def en_month_label(year_ce: int, month: int) -> str:
    """Short English label of a month, e.g. ``Jan 2026``."""
    return f"{_EN_MONTHS[month - 1]} {year_ce}"


def month_label(year_ce: int, month: int, lang: str) -> str:
    """A month as a report in ``lang`` writes it (``ม.ค. 2569`` / ``Jan 2026``)."""
    return thai_month_label(year_ce, month) if lang == "th" else en_month_label(year_ce, month)


_THAI_LABEL = re.compile(r"^\s*(\S+)\s+(\d{4})\s*$")
_QUARTER_LABEL = re.compile(r"^\s*ไตรมาส ([1-4])/(\d{4})\s*$")


def quarter_label(fiscal_year: int, quarter: int, lang: str = "th") -> str:
    """A quarter of a fiscal year (B.E.): ``ไตรมาส 2/2569`` / ``Q2 FY2569``."""
    return f"ไตรมาส {quarter}/{fiscal_year}" if lang == "th" else f"Q{quarter} FY{fiscal_year}"


def relabel_month(label: str, lang: str) -> str:
    """A stored Thai month or quarter label (``ม.ค. 2569``, ``ไตรมาส 2/2569``, as
    ``missing_months`` keeps them) in ``lang``; a label that is not one is returned as it is."""
    quarter = _QUARTER_LABEL.match(label)
    if quarter and lang != "th":
        return quarter_label(int(quarter.group(2)), int(quarter.group(1)), lang)
    found = _THAI_LABEL.match(label)
    if lang == "th" or not found or found.group(1) not in THAI_MONTHS_ABBR:
        return label
    return en_month_label(int(found.group(2)) - BE_OFFSET, THAI_MONTHS_ABBR.index(found.group(1)) + 1)


def date_text(day: date, lang: str) -> str:
    """A date as a report in ``lang`` writes it."""
    return thai_date(day) if lang == "th" else en_date(day)
