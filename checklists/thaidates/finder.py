"""Find Thai date mentions: scan atoms with one pattern, judge context, join ranges.

Steps:
1. ``PATTERN.search`` walks the text once. Each match is read into an ``_Atom`` (or refused:
   an impossible date such as `31 ก.พ. 2568`, a number that is a phone or an amount). When a
   match is refused the scan restarts one character later, so a shorter reading can still win.
2. Neighbouring atoms joined by a connector (`-`, `–`, `ถึง`, `ถึงวันที่`) become one range; a
   left end written without a year takes the right end's year, one year earlier when its month
   comes later in the calendar (`ต.ค. - มี.ค. 69` is Oct 2568 to Mar 2569).
3. Atoms still without a year are dropped: a month name alone is not a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from checklists.fiscal import (
    BE_OFFSET,
    add_months,
    fiscal_year_interval,
    half_year_round_interval,
    month_end,
    quarter_interval,
)
from checklists.keptregex import kept_pattern
from checklists.letterspacing import unspaced
from checklists.thaidates import context as ctx
from checklists.thaidates.escapes import decode_escapes
from checklists.thaidates.lexicon import (
    COMBINING,
    DE_MONTH,
    DIGIT,
    EN_MONTH,
    ERA,
    MONTH,
    WAN_THI,
    de_month_number,
    en_month_number,
    en_month_short_year,
    fiscal_year_be,
    is_loose_month,
    latin_short_year,
    month_number,
    short_year_either_era,
    shorthand_year,
    year_after_thai_month,
    year_to_ce,
)
from checklists.thaidates.mention import DateMention
from checklists.thaidates.patterns import (
    CONNECTOR,
    EN_MONTH_COUNT,
    EN_WEEKDAY,
    FISCAL_WORD,
    PATTERN,
    THAI_QUARTER_ORDINALS,
    WEEKDAY_DOTTED,
    WEEKDAY_SPELLED,
)
from checklists.tis620 import repair_tis620

# A number glued to `สขร.` or `ข้อ` before a month is a form or clause number (`สขร.1 ต.ค. 68`);
# after `ครั้งที่` it is an edition or a meeting number (`จัดพิมพ์ครั้งที่ 1 มกราคม 2565`, a real
# imprint line, `ท่ี` being ที่ as PDF extraction leaves it); after `รอบที่` a round's number
# (`รอบที่ 1 ม.ค. - เม.ษ.` heading a table, `รอบที่ 1 ต.ค.-ธ.ค. vs รอบที่ 2 ม.ค.-ก.ย.` in an
# office app's note: GitHub files, dev; with a year the number was read as the first day).
# After `ไตรมาส` or `ไตรมาสที่` a quarter's number (`ไตรมาสที่ 2 เดือนมกราคม 2565 - เดือนมีนาคม
# 2565`, a heading over a hospital's monthly procurement summaries: the months are the quarter's,
# the 2 no day); after `งวดที่` an instalment's, after `ฉบับที่` a journal issue's, after
# `ภาคเรียนที่` a semester's (`งวดที่ 2 ก.พ. 2570`, an app's note on instalments named by their
# month; `ปีที่ 4 ฉบับที่ 1 มกราคม - มิถุนายน 2567`, a journal; GitHub files and pages: dev).
_NOT_A_DAY_BEFORE = re.compile(r"(?:สขร|ข้อ|แบบ)\s*\.?\s*\Z|(?:ครั้ง|รอบ|งวด|ฉบับ|ภาคเรียน)\s*"
                               r"ท(?:ี่|่ี)\s*\Z|ไตรมาส\s*(?:ท(?:ี่|่ี))?\s*\Z")
# A registrar's calendar glues a row's label to its first day: `ชั้นปี 211 ก.ค. 2565` is class
# year 2 and the 11th (regist.mmtc.ac.th: dev); a class year is one digit.
_CLASS_YEAR_BEFORE = re.compile(r"ชั้นปี\s?\Z")
# A numbered row's label run into its first day (`งวดชำระเงินครั้งที่ 11 มี.ค. 2563 8:30 น.31 มี.ค.
# 2563 21:00 น.`, a registrar's calendar, regis.rpu.ac.th: dev) is the number 1 and the 1st only
# where the row repeats, from the day on, a row above it (`• 1 มี.ค. 2563 8:30 น.31 มี.ค. 2563
# 21:00 น.`); otherwise the 11th instalment and the 11th day are both possible and the month is
# read alone (dates_labelled.yaml's convention).
_ROW_NUMBER_BEFORE = re.compile(r"ครั้งที่ [1-9]\Z")
_ROW_REACH = 600


def _repeats_row_above(text: str, start: int) -> bool:
    """True when the rest of the line from ``start`` stands earlier in the text, after no digit."""
    end = text.find("\n", start)
    row = text[start:None if end < 0 else end].rstrip()
    at = text.rfind(row, max(0, start - _ROW_REACH), start - 1)
    return len(row) > 12 and at > 0 and not text[at - 1].isdigit()


# The same calendars run any row's one-digit label into a day 10-31 (patterns.common.day_number):
# `ธนาคาร 131 ต.ค. 2565`, `มคอ.330 ต.ค. 2563`.
_LABEL_DIGIT_BEFORE = re.compile(r"(?:(?<![0-9๐-๙,.:/-])|(?<=[ก-ฮ]\.))[1-9]\Z")
# A day glued to a four-digit year (`พ.ศ. 25662 มกราคม 2567`, patterns.common.YEAR_RUN_ON) is read
# only when that year ends a date: a month name or an era marker before it.  Every month
# name, so compiled once per installation as the date pattern is (checklists/keptregex.py:
# 14 ms of every process's start, 2026-12-04).
_DATE_YEAR_BEFORE = kept_pattern(rf"(?:{MONTH}|{ERA})[\s._/]{{0,3}}{DIGIT}{{4}}\Z")
# `ครั้งที่ 2/62`, `มติ กบน. 2/62` (a real energy-fund page), `คำสั่งที่ 15/62`: a meeting's
# or a document's number with a two-digit year; `บ้านเลขที่ 2/62` is an address, not a year.
_DOC_NUMBER_BEFORE = re.compile(
    r"(?:ครั้ง\s*ที่|คำสั่ง(?:ที่)?|ประกาศ(?:ฉบับ)?ที่|มติ|(?<![ก-์])[ก-ฮ]{2,6}\.|(?:[ก-ฮ]\.){2,})"
    r"\s*[0-9๐-๙]{1,4}\s*/\Z")
# Two-digit numbers followed by `ปี` as a unit count years: age bands in a consumer-complaint
# report's table of contents (`ช่วงอายุ (<25 ปี 26–35 ปี 46–55 ปี)`, a real flip-book page: dev,
# tests/data/dates_realworld.yaml) are no year spans, though each follows the ปี of the band
# before it. (`แผน4ปี67-70`, a 4-year plan for 2567-2570, has no ปี after its years.)
_YEARS_AS_UNIT_AFTER = re.compile(r"\s?ปี(?![ก-์])")
# `เด็กอายุตั้งแต่ 6 เดือน ถึง 2 ปี 11 เดือน 29 วัน` (a hospital's flu-vaccine notice,
# webportal.bangkok.go.th: dev): ปี after a number is a unit of an age or a duration, so the
# number after it, followed by months, is no two-digit year
_MONTHS_AFTER = re.compile(r"\s?เดือน")
_NUMBER_BEFORE = re.compile(rf"{DIGIT}\s?\Z")
# `ปีการศึกษา 63` (a news post on the school year, today.line.me: dev): the academic year's
# word before a two-digit year, as ปี is (its four-digit year is read alone: `ปีการศึกษา 2566`)
_ACADEMIC_YEAR_BEFORE = re.compile(r"ปีการศึกษา\s?\Z")
# `วันที่ 10 / 06 / 68`: the day word before a date whose slashes have spaces (patterns: num)
_DAY_WORD_BEFORE = re.compile(rf"{WAN_THI}\s?\Z")
_MAX_RANGE_DAYS = 366 * 20  # a range longer than 20 years is two unrelated dates
# ... unless the words say it is one span: `between 2000 and 2022`, `ปี 2499-2526` (a former
# director's years in office), `พ.ศ. 2427 – 2502` (a school's history)
_MAX_EXPLICIT_RANGE_DAYS = 366 * 100
# Zero-width characters that Thai web editors put between words (`ต.ค.\u200b68`): read as
# spaces. One character for one, so spans still index the caller's text. (str.replace per
# character, not str.translate: translate looks every character of the text up in a dict,
# 0.17 s on 5 MB; replace is a C scan for one character.)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# A Latin `o`/`O` typed for a zero inside a year (`256O`, `2o23`, `25o6`: the two look alike):
# read as 0 when a four-character token of three digits and one o, no letter or digit on
# either side, starts like a year (19, 20, 24-26, in Arabic or Thai digits). One character
# for one, as for the invisible ones. Candidates are found by their o (a Latin o is rare in
# Thai text, so the engine skips to the next o at C speed): an o that is the second, third or
# fourth character after a 1 or a 2 with digits around it (item codes such as `O11` never
# start one; the named empty group says where the token starts), then checked.
_LATIN_O_CANDIDATE = re.compile(
    "[oO](?:(?<=[12๑๒][oO])(?P<o1>)(?=[0-9๐-๙]{2})|(?<=[12๑๒][0-9๐-๙][oO])(?P<o2>)(?=[0-9๐-๙])"
    "|(?<=[12๑๒][0-9๐-๙]{2}[oO])(?P<o3>))")
_LATIN_O_YEAR = re.compile("(?<![0-9๐-๙A-Za-z])[0-9๐-๙oO]{4}(?![0-9๐-๙A-Za-z])")
_YEAR_START = re.compile("19|20|2[4-6]")


# The same for a day's 1 scanned as a letter i, l or I after an English month (`May i7,
# 1983` on the cover of a World Bank report about a Thai state enterprise, copied by a
# document site: dates_realworld.yaml dev), only with a four-digit year after it.
_LATIN_ONE_DAY = re.compile(r"[iIl](?=[0-9],?\s?[12][0-9]{3}(?![0-9]))")
_EN_MONTH_BEFORE = re.compile(rf"(?<![A-Za-z]){EN_MONTH}\.?\s\Z")


def _ocr_digits(text: str) -> str:
    """``text`` with each year's Latin o read as 0 (see _LATIN_O_CANDIDATE) and a day's
    letter 1 read as 1 (see _LATIN_ONE_DAY); one character for one."""
    fixes = []
    for found in _LATIN_O_CANDIDATE.finditer(text):
        start = found.start() - (1 if found["o1"] is not None else
                                 2 if found["o2"] is not None else 3)
        token = text[start:start + 4]
        digits = "".join(str(int(c)) if c.isdigit() else "0" for c in token)
        if _LATIN_O_YEAR.match(text, start) and _YEAR_START.match(digits):
            fixes.append((start, token.replace("o", "0").replace("O", "0")))
    for found in _LATIN_ONE_DAY.finditer(text):
        if (not found.start() or not text[found.start() - 1].isalnum()) and \
                _EN_MONTH_BEFORE.search(text, max(0, found.start() - 12), found.start()):
            fixes.append((found.start(), "1"))
    if not fixes:
        return text
    pieces, done = [], 0
    for at, written in sorted(fixes):
        pieces += [text[done:at], written]
        done = at + len(written)
    return "".join(pieces) + text[done:]


_REACH = 64  # characters scanned on each side of a digit run
# Digit runs whose windows touch, as one match: a gap of at most 2 * _REACH characters
# without a digit joins two runs (see _windows).
# Possessive quantifiers: a digit and a non-digit never overlap, so giving characters back
# could never help; without it a gap longer than the reach was tried again character by
# character (a third of the windows' cost).
_DIGIT_CLUSTER = re.compile(f"[0-9๐-๙]++(?:[^0-9๐-๙]{{1,{2 * _REACH}}}+[0-9๐-๙]++)*+")


@dataclass
class _Atom:
    """One date expression before ranges are joined. ``first`` is None until a year is known."""

    start: int
    end: int
    kind: str
    first: date | None
    last: date | None
    context: str = "date"
    month: int = 0  # month and day of an atom written without a year (for range joining)
    day: int = 0


def _skip(m: re.Match[str]) -> _Atom:
    """A refusal that also hides the month and year inside an impossible date.

    "Invalid dates (31 ก.พ.) are not mentions": `31 ก.พ. 2568` must not turn into `ก.พ. 2568`.
    """
    return _Atom(m.start(), m.end(), "skip", None, None, context="skip")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day(m: re.Match[str], year: int, month: int, day: int) -> _Atom:
    """The day ``m`` names, or a skip when there is no such day (31 ก.พ.: see ``_skip``)."""
    found = _safe_date(year, month, day)
    if found is None:
        return _skip(m)
    return _Atom(m.start(), m.end(), "day", found, found)


def _month_interval(year_ce: int, month: int) -> tuple[date, date]:
    first = date(year_ce, month, 1)
    return first, month_end(first)


# --- readers: one per alternative of PATTERN; each returns an atom, or None to refuse ---------

# A listed company's results come in calendar quarters (`บริษัท ปตท. จำกัด (มหาชน) ได้ทำหนังสือแจ้ง
# ตลาดหลักทรัพย์ฯ ถึงผลการดำเนินงานไตรมาส 2 ปี 2567` is April-June 2024; `Q4 2560 Q4 2559 YoY
# change` in a company's results: dev pages of tests/data/dates_realworld.yaml), as do the
# economy's figures (GDP, `YoY`); a public agency's are fiscal quarters (`ไตรมาส 1` =
# October-December, "Fiscal year" in thai-dates.md). The signs are those of a results report
# (the stock exchange, year-on-year figures), not a company's name: an agency's procurement
# report names its suppliers (`บริษัท ... จำกัด (มหาชน)`) beside its fiscal quarters. A fiscal
# word between the quarter and its year (`ไตรมาส 2 ปีงบประมาณ 2567`) always means the fiscal one.
# The national accounts (NESDC, สภาพัฒน์ or สศช., on the Thai economy: `เศรษฐกิจไทยไตรมาสแรกของปี
# 2568 ขยายตัว 3.1% ... ในไตรมาสที่ 4 ของ 2567`, pptvhd36.com: dev) are in calendar quarters too,
# as are trade figures told by their growth (`ส่งออกอาหารไทยไตรมาสแรกปี 2565 มูลค่า 286,022 ล้านบาท
# โต 28.8%`, the food industry's bodies, jsccib.org: dev). A company's accounts (EBITDA, net
# profit, an income statement: a listed snack maker's financial highlights, investor.snnp.co.th;
# a target price or a listed company in a broker's picks, kaohoon.com: dev) are calendar ones; a
# public body reports no profit (its statements are `งบแสดงผลการดำเนินงานทางการเงิน`), and no
# auditor reports to its shareholders: a company's statements are (`ส่งงบการเงินไตรมาสที่2 ปี2540
# ... รายงานของผู้สอบบัญชีเสนอต่อผู้ถือหุ้น ... 30 มิถุนายน พ.ศ. 2540`, a listed retailer's filing,
# cpaxtra.com: dev). A company's name alone is no cue: an agency buys from one. Nor is
# its results' English: `Q1/18 Q2/18 Sales Revenue Net Profit` over a juice maker's chart, `Q3/2560
# ... hedging contract ... Inventory Gain` in a refiner's notes (the SEC's search pages: dev): a
# profit, an inventory gain, a hedge and earnings per share are a company's.
# The labour force survey's quarters are calendar ones too (the National Statistical Office's
# `ภาวะการทำงานของประชากร`, surveyed quarter by quarter from January): `จำแนกตามสถานภาพแรงงาน
# เพศ ไตรมาส 1 พ.ศ. 2567 ... Labour Force Status, Sex Quarter 1: 2024` and `วารสารสถิติรายไตรมาส
# ปีที่ 72 ไตรมาสที่ 1 พ.ศ. 2567` (its quarterly bulletin of statistics, nso.go.th), `สถานการณ์
# ด้านแรงงานในไตรมาสที่ 2 ปี 2567 ... "คนว่างงาน"` (thansettakij.com), `ไตรมาส 3 ปี 2567 นี้
# ประเทศไทยมีผู้ที่อยู่ในกำลังแรงงาน` (thematter.co), `src:'การสำรวจภาวะการทำงานของประชากร
# สำนักงานสถิติจังหวัด...', latest:'ไตรมาส 1/2569'` (a province's economic dashboard whose
# `'2569-Q1'` list is the same survey's: a GitHub file): dev, the dates46 round; the Thai
# quarter was read as the fiscal one beside its own English twin read as the calendar one. The
# survey's words, not an agency's name: the statistics office reports its own spending by
# fiscal quarters as every agency does.
_MARKET_REPORT = re.compile(
    r"ตลาดหลักทรัพย์|ตลท\.|ผลประกอบการ|จีดีพี|YoY|GDP|(?i:public company)|\bPCL\b"
    r"|(?i:net profit|gross profit|earnings per share|inventory (?:gain|loss)|hedging)"
    r"|เสนอต่อผู้ถือหุ้น"
    r"|ภาวะการทำงานของประชากร|สถานภาพแรงงาน|สถานการณ์(?:ด้าน)?แรงงาน|(?:คน|ผู้|การ)ว่างงาน"
    r"|(?:ใน|นอก)ก(?:ำ|ํา)ลังแรงงาน|ก(?:ำ|ํา)ลังแรงงานรวม|(?i:labou?r force)"
    r"|วารสารสถิติรายไตรมาส|(?i:quarterly bulletin of statistics)"
    r"|เศรษฐกิจไทย|สภาพัฒน์|สศช\.|EBITDA|กำไรสุทธิ|งบกำไรขาดทุน|ราคาเป้าหมาย|บริษัทจดทะเบียน"
    r"|(?:ขยายตัว|หดตัว|โต)(?:ได้)?\s?(?:ร้อยละ\s?)?[0-9๐-๙]")
_MARKET_REACH = 400


def _near_market_report(text: str, start: int, end: int) -> bool:
    """True when a company's results or the economy's figures (_MARKET_REPORT) stand within
    _MARKET_REACH characters before ``start`` or 80 after ``end``."""
    return _MARKET_REPORT.search(text, max(0, start - _MARKET_REACH), end + 80) is not None


def _calendar_quarters(m: re.Match[str], text: str, p: str) -> bool:
    """True when the quarter ``m`` is in a company's results or the economy's figures."""
    if re.search(FISCAL_WORD, m[f"{p}_gap"]):
        return False
    if len(m[f"{p}_y"]) == 4 and year_to_ce(m[f"{p}_y"]) == int(m[f"{p}_y"]):
        return True  # `Q1 2024` (English news on the budget): a C.E. year: calendar quarters
    return _near_market_report(text, m.start(), m.end())


_EN_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4,
               "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _read_eqtr(m: re.Match[str], text: str, p: str) -> _Atom | None:
    """`the first quarter of 2024`: a calendar quarter (`of fiscal 2024`, or a B.E. year as a
    Thai agency writes it: the fiscal one). ``p``: the alternative's group prefix. `the 2nd
    half of 2023`: a half, read as `the second half of 2023` is (_read_enhalf)."""
    year = year_to_ce(m[f"{p}_y"])
    if year is None:
        return None
    n = _EN_ORDINAL[m[f"{p}_n"].lower()]
    if text[m.end(f"{p}_n"):m.end(f"{p}_n") + 6].lstrip().lower().startswith("half"):
        return _half(m, year, n) if n <= 2 else None
    if m[f"{p}_fy"] or year != int(m[f"{p}_y"]):
        first, last = quarter_interval(year + BE_OFFSET, n)
    else:
        first, last = date(year, 3 * n - 2, 1), month_end(date(year, 3 * n, 1))
    return _Atom(m.start(), m.end(), "quarter", first, last)


def _read_qtr(m: re.Match[str], text: str, p: str = "qtr") -> _Atom | None:
    digits, era, gap = m[f"{p}_y"], m[f"{p}_era"], m[f"{p}_gap"]
    if len(digits) == 2 and p == "qtrq" and not (
            gap == "/" and not era and int(digits) >= 50 and _calendar_quarters(m, text, p)):
        return None  # `Q3/17` may be C.E.; `Q4/66` beside GDP figures in Thai news (mgronline.com:
        # dev) is a B.E. year, as `ไตรมาส 4/66` is (`Q1/18`: patterns.analyst's qtre)
    if len(digits) == 2 and p == "qtr" and "ปี" not in gap and "/" not in gap and not era:
        return None  # `ไตรมาส 2 69` is too loose (`ไตรมาส 2/69`, `ไตรมาส 2 ปีงบฯ 69` are fine)
    fy = fiscal_year_be(digits, era)
    if fy is None:
        return None
    written = m[f"{p}_a"]
    qa = THAI_QUARTER_ORDINALS[written] if written in THAI_QUARTER_ORDINALS else int(written)
    qb = int(m[f"{p}_b"]) if m[f"{p}_b"] else qa
    if qb < qa or (m[f"{p}_b"] and qb == qa):
        return None
    if _calendar_quarters(m, text, p):
        year = fy - BE_OFFSET
        first = date(year, 3 * qa - 2, 1)
        last = month_end(date(year, 3 * qb, 1))
    else:
        first, last = quarter_interval(fy, qa)[0], quarter_interval(fy, qb)[1]
    return _Atom(m.start(), m.end(), "range" if m[f"{p}_b"] else "quarter", first, last)


def _read_analyst_quarter(m: re.Match[str], text: str, p: str) -> _Atom | None:
    """`1Q23`, `1Q/2024`, `Q1'20`: a listed company's calendar quarter (patterns: qtrn, qtre)."""
    digits = m[f"{p}_y"]
    year = shorthand_year(digits)
    if year is None or (p == "qtre" and m["qtre_slash"]
                        and not _near_market_report(text, m.start(), m.end())):
        return None  # `Q1/18` alone may be either era (qtrq's `Q3/17`)
    n = int(m[f"{p}_a"])
    if p == "qtrn" and m["qtrn_fy"]:
        return _Atom(m.start(), m.end(), "quarter", *quarter_interval(year + BE_OFFSET, n))
    return _Atom(m.start(), m.end(), "quarter", date(year, 3 * n - 2, 1),
                 month_end(date(year, 3 * n, 1)))


def _read_emq(m: re.Match[str], text: str) -> _Atom | None:
    """`the January-March quarter of 2024`: the three months named (patterns: emq)."""
    year = en_year(m["emq_y"])
    a, b = en_month_number(m["emq_a"]), en_month_number(m["emq_b"])
    if year is None or b - a != 2:
        return None
    return _Atom(m.start(), m.end(), "quarter", date(year, a, 1), month_end(date(year, b, 1)))


def _read_enhalf(m: re.Match[str]) -> _Atom | None:
    """`the first half of 2024`: January to June (`of fiscal 2024`: the six-month round; the
    second half, April to September; patterns: enmon)."""
    year = year_to_ce(m["enmon_y"])
    if year is None:
        return None
    return _half(m, year, 2 if m["enmon_half"].lower() == "second" else 1, "enmon")


def _half(m: re.Match[str], year: int, n: int, p: str = "eqtrd") -> _Atom:
    """The ``n``-th half (1 or 2) of the C.E. ``year`` matched by ``m``; of the fiscal year when
    the alternative's `{p}_fy` group read `fiscal`."""
    if m[f"{p}_fy"]:
        return _round(m, year + BE_OFFSET, 6, "หลัง" if n == 2 else None)
    if n == 2:
        return _Atom(m.start(), m.end(), "range", date(year, 7, 1), date(year, 12, 31))
    return _Atom(m.start(), m.end(), "range", date(year, 1, 1), date(year, 6, 30))


