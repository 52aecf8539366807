"""The date alternatives written with English words: CMS dates (`25 April 2023`, `March 16,
2023`), months with their year, quarters, halves and first months of a year, a year before
`fiscal` or `budget`."""

from __future__ import annotations

from checklists.thaidates.lexicon import (
    DE_MONTH,
    DE_MONTH_BEFORE_YEAR,
    DIGIT,
    EN_ERA,
    EN_MONTH,
    GLUED_EN_MONTH,
)
from checklists.thaidates.patterns.common import SPAN_DASH, day_number


def _en_quarter(prefix: str, ordinal: str, unit: str = "quarter") -> str:
    """`the first quarter of 2024`, `4th quarter of 2023`, `third quarter of fiscal 2024`; a
    line may break inside (`the first quarter of\\n           2021`, a PDF's text on a
    document site: NESDC's social outlook, readkong.com, dev). ``unit``: the words after the
    ordinal (`half` too after a digit: `in the 2nd half of 2023`, finder.py)."""
    return (rf"(?P<{prefix}_n>{ordinal})\s+(?i:{unit})\s+(?:(?i:of)\s+)?"
            rf"(?:(?i:the)\s+(?=(?i:fiscal)))?(?P<{prefix}_fy>(?i:fiscal)\s+(?:(?i:year)\s+)?)?(?P<{prefix}_y>{DIGIT}{{4}})(?!{DIGIT})")


# `the first 4 months of fiscal 2023`, `the first four months of fiscal 2023` (English news on
# the Thai budget, pattayamail.com: dev): the months from the start of a fiscal year, or of a
# calendar year without `fiscal` (as `6M-2022`)
_DE_MONTH_BEFORE_YEAR = rf"(?:{DE_MONTH_BEFORE_YEAR})(?=\s?{DIGIT}{{4}}(?!{DIGIT}))"
EN_COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
EN_MONTH_COUNT = {word: n for n, word in enumerate(EN_COUNTS, start=2)}

