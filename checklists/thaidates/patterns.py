"""The one combined pattern that finds date atoms in a single left-to-right scan.

An *atom* is one date expression before ranges are joined: a day, a month (with or without a
year), a year or year span, a fiscal year, a quarter or a 6/12-month round. finder.py reads
each match by ``match.lastgroup`` (the name of the alternative) and joins neighbouring atoms
into ranges. Alternatives that can start at the same place are ordered longest first, so the
first alternative that matches is the longest reading (a day before a month before a year).

Speed: the whole pattern sits behind a look-ahead (``FIRST_CHARS``: a digit, or a letter and
the letter after it that can start a date word), so most positions in Thai prose are rejected
by a test or two; finder.py also scans only the stretches of text near digits. Look-behind checks come after an alternative's first character so that
the look-ahead stays exact.
"""

from __future__ import annotations

import re

from checklists.keptregex import kept_pattern
from checklists.thaidates.lexicon import (
    COMBINING,
    DIGIT,
    EN_ERA,
    EN_MONTH,
    ERA,
    ERA_RS,
    MONTH,
    MONTH_ABBR,
    MONTH_FULL,
    MONTH_SHORT,
    SPLIT_YEAR,
    YEAR,
    YEAR2,
    skeleton,
)

# Characters that must not touch a day number on its left: another digit (a longer number),
# a dot (`สขร.1 ต.ค. 68` is form no. 1, not the 1st), a slash, or a Latin letter (`O23`).
_BEFORE_DAY = "[0-9๐-๙./A-Za-z:]"

# "Fiscal year (ปีงบประมาณ)" in thai-dates.md: `ปีงบประมาณ 2566`, `ปีงบฯ 66`,
# `ประจำปีงบประมาณ พ.ศ. 2566`; `ปีงปม.` is a further abbreviation seen on office pages. Text
# extracted from PDFs splits the word or loses sara i (`ประจาปี งบประมาณ`, `ประจําปง บประมาณ`,
# `ประจำปงบประมาณ`, sara ii moved one letter on: `ปงี บประมาณ`; real pages in
# tests/data/dates_realworld.yaml).
FISCAL_WORD = r"(?:ปี?\s?ง(?:ี(?=\s?บ))?\s?บประมาณ|ปีงบฯ?|ปีงปม\.?)"
# English pages about Thai agencies name the Thai fiscal year (`Fiscal Year 2020`, `fiscal
# 2023`, `the budget year of 2020`: real pages in tests/data/dates_realworld.yaml).
# `FY2023`, `FY 2567` (annual reports' covers and file names) are the same.
# `the budget allocation for the year 2024` (English news on the Thai budget, dev): a budget's
# year is a fiscal year.
EN_FISCAL_WORD = (r"(?<![A-Za-z])(?:(?i:fiscal(?:\s+years?)?|budget\s+year(?:\s+of)?"
                  r"|budget\s+(?:allocations?\s+)?for\s+the\s+year(?:\s+of)?)"
                  r"|FY(?=[\s\-]?[0-9๐-๙])-?)")

# `ประจำ` as pages really write it: sara am typed as nikhahit + sara aa (`ประจําปี 2567`, a
# real news headline) or lost by PDF extraction (`ประจาปี`).
PRACHAM = "ประจ(?:ำ|ํา|า)"

# `เทศบัญญัติงบประมาณรายจ่าย2566` (a flip-book page title), `ข้อบัญญัติงบประมาณ 2565`,
# `เทศบัญญัติงบประมาณ ๒๕๖๒.pdf` (local offices' lists of their budget ordinances: dev samples
# s0290, s0854): the budget's year without ปี, only right before a four-digit year (finder.py
# refuses an amount: `งบประมาณรายจ่าย 2500 บาท`)
BUDGET_YEAR_WORD = (rf"(?:งบประมาณ(?:รายจ่าย)?\s?(?:{PRACHAM})?\s?ปี(?!\s?งบ)"
                    rf"|งบประมาณ(?:รายจ่าย)?(?=\s?{DIGIT}{{4}}(?!{DIGIT})))")

# Words allowed between `ไตรมาส 2` / `รอบ 6 เดือน` and the year they belong to. Kept to a
# closed list: a month name in between (`รอบ 6 เดือน (ต.ค. 68 - มี.ค. 69)`) must not be
# skipped, or the round would take the wrong year.
_PERIOD_GAP = rf"(?:\s|[(\[:/,]|{PRACHAM}|ของ|{FISCAL_WORD}|ปี)*"


# A three-digit year, read only right after `ร.ศ.` (lexicon.year_to_ce refuses it otherwise).
_RS_YEAR = f"{DIGIT}{{3}}(?!{DIGIT})"


