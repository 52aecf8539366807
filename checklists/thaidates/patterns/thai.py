"""The date alternatives written with Thai words: quarters, six-month rounds, halves and the
first months of a year, fiscal years (also `FY`, `fiscal` in English: one alternative), days and
day spans (also of English months: one alternative, see the package), months, years with ปี or an
era marker."""

from __future__ import annotations

from checklists.thaidates.lexicon import (
    DIGIT,
    EN_ERA,
    EN_MONTH,
    ERA,
    MONTH,
    SPLIT_YEAR,
    THI,
    THUENG,
    YEAR,
    YEAR2,
    pdf_split,
)
from checklists.thaidates.patterns.common import (
    BUDGET_YEAR_WORD,
    DAY_CONNECT,
    DUEAN,
    EN_FISCAL_WORD,
    EN_WEEKDAY,
    FISCAL_WORD,
    PERIOD_GAP,
    PRACHAM,
    SPACED_ABBR,
    SPAN_DASH,
    day_number,
    quarter_pattern,
    year_tail,
)

# A quarter named by an ordinal word: `ไตรมาสแรกของปี 2568`, `ไตรมาสที่สี่ของปี 2567` (NESDC's
# figures in a news post, pptvhd36.com: dev), `ไตรมาสที่สองของปีงบประมาณ`, `ไตรมาสสุดท้าย` (the
# fourth, as `the final quarter`); finder.py reads the word as its number.
THAI_QUARTER_ORDINALS = {"แรก": 1, "หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "สุดท้าย": 4}
_THAI_ORDINAL = "|".join(sorted(THAI_QUARTER_ORDINALS, key=len, reverse=True))

ALTERNATIVES: tuple[tuple[str, str], ...] = (
    # ต้นปีงบประมาณ (- 31 มี.ค. 66): "the start of the fiscal year" in words (issue 16), the
    # left end of a range; with a year it is 1 October before that fiscal year
    # (`ตน้ ปงี บประมาณ` as PDF extraction splits it, lexicon.pdf_split)
    ("fys", rf"{pdf_split('ต้น')}\s?{pdf_split('ปีงบ')}(?:\s?ประม[าำ]ณ|ฯ)?"
            rf"(?:\s*(?:(?P<fys_era>{ERA})\s*)?(?P<fys_y>{YEAR}))?"),
    # ไตรมาส 2 ปีงบประมาณ 2569, ไตรมาสที่ 1-2/2569; `ไตรมำส` with sara am for sara aa (a PDF
    # font's, as in FISCAL_WORD); `ไตรมาศ`, ศ typed for ส (offices' apps and notes in the code
    # search corpus: `เซ็นสัญญาภายในไตรมาศที่ 1 (ตุลาคม-ธันวาคม)`, `สรุปรายไตรมาศ`, `Asset Plan
    # ไตรมาศ 2`: nine files of ten that have the word)
    ("qtr", quarter_pattern("qtr", rf"ไตรม[าำ][สศ](?:{THI})?\s*", rf"ไตรม[าำ][สศ](?:{THI})?\s*",
                            _THAI_ORDINAL)),
    # รอบ 6 เดือน (ปีงบประมาณ 2569), รอบ 12 เดือน ประจำปีงบประมาณ พ.ศ. 2568
    # `รอบ 3 เดือน (ต.ค.-ธ.ค.)`, `รอบ 9 เดือน (ต.ค.-มิ.ย.)`: the rounds of offices' KPI
    # reporting systems (a series 3/6/9/12 months into the fiscal year, GitHub files: dev);
    # finder.py reads 3 and 9 only with a fiscal-year word before the year
    ("half", rf"รอบ\s*(?P<half_n>[369]|[๓๖๙]|12|๑๒)\s*{DUEAN}\s*(?P<half_part>แรก|หลัง)?"
             rf"(?P<half_gap>{PERIOD_GAP})(?:(?P<half_era>{ERA})\s*)?(?P<half_y>{YEAR})"),
    # 6 เดือนแรก ปีงบประมาณ 2568: without `รอบ` only with แรก/หลัง and a fiscal-year word, since
    # `ระยะเวลา 6 เดือน ปีงบประมาณ 2569` is a duration, not a round
    # The ITA manuals also write `6 เดือนแรกของปี พ.ศ. 2566` for the first half of that fiscal
    # year: a bare `ปี` is accepted only with an era marker after it.
    ("half6", rf"(?P<half6_n>6|๖)(?<![0-9๐-๙.][6๖])\s*{DUEAN}\s*(?P<half6_part>แรก|หลัง)"
              rf"[\s(]*(?:ของ\s*)?(?:{PRACHAM})?\s*(?:{FISCAL_WORD}|ปี(?=\s*{ERA}))\s*"
              rf"(?:(?P<half6_era>{ERA})\s*)?(?P<half6_y>{YEAR})"),
    # `6 เดือนแรกของปี 2567`, `4 เดือนแรกปี 2567` (tourism figures in the news, `ช่วง 6 เดือนแรกของ
    # ปี 2567 ตั้งแต่วันที่ 1 มกราคม 2567-30 มิถุนายน 2567`: thansettakij.com, dev): the first N
    # months of a calendar year (six, with no news's cue near, an agency's six-month round);
    # with a fiscal-year word, of the fiscal year (finder.py `_read_nfirst`). Tried
    # after half6, which keeps `6 เดือนแรกของปีงบประมาณ` and the ITA manuals' `6 เดือนแรกของปี พ.ศ.`
    # as the fiscal year's six-month round.
    ("nfirst", rf"(?<![0-9๐-๙.,])(?P<nfirst_n>1[01]|[2-9]|๑[๐๑]|[๒-๙])\s*{DUEAN}\s*แรก\s*(?:ของ\s*)?"
               rf"(?:(?P<nfirst_fy>{FISCAL_WORD})|ปี)\s*(?:(?P<nfirst_era>{ERA})\s*)?(?P<nfirst_y>{YEAR})"),
    # ครึ่งปีแรก 2567, ครึ่งแรกของปี 2566: a half of a year (a listed company's results in a
    # news post, `ผลประกอบการครึ่งปีแรก 2567 ... ครึ่งแรกของปี 2566`: animal18.site, dev); ปี is
    # required before or after แรก/หลัง (`ครึ่งแรก` alone may be a match's half); with a
    # fiscal-year word the half is the fiscal year's (finder.py). `ครึ่งปีงบประมาณ 2558` with no
    # แรก/หลัง (a data table's title, `การจัดเก็บภาษีบำรุงท้องที่ ครึ่งปีงบประมาณ 2558`: a GitHub
    # file, dev) is the fiscal year's six-month round, as `รอบ 6 เดือน` with no part word is
    ("halfc", rf"ครึ่ง(?:(?P<halfc_pi>\s?ปี)?\s?(?P<halfc_part>แรก|หลัง)[\s(]*(?:ของ\s*)?"
              rf"(?:(?P<halfc_fy>{FISCAL_WORD})|(?P<halfc_pi2>ปี))?|\s?(?P<halfc_fy0>{FISCAL_WORD}))"
              rf"\s*(?:(?P<halfc_era>{ERA})\s*)?(?P<halfc_y>{YEAR})"),
    # ปีงบประมาณ 2569, ปีงบฯ 69, ปีงบประมาณ พ.ศ. 2566 - 2570 (or `ถึง 2570`, as `ปี 2553 ถึง 2557`
    # is a span of years; only before a year's four digits, a year word or an era marker); a
    # budget's year is a fiscal year:
    # งบประมาณปี 2569, (การใช้จ่าย)งบประมาณประจำปี 2568 ("Fiscal year" in thai-dates.md)
    # `budget disbursement in FY24` (the SEC's search pages: dev): a two-digit year under 40
    # after FY is C.E., as in `1Q23` (finder.py; from 40 on YEAR reads it as B.E.)
    # `กางงบปี ’68` (a headline, matichonweekly.com: dev): an apostrophe before a two-digit year
    # `ปีงบประมาณ พ.ศ.ITA2564` (an MOIT menu's run-in link text, nysso.nyh.moph.go.th: dev sample
    # s0952): a label glued before the year leaves the fiscal year (the dates34 round's convention)
    # `ปีงบประมาณ (2567 - 2569)`, `รวมทุกปีงบประมาณ (2568-2569)`, `ปีงบประมาณหน้า (2571)` (offices'
    # dashboards and forms in GitHub files: dev): the year in brackets right after the word, four
    # digits only (`ปีงบประมาณ (1 ต.ค. 66 - ...)` opens a span); `หน้า`/`ถัดไป` (next) only before
    # such a bracket (here, not after the fiscal word in the first group: an optional word
    # there made find_dates 10% slower, A/B); `ปีงบประมาณหน้า 2571`, `งบประมาณปีหน้า 2568`
    # (next year's budget: dates37's shapes known to fail on dev text, read as a page
    # number) glued to the word and before a four-digit year only: after a space
    # `ปีงบประมาณ หน้า 12` is a page number
    # `ปีงบประมาณ : 2567` (a strategy app's dialog title, a production report's head),
    # `ปีงบประมาณ: 2569` (a lab's equipment report, a nursing dashboard), `"ปีงบประมาณ": "2569"`
    # (the Comptroller General's open procurement records as JSON; GitHub files, dev, the dates44
    # round: calendar years before): a label's colon (and a key's quotes) between the word and a
    # four-digit year; `Fiscal Year: 2026` so too
    ("fy", rf"(?:{FISCAL_WORD}|{BUDGET_YEAR_WORD}|{EN_FISCAL_WORD})\s*"
           rf"(?:[’']\s*|(?:หน้า|ถัดไป)?\s*\((?=\s*(?:{ERA}\s*)?{DIGIT}{{4}}(?!{DIGIT}))\s*"
           rf"|[\"”]?\s*[:：]\s*[\"“]?(?=(?:{ERA}\s*)?{DIGIT}{{4}}(?!{DIGIT}))"
           rf"|(?<=[ณนฯบ.ี])(?:หน้า|ถัดไป)(?=\s*(?:{ERA}\s*)?{DIGIT}{{4}}(?!{DIGIT}))\s*)?"
           rf"(?:(?P<fy_era>{ERA})\s*)?(?:ITA\s?)?"
           rf"(?P<fy_y>{YEAR}|(?:(?<=FY)|(?<=FY[\s\-]))[0-3๐-๓]{DIGIT}(?![0-9๐-๙A-Za-z]))"
           rf"(?:(?:{SPAN_DASH}|\s*(?:จน)?{THUENG}\s*(?=ปี|{ERA}|{DIGIT}{{4}}))(?:{FISCAL_WORD}\s*)?"
           rf"(?:{ERA}\s*)?(?P<fy_y2>{YEAR}))?"),
    # 1 - 15 ต.ค. 68 (days of one month); 27-28 April 2019, 7–8 August 2025 in English (one
    # alternative for both, so that a digit tries the day-and-connector start only once)
    # From 18 to 21 September 2024: a word joins the days after `from`/`between` (finder.py
    # checks the opener)
    # `16-18th January 2016`, `16th - 18th January` (English event pages: thailanddiscovery.info,
    # dev): an ordinal's letters after an English day; `the 27th and 28th of August, 2022` (a
    # report's conclusions and a course page's deadlines in GitHub files: dev): `of` after it;
    # `from the 5th to the 8th of September 2024` (a wire item in a GitHub file: dev): `the`;
    # `From Monday 5 to Friday 9 May 2025`: a weekday after the word too (as after a dash)
    ("dspan", rf"{day_number('dspan_a')}(?:st|nd|rd|th)?"
              rf"(?:{DAY_CONNECT}|(?P<dspan_w>\s+(?:to|until|through|thru|and)\s+(?:the\s+)?{EN_WEEKDAY}?))"
              rf"{day_number('dspan_b')}(?:\s*(?:{DUEAN}\s*)?"
              rf"(?P<dspan_m>{MONTH}){year_tail('dspan')}|(?:st|nd|rd|th)?(?:\s+of)?(?=\s?[A-Za-z])\s?"
              rf"(?P<dspan_em>{EN_MONTH})\.?,?\s?(?:{EN_ERA}\s?)?(?P<dspan_ey>{DIGIT}{{4}})"
              rf"(?!{DIGIT}))"),
    # 1 ต.ค. 68, วันที่ 1 เดือน ตุลาคม พ.ศ. 2568, 1 ต.ค. (no year: joins a range or is dropped)
    # `รอบ 6 เดือน ตุลาคม 2568 - ...` is a round followed by a month, not the 6th of October:
    # no day number right after `รอบ`
    # `วันที่ 07 / ต.ค. / 2565`: a form's date field with slashes around a Thai month (a real
    # municipal page; finder.py wants the second slash before the year)
    # `12 ม ค 67`: an abbreviation whose dots are lost, its letters apart (the session's lead,
    # #16 part 3; no stored page with it was found): only between a day and a year's digits
    # `21-ต.ค.-67`, `9-ต.ค.-2569`: Excel's Thai `d-mmm-yy` in tables copied from spreadsheets (a
    # hospital's list of awards, dates_realworld.yaml dev); finder.py wants the year's hyphen too
    # (it reads the character after the day: a group of its own measured no faster)
    # `21 ของเดือนพฤศจิกายน พ.ศ.2564` (a contest's page in a GitHub file: dev): ของ before เดือน
    ("day", rf"(?<!รอบ)(?<!รอบ ){day_number('day_d', glued=True)}"
            rf"(?:\s*(?:(?:ของ\s?)?{DUEAN}\s*)?|\s?(?P<day_slash>/)\s?|-)"
            rf"(?P<day_m>{MONTH}|{SPACED_ABBR})"
            rf"{year_tail('day')}?"),
    # มกราคม 12, 2021: a CMS's English date order with a Thai month name (WordPress `F j, Y`,
    # seen on a real download page); the comma is required
    ("mdy", rf"(?P<mdy_m>{MONTH})\s?{day_number('mdy_d')}\s?,\s?(?:(?P<mdy_era>{ERA})\s*)?"
            rf"(?P<mdy_y>{DIGIT}{{4}})(?!{DIGIT})"),
    # ต.ค. 68, ตุลาคม 2568, ต.ค. (no year: joins a range or is dropped)
    ("mon", rf"(?P<mon_m>{MONTH}){year_tail('mon')}?"),
    # วันรักต้นไม้ของชาติ’61: a headline's two-digit year after an apostrophe, glued to a Thai word
    ("apos", rf"(?<=[ก-์])[’'](?P<apos_y>{YEAR2})"),
    # 2569, พ.ศ. 2569, ปี 69, ปี พ.ศ. 2566-2570, ค.ศ. 2026
    # `ปี’ 49` (an apostrophe after ปี, a real news headline) is `ปี 49`
    # `(ร.ศ. 114)`, `ร.ศ. 130`: a Rattanakosin year alone (a school's history on a Wikipedia diff
    # page: dev): three digits only right after `ศ.` (tested only once a third digit is there)
    # `ปีหน้า 2568`, `ปีถัดไป 2568` (next year, then its number: dates37's shapes known to
    # fail on dev text, read as a page number) before a four-digit year only
    ("yr", rf"(?:(?P<yr_pi>ปี)(?:(?:หน้า|ถัดไป)(?=\s*(?:{ERA}\s*)?{DIGIT}{{4}}(?!{DIGIT})))?\s*"
           rf"(?:[’']\s*)?)?(?:(?P<yr_era>{ERA})\s*)?"
           # four digits start with 1 or 2: no year the finder reads is outside 1700-2600
           # (lexicon.year_to_ce), so `3456` of a phone number is no match at all
           rf"(?P<yr_y>{SPLIT_YEAR}|{DIGIT}(?<!{DIGIT}{DIGIT})(?:(?<=[12๑๒]){DIGIT}{{3}}|{DIGIT}"
           rf"(?:{DIGIT}(?:(?<=ศ\.{DIGIT}{{3}})|(?<=ศ\.\s{DIGIT}{{3}})))?"
           # two digits are a year only after ปี, an era marker or ปีการศึกษา (finder.py's rule,
           # tested here so that the many bare two-digit numbers of prose are no match at all)
           rf"(?(yr_pi)|(?(yr_era)|(?:(?<=ปีการศึกษา{DIGIT}{DIGIT})|(?<=ปีการศึกษา\s{DIGIT}{DIGIT}))))"
           rf"))(?!{DIGIT})"
           rf"(?:{SPAN_DASH}(?:{ERA}\s*)?(?P<yr_y2>{DIGIT}{{4}}|{DIGIT}{{2}})(?!{DIGIT})"
           # `ปีการศึกษา 2566/2567`, `2023/2024`: a year and the next joined by a slash
           # (finder.py checks that they follow each other); a crop season's `ฤดูการผลิตปี
           # 2567/68`, `ปี 67/68` (news on the sugar cane board, tna.mcot.net: dev)
           rf"|(?P<yr_slash>/)(?P<yr_y3>{DIGIT}{{4}}|{DIGIT}{{2}})(?![0-9๐-๙/]))?"),
)