ALTERNATIVES: tuple[tuple[str, str], ...] = (
    # 25 April 2023, 23 August 2023: an English CMS date (a four-digit year is required)
    # the 28th of February, 2023: an ordinal day with `of` (a real news page); `dated 14 th
    # February B.E. 2547`, `Given on the 13 th Day of January B.E. 2547` (a law's translation as
    # a PDF copy prints it, with the B.E. marker)
    # `1 January` without a year: only as a range's left end (`1 January - 30 December 2024`)
    # `Post on 18-Jan-2017` (a document site's stamp, dev): hyphens on both sides of the month
    # `8 März 2021`, `1. Dezember 2016`, `28.Mai 2021`, `21. September 2020` (a Thai consulate's
    # German pages, German news on Thai agencies: dev): a German month after the day, which may
    # end in a dot (an English month after a dot stays unread here), and its four-digit year;
    # a French one so (`mise à jour le 15 février 2022`, the Paris embassy's page: dev; `1er`).
    # A branch of this alternative without groups of its own (finder.py reads it again): an
    # alternative of its own cost the scan about 4 %, named groups here about 3 %.
    ("eday", rf"{day_number('eday_d', clock=True)}(?:\s?(?:st|nd|rd|th)(?:\s+(?:[Dd]ay\s+)?of)?(?=\s))?"
             # `Saturday 31st  December 2022` (a holiday list's English names in a GitHub
             # file: dev): two spaces before the month; `on 26,September to 28,October 2022` (a
             # hospital school's notice in a GitHub file: dev): a comma glued to both, no space
             rf"(?:(?=(?:\s\s?|-|,)?[A-Za-z])(?:\s\s?|(?P<eday_h>-)|,)?"
             rf"(?P<eday_m>{EN_MONTH})(?:(?(eday_h)-|\.?,?\s?)(?:{EN_ERA}\s?)?"
             # `31-Mar-18` (a listed company's ratio table, the SEC's pages: dev): between
             # hyphens a two-digit year too
             rf"(?P<eday_y>{DIGIT}{{4}}(?!{DIGIT})|(?(eday_h){DIGIT}{{2}}(?![0-9๐-๙A-Za-z])|(?!))))?"
             rf"|(?:er)?(?:\.\s?|\s)(?:{DE_MONTH})\s?{DIGIT}{{4}}(?!{DIGIT}))"),
    # March 16, 2023, Mar 16 2023: English month-day-year (a four-digit year is required);
    # January 11-18, 2023: days of one month
    # November 30 (to December 1, 2022): without a year only as a range's left end
    # `May 26th and 27th, 2018`, `May 23rd and 24th, 2018` (a government news agency's English
    # digest, thainews.prd.go.th: dev): two days in a row joined by `and` or `&`, one span as
    # `between 5 and 6 May 2024` is (finder.py takes `and` only between consecutive days; a named
    # group around `and` made the whole scan about 2 % slower, so finder.py reads the gap instead)
    # `From November 20 to 24, 2023` (an English copy of the foreign ministry's weekly briefing,
    # electriccitymagazine.ca: dev): `to`, `through`, `until` or `till` joins two days of one
    # month when the year follows the second day (without it `November 30` waits for a range's
    # right end, as before: `November 30 to December 1, 2022`)
    # `from April 28 to August 18 in 1958` (a navy memoirs index in a GitHub file: dev): the
    # year after `in`, as after a comma
    # `Modified:\tOct-23-2001`, `Created:\tOct-01-1996` (a mesh library's file histories in
    # GitHub files: dev, the dates39 round): hyphens around a two-digit day before a four-digit
    # year (the year's hyphen only right after such a day)
    # `ByadminDecember 19, 2023` (a blog card's byline in a GitHub file: dev, the dates41 round),
    # an education portal's `tui sakrapeeDecember 13, 2025`: a page's text run together from a
    # byline's author and its date; a month glued after a small letter is read only as a whole
    # name with its day, a comma and a four-digit year (`VoteAdminJanuary30`,
    # `AdminDecemberPage`, `adminmarchingband` are names)
    ("emdy", rf"(?=[A-Za-z])(?:(?<![A-Za-z])|(?<=[a-z])(?={GLUED_EN_MONTH}\s{DIGIT}{{1,2}},\s?{DIGIT}{{4}}(?!{DIGIT})))"
             rf"(?P<emdy_m>{EN_MONTH})(?:\.?\s?|-(?=[0-9]{{2}}-[0-9]{{4}}(?![0-9])))"
             rf"{day_number('emdy_d')}(?:st|nd|rd|th)?(?:(?:{SPAN_DASH}|\s+(?:and|&)\s+"
             rf"|\s+(?:to|through|thru|until|till)\s+(?={DIGIT}{{1,2}}(?:st|nd|rd|th)?,?\s?"
             rf"(?:{EN_ERA}\s?)?{DIGIT}{{4}}(?!{DIGIT})))"
             rf"{day_number('emdy_d2')}(?:st|nd|rd|th)?)?"
             rf"(?:(?:,?\s?|\s+in\s+|(?<=[A-Za-z]-[0-9]{{2}})-)(?:{EN_ERA}\s?)?(?P<emdy_y>{DIGIT}{{4}})(?!{DIGIT}))?"),
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
    # `Januar 2006` (a German embassy newsletter's date line on a document site, yumpu.com: dev):
    # a German month name before its four-digit year (`Mai` stays out: `Chiang Mai 2024`)
    # `Sep'11`, `Jan ’24`: an apostrophe before a two-digit year, as after a hyphen (`Jul-Sep'11`,
    # an English quarter's months: dates37's shapes known to fail on dev text; `Nov'22-Sep'23`,
    # `Jan-Mar'21`, `Aug-Sep'25` in GitHub files: dev), or a four-digit one (`Apr'2015 -Sep'2017`,
    # a project's duration in a GitHub file: dev)
    # `'Sep-2023', 'Oct-2023'` (a chart's month labels), `{"month": "OCT-2023"` (a salary
    # breakdown: GitHub files, dev): a hyphen before a four-digit year too
    # `kai, sep'13`, `kai/benjamin, apr'10`, `time1(sep'12)` (the author's initials and the
    # month of a note in GitHub files: dev, the dates38 round): a lowercase month only before an
    # apostrophe and two digits, at a word's start (`__nwdynam_sep'1` is a name)
    ("emy", rf"(?:(?=[A-Z])|(?<![A-Za-z_])(?=[a-z]{{3,4}}[’'][0-9]{{2}}(?![0-9])))(?<![A-Za-z])(?P<emy_m>{EN_MONTH}|{_DE_MONTH_BEFORE_YEAR})(?:(?:\.?,?\s?|-|[’'])(?:{EN_ERA}\s?)?"
            rf"(?P<emy_y>{DIGIT}{{4}})(?!{DIGIT})|(?:-|\s?[’'])(?P<emy_yy>{DIGIT}{{2}})(?![0-9๐-๙A-Za-z]|-{DIGIT})"
            rf"|\.?(?=\s?[-–—]\s?{EN_MONTH}|\s+(?:to|through|thru|until|till|and)\s+{EN_MONTH}))"),
    # the 2023 fiscal year, its 2024 budget year: a year before the English words (news in
    # English about Thai agencies' budgets, tests/data/dates_realworld.yaml dev)
    # (`its 2024 fiscal budget`, a headline's `budget for 2024 fiscal`: Bangkok Post)
    # `the 2024 budget`, `releases ... from 2024 budget` (news on a Thai government's budget,
    # dev pages: a budget's year is a fiscal year, as in Thai)
    ("yfy", rf"(?P<yfy_y>{DIGIT}(?<!{DIGIT}{DIGIT}){DIGIT}{{3}})(?!{DIGIT})"
            # (`the 2024 Expenditure Budget Act draft`, a news page on the budget: dev)
            # (`The 2025 spending plan projects inflation ...`, news on the 2025 budget,
            # bangkokpost.com: dev)
            # (`after the 2024 Expenditure Act cannot come into effect on 1 Oct.`, news on the
            # budget act, indonesianewsgazette.com: dev sample s1668): the budget act's year
            rf"\s(?:(?i:fiscal)(?:\s(?i:year|budget))?|(?:(?i:expenditure)\s)?(?i:budget)"
            rf"(?:\s(?i:year))?|(?i:spending\splan)|(?i:expenditure)(?=\s(?:Act|Bill)(?![A-Za-z])))"
            rf"(?![A-Za-z])"),
    # the first quarter of 2024, the 4th quarter of 2023: English news on the economy and the
    # budget (calendar quarters; `of fiscal 2024` names the fiscal one, finder.py); `the final
    # quarter of 2023` (a real news page) and `the last quarter of 2023` are the fourth
    # `the 2nd half of 2023`, `Since the 2nd half of 2023` (a kit's release note, a standards
    # committee's README: GitHub files, dev): a calendar half, as `the second half of 2023`
    ("eqtrd", _en_quarter("eqtrd", r"[1-4](?<![A-Za-z0-9][1-4])(?:st|nd|rd|th)", "quarter|half")),
    ("eqtrl", _en_quarter("eqtrl", r"(?<![A-Za-z])(?i:first|second|third|fourth|final|last)")),
    # `the first half of 2024` (English news on listed companies' results, bangkokone.news: dev):
    # a calendar half, or the fiscal year's with `fiscal`, as for quarters (finder.py)
    ("enmon", rf"(?<![A-Za-z])(?:(?i:first)\s+(?P<enmon_n>1[01]|[1-9](?![0-9])|(?i:{'|'.join(EN_COUNTS)}))"
              rf"\s+(?i:months)|(?P<enmon_half>[Ff]irst|[Ss]econd|FIRST|SECOND)\s+(?i:half))\s+(?:(?i:of)\s+)?"
              rf"(?:(?i:the)\s+(?=(?i:fiscal)))?(?P<enmon_fy>(?i:fiscal)\s+(?:(?i:year)\s+)?)?"
              rf"(?P<enmon_y>{DIGIT}{{4}})(?!{DIGIT})"),
)
