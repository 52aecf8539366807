"""Why a date-looking number must not count for freshness: the words around it.

Each function looks only at a short window of the text next to one atom, so the cost does not
grow with the text. Contexts returned:

- ``'date'``: may count for freshness;
- ``'law'``: the year in a law's title (`พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540`);
- ``'document_number'``: the year of a document number (`ที่ ศธ 04235/2568`, `คำสั่งที่ 12/2568`);
- ``None``: not a date at all (phone numbers, money and counts, version numbers, times); such
  numbers are not reported as mentions.
"""

from __future__ import annotations

import re

from checklists.thaidates.lexicon import COMBINING, THI, pdf_split

# Longest law title seen between the keyword and its year (168 characters: a ministerial
# regulation on procurement limits, tests/data/dates_realworld.yaml), with some room.
_WINDOW = 200

# Law citations: one of these words, then the title, then the year (the list of law
# words; `กฏกระทรวง` is a common misspelling, seen on a real procurement page). `ประกาศ`
# alone is deliberately absent: an announcement heading (`ประกาศ ... เรื่อง นโยบาย ...
# พ.ศ. 2569`) carries a real date; only `ตามประกาศ ...` ("according to the
# announcement ...") cites an instrument. `ระเบียบวาระ` is a meeting agenda, not a regulation.
# `พระราชกฤษฏีกา` (ฏ for ฎ) and `ประมวลจริยธรรม` (a code of ethics, an instrument with a
# title year) are from real law lists among the dev samples of tests/realworld/.
# The law words that PDF extraction splits, read by _pdf_split after the words as spelt
# (`ระเบยี บกระทรวงการคลงั วา่ ดว้ ยการจดั ซอ้ื จดั จา้ ง... พ.ศ. ๒๕๖๐`, `พระราชบญั ญตั ขิ ้อมลู ขา่ วสาร
# ของราชการ พ.ศ. ๒๕๔๐`: flip-book and PDF copies of agencies' law lists; the shape of the
# dev snippets the fourth batch of dates_realworld.yaml left out, `มหาวิทยาลยั มหดิ ล`).
# Ordinances are left to their spelt forms: _ORDINANCE compares the word itself.
_SPLIT_LAW_WORDS = ("พระราชบัญญัติ", "พระราชกฤษฎีกา", "พระราชกำหนด", "กฎกระทรวง",
                    "รัฐธรรมนูญ", "ประมวลกฎหมาย", "ประมวลจริยธรรม", "ข้อกำหนดจริยธรรม",
                    "ข้อบังคับ", "ว่าด้วย")
_ACT_SPLIT = pdf_split("พระราชบัญญัติ")
_LAW_WORD = re.compile(
    r"พระราชบัญญัติ|พ\.\s?ร\.\s?บ\.?|พรบ\.?|พระราชกฤษ[ฎฏ]ีกา|พ\.ร\.ฎ\.|พระราชกำหนด|พ\.ร\.ก\."
    # `พรก.` without its inner dots, as `พรบ.` (an excise-tax app's legal reference, `พรก. ฉบับที่
    # 7 พ.ศ. 2565`: a GitHub file, dates_realworld.yaml dev); with its dot only, since `พรก` also
    # abbreviates a government employee (พนักงานราชการ) in staff tables
    r"|(?<![ก-์])พรก\."
    r"|ก[ฎฏ]กระทรวง|รัฐธรรมนูญ|ประมวลกฎหมาย|ประมวลจริยธรรม|ข้อบังคับ|ระเบียบ(?!วาระ)|ตามประกาศ"
    # an agency's ethics requirements, issued under the Ethics Standards Act as an ethics code
    # is (`ข้อกำหนดจริยธรรมเจ้าหน้าที่ของรัฐ สำนักงานปลัดกระทรวงสาธารณสุข พ.ศ. 2564`, the same ITA
    # menu: dev): an instrument's title year
    r"|ข้อกำหนดจริยธรรม"
    # `กฎหมายลักษณะอาญา ร.ศ. 127` (the old penal code, a juvenile-observation centre's history,
    # banmutita.com: dev sample s1629); a commission's rule, `กฎ ก.ค.ศ.2561 การเลื่อนเงินเดือน`
    # (an ESA's law list, chaiyaphum2.go.th: dev sample s1610), `กฎ ก.พ.`
    r"|กฎหมายลักษณะ|(?<![ก-์])กฎ\s?ก\.(?:[ก-ฮ]\.){1,3}"
    # `หลักเกณฑ์กระทรวงการคลัง ว่าด้วย... พ.ศ. 2561`: an instrument's title
    r"|หลักเกณฑ์กระทรวง|ว่าด้วย"
    # a local ordinance (`เทศบัญญัติ`, `ข้อบัญญัติ`): a law only with its title, see _ORDINANCE
    r"|(?:เทศ|ข้อ)บัญญัติ"
    + "".join(f"|{pdf_split(word)}" for word in _SPLIT_LAW_WORDS)
    + f"|{pdf_split('ระเบียบ')}(?!\\s?วาระ)"
)
# A local ordinance's title says what it rules on (`เทศบัญญัติเทศบาลตำบล... เรื่อง การจัดการ
# สิ่งปฏิกูลและมูลฝอย พ.ศ. 2562`): its year is the law's. Without `เรื่อง` the word names the
# budget ordinance of a year (`ประชาสัมพันธ์ราคากลาง ... ข้อบัญญัติ 2560`, `งบประมาณรายจ่าย
# ตามข้อบัญญัติ ประจำปี 2561`: dev pages of tests/data/dates_realworld.yaml), a period. A title
# that names its subject right after the word (`ตามข้อบัญญัติการประชุมสภาท้องถิ่น พ.ศ.2547`, a
# municipal council's news, yourfmhatyai.com: dev; the regulation on local councils' meetings
# cited under that name) is a law's, as with `เรื่อง`.
_ORDINANCE = ("เทศบัญญัติ", "ข้อบัญญัติ")
# What may stand between a law word and its year: the title (no line break, no other number
# except an amendment number `(ฉบับที่ 2)`, `(ฉบับที่๒,๓)`, or the first act's year in `พ.ศ. 2542 แก้ไขเพิ่มเติม
# (ฉบับที่ 2) พ.ศ. 2545`), then optionally `พ.ศ.` / `พุทธศักราช`. A file name's hyphens or
# underscores may stand for the spaces (`พ.ร.บ.ระเบียบข้าราชการครูและบุคลากรทางการศึกษา-ฉบับที่-2-
# พ.ศ.2551`, a school's law list of file names, kcwsc.ac.th: dev sample s2031).
_LAW_GAP = re.compile(
    r"(?:[^\n\d๐-๙|]|ฉบับที่[\s\-_]*[0-9๐-๙]{1,2}(?:\s*(?:,|และ)\s*[0-9๐-๙]{1,2})*"
    r"|\(ฉ\.?\s*[0-9๐-๙]{1,2}\)"
    r"|(?:พ\.\s?ศ\.|พุทธศักราช)\s*[0-9๐-๙]{4})*"
)
# An announcement's heading after a law word, as a list headed `ระเบียบ/ข้อบังคับ` names its
# items (`ระเบียบ/ข้อบังคับ ประกาศมหาวิทยาลัยกาฬสินธุ์ • เรื่อง อัตราการเก็บค่าธรรมเนียม... พ.ศ.
# 2560`, re.ksu.ac.th: dev sample s1834): the year is the announcement's, a date, as the
# convention for announcements says (`ประกาศ` alone is no law word, see _LAW_WORD).
_ANNOUNCEMENT_IN_GAP = re.compile(r"(?<!ตาม)ประกาศ[^\n]*?เรื่อง")
# ... and a heading whose subject is the law word's title (`ประกาศเทศบาลตำบลมะขาม เรื่อง ระเบียบ
# ว่าด้วยการขอใช้ห้องประชุม... พ.ศ.2555`, a municipality's news, nmt.or.th: dev sample s1376): the
# announcement's year, a date, by the same convention
_HEADING_SUBJECT = re.compile(r"(?<!ตาม)ประกาศ[^\n]*?เรื่อง\s*\Z")
_AMENDED_BEFORE = re.compile(
    r"แก้ไขเพิ่มเติม(?:ถึง)?\s*(?:\(?(?:ฉบับที่|ฉ\.?)\s*[0-9๐-๙]{1,2}\)?\s*)?"
    r"(?:พ\.\s?ศ\.|พุทธศักราช)?\s*\Z")