def _read_enmon(m: re.Match[str], text: str) -> _Atom | None:
    """`the first 4 months of fiscal 2023`: the months from the start of a fiscal year (of a
    calendar year without `fiscal`; patterns: enmon); `the first half of 2024` (_read_enhalf)."""
    if m["enmon_half"]:
        return _read_enhalf(m)
    written = m["enmon_n"].lower()
    n = EN_MONTH_COUNT[written] if written in EN_MONTH_COUNT else int(written)
    if m["enmon_fy"]:
        fy = fiscal_year_be(m["enmon_y"])
        if fy is None:
            return None
        first = fiscal_year_interval(fy)[0]
    else:
        year = year_to_ce(m["enmon_y"])
        if year is None:
            return None
        first = date(year, 1, 1)
    return _Atom(m.start(), m.end(), "range", first, month_end(add_months(first, n - 1)))


def _read_nmon(m: re.Match[str], text: str) -> _Atom | None:
    """`6M-2022`, `9M24F`: the first N months of a (calendar) year (patterns: nmon)."""
    digits = m["nmon_y"]
    year = shorthand_year(digits)
    if year is None:
        return None
    n = int(m["nmon_n"])
    return _Atom(m.start(), m.end(), "range", date(year, 1, 1), month_end(date(year, n, 1)))


def _read_hlfn(m: re.Match[str], text: str, p: str = "hlfn") -> _Atom | None:
    """`1H24`, `H1 2024`: the first or second half of a (calendar) year (patterns: hlfn,
    hlfh)."""
    digits = m[f"{p}_y"]
    year = shorthand_year(digits)
    if year is None:
        return None
    if m[f"{p}_a"] == "1":
        return _Atom(m.start(), m.end(), "range", date(year, 1, 1), date(year, 6, 30))
    return _Atom(m.start(), m.end(), "range", date(year, 7, 1), date(year, 12, 31))


def _round(m: re.Match[str], fy: int, months: int, part: str | None) -> _Atom:
    """A reporting round of fiscal year ``fy`` ("Fiscal year" in thai-dates.md).

    6 months = 1 Oct to 31 Mar (`รอบ 6 เดือน`, `6 เดือนแรก`); the second half (`6 เดือนหลัง`)
    is 1 Apr to 30 Sep, reported as a range; 12 months = the whole fiscal year; 3 and 9 months
    (`รอบ 3 เดือน (ต.ค.-ธ.ค.)`, `รอบ 9 เดือน (ต.ค.-มิ.ย.)`: offices' KPI reporting systems in
    GitHub files, dev) = the fiscal year's first 3 or 9 months, reported as a range.
    """
    first, fy_end = fiscal_year_interval(fy)
    if months == 12:
        return _Atom(m.start(), m.end(), "fiscal_year", first, fy_end)
    if part == "หลัง":
        return _Atom(m.start(), m.end(), "range", date(fy_end.year, 10 - months, 1), fy_end)
    if months != 6:
        return _Atom(m.start(), m.end(), "range", first,
                     month_end(add_months(first, months - 1)))
    return _Atom(m.start(), m.end(), "half_year_round", *half_year_round_interval(fy))


_FISCAL_IN_GAP = re.compile(FISCAL_WORD)


def _read_half(m: re.Match[str], text: str) -> _Atom | None:
    if m.start() and text[m.start() - 1] in "กค":
        return None  # `กรอบ 12 เดือน (ปี 2010–2026)`: a frame (a backtest's heading, GitHub: dev)
    digits, era, gap = m["half_y"], m["half_era"], m["half_gap"]
    if len(digits) == 2 and "ปี" not in gap and not era:
        return None
    if m["half_n"] in "39๓๙" and _FISCAL_IN_GAP.search(gap) is None:
        return None  # `ในรอบ 3 เดือน ปี 2567` may be any three months: a round only by its fiscal word
    fy = fiscal_year_be(digits, era)
    if fy is None:
        return None
    return _round(m, fy, int(m["half_n"]), m["half_part"])


def _read_half6(m: re.Match[str], text: str) -> _Atom | None:
    fy = fiscal_year_be(m["half6_y"], m["half6_era"])
    if fy is None:
        return None
    return _round(m, fy, 6, m["half6_part"])


# The first six months of a year, with no fiscal word, in an agency's own text are its
# six-month round (`รายงานผลการดำเนินงาน 6 เดือนแรก ปี 2569`: ../shared/reference/thai-dates.md,
# "the 6-month report covering Oct N-1 to Mar N"; read as the calendar half it would fail the
# O11 report that covers October to March). The news's first six months are calendar ones:
# tourism figures (`ในช่วง 6 เดือนแรกของปี 2567 ตั้งแต่วันที่ 1 มกราคม 2567-30 มิถุนายน 2567`,
# thansettakij.com; `6 เดือนแรกของปี 2567 นักท่องเที่ยวชาวจีน`, thai.people.cn: dev) and the
# economy's or a company's figures (:data:`_MARKET_REPORT`, as for quarters).
_CALENDAR_HALF = re.compile(r"ท่องเที่ยว|มกราคม|ม\.ค\.")


def _calendar_months(m: re.Match[str], text: str) -> bool:
    """True when the first N months ``m`` (no fiscal word) are a calendar year's: always but
    for six, which is an agency's six-month round unless the news's cues are near."""
    if m["nfirst_n"] not in ("6", "๖"):
        return True
    return _near_market_report(text, m.start(), m.end()) or _CALENDAR_HALF.search(
        text, max(0, m.start() - _MARKET_REACH), m.end() + 80) is not None


