"""Fragments every family of date alternatives uses: fiscal-year words, day numbers, the year
after a month, weekday abbreviations, connectors, the quarter builder (see the package's
docstring)."""

from __future__ import annotations

from checklists.thaidates.lexicon import (
    COMBINING,
    DIGIT,
    ERA,
    MONTH,
    MONTH_ABBR,
    THUENG,
    WAN_THI,
    YEAR,
    pdf_split,
)

# `เดือน` as spelt or as PDF extraction splits it (`ตั้งแต่เดอื นตลุ าคม 2563`, a flip-book
# page: dev), between a day and its month, after a round's or a span's number of months
DUEAN = pdf_split("เดือน")

# Characters that must not touch a day number on its left: another digit (a longer number),
# a dot (`สขร.1 ต.ค. 68` is form no. 1, not the 1st), a slash, or a Latin letter (`O23`).
_BEFORE_DAY = "[0-9๐-๙./A-Za-z:]"

# "Fiscal year (ปีงบประมาณ)" in thai-dates.md: `ปีงบประมาณ 2566`, `ปีงบฯ 66`,
# `ประจำปีงบประมาณ พ.ศ. 2566`; `ปีงปม.` is a further abbreviation seen on office pages. Text
# extracted from PDFs splits the word or loses sara i (`ประจาปี งบประมาณ`, `ประจําปง บประมาณ`,
# `ประจำปงบประมาณ`, sara ii moved one letter on: `ปงี บประมาณ`; real pages in
# tests/data/dates_realworld.yaml). A PDF font that prints sara aa as sara am (`ประจ ำปีงบประมำณ
# พ.ศ. 2561`, a district office's letter pasted from a PDF, dev) and a line or space between
# งบ and ประมาณ (`ปีงบ ประมาณ`) are the same word. So is `ปีงบประมาน`, its ณ typed as น: a
# school's history in a CMS's database (`ปีงบประมาน 2525 ได้รับงบประมาณ ดังนี้`, a GitHub file:
# dates_realworld.yaml dev), offices' apps' labels (`เลือกข้อมูลตามปีงบประมาน`, `สถิติการลาใน
# ปีงบประมานนี้`: the code search corpus has the typo in seven files of ten). `ปีงบ.2566`, the
# short form with a dot for its ฯ (dates37's shapes known to fail on dev text: it was read as
# the calendar year 2566), is the same word. So is `งปม.`, the budget word's short form, after
# ปี with a space, or alone with its dot: `<th>ปี งปม. 2567</th>` (an equipment budget request
# form's table of expected results), `ตั้งแต่ต้นปี งปม. ถึงสิ้นเดือนมีนาคม ปี งปม. 2568` (notes on
# GFMIS disbursement figures), `จำนวนเงินวิจัย งปม. 2565` (a research-funds gauge's title; GitHub
# files, dates_realworld.yaml dev, the dates44 round: calendar years before).
FISCAL_WORD = r"(?:ปี?\s?ง(?:ี(?=\s?บ))?\s?บ\s?ประม[าำ][ณน]|ปีงบ(?:ฯ\.?|\.)?|ปี\s?งปม\.?|งปม\.)"
# English pages about Thai agencies name the Thai fiscal year (`Fiscal Year 2020`, `fiscal
# 2023`, `the budget year of 2020`: real pages in tests/data/dates_realworld.yaml).
# `FY2023`, `FY 2567` (annual reports' covers and file names) are the same.
# `the budget allocation for the year 2024` (English news on the Thai budget, dev): a budget's
# year is a fiscal year.
# `the upcoming fiscal year in 2024`, `the fiscal year of 2025`, `Cabinet approves budget for
# 2024` (English news on the Thai budget, theaseandaily.com, thai.news, centennialasia.com: dev).
# `FY B.E. 2569` (a Thai municipal app's fiscal-year notes in a GitHub file: dev): FY before the
# era marker, as `fiscal year B.E. 2569` is read. `Srettha Government Budget Expenditure 2025` (the
# English heading of a news page on the 2568 budget, prachachat.net: dev): the budget's year.
EN_FISCAL_WORD = (r"(?<![A-Za-z])(?:(?i:fiscal(?:\s+years?(?:\s+(?:of|in)(?=\s[0-9๐-๙]))?)?"
                  r"|budget\s+year(?:\s+of)?|budget\s+expenditures?(?=\s+[0-9]{4})"
                  r"|budget\s+(?:allocations?\s+)?for(?:\s+the\s+year(?:\s+of)?"
                  # `budget for 2024 fiscal` is left to `2024 fiscal` (english.py's yfy)
                  r"|(?!\s+[0-9๐-๙]{4}\s+fiscal)))"
                  r"|FY(?=[\s\-]?(?:[0-9๐-๙]|B\.\s?E\.))-?)")