# `แก้ไขล่าสุด` (last amended) with a bare year after an instrument's title: `ข้อบังคับสมาคมสโมสร
# กรมทางหลวง แก้ไขล่าสุดปี 2557` (an association's regulations list, webmain.doh.go.th: dev sample
# s1269; dates_labelled.yaml's convention, settled by the dates34 round) is the instrument's
# amendment year, a law year. Without an instrument named before it the words are a page's stamp.
_LAST_AMENDED_BEFORE = re.compile(r"แก้ไขล่าสุด\s*(?:เมื่อ\s*)?\Z")
# `(ปรับปรุง 2568)`: when a code was revised, a date, not its title's year. Only the word on
# its own (`(ฉบับปรับปรุง พ.ศ. 2568)`, `ปรับปรุงใหม่`, `ปรับปรุงครั้งที่ 2`): a title may begin
# with it (`พระราชบัญญัติปรับปรุงกระทรวง ทบวง กรม (ฉบับที่ 10) พ.ศ. 2505`, a department's
# history page: dev sample s0989).
# The period words also as PDF extraction splits them (`ปกี ารศกึ ษา 2564`, `ประจาํ ปี`: dev
# flip-book pages). Not an annual session's number: `พระราชกฤษฎีกา เรียกประชุมรัฐสภาสมัยประชุม
# สามัญประจำปีครั้งที่สอง พ.ศ. 2562` (a weekly's news, matichonweekly.com: dev) is a decree's title,
# its year the decree's.
_PERIOD_IN_GAP = re.compile(rf"{pdf_split('ปีการศึกษา')}|{pdf_split('ปีงบ')}"
                            r"|ประจ(?:\s?ำ|ํา|าํ|า)(?:ปี(?!\s?ครั้งที่)|เดือน)"
                            r"|ปรับปรุง(?:ใหม่|ล่าสุด)?(?![ก-์])|ปรับปรุงครั้งที่")

# Law titles in English (translations of Thai laws, news about them): `Royal Thai Police Act,
# B.E. 2547 (2004)`, `Regulation ... on Giving or Receiving Gifts of State Officials B.E. 2565
# (2022)`, `the Police Act of 2022`, `the Royal Decree of 1993`, `the Decentralisation Law of
# 1999` (real pages; the last an encyclopedia page, dates_realworld.yaml dev). `Act` only with
# a capital (the noun `act` is common); a year without an era marker counts only right after
# the law word (`Act 2007`, `Act, 2022`, `Act of 2022`), a B.E. year after a title without
# numbers or a sentence's end.
# In capitals as a code constant names a law, its words joined by underscores (`value:
# 'ETHICS_ACT_2562'`, `'CIVIL_SERVANT_ETHICS_CODE_2564'`: an ITA menu's list of documents in a
# GitHub file, dev; dates_labelled.yaml's convention for identifiers): read with the
# underscores as spaces (_is_en_law_citation).
_EN_LAW_WORDS = r"Acts?|Codes?|Constitution|Decrees?|[Rr]egulations?|Rules|Ordinances?|Laws?"
_EN_LAW_WORD = re.compile(rf"(?<![A-Za-z])(?:{_EN_LAW_WORDS}|ACTS?|CODES?)(?![A-Za-z])")
_EN_LAW_GAP_MARKED = re.compile(
    r"(?:[^\d\n.;:!?]|\((?:No\.\s*\d{1,2}|Amended)\))*?,?\s*\Z")
_EN_LAW_GAP_BARE = re.compile(
    r"(?:\s+(?:on|of|for|and|the|[A-Z][A-Za-z'’-]*)){0,8}?"
    r"(?:\s*\((?:No\.\s*\d{1,2}|Amended)\))?(?:\s*,|\s+of(?:\s+the\s+year)?)?\s*\(?\s*\Z")
_EN_ERA_AT = re.compile(r"B\.\s?E\.?|BE(?=\s?[0-9])|A\.\s?D\.?|C\.\s?E\.?")
# A C.E. year in brackets restating the B.E. year before it (`B.E. 2565 (2022)`, `พ.ศ. 2540
# (1997)`, `B.E. 2558 (A.D. 2015)`) shares that year's context: both are a law's title year, or
# both a date.
_RESTATED_BEFORE = re.compile(
    r"(?P<era>B\.\s?E\.?|BE|พ\.\s?ศ\.?|พุทธศักราช)\s*(?P<year>[0-9๐-๙]{4})\s*\(\s*"
    r"(?:A\.\s?D\.?|C\.\s?E\.?|ค\.\s?ศ\.?)?\s*\Z")
# The budget act names the fiscal year it funds: `พ.ร.บ.งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569`.
# News spells the act out with its short form in brackets: `ร่างพระราชบัญญัติ (พ.ร.บ.)
# งบประมาณรายจ่ายประจำปีงบประมาณ 2568` (prachachat.net), `... ประจำปีงบประมาณปี 2568`
# (matichonweekly.com: both dev), where the fiscal word may start after `ประจำปี`.
_BUDGET_ACT = re.compile(
    r"(?:พระราชบัญญัติ(?:\s*\(\s*พ\.\s?ร\.\s?บ\.?\s*\))?|พ\.\s?ร\.\s?บ\.?|พรบ\.?)\s*"
    r"(?:งบประมาณรายจ่าย(?:เพิ่มเติม)?\s*(?:ประจ(?:ำ|ํา|า)(?:ปี)?)?\s*)?\Z"
)

# Document numbers: `ที่ ศธ 04235/2568`, `เลขที่ 12/2568`, `คำสั่งที่ 123/2568`. A term of a
# school year is not one: `ภาคเรียนที่ 2/2568` is the second term of (academic) year 2568.
_DOC_BEFORE = re.compile(r"[0-9๐-๙]\s*/\s*\Z")
# A circular's number and year joined by a hyphen: `ครูผู้ช่วย ว 19-2561` (a real HR page).
# An order's number and year the same way: `คำสั่ง 78-2563` (a real school HR link), and any
# numbered instrument's (`ประกาศกรมศุลกากร ที่ 5-2561.pdf`, the file of `ประกาศกรมศุลกากรที่
# 5 /2561`: a customs page, dev sample s1002). The circular's letter written as a Latin v:
# `v3-2564` under the title of the teachers' commission's standards, its circular ว 3/2564 (a
# school's page, dev sample s0508; dates_labelled.yaml's convention).
_CIRCULAR_BEFORE = re.compile(
    r"(?:(?:^|[^ก-์])ว\.?|(?<![A-Za-z])[vV]|คำสั่ง(?:ที่)?|(?<!วัน)ที่)\s*[0-9๐-๙]{1,4}\s*[-–]\s*\Z")
# The same in English (`Semester 2/2564` over a class list, `(Semester 2/2568)` after a course's
# name, `Semester 1/2026`: students' apps and READMEs, GitHub files, dates_realworld.yaml dev).
# A term's mid-term or final examinations too: `ตารางสอบปลายภาค 2/2566` (a faculty's examination
# timetable, psu-tep.libarts.psu.ac.th: dev).
_TERM_BEFORE = re.compile(
    rf"(?:ภาคเรียน|{pdf_split('ภาคการศึกษา')}|เทอม|{pdf_split('ปีการศึกษา')}|(?:กลาง|ปลาย)ภาค"
    rf"|(?<![A-Za-z])(?:[Ss]emester|SEMESTER|Term))\s*(?:{THI})?"
    r"\s*[0-9๐-๙]\s*/\s*\Z"
)
# A term's number at the head of an academic calendar's row, the term word after it: `1/2560
# เปิดภาคการศึกษา 7 ส.ค. 60` under a column headed ภาคการศึกษา (acad.kmitl.ac.th: dev). A term
# is 1-3, its number the first thing on its line.
_TERM_NUMBER_BEFORE = re.compile(r"(?:\A|\n)[ \t]*[1-3๑-๓][ \t]*/[ \t]*\Z")
_TERM_AFTER = re.compile(r"\s*(?:เปิด|ปิด)?ภาค(?:การศึกษา|เรียน)")