def _read_nfirst(m: re.Match[str], text: str) -> _Atom | None:
    """`4 เดือนแรกของปี 2567`: January to the Nth month; `3 เดือนแรกของปีงบประมาณ 2568`: the
    fiscal year's first N months; `6 เดือนแรก ปี 2569` in an agency's text: its six-month
    round (:func:`_calendar_months`; patterns: nfirst)."""
    fiscal = bool(m["nfirst_fy"])
    if fiscal or not _calendar_months(m, text):
        fy = fiscal_year_be(m["nfirst_y"], m["nfirst_era"])
        if fy is None:
            return None
        if not fiscal:
            return _round(m, fy, 6, None)
        first = fiscal_year_interval(fy)[0]
    else:
        year = year_to_ce(m["nfirst_y"], m["nfirst_era"])
        if year is None:
            return None
        first = date(year, 1, 1)
    last = month_end(add_months(first, int(m["nfirst_n"]) - 1))
    return _Atom(m.start(), m.end(), "range", first, last)


def _read_halfc(m: re.Match[str], text: str) -> _Atom | None:
    """`ครึ่งปีแรก 2567`: the first or second half of a calendar year, or of a fiscal year when
    a fiscal-year word names it (`ครึ่งปีแรกของปีงบประมาณ 2567`, and `ครึ่งปีงบประมาณ 2558` with
    no part word: the 6-month round, October to March)."""
    if not (m["halfc_pi"] or m["halfc_pi2"] or m["halfc_fy"] or m["halfc_fy0"]):
        return None
    digits, era = m["halfc_y"], m["halfc_era"]
    if len(digits) == 2 and ctx.is_count(text, m.end()):
        return None
    if m["halfc_fy"] or m["halfc_fy0"]:
        fy = fiscal_year_be(digits, era)
        return None if fy is None else _round(m, fy, 6, m["halfc_part"])
    year = year_to_ce(digits, era)
    if year is None:
        return None
    if m["halfc_part"] == "แรก":
        return _Atom(m.start(), m.end(), "range", date(year, 1, 1), date(year, 6, 30))
    return _Atom(m.start(), m.end(), "range", date(year, 7, 1), date(year, 12, 31))


def _read_fy(m: re.Match[str], text: str) -> _Atom | None:
    digits = m["fy_y"]
    if len(digits) == 2 and m.group().startswith("FY") and not 40 <= int(digits) < 80:
        # `FY24` (patterns: fy); `FY99`, `FY98` (lexicon.latin_short_year: C.E. 1999, 1998)
        fy: int | None = latin_short_year(digits) + BE_OFFSET
    else:
        fy = fiscal_year_be(digits, m["fy_era"])
    if fy is None:
        return None
    if "ปี" not in text[m.start():m.start("fy_y")] and ctx.is_count(text, m.end("fy_y")):
        return None  # `งบประมาณรายจ่าย 2500 บาท` is an amount
    first, last = fiscal_year_interval(fy)
    kind = "fiscal_year"
    foreign = _foreign_fiscal(m, text)
    if foreign is not None and not m["fy_y2"]:
        start_month, named_by_start = foreign
        year = fy - BE_OFFSET if named_by_start else fy - BE_OFFSET - 1
        end = m.end()
        both = _NEXT_YEAR_SHORT.match(text, end)
        if both is not None and int(both["yy"]) == (fy - BE_OFFSET + 1) % 100:
            year, end = fy - BE_OFFSET, both.end()
        first = date(year, start_month, 1)
        last = month_end(date(year + 1, start_month - 1, 1))
        return _Atom(m.start(), end, kind, first, last)
    if m["fy_y2"]:
        fy2 = _second_year_be(m["fy_y2"], fy)
        if fy2 is None:
            return _Atom(m.start(), m.start("fy_y") + len(m["fy_y"]), kind, first, last,
                         _fiscal_context(text, m.start(), m.end("fy_y")))
        last, kind = fiscal_year_interval(fy2)[1], "range"
    return _Atom(m.start(), m.end(), kind, first, last, _fiscal_context(text, m.start(), m.end()))


# Another country's fiscal year on an English page (`Japanese Fiscal Year 2026`, a real news
# page on a Thai agency's Japanese partner, dates_realworld.yaml dev) is not the Thai one
# (1 Oct - 30 Sep): Japan's runs from 1 April and is named by the year it starts; Australia's
# and New Zealand's run from 1 July and are named by the year they end. (The United States'
# federal fiscal year runs as Thailand's does.) Value: (first month, named by its start year).
# India's runs from 1 April and is named by the year it ends (`FY2025`: April 2024 - March
# 2025); written with both years, the first is the one it starts in: `MoSPI's 7.7% figure refers
# to India's fiscal year 2025-26 (April 2025–March 2026)` (an economic dashboard's notes in a
# GitHub file: dev, the dates42 round; read as the Thai fiscal year 2025 before), as for any
# of these countries (`Australia's fiscal year 2024-25`: July 2024 - June 2025).
_FOREIGN_FISCAL = {"japan": (4, True), "australia": (7, False), "new zealand": (7, False),
                   "india": (4, False)}
_FOREIGN_BEFORE = re.compile(
    r"(?<![A-Za-z])(?P<country>(?i:japan|australia|new\s+zealand|india))(?i:ese|n|'s|’s)?"
    r"(?:\s+(?i:government|national|state|budget|the))*\s+\Z")
# `2025-26`: the second year's last two digits, one more than the first's
_NEXT_YEAR_SHORT = re.compile(r"[-–/](?P<yy>[0-9]{2})(?![0-9])")


def _foreign_fiscal(m: re.Match[str], text: str) -> tuple[int, bool] | None:
    """The fiscal calendar of another country named right before an English fiscal word."""
    if not m.group()[:1].isascii():
        return None
    found = _FOREIGN_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if found is None:
        return None
    return _FOREIGN_FISCAL[" ".join(found["country"].lower().split())]


def _fiscal_context(text: str, start: int, end: int) -> str:
    """A budget act's fiscal year is its title's year (`พ.ร.บ.งบประมาณรายจ่ายประจำปีงบประมาณ
    พ.ศ. 2569`, `the fiscal 2024 Budget Act`)."""
    law = ctx.is_budget_act(text, start) or ctx.is_en_budget_act_after(text, end)
    return "law" if law else "date"


def _second_year_be(digits: str, first_be: int, longest: int = 20,
                    era: str | None = None) -> int | None:
    """The end year of a span (`2566-2570`, `2566-70`), B.E.; None if not a later year.

    ``longest``: the most years a span may cover (20; more when the words mark a span).
    ``era``: the marker before the first year, which the second shares (`ค.ศ.1880-1950`)."""
    if len(digits) == 2:
        second = first_be // 100 * 100 + int(digits)
    else:
        ce = year_to_ce(digits, era)
        second = None if ce is None else ce + BE_OFFSET
    if second is None or not first_be < second <= first_be + longest:
        return None
    return second


def _earlier_year_be(first: str, second: str) -> int | None:
    """The start of a span of B.E. years written latest first, or None: `ผลการประเมิน RT NT
    O-NET 3 ปีย้อนหลัง (2562-2560)`, `ปีการศึกษา 2561-2560` (an education office's analysis of
    three years' test results, anyflip.com: dev) run from 2560 to 2562; ten years at most."""
    if len(first) != 4 or len(second) != 4:
        return None
    latest, earliest = int(first), int(second)
    return earliest if 2400 <= earliest < latest <= min(2600, earliest + 10) else None


# `1st to 3rd November 2019`, `Period: 1st to 3rd November, 2016` (a conference line and a
# training period in CVs, public GitHub files: dates_realworld.yaml dev): an ordinal's letters
# make the left number a day, so `to`, `until` or `through` joins it to the right one without a
# `from` (a bare `18 to 21 September` still needs it: the 18 may be a count's). `and` joins two
# days in a row so too (`inactive on the 27th and 28th of August, 2022`, `on the 27th and 28th
# of April 2026`: GitHub files, dev), as `May 26th and 27th, 2018` is one span (_read_en); two
# days not in a row stay apart. Without an ordinal too: `will take place on 26 and 27 May 2026`
# (a conference's schedule), `The first race was held on 26 and 27 May 1923`, `timeframe: '26
# and 27 May 1981'` (GitHub files, dev): `and` between two days in a row can join nothing else.
_ORDINAL = frozenset({"st", "nd", "rd", "th"})


def _ordinal_to(m: re.Match[str], text: str) -> bool:
    """True when the left day of a worded span ends in an ordinal's letters (`and` is checked
    for days in a row by the caller)."""
    return text[m.end("dspan_a"):m.start("dspan_w")] in _ORDINAL


def _read_dspan(m: re.Match[str], text: str) -> _Atom | None:
    if _NOT_A_DAY_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
        return None  # `ครั้งที่ 3 - 5 ก.พ. 67`: a meeting's number, then a day (as _read_day)
    by_word = False
    if m["dspan_w"] and not en_range_connector(text, m.start(), *m.span("dspan_w")):
        if not (_ordinal_to(m, text) or m["dspan_w"].strip().startswith("and")):
            return None  # `18 to 21 September` joins days only after `from` (and `and`, `between`)
        by_word = True
    if m["dspan_em"]:  # `27-28 April 2019`
        year = en_year(m["dspan_ey"])
        month = 0 if year is None else en_month_number(m["dspan_em"])
    else:
        year = year_to_ce(m["dspan_y"], m["dspan_era"])
        month = 0 if year is None else month_number(m["dspan_m"])
    if year is None:
        return None
    first = _safe_date(year, month, int(m["dspan_a"]))
    last = _safe_date(year, month, int(m["dspan_b"]))
    if first is None or last is None:
        return _skip(m)
    if first >= last:  # `เหตุฉุกเฉิน 9-1-1\nกรกฎาคม 2548` (a blog post, dev sample s1386): no span of
        return None    # days, and no impossible day to hide the month behind (_read_day)
    if by_word and (last - first).days != 1 and m["dspan_w"].strip().startswith("and"):
        return None  # `the 26th and 28th of July 2024` names two days
    return _Atom(m.start(), m.end(), "range", first, last)


def _thai_month_year(m: re.Match[str], text: str, prefix: str) -> int | None:
    """The C.E. year written after a Thai month (``prefix``'s groups `_y`, `_era`); an old B.E.
    year without its marker only when no unit follows (`5 มี.ค. 2150 บาท` is an amount)."""
    digits, era = m[f"{prefix}_y"], m[f"{prefix}_era"]
    year = year_to_ce(digits, era)
    if year is None and not ctx.is_count(text, m.end(f"{prefix}_y")):
        year = year_after_thai_month(digits, era)
    return year


# The third group of a hyphenated number (`หน่วยรับแจ้งเหตุฉุกเฉิน 9-1-1\nกรกฎาคม 2548`, a blog
# post, dev sample s1386) is no day before the month on the next line.
_HYPHEN_CODE_BEFORE = re.compile(r"(?<![0-9๐-๙])[0-9๐-๙]{1,3}-[0-9๐-๙]{1,3}-\Z")


def _read_day(m: re.Match[str], text: str) -> _Atom | None:
    if _NOT_A_DAY_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
        return None
    if _CLASS_YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start()) \
            and m.end("day_d") - m.start() == 2:
        return None  # `ชั้นปี 211 ก.ค.`: the class year's digit, then the day (patterns)
    glued = m.start() and text[m.start() - 1].isdigit()
    row = glued and _ROW_NUMBER_BEFORE.search(text, max(0, m.start() - 10), m.start())
    if row and not _repeats_row_above(text, m.start()):
        return None  # `ครั้งที่ 11 มี.ค. 2563`: the 11th time, then a month
    if glued and not row \
            and text[m.start() - 4:m.start() - 3] != "," and text[m.start() - 3] != ":" \
            and not _CLASS_YEAR_BEFORE.search(text, max(0, m.start() - 9), m.start() - 1) \
            and not (m.end("day_d") - m.start() == 2
                     and _LABEL_DIGIT_BEFORE.search(text[max(0, m.start() - 3):m.start()])) \
            and not _DATE_YEAR_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return None  # glued to a number that is neither an amount nor a date's year
    if _HYPHEN_CODE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return None  # the tail of a hyphenated number (`9-1-1`), not a day
    if m["day_slash"] and (not m["day_y"] or "/" not in text[m.end("day_m"):m.start("day_y")]):
        return None  # `3/ ม.ค.` without `/ 2565` after it is no date field
    if text[m.end("day_d")] == "-" and (
            not m["day_y"] or text[m.end("day_m"):m.start("day_y")] != "-"):
        return None  # `3-ต.ค.` is Excel's `d-mmm-yy` only with `-67` after it
    month, day = month_number(m["day_m"]), int(m["day_d"])
    if not 1 <= day <= 31:  # glued to a number, `56` is no day and hides nothing
        return None if m.start() and text[m.start() - 1].isdigit() else _skip(m)
    year = _thai_month_year(m, text, "day") if m["day_y"] else None
    if year is None:
        # "Invalid dates are not mentions": 30 ก.พ. fails in every year; 29 ก.พ. waits for
        # a year (only valid in leap years, e.g. 2567 = 2024).
        if _safe_date(2024, month, day) is None:
            return _skip(m)
        end = m.end("day_m")
        return _Atom(m.start(), end, "day", None, None, month=month, day=day)
    return _day(m, year, month, day)


# `16-30/9/2566` (a pay period, `วิกที่`, on a shop's payslips in GitHub files: dev): a day and a
# hyphen before a slashed date name the span's first day in the same month; nothing numeric
# before that day (`12-3/4/2566` of a longer code stays the day it reads). Before a dotted date
# too, the day with its own dot as German writes it, or with its month: `Excel Report
# (01-30.09.2025)`, `(27.-30.09.2026)`, `Геленджик, 01.01-30.09.2026` (a report script, a backup
# script's note, a tariff table: GitHub files, dev); not after a Latin letter (`v1.2-30.09.2025`).
_SLASHED_SPAN_LEFT = re.compile(
    r"(?<![0-9๐-๙/.\-A-Za-z])(?P<d>[0-9๐-๙]{1,2})(?:(?P<s>[/.])(?P<m>[0-9๐-๙]{1,2}))?\.?\s?[-–]\s?\Z")
# A clock time right after a dotted day, month and two-digit year (`29.12.17 09:03`)
_CLOCK_AFTER = re.compile(r"[ \t]+[0-9]{1,2}:[0-9]{2}(?![0-9])")


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """True when only spaces stand between ``start:end`` and the line's ends."""
    head = text.rfind("\n", 0, start) + 1
    tail = text.find("\n", end)
    return not text[head:start].strip() and not text[end:None if tail < 0 else tail].strip()


# A two-digit year in a day/month/year date is B.E. (thai-dates.md), but a page can tell it is
# C.E.: `วันที่ลงข่าว: 20/06/13` over a provincial news post whose text dates the event `เช้าวันนี้
# (19 มิ.ย.56)`, B.E. 2556 = 2013 (dev sample s1204). Read as C.E. 20yy only where another year of
# the page near it is that year, written 20yy, 25yy+43 or after a Thai month as yy+43, and only
# for 00-39 (as B.E., 1957-1996: no two-digit web date of that age); dates_labelled.yaml's
# convention.
_YEAR_NEAR_REACH = 400