# `ประจำ` as pages really write it: sara am typed as nikhahit + sara aa (`ประจําปี 2567`, a
# real news headline), lost by PDF extraction (`ประจาปี`) or split from its letter by a space
# (`ประจ ำปีงบประมำณ`, a letter pasted from a PDF, dev) or its two marks swapped (`ประจาํ ปีงบประมาณ`,
# a flip-book page, dev).
PRACHAM = r"ประจ(?:\s?ำ|ํา|าํ|า)"

# `เทศบัญญัติงบประมาณรายจ่าย2566` (a flip-book page title), `ข้อบัญญัติงบประมาณ 2565`,
# `เทศบัญญัติงบประมาณ ๒๕๖๒.pdf` (local offices' lists of their budget ordinances: dev samples
# s0290, s0854): the budget's year without ปี, only right before a four-digit year (finder.py
# refuses an amount: `งบประมาณรายจ่าย 2500 บาท`)
# `ร่าง พ.ร.บ.งบฯ ปี 68` (a public broadcaster's headline, thaipbs.or.th: dev): งบฯ, the
# budget word's short form, before ปี; `กางงบปี ’68` (a weekly's headline, matichonweekly.com:
# dev) without its ฯ (not the end of สงบ). `เปิดงบพัฒนา ปี 69` (a news site's headline on the
# 2569 budget's development funds, mgronline.com: dev): the development budget's year. `ใน`
# between them too: `จะใช้งบประมาณในปี 2569 มาเพิ่มเติม` (news on the 2568 budget's remainder,
# mgronline.com: dev). A supplementary budget and its number too: `งบประมาณรายจ่ายเพิ่มเติม ฉบับที่ 1
# ประจำปี 2558` (a municipality's list of its budget ordinances, dev sample s0229).
# `งบประมาณรายจ่าย ตามข้อบัญญัติ ประจำปี 2561` (a sub-district's menu of its budget papers,
# bankhloa.go.th: dev sample s0044, read as the calendar year before the `dates42` round): the
# budget "by the ordinance" of a year is that fiscal year's budget, as without the words.
BUDGET_YEAR_WORD = (rf"(?:(?:งบประม[าำ]ณ(?:รายจ่าย)?(?:เพิ่มเติม(?:\s?\(?ฉบับที่\s?{DIGIT}{{1,2}}\)?)?)?"
                    rf"(?:\s?ตาม(?:เทศ|ข้อ)บัญญัติ)?"
                    rf"|(?<!ส)งบ(?:ฯ|พัฒนา(?:จังหวัด)?)?)\s?(?:{PRACHAM}|ใน)?\s?ปี(?!\s?งบ)"
                    rf"|งบประม[าำ]ณ(?:รายจ่าย)?(?=\s?{DIGIT}{{4}}(?!{DIGIT})))")

# Words allowed between `ไตรมาส 2` / `รอบ 6 เดือน` and the year they belong to. Kept to a
# closed list: a month name in between (`รอบ 6 เดือน (ต.ค. 68 - มี.ค. 69)`) must not be
# skipped, or the round would take the wrong year.
PERIOD_GAP = rf"(?:\s|[(\[:/,]|{PRACHAM}|ของ|{FISCAL_WORD}|ปี)*"