# Phone numbers: `0-4300-9867`, `043-009867`, `โทร. 02 123 4567`: a year-looking run that
# touches other digit groups, or sits after a phone word. Groups of a phone number are joined
# by spaces or hyphens, never by tabs or line breaks (table cells: `2564<TAB>93<LF>2565`).
# Every look-before pattern ends with \Z, not $: `$` also matches before a final line break.
# A Latin phone word starts a word: `© Jade Hotel 2024`, `Award-Winning Hotel 2024` (hotel sites'
# footers and badges in GitHub files: dev) hold a year, not a phone number after `tel`.
_PHONE_WORD = re.compile(
    r"(?:โทร|โทรศัพท์|โทรสาร|แฟกซ์|มือถือ|เบอร์"
    r"|(?<![A-Za-z])(?:tel(?:ephone)?|fax|phone|call))[.: ]*[0-9๐-๙ \-–,/]*\Z",
    re.IGNORECASE,
)
_DIGITS_BEFORE = re.compile(
    r"[0-9๐-๙][\-.,:]\Z|[0-9๐-๙]\Z|[0-9๐-๙][ \-][0-9๐-๙]{2,4}[ \-]\Z"
)
# One group of three digits after a year, nothing numeric after it, is no phone number's next
# group (a phone number has at least one more): a report's running footer, its page number
# after the year (`Annual Report 2023 229`, style.co.th's flip-book copy of a waterworks
# authority's annual report: dev, tests/data/dates_realworld.yaml).
_DIGITS_AFTER = re.compile(
    r"^(?:[\-.,:/][0-9๐-๙]| [0-9๐-๙]{3}(?=[ \-.]?[0-9๐-๙]|[0-9๐-๙]))")

# Money and counts: `2565 บาท`, `จำนวน 2565 ราย`; numbers named as numbers: `เลขที่ 2565`.
_UNIT_AFTER = re.compile(
    # units that never begin another word: `2565 บาท`, `2565 บาทถ้วน`, `2,000 ลิตร`
    r"^\s*(?:บาท|ล้าน|แสน|หมื่น|ชั่วโมง|นาที|วินาที|กิโล|เมตร|ลิตร|ไร่|ตร\.|ตาราง(?:เมตร|วา)"
    # `%` before a Latin word heads a column, as `2024 %YoY` in the results tables above
    r"|%(?![A-Za-z])|฿|\.-|บ\."
    # `(2528 downloads)` (a download count on a ministry's forms page, dev sample s1027)
    r"|(?i:downloads?|views?|hits)(?![A-Za-z])"
    # short classifiers that begin other words (ราย/รายงาน, วัน/วันที่, แห่ง/แห่งชาติ,
    # พัน/พันธกิจ, หน้า/หน้าที่): a unit only when no Thai letter follows
    r"|(?:พัน|คน|ราย|ครั้ง|หน้า|แห่ง|ชุด|เครื่อง|ตัว|ชิ้น|เล่ม|โครงการ|วัน|กม\.?)(?![ก-์]))"
)
# `ว 2568` after a slash is a circular letter's number (`ที่ ศธ 04235.01/ว 2568`); `ต่อ 2565`
# is a phone extension.
# `No.` starts a word: `Johnson & Pazmino 2023` (a citation), `© gabriela valdespino 2023` (a
# site's footer: GitHub files, dev) end in `no` before a year.
_NUMBER_WORD_BEFORE = re.compile(
    r"(?:จำนวน|เลขที่|หมายเลข[ก-์]*|รหัส[ก-์]*|หน้า|ห้อง|ข้อ|มาตรา|ลำดับที่|ลำดับ|ราคา|ครั้งที่"
    r"|ฉบับที่|รุ่นที่|ที่|ต่อ|/\s*ว\.?|(?<![A-Za-z])[Nn]o\.?|#|฿|\$)[ \t]*:?[ \t]*\Z"
)
# Names that end in a year: `โรคติดเชื้อไวรัสโคโรนา 2019` (COVID-19, on countless office
# news posts of 2020-2022) names a disease, not the year 2019; so does
# `โคโรนาสายพันธุ์ใหม่ 2019` (a real FAQ heading, sfa.kmutt.ac.th); `ไวรัสโคโรน่า 2019`, spelled
# with mai ek (an IT shop's COVID page, sawaddeeit.com: dev), `โคโรนา-2019` with a hyphen (a
# technical college's news, pltc.ac.th: dev sample s1613); `coronavirus disease 2019`, its
# English name (an encyclopedia page on the pandemic in Thailand, everything.explained.today: dev),
# also without `disease` (`the spread of Coronavirus 2019 or COVID-19`, the sustainable-tourism
# agency's English news, dasta.or.th: dev sample s1955).
# A building named with a year: `ห้อง 901 อาคารอัสสัมชัญ 2003` (a parents' association's page,
# acpta.com: dev) is a room's address, not the year 2003.
# A road named by its number: `ตัดแต่งต้นไม้ 2 ข้างทาง ถนนสาย 2068` (a sub-district's news of its
# road work, samrong.go.th: dev, the dates42 round) is road no. 2068, not the year 2068;
# `ทางหลวงสาย 2068` so too (`ทางหลวงหมายเลข` is a number word already).
# A highway's code: `แยก ทล.2044(กม ที่ 33+100)-บ้านโคกสี` (a road-side weighing unit's form, a
# GitHub file: dev, the dates43 round) is national highway 2044 (`ทล.`, the Department of
# Highways' mark), not the year 2044; a rural road's code after a road's words so too (`ถนน
# ทางหลวงชนบทสาย นม.3059`, `ถนนสาย ชบ.3102`: the Department of Rural Roads' news, thailandplus.tv,
# mgronline.com: dev; a province's two letters and a dot, then the road's number).
# A vehicle's registration plate: `หมายเลขทะเบียน บจ 2486 สมุทรสาคร` (a sub-district's tyre
# purchase in e-GP project names, a GitHub file: dev, the dates43 round; read as the year 1943
# before) is plate no. 2486 of its province: the plate's one or two letters (a digit before them on
# newer plates: `1 กค 7820`, `1กฐ-3390`), then its number, after `ทะเบียน`; `ลงทะเบียน ปี 2566`
# and `ทะเบียน พ.ศ. 2566` have no plate's letters, so keep their years.
# A camera's counter: `import FacultyBack from "../public/IMG_2566.JPG"`, `"IMG_2566.jpg",
# "IMG_2575.jpg"` (a gallery's list), `src="/home_proceeding_collage/DSC_2566.jpg"`,
# `'assets/compress/DSC_2561-min.jpeg'` (GitHub files: dev, the dates45 round; read as the years
# 2023 and 2018 before) is a photo's number, not a year; a camera's stamp of eight digits is its
# day (finder.py's `_camera_stamps`). Capitals only: `img_2020 = read_image('images/
# berlin_2020.tif')` names its year.
_NAMED_FOR_YEAR_BEFORE = re.compile(
    r"(?:โคโรน่?า\s*-?\s*(?:สายพันธุ์ใหม่\s*)?|(?i:coronavirus\s+(?:disease\s+)?)|อาคาร[ก-์]*\s*"
    r"|(?:ถนน|ทางหลวง[ก-์]*)\s*สาย\s*|(?<![ก-์])ทล\.\s?"
    r"|(?:ถนน|ทางหลวง)[ก-์]*\s+[ก-ฮ]{2}\.\s?"
    r"|ทะเบียน(?:รถ[ก-์]*)?\s*(?:หมายเลข\s*)?[0-9]?\s?(?!รถ)[ก-ฮ]{1,2}\s?-?\s?"
    r"|(?:IMG|DSC)(?<![A-Za-z]...)_)\Z")
