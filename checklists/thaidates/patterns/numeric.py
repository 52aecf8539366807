"""The date alternatives written in digits alone: `01/10/2568`, `2568-10-01`, a document
number's two-digit year (`2/62`)."""

from __future__ import annotations

from checklists.thaidates.lexicon import DIGIT
from checklists.thaidates.patterns.common import day_number

ALTERNATIVES: tuple[tuple[str, str], ...] = (
    # 01/10/2568, 1/10/68, 01-10-2568, 23-11-60, 01.10.2568 (day first, as Thai pages write it)
    # A hyphen and a digit after the year end it only before another slashed date: the left
    # end of a range written without spaces (`05/10/66-30/10/66`, a loan register's cell);
    # `12-23-11-60` stays one code. Dotted dates so too (`Oulun alueurakka 2014-2019,
    # 01.10.2014-30.09.2015`, a road contract's heading in a test of a GitHub file: dev).
    # `วันที่ 10 / 06 / 68` (a notification in an internship office's app, dev): slashes with a
    # space on each side, read only after `วันที่` (finder.py), since tables of figures write
    # counts so (` / 2566` in the code search corpus: ten times in ten)
    # `13:50 น. วันที่ 11 06 61` (a Thai forum's post stamp, songkhlamedia.com: dev sample
    # s1664): single spaces, a two-digit month, read only after `วันที่` too (finder.py)
    ("num", rf"{day_number('num_d', meridiem=True)}(?P<num_s>[/.\-]| / | (?=[01][0-9] [0-9]{{2}}(?:[0-9]{{2}})?(?![0-9])))"
            rf"(?P<num_m>{DIGIT}{{1,2}})(?P=num_s)"
            rf"(?P<num_y>{DIGIT}{{4}}|{DIGIT}{{2}})"
            rf"(?!{DIGIT}|[/.]{DIGIT}|-(?!{DIGIT}{{1,2}}/{DIGIT}{{1,2}}/|{DIGIT}{{1,2}}\.{DIGIT}{{1,2}}\.){DIGIT})"),
    # `Print this page 20 - 06- 2013` (a ministry's print footer, moj.go.th: dev sample s1191):
    # a day, month and year joined by hyphens with a space on one side or both, as a PDF or a
    # template spaces them; only with a two-digit month (zero-padded, as dates are printed, not
    # as figures are) and a four-digit year, and at least one space (finder.py; `20-06-2013`
    # is read by `num`)
    ("numsp", r"(?<![0-9๐-๙\-])(?P<nsp_d>0?[1-9]|[12][0-9]|3[01]) ?- ?(?P<nsp_m>0[1-9]|1[0-2]) ?- ?"
              r"(?P<nsp_y>(?:19|20|2[45])[0-9]{2})(?![0-9๐-๙]|-[0-9])"),
    # 2568-10-01, 2025-10-01, 2025/10/01 (machine-made dates); 2017-09, a machine-made month
    # (two month digits, nothing numeric after; finder.py reads `2011-12` as no month).
    # A colon glued before the year ends a label (`Date :2015-08-13` at the head of a
    # department's English page, ddc.moph.go.th: dev sample s2922; `@date :2019/3/23 17:44`,
    # `Generation date :2011-07-05T19:40:43.525+02:00` in GitHub files' headers: dev, the
    # dates45 round), as it does before a day-first date (`วันที่ :28/10/2021`); after a digit
    # it is a clock's or a ratio's (`10:2015-...`), no date.
    # Dots so too, as East Asian sites write a date (`Published: 2019.06.18` over a Taiwanese
    # centre's paper on Thai farm policy, fftc.org.tw: dev sample s3192; `2014.08.23 Minister
    # witnessed signing ceremony` in the Thai embassy in Tokyo's news, thaiembassy.jp: dev
    # sample s3249; `Received: 2020.05.26; Accepted: 2020.07.27`, `published: 2020.10.18` in
    # GitHub files: dev, the dates47 round): only with a two-digit month and day and nothing
    # numeric after, since versions are written `2019.3.1` and amounts `2019.06`.
    ("iso", rf"(?P<iso_y>{DIGIT}(?<![0-9๐-๙./\-]{DIGIT})(?<![0-9๐-๙]:{DIGIT}){DIGIT}{{3}})"
            r"(?P<iso_s>[-/]|\.(?=[01][0-9]\.[0-3][0-9](?![0-9๐-๙]|\.[0-9๐-๙])))"
            rf"(?:(?P<iso_m>{DIGIT}{{1,2}})(?P=iso_s)(?P<iso_d>{DIGIT}{{1,2}})(?!{DIGIT})"
            rf"|(?<=-)(?P<iso_mm>0[1-9]|1[0-2])(?![0-9๐-๙]|[-/.][0-9๐-๙]))"),
    # `{ label: 'มกราคม 2568', value: '01-2568' }`, `'inv_p_name'=>'01-2568'` beside `'start_date'
    # =>'2025-01-01'` (a month picker's options and an inventory's periods in GitHub files: dev,
    # the dates43 round): a quoted month key, month first (two digits) and a B.E. year; only
    # between quotes, since an order's number is written so too (`คำสั่ง 78-2563`). A C.E. year
    # 1990-2099 so too: `'board_month_year' => '01-2025'` beside `'start_date' => '2025-01-01'`
    # (a payments board's test), `{ month: "10-2024", price: 9750 }` (an electricity price
    # table), `"month": "10-2024"` beside `"invoice_date": "October 1, 2024"` (an invoice
    # parser's prompt), a month picker's `startDate: '01-2025', endDate: '12-2025'` (GitHub
    # files, dates_realworld.yaml dev, the dates44 round)
    ("mky", r"(?P<mky_m>0[1-9]|1[0-2])(?<=['\"][01][0-9])-"
            r"(?P<mky_y>25[3-9][0-9]|26[0-4][0-9]|199[0-9]|20[0-9][0-9])(?=['\"])"),
    # มติ กบน. 2/62: the two-digit year of a meeting's or a document's number (finder.py checks
    # the word before the number); the year alone is the mention, as for `ครั้งที่ 1/2563`
    ("docyy", rf"[4-9๔-๙](?<=[0-9๐-๙]/[4-9๔-๙]){DIGIT}(?!{DIGIT}|[/.\-]{DIGIT})"),
)