# A three-digit year, read only right after `ร.ศ.` (lexicon.year_to_ce refuses it otherwise).
RS_YEAR = f"{DIGIT}{{3}}(?!{DIGIT})"


# A university calendar writes the weekday, abbreviated in brackets, before each day of a span
# (`(อ) 25 - (พฤ) 27 ก.ค. 2566`, `(จ) 12 มิ.ย. - (ศ) 21 ก.ค. 2566`: dpu.ac.th, dates_realworld.yaml
# dev), or abbreviated with a dot and glued to the day (`พ.6-ศ.8`, `จ.5 –อา.11 มกราคม 2558`,
# `พฤ. 28 – ส. 30 พฤศจิกายน 2562`: dpu.ac.th's older calendars, dev); after the dash it belongs
# to the connector. The dotted abbreviation is a word of its own: no Thai letter or dot before it
# (`สขร.1 ต.ค. 68` is form no. 1; `ภ.ด.ส.3` a form's name).
_WEEKDAYS = ("อา", "จ", "อ", "พ", "พฤ", "ศ", "ส")
WEEKDAY_IN_BRACKETS = rf"(?:\(\s*(?:{'|'.join(_WEEKDAYS)})\.?\s*\)\s*)"
WEEKDAY_DOTTED = rf"(?:(?<![ก-์.])(?:{'|'.join(_WEEKDAYS)})\.\s?)"
# A weekday spelt out before the right end of a span, as announcements and calendars write
# both ends (`ระหว่างวันจันทร์ที่ 23 ถึงวันศุกร์ที่ 27 พฤษภาคม 2559`, a faculty's news;
# `วันจันทร์ที่ 18 พฤษภาคม 2558 – วันศุกร์ที่ 17 กรกฎาคม 2558`, a cooperative-education page;
# `พุธที่ 28 – ศุกร์ที่ 30 มี.ค.’61`, an exhibition's notice: GitHub files, dates_realworld.yaml dev)
# Also as PDF extraction splits them (`วนั ศกุ รท์ ่ี`: marks moved on, spaces put in), by
# lexicon.pdf_split, with any marks and spaces left after the name.
_WEEKDAY_NAMES = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "พฤหัส", "ศุกร์", "เสาร์", "อาทิตย์")
WEEKDAY_SPELLED = (rf"(?:(?:{pdf_split('วัน')}\s?)?"
                   rf"(?:{'|'.join(pdf_split(name) for name in _WEEKDAY_NAMES)})"
                   rf"[\s{COMBINING}]*(?:{pdf_split('ที่')}[\s{COMBINING}]*)?)")
# An English weekday before a span's right end, as English event pages write both ends (`Date:
# Monday, September 30, 2024 - Friday, October 4, 2024`, a university kiosk's announcement;
# `Application period: Monday, May 13, 2024 - Friday, May 31, 2024`, a studio's job notice:
# GitHub files, dates_realworld.yaml dev): a capital, the full name or its short form, an
# optional dot and comma. Only after a dash (here and in the package's CONNECTOR).
EN_WEEKDAY = (r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
              r"|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?![A-Za-z])\.?,?\s*)")
# the same as a look-behind before a day's first digit (fixed width: one per length)
_AFTER_WEEKDAY = "".join(
    f"|(?<=(?<![ก-์.])(?:{'|'.join(w for w in _WEEKDAYS if len(w) == n)})\\.{DIGIT})"
    for n in (1, 2))
# Where a dot stands before a day's first digit, the day is read only after an ellipsis or a
# weekday (one test of the dot first: most digits barred from starting a day follow a digit);
# an ellipsis of two dots too, after no digit (`..23 เมษายน 2567 นายปารเมศ`, a news site's
# lead, kknews.in.th: dev sample s1527)
_AFTER_DOT = (f"(?<=\\.{DIGIT})(?:(?<=\\.\\.\\.{DIGIT})|(?<=(?<![0-9๐-๙])\\.\\.{DIGIT})"
              f"{_AFTER_WEEKDAY})")