# A year glued to a lowercase Latin word is part of a name: a user name (`realray2553`, a real
# web-board page), an e-mail address (`saraban2560@...`); a file or path name (`plan2566.pdf`,
# `ita2566_o11`, a link's last segment `report2566`) keeps its year.
_NAME_BEFORE = re.compile(r"[a-z]\Z")
# ... but not to the article a PDF or a page glued to it: `is governed by the1999 National Human
# Rights Commission Act` (a page on the Thai commission, accessfacility.org: dev sample s1810)
_GLUED_THE_BEFORE = re.compile(r"(?<![A-Za-z])(?i:the)\Z")
_FILE_AFTER = re.compile(r"[._\-]|\Z")
# Words of English prose after which a bare number is a year, even one before 1990 (`founded
# in 1901`, `in 1911`: a lexicon page on the Royal Thai Police), also glued on as a wiki
# infobox prints its label (`Formed1860`: a Wikipedia copy): dev pages of dates_realworld.yaml;
# `during 1979-1980`, `in the decade 1985–94` (a book chapter on the Thai economy, dev).
# German ones too (`Gründung 1956`, an infobox's founding year; `in den Jahren 1972 bis 1974`,
# `seit`: copies of the German Wikipedia's page on the German embassy in Bangkok, dev).
_EN_YEAR_CUE = re.compile(
    r"(?<![A-Za-z])(?:(?i:in|since|from|between|during|until|till|before|after|by|year|decade"
    r"|circa|seit|Jahren?|Jahre)\s+"
    r"|(?:Formed|Founded|Established|Opened|Built|Born|Died|formed|founded|established"
    r"|opened|built|born|died|Gründung)(?:\s+in)?\s*)\Z")


# The right end of an English span whose left end is such a year (`From 1893 to 1915, King
# Rama V created the Monthon Thesapiban system`, `between 1893 and 1915`: an encyclopedia page
# on decentralisation in Thailand, dates_realworld.yaml dev).
# A year listed after such a year is one too: `his time in Vietnam during 1965 and 1966` (a
# navy memoirs index in a GitHub file, dev).
_EN_SPAN_END_CUE = re.compile(
    r"(?<![A-Za-z])(?:(?i:from|between|von|zwischen|Jahren)\s+[0-9]{4}\s*"
    r"(?:(?i:to|and|until|till|through|thru|bis|und)\s+|[-–]\s*)"
    r"|(?i:in|during)\s+[0-9]{4}\s+(?i:and|or)\s+)\Z")


# A span of C.E. years in brackets, in English prose: a reign or a period (`King
# Borommatrailokkanat (1448 to 1488)`, `Rama IV (1851 to 1868)`: a news story on the Thai police's
# history, gayguides.com; `twenty-six years (1955-1981)`: a thesis on the Thai economy,
# ilovetranslation.com; both dev). The later year within a century of the first.
_EN_BRACKET_SPAN = re.compile(
    r"(?<=[A-Za-z,.]\s)\(\s*(?P<first>1[0-9]{3})\s*(?:[-–]|\s(?i:to|until|till|through|thru)\s)\s*"
    r"(?P<last>1[0-9]{3})\s*\)")


def _in_en_bracket_span(text: str, start: int) -> bool:
    found = _EN_BRACKET_SPAN.search(text, max(0, start - 16), start + 24)
    return found is not None and start in (found.start("first"), found.start("last")) \
        and int(found["first"]) < int(found["last"]) <= int(found["first"]) + 100


# A C.E. year before 1990 standing bare between English words where a heading or a table's
# label puts it: after a label's colon (`Removed by: 1933 coup d'état`, a table of Thailand's
# heads of government on a blog, azlyrahman-post.blogspot.com) or before a capital that starts
# the next heading or sentence (`TISI Background 1966 The Thai Industrial Standardization
# Project was approved`, a certification firm's page on the standards institute, dev sample
# s1750). Not after a number's word (`Room 1966 The`, `about 1800 Thai workers`), nor before a
# lowercase word without a colon (`more than 1900 students`). Such a year is never recent, so
# a wrong one cannot make a document look fresh.
_EN_NUMBER_WORDS = (
    "no|nos|number|section|article|room|page|pages|pp|vol|volume|code|id|tel|box|route|highway"
    "|road|soi|moo|unit|floor|building|bus|flight|version|model|type|class|grade|level|chapter"
    "|part|item|figure|fig|table|station|km|about|over|than|some|around|nearly|almost"
    "|approximately|total|only|just|least|most|up|to|of|and|or|by|at|with|for|from|per")
# an English word of two letters or more that is no number's word
_EN_NAME_WORD = rf"(?<![A-Za-z])(?!(?i:{_EN_NUMBER_WORDS})(?![A-Za-z]))[A-Za-z]{{2,}}"
_EN_LABEL_BEFORE = re.compile(
    rf"{_EN_NAME_WORD}[ \t]\Z|(?<![A-Za-z])[A-Za-z]{{2,}}:[ \t]\Z")
_EN_CAPITAL_AFTER = re.compile(r"[ \t][A-Z][a-z]")
_EN_WORD_AFTER = re.compile(r"[ \t][A-Za-z]")


# A year that closes a bracketed English citation (`(Announcements of the Department of
# Highways, 1956)`, a flip-book of the highways department's history, identity.in.th: dev), as
# `(Dixon 1999, 126-128)` cites a work's year; and a year that opens an English caption's line
# before a capitalised word and a comma or the line's end (`1957 Map, at the scale of
# 1:2,000,000`, the same page); not `1800 Thai workers`.
_EN_CITATION_BEFORE = re.compile(r"\([A-Z][A-Za-z'’ .&-]{2,80},[ \t]\Z")
_EN_CAPTION_AFTER = re.compile(r"[ \t][A-Z][a-z]+(?:,|[ \t]*(?:\n|\Z))")
# A year alone in brackets after an English name (`These founding members were later joined by
# Brunei Darussalam  (1984), Vietnam (1995), Laos (1997)`, a blog on ASEAN Day,
# aseancorner.blogspot.com: dev); not after a number's word (`Room (1966)`).
_EN_NAME_BEFORE_BRACKET = re.compile(rf"{_EN_NAME_WORD}[ \t]{{1,3}}\(\Z")


def _en_bare_year(text: str, start: int) -> bool:
    if text[start + 4:start + 5] == ")" and (
            _EN_CITATION_BEFORE.search(text, max(0, start - 90), start) is not None
            or _EN_NAME_BEFORE_BRACKET.search(text, max(0, start - 40), start) is not None):
        return True
    head = text.rfind("\n", max(0, start - 40), start)
    if (head >= 0 or start <= 40) and not text[head + 1:start].strip(" \t"):
        return _EN_CAPTION_AFTER.match(text, start + 4) is not None
    before = _EN_LABEL_BEFORE.search(text, max(0, start - 24), start)
    if before is None:
        return False
    after = _EN_WORD_AFTER if before.group().rstrip().endswith(":") else _EN_CAPITAL_AFTER
    return after.match(text, start + 4) is not None


# An event named by its year (`However, the 1932 revolution ushered in a constitutional
# monarchy`, a blog's list of Thailand's prime ministers, leadboosto.com: dev).
_EN_THE_BEFORE = re.compile(r"(?<![A-Za-z])(?i:the)[ \t]+\Z")
_EN_EVENT_AFTER = re.compile(
    r"[ \t]+(?i:revolution|coup|uprising|elections?|crisis|floods?|massacre|census|war)(?![A-Za-z])")


def en_year_cue(text: str, start: int) -> bool:
    """True when the English words before ``start`` make the number there a year."""
    return _EN_YEAR_CUE.search(text, max(0, start - 16), start) is not None \
        or _EN_SPAN_END_CUE.search(text, max(0, start - 24), start) is not None \
        or _in_en_bracket_span(text, start) or _en_bare_year(text, start) \
        or (_EN_THE_BEFORE.search(text, max(0, start - 8), start) is not None
            and _EN_EVENT_AFTER.match(text, start + 4) is not None)


# Versions and times: `v2.2565`, `เวอร์ชัน 1.10.2565`, `เวลา 20.30 น.`. `ver` starts a word:
# `over 2021 and 2022` (a blog's copy of English news on Thailand's rankings,
# thailandnewsbyola.blogspot.com: dev) names years, not a version.
_VERSION_BEFORE = re.compile(
    r"(?:\bv|\bV|(?<![A-Za-z])ver(?:\.|sion)?|เวอร์ชัน|เวอร์ชั่น|รุ่น|เวลา)[ \t]*[0-9๐-๙.]*\Z",
    re.IGNORECASE,
)


# `repeals the previous 2001 version`, `replaces the 2001 regulation` (the sentence after a
# gift regulation's title on a real English page, dates_realworld.yaml dev): a year set before
# a law word or `version` names an instrument (an earlier one), not the page's period.
# The issuing body's acronym may stand between (`the OECD 2017 Recommendation on Public Integrity`,
# an OECD review of Thailand's integrity system, docslib.org: dev sample s1548; the dates34 round's
# convention): a Recommendation is the OECD Council's instrument.
_EN_INSTRUMENT_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:(?i:the|its|this|that)\s+|(?i:the))"
    r"(?:(?i:previous|old|former|original|earlier|first|revised|amended)\s+)?"
    r"(?:[A-Z]{2,6}\s+)?\Z")
