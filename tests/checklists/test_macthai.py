"""repair_mac_thai: TIS-620 Thai read as Mac Roman, read back (issue 16, part 3).

The damaged strings are real: GitHub files saved in the shape (cited beside each), and the
flip-book's `พ.ศ. ๒๕๕๑` dates32 met. Latin typography must never be taken for it.
"""

from __future__ import annotations

import pytest

from checklists.macthai import repair_mac_thai
from checklists.thaidates import find_dates

# A Java class's month names (LONG_MONTHNAMES_TH, a DateTimeBase class on GitHub): สิงหาคม's
# ส is a no-break space turned into a space before the vowel sign.
MONTHS = ('"¡°√“§¡", "°ÿ¡¿“æ—π∏Ï", "¡’π“§¡", "‡¡…“¬π", "æƒ…¿“§¡", "¡‘∂ÿπ“¬π", "°√°Æ“§¡", '
          '" ‘ßÀ“§¡", "°—π¬“¬π", "µÿ≈“§¡", "æƒ»®‘°“¬π", "∏—π«“§¡"')
THAI_MONTHS = ('"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", '
               '"สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"')


@pytest.mark.parametrize(("damaged", "thai"), [
    ("æ.». ÚııÒ", "พ.ศ. ๒๕๕๑"),  # a flip-book's report (dates32)
    (MONTHS, THAI_MONTHS),
    # a VB grid's column captions and a Java report's headings (GitHub sources)
    ('MapText("«—π∑’Ë‡√‘Ë¡µÈπ")', 'MapText("วันที่เริ่มต้น")'),
    ('MapText("«—π∑’Ë ‘Èπ ÿ¥")', 'MapText("วันที่สิ้นสุด")'),
    ('new Label(4, 2,"«—π∑’Ëæ‘¡æÏ : "+sdf', 'new Label(4, 2,"วันที่พิมพ์ : "+sdf'),
    ('"       ª√–®”ß«¥ "+section+" æ.». "+year', '"       ประจำงวด "+section+" พ.ศ. "+year'),
    # an Android date picker's comment: ปี is short, read beside the longer runs
    ('("«—π∑’Ë " + day + " ‡¥◊Õπ " + (month + 1) + " ª’ "',
     '("วันที่ " + day + " เดือน " + (month + 1) + " ปี "'),
    ("// µÈÕßª√–°“»µ—«·ª√", "// ต้องประกาศตัวแปร"),
])
def test_reads_back_real_shapes(damaged: str, thai: str) -> None:
    assert repair_mac_thai(damaged) == thai
    assert len(repair_mac_thai(damaged)) == len(damaged)  # one character for one


@pytest.mark.parametrize("latin", [
    "He said “hello” — and 1990—2000 • • • ©™ π≈3.14 “2019” … ’s",
    "“…”", "x “…” y", "wait…” he said", "it was 30°” hot", "café naïve Ø Æ ¿Qué? 1ª",
    "•\u00a0•", "≤ 10 ≥", "© 2009 Company™", "Price: £12 — €15",
    "ประกาศ “ประกาศ” – “คำสั่ง”…",  # real Thai with typographic quotes
    "ª’",  # a short run alone (ปี) is not enough to say a text is in the shape
])
def test_leaves_latin_typography_and_real_thai(latin: str) -> None:
    assert repair_mac_thai(latin) == latin


def test_dates_are_found_in_the_shape() -> None:
    text = "ª√–°“» ≥ «—π∑’Ë ÚÙ °—π¬“¬π æ.». ÚıˆÛ ·≈– ª’ß∫ª√–¡“≥ ÚıˆÙ"
    found = [(m.text, m.kind, m.start.isoformat(), m.end.isoformat()) for m in find_dates(text)]
    assert found == [("ÚÙ °—π¬“¬π æ.». ÚıˆÛ", "day", "2020-09-24", "2020-09-24"),
                     ("ª’ß∫ª√–¡“≥ ÚıˆÙ", "fiscal_year", "2020-10-01", "2021-09-30")]