@lru_cache(maxsize=1)
def _years_near() -> re.Pattern[str]:
    """Four-digit years and two-digit years after a Thai month (compiled on first use)."""
    return re.compile(rf"(?<![0-9๐-๙])(20[0-3][0-9]|25[4-8][0-9])(?![0-9๐-๙])"
                      rf"|(?:{MONTH})\s?([4-8][0-9])(?![0-9๐-๙])")


def _page_says_ce(text: str, start: int, end: int, digits: str) -> bool:
    """True when a year near ``start:end`` is the C.E. year 20``digits`` (see _years_near)."""
    ce = 2000 + int(digits)
    lo, hi = max(0, start - _YEAR_NEAR_REACH), end + _YEAR_NEAR_REACH
    for found in _years_near().finditer(text, lo, hi):
        if start <= found.start() < end:
            continue
        four, two = found.group(1), found.group(2)
        if (four and int(four) in (ce, ce + BE_OFFSET)) \
                or (two and 2500 + int(two) == ce + BE_OFFSET):
            return True
    return False


def _read_numsp(m: re.Match[str], text: str) -> _Atom | None:
    """`20 - 06- 2013`: a hyphenated day-month-year with spaces (patterns.numeric)."""
    if " " not in m.group() or ctx.is_count(text, m.end()):
        return None  # `20-06-2013` is `num`'s; `1 - 12 - 2566 คน` counts
    year = year_to_ce(m["nsp_y"])
    return None if year is None else _day(m, year, int(m["nsp_m"]), int(m["nsp_d"]))


# A title glued to its date (`ฉบับลงราชกิจจา12.11.60`, a customs broker's list of notices, dev
# sample s1133; as `ส่ง31สค64` is read): no version number follows a Thai letter unspaced.
_THAI_LETTER_BEFORE = re.compile(r"[ก-ฮะ-ฺเ-์]\Z")


def _read_num(m: re.Match[str], text: str) -> _Atom | None:
    digits, sep = m["num_y"], m["num_s"]
    if sep in (" / ", " ") and not _DAY_WORD_BEFORE.search(text, max(0, m.start() - 12),
                                                           m.start()):
        return None  # `12 / 10 / 2566` in a table is three figures; `วันที่ 10 / 06 / 68` a day
    if sep == " " and len(digits) == 2 and int(digits) < 40:
        return None  # `วันที่ 10 11 12 มีนาคม`: days listed, no two-digit B.E. year
    if len(digits) == 2 and sep == ".":
        if len(m["num_d"]) != 2 or len(m["num_m"]) != 2 or not (
                _CLOCK_AFTER.match(text, m.end()) or _alone_on_line(text, m.start(), m.end())
                or _THAI_LETTER_BEFORE.search(text, max(0, m.start() - 1), m.start())):
            return None  # `1.10.65` is a version number
        # `Mike Kaiser 29.12.17 09:03` (comment stamps under a German paper's news on a Thai
        # consulate, der-farang.com: dev): a stamp with its time; the year in either era. A
        # stamp alone on its line so too (`334\n04.04.24\n`, a view count and the post date
        # under an announcement of the intellectual property department, ipthailand.go.th: dev)
        return _day(m, short_year_either_era(digits), int(m["num_m"]), int(m["num_d"]))
    if sep == "-" and text[max(0, m.start() - 1):m.start()] in ("-", "–"):
        return None  # the tail of a longer hyphenated code (`12-23-11-60`)
    # `23-11-60` (a real heading: `มติ อ.ก.พ. (23-11-60)`) is day-month-B.E. year like `23/11/60`
    if sep == "." and ctx.is_version_or_time(text, m.start()):
        return None
    day, month = int(m["num_d"]), int(m["num_m"])
    if sep in ("/", "-") and len(digits) == 2 and digits.isascii() and digits < "40" \
            and 1 <= month <= 12 and _page_says_ce(text, m.start(), m.end(), digits):
        return _day(m, 2000 + int(digits), month, day)  # `20/06/13` under `(19 มิ.ย.56)`
    if sep == "/" and month > 12 >= day and len(digits) == 2 and digits < "50":
        # `Feb 26, 2015, 3:25:20 AM2/26/15` (a Google Groups post's stamp, groups.google.com:
        # dev): month/day/year with a two-digit year, an English locale's order and so a C.E.
        # year; one of 50-99 (`08/16/59`) may be 1959 or B.E. 2559, and is left
        return _day(m, 2000 + int(digits), day, month)
    year = year_to_ce(digits)
    if year is None:
        return None
    if sep == "/" and month > 12 >= day and len(digits) == 4:
        # `Tue, 08/16/2016 - 15:56` (a news agency's Drupal footer, a dev page of
        # tests/data/dates_realworld.yaml): an English CMS's month/day/year with a C.E. year,
        # read so only when the second number cannot be a month; Blogger prints the same order
        # with a Thai locale's B.E. year (`6/29/2556` over a post, tonhor.blogspot.com: dev)
        day, month = month, day
    left = _SLASHED_SPAN_LEFT.search(text, max(0, m.start() - 8), m.start()) \
        if sep in ("/", ".") else None
    if left is not None and left["s"] in (None, sep) and not (
            ctx.is_version_or_time(text, left.start())
            or _NOT_A_DAY_BEFORE.search(text[max(0, left.start() - 12):left.start()])):
        first = _safe_date(year, int(left["m"] or month), int(left["d"]))
        last = _safe_date(year, month, day)
        if first is not None and last is not None and first < last:
            return _Atom(left.start(), m.end(), "range", first, last)
    return _day(m, year, month, day)


def _read_iso(m: re.Match[str], text: str) -> _Atom | None:
    year = year_to_ce(m["iso_y"])
    if year is None and not m["iso_mm"] and m["iso_y"].isascii() \
            and 1800 <= int(m["iso_y"]) < 1990:
        # `Creation Date: 1962/01/01` (a UN bulletin's page on Thailand's narcotics bureau,
        # unodc.org: dev sample s1762): a whole machine-made date is a date before 1990 too
        year = int(m["iso_y"])
    if year is None:
        return None
    if m["iso_mm"]:  # `2017-09`: a C.E. year and month; `2011-12` is the span 2011-2012
        # `{month: '2567-10', total_disbursed: ...}`, `monthKey: '2567-10', monthLabel: 'ตุลาคม
        # 2567'`, `filterKey('2568-01')` (Thai budget and statistics dashboards' month keys in
        # GitHub files: dev, the dates42 round): a B.E. year and month so too
        month, written = int(m["iso_mm"]), int(m["iso_y"])
        if not (1990 <= written <= 2100 or 2533 <= written <= 2643) \
                or month == (written + 1) % 100:
            return None
        return _Atom(m.start(), m.end(), "month", *_month_interval(year, month))
    return _day(m, year, int(m["iso_m"]), int(m["iso_d"]))


# `IMG_25661205_141527.jpg`, `Screenshot_25670509_131140.png` (a Thai app's photo records,
# phones set to the Buddhist calendar), `IMG_20170518_0001(1).pdf` (a scanned article's link on a
# Thai law site), `IMG-20250113-WA0020.webp`, `VID_20240822_104310_212.mp4` (GitHub files: dev,
# the dates45 round): a camera's or a phone's stamp, year, month and day glued, B.E. or C.E.,
# after its word (`IMG_`, `IMG-` of WhatsApp, `VID_`, `Screenshot_` in any case); ids and counts
# are written in eight digits too. Read apart from the one pattern, only in a text that holds
# such a word: an alternative of its own would be tried at every digit of every text.
# A screenshot's stamp keeps its parts apart once its name is made a file's or an address's
# (`Screenshot 2567-10-11 at 11.44.23` uploaded as
# `Screenshot_2567_10_11_at_11_44_23_4c9ddc9756.png`, a coin's logo on an upload server;
# `files/..._Screenshot_2567_0717_113356.jpg`, a campus map's bank record;
# `Screenshot_2024_09_16_at_16_22_55_4fcb2d1a5b.png`, `Screenshot-2024-05-19-211859.png`,
# `screenshot-2024-03-08-16-32-36.png`: GitHub files, dev, the dates46 round; read as the year
# alone, or not at all, before): the same `_` or `-` after the year, and after the month or not.
_CAMERA_STAMP = re.compile(
    r"(?<![A-Za-z])(?:(?:IMG|VID)[_-](?P<y>(?:19|20|25)[0-9]{2})"
    r"|(?i:screenshot)[_-](?P<sy>(?:19|20|25)[0-9]{2})(?P<sep>[_-]?))"
    r"(?P<m>0[1-9]|1[0-2])(?P=sep)?(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])")
_CAMERA_WORDS = ("IMG", "VID", "creenshot", "CREENSHOT")