# A capitalised law word may follow a few title words (`The 2017 Corrections Law is an amendment
# to the 1936 Corrections Law`, `The 2017 Cor rections Act`, a word split by the page: English
# news on the Thai Corrections Act, dev).
# Up to six capitalised title words (`the1999 National Human Rights Commission Act`, dev sample
# s1810).
_EN_INSTRUMENT_AFTER = re.compile(
    r"\s+(?:(?i:version|edition|regulations?|ordinances?|decrees?|rules|constitution)"
    r"|Recommendations?"
    r"|(?:[A-Za-z'’-]+\s+){0,3}?(?:Acts?|Codes?|Laws?)"
    r"|(?:[A-Z][A-Za-z'’-]*\s+){4,6}?(?:Act|Code|Law))(?![A-Za-z])")


def is_en_instrument_year(text: str, start: int, end: int) -> bool:
    """True when the year at ``start:end`` names an instrument in English (`the 1936 Corrections
    Law`, `the previous 2001 version`): a law year, read even before 1990 as such."""
    return _EN_INSTRUMENT_BEFORE.search(text, max(0, start - 24), start) is not None and \
        _EN_INSTRUMENT_AFTER.match(text, end) is not None


def _line_before(text: str, start: int, width: int = _WINDOW) -> str:
    """Up to ``width`` characters before ``start``, cut at the last line break."""
    before = text[max(0, start - width):start]
    cut = before.rfind("\n")
    return before if cut < 0 else before[cut + 1:]


def _lines_before(text: str, start: int, lines: int, width: int = _WINDOW) -> str:
    """Like ``_line_before`` but over ``lines - 1`` line breaks, each read as a space."""
    before = text[max(0, start - width):start]
    cut = len(before)
    for _ in range(lines):
        cut = before.rfind("\n", 0, cut)
        if cut < 0:
            break
    return before[cut + 1:].replace("\n", " ")


# A bare year after a word that makes it a date (`Act on Re-\nFrom 1940, Maj. Luang ...`: two
# columns of a flip-book page interleaved by PDF extraction, identity.in.th: dev) ends no title.
_EN_DATE_WORD_BEFORE = re.compile(
    r"(?<![A-Za-z])(?i:from|in|since|until|till|before|after|by|during)\s*\Z")


def _is_en_law_citation(before: str, marked: bool) -> bool:
    """True when ``before`` (the line up to a year, or up to its era marker when ``marked``)
    ends an English law title."""
    words = list(_EN_LAW_WORD.finditer(before))
    if not words or _EN_DATE_WORD_BEFORE.search(before):
        return False
    gap = before[words[-1].end():]
    if words[-1].group().isupper():
        gap = gap.replace("_", " ")  # `ETHICS_ACT_2562`
    return (_EN_LAW_GAP_MARKED if marked else _EN_LAW_GAP_BARE).fullmatch(gap) is not None


def is_en_law_year(text: str, start: int) -> bool:
    """True when the bare year at ``start`` ends an English law's title on its line (`the
    Provident Fund Act of 1987`, a regulator's list of the laws it administers, sec.or.th: dev
    sample s2084): a law year, read even before 1990 as such."""
    return _is_en_law_citation(_line_before(text, start), False)


# Two columns of English text interleaved by PDF extraction put another column's words inside a
# law's title (`after the Act on Re-\nFrom 1940, Maj. Luang Dechatiwong Organizing Ministries and
# Departments B.E.2506.`, `Act on Re-Organizing Ministries and Departments motorways nationwide.
# \nB.E.2484.`, `Decree on the Organization of the Department\n... of Highways, Ministry of
# Transport B.E.2538,`: a flip-book of the highways department's history, identity.in.th: dev).
# A year marked B.E. is a title's when a law word opening a title (a capitalised word after it)
# stands within the three lines before, and the marker opens its line or ends a run of two or
# more capitalised title words.
_EN_TITLE_START = re.compile(
    rf"(?<![A-Za-z])(?:{_EN_LAW_WORDS})\s+(?:(?:on|of|for|the)\s+)*[A-Z]")
_EN_TITLE_TAIL = re.compile(
    r"(?:(?<![A-Za-z])[A-Z][A-Za-z'’-]+\s+(?:(?:of|and|on|for|the)\s+)*){2,}\Z")
# ... but not a document's or a period's name (`Annual Report B.E. 2566`, `Academic Year`)
_EN_NOT_TITLE_END = re.compile(
    r"(?:Report|Plan|Year|Budget|Statement|Review|Calendar|Edition|Issue|Semester|Term"
    r"|Quarter)\s+\Z")


def _is_en_title_across_columns(text: str, start: int) -> bool:
    line = _line_before(text, start)
    if line.strip() and (_EN_TITLE_TAIL.search(line) is None or _EN_NOT_TITLE_END.search(line)):
        return False
    return _EN_TITLE_START.search(_lines_before(text, start - len(line), 4)) is not None


def is_law_citation(text: str, start: int) -> bool:
    """True when the year at ``start`` ends a law's title (law word, title, `พ.ศ.`, year), or
    is the year of an amendment of the law the line cites (`ข้อบังคับสมาคมตำรวจ พ.ศ.๒๕๔๑ ลง
    ๑๖ ตุลาคม ๒๕๔๑ แก้ไขเพิ่มเติม พ.ศ.๒๕๔๓`, a real association's page)."""
    before = _line_before(text, start)
    restated = _RESTATED_BEFORE.search(before)
    if restated:  # `B.E. 2565 (2022)`: the bracketed year is the law's if the B.E. one is
        year_start = start - len(before) + restated.start()
        return is_law_citation(text, year_start)
    marked = _EN_ERA_AT.match(text, start) is not None
    if marked and text[start] == "B" and _is_en_title_across_columns(text, start):
        return True
    # a law title wrapped onto the year's line (`พระราชบัญญัติสภาตำบล\nและองค์การบริหาร
    # ส่วนตำบล พ.ศ.2537`, a real law list; `Regulations of Thammasat University\nOn Personnel
    # Management for University Employees, B.E. 2559 (2016)`), or set over three lines as on a
    # title page (`พระราชบัญญัติ\nมหาวิทยาราชภัฏ\nพ.ศ. ๒๕๔๗`, a real university page): when
    # the year's line names no law, read the previous lines with it
    for lines in (1, 2, 3):
        if lines > 1:
            before = _lines_before(text, start, lines)
        if _EN_LAW_WORD.search(before) and _is_en_law_citation(before, marked):
            return True
        words = list(_LAW_WORD.finditer(before))
        if words:
            break
    else:
        return False
    if _AMENDED_BEFORE.search(before):
        return True
    gap = before[words[-1].end():]
    if _ANNOUNCEMENT_IN_GAP.search(gap) or _HEADING_SUBJECT.search(before, 0, words[0].start()):
        return False  # an announcement's heading after the law word or naming it: a date
    if words[-1].group() in _ORDINANCE and "เรื่อง" not in gap and not gap.startswith("การ"):
        return False
    if _PERIOD_IN_GAP.search(gap) or gap.rstrip().endswith("ปี"):
        return False  # `ระเบียบการรับสมัคร ปีการศึกษา 2569`: a period is named, not a title
    return _LAW_GAP.fullmatch(gap) is not None


# An Act's title year written after ปี instead of พ.ศ. (`คู่มือการปฏิบัติงานตามพระราชบัญญัติ
# ข้อมูลข่าวสารของราชการ ปี2540`, a real law list: dev, tests/data/dates_realworld.yaml). An Act
# has one year, so ปี right after its title is that year; after a regulation or an order
# (`ระเบียบ ... ปี 2566`) ปี may name a period and stays a date. A constitution has one year too
# (`รัฐธรรมนูญยูโกสลาเวียปี 1974`, a Thai encyclopedia text in a GitHub file: dev).
_ACT_WORD = re.compile(rf"พระราชบัญญัติ|พ\.\s?ร\.\s?บ\.?|พรบ\.?|รัฐธรรมนูญ|{_ACT_SPLIT}")
# ... unless the title already has its year: `พระราชบัญญัติแห่งชาติ พ.ศ.2542 ในปีพ.ศ.2543
# กระทรวงศึกษาธิการจึงได้จัดตั้ง...` (a special-education centre's history, ayutthayaspecial.ac.th:
# dev sample s1998) names the year after the Act, a date
_TITLE_YEAR = re.compile(r"(?:พ\.\s?ศ\.|พุทธศักราช)\s*[0-9๐-๙]{4}")