# A university calendar writes the weekday, abbreviated in brackets, before each day of a span
# (`(อ) 25 - (พฤ) 27 ก.ค. 2566`, `(จ) 12 มิ.ย. - (ศ) 21 ก.ค. 2566`: dpu.ac.th, dates_realworld.yaml
# dev), or abbreviated with a dot and glued to the day (`พ.6-ศ.8`, `จ.5 –อา.11 มกราคม 2558`,
# `พฤ. 28 – ส. 30 พฤศจิกายน 2562`: dpu.ac.th's older calendars, dev); after the dash it belongs
# to the connector. The dotted abbreviation is a word of its own: no Thai letter or dot before it
# (`สขร.1 ต.ค. 68` is form no. 1; `ภ.ด.ส.3` a form's name).
_WEEKDAYS = ("อา", "จ", "อ", "พ", "พฤ", "ศ", "ส")
WEEKDAY_IN_BRACKETS = rf"(?:\(\s*(?:{'|'.join(_WEEKDAYS)})\.?\s*\)\s*)"
WEEKDAY_DOTTED = rf"(?:(?<![ก-์.])(?:{'|'.join(_WEEKDAYS)})\.\s?)"
# the same as a look-behind before a day's first digit (fixed width: one per length)
_AFTER_WEEKDAY = "".join(
    f"|(?<=(?<![ก-์.])(?:{'|'.join(w for w in _WEEKDAYS if len(w) == n)})\\.{DIGIT})"
    for n in (1, 2))
# Where a dot stands before a day's first digit, the day is read only after an ellipsis or a
# weekday (one test of the dot first: most digits barred from starting a day follow a digit)
_AFTER_DOT = f"(?<=\\.{DIGIT})(?:(?<=\\.\\.\\.{DIGIT}){_AFTER_WEEKDAY})"


def _day(name: str, glued: bool = False, clock: bool = False) -> str:
    """A day number 1-31 (one or two digits) that is not part of a longer number.

    ``glued``: also a day glued to a comma-grouped amount, as PDF tables run cells together
    (`1,586,70616 มีนาคม 2559`, a real report: a group has three digits, so `16` cannot be
    part of the amount), a day glued to `ลว.` (ลงวันที่, "dated") in a circular's
    reference (`ก.ค.ศ.ว19 ลว.25ตค.61`, `ว30ลว.28กย60`: real pages), and a day glued to the
    four-digit year of the date before it (`พ.ศ. 25662 มกราคม 2567`, see ``_YEAR_RUN_ON``;
    finder.py checks that a date really ends there).

    ``glued`` or ``clock``: also a day glued to the clock time before it, as a registrar's
    calendar runs its cells together (`24 Nov 2025 0:01:0020 Mar 2026`, a real page: the
    time's seconds have two digits, so `20` is the day); ``clock`` also after a Latin label's
    colon (`Date:8 January 2020`).

    Always: a day after an ellipsis (`...๑๘ กุมภาพันธ์ ๒๕๖๘`, a news excerpt of a provincial
    health office: three dots are no form number's dot), and a day after a weekday's
    abbreviation and its dot (`จ.5 สิงหาคม 2562`, `พฤ.28-อา.31 พ.ค.2558`: a university's
    calendar, dev; the abbreviation is a word of its own, see WEEKDAY_DOTTED)."""
    after_amount = (f"|(?<=[0-9],[0-9]{{3}}{DIGIT})|(?<=ลว\\.{DIGIT})"
                    f"|(?<=[^0-9๐-๙]{DIGIT}{{4}}{DIGIT})" if glued else "")
    if glued or clock:
        after_amount += f"|(?<=[0-9]:[0-9]{{2}}{DIGIT})"
    if clock:  # an English field's label and its colon: `Arrival Date:8 January 2020` (an
        # encyclopedia page's infobox, everything.explained.today: dev)
        after_amount += f"|(?<=[A-Za-z]:{DIGIT})"
    return (f"(?P<{name}>{DIGIT}(?:(?<!{_BEFORE_DAY}{DIGIT})|{_AFTER_DOT}{after_amount})"
            f"{DIGIT}?)(?!{DIGIT})")


# A month's abbreviation without its dots, its two letters apart (`ม ค`, `มี ค`), read only
# right before a year's digits (the day alternative), since single letters apart are otherwise
# initials or a list's labels.
SPACED_ABBR = ("(?:" + "|".join(f"{a} {b}" for a, b in MONTH_ABBR.values())
               + rf")(?![ก-์.])(?=\s?{DIGIT})")


