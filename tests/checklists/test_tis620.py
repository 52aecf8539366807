"""repair_tis620: TIS-620 Thai read as Mac Roman, Latin-1 or Mac Central European, read back (issue 16, part 3).

The damaged strings are real: GitHub files saved in these shapes (cited beside each), and the
flip-book's `พ.ศ. ๒๕๕๑` dates32 met. Latin typography and accented letters must never be
taken for it.
"""

from __future__ import annotations

import pytest

from checklists.thaidates import find_dates
from checklists.tis620 import repair_tis620

# A Java class's month names (LONG_MONTHNAMES_TH, a DateTimeBase class on GitHub): สิงหาคม's
# ส is a no-break space turned into a space before the vowel sign.
MONTHS = ('"¡°√“§¡", "°ÿ¡¿“æ—π∏Ï", "¡’π“§¡", "‡¡…“¬π", "æƒ…¿“§¡", "¡‘∂ÿπ“¬π", "°√°Æ“§¡", '
          '" ‘ßÀ“§¡", "°—π¬“¬π", "µÿ≈“§¡", "æƒ»®‘°“¬π", "∏—π«“§¡"')
THAI_MONTHS = ('"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", '
               '"สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"')
# A C# migration's seed data on GitHub: orders of the Prime Minister's Office in Latin-1.
ORDER = '"¤ÓÊÑè§ ¹Ã. ·Õè 102/2562 Å§ÇÑ¹·Õè 10 ¾ÄÉÀÒ¤Á 2562" });'


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
    # Latin-1: the same report saved on Windows, the seed data's orders, a PHP calendar's
    # comments, a car-listing page's alert
    ('"»ÃÐ¨Ó§Ç´ "+section+" ¾.È. "+year', '"ประจำงวด "+section+" พ.ศ. "+year'),
    (ORDER, '"คำสั่ง นร. ที่ 102/2562 ลงวันที่ 10 พฤษภาคม 2562" });'),
    ("//à´×Í¹·Ñé§ËÁ´¢Í§»ÕÃÙ»áºº 01/1/10 à´×Í¹/»Õ/ÇÑ¹",
     "//เดือนทั้งหมดของปีรูปแบบ 01/1/10 เดือน/ปี/วัน"),
    ("alert('äÁèÊÒÁÒÃ¶ºÑ¹·Ö¡»ÃÐ¡ÒÈà¡Ô¹ 20 »ÃÐ¡ÒÈä´é¤èÐ');",
     "alert('ไม่สามารถบันทึกประกาศเกิน 20 ประกาศได้ค่ะ');"),
    # Mac Central European: a district non-formal-education office's CMS page as the `pages`
    # search corpus stores it (nfemp.com: dates_realworld.yaml dev)
    ("[x] Ľ‘īňĻť“ĶŤ“ßĻ’ť", "[x] ปิดหน้าต่างนี้"),
    (" ŗ√‘ŤŃĻ—ļ 13 / °.§. / 2554", " เริ่มนับ 13 / ก.ค. / 2554"),
    # สมัครสมาชิก: a ส (0xCA) turned into a space before a consonant stays a space
    ("[  Ń—§√ Ń“™‘° ]", "[  มัคร มาชิก ]"),
])
def test_reads_back_real_shapes(damaged: str, thai: str) -> None:
    assert repair_tis620(damaged) == thai
    assert len(repair_tis620(damaged)) == len(damaged)  # one character for one


@pytest.mark.parametrize("latin", [
    "He said “hello” — and 1990—2000 • • • ©™ π≈3.14 “2019” … ’s",
    "“…”", "x “…” y", "wait…” he said", "it was 30°” hot", "•\u00a0•", "≤ 10 ≥",
    "© 2009 Company™", "Price: £12 — €15",
    "café naïve Öl à la carte « Bonjour » à · ½ ¿Qué? señor año 1ª 2º °C ± 5 µm § 5 © ®",
    "Ça va? Où est-il? À bientôt. Ålesund Æbeltoft Øst ÉCOLE ÀÉÈ", "Ø Æ ß ÿ ¼ ¾",
    "ประกาศ “ประกาศ” – “คำสั่ง”…",  # real Thai with typographic quotes
    "ª’", "¹Ã",  # a short run alone (ปี, นร) is not enough to say a text is in the shape
    # Central European words: Mac Central European letters, never Thai
    "Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy. Árvíztűrő tükörfúrógép.",
    "Łódź, Kraków, Gdańsk 2019. Česká republika, 1. ledna 2020.", "żółć", "úpěl ďábelské ůň",
    "Ó, Ś, Ź, Ż, Ł, Ń", "ĄĘ ŁŃ ÓŚ ŹŻ",
])
def test_leaves_latin_text_and_real_thai(latin: str) -> None:
    assert repair_tis620(latin) == latin


def test_dates_are_found_in_the_shapes() -> None:
    text = "ª√–°“» ≥ «—π∑’Ë ÚÙ °—π¬“¬π æ.». ÚıˆÛ ·≈– ª’ß∫ª√–¡“≥ ÚıˆÙ"
    found = [(m.text, m.kind, m.start.isoformat(), m.end.isoformat()) for m in find_dates(text)]
    assert found == [("ÚÙ °—π¬“¬π æ.». ÚıˆÛ", "day", "2020-09-24", "2020-09-24"),
                     ("ª’ß∫ª√–¡“≥ ÚıˆÙ", "fiscal_year", "2020-10-01", "2021-09-30")]
    found = [(m.text, m.kind, m.start.isoformat(), m.context) for m in find_dates(ORDER)]
    assert found == [("2562", "year", "2019-01-01", "document_number"),
                     ("10 ¾ÄÉÀÒ¤Á 2562", "day", "2019-05-10", "date")]


def test_dates_are_found_in_mac_central_european() -> None:
    # the same page's visitor counter: a Thai month between slashes
    text = "§√Ŕŗ™ĻīÕ∑§ÕŃ\n\n  \n\n ŗ√‘ŤŃĻ—ļ 13 / °.§. / 2554\nUserOnline now 2 IP"
    found = [(m.text, m.kind, m.start.isoformat()) for m in find_dates(text)]
    assert found == [("13 / °.§. / 2554", "day", "2011-07-13")]