# A day after a slash that ends a list of months (`งวดที่ 3 คือ วันที่ 1-10 ของเดือน ก.ย./ต.ค./1-6
# พ.ย. 63`, a university's instalment dates, askme.ku.th: dev): the slash follows a month
# abbreviation's last dot, so the number opens the next item, not a numeric date's field.
_AFTER_MONTHS = f"|(?<=[ก-ฮ]\\./{DIGIT})"


# Infobox labels that a copied encyclopedia page runs into the date after them (context.py
# reads a year so run on, `Formed1860`).
_INFOBOX_LABELS = ("Formed", "Founded", "Established", "Opened", "Born", "Died")


# A Thai field's label and its colon glued to the day (`วันที่บันทึก :23/01/2024`, a provincial
# office's news page, chiangmai.go.th: dev sample s1908); not a clock's colon (`10:23`).
_AFTER_LABEL_COLON = f"|(?<=[ก-๙\\s]:{DIGIT})"

# A clock's AM or PM run into the date after it (`Feb 26, 2015, 3:25:20 AM2/26/15`, a Google
# Groups post's stamp, groups.google.com: dev; its narrow space before AM is stored as the three
# characters a wrong decoding makes of it). After a clock's digit only: `PM2.5` is dust.
_AFTER_MERIDIEM = "".join(f"|(?<=[0-9]{gap}[AP]M{DIGIT})" for gap in ("", ".", "..."))