def is_act_year(text: str, start: int) -> bool:
    """True when `ปี` at ``start`` follows an Act's title on the same line, or an instrument's
    title and `แก้ไขล่าสุด` (the year it was last amended)."""
    before = _line_before(text, start)
    words = list(_LAW_WORD.finditer(before))
    if words and (amended := _LAST_AMENDED_BEFORE.search(before)):
        gap = before[words[-1].end():amended.start()]
        return _LAW_GAP.fullmatch(gap) is not None
    if not words or not _ACT_WORD.fullmatch(words[-1].group()):
        return False
    gap = before[words[-1].end():]
    if _TITLE_YEAR.search(gap):
        return False  # the Act's title has its year already: ปี after it names another
    return not _PERIOD_IN_GAP.search(gap + "ปี") and _LAW_GAP.fullmatch(gap) is not None


def restated_be_year(text: str, start: int) -> int | None:
    """The B.E. year that a bracketed year at ``start`` follows (`B.E. 2521 (1978)` -> 2521),
    or None: such a C.E. year is read even before 1990, since it restates a year."""
    found = _RESTATED_BEFORE.search(text, max(0, start - 24), start)
    return int(found["year"]) if found else None


# The same in English, the year first: `the fiscal 2024 Budget Act`, `the 2024 Budget
# Expenditure Act`, `the Budget Bill` (news on the Thai budget, dev pages of
# tests/data/dates_realworld.yaml).
_EN_BUDGET_ACT_AFTER = re.compile(
    r"\s+(?:(?i:budget)\s+)?(?:(?i:expenditure)\s+)?(?:Act|Bill)(?![A-Za-z])")


def is_en_budget_act_after(text: str, end: int) -> bool:
    """True when an English budget act's or bill's name follows a fiscal year ending at ``end``."""
    return _EN_BUDGET_ACT_AFTER.match(text, end) is not None


def is_budget_act(text: str, start: int) -> bool:
    """True when a fiscal year at ``start`` is the title of a budget act."""
    return _BUDGET_ACT.search(text[max(0, start - 60):start]) is not None


# A local office's budget tables give each column's fiscal year under `รายรับจริง` or
# `รายจ่ายจริง` (actual receipts or spending) and `ประมาณการ` (estimates): `รับจริง 2549\nรับจริง
# 2550` (a sub-district office's fiscal-status page, dev sample s1061), `รายรับจริง ประมาณการ\n
# รายรับ\n2563 2564 2565 2566` (a municipality's budget ordinance, trpcity.go.th, dev; PDF
# extraction loses the vowels: `รายรบจรง`, `รายจายจรง`). A budget's year is a fiscal year
# (thai-dates.md), so these years are too: the word on the year's line or one of the two
# before.
# The word alone or after ราย (`ค่าใช้จ่ายจริง 2,500 บาท` is an amount). PDF extraction puts
# stray vowels on lines of their own (`รายจายจรง ประมาณการ\nิ\n่\n่\nรายจาย\n2563`): such lines
# are not counted.
_BUDGET_ACTUALS = re.compile(r"(?:(?<![ก-์])|(?<=ราย))(?:รั?บ|จ่?าย)\s?จริ?ง(?![ก-์])")
_STRAY_LINE = re.compile(rf"\n[\s{COMBINING}]*(?=\n)")


def is_budget_table_year(text: str, start: int) -> bool:
    """True when the year at ``start`` heads a column of a budget's actuals or estimates."""
    if _BUDGET_ACTUALS.search(text, max(0, start - 240), start) is None:
        return False
    kept = _STRAY_LINE.sub("", text[max(0, start - 240):start])
    return _BUDGET_ACTUALS.search(_lines_before(kept, len(kept), 3)) is not None



# A table whose column is headed by the fiscal-year words gives that column's years as fiscal
# years, as a budget table's heads do above: `| Year | Fiscal Year | Score | Grade |` over
# `| 2024 | 2024 (B.E. 2567) | **91.21** |` and `| Fiscal Year | Total Revenue (million THB) |`
# over `| 2025 (2568) | 1,190.53 |` (a research note on a municipality's ITA results and budget
# in a GitHub file: dev, the dates41 round). A pipe table (Markdown's): the year opens its
# cell, the cell's number is the count of `|` before it on its line, and the head is the line
# above the `|---|` rule, reached over rows only; the head's cell must be the fiscal-year words
# alone (with an era): `Year` heads a column of years, `Fiscal Year Start` is another field.
# So does a row whose cell before the year's is those words: a table of names and values
# (`| ปีงบประมาณ | 2569 (FY69) |` in a hospital's claim-checking notes, `| Fiscal Year | 2026 |`
# in a test log's table of records made, `| `GJAHR` | NUMC(4) | Fiscal Year | 2026 |` in a
# ledger's field list: GitHub files, dev).
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*")
_FISCAL_YEAR_HEAD = re.compile(
    r"(?i:fiscal\s+years?|fy|ปีงบ(?:ประมาณ)?)"
    r"(?:\s*\(?\s*(?:B\.\s?E|C\.\s?E|A\.\s?D|พ\.\s?ศ|ค\.\s?ศ)\.?\s*\)?)?")
_TABLE_REACH = 40  # rows between the year's and the rule


def is_fiscal_year_cell(text: str, start: int) -> bool:
    """True when the year at ``start`` opens a cell of a pipe table's fiscal-year column, or a
    cell right after one that says fiscal year."""
    line = text.rfind("\n", 0, start) + 1
    cell = text.rfind("|", line, start)
    if cell < 0 or text[cell + 1:start].strip(" \t*"):
        return False
    before = text.rfind("|", line, cell)
    if before >= 0 and _FISCAL_YEAR_HEAD.fullmatch(text[before + 1:cell].strip(" \t*`")):
        return True
    column = text.count("|", line, start)
    end = line - 1
    for _ in range(_TABLE_REACH):
        if end <= 0:
            return False
        above = text.rfind("\n", 0, end) + 1
        row = text[above:end]
        if _TABLE_RULE.fullmatch(row):
            if above == 0:
                return False
            head = text[text.rfind("\n", 0, above - 1) + 1:above - 1].split("|")
            return column < len(head) and \
                _FISCAL_YEAR_HEAD.fullmatch(head[column].strip(" \t*")) is not None
        if not row.lstrip().startswith("|"):
            return False
        end = above - 1
    return False


# A B.E. year as the value of a code field named for the fiscal or budget year is that fiscal
# year, as the fiscal-year column above is: `BudgetYear::create(['budgetyear_name' => '2568',
# 'startdate' => '2024-10-01'` (a water-billing app's seeder: the fiscal year 2568 opens on 1
# October 2024), `'budget_year' => '2567'` in a hospital's asset records, `"BUDGET_YEAR":
# "2569"` in a skills institute's course list, `fiscal_year: 2569` in an emergency-medicine
# agency's project list, `fiscalYear: '2567'` and `currentFiscalYear: '2567'` in offices' apps
# (GitHub files, dates_realworld.yaml dev, the dates44 round). The key's words (`fiscal` or
# `budget`, then `year`, joined by `_`, by nothing or in camel case; `_name` after it), its
# closing quote, `:`, `=>` or `=`, and the value's opening quote; a C.E. year keeps its reading
# (a company's fiscal calendar is not in its code).
_FISCAL_FIELD_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:fiscal|budget|FISCAL|BUDGET)|(?<![A-Z])(?:Fiscal|Budget))_?"
    r"(?:year|Year|YEAR)(?:_?(?:name|Name|NAME))?['\"`]?[ \t]*(?:=>|:|==?)[ \t]*['\"`]?\Z")


def is_fiscal_year_field(text: str, start: int) -> bool:
    """True when the year at ``start`` is the value of a fiscal- or budget-year field."""
    head = text[max(0, start - 6):start]
    return (":" in head or "=" in head) \
        and _FISCAL_FIELD_BEFORE.search(text, max(0, start - 40), start) is not None