# A four-digit year that a table's next cell runs into: `3 พฤศจิกายน พ.ศ. 25662 มกราคม 2567`
# is 3 Nov 2566 and 2 Jan 2567 (a real customs download table whose date cells touch). Only
# where a day and a month name follow.
_YEAR_RUN_ON = rf"{DIGIT}{{4}}(?={DIGIT}{{1,2}}\s?(?:เดือน\s?)?{MONTH})"


def _year_tail(prefix: str) -> str:
    """The year after a month name: `ต.ค. 68`, `ต.ค.68`, `ตุลาคม พ.ศ. 2568`, `ต.ค._68`, and a
    year glued on by a hyphen (`ต.ค.-66`, `ตุลาคม-66`, issue 16). A hyphen before a day of
    the next month cannot be misread: days are 1-31 and two-digit years 40-99.

    `ปี` may stand between the month and its year, as Thai documents write a date in full
    (`วันที่ 12 เดือน มกราคม ปี 2569`, `ประจำเดือน มกราคม ปี 2566`, `เดือน มกราคม ปี 2556
    ถึงเดือน กุมภาพันธ์ ปี 2556`: report and form templates of Thai offices' systems); only
    with the year's digits (or an era marker) right after it, so `ปีงบประมาณ` and `ปีการศึกษา`
    are left to their own readings."""
    return (rf"(?:(?:[\s_/]{{0,3}}|[-–](?={DIGIT}))(?:ปี\s?(?=[0-9๐-๙พค]))?(?:(?P<{prefix}_era>{ERA})\s*)?"
            rf"(?P<{prefix}_y>{YEAR}|{_YEAR_RUN_ON}|(?<=ศ\.){_RS_YEAR}|(?<=ศ\.\s){_RS_YEAR}))")


_CONNECT = r"\s*[-–—]\s*"
# `ระหว่างวันที่ ๑ ถึง ๑๕ มีนาคม ๒๕๕๙` (a navy base's notice of a fisheries rule: dev sample
# s0997): ถึง joins the days as a dash does.
_DAY_CONNECT = (rf"(?:{_CONNECT}|\s*(?:จน)?ถึง(?:วันที่)?\s*)"
                rf"(?:{WEEKDAY_IN_BRACKETS}|{WEEKDAY_DOTTED})?")