def day_number(name: str, glued: bool = False, clock: bool = False,
               meridiem: bool = False) -> str:
    """A day number 1-31 (one or two digits) that is not part of a longer number.

    ``glued``: also a day glued to a comma-grouped amount, as PDF tables run cells together
    (`1,586,70616 มีนาคม 2559`, a real report: a group has three digits, so `16` cannot be
    part of the amount), a day glued to `ลว.` (ลงวันที่, "dated") in a circular's
    reference (`ก.ค.ศ.ว19 ลว.25ตค.61`, `ว30ลว.28กย60`: real pages), and a day glued to the
    four-digit year of the date before it (`พ.ศ. 25662 มกราคม 2567`, see ``YEAR_RUN_ON``;
    finder.py checks that a date really ends there).

    ``glued`` or ``clock``: also a day glued to the clock time before it, as a registrar's
    calendar runs its cells together (`24 Nov 2025 0:01:0020 Mar 2026`, a real page: the
    time's seconds have two digits, so `20` is the day; ``glued`` also after a Thai time's
    `น.`: `8:30 น.31 มี.ค. 2563`); ``clock`` also after a Latin label's colon (`Date:8 January
    2020`). ``meridiem``: also after a clock's AM or PM (`3:25:20 AM2/26/15`).

    Always: a day after a Thai label's colon (`วันที่บันทึก :23/01/2024`), a day after an
    ellipsis (`...๑๘ กุมภาพันธ์ ๒๕๖๘`, a news excerpt of a provincial health office: three dots
    are no form number's dot), and a day after a weekday's
    abbreviation and its dot (`จ.5 สิงหาคม 2562`, `พฤ.28-อา.31 พ.ค.2558`: a university's
    calendar, dev; the abbreviation is a word of its own, see WEEKDAY_DOTTED)."""
    after_amount = (f"|(?<=[0-9],[0-9]{{3}}{DIGIT})|(?<=ลว\\.{DIGIT})"
                    f"|(?<=[^0-9๐-๙]{DIGIT}{{4}}{DIGIT})" if glued else "")
    if glued or clock:
        after_amount += f"|(?<=[0-9]:[0-9]{{2}}{DIGIT})"
    if glued:  # the same in Thai, the time's `น.` last (`1 มี.ค. 2563 8:30 น.31 มี.ค. 2563 21:00
        # น.`, a registrar's calendar in Thai, regis.rpu.ac.th: dev); the same calendars glue a
        # row's label to its first day: a class year (`ชั้นปี 211 ก.ค. 2565 0:00 น.`: year 2, the
        # 11th; finder.py reads the class year's digit as no day), a Latin word or an
        # abbreviation's dot (`ONLINE26 ต.ค. 2563 8:30 น.`, `พน.24 ต.ค. 2565 0:00 น.`), the
        # latter only where the cell's year and time follow (regist.mmtc.ac.th, reg.tni.ac.th:
        # dev)
        # a numbered row's label too (`งวดชำระเงินครั้งที่ 11 มี.ค. 2563 8:30 น.`, regis.rpu.ac.th:
        # dev), read so only where the row repeats the row above it (finder.py)
        after_amount += (f"|(?<=[0-9๐-๙]{{2}}\\sน\\.{DIGIT})|(?<=ชั้นปี [1-8]{DIGIT})"
                         f"|(?<=ครั้งที่ [1-9]{DIGIT})"
                         f"|(?<=[^0-9๐-๙.][.A-Za-z]{DIGIT})(?={DIGIT}?\\s[ก-๙.]{{2,9}}\\s{DIGIT}{{4}}"
                         f"\\s[0-9]{{1,2}}:[0-9]{{2}}\\sน\\.)"
                         # a row's one-digit label run into a day 10-31: three digits before a
                         # month and a four-digit year (`ชำระเงินผ่านธนาคาร 131 ต.ค. 256515 ธ.ค.
                         # 2565`: class year 1, the 31st, reg.msu.ac.th; `มคอ.330 ต.ค. 2563`:
                         # form 3, the 30th, reg.tni.ac.th: dev); a day has at most two digits,
                         # so the first of three is not the day's
                         f"|(?:(?<=(?<![0-9๐-๙,.:/-])[1-9][1-3])|(?<=[ก-ฮ]\\.[1-9][1-3]))"
                         f"(?=[0-9]\\s?[ก-์.]{{2,10}}\\s?[0-9]{{4}})")
    if clock:  # an English field's label and its colon: `Arrival Date:8 January 2020` (an
        # encyclopedia page's infobox, everything.explained.today: dev); an infobox's label run
        # into its day, as a copied Wikipedia page prints it (`Formed3 October 2002`, a
        # department's page on a wiki mirror, review.clateway.com: dev sample s1759), one
        # fixed-width look-behind per label
        after_amount += f"|(?<=[A-Za-z]:{DIGIT})" + "".join(
            f"|(?<={label}{DIGIT})" for label in _INFOBOX_LABELS)
    return (f"(?P<{name}>{DIGIT}(?:(?<!{_BEFORE_DAY}{DIGIT})|{_AFTER_DOT}{_AFTER_MONTHS}"
            f"{_AFTER_LABEL_COLON}{_AFTER_MERIDIEM if meridiem else ''}{after_amount})"
            f"{DIGIT}?)(?!{DIGIT})")


# A month's abbreviation without its dots, its two letters apart (`ม ค`, `มี ค`), read only
# right before a year's digits (the day alternative), since single letters apart are otherwise
# initials or a list's labels.
SPACED_ABBR = ("(?:" + "|".join(f"{a} {b}" for a, b in MONTH_ABBR.values())
               + rf")(?![ก-์.])(?=\s?{DIGIT})")


# A four-digit year that a table's next cell runs into: `3 พฤศจิกายน พ.ศ. 25662 มกราคม 2567`
# is 3 Nov 2566 and 2 Jan 2567 (a real customs download table whose date cells touch). Only
# where a day and a month name follow.
YEAR_RUN_ON = rf"{DIGIT}{{4}}(?={DIGIT}{{1,2}}\s?(?:เดือน\s?)?{MONTH})"


