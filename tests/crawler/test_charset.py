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


# A mostly-English CMS page with a few Thai words, as small offices' old sites are: too little
# Thai for charset-normalizer, which names cp932 (half-width katakana) when nothing is declared.
MENU = ("<html><head>{meta}<title>Home - อบต.นายม</title><script src='jquery.js'></script>"
        "<style>body{{font-family:Tahoma}}</style></head><body><div id='menu'>"
        "<a href='/index.php?option=com_content&amp;view=article&amp;id=1'>Home</a> "
        "<a href='/news'>ข่าวสาร</a> <a href='/contact'>Contact us</a></div>"
        "Copyright 2010 All rights reserved. Powered by Joomla!</body></html>")
META = {"none": "", "meta": "<meta http-equiv='Content-Type' content='text/html; charset=tis-620'>",
        "meta5": "<meta charset='windows-874'>"}


@pytest.mark.parametrize(("meta", "content_type"), [
    ("none", None),  # nothing declared anywhere
    ("none", "text/html"),
    ("meta", None),  # declared only in a meta tag
    ("meta5", "text/html"),
    ("meta", "text/html; charset=ISO-8859-1"),  # a server's default header over the meta tag
    ("none", "text/html; charset=ISO-8859-1"),
    ("meta5", "text/html; charset=UTF-8"),
])
@pytest.mark.parametrize("template", [MENU, THAI.replace("<head>", "<head>{meta}")])
def test_a_windows_874_page_is_read_through_scrapys_encoding(template, meta, content_type):
    """The spider passes Scrapy's ``response.encoding`` (declared, or guessed when nothing is
    declared): whatever it says, windows-874 bytes come out as Thai."""
    from scrapy.http import HtmlResponse

    html = template.format(meta=META[meta])
    headers = {"Content-Type": content_type} if content_type else {}
    response = HtmlResponse("http://office.example/", body=html.encode("cp874"),
                            headers=headers)
    page = read_page(response.body, response.url, response.encoding)
    assert "อบต.นายม" in page.title or page.title == "แผนดำเนินงานประจำปี 2569"
    assert {link.text for link in page.links} & {"ข่าวสาร", "เกี่ยวกับเรา"}


@pytest.mark.parametrize(("text", "encoding"), [
    ("<p>Café crème, à la française: École, Élysée, déjà vu</p>", "cp1252"),
    ("<p>Größe und Straße, Öffnungszeiten, Über uns, Café Müller</p>", "latin-1"),
    ("<p>Министерство образования и науки, новости и объявления</p>", "cp1251"),
    ("<p>日本語のページです。お問い合わせはこちら。</p>", "cp932"),
])
@pytest.mark.parametrize("declared", [True, False])
def test_western_and_cjk_pages_are_not_taken_for_thai(text, encoding, declared):
    text, _ = decode_html(text.encode(encoding), encoding if declared else None)
    assert not any("\u0e00" <= ch <= "\u0e7f" for ch in text), text
