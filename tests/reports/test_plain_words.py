"""Every field a person reads is in plain Thai (English with --lang en): no Python dicts,
setting names, raw failure codes or HTML entities in the reports."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from reports import html, markdown
from reports.labels import limit_words

INTERNALS = ("check_external", "max_pages", "max_depth", "login_required", "http_404",
             "{'", "=False", "=True", "Q&amp;A")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_markdown_has_no_internals(demo_report, lang):
    text = markdown.render(demo_report, lang)
    for word in INTERNALS:
        assert word not in text, word
    assert "Q&A" in text or lang == "en"  # the English title of O8 is another
    assert ("สิ่งที่ควรแก้ก่อน" if lang == "th" else "Fix first") in text
    assert ("หน้าเว็บไม่เกิน 1,500 หน้า" if lang == "th" else "at most 1,500 pages") in text


@pytest.mark.parametrize("lang", ["th", "en"])
def test_html_visible_text_has_no_internals(demo_report, lang):
    doc = lxml_html.fromstring(html.render(demo_report, lang))
    for bad in doc.xpath("//script|//style"):
        bad.getparent().remove(bad)
    visible = " ".join(doc.itertext())
    for word in INTERNALS:
        assert word not in visible, word
    failed = [f for f in demo_report["crawl"]["failed"] if f["error"] == "login_required"]
    assert failed and failed[0]["reason" if lang == "th" else "reason_en"] in visible


def test_html_labels_the_as_of_and_crawl_dates(demo_report):
    page = html.render(demo_report, "th")
    assert "ประเมินความเป็นปัจจุบัน ณ วันที่" in page and "เก็บข้อมูลจากเว็บไซต์เมื่อ" in page
    assert "พบเมื่อ" not in page
    assert re.search(r"เก็บข้อมูลเมื่อ \d+ \S+ \d{4} \d\d:\d\d น\.", page)


def test_limit_words():
    assert limit_words({"max_pages": 1500, "check_external": False}, "th") == [
        "หน้าเว็บไม่เกิน 1,500 หน้า", "ไม่เปิดตรวจลิงก์ภายนอก"]
    assert limit_words({"max_depth": 5, "check_external": True}, "en") == [
        "at most 5 clicks from home", "external links checked"]