# A quarter named by an ordinal word: `ไตรมาสแรกของปี 2568`, `ไตรมาสที่สี่ของปี 2567` (NESDC's
# figures in a news post, pptvhd36.com: dev), `ไตรมาสที่สองของปีงบประมาณ`, `ไตรมาสสุดท้าย` (the
# fourth, as `the final quarter`); finder.py reads the word as its number.
THAI_QUARTER_ORDINALS = {"แรก": 1, "หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "สุดท้าย": 4}
_THAI_ORDINAL = "|".join(sorted(THAI_QUARTER_ORDINALS, key=len, reverse=True))


def _quarter(prefix: str, lead: str, second_lead: str, words: str = "") -> str:
    """A quarter or quarter span (`ไตรมาสที่ 1-2 ปีงบประมาณ 2569`) led by ``lead``; the Thai
    and the Q forms are separate alternatives so that each starts with one kind of character
    (see _dispatched). ``words``: ordinal words that may stand for the first number."""
    number = f"[1-4๑-๔](?!{DIGIT})" + (f"|(?:{words})" if words else "")
    return (rf"{lead}(?P<{prefix}_a>{number})"
            rf"(?:{_CONNECT}(?:{second_lead})?(?P<{prefix}_b>[1-4๑-๔])(?!{DIGIT}))?"
            rf"(?P<{prefix}_gap>{_PERIOD_GAP})(?:(?P<{prefix}_era>{ERA})\s*)?(?P<{prefix}_y>{YEAR})")


def _en_quarter(prefix: str, ordinal: str) -> str:
    """`the first quarter of 2024`, `4th quarter of 2023`, `third quarter of fiscal 2024`; a
    line may break inside (`the first quarter of\\n           2021`, a PDF's text on a
    document site: NESDC's social outlook, readkong.com, dev)."""
    return (rf"(?P<{prefix}_n>{ordinal})\s+(?i:quarter)\s+(?:(?i:of)\s+)?"
            rf"(?:(?i:the)\s+(?=(?i:fiscal)))?(?P<{prefix}_fy>(?i:fiscal)\s+(?:(?i:year)\s+)?)?(?P<{prefix}_y>{DIGIT}{{4}})(?!{DIGIT})")


# An analyst's forecast (F) or estimate (E) after a year in shorthand (`3Q24F`, `ปี 24-26F`)
_FORECAST = "[FE]?"

# `the first 4 months of fiscal 2023`, `the first four months of fiscal 2023` (English news on
# the Thai budget, pattayamail.com: dev): the months from the start of a fiscal year, or of a
# calendar year without `fiscal` (as `6M-2022`)
_EN_COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
EN_MONTH_COUNT = {word: n for n, word in enumerate(_EN_COUNTS, start=2)}

ALTERNATIVES: tuple[tuple[str, str], ...] = (
    # ต้นปีงบประมาณ (- 31 มี.ค. 66): "the start of the fiscal year" in words (issue 16), the
    # left end of a range; with a year it is 1 October before that fiscal year
    ("fys", rf"ต้น\s?ปี\s?งบ(?:ประมาณ|ฯ)?(?:\s*(?:(?P<fys_era>{ERA})\s*)?(?P<fys_y>{YEAR}))?"),
    # ไตรมาส 2 ปีงบประมาณ 2569, ไตรมาสที่ 1-2/2569
    # Q4 2560, Q3/2018: the same in financial reports (a four-digit year only, finder.py)
    ("qtr", _quarter("qtr", r"ไตรมาส(?:ที่)?\s*", r"ไตรมาส(?:ที่)?\s*", _THAI_ORDINAL)),
    # `Quarterly Bulletin of Statistics Volum 71, Quarter 3, 2023` (the NSO's bulletin, nso.go.th:
    # dev): the word in full
    ("qtrq", _quarter("qtrq", r"Q(?<![A-Za-z0-9]Q)(?:uarter\s+|\s?)", r"Q\s?")),
    # Listed companies' quarters in analysts' notation (the SEC's search pages: dev): the
    # number first (`1Q23`, `4Q23`, `1Q/2024`) or a two-digit year after an apostrophe
    # (`Q1'20`, `Q4’19`); calendar quarters (finder.py)
    # `the 1Q23 fiscal year` (news on the Thai government's revenue, thaicapitalist.com: dev):
    # the fiscal year's quarter
    # An analyst's forecast or estimate is marked by a letter after the year (`3Q24F`, `4Q25E`,
    # `9M24F`, `1H25F`: broker notes on settrade.com and daolsecurities.co.th, dev): the same
    # period, read the same way (_FORECAST).
    ("qtrn", rf"(?P<qtrn_a>[1-4])(?<![0-9๐-๙A-Za-z.,][1-4])Q(?:/|\s(?={DIGIT}{{4}}))?"
             rf"(?P<qtrn_y>{DIGIT}{{4}}|{DIGIT}{{2}}){_FORECAST}(?![0-9๐-๙A-Za-z])"
             rf"(?P<qtrn_fy>\s(?i:fiscal)(?:\s(?i:year))?(?![A-Za-z]))?"),
    # `Q3-21`, `Q2–21`, `Q3-2022`, `Q3–2024` (results tables and notes on the SEC's search
    # pages: dev): a hyphen or a dash in the apostrophe's place
    ("qtre", rf"Q(?<![A-Za-z0-9]Q)(?P<qtre_a>[1-4])['’\-–]"
             rf"(?P<qtre_y>{DIGIT}{{4}}|{DIGIT}{{2}})(?![0-9๐-๙A-Za-z]|[-–/.]{DIGIT})"),
    # `6M-2022`, `9M-2023` (the first six or nine months of a year, in listed companies' results
    # tables on the SEC's search pages: dev): calendar months from January, as for `1Q23`; a two-digit
    # year as in `1Q23` (`9M24F`)
    ("nmon", rf"(?P<nmon_n>1(?<![0-9๐-๙A-Za-z.,]1)[0-2]|[1-9](?<![0-9๐-๙A-Za-z.,][1-9]))"
             rf"M(?:[-/]|\s?/\s?|\s(?={DIGIT}{{4}}))?(?P<nmon_y>{DIGIT}{{4}}|{DIGIT}{{2}}){_FORECAST}(?![0-9๐-๙A-Za-z])"),
    # `1H24`, `2H2023` (a listed company's half years in analysts' notation, the SEC's search
    # pages: dev): calendar halves, as `1Q23` is a calendar quarter
    ("hlfn", rf"(?P<hlfn_a>[12])(?<![0-9๐-๙A-Za-z.,][12])H/?"
             rf"(?P<hlfn_y>{DIGIT}{{4}}|{DIGIT}{{2}}){_FORECAST}(?![0-9๐-๙A-Za-z])"),
    # รอบ 6 เดือน (ปีงบประมาณ 2569), รอบ 12 เดือน ประจำปีงบประมาณ พ.ศ. 2568
    ("half", rf"รอบ\s*(?P<half_n>6|๖|12|๑๒)\s*เดือน\s*(?P<half_part>แรก|หลัง)?"
             rf"(?P<half_gap>{_PERIOD_GAP})(?:(?P<half_era>{ERA})\s*)?(?P<half_y>{YEAR})"),
    # 6 เดือนแรก ปีงบประมาณ 2568: without `รอบ` only with แรก/หลัง and a fiscal-year word, since
    # `ระยะเวลา 6 เดือน ปีงบประมาณ 2569` is a duration, not a round
    # The ITA manuals also write `6 เดือนแรกของปี พ.ศ. 2566` for the first half of that fiscal
    # year: a bare `ปี` is accepted only with an era marker after it.
    ("half6", rf"(?P<half6_n>6|๖)(?<![0-9๐-๙.][6๖])\s*เดือน\s*(?P<half6_part>แรก|หลัง)"
              rf"[\s(]*(?:ของ\s*)?(?:{PRACHAM})?\s*(?:{FISCAL_WORD}|ปี(?=\s*{ERA}))\s*"
              rf"(?:(?P<half6_era>{ERA})\s*)?(?P<half6_y>{YEAR})"),
    # `6 เดือนแรกของปี 2567`, `4 เดือนแรกปี 2567` (tourism figures in the news, `ช่วง 6 เดือนแรกของ
    # ปี 2567 ตั้งแต่วันที่ 1 มกราคม 2567-30 มิถุนายน 2567`: thansettakij.com, dev): the first N
    # months of a calendar year (six, with no news's cue near, an agency's six-month round);
    # with a fiscal-year word, of the fiscal year (finder.py `_read_nfirst`). Tried
    # after half6, which keeps `6 เดือนแรกของปีงบประมาณ` and the ITA manuals' `6 เดือนแรกของปี พ.ศ.`
    # as the fiscal year's six-month round.
    ("nfirst", rf"(?<![0-9๐-๙.,])(?P<nfirst_n>1[01]|[2-9]|๑[๐๑]|[๒-๙])\s*เดือน\s*แรก\s*(?:ของ\s*)?"
               rf"(?:(?P<nfirst_fy>{FISCAL_WORD})|ปี)\s*(?:(?P<nfirst_era>{ERA})\s*)?(?P<nfirst_y>{YEAR})"),
    # ครึ่งปีแรก 2567, ครึ่งแรกของปี 2566: a half of a year (a listed company's results in a
    # news post, `ผลประกอบการครึ่งปีแรก 2567 ... ครึ่งแรกของปี 2566`: animal18.site, dev); ปี is
    # required before or after แรก/หลัง (`ครึ่งแรก` alone may be a match's half); with a
    # fiscal-year word the half is the fiscal year's (finder.py)
    ("halfc", rf"ครึ่ง(?P<halfc_pi>\s?ปี)?\s?(?P<halfc_part>แรก|หลัง)[\s(]*(?:ของ\s*)?"
              rf"(?:(?P<halfc_fy>{FISCAL_WORD})|(?P<halfc_pi2>ปี))?\s*(?:(?P<halfc_era>{ERA})\s*)?"
              rf"(?P<halfc_y>{YEAR})"),
    # ปีงบประมาณ 2569, ปีงบฯ 69, ปีงบประมาณ พ.ศ. 2566 - 2570; a budget's year is a fiscal year:
    # งบประมาณปี 2569, (การใช้จ่าย)งบประมาณประจำปี 2568 ("Fiscal year" in thai-dates.md)
    # `budget disbursement in FY24` (the SEC's search pages: dev): a two-digit year under 40
    # after FY is C.E., as in `1Q23` (finder.py; from 40 on YEAR reads it as B.E.)
    ("fy", rf"(?:{FISCAL_WORD}|{BUDGET_YEAR_WORD}|{EN_FISCAL_WORD})\s*(?:(?P<fy_era>{ERA})\s*)?"
           rf"(?P<fy_y>{YEAR}|(?:(?<=FY)|(?<=FY[\s\-]))[0-3๐-๓]{DIGIT}(?![0-9๐-๙A-Za-z]))"
           rf"(?:{_CONNECT}(?:{FISCAL_WORD}\s*)?(?:{ERA}\s*)?(?P<fy_y2>{YEAR}))?"),
    # 1 - 15 ต.ค. 68 (days of one month); 27-28 April 2019, 7–8 August 2025 in English (one
    # alternative for both, so that a digit tries the day-and-connector start only once)
    # From 18 to 21 September 2024: a word joins the days after `from`/`between` (finder.py
    # checks the opener)
    # `16-18th January 2016`, `16th - 18th January` (English event pages: thailanddiscovery.info,
    # dev): an ordinal's letters after an English day
    ("dspan", rf"{_day('dspan_a')}(?:st|nd|rd|th)?"
              rf"(?:{_DAY_CONNECT}|(?P<dspan_w>\s+(?:to|until|through|and)\s+))"
              rf"{_day('dspan_b')}(?:\s*(?:เดือน\s*)?"
              rf"(?P<dspan_m>{MONTH}){_year_tail('dspan')}|(?:st|nd|rd|th)?(?=\s?[A-Za-z])\s?"
              rf"(?P<dspan_em>{EN_MONTH})\.?,?\s?(?:{EN_ERA}\s?)?(?P<dspan_ey>{DIGIT}{{4}})"
              rf"(?!{DIGIT}))"),
    # 1 ต.ค. 68, วันที่ 1 เดือน ตุลาคม พ.ศ. 2568, 1 ต.ค. (no year: joins a range or is dropped)
    # `รอบ 6 เดือน ตุลาคม 2568 - ...` is a round followed by a month, not the 6th of October:
    # no day number right after `รอบ`
    # `วันที่ 07 / ต.ค. / 2565`: a form's date field with slashes around a Thai month (a real
    # municipal page; finder.py wants the second slash before the year)
    # `12 ม ค 67`: an abbreviation whose dots are lost, its letters apart (the session's lead,
    # #16 part 3; no stored page with it was found): only between a day and a year's digits
    ("day", rf"(?<!รอบ)(?<!รอบ ){_day('day_d', glued=True)}"
            rf"(?:\s*(?:เดือน\s*)?|\s?(?P<day_slash>/)\s?)(?P<day_m>{MONTH}|{SPACED_ABBR})"
            rf"{_year_tail('day')}?"),
    # 25 April 2023, 23 August 2023: an English CMS date (a four-digit year is required)
    # the 28th of February, 2023: an ordinal day with `of` (a real news page); `dated 14 th
    # February B.E. 2547`, `Given on the 13 th Day of January B.E. 2547` (a law's translation as
    # a PDF copy prints it, with the B.E. marker)
    # `1 January` without a year: only as a range's left end (`1 January - 30 December 2024`)
    # `Post on 18-Jan-2017` (a document site's stamp, dev): hyphens on both sides of the month
    ("eday", rf"{_day('eday_d', clock=True)}(?:\s?(?:st|nd|rd|th)(?:\s+(?:[Dd]ay\s+)?of)?(?=\s))?"
             rf"(?=[\s-]?[A-Za-z])(?:\s|(?P<eday_h>-))?"
             rf"(?P<eday_m>{EN_MONTH})(?:(?(eday_h)-|\.?,?\s?)(?:{EN_ERA}\s?)?"
             # `31-Mar-18` (a listed company's ratio table, the SEC's pages: dev): between
             # hyphens a two-digit year too
             rf"(?P<eday_y>{DIGIT}{{4}}(?!{DIGIT})|(?(eday_h){DIGIT}{{2}}(?![0-9๐-๙A-Za-z])|(?!))))?"),
    # 01/10/2568, 1/10/68, 01-10-2568, 23-11-60, 01.10.2568 (day first, as Thai pages write it)
    ("num", rf"{_day('num_d')}(?P<num_s>[/.\-])(?P<num_m>{DIGIT}{{1,2}})(?P=num_s)"
            rf"(?P<num_y>{DIGIT}{{4}}|{DIGIT}{{2}})(?!{DIGIT}|[/.\-]{DIGIT})"),
    # 2568-10-01, 2025-10-01, 2025/10/01 (machine-made dates); 2017-09, a machine-made month
    # (two month digits, nothing numeric after; finder.py reads `2011-12` as no month)
    ("iso", rf"(?P<iso_y>{DIGIT}(?<![0-9๐-๙./:\-]{DIGIT}){DIGIT}{{3}})(?P<iso_s>[-/])"
            rf"(?:(?P<iso_m>{DIGIT}{{1,2}})(?P=iso_s)(?P<iso_d>{DIGIT}{{1,2}})(?!{DIGIT})"
            rf"|(?<=-)(?P<iso_mm>0[1-9]|1[0-2])(?![0-9๐-๙]|[-/.][0-9๐-๙]))"),
    # มติ กบน. 2/62: the two-digit year of a meeting's or a document's number (finder.py checks
    # the word before the number); the year alone is the mention, as for `ครั้งที่ 1/2563`
    ("docyy", rf"[4-9๔-๙](?<=[0-9๐-๙]/[4-9๔-๙]){DIGIT}(?!{DIGIT}|[/.\-]{DIGIT})"),
    # มกราคม 12, 2021: a CMS's English date order with a Thai month name (WordPress `F j, Y`,
    # seen on a real download page); the comma is required
    ("mdy", rf"(?P<mdy_m>{MONTH})\s?{_day('mdy_d')}\s?,\s?(?:(?P<mdy_era>{ERA})\s*)?"
            rf"(?P<mdy_y>{DIGIT}{{4}})(?!{DIGIT})"),
    # March 16, 2023, Mar 16 2023: English month-day-year (a four-digit year is required);
    # January 11-18, 2023: days of one month
    # November 30 (to December 1, 2022): without a year only as a range's left end
    ("emdy", rf"(?=[A-Za-z])(?<![A-Za-z])(?P<emdy_m>{EN_MONTH})\.?\s?"
             rf"{_day('emdy_d')}(?:st|nd|rd|th)?(?:{_CONNECT}{_day('emdy_d2')}(?:st|nd|rd|th)?)?"
             rf"(?:,?\s?(?:{EN_ERA}\s?)?(?P<emdy_y>{DIGIT}{{4}})(?!{DIGIT}))?"),
    # June 2019, April, 2011: an English month with its year (a capital first letter, so that
    # the verb `may` is not a month)
    # `Dec-21` (a listed company's note on the SEC's search pages: dev): a hyphen and a two-digit
    # year, read as for `31-Mar-18`
    # `October-December 2023`, `January to September 2023`, `between January and March 2024`:
    # a yearless English month only before a range's connector and another English month
    # (the left end; finder.py joins it to the right end's year or drops it)
    # `the January-March quarter of 2024` (Reuters' wording of NESDC's figures, editorstime.com:
    # dev): a quarter named by its months (finder.py wants three months)
    ("emq", rf"(?=[A-Z])(?<![A-Za-z])(?P<emq_a>{EN_MONTH})\s?[-–]\s?(?P<emq_b>{EN_MONTH})"
            rf"\s+(?i:quarter)\s+(?i:of)\s+(?P<emq_y>{DIGIT}{{4}})(?!{DIGIT})"),
    ("emy", rf"(?=[A-Z])(?<![A-Za-z])(?P<emy_m>{EN_MONTH})(?:\.?,?\s?(?:{EN_ERA}\s?)?"
            rf"(?P<emy_y>{DIGIT}{{4}})(?!{DIGIT})|-(?P<emy_yy>{DIGIT}{{2}})(?![0-9๐-๙A-Za-z]|-{DIGIT})"
            rf"|\.?(?=\s?[-–—]\s?{EN_MONTH}|\s+(?:to|through|until|till|and)\s+{EN_MONTH}))"),
    # ต.ค. 68, ตุลาคม 2568, ต.ค. (no year: joins a range or is dropped)
    ("mon", rf"(?P<mon_m>{MONTH}){_year_tail('mon')}?"),
    # the 2023 fiscal year, its 2024 budget year: a year before the English words (news in
    # English about Thai agencies' budgets, tests/data/dates_realworld.yaml dev)
    # (`its 2024 fiscal budget`, a headline's `budget for 2024 fiscal`: Bangkok Post)
    # `the 2024 budget`, `releases ... from 2024 budget` (news on a Thai government's budget,
    # dev pages: a budget's year is a fiscal year, as in Thai)
    ("yfy", rf"(?P<yfy_y>{DIGIT}(?<!{DIGIT}{DIGIT}){DIGIT}{{3}})(?!{DIGIT})"
            # (`the 2024 Expenditure Budget Act draft`, a news page on the budget: dev)
            rf"\s(?:(?i:fiscal)(?:\s(?i:year|budget))?|(?:(?i:expenditure)\s)?(?i:budget)"
            rf"(?:\s(?i:year))?)(?![A-Za-z])"),
    # the first quarter of 2024, the 4th quarter of 2023: English news on the economy and the
    # budget (calendar quarters; `of fiscal 2024` names the fiscal one, finder.py); `the final
    # quarter of 2023` (a real news page) and `the last quarter of 2023` are the fourth
    ("eqtrd", _en_quarter("eqtrd", r"[1-4](?<![A-Za-z0-9][1-4])(?:st|nd|rd|th)")),
    ("eqtrl", _en_quarter("eqtrl", r"(?<![A-Za-z])(?i:first|second|third|fourth|final|last)")),
    # `the first half of 2024` (English news on listed companies' results, bangkokone.news: dev):
    # a calendar half, or the fiscal year's with `fiscal`, as for quarters (finder.py)
    ("enmon", rf"(?<![A-Za-z])(?:(?i:first)\s+(?P<enmon_n>1[01]|[1-9](?![0-9])|(?i:{'|'.join(_EN_COUNTS)}))"
              rf"\s+(?i:months)|(?P<enmon_half>[Ff]irst|[Ss]econd|FIRST|SECOND)\s+(?i:half))\s+(?:(?i:of)\s+)?"
              rf"(?:(?i:the)\s+(?=(?i:fiscal)))?(?P<enmon_fy>(?i:fiscal)\s+(?:(?i:year)\s+)?)?"
              rf"(?P<enmon_y>{DIGIT}{{4}})(?!{DIGIT})"),
    # 2569, พ.ศ. 2569, ปี 69, ปี พ.ศ. 2566-2570, ค.ศ. 2026
    # วันรักต้นไม้ของชาติ’61: a headline's two-digit year after an apostrophe, glued to a Thai word
    ("apos", rf"(?<=[ก-์])[’'](?P<apos_y>{YEAR2})"),
    # `(ร.ศ. 114)`, `ร.ศ. 130`: a Rattanakosin year alone (a school's history on a Wikipedia diff
    # page: dev); an alternative of its own, so that only text starting `ร.` tries it
    ("rsy", rf"{ERA_RS}\s?(?P<rsy_y>{_RS_YEAR})"),
    # `ปี’ 49` (an apostrophe after ปี, a real news headline) is `ปี 49`
    ("yr", rf"(?:(?P<yr_pi>ปี)\s*(?:[’']\s*)?)?(?:(?P<yr_era>{ERA})\s*)?"
           rf"(?P<yr_y>{SPLIT_YEAR}|{DIGIT}(?<!{DIGIT}{DIGIT})(?:{DIGIT}{{3}}|{DIGIT}))(?!{DIGIT})"
           rf"(?:{_CONNECT}(?:{ERA}\s*)?(?P<yr_y2>{DIGIT}{{4}}|{DIGIT}{{2}})(?!{DIGIT})"
           # `ปีการศึกษา 2566/2567`, `2023/2024`: a year and the next joined by a slash
           # (finder.py checks that they follow each other); a crop season's `ฤดูการผลิตปี
           # 2567/68`, `ปี 67/68` (news on the sugar cane board, tna.mcot.net: dev)
           rf"|(?P<yr_slash>/)(?P<yr_y3>{DIGIT}{{4}}|{DIGIT}{{2}})(?![0-9๐-๙/]))?"),
)

# Words other than month names that an alternative can start with, as (first letter, what
# follows it): ไต(รมาส), ค(รึ่ง), รอบ, ร.ศ., รศ., ปี, ป(ี) ง(บประมาณ) as PDF extraction leaves it,
# งบประมาณ and งี บ, the era markers พ.ศ., พศ., พุทธ(ศักราช), ค.ศ., คริ(สต์ศักราช), and ต้น(ปีงบ).
_THAI_WORD_STARTS = (("ไ", "ต"), ("ร", "อบ"), ("ร", r"\."), ("ร", r"ศ\."), ("ป", "ี"),
                     ("ป", r"\s?ง"), ("ง", r"ี?\s?บ"), ("พ", r"\."), ("พ", r"ศ\."), ("พ", "ุทธ"),
                     ("ค", r"\."), ("ค", "ริ"), ("ค", "รึ่ง"), ("ต", "้น"))


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
# of the English era markers, Q of Q4 2560, T and L of Third or Last quarter of 2024, the English month
# names' first letters; the look-behind keeps Latin text from trying every alternative at each
# letter). The look-ahead lets the engine reject most positions without trying every
# alternative; a test checks it against the unfiltered pattern.
FIRST_CHARS = (f"(?:[0-9๐-๙’']|{_thai_starts()}"
               "|(?<![A-Za-z])[ABCDFJLMNOQSTabdfjlmnost])")

UNFILTERED = "|".join(f"(?P<{name}>{body})" for name, body in ALTERNATIVES)

# What each alternative can start with: a digit, a Thai letter (or an apostrophe), a Latin
# letter; `fy` and `yr` start with more than one kind.
_STARTS = {"fys": "T", "qtr": "T", "qtrq": "L", "qtrn": "D", "qtre": "L", "nmon": "D", "hlfn": "D", "half": "T", "half6": "D", "nfirst": "D", "halfc": "T", "fy": "TL", "dspan": "D",
           "day": "D", "eday": "D", "num": "D", "iso": "D", "docyy": "D", "mdy": "T",
           "emdy": "L", "emq": "L", "emy": "L", "mon": "T", "apos": "T", "yfy": "D", "eqtrd": "D", "eqtrl": "L", "enmon": "L",
           "rsy": "T", "yr": "DTL"}
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
# ("Ranges" in thai-dates.md).
CONNECTOR = re.compile(rf"\s*(?:[-–—~]|(?:จน)?ถึง)\s*(?:วันที่|เดือน)?\s*"
                       rf"(?:{WEEKDAY_IN_BRACKETS}|{WEEKDAY_DOTTED})?")