def year_tail(prefix: str) -> str:
    """The year after a month name: `ต.ค. 68`, `ต.ค.68`, `ตุลาคม พ.ศ. 2568`, `ต.ค._68`, and a
    year glued on by a hyphen (`ต.ค.-66`, `ตุลาคม-66`, issue 16). A hyphen before a day of
    the next month cannot be misread: days are 1-31 and two-digit years 40-99.

    `ปี` may stand between the month and its year, as Thai documents write a date in full
    (`วันที่ 12 เดือน มกราคม ปี 2569`, `ประจำเดือน มกราคม ปี 2566`, `เดือน มกราคม ปี 2556
    ถึงเดือน กุมภาพันธ์ ปี 2556`: report and form templates of Thai offices' systems); only
    with the year's digits (or an era marker) right after it, so `ปีงบประมาณ` and `ปีการศึกษา`
    are left to their own readings.

    A two-digit year after an apostrophe, as a headline or a notice shortens it (`พุธที่ 28 –
    ศุกร์ที่ 30 มี.ค.’61`, an exhibition's notice in a GitHub file: dates_realworld.yaml dev), is
    the year as after a space.

    A line break may stand between the month and its year with the indentation of the next
    line around it (`ลงวันที่ 12 พฤษภาคม` then a line of 14 spaces and `2564`: a circular quoted
    in a Vue page's source, a GitHub file: dates_realworld.yaml dev); one line break only, so
    a table's columns of spaces stay apart.

    A comma may close the month before its year, as date formats of CMSs and apps write it
    (`เมษายน, 2560` in a Joomla site's archive list, mindphp.com; `1 มกราคม, 2562 - 31 ธันวาคม,
    2562` on a hospital dashboard; `วันศุกร์, 30 มกราคม, 2569`; `23-25 มีนาคม, 2561` in a
    citation: GitHub files, dates_realworld.yaml dev), before a four-digit year only: each of
    the 13 dev mentions with the comma has one, and a count after a month and a comma is no
    year (`ยอดสะสมถึงเดือนมีนาคม, 68 ราย`). A stray dot so too (`ประกาศเมื่อ 17 มกราคม. 2567`, a
    municipality's news stamp, neunkho.go.th: dev sample s1366)."""
    return (rf"(?:(?:[\s_/]{{0,3}}|[,.]\s?(?={DIGIT}{{4}}(?!{DIGIT}))|[ \t]*\n[ \t]*|[-–](?={DIGIT})|\s?[’'](?={DIGIT}{{2}}(?!{DIGIT})))"
            rf"(?:ปี\s?(?=[0-9๐-๙พค]))?(?:(?P<{prefix}_era>{ERA})\s*)?"
            rf"(?P<{prefix}_y>{YEAR}|{YEAR_RUN_ON}|(?<=ศ\.){RS_YEAR}|(?<=ศ\.\s){RS_YEAR}))")


SPAN_DASH = r"\s*[-–—]\s*"
# `ระหว่างวันที่ ๑ ถึง ๑๕ มีนาคม ๒๕๕๙` (a navy base's notice of a fisheries rule: dev sample
# s0997): ถึง joins the days as a dash does.
DAY_CONNECT = (rf"(?:{SPAN_DASH}(?:{EN_WEEKDAY})?|\s*(?:จน)?{THUENG}\s*)(?:{WAN_THI}\s*)?"
                rf"(?:{WEEKDAY_IN_BRACKETS}|{WEEKDAY_DOTTED}|{WEEKDAY_SPELLED})?")


def quarter_pattern(prefix: str, lead: str, second_lead: str, words: str = "") -> str:
    """A quarter or quarter span (`ไตรมาสที่ 1-2 ปีงบประมาณ 2569`) led by ``lead``; the Thai
    and the Q forms are separate alternatives so that each starts with one kind of character
    (see the package's _dispatched). ``words``: ordinal words that may stand for the first number."""
    number = f"[1-4๑-๔](?!{DIGIT})" + (f"|(?:{words})" if words else "")
    return (rf"{lead}(?P<{prefix}_a>{number})"
            rf"(?:{SPAN_DASH}(?:{second_lead})?(?P<{prefix}_b>[1-4๑-๔])(?!{DIGIT}))?"
            rf"(?P<{prefix}_gap>{PERIOD_GAP})(?:(?P<{prefix}_era>{ERA})\s*)?(?P<{prefix}_y>{YEAR})")
