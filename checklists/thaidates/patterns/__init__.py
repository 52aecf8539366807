"""The one combined pattern that finds date atoms in a single left-to-right scan.

An *atom* is one date expression before ranges are joined: a day, a month (with or without a
year), a year or year span, a fiscal year, a quarter or a 6/12-month round. finder.py reads
each match by ``match.lastgroup`` (the name of the alternative) and joins neighbouring atoms
into ranges. Alternatives that can start at the same place are ordered longest first, so the
first alternative that matches is the longest reading (a day before a month before a year).

Speed: the whole pattern sits behind a look-ahead (``FIRST_CHARS``: a digit, or a letter and
the letter after it that can start a date word), so most positions in Thai prose are rejected
by a test or two; finder.py also scans only the stretches of text near digits. Look-behind
checks come after an alternative's first character so that the look-ahead stays exact.

The alternatives are written by family, each in a module of its own: ``thai`` (Thai words:
quarters, rounds, halves, fiscal years, days, months, years; the fiscal-year and day-span
alternatives also take their English words, so that one start is tried once), ``english``
(English words), ``analyst`` (listed companies' and analysts' shorthand) and ``numeric`` (digits
alone), on the fragments of ``common``. :data:`ORDER` puts them back in the one order the scan
tries them; the combined pattern is the same text, character for character, as when they were
written in one module.
"""

from __future__ import annotations

import re

from checklists.keptregex import kept_pattern
from checklists.thaidates.lexicon import (
    COMBINING,
    MONTH_ABBR,
    MONTH_FULL,
    MONTH_SHORT,
    THUENG,
    WAN_THI,
    skeleton,
)
from checklists.thaidates.patterns import analyst, english, numeric, thai
from checklists.thaidates.patterns.common import (
    DUEAN,
    EN_WEEKDAY,
    FISCAL_WORD,
    WEEKDAY_DOTTED,
    WEEKDAY_IN_BRACKETS,
    WEEKDAY_SPELLED,
)
from checklists.thaidates.patterns.english import EN_MONTH_COUNT
from checklists.thaidates.patterns.thai import THAI_QUARTER_ORDINALS

__all__ = ["ALTERNATIVES", "CONNECTOR", "EN_MONTH_COUNT", "EN_WEEKDAY", "FIRST_CHARS", "FISCAL_WORD", "PATTERN",
           "THAI_QUARTER_ORDINALS", "UNFILTERED", "WEEKDAY_DOTTED", "WEEKDAY_SPELLED"]

# The alternatives of every family in the one order the scan tries them: where two can start
# at the same place the longest reading comes first (a day before a month before a year).
ORDER = ("fys", "qtr", "qtrq", "qtrn", "qtre", "nmon", "hlfn", "hlfh", "half", "half6", "nfirst", "halfc",
         "fy", "dspan", "day", "eday", "num", "numsp", "iso", "mky", "docyy", "mdy", "emdy", "emq", "emy", "mon",
         "yfy", "eqtrd", "eqtrl", "enmon", "apos", "yr")
_BY_NAME = dict(thai.ALTERNATIVES + english.ALTERNATIVES + analyst.ALTERNATIVES
                + numeric.ALTERNATIVES)
assert sorted(_BY_NAME) == sorted(ORDER), "every alternative in ORDER exactly once"
ALTERNATIVES: tuple[tuple[str, str], ...] = tuple((name, _BY_NAME[name]) for name in ORDER)

# Words other than month names that an alternative can start with, as (first letter, what
# follows it): ไต(รมาส), ค(รึ่ง), รอบ, ร.ศ., รศ., ปี, ป(ี) ง(บประมาณ) as PDF extraction leaves it,
# งบประมาณ and งี บ, งปม. (the budget word's short form), the era markers พ.ศ. (and พ . ศ ., a
# space before each dot), พศ. (or พศ before digits), พุทธ(ศักราช), ค.ศ., คริ(สต์ศักราช), and
# ต้น(ปีงบ) (also ตน้ as PDF extraction splits it).
_THAI_WORD_STARTS = (("ไ", "ต"), ("ร", "อบ"), ("ร", r"\."), ("ร", r"ศ\."), ("ป", "ี"),
                     ("ป", r"\s?ง"), ("ง", r"ี?\s?บ|ปม"), ("พ", r"\s?\."), ("พ", r"ศ\."),
                     ("พ", r"ศ\s?[0-9๐-๙]"), ("พ", "ุทธ"),
                     ("ค", r"\."), ("ค", "ริ"), ("ค", "รึ่ง"), ("ต", "้น"),
                     ("ต", f"[{COMBINING}]*\\s?น"))