# A budget's year is a fiscal year (thai-dates.md) also when the year follows the budget's
# amount: `เพิ่มจากงบประมาณ 3,480,000 ล้านบาท ในปี 2567` (a weekly's news on the state budget,
# matichonweekly.com: dev). The budget word, an amount in baht (with its scale word), and
# `ใน` or nothing before ปี; `งบประมาณ 500 ล้านบาท ภายใน 2 ปี` has no year.
_BUDGET_AMOUNT_BEFORE = re.compile(
    r"(?:งบประม[าำ]ณ(?:รายจ่าย)?|(?<!ส)งบฯ?)\s?(?:วงเงิน\s?)?[0-9๐-๙][0-9๐-๙,.]*\s?"
    r"(?:ล้านล้าน|แสนล้าน|หมื่นล้าน|ล้าน|แสน|หมื่น|พัน)?\s?บาท\s?(?:ใน\s?)?\Z")


def is_budget_amount_year(text: str, start: int) -> bool:
    """True when ``ปี`` at ``start`` follows a budget's amount (`งบประมาณ 3,480,000 ล้านบาท ใน`)."""
    return _BUDGET_AMOUNT_BEFORE.search(text, max(0, start - 60), start) is not None


# A number alone on its line in a column of bare numbers (`All days\n1456\n214\n2063\n504873`, a
# visitor counter on an association's page, iogtt.org: dev) is a count, unless its neighbours
# are years too (a table's column of years).
_NUMBER_LINE_BEFORE = re.compile(r"(?:\A|\n)[ \t]*(?P<n>[0-9๐-๙][0-9๐-๙,]*)[ \t]*\n[ \t]*\Z")
_NUMBER_LINE_AFTER = re.compile(r"[ \t]*\n[ \t]*(?P<n>[0-9๐-๙][0-9๐-๙,]*)[ \t]*(?:\n|\Z)")


def _in_count_column(text: str, start: int, end: int) -> bool:
    before = _NUMBER_LINE_BEFORE.search(text, max(0, start - 24), start)
    after = _NUMBER_LINE_AFTER.match(text, end) if before is not None else None
    if after is None:
        return False
    return not all(len(n) == 4 and n.isdigit() and (1990 <= int(n) <= 2100 or 2400 <= int(n) <= 2600)
                   for n in (before["n"], after["n"]))


def bare_year_context(text: str, start: int, end: int) -> str | None:
    """Context of a four-digit year written alone (no `พ.ศ.`, no `ปี`), or None if no year.

    Order matters: a document number's year is still a year (reported, not counted); phone
    numbers, money, counts and versions are not years at all.
    """
    before = text[max(0, start - 24):start]
    after = text[end:end + 12]
    if _DOC_BEFORE.search(before):
        if in_url_path(text, start, end):
            return None  # `.../regulation/type1/2550/04/reg...pdf`: a URL's folder, no number
        if _restates_year_before(before, text[start:end]):
            return None  # `ปีการศึกษา 2566 / 2023`: the year before, in the other era
        return "date" if _TERM_BEFORE.search(before) or (
            _TERM_NUMBER_BEFORE.search(before) and _TERM_AFTER.match(text, end)) \
            else "document_number"
    if _CIRCULAR_BEFORE.search(before):
        return "document_number"
    if _DIGITS_BEFORE.search(before) or _DIGITS_AFTER.search(after):
        return "date" if in_year_row(text, start, end) else None
    if _UNIT_AFTER.search(after) or _NUMBER_WORD_BEFORE.search(before):
        return None
    if _VERSION_BEFORE.search(before) or _PHONE_WORD.search(text[max(0, start - 40):start]):
        return None
    if _NAMED_FOR_YEAR_BEFORE.search(before):
        return None
    if _NAME_BEFORE.search(before) and not _FILE_AFTER.match(after) \
            and not _EN_YEAR_CUE.search(before) and not _GLUED_THE_BEFORE.search(before):
        return None
    if after[:1] == "/" or after[:1].isdigit():
        return None
    if after[:1] == "\n" and _in_count_column(text, start, end):
        return None
    if in_url_path(text, start, end):
        return None
    if is_en_instrument_year(text, start, end):
        return "law"
    return "law" if is_law_citation(text, start) else "date"


# `ปฏิทินการศึกษา ประจำปีการศึกษา 2566 / 2023` (a university calendar, dpu.ac.th: dev): a year
# restated after a slash in the other era is the same year, not a document number's.
_YEAR_SLASH_BEFORE = re.compile(r"(?<![0-9๐-๙])([0-9๐-๙]{4})\s*/\s*\Z")


def _restates_year_before(before: str, digits: str) -> bool:
    found = _YEAR_SLASH_BEFORE.search(before)
    if found is None or len(digits) != 4:
        return False
    first, second = _digit_value(found.group(1)), _digit_value(digits)
    return abs(first - second) == 543 and min(first, second) >= 1900


# A URL written out in the text (`https://...`, `www....`): the last such start in the token that
# holds the year. What cannot stand inside a URL between its start and the year: quotes and
# brackets or a pipe (wiki markup: `|url=https://...|date=2020|`, a Wikipedia diff page, dev; an
# opening bracket before a URL is not the URL's: `(https://tu.ac.th/ita-2564).`, a
# university's English page, dev), nor after it (`...ita-2566)`, a sentence's stop). A URL inside
# JSON keeps its escaped slashes (`"https:\/\/cmarea3.go.th\/2567\/?p=51466"`, a WordPress REST
# page, dev).
_URL_MARKS = ("http:", "https:", "www.", "HTTP:", "HTTPS:", "WWW.")
_URL_STOPS = frozenset("\"'<>()[]{}“”‘’|^`")
_URL_CLOSERS = ".,;:"
_TOKEN_AFTER = re.compile(r"[^\s\"'<>()\[\]{}“”‘’|^`]*")
_URL_REACH = 2000  # Thai URLs are long when percent-encoded


def in_url_path(text: str, start: int, end: int) -> bool:
    """True when the year at ``start:end`` sits in a URL's host, folders or query, not in its
    file name: `https://www.x.go.th/ita2566` and `.../ita-2566/o1` name the assessment round's
    folder, `?Year=2021` a query (a framework year, not the page's date), while
    `.../plan2566.pdf` is a file named for its year (read as a file name is)."""
    if "/" not in text[max(0, start - 80):start]:  # `www.x.go.th/ita2567`: a slash first
        return False
    reach = max(0, start - _URL_REACH)
    token_start = max(text.rfind(space, reach, start) for space in " \n\t") + 1 or reach
    url_start = max(text.rfind(mark, token_start, start) for mark in _URL_MARKS)
    if url_start < 0 or not _URL_STOPS.isdisjoint(text[url_start:start]):
        return False
    rest = _TOKEN_AFTER.match(text, end).group().rstrip(_URL_CLOSERS)
    return "/" in rest or "?" in rest or "." not in rest


# A table's header row of years (`จำนวนคนที่ใช้บริการ 2557 2558 2559 2560 ...`, `# รายการ 2556
# 2557 ... 2566`: real health-service tables, dates_realworld.yaml dev): four-digit groups
# joined by spaces look like a phone number's, but three or more years in a row, each one
# after (or before) the last, are a row of years; a phone number's groups are not.
# A results table's head repeats a year for the quarters of one year (`(Unit: THB Mn) 2023 2024
# 2024 %QoQ %YoY 2023 2024 %YoY`: a listed company's quarter against the same quarter a year
# before and the quarter before it, the SEC's search pages: dev) and compares two years side by
# side (`Total Revenues 2018 2017 Change`, the same pages): a year may repeat the one before it
# in a row of three, and two years a year apart are a row when no other number touches them and
# no phone or number word stands before them.
_YEAR_ROW_GROUP = re.compile(r"[0-9๐-๙]{4}(?![0-9๐-๙])")
_YEAR_ROW_GAP = re.compile(r"[ \t]{1,4}")
_YEAR_ROW_MIN = 3
_DIGIT_TOUCHING_BEFORE = re.compile(r"[0-9๐-๙][ \t\-–.,:/]{0,2}\Z")
_DIGIT_TOUCHING_AFTER = re.compile(r"[ \t\-–.,:/]{0,2}[0-9๐-๙]")