def _camera_stamps(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """``atoms`` with the days of the cameras' and phones' stamps in ``text`` added."""
    if not any(word in text for word in _CAMERA_WORDS):
        return atoms
    found, inside = [], []
    for m in _CAMERA_STAMP.finditer(text):
        digits = m["y"] or m["sy"]
        year = year_to_ce(digits)
        day = None if year is None else _safe_date(year, int(m["m"]), int(m["d"]))
        start, end = (m.start("y") if m["y"] else m.start("sy")), m.end("d")
        # a year read alone within the stamp (`Screenshot_2567_10_11`) gives way to its day
        within = [a for a in atoms if start <= a.start and a.end <= end and a.kind == "year"]
        if day is not None and not any(a.start < end and start < a.end for a in atoms
                                       if a not in within):
            found.append(_Atom(start, end, "day", day, day))
            inside += within
    if not found:
        return atoms
    return sorted([a for a in atoms if a not in inside] + found, key=lambda a: a.start)


# `files/20240724173443183_Screenshot_2567_0717_113356.jpg`, `files/20240724173842836_...` (a
# campus map's bank records in a GitHub file: dev, noted by the dates46 round, read in the
# dates47 round): an upload's stamp, the date and the clock time of the upload glued (year,
# month, day, hour, minute, second: fourteen digits, as PHP's `date('YmdHis')` writes them) and
# seventeen with milliseconds. What tells it from an id of as many digits: its first eight
# digits are a date (B.E. or C.E.), the next six a time of day (hour 00-23, minute and second
# 00-59), and it stands alone in a name or an address (no letter or digit glued on either
# side; `_`, `-`, `.`, `/` and spaces around it). A random id passes all of that about once in
# a thousand; an id that a date and a time begin is one made on that day.
# `20170918-CSR02-01`, `20170407-PRE01-01`, `20190206 MIS02 01` (the Electricity Generating
# Authority's news posts, egat.co.th: dev samples s1223, s2312, s2313) and `25631228 2`,
# `25610804 3` (the Department of Livestock Development's, dld.go.th: dev samples s3261,
# s3265): a news post's photo code, its date glued (C.E. or B.E.) and then a desk's code and a
# number or a number alone, on a line of its own at the post's head (the bodies say the same
# days: `วันนี้ (วันที่ 6 กุมภาพันธ์ 2562)` under `20190206 MIS02 01`). Eight digits alone are
# ids and counts too: only this whole line is read.
# Both read apart from the one pattern by one scan that starts with the literal `2` (C.E.
# 20xx, B.E. 25xx: no upload or post of the 1990s is written so), which the engine looks for
# as fast as a substring: a class of first digits (`[12]`) made the scan ten times as slow
# (12 against 1 ms on dates.py's 5 MB, 1 % of its time).
_GLUED_STAMP = re.compile(r"2[05][0-9]{6}(?:(?P<time>[0-9]{6})(?:[0-9]{3})?(?![0-9A-Za-z])"
                          r"|(?=(?:[- ][A-Z]{2,4}[0-9]{2}[- ][0-9]{2}| [0-9]{1,2})[ \t]*(?:\n|$)))")


def _glued_stamps(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """``atoms`` with the days of the uploads' stamps and the photo codes in ``text`` added."""
    found = []
    for m in _GLUED_STAMP.finditer(text):
        start, digits, time = m.start(), m.group(), m["time"]
        before = text[start - 1] if start else "\n"
        if before.isalnum() if time else before != "\n":
            continue
        if time and (time[:2] > "23" or time[2:4] > "59" or time[4:] > "59"):
            continue
        year = year_to_ce(digits[:4])
        day = None if year is None else _safe_date(year, int(digits[4:6]), int(digits[6:8]))
        end = m.end() if time else start + 8
        if day is not None and not any(a.start < end and start < a.end for a in atoms):
            found.append(_Atom(start, end, "day", day, day))
    if not found:
        return atoms
    return sorted(atoms + found, key=lambda a: a.start)


def _read_mky(m: re.Match[str], text: str) -> _Atom | None:
    """`'01-2568'`, `'01-2025'`: a quoted month key, month first, with a B.E. or C.E. year
    (patterns/numeric.py)."""
    year = year_to_ce(m["mky_y"])
    if year is None:
        return None
    return _Atom(m.start(), m.end(), "month", *_month_interval(year, int(m["mky_m"])))


def _read_docyy(m: re.Match[str], text: str) -> _Atom | None:
    """`มติ กบน. 2/62`: the year of a meeting's or document's number, reported, not counted."""
    if not _DOC_NUMBER_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return None
    year = year_to_ce(m.group())
    if year is None:
        return None
    return _Atom(m.start(), m.end(), "year", date(year, 1, 1), date(year, 12, 31),
                 "document_number")


def _read_fys(m: re.Match[str], text: str) -> _Atom | None:
    """`ต้นปีงบประมาณ`: the first day of a fiscal year, from its year or the range's end."""
    if not m["fys_y"]:
        return _Atom(m.start(), m.end(), "fiscal_start", None, None)
    fy = fiscal_year_be(m["fys_y"], m["fys_era"])
    if fy is None:
        return None
    first = fiscal_year_interval(fy)[0]
    return _Atom(m.start(), m.end(), "day", first, first)


def _read_mdy(m: re.Match[str], text: str) -> _Atom | None:
    if _inside_a_word(text, m.start(), m["mdy_m"]):
        return None
    year = year_to_ce(m["mdy_y"], m["mdy_era"])
    found = None if year is None else _safe_date(year, month_number(m["mdy_m"]), int(m["mdy_d"]))
    if found is None:
        return None
    return _Atom(m.start(), m.end(), "day", found, found)


def en_year(digits: str) -> int | None:
    """The C.E. year of a four-digit year written after an English month name.

    A B.E. year stays B.E. (`16 March 2565`); otherwise any C.E. year 1800-2100 counts, since
    an English month leaves no doubt that the number is a year (`November 27, 1972`, `in
    June 1947`: real pages about Thai agencies' history)."""
    if len(digits) == 2:  # `31-Mar-18` (see patterns: only between hyphens)
        return en_month_short_year(digits)
    year = year_to_ce(digits)
    if year is None and 1800 <= int(digits) <= 2100:
        year = int(digits)
    return year


# The German and French branch of the `eday` alternative, read again (no groups of its own)
_GERMAN_DAY = re.compile(rf"(?P<d>{DIGIT}{{1,2}})(?:er)?(?:\.\s?|\s)(?P<m>{DE_MONTH})\s?(?P<y>{DIGIT}{{4}})")


# `**  10May'99 Sudipta Pattar  Fixed SPR 1593`, `08Aug'98` (a changelog's stamps in a GitHub
# file: dev, the dates38 round): a day before an English month and an apostrophe's two-digit
# year, as `Sep'11` is read (patterns.english: emy)
_APOSTROPHE_YEAR = re.compile(r"[’'](?P<y>[0-9]{2})(?![0-9A-Za-z])")


def _read_en(m: re.Match[str], text: str, prefix: str) -> _Atom | None:
    """An English CMS date (`25 April 2023`, `March 16, 2023`); a German one (`8 März 2021`)."""
    if prefix == "eday" and not m["eday_m"]:  # the German branch: `1. Dezember 2016`
        german = _GERMAN_DAY.fullmatch(m.group())
        year = None if german is None else en_year(german["y"])
        found = None if year is None else _safe_date(year, de_month_number(german["m"]),
                                                     int(german["d"]))
        return None if found is None else _Atom(m.start(), m.end(), "day", found, found)
    if not m[f"{prefix}_y"]:  # `November 30` (to December 1, 2022): waits for a range's year
        if prefix == "emdy" and m["emdy_d2"]:
            return None
        month, day = en_month_number(m[f"{prefix}_m"]), int(m[f"{prefix}_d"])
        if _safe_date(2024, month, day) is None:
            return None
        apostrophe = _APOSTROPHE_YEAR.match(text, m.end("eday_m")) if prefix == "eday" else None
        if apostrophe is not None:
            found = _safe_date(en_month_short_year(apostrophe["y"]), month, day)
            return None if found is None else _Atom(m.start(), apostrophe.end(), "day", found, found)
        # `August 4th` (up to September 1st 2014): the ordinal's letters end the left end
        end = m.end("eday_m") if prefix == "eday" else m.end()
        if text.startswith(".", end):
            end += 1  # `1 Nov. – 19 Dec. 2015` (a resort's rate table in a GitHub file: dev)
        return _Atom(m.start(), end, "day", None, None, month=month, day=day)
    year = en_year(m[f"{prefix}_y"])
    found = None if year is None else _safe_date(
        year, en_month_number(m[f"{prefix}_m"]), int(m[f"{prefix}_d"]))
    if found is None:
        return None
    if prefix == "emdy" and m["emdy_d2"]:  # `January 11-18, 2023`
        last = _safe_date(found.year, found.month, int(m["emdy_d2"]))
        if last is None or last <= found:
            return _skip(m)
        if (last - found).days != 1 and _AND.search(text, m.end("emdy_d"), m.start("emdy_d2")):
            return None  # `May 5 and 12, 2018` names two days, not the week between them
        return _Atom(m.start(), m.end(), "range", found, last)
    return _Atom(m.start(), m.end(), "day", found, found)


def _emy_month(written: str) -> int:
    """Month 1-12 of an English month or of a German one (`Januar`, `März`: patterns.english)."""
    return en_month_number(written) if re.match(EN_MONTH, written) else de_month_number(written)


def _issue_key(m: re.Match[str], text: str) -> bool:
    """True when `DEC-66` is an issue tracker's key: the page numbers the same capitals past
    any year (`DEC-145`, `DEC-65d`, `MAR-300`: decision records and tickets in GitHub files,
    dev, the dates38 round: `(`DEC-66`, 2026-08-01)`, `MAR-71, slice 1b of MAR-69`)."""
    written = m["emy_m"]
    if not (m["emy_yy"] and len(written) == 3 and written.isupper()):
        return False
    return re.search(rf"(?<![A-Za-z]){written}-(?:[0-9]{{3}}|[0-9]{{1,2}}[A-Za-z])", text) is not None


def _read_emy(m: re.Match[str], text: str) -> _Atom | None:
    """`June 2019`, `Dec-21`: an English month and its year; `October` (-December 2023): a
    range's left end, waiting for its year; `Januar 2006`: a German month and its year."""
    if not (m["emy_y"] or m["emy_yy"]):
        return _Atom(m.start(), m.end(), "month", None, None, month=_emy_month(m["emy_m"]))
    if _issue_key(m, text):
        return _skip(m)
    year = en_year(m["emy_y"]) if m["emy_y"] else en_month_short_year(m["emy_yy"])
    if year is None:
        return None
    return _Atom(m.start(), m.end(), "month", *_month_interval(year, _emy_month(m["emy_m"])))


def _read_apos(m: re.Match[str], text: str) -> _Atom | None:
    """`วันรักต้นไม้ของชาติ’61`: a two-digit B.E. year after an apostrophe."""
    year = year_to_ce(m["apos_y"])
    if year is None:
        return None
    return _Atom(m.start(), m.end(), "year", date(year, 1, 1), date(year, 12, 31))


# A month read by its skeleton only may not end a longer Thai word: `การคมนาคม 2566`
# (transport) holds มีนาคม without sara ii. Glued to `เดือน` it is a month (`ประจำเดอื นมกรำคม`,
# a real flip-book page where PDF extraction split เดือน too).
_MONTH_WORD_BEFORE = re.compile(rf"เ\s?ด[{COMBINING}]*\s?[{COMBINING}]*อ[{COMBINING}]*\s?น\Z")


def _inside_a_word(text: str, start: int, written: str) -> bool:
    """True when a month written loosely at ``start`` is the tail of a longer Thai word."""
    return (start > 0 and "ก" <= text[start - 1] <= "\u0e4e" and is_loose_month(written)
            and not _MONTH_WORD_BEFORE.search(text, max(0, start - 8), start))


# `ก.พ.` is also the civil service commission (สำนักงาน ก.พ., อ.ก.พ.) and its exam: `สมัครสอบ
# ก.พ. 67 e-Exam ภาค ก.`, `ภาค ก. ก.พ. 2565 เปิดรับสมัครสอบ` (job-news pages, chiangrai108.com and
# iqepi.com: dev). After `สอบ`, `ภาค ก.`, `สำนักงาน` or `อ.` it is the commission, not February;
# a year right after it is the exam's year. (`กำหนดสอบ ก.พ. 67`, `ทดสอบ`: an exam or a test in
# February, perhaps; left as the month.)
_COMMISSION_BEFORE = re.compile(r"(?:(?<!ทด)(?<!กำหนด)(?<!กำหนดการ)สอบ|ภาค\s?ก\.?|ส(?:ำ|ํา)\s?นักงาน|(?<![ก-์.])อ\.)\s?\Z")


def _commission(m: re.Match[str], text: str) -> bool:
    """True when the month ``m`` names is `ก.พ.` the civil service commission (patterns: mon)."""
    return (m["mon_m"] == "ก.พ." and m.start() > 1
            and _COMMISSION_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None)


def _read_mon(m: re.Match[str], text: str) -> _Atom | None:
    if _inside_a_word(text, m.start(), m["mon_m"]):
        return None
    if _commission(m, text):
        year = _thai_month_year(m, text, "mon") if m["mon_y"] else None
        if year is None:
            return None
        return _Atom(m.start("mon_y"), m.end(), "year", date(year, 1, 1), date(year, 12, 31))
    month = month_number(m["mon_m"])
    year = _thai_month_year(m, text, "mon") if m["mon_y"] else None
    if year is None:
        return _Atom(m.start(), m.end("mon_m"), "month", None, None, month=month)
    return _Atom(m.start(), m.end(), "month", *_month_interval(year, month))


def _read_yfy(m: re.Match[str], text: str) -> _Atom | None:
    """`the 2023 fiscal year`: the Thai fiscal year, when the number may be a year at all."""
    fy = fiscal_year_be(m["yfy_y"])
    # (`the 2024 Budget Expenditure Act`: a law's words after it; _fiscal_context says so)
    if fy is None or ctx.bare_year_context(text, m.start(), m.end("yfy_y")) not in ("date", "law"):
        return None
    return _Atom(m.start(), m.end(), "fiscal_year", *fiscal_year_interval(fy),
                 _fiscal_context(text, m.start(), m.end()))


# An analyst's forecast years (`เราคงประมาณการกำไรปี 24-26F`, a broker's note on settrade.com:
# dev): two-digit years in the notation of `1Q23` (either era), the F or E outside the mention.
_FORECAST_AFTER = re.compile(r"[FE](?![0-9A-Za-z])")


def _read_forecast_years(m: re.Match[str], digits: str) -> _Atom | None:
    """`ปี 24-26F`, `ปี 25F` (patterns: yr)."""
    year = short_year_either_era(digits)
    last = year
    if m["yr_y2"]:
        y2 = m["yr_y2"]  # after ปี both ends in either era, as `ปี 66` is read
        last = short_year_either_era(y2) if len(y2) == 2 else year_to_ce(y2)
        if last is None or not year < last <= year + 20:
            return None
    kind = "range" if last != year else "year"
    return _Atom(m.start(), m.end(), kind, date(year, 1, 1), date(last, 12, 31))


# A decade in English (`since the 1990s`, `In the 1880s`, `the 1990's`: an encyclopedia page on
# decentralisation in Thailand, dates_realworld.yaml dev) or in Thai, a B.E. decade after ทศวรรษ
# (`ทศวรรษ 2530 ที่เริ่มต้นด้วยความเจริญรุ่งเรืองทางเศรษฐกิจ`: a news story on the 1997 crisis,
# thestructure.live, dev): its ten years, not the first alone.
_DECADE_AFTER = re.compile(r"[’']?s(?![A-Za-z0-9])")
_DECADE_BEFORE = re.compile(r"ทศวรรษ(?:ที่)?\s?\Z")


def _read_decade(m: re.Match[str], text: str, digits: str) -> _Atom | None:
    """`1990s` -> 1990-1999, `ทศวรรษ 2530` -> 2530-2539 B.E. (a range); None when the year at
    ``m`` names no decade."""
    if len(digits) != 4 or digits[3] not in "0๐" or m["yr_y2"] or m["yr_slash"]:
        return None
    first = int(digits)
    if _DECADE_BEFORE.search(text, max(0, m.start() - 12), m.start()) \
            and 2400 <= first <= 2600:
        return _Atom(m.start(), m.end("yr_y"), "decade", date(first - BE_OFFSET, 1, 1),
                     date(first - BE_OFFSET + 9, 12, 31))
    suffix = _DECADE_AFTER.match(text, m.end("yr_y"))
    if suffix is None or not digits.isascii() or not 1700 <= first <= 2090:
        return None
    return _Atom(m.start(), suffix.end(), "decade", date(first, 1, 1), date(first + 9, 12, 31))


# `(เดือน 10/2568)` (a developer's report in a GitHub file: dev), `ประจำเดือน 03/2569` as Thai
# tax returns name their month: the month word, then the month's number and a slash before a
# four-digit year, is that month (a bare `3/2567` stays a document number's year)
_MONTH_NUMBER_BEFORE = re.compile(r"เดือน\s*(?P<m>[0-9๐-๙]{1,2})\s?/\s?\Z")
# `LocalDate.of(2026, 3, 7)`, `LocalDate.of(2024, 01, 01), LocalDate.of(2024, 12, 31)` (Java and
# Kotlin tests in GitHub files: dev, the dates42 round), Python's `date(2024, 10, 1)` and
# `datetime(2024, 10, 1, 9, 0)` (`self.start_date = datetime.date(2026, 1, 1)`: GitHub files,
# dev), C#'s `new DateTime(2024, 10, 1)`: a date constructor's literal year, month and day are
# that day (the year alone was read before). JavaScript's `new Date(2024, 0, 15)` counts months
# from 0 (`const date = new Date(2024, 0, 15); // January 15, 2024 (local time)`, a test guide
# in a GitHub file: dev). A day that is not a literal (`new Date(2024, 0, index + 7)`) leaves
# the year alone, as before.
_CODE_DATE_BEFORE = re.compile(
    r"(?:LocalDate(?:Time)?\.of|(?<![A-Za-z_])(?:date(?:time)?|DateTime|DateOnly)"
    r"|(?P<js>(?<![A-Za-z_.])new\sDate))\(\Z")
_CODE_DATE_AFTER = re.compile(r",\s?0?(?P<m>1[0-2]|[0-9]),\s?0?(?P<d>3[01]|[12][0-9]|[1-9])\s?[,)]")
# `2026-Q3`, `2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4` (a review tool's list of period formats, a
# debt register's heading `Dette assumée — 2026-Q3`, a forecast's comment `ex: "2026-Q3"`:
# GitHub files, dev): a year, a hyphen or nothing, then the quarter; a calendar quarter, as
# `Q3-2026`. Read here, after the bare year, rather than as an alternative of the scan's own
# (which made every digit try one more branch: about 4 % of the scan). Not after a letter
# (`FY2026-Q3` stays the fiscal year's), and not after a space (`2021 2022 2023 Q3/2024`, a
# results table's head, dev, lists years).
_QUARTER_AFTER_YEAR = re.compile(r"-?Q(?P<q>[1-4])(?![0-9๐-๙A-Za-z])")
_NOT_BEFORE_YEAR_QUARTER = frozenset("_./-")


_SLUG_BEFORE = re.compile(r"[-_/A-Za-z]\Z")


def _is_old_ce_span(first: str, second: str | None) -> bool:
    """Two four-digit C.E. years before 1990 joined into a span, the second later and within a
    century: a span of years without a cue word (`timeframe: '1957-1959'`, `Naval Career
    1958-1978`: a navy memoirs index in a GitHub file, dev); a lone such number is not read
    without one (`founded in 1957`), nor a span in a slug or a path (`naval-career-1958-1978`,
    _SLUG_BEFORE)."""
    return second is not None and len(second) == 4 and second.isascii() \
        and 1800 <= int(first) < int(second) <= min(int(first) + 100, 2100)


# Four-digit years after ปี or an era marker are one span up to this long: a tenure, a
# school's or a department's history (`พ.ศ. 2427 – 2502`; `ค.ศ.1880-1990`, a memorial book of a
# school founded a century before, olpbook.blogspot.com: dev).
_MARKED_SPAN_YEARS = 150
# `เนื่องในโอกาส ๑๐๙ ปี กรมทางหลวง ๒๔๕๕-๒๕๖๔` (a flip-book of the highways department's early
# years, identity.in.th: dev): an anniversary's count of years before a span of bare years lets
# the span cover that many years (and one more, counted inclusively); otherwise a bare span
# covers 20 years at most. Same line, a few words between, no number among them.
_ANNIVERSARY_BEFORE = re.compile(r"(?<![0-9๐-๙.,])(?P<n>[0-9๐-๙]{2,3})\s?ปี(?!ที่)[^\n0-9๐-๙]{0,40}\Z")


def _anniversary_years(text: str, start: int) -> int:
    """The most years a span of bare years at ``start`` may cover (see _ANNIVERSARY_BEFORE)."""
    found = _ANNIVERSARY_BEFORE.search(text, max(0, start - 48), start)
    if found is None:
        return 20
    return max(20, int(found["n"]) + 1)


def _read_yr(m: re.Match[str], text: str) -> _Atom | None:
    digits, era, pi = m["yr_y"].replace(" ", ""), m["yr_era"], m["yr_pi"]
    if len(digits) == 2 and not (pi or era) \
            and not _ACADEMIC_YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # a two-digit number is a year only as `ปี 69`, `พ.ศ. 69`, `ปีการศึกษา 63`
    if len(digits) == 2 and pi and text[max(0, m.start() - 4):m.start()] == "ชั้น":
        return None  # `ชั้นปี 11 มี.ค.`: a class year glued to a day, no year (_read_day)
    if " " in m["yr_y"] and not (pi or era):
        return None  # `ค.ศ. 25 66`: a split year is read only with its own ปี or era marker
    if len(digits) == 4 and not (pi or era or m["yr_slash"] or m["yr_y2"]):
        quarter = _QUARTER_AFTER_YEAR.match(text, m.end("yr_y"))
        before = text[m.start() - 1:m.start()]
        if quarter is not None and not (before.isalnum() or before in _NOT_BEFORE_YEAR_QUARTER):
            ce, n = year_to_ce(digits), int(quarter["q"])
            return None if ce is None else _Atom(
                m.start(), quarter.end(), "quarter", date(ce, 3 * n - 2, 1),
                month_end(date(ce, 3 * n, 1)))
    if len(digits) == 2 and pi and _FORECAST_AFTER.match(text, m.end()):
        return _read_forecast_years(m, digits)
    if len(digits) == 2 and ctx.is_count(text, m.end("yr_y")):
        return None  # `อายุราชการ 30 ปี 45 วัน` is a duration
    if len(digits) == 2 and pi and _MONTHS_AFTER.match(text, m.end("yr_y")) \
            and _NUMBER_BEFORE.search(text, max(0, m.start() - 3), m.start()):
        return None  # `ถึง 2 ปี 11 เดือน 29 วัน`: an age in years and months, not the year 2511
    if len(digits) == 2 and pi and _YEARS_AS_UNIT_AFTER.match(text, m.end()):
        return None  # `(<25 ปี 26–35 ปี 46–55 ปี)`: numbers of years, not years
    year = year_to_ce(digits, era)
    if year is None and not (pi or era) and len(digits) == 4 \
            and ctx.restated_be_year(text, m.start()) == int(digits) + BE_OFFSET:
        year = int(digits)  # `B.E. 2521 (1978)`: a C.E. year restating the B.E. one
    decade = None if (pi or era) else _read_decade(m, text, digits)
    if decade is not None:
        return decade
    old_ce = year is None and not (pi or era) and len(digits) == 4 \
        and 1700 <= int(digits) < 1990 \
        and (ctx.en_year_cue(text, m.start())
             or ctx.is_en_instrument_year(text, m.start(), m.end("yr_y"))
             or ctx.is_en_law_year(text, m.start())
             or (_is_old_ce_span(digits, m["yr_y2"])
                 and not _SLUG_BEFORE.search(text, max(0, m.start() - 1), m.start())))
    if old_ce:
        year = int(digits)  # `founded in 1901`, `the 1936 Corrections Law`: English prose
    elif year is None and pi and not era and len(digits) == 4 and digits.isascii() \
            and 1800 <= int(digits) < 1990:
        # `ก่อตั้งขึ้นในปี 1966`, `ในปี 1966.` (Thai texts in GitHub files: a car dealer's
        # history, a film's synopsis: dev): after ปี a year so early cannot be B.E., so it is
        # C.E. (dates_labelled.yaml's convention); a span after it too (`ปี 1966-1970`)
        year, old_ce = int(digits), True
    if year is None:
        return None
    if len(digits) == 4 and not (pi or era or m["yr_slash"] or m["yr_y2"]):
        code = _CODE_DATE_BEFORE.search(text, max(0, m.start() - 16), m.start()) \
            if text[m.start() - 1:m.start()] == "(" and year == int(digits) else None
        if code is not None:
            args = _CODE_DATE_AFTER.match(text, m.end("yr_y"))
            day = None if args is None else _safe_date(
                year, int(args["m"]) + (1 if code["js"] else 0), int(args["d"]))
            if day is not None:
                return _Atom(m.start(), args.end() - 1, "day", day, day)
        month = _MONTH_NUMBER_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if month is not None and 1 <= int(month["m"]) <= 12:
            return _Atom(month.start("m"), m.end(), "month",
                         *_month_interval(year, int(month["m"])))
    end = m.end()
    last = date(year, 12, 31)
    kind = "year"
    if m["yr_slash"] and len(m["yr_y3"]) == 2 and (int(digits) + 1) % 100 != int(m["yr_y3"]):
        end = m.end("yr_y")  # `ปี 2567/69`: no season; the year alone, as if no slash followed
    elif m["yr_slash"]:
        if len(m["yr_y3"]) == 4 and (len(digits) != 4 or year_to_ce(m["yr_y3"]) != year + 1):
            return None  # `2566/2570` is no pair of years (a document number's, if anything)
        last, kind = date(year + 1, 12, 31), "range"  # `2566/2567`, `ปี 2567/68`
    elif m["yr_y2"]:
        # `ปี 2499-2526`, `พ.ศ. 2427 – 2502`: four-digit years after ปี or an era marker are
        # one span however long (a tenure, a school's history)
        marked = bool(pi or era) and len(digits) == 4 and len(m["yr_y2"]) == 4
        old_last = (int(m["yr_y2"]) if len(m["yr_y2"]) == 4
                    else year // 100 * 100 + int(m["yr_y2"])) if old_ce else 0
        # `El Nino 2015-16`, `La Nina 2020-23` (a climate note in a GitHub file: dev): a C.E.
        # year and the last two digits of a later one within ten years
        recent_ce = (not old_ce and len(digits) == 4 and int(digits) < 2400
                     and len(m["yr_y2"]) == 2
                     and year < year // 100 * 100 + int(m["yr_y2"]) <= year + 10)
        if old_ce and year < old_last <= year + 100:
            # `from 1893-1915`, `in the decade 1985–94`: both years C.E.
            second = old_last + BE_OFFSET
        elif recent_ce:
            second = year // 100 * 100 + int(m["yr_y2"]) + BE_OFFSET
        else:
            second = _second_year_be(m["yr_y2"], year + BE_OFFSET,
                                     _MARKED_SPAN_YEARS if marked
                                     else _anniversary_years(text, m.start()), era)
        earlier = _earlier_year_be(digits, m["yr_y2"]) if second is None else None
        if earlier is not None:  # `3 ปีย้อนหลัง (2562-2560)`: a span written backwards
            last, kind, year = date(year, 12, 31), "range", earlier - BE_OFFSET
        elif second is None:
            end = m.end("yr_y")
        else:
            last, kind = date(second - BE_OFFSET, 12, 31), "range"
    if pi:  # `ปี 2568` names a period, not a law's title, unless an Act's title is before it
        context = "law" if ctx.is_act_year(text, m.start()) else "date"
    elif era:
        context = ctx.marked_year_context(text, m.start())
    else:
        found = ctx.bare_year_context(text, m.start(), end)
        if found is None:
            return None
        context = found
    if context == "document_number":
        kind, end, last = "year", m.end("yr_y"), date(year, 12, 31)
    elif kind == "year" and context == "date" and (
            (not era and ctx.is_budget_table_year(text, m.start()))
            or (pi and ctx.is_budget_amount_year(text, m.start()))
            or ctx.is_fiscal_year_cell(text, m.start())
            or (year_to_ce(digits) != int(digits) and ctx.is_fiscal_year_field(text, m.start()))
            or _fiscal_part_after(m, text, end)):
        return _Atom(m.start(), end, "fiscal_year", date(year - 1, 10, 1), date(year, 9, 30))
    return _Atom(m.start(), end, kind, date(year, 1, 1), last, context)


# A B.E. year written before its quarter or round (`ประจำปี 2567 ไตรมาสที่ 1` in a hospital's
# MOIT list, `'2567 ไตรมาสที่ 1'` in a chart of expense types: GitHub files, dev) is the mention
# alone, and names the fiscal year that quarter or round is part of, as `ไตรมาส 1 ปี 2567` reads
# (dates_labelled.yaml's convention); among a company's or the economy's results
# (_MARKET_REPORT) the calendar year. `ทั้งปี 2566 รอบใหม่` (a new round of forecasts) is no round.
_PART_OF_YEAR_AFTER = re.compile(r"[ \t]*(?:ไตรมาส|รอบ[ \t]?[0-9๐-๙]{1,2}[ \t]?เดือน)")


def _fiscal_part_after(m: re.Match[str], text: str, end: int) -> bool:
    """True when the B.E. year ``m`` (ending at ``end``) is followed by an agency's quarter or
    round (see _PART_OF_YEAR_AFTER)."""
    digits = m["yr_y"]
    return _PART_OF_YEAR_AFTER.match(text, end) is not None \
        and year_to_ce(digits) != int(digits) \
        and not _near_market_report(text, m.start(), end)


_READERS = {
    "fys": _read_fys, "qtr": _read_qtr, "half": _read_half, "half6": _read_half6, "halfc": _read_halfc,
    "nfirst": _read_nfirst,
    "fy": _read_fy,
    "dspan": _read_dspan, "day": _read_day, "num": _read_num, "numsp": _read_numsp,
    "iso": _read_iso, "mky": _read_mky,
    "mdy": _read_mdy, "mon": _read_mon, "yr": _read_yr, "emy": _read_emy, "apos": _read_apos,
    "docyy": _read_docyy, "yfy": _read_yfy, "nmon": _read_nmon, "hlfn": _read_hlfn,
    "hlfh": lambda m, text: _read_hlfn(m, text, "hlfh"),
    "qtrq": lambda m, text: _read_qtr(m, text, "qtrq"),
    "qtrn": lambda m, text: _read_analyst_quarter(m, text, "qtrn"),
    "qtre": lambda m, text: _read_analyst_quarter(m, text, "qtre"),
    "eqtrd": lambda m, text: _read_eqtr(m, text, "eqtrd"),
    "eqtrl": lambda m, text: _read_eqtr(m, text, "eqtrl"),
    "enmon": _read_enmon, "emq": _read_emq,
    "eday": lambda m, text: _read_en(m, text, "eday"),
    "emdy": lambda m, text: _read_en(m, text, "emdy"),
}


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around digits, merged where they touch.

    Every mention holds at least one digit (its year, day or round number), and the words
    that lead a mention (`ไตรมาสที่`, `ปีงบประมาณ พ.ศ.`, a month name before `- มี.ค. 69`) sit
    within ``_REACH`` characters of it, so scanning only these windows finds the same atoms as
    scanning everything, while prose without numbers is skipped at C speed.
    One regex match per merged window (``_DIGIT_CLUSTER``), so the loop runs once per window
    rather than once per number.
    """
    return [(max(0, m.start() - _REACH), m.end() + _REACH)
            for m in _DIGIT_CLUSTER.finditer(text)]


def _scan(text: str) -> list[_Atom]:
    """Step 1: every atom, left to right, non-overlapping."""
    atoms: list[_Atom] = []
    search = PATTERN.search
    for window_start, window_end in _windows(text):
        pos = max(window_start, atoms[-1].end if atoms else 0)
        while True:
            m = search(text, pos, window_end)
            if m is None:
                break
            atom = _READERS[m.lastgroup](m, text)
            if atom is None:
                pos = m.start() + 1
                continue
            if atom.kind != "skip":
                atoms.append(atom)
            pos = atom.end
    return atoms


# --- step 2: ranges -----------------------------------------------------------------------

_JOINABLE = {"day", "month", "year", "fiscal_year", "fiscal_start", "quarter", "decade"}


def _complete_left(left: _Atom, right: _Atom) -> _Atom | None:
    """Give a yearless left end the year that makes it fall on or before the right end."""
    if left.first is not None:
        return left
    assert right.first is not None
    if left.kind == "fiscal_start":  # 1 October that opens the right end's fiscal year
        start_year = right.first.year if right.first.month >= 10 else right.first.year - 1
        first = date(start_year, 10, 1)
        return _Atom(left.start, left.end, "day", first, first)
    year = right.first.year
    if left.day:
        later = (left.month, left.day) > (right.first.month, right.first.day)
    else:
        later = left.month > right.first.month
    if later:
        year -= 1
    if left.kind == "day":
        found = _safe_date(year, left.month, left.day)
        if found is None:
            return None
        return _Atom(left.start, left.end, "day", found, found)
    return _Atom(left.start, left.end, "month", *_month_interval(year, left.month))


def _complete_right(left: _Atom, right: _Atom) -> _Atom | None:
    """Give a yearless right end the year that makes it fall after the left end: `between
    October 1, 2023, and March 8` ends on 8 March 2024 (a real news page on the Thai budget)."""
    assert left.last is not None
    year = left.last.year
    if (right.month, right.day) <= (left.last.month, left.last.day if right.day else 31):
        year += 1
    if right.kind == "day":
        found = _safe_date(year, right.month, right.day)
        return None if found is None else _Atom(right.start, right.end, "day", found, found)
    return _Atom(right.start, right.end, "month", *_month_interval(year, right.month))


# A year joined by a dash to a later English month and its year: `77% IS (2019-Sep'24, +ve 4/6
# yrs) / 91% OOS (Oct'24-Jul'26, n=43)`, `IS 2019-Sep'24 ONLY` (a strategy's in-sample period
# beside its out-of-sample months, GitHub files: dev; the dates37 round's left-out shape) is one
# span, from the year's first day to the month's last. Only a bare four-digit year on the left
# and a month with Latin letters on the right (a Thai `2566 - ตุลาคม 2567` is not settled).
_BARE_YEAR = re.compile(r"[0-9]{4}")


def _year_to_en_month(left: _Atom, right: _Atom, text: str) -> bool:
    return (left.kind == "year" and right.kind == "month" and right.first is not None
            and _BARE_YEAR.fullmatch(text, left.start, left.end) is not None
            and _DASH_BETWEEN.fullmatch(text, left.end, right.start) is not None
            and _LATIN_LETTER.search(text, right.start, right.end) is not None)


def _compatible(left: _Atom, right: _Atom, text: str) -> bool:
    """Ends that can make one range: same kind, or a day and a month, both counting; a year
    and an English month after a dash (:func:`_year_to_en_month`)."""
    if left.context != "date" or right.context != "date":
        return False
    if _year_to_en_month(left, right, text):
        return True
    if left.kind not in _JOINABLE or right.kind not in _JOINABLE:
        return False
    if right.first is None:  # a yearless right end borrows the left end's year (_join)
        return left.first is not None and {left.kind, right.kind} <= {"day", "month"}
    if left.first is None:  # a yearless day or month borrows the right end's year
        return right.kind in ("day", "month")
    return left.kind == right.kind or {left.kind, right.kind} == {"day", "month"}


# English ranges say where they start: `between June 22nd, 2000 and December 28th, 2022`,
# `From June 22, 2020 to December 31 2024` (real news pages about Thai agencies). `and` or
# `to` joins two dates only after `between` or `from`: a bare `and` lists two dates.
# `from October 1, 2023, to March 8, 2024` (a real news page): a comma may close the left date.
# Decades, with a word for their part (`from the mid-1980s to the early 1990s`: a thesis on the
# Thai economy, ilovetranslation.com: dev), are joined the same way.
# The same in German (`Von 2012 bis 2015 haben Sie das Amt ... bekleidet`, an interview with the
# German ambassador, der-farang.com; `in den Jahren 1972 bis 1974`, copies of the German
# Wikipedia's page on the German embassy in Bangkok, wikizero.org: dev): `bis` after `von` or
# `in den Jahren`, `und` after `zwischen`.
# A weekday may stand before either day (`2024 ran from Monday 1 January 2024 to Sunday 5 January
# 2025)`, a guide on weekly contributions in a GitHub file: dev), as after a dash.
_EN_DECADE_PART = r"(?:(?:early|mid|late)[\s-]+)?"
_EN_CONNECTOR = re.compile(
    rf",?\s+(?:and|to|until|till|through|thru|bis|und)\s+(?:the\s+)?{EN_WEEKDAY}?{_EN_DECADE_PART}",
    re.IGNORECASE)
# An opening bracket opens a span closed by `to` (`Rama IV (1851 to 1868)`: context.py).
_EN_RANGE_OPENER = re.compile(
    rf"(?:(?:between|from|von|zwischen|in\s+den\s+Jahren)\s+(?:the\s+)?{EN_WEEKDAY}?"
    rf"|(?<=[A-Za-z,.]\s)\(\s*){_EN_DECADE_PART}\Z", re.IGNORECASE)
_EN_RANGE_PAIRS = {"and": ("between",), "to": ("from",), "until": ("from",), "till": ("from",),
                   "through": ("from",), "thru": ("from",), "bis": ("von", "in"), "und": ("zwischen",)}
_EN_BRACKET_CONNECTORS = ("to", "until", "till", "through", "thru")
# A left end without a year needs no opener: `November 30 to December 1, 2022` (a real news
# page) can only be one range, since `November 30` alone is no mention. `up to` and `up until`
# close it too: `registered ... since it opened on August 4th up to September 1st 2014` (a
# government news agency's item on a province's one-stop service, pattayamail.com: dev).
# `thru` is `through` as informal English spells it (`May 26, 2018 thru June 16, 2018, inclusive`,
# a project's data notes in a GitHub file: dev), wherever `through` joins two dates.
# `and` or `&` between two days of an English month (patterns: emdy)
_AND = re.compile(r"and|&")
_EN_TO = re.compile(r"\s+(?:up\s+)?(?:to|until|through|thru)\s+", re.IGNORECASE)
# `until` and `till` can only close a span: `There were none at all in 2016 till 2018` (a blog
# on Thai local government, dev) needs no opener, while a bare `to` may join two figures'
# years (`from 90.7% in 2023 to 91.4% in 2024`).
_EN_UNTIL = re.compile(r"\s+(?:until|till)\s+", re.IGNORECASE)


# Two English dates with a bare `to` between them are one span too: `in fiscal year 2023
# (October 1, 2022 to September 30, 2023)` (a forum's copy of Thai news on the fiscal year,
# teakdoor.com: dev). Only days and months written with an English month name: bare years keep
# needing `from` (`from 90.7% in 2023 to 91.4% in 2024`).
_LATIN_LETTER = re.compile("[A-Za-z]")


def _en_dates_to(left: _Atom, right: _Atom, text: str) -> bool:
    return (left.kind in ("day", "month") and right.kind in ("day", "month")
            and _EN_TO.fullmatch(text, left.end, right.start) is not None
            and _LATIN_LETTER.search(text, left.start, left.end) is not None
            and _LATIN_LETTER.search(text, right.start, right.end) is not None)


def en_range_connector(text: str, left_start: int, gap_start: int, gap_end: int) -> bool:
    """True when ``text[gap_start:gap_end]`` joins two English dates into one range, i.e.
    `and` after a `between`, `to`/`until`/`through` after a `from` (opening at ``left_start``)."""
    gap = _EN_CONNECTOR.fullmatch(text, gap_start, gap_end)
    if gap is None:
        return False
    opener = _EN_RANGE_OPENER.search(text, max(0, left_start - 24), left_start)
    if opener is None:
        return False
    word, connector = opener.group().split()[0].lower(), gap.group().strip(", \t\n").split()[0].lower()
    if word.startswith("("):
        return connector in _EN_BRACKET_CONNECTORS
    return word in _EN_RANGE_PAIRS[connector]


# A time of day may stand between a span's left end and its connector: `ตั้งแต่วันที่ 23 มกราคม
# 2563 เวลา 00.00 น. ถึงวันที่ 30 เมษายน 2563 เวลา 23.59 น.` (a promotion's rules), `ได้ตั้งแต่วันที่
# 15 สิงหาคม 2564 เวลา 12.00 น. - วันที่ 16 สิงหาคม 2564` (a token's staking rules; both public
# GitHub files, tests/data/dates_realworld.yaml: dev). The span runs from the first day to the
# last, as without the time; only between two days, the right one with its year: the left one
# may take it (`เปิดรับสมัครตั้งแต่วันที่ 10 มกราคม เวลา 08.30 น. เป็นต้นไป ถึงวันที่ 30 มกราคม
# 2567`, a job-news page on the civil service exam, chiangrai108.com: dev), as without the time.
_TIME_BEFORE_CONNECTOR = re.compile(
    r"\s*(?:เวลา\s*)?[0-9๐-๙]{1,2}[.:][0-9๐-๙]{2}\s*(?:น\.|นาฬิกา)?")


def _timed_connector(left: _Atom, right: _Atom, text: str) -> bool:
    """True when a time of day and a connector join two dated days: `... 2563 เวลา 00.00 น. ถึง
    วันที่ ...`."""
    if left.kind != "day" or right.kind != "day" or right.first is None:
        return False
    time = _TIME_BEFORE_CONNECTOR.match(text, left.end, right.start)
    return time is not None and CONNECTOR.fullmatch(text, time.end(), right.start) is not None


# Two whole dates, each with its day and year, joined by a dash are one span however long: a
# lifetime or a term in office (`16 June 1908 – 8 December 1963`, an encyclopedia page on a
# prime minister, zproxy.org: dev); a long span of bare years still wants its words.
_DASH_BETWEEN = re.compile(r"\s*[-–—]\s*")


def _dashed_days(left: _Atom, right: _Atom, text: str) -> bool:
    return left.kind == right.kind == "day" and left.first is not None \
        and _DASH_BETWEEN.fullmatch(text, left.end, right.start) is not None


# Two months alone in brackets, the dash between them lost by PDF extraction: `มาส 4 [กรกฎาคม
# ก นยายน 2553]` (the fourth quarter of a health-system report on a document site, docplayer.net:
# dev) is July to September 2553. Brackets on both sides and nothing but spaces between the
# months: a list of months (`ต.ค. พ.ย. ธ.ค. 2566`, a table's head) stays as it is.
_OPEN_BEFORE = re.compile(r"[\[(]\s*\Z")
_CLOSE_AFTER = re.compile(r"\s*[\])]")


def _bracketed_dashless_months(left: _Atom, right: _Atom, text: str) -> bool:
    return (left.kind == right.kind == "month" and left.first is None
            and not text[left.end:right.start].strip()
            and _OPEN_BEFORE.search(text, max(0, left.start - 3), left.start) is not None
            and _CLOSE_AFTER.match(text, right.end) is not None)


# A span across a year end written with the right end's year copied to the left end:
# `รอบ 6 เดือน (1 ตุลาคม 2567-31 มีนาคม 2567)` on an MOPH office's ITA 2567 page (the first half
# of the fiscal year 2567: kosamphi.moph.go.th, dev sample s0938) is read as `ต.ค. - มี.ค. 69`
# is, the left end in the year before the right end's (dates_labelled.yaml's conventions). Only
# two days or two months of one written year that make a span inside one fiscal year, the left
# end in October-December and the right one in January-September: the year copied is the fiscal
# year's. A later day of the same month is no span (`5 มกราคม 2567 เวลา 09.00 น. - 3 มกราคม 2567`),
# nor are two months a quarter's heading mistypes (`ไตรมาสที่ 3 (เดือนเมษายน 2569 ถึง เดือน มีนาคม
# 2569)`, an app's fixture in a GitHub file: dev; April 2568 to March 2569 would be a year).
def _copied_year(left: _Atom, right: _Atom) -> bool:
    assert left.first is not None and right.first is not None
    return (left.kind == right.kind and left.kind in ("day", "month")
            and left.first.year == right.first.year
            and left.first.month >= 10 and right.first.month <= 9)


def _year_earlier(atom: _Atom) -> _Atom | None:
    assert atom.first is not None
    if atom.kind == "month":
        return replace(atom, first=date(atom.first.year - 1, atom.first.month, 1),
                       last=month_end(date(atom.first.year - 1, atom.first.month, 1)))
    found = _safe_date(atom.first.year - 1, atom.first.month, atom.first.day)
    return None if found is None else replace(atom, first=found, last=found)


# A year, an English month and a day joined by hyphens: `Version: 1.01 (2003-Oct-23)` (a
# header in a GitHub file: dev, the dates38 round) is 23 October 2003, not the year and October
# 2023 (nor the span between them).
_EN_MONTH_DAY = re.compile(rf"(?P<m>{EN_MONTH})-(?P<d>[0-9]{{2}})")


def _english_ymd(left: _Atom, right: _Atom, text: str) -> _Atom | None:
    if left.kind != "year" or right.kind != "month" or left.first is None \
            or text[left.end:right.start] != "-" \
            or _BARE_YEAR.fullmatch(text, left.start, left.end) is None:
        return None
    written = _EN_MONTH_DAY.fullmatch(text, right.start, right.end)
    found = None if written is None else _safe_date(
        left.first.year, en_month_number(written["m"]), int(written["d"]))
    return None if found is None else _Atom(left.start, right.end, "day", found, found)


def _join(left: _Atom, right: _Atom, text: str) -> _Atom | None:
    """The range `left - right`, or None when the two atoms are not one expression."""
    day = _english_ymd(left, right, text)
    if day is not None:
        return day
    if not _compatible(left, right, text):
        return None
    explicit = en_range_connector(text, left.start, left.end, right.start) or (
        left.first is None and _EN_TO.fullmatch(text, left.end, right.start) is not None) or (
        _EN_UNTIL.fullmatch(text, left.end, right.start) is not None) or (
        _en_dates_to(left, right, text))
    if (not explicit and not CONNECTOR.fullmatch(text, left.end, right.start)
            and not _timed_connector(left, right, text)
            and not _bracketed_dashless_months(left, right, text)):
        return None
    if right.first is None:  # only where the words open a range (`between ... and`)
        completed = _complete_right(left, right) if explicit else None
        if completed is None:
            return None
        right = completed
    left = _complete_left(left, right)
    if left is None or left.first is None or right.last is None:
        return None
    if not explicit and _copied_year(left, right):
        left = _year_earlier(left)
        if left is None:
            return None
    longest = _MAX_EXPLICIT_RANGE_DAYS if explicit or _dashed_days(left, right, text) \
        else _MAX_RANGE_DAYS
    if not left.first < right.last or (right.last - left.first).days > longest:
        return None
    if left.last is not None and left.last >= right.first:
        return None  # overlapping ends are two separate statements, not a range
    return _Atom(left.start, right.end, "range", left.first, right.last)


# Months in brackets with the year after them: `ส่วนช่วง 6 เดือน (ม.ค.-มิ.ย.) ปี 66 การส่งออก`
# (trade news, thairath.plus: dev): January to June 2566, one mention, brackets included.
_MONTHS_OPEN = re.compile(r"\(\s*")
_MONTHS_CLOSE = re.compile(r"\s*\)\s*")


def _bracketed_months(atoms: list[_Atom], i: int, text: str) -> _Atom | None:
    """`(ม.ค.-มิ.ย.) ปี 66`: two yearless months joined in brackets, then a year with ปี."""
    left, right, year = atoms[i], atoms[i + 1], atoms[i + 2]
    if not (left.kind == right.kind == "month" and left.first is None and right.first is None
            and year.kind == "year" and year.context == "date" and year.first is not None
            and left.month < right.month and text.startswith("ปี", year.start)
            and CONNECTOR.fullmatch(text, left.end, right.start)
            and _MONTHS_CLOSE.fullmatch(text, right.end, year.start)):
        return None
    opening = text.rfind("(", max(0, left.start - 3), left.start)
    if opening < 0 or not _MONTHS_OPEN.fullmatch(text, opening, left.start):
        return None
    first = _month_interval(year.first.year, left.month)[0]
    last = _month_interval(year.first.year, right.month)[1]
    return _Atom(opening, year.end, "range", first, last)


def _join_ranges(atoms: list[_Atom], text: str) -> list[_Atom]:
    """Steps 2 and 3: join `A - B` pairs, then drop atoms that never got a year."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        if i + 2 < len(atoms) and atom.first is None:
            months = _bracketed_months(atoms, i, text)
            if months is not None:
                out.append(months)
                i += 3
                continue
        if i + 1 < len(atoms):
            joined = _join(atom, atoms[i + 1], text)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        if atom.first is not None:
            if out and _listed_after_fiscal_year(out[-1], atom, text):
                atom = _Atom(atom.start, atom.end, "fiscal_year",
                             *fiscal_year_interval(atom.first.year + BE_OFFSET))
            elif out and (same_day := _listed_after_day(out[-1], atom, text)) is not None:
                atom = _Atom(atom.start, atom.end, "day", same_day, same_day)
            if out and _restates(out[-1], atom, text):
                previous = out[-1]
                out[-1] = _Atom(previous.start, _RESTATED_CLOSE.match(text, atom.end).end(),
                                previous.kind, previous.first, previous.last, previous.context)
            else:
                out.append(atom)
        i += 1
    return out


# A quarter restated in the other era right beside it is the same quarter: `## Target ปัจจุบัน (Q2
# 2026 / ไตรมาส 2 พ.ศ. 2569)` over a sales team's April-to-June targets (a dashboard's notes, a
# GitHub file: dev, the dates48 round). The C.E. year makes `Q2 2026` a calendar quarter (April to
# June 2026); the B.E. twin was read as the fiscal quarter (January to March 2026). The fiscal
# quarter n of B.E. year Y begins three months before the calendar quarter n of C.E. year
# Y - 543, so a fiscal quarter beside such a twin (a slash or an opening bracket between them,
# the years the same year in the two eras) takes the twin's months; in brackets the pair is then
# one mention, as `B.E. 2565 (2022)` is (_restates).
_QUARTER_TWIN_GAP = re.compile(r"\s*[/(]\s*")


def _restated_quarters(atoms: list[_Atom], text: str) -> list[_Atom]:
    """``atoms`` with each fiscal quarter restating the calendar quarter beside it read as it."""
    for i in range(len(atoms) - 1):
        left, right = atoms[i], atoms[i + 1]
        if not (left.kind == right.kind == "quarter" and left.first is not None
                and right.first is not None
                and _QUARTER_TWIN_GAP.fullmatch(text, left.end, right.start)):
            continue
        for j, fiscal, twin in ((i, left, right), (i + 1, right, left)):
            be = _YEAR_DIGITS.search(text, fiscal.start, fiscal.end)
            ce = _YEAR_DIGITS.search(text, twin.start, twin.end)
            if fiscal.first == add_months(twin.first, -3) and be is not None \
                    and ce is not None and int(be.group()) == int(ce.group()) + BE_OFFSET:
                atoms[j] = replace(fiscal, first=twin.first, last=twin.last)
                break
    return atoms


# Years listed after a fiscal year are fiscal years too: `ปีงบประมาณ 2566 และ 2567`,
# `ปีงบประมาณ พ.ศ. 2565, 2566 และ 2567` (PROTOCOL's dev-side lead of the dates22 round: the second
# year was read as a calendar year; no stored page with it was found, so its tests are written
# from that shape). Only a bare year (`และ ปี 2567` names its own), after `และ`, `หรือ` or a comma.
# In English too: `restrains federal spending for fiscal years 2024 and 2025` (an encyclopedia
# text in a GitHub file, dev; the US federal fiscal year runs October to September as the Thai
# one does).
_FISCAL_LIST_GAP = re.compile(r"\s*(?:,|และ|หรือ|(?<![A-Za-z])(?:and|or)(?![A-Za-z])|&)\s*")


def _listed_after_fiscal_year(previous: _Atom, atom: _Atom, text: str) -> bool:
    return (previous.kind == "fiscal_year" and atom.kind == "year" and atom.context == "date"
            and text[atom.start].isdigit()
            and _FISCAL_LIST_GAP.fullmatch(text, previous.end, atom.start) is not None)


# A bare year listed after a full date is that day and month in the year: financial statements
# compare "as at" a day with the same day of earlier years (`ณ วันที่ 31 ธันวาคม 2565 และ 2564
# บริษัทฯ มีสินทรัพย์`, an annual report's notes, fliphtml5.com: dev; `As at 30 September 2023 and
# 2022 consisted of the following`, `for the year ended 30 September 2023 and 2022`, the
# Provincial Waterworks Authority's annual report, style.co.th: dev; the dates49 round). The
# second year was read as the whole calendar year. Only a bare year (`และปี 2565` names its own)
# in another year than the day's, after `และ`, `หรือ`, `and`, `or` or a comma, as for fiscal years.
def _listed_after_day(previous: _Atom, atom: _Atom, text: str) -> date | None:
    """The day ``atom``, a bare year listed after the day ``previous``, stands for; or None."""
    if not (previous.kind == "day" and previous.context == "date" and previous.first is not None
            and atom.kind == "year" and atom.context == "date" and atom.first is not None
            and atom.first.year != previous.first.year and text[atom.start].isdigit()
            and _FISCAL_LIST_GAP.fullmatch(text, previous.end, atom.start) is not None):
        return None
    return _safe_date(atom.first.year, previous.first.month, previous.first.day)


# `B.E. 2564 (2021)`, `พ.ศ. 2540 (ค.ศ. 1997)`, `B.E. 2561-2580 (2018-2037)`: a year or span
# followed by the same one in the other era, in brackets, is one expression (one mention,
# brackets included), with the first one's context. A real English regulation title read as
# two dated years, not one law year, is the dev case (tests/data/dates_realworld.yaml's
# header). The other order too: `2024 (B.E. 2567)`, `2567 (2024)`, `ค.ศ. 2024 (พ.ศ. 2567)`
# (English pages of Thai universities give the C.E. year first): the bracketed year must be
# written in the other era, i.e. with other digits. A Rattanakosin year too, after a wiki link's
# close (`โดยเมื่อปี [[พ.ศ. 2438]] (ร.ศ. 114) ปีมะแม`: a school's history on a Wikipedia diff
# page, dev). The Latin era letters after each number too: `Until 1888 (2431 BE), there were no
# permanent civil hospitals` (a page on Thai hospitals' history, neocities.org: dev sample s1491),
# `2024 CE (2567 BE) = Year of the Dragon`, `Academic Year 2024\n(2567 BE).` (GitHub files: dev,
# the dates39 round). A day, a month or a span inside one year whose year alone is restated so
# is one mention too, the day or span with the brackets: `// 15 Dec 2024 (2567 BE)` (a test's
# comment), `May 24, 2024 (B.E. 2567)`, `**Published:** October 2024 (B.E. 2567)`, `1 March –
# 15 April 2024 (B.E. 2567)` (GitHub files: dev; the dates40 round, settled in
# dates_labelled.yaml's notes); a year that is not the same one (`15 Sep 2026 (2567 BE)`, a
# slip in a test's comment) stays a mention of its own.
_LATIN_ERA_AFTER = r"(?:\s?(?:A\.?\s?D|C\.?\s?E|B\.?\s?E)\.?(?![A-Za-z]))?"
_RESTATED_OPEN = re.compile(
    _LATIN_ERA_AFTER + r"(?:\]\])?\s*\(\s*(?:(?:A\.\s?D|C\.\s?E|ค\.\s?ศ|B\.\s?E|พ\.\s*ศ)\.?\s*)?")
_RESTATED_CLOSE = re.compile(_LATIN_ERA_AFTER + r"\s*\)")
_YEAR_DIGITS = re.compile(r"[0-9๐-๙]{3,4}")
_DATED_KINDS = frozenset({"day", "month", "range"})


def _restates(left: _Atom, right: _Atom, text: str) -> bool:
    same = left.kind == right.kind and left.first == right.first and left.last == right.last
    # `for fiscal year B.E. 2569 (2026)` (a provincial office's English news in a GitHub file:
    # dev): a fiscal year restated by the C.E. number of the same fiscal year
    fiscal = (left.kind == "fiscal_year" and right.kind == "year" and left.last is not None
              and right.first is not None and right.first.year == left.last.year)
    dated = (left.kind in _DATED_KINDS and right.kind == "year" and left.first is not None
             and left.last is not None and right.first is not None
             and left.first.year == left.last.year == right.first.year)
    if not ((same or fiscal or dated) and _RESTATED_OPEN.fullmatch(text, left.end, right.start) is not None
            and _RESTATED_CLOSE.match(text, right.end) is not None):
        return False
    first = _YEAR_DIGITS.search(text, left.start, left.end)
    second = _YEAR_DIGITS.search(text, right.start, right.end)
    return first is not None and second is not None and \
        int(first.group()) != int(second.group())


# Days listed before a day of one month share its month and year: `5, 6 และ 7 ธันวาคม 2566`,
# a university calendar's `พ.6-ศ.8 และ จ.13 สิงหาคม 2557` (dpu.ac.th, dev: the 6th to the 8th and
# the 13th of August 2557). Each listed day or span of days is a mention of its own. The list
# is read only when its numbers rise, each is a day of that month, and no number word (`ข้อ`,
# `ที่` other than `วันที่`, `หมู่`, `จำนวน`) stands before it.
# A weekday spelt out before each day (`จัดขึ้นในวันเสาร์ที่ 7 และวันอาทิตย์ที่ 8 ธันวาคม 2567`, a
# medical school's camp page; `ในวันเสาร์ที่ 20 และวันอาทิตย์ที่ 21 ของเดือนพฤศจิกายน พ.ศ.2564`, a
# contest's page: GitHub files, dev): its `ที่` is no number word.
_LIST_WEEKDAY = f"(?:{WEEKDAY_DOTTED}|{WEEKDAY_SPELLED})?"
_LIST_ITEM = rf"{_LIST_WEEKDAY}{DIGIT}{{1,2}}(?:\s*[-–]\s*{_LIST_WEEKDAY}{DIGIT}{{1,2}})?"
_LIST_SEP = r"(?:,\s*(?:และ)?|และ)"
_LISTED_BEFORE = re.compile(
    rf"(?<![0-9๐-๙.,/:A-Za-z])(?P<items>{_LIST_ITEM}(?:\s*{_LIST_SEP}\s*{_LIST_ITEM})*)"
    rf"\s*{_LIST_SEP}\s*{_LIST_WEEKDAY}\Z")
_LIST_ITEM_AT = re.compile(_LIST_ITEM)
_LIST_NUMBER = re.compile(f"{DIGIT}{{1,2}}")
_LIST_NUMBER_WORD_BEFORE = re.compile(r"(?:ข้อ|(?<!วัน)ที่|หมู่|จำนวน|เลข|ครั้ง)\s*\Z")
_LIST_WEEKDAY_BEFORE = re.compile(rf"{WEEKDAY_SPELLED}\Z")
_LIST_REACH = 80
# (a line break may follow the day, as HTML sources wrap `8\n          ธันวาคม 2567`)
_THAI_DAY_FIRST = re.compile(rf"{DIGIT}{{1,2}}(?!{DIGIT})(?:[ \t]*\n\s*)?[^\n]*?[ก-ฮ]")


def _listed_days(atom: _Atom, text: str, floor: int) -> list[_Atom]:
    """The days listed right before ``atom`` (a day or a span of days of one month, with its
    year), not reaching back before ``floor`` (the end of the mention before it)."""
    if atom.context != "date" or atom.kind not in ("day", "range") or atom.first is None or \
            atom.last is None or (atom.first.year, atom.first.month) != \
            (atom.last.year, atom.last.month):
        return []
    if _THAI_DAY_FIRST.match(text, atom.start, atom.end) is None:
        return []  # `เขต 2, 2022-07-11`: only a day written before a Thai month ends a list
    window_start = max(floor, atom.start - _LIST_REACH)
    found = _LISTED_BEFORE.search(text, window_start, atom.start)
    if found is None or (_LIST_NUMBER_WORD_BEFORE.search(
            text, max(0, found.start() - 12), found.start())
            and not _LIST_WEEKDAY_BEFORE.search(text, max(0, found.start() - 24), found.start())):
        return []
    year, month = atom.first.year, atom.first.month
    listed, numbers = [], []
    for item in _LIST_ITEM_AT.finditer(text, found.start("items"), found.end("items")):
        days = [int(n) for n in _LIST_NUMBER.findall(item.group())]
        dates = [_safe_date(year, month, d) for d in days]
        if any(d is None for d in dates):
            return []
        numbers += days
        kind = "range" if len(dates) == 2 else "day"
        first_digit = _LIST_NUMBER.search(text, item.start(), item.end())
        assert first_digit is not None
        listed.append(_Atom(first_digit.start(), item.end(), kind, dates[0], dates[-1]))
    numbers.append(atom.first.day)
    if numbers != sorted(set(numbers)):  # strictly rising
        return []
    return listed


# A year whose own text goes on to spell it out as October to September is the fiscal year:
# `ประจำปี พ.ศ. ๒๕63 รอบเดือนตุลาคม 2562- เดือนกันยายน 2563` (a sub-district's plan follow-up,
# praklang.com: dev sample s0680), `ประจำปี 2567 (1 ตุลาคม 2566 - 30 กันยายน 2567)`. Only the
# words of a round or a span between them (a round named by one month, `ประจำปี 2561
# (รอบเมษายน)`, names no such span and stays the year as written).
_RESTATING_GAP = re.compile(r"[\s(]*(?:รอบ|ระหว่าง|ตั้งแต่)?\s*(?:วันที่|เดือน)?\s*\Z")
_RESTATING_REACH = 24


def _restated_fiscal_years(atoms: list[_Atom], text: str) -> list[_Atom]:
    """``atoms`` with each calendar year that the range right after it restates as that
    fiscal year's October-September read as the fiscal year."""
    for i, (atom, after) in enumerate(zip(atoms, atoms[1:], strict=False)):
        if atom.kind != "year" or atom.context != "date" or after.kind != "range" \
                or atom.first is None or after.start - atom.end > _RESTATING_REACH:
            continue
        first, last = fiscal_year_interval(atom.first.year + BE_OFFSET)
        if (after.first, after.last) == (first, last) and \
                _RESTATING_GAP.match(text, atom.end, after.start):
            atoms[i] = replace(atom, kind="fiscal_year", first=first, last=last)
    return atoms


def find_dates(text: str) -> list[DateMention]:
    """All date mentions in ``text``, sorted by position, non-overlapping, longest first.

    Mentions whose ``context`` is not ``'date'`` (law titles, document numbers) are included so
    that a reader can see why they were ignored; phone numbers, money, counts, times and version
    numbers are not dates at all and are left out.
    """
    if not text:
        return []
    # written-out escapes (`15&nbsp;ตุลาคม&nbsp;2566`, a REST answer's `\\u0e15...`) read as
    # their characters; spans are mapped back to the caller's text (escapes.py)
    decoded = decode_escapes(text)
    scanned = text if decoded is None else decoded.text
    for invisible in _INVISIBLE:
        if invisible in scanned:
            scanned = scanned.replace(invisible, " ")
    scanned = _ocr_digits(repair_tis620(scanned))
    # a line a PDF set letter by letter is read with its letters joined; spans are mapped
    # back to the caller's text (origin: None when there is no such line)
    scanned, origin = unspaced(scanned)
    mentions = []
    atoms: list[_Atom] = []
    stamped = _glued_stamps(scanned, _camera_stamps(scanned, _scan(scanned)))
    for atom in _join_ranges(_restated_quarters(stamped, scanned), scanned):
        atoms += _listed_days(atom, scanned, atoms[-1].end if atoms else 0)
        atoms.append(atom)
    atoms = _restated_fiscal_years(atoms, scanned)
    for atom in atoms:
        assert atom.first is not None and atom.last is not None
        start, end = (atom.start, atom.end) if origin is None else \
            (origin[atom.start], origin[atom.end - 1] + 1)
        if decoded is not None:
            start, end = decoded.span(start, end)
        mentions.append(DateMention(
            text=text[start:end],
            span=(start, end),
            kind="range" if atom.kind == "decade" else atom.kind,
            start=atom.first,
            end=atom.last,
            context=atom.context,
        ))
    return mentions
