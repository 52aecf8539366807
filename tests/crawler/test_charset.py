"""Pages whose declared encoding is wrong are read in the encoding they are in."""

from __future__ import annotations

import pytest

from crawler.charset import decode_html
from crawler.pages import read_page

THAI = ("<html><head><title>แผนดำเนินงานประจำปี 2569</title></head><body>"
        "<h1>แผนดำเนินงานประจำปี พ.ศ. 2569</h1><p>ประกาศ ณ วันที่ 15 ตุลาคม 2568</p>"
        '<a href="/about.html">เกี่ยวกับเรา</a></body></html>')


@pytest.mark.parametrize(("real", "declared"), [
    ("utf-8", "ISO-8859-1"),  # the page was read as empty
    ("utf-8", "windows-1252"),
    ("cp874", "utf-8"),  # every Thai letter became U+FFFD
    ("cp874", "ISO-8859-1"),
    ("tis-620", None),
    ("utf-8", "utf-8"),
    ("cp874", "windows-874"),
    ("utf-8", "no-such-charset"),
])
def test_thai_text_survives_a_wrong_declaration(real, declared):
    text, _ = decode_html(THAI.encode(real), declared)
    assert text == THAI


def test_read_page_uses_the_real_encoding():
    page = read_page(THAI.encode("utf-8"), "http://office.example/", "ISO-8859-1")
    assert page.title == "แผนดำเนินงานประจำปี 2569"
    assert [link.text for link in page.links] == ["เกี่ยวกับเรา"]
    page = read_page(THAI.encode("cp874"), "http://office.example/", "utf-8")
    assert "ตุลาคม 2568" in page.text and "\ufffd" not in page.text


def test_a_real_latin1_page_stays_latin1():
    assert decode_html("<p>Café crème</p>".encode("latin-1"), "ISO-8859-1")[0] == \
        "<p>Café crème</p>"


def test_a_stray_bad_byte_does_not_change_a_utf8_page():
    body = THAI.encode("utf-8").replace(b"<h1>", b"<h1>\xff")
    text, encoding = decode_html(body, "utf-8")
    assert encoding == "utf_8" and "แผนดำเนินงาน" in text


def test_a_bom_wins():
    assert decode_html(b"\xef\xbb\xbf" + THAI.encode("utf-8"), "ISO-8859-1")[0] == THAI