def _row_neighbour(text: str, start: int, end: int, forward: bool) -> tuple[int, int] | None:
    """The span of the four-digit group next to ``start:end`` across spaces, if any."""
    if forward:
        gap = _YEAR_ROW_GAP.match(text, end)
        found = gap and _YEAR_ROW_GROUP.match(text, gap.end())
        return found.span() if found else None
    cut = start
    while cut > 0 and text[cut - 1] in " \t" and start - cut < 4:
        cut -= 1
    if cut == start or cut < 4 or (cut > 4 and text[cut - 5] in DIGITS):
        return None
    found = _YEAR_ROW_GROUP.match(text, cut - 4)
    return found.span() if found else None


def _is_year_value(value: int) -> bool:
    return 2400 <= value <= 2700 or 1900 <= value <= 2100


def _a_pair_of_years(text: str, spans: list[tuple[int, int]], row: list[int]) -> bool:
    """Two years a year apart, alone: no other number touches them, no phone or number word
    before them (`เลขที่ 2561 2562` names numbers)."""
    if len(row) != 2 or abs(row[1] - row[0]) != 1 or not all(map(_is_year_value, row)):
        return False
    first, last = spans[0][0], spans[-1][1]
    return (_DIGIT_TOUCHING_BEFORE.search(text, max(0, first - 3), first) is None
            and _DIGIT_TOUCHING_AFTER.match(text, last) is None
            and _PHONE_WORD.search(text[max(0, first - 40):first]) is None
            and _NUMBER_WORD_BEFORE.search(text[max(0, first - 24):first]) is None)


def in_year_row(text: str, start: int, end: int) -> bool:
    """True when the four-digit number at ``start:end`` is one of a row of consecutive years."""
    if end - start != 4:
        return False
    value = _digit_value(text[start:end])
    if not _is_year_value(value):
        return False
    sides: list[list[tuple[int, int]]] = []
    for forward in (False, True):
        side: list[tuple[int, int]] = []
        span: tuple[int, int] | None = (start, end)
        for _ in range(_YEAR_ROW_MIN - 1):
            span = _row_neighbour(text, span[0], span[1], forward)
            if span is None:
                break
            side.append(span)
        sides.append(side)
    spans = sides[0][::-1] + [(start, end)] + sides[1]
    row = [_digit_value(text[a:b]) for a, b in spans]
    at = len(sides[0])
    for step in (1, -1):  # ascending or descending, the number inside the run
        first = at
        while first > 0 and row[first] - row[first - 1] in (step, 0):
            first -= 1
        last = at
        while last + 1 < len(row) and row[last + 1] - row[last] in (step, 0):
            last += 1
        steps = [row[i + 1] - row[i] for i in range(first, last)]
        if last - first + 1 >= _YEAR_ROW_MIN and step in steps:
            return True
    return _a_pair_of_years(text, spans, row)


DIGITS = "0123456789๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _digit_value(digits: str) -> int:
    return int(digits.translate(_TO_ARABIC))


def is_count(text: str, end: int) -> bool:
    """True when a unit follows (`30 ปี 45 วัน`, `2565 บาท`): an amount, not a year."""
    return _UNIT_AFTER.search(text[end:end + 12]) is not None


# Instruments titled as laws are, their year last, but without a law word: rules and
# guidelines issued under an Act by a central body (`หลักเกณฑ์ วิธีการ การต่อเวลาราชการของ
# ข้าราชการ พ.ศ.2559`, hrm.tru.ac.th; `แนวทางการประเมินผลการปฏิบัติงานของพนักงานราชการ
# พ.ศ.2554`, cbhospital.go.th; `หลักเกณฑ์การกำหนดจำนวนตำแหน่ง... (ฉบับที่๒) พ.ศ.๒๕๕๘`,
# old2.ppao.go.th: dev pages of tests/data/dates_realworld.yaml, each a list of the rules an
# office works under). The convention settled here: such a title's year is the instrument's, a
# law year, as for a `ระเบียบ` or a `ข้อบังคับ` (the Administrative Procedure Act B.E. 2539,
# section 5, counts "other provisions of general application" among rules, `กฎ`, with
# ministerial regulations and by-laws). Only with the era marker, as titles write the year,
# and only when the title begins with the word (not `คู่มือแนวทาง...`, a manual's title; `ตาม
# หลักเกณฑ์...`, "under the rule ...", cites one as `ตามประกาศ` does) and heads its line: under an announcement's heading (`ประกาศ
# มหาวิทยาลัย... เรื่อง หลักเกณฑ์... พ.ศ.2560`, `ประกาศหลักเกณฑ์วิธีการคิดภาระงาน... พ.ศ.2558`:
# dev) the year is the announcement's date, the finder's convention for announcements; a
# period named in the title (`หลักเกณฑ์... ประจำปีงบประมาณ`, `หลักเกณฑ์ปี พ.ศ.2564`) stays a
# date. A standard issued the same way is such an instrument (`มาตรฐานความสามารถภาษาอังกฤษของ
# คณาจารย์ประจำ พ.ศ. 2565 (5 กันยายน 2565)`, a university's HR rules with the day each was
# issued, capr.tsu.ac.th, dev s2013; `มาตรฐานและหลักเกณฑ์ปฏิบัติการควบคุมภายใน... พ.ศ. 2561`,
# dev), and so is a rule joined to another title by และ (`กำหนดตำแหน่งที่ปรึกษาอธิการบดี
# และหลักเกณฑ์การแต่งตั้งที่ปรึกษาอธิการบดี พ.ศ. 2565`, the same list).
# A plan is no instrument (`แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568`, `แผนการจัดซื้อจัดจ้าง พ.ศ.
# 2568`, `แผนปฏิบัติการประจำปี 2568`): its title's year is the period it plans, a date, reported as
# written (a year, or a span of years for a multi-year plan). Which period that year means is
# the assessment's convention, not the text's: the ITA of year N examines plans for fiscal year
# N (../shared/reference/thai-dates.md, "What the assessment expects"; ita-oit.md's year rule:
# "Y is the assessed fiscal year. Plans ... must be of year Y"), so freshness reads a plan's
# bare year as that fiscal year (checklists/freshness/base.py `fiscal_years`).
# A court president's guidance issued under the law (`คำแนะนำของประธานศาลฎีกาเกี่ยวกับบัญชีเกณฑ์
# มาตรฐานกลางหลักประกันการปล่อยชั่วคราว... พ.ศ. 2547`, beside the same president's ข้อบังคับ, a
# provincial court's page, tybc.coj.go.th: dev sample s1201; the dates34 round's convention) is
# such an instrument.
_INSTRUMENT_WORD = re.compile(
    r"(?:(?<![ก-์])|(?<=ตาม))(?:หลักเกณฑ์|แนวทาง|แนวปฏิบัติ|มาตรฐาน)|(?<=และ)หลักเกณฑ์"
    r"|คำแนะนำของประธานศาล")
_HEADING_BEFORE = re.compile(r"(?<!ตาม)ประกาศ")


def _is_instrument_title(text: str, start: int) -> bool:
    """True when the line up to the era marker at ``start`` is an instrument's title. An
    announcement's heading before it is looked for further back, since such a title can be
    long (`ประกาศกระทรวงสาธารณสุข เรื่อง หลักเกณฑ์ วิธีการและเงื่อนไข การรับเงิน ... พ.ศ. ๒๕๕๙`,
    the health security office's law site, law.nhso.go.th: dev sample s1943: 180 characters
    from หลักเกณฑ์ to พ.ศ.)."""
    before = _line_before(text, start)
    found = _INSTRUMENT_WORD.search(before)
    if found is None or _HEADING_BEFORE.search(
            _line_before(text, start - len(before) + found.start(), _WINDOW)):
        return False
    gap = before[found.end():]
    if _PERIOD_IN_GAP.search(gap) or gap.rstrip().endswith("ปี"):
        return False
    return _LAW_GAP.fullmatch(gap) is not None


def marked_year_context(text: str, start: int) -> str:
    """Context of a year with `พ.ศ.`/`ค.ศ.` before it: a law title's year or a date."""
    if is_law_citation(text, start) or _is_instrument_title(text, start):
        return "law"
    return "date"


def is_version_or_time(text: str, start: int) -> bool:
    """True when a dotted number at ``start`` follows a version or time word."""
    return _VERSION_BEFORE.search(text[max(0, start - 24):start]) is not None
