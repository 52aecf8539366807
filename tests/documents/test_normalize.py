"""normalize_thai: each repair on damaged strings as PDFs and OCR produce them."""

from __future__ import annotations

import pytest

from crawler.documents import normalize_thai
from crawler.documents.normalize import (
    compose_sara_am,
    join_spaced_letters,
    map_pua,
    remove_space_before_marks,
    reorder_marks,
)

CASES = [
    # PUA glyph variants (Windows) from Angsana/Cordia/TH Sarabun text layers
    ("ที\uf70a่", "ที่"),  # tone mark 'low' variant
    ("ผู\uf70b้แทน", "ผู้แทน"),  # doubled after mapping -> dropped
    ("ป\uf710\uf70bน", "ปั้น"),  # mai han-akat left + mai tho low
    ("\uf70fาติ", "ญาติ"),  # yo ying without descender
    ("\uf700าน", "ฐาน"),  # tho than without descender
    ("ก\uf701\uf70aน", "กิ่น"),
    ("ค\uf718ณ", "คุณ"),
    ("ส\uf711า", "สำ"),  # nikhahit left + sara aa -> sara am
    # Mac PUA
    ("ท\uf886\uf88b", "ที่"),
    # sara am decomposed, alone and with a tone on either side of the nikhahit
    ("ประจํา", "ประจำ"),
    ("นํ้า", "น้ำ"),
    ("น้ํา", "น้ำ"),
    ("นำ้", "น้ำ"),
    ("ผูอํานวยการ", "ผูอำนวยการ"),
    # tone mark typed/extracted before the upper vowel
    ("ท่ีน่ี", "ที่นี่"),
    ("เร่ือง", "เรื่อง"),
    ("ก้ัน", "กั้น"),
    # doubled marks from overprinted glyphs
    ("ที่่", "ที่"),
    # pdfminer breaks lines and inserts spaces before zero-width marks
    ("เขตพื\n\n้นที\n\n่การศึกษา", "เขตพื้นที่การศึกษา"),
    ("พื ้นที ่", "พื้นที่"),
    # letter-spaced headings and broken runs
    ("ป ร ะ ก า ศ", "ประกาศ"),
    ("ป ร ะ ก า ศ สำนักงาน", "ประกาศ สำนักงาน"),
    ("ส ำ นั ก ง า น", "สำนักงาน"),
    ("เ รื่อง", "เรื่อง"),
    ("ส ำนัก", "สำนัก"),
    # things that must stay as they are
    ("ณ วันที่ 1 ตุลาคม 2566", "ณ วันที่ 1 ตุลาคม 2566"),
    ("ต่าง ๆ ก็ได้", "ต่าง ๆ ก็ได้"),
    ("ปีงบประมาณ พ.ศ. 2569 รอบ 6 เดือน", "ปีงบประมาณ พ.ศ. 2569 รอบ 6 เดือน"),
    ("ประกาศ ณ วันที่ ๑๕ ต.ค. ๖๘", "ประกาศ ณ วันที่ ๑๕ ต.ค. ๖๘"),
    ("ITA 2569 O1 - O43", "ITA 2569 O1 - O43"),
    ("ลำดับ\tรายการ\tวงเงิน", "ลำดับ\tรายการ\tวงเงิน"),
    # zero-width characters and whitespace tidying
    ("ประกาศ\u200bสำนักงาน", "ประกาศสำนักงาน"),
    ("ก  ข\r\nค   \n\n\n\nง", "ก ข\nค\n\nง"),
    ("", ""),
]


@pytest.mark.parametrize(("damaged", "expected"), CASES)
def test_normalize_thai(damaged: str, expected: str) -> None:
    assert normalize_thai(damaged) == expected


def test_result_is_nfc_and_idempotent() -> None:
    import unicodedata

    text = normalize_thai("นํ้า ท่ี ป ร ะ ก า ศ \uf70fาติ")
    assert unicodedata.is_normalized("NFC", text)
    assert normalize_thai(text) == text


def test_each_repair_alone() -> None:
    assert map_pua("\uf705\uf713\uf88c") == "\u0e48\u0e48\u0e48"
    assert remove_space_before_marks("ก \u0e34") == "ก\u0e34"
    assert remove_space_before_marks("a \u0e34") == "a \u0e34"  # only after Thai
    assert join_spaced_letters("ณ ที่ นี่") == "ณ ที่ นี่"
    assert join_spaced_letters("ก า ร") == "การ"
    assert reorder_marks("ก\u0e48\u0e34") == "ก\u0e34\u0e48"
    assert compose_sara_am("ก\u0e4d\u0e32") == "ก\u0e33"


def test_mac_roman_thai_is_read_back() -> None:
    # an old Thai font's TIS-620 bytes read as Mac Roman or Latin-1 (checklists/tis620.py)
    assert normalize_thai("ª√–°“» ≥ «—π∑’Ë ÚÙ °—π¬“¬π æ.». ÚıˆÛ") == \
        "ประกาศ ณ วันที่ ๒๔ กันยายน พ.ศ. ๒๕๖๓"
    assert normalize_thai("»ÃÐ¡ÒÈ ³ ÇÑ¹·Õè òô ¡Ñ¹ÂÒÂ¹ ¾.È. òõöó") == \
        "ประกาศ ณ วันที่ ๒๔ กันยายน พ.ศ. ๒๕๖๓"
    assert normalize_thai("“Quoted” — 1990—2000 … © café « à »") == \
        "“Quoted” — 1990—2000 … © café « à »"