def _thai_starts() -> str:
    """Where a Thai alternative can start: a letter and what may follow it, by letter.

    A month name is its first letter, then combining marks, a space (PDF extraction) and its
    second skeleton letter (ม, then ก for มกราคม; every spelling and short form); an
    abbreviation is its first letter and a dot, a space or its second letter (`ม.ค.`, `ม ค.`,
    `มค`, `มี.ค.`, `ม.ี ค.`). Checking the second letter lets the engine reject about three in
    four of the positions where one of these common letters stands (ม, ก, ต, ส and พ start
    many Thai words): the scan of Thai prose is about twice as fast.
    """
    after: dict[str, list[str]] = {}

    def add(letter: str, rest: str) -> None:
        if rest not in after.setdefault(letter, []):
            after[letter].append(rest)

    for number, names in MONTH_FULL.items():
        for name in names + MONTH_SHORT[number]:
            letters = skeleton(name)
            add(letters[0], f"[{COMBINING}]*\\s?{letters[1]}")
    for a, b in MONTH_ABBR.values():
        if len(a) == 1:  # `ต.ค.`, `ต. ค.`, `ต ค.`, `ตค.`, `ตค`
            add(a, r"\.")
            add(a, f"\\s?{b}")
        else:  # `มี.ค.`, `มีค`, and `ม.ี ค.` (the vowel moved past the dot)
            add(a[0], a[1])
            if re.match(f"[{COMBINING}]", a[1]):
                add(a[0], r"\.")
    for letter, rest in _THAI_WORD_STARTS:
        add(letter, rest)
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in after.items())


# Where an alternative can start: a digit, an apostrophe (`’61`), a Thai letter followed by
# what _thai_starts allows, or a Latin capital or small letter that starts a word (B, A and C
# of the English era markers, Q of Q4 2560, H of H1 2024, T and L of Third or Last quarter of
# 2024, the English month names' first letters; the look-behind keeps Latin text from trying
# every alternative at each letter), or a capital of an English month glued after a small
# letter with its day next (`ByadminDecember 19, 2023`: english.py's `emdy`). The look-ahead lets the engine reject most positions without trying every
# alternative; a test checks it against the unfiltered pattern.
FIRST_CHARS = (f"(?:[0-9๐-๙’']|{_thai_starts()}"
               "|(?<![A-Za-z])[ABCDFHJLMNOQSTabdfjlmnost]|[ADFJMNOS](?<=[a-z].)(?=[a-z]{2,8}\\s[0-9]))")

UNFILTERED = "|".join(f"(?P<{name}>{body})" for name, body in ALTERNATIVES)

# What each alternative can start with: a digit, a Thai letter (or an apostrophe), a Latin
# letter; `fy` and `yr` start with more than one kind.
_STARTS = {"fys": "T", "qtr": "T", "qtrq": "L", "qtrn": "D", "qtre": "L", "nmon": "D", "hlfn": "D", "hlfh": "L", "half": "T", "half6": "D", "nfirst": "D", "halfc": "T", "fy": "TL", "dspan": "D",
           "day": "D", "eday": "D", "num": "D", "numsp": "D", "iso": "D", "mky": "D", "docyy": "D", "mdy": "T",
           "emdy": "L", "emq": "L", "emy": "L", "mon": "T", "apos": "T", "yfy": "D", "eqtrd": "D", "eqtrl": "L", "enmon": "L",
           "yr": "DTL"}
_START_CLASS = {"D": "[0-9๐-๙]", "T": "[ก-๛’']", "L": "[A-Za-z]"}


def _dispatched() -> str:
    """UNFILTERED with the alternatives of one starting kind behind one look-ahead each.

    The engine tries alternatives one after another; behind `(?=[0-9๐-๙])` a Thai letter skips
    all the digit alternatives with one test. Between alternatives that start with several
    kinds (barriers), those of each kind keep their order; alternatives of different kinds
    never match at the same place, so the first match is the same as UNFILTERED's (a test
    compares the two at every position of the labelled set).
    """
    parts: list[str] = []
    pending: dict[str, list[str]] = {}

    def flush() -> None:
        for kind, names in pending.items():
            parts.append(f"(?={_START_CLASS[kind]})(?:{'|'.join(names)})")
        pending.clear()

    for name, body in ALTERNATIVES:
        branch = f"(?P<{name}>{body})"
        if len(_STARTS[name]) == 1:
            pending.setdefault(_STARTS[name], []).append(branch)
        else:
            flush()
            parts.append(branch)
    flush()
    return "|".join(parts)


# compiled once per installation (checklists/keptregex.py: 0.2 CPU-s of every process)
PATTERN = kept_pattern(f"(?={FIRST_CHARS})(?:{_dispatched()})")

# Between two atoms that make one range: `-`, `–`, `ถึง`, `จนถึง`, `ถึงวันที่`, `ถึงเดือน`
# ("Ranges" in thai-dates.md), also as PDF extraction splits them (`ถงึ วนั ที่`).
# `ตั้งแต่วันที่ 1 มกราคม เป็นต้นไปจนถึง 30 เมษายน 2558` (a hospital's vaccination news,
# phuphianghospital.com: dev): `เป็นต้นไป` (onwards) before `จนถึง`.
CONNECTOR = re.compile(rf"\s*(?:[-–—~]\s*{EN_WEEKDAY}?|(?:เป็นต้นไป\s*)?(?:จน)?{THUENG})\s*(?:{WAN_THI}|{DUEAN})?\s*"
                       rf"(?:{WEEKDAY_IN_BRACKETS}|{WEEKDAY_DOTTED}|{WEEKDAY_SPELLED})?")

