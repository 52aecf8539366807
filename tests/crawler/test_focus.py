"""Focused crawling: which links look like they lead to evidence (crawler/focus.py)."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from checklists.loader import load_checklist
from checklists.wordings import matchers_for
from crawler import settings as project
from crawler.focus import (
    HUB_TITLE,
    SCORE_HUB,
    SCORE_WORDING,
    SCORE_YEAR,
    FocusVocabulary,
    inherited,
    link_year,
    page_trail,
    page_year,
)
from crawler.runcontext import AuditRun
from crawler.spiders.oit import _focus_vocabulary


@pytest.fixture(scope="module")
def vocab() -> FocusVocabulary:
    return FocusVocabulary.build(load_checklist("nacc-oit-2565").items,
                                 ["ita", "oit", "เปิดเผยข้อมูล"], (2569, 2568))


@pytest.mark.parametrize(("url", "text", "section", "expected"), [
    ("http://o.example/ita/", "ITA 2569", "", SCORE_HUB),
    ("http://o.example/page.php?id=7", "การเปิดเผยข้อมูลสาธารณะ", "", SCORE_HUB),
    ("http://o.example/files/o12.pdf", "คลิก", "", SCORE_HUB),
    ("http://o.example/x.php", "O 5 ช่องทางการติดต่อ", "", SCORE_HUB),
    ("http://o.example/about/structure.html", "เกี่ยวกับเรา", "", SCORE_WORDING),
    ("http://o.example/p/12", "โครงสร้างองค์กร", "", SCORE_WORDING),
    ("http://o.example/y/2569/", "ดูทั้งหมด", "", SCORE_YEAR),
    ("http://o.example/tab", "ปีงบประมาณ 2568", "", SCORE_YEAR),
    ("http://o.example/tab", "ปีงบประมาณ 2560", "", 0),
    ("http://o.example/activity/sport.html", "แข่งขันกีฬานักเรียน", "", 0),
    ("http://o.example/capital/digital.html", "Digital services", "", 0),  # not 'ita'
    ("http://o.example/news/", "ข่าวประชาสัมพันธ์", "", SCORE_WORDING),  # the news item
])
def test_scores(vocab, url, text, section, expected):
    assert vocab.score(url, text, section)[0] == expected


@pytest.mark.parametrize(("text", "section", "expected"), [
    ("การประเมินคุณธรรมและความโปร่งใส (ITA)", "", (SCORE_HUB, "")),  # a menu's name
    ("เปิดดู", "คุณธรรมและความโปร่งใส", (SCORE_HUB, "")),  # under the hub's tab
    # news posts' titles: hub words, capped as one item's wording is
    ("ผอ.สพป. นำบุคลากรร่วมกิจกรรมเสริมสร้างคุณธรรมและจริยธรรมประจำปี", "",
     (SCORE_HUB, HUB_TITLE)),
    ("สำนักงานผ่านการประเมิน (ITA) ด้วยคะแนนเฉลี่ยสูงสุดในรอบปีที่ผ่านมา", "",
     (SCORE_HUB, HUB_TITLE)),
    ("ประกาศเจตจำนงสุจริตในการบริหารงานอย่างซื่อสัตย์ โปร่งใส ตรวจสอบได้", "",
     (SCORE_HUB, "O34")),  # a title naming an item counts against that item's cap
])
def test_hub_words_in_titles_are_capped(text, section, expected):
    vocab = FocusVocabulary.build(load_checklist("nacc-oit-2565").items,
                                  project.OIT_PRIORITY_WORDS, (2569,))
    assert vocab.score("http://o.example/p/9", text, section) == expected


@pytest.mark.parametrize(("url", "text", "expected"), [
    ("http://o.example/files/2569/o1-structure.html", "เปิดดู", True),  # a code in the path
    ("http://o.example/up/a.pdf", "O1 โครงสร้าง เปิดดู", True),  # in its table row
    ("http://o.example/up/a.pdf", "โครงสร้างองค์กร", True),  # an item's wording
    ("http://o.example/ita/2569.html", "ITA 2569", False),  # a year's tab names no item
])
def test_names_item(vocab, url, text, expected):
    assert vocab.names_item(url, text) is expected


def test_scores_are_kept_by_path_query_text_and_section():
    """A link's score is read back for the same path, query, text and section (another
    office's host, the same menu), and only then: a fresh vocabulary scores the same."""
    def fresh() -> FocusVocabulary:
        return FocusVocabulary.build(load_checklist("nacc-oit-2565").items,
                                     ["ita", "oit", "เปิดเผยข้อมูล"], (2569, 2568))

    links = [("http://o.example/p/12", "โครงสร้างองค์กร", ""),
             ("http://other.example/p/12", "โครงสร้างองค์กร", ""),
             ("http://o.example/p/12?x=o12", "โครงสร้างองค์กร", ""),
             ("http://o.example/p/12", "ดูทั้งหมด", ""),
             ("http://o.example/p/12", "ดูทั้งหมด", "คุณธรรมและความโปร่งใส"),
             ("http://o.example/%E0%B8%81/ita", "เปิด", "")]
    kept = fresh()
    for _ in range(2):
        assert [kept.score(*link) for link in links] == [fresh().score(*link) for link in links]
    assert len(kept._scored) == len(links) - 1  # the other host's link read back


def test_wording_names_its_item(vocab):
    assert vocab.score("http://o.example/p/12", "โครงสร้างองค์กร")[1] == "O1"


@pytest.mark.parametrize(("own", "trail", "area", "expected"), [
    (0, SCORE_HUB, "", (2, 2)),  # an untitled link on the ITA page
    (0, 2, "", (1, 1)),  # one click further
    (0, 1, "", (0, 0)),  # the trail ends
    (0, SCORE_HUB, "chrome", (0, 0)),  # the hub's menu is not its content
    (SCORE_HUB, 0, "", (SCORE_HUB, SCORE_HUB)),  # a hub starts a trail
    (SCORE_WORDING, 0, "", (SCORE_WORDING, 0)),  # wording alone passes nothing on
])
def test_inherited(own, trail, area, expected):
    assert inherited(own, trail, area) == expected


@pytest.fixture(scope="module")
def judged_vocab() -> FocusVocabulary:
    """With the judging's matchers: every name of an item and the wording model."""
    checklist = load_checklist("nacc-oit-2565")
    return FocusVocabulary.build(checklist.items, ["ita", "oit", "เปิดเผยข้อมูล"], (2569, 2568),
                                 matchers_for(checklist))


@pytest.mark.parametrize(("text", "item"), [
    # real offices' wordings (dev samples of tests/realworld/) the checklist's words miss
    ("หลักเกณฑ์และวิธีการประเมินผลการปฏิบัติงานของพนักงานส่วนตำบล", "O27"),
    ("ประกาศเจตนารมณ์การป้องกันและต่อต้านการทุจริตคอรัปชั่น", "O34"),
    ("ระเบียบกระทรวงการคลัง ว่าด้วยเงินทดรองราชการ พ.ศ.2562", "O6"),
])
def test_real_wordings_lead_to_evidence(vocab, judged_vocab, text, item):
    url = "http://o.example/?p=1767"
    assert vocab.score(url, text)[0] == 0  # the checklist's own words miss them
    assert judged_vocab.score(url, text) == (SCORE_WORDING, item)


@pytest.mark.parametrize("text", ["แข่งขันกีฬานักเรียน", "ภาพกิจกรรม", "ดาวน์โหลด"])
def test_texts_that_name_no_item_stay_unpromising(judged_vocab, text):
    assert judged_vocab.score("http://o.example/p/3", text)[0] == 0


def test_a_page_whose_links_name_several_items_is_a_hub():
    # "ข้อมูลสาธารณะ": an office's own list of items, some linked as "ดาวน์โหลด"
    assert page_trail(0, ["O1", "O6", "O27", "O34"], 8) == SCORE_HUB
    assert page_trail(0, ["O7", "O7", "O34"], 30) == 0  # a news archive naming a few items
    assert page_trail(0, ["O1", "O1"], 2) == 0  # one item's page
    assert page_trail(2, [], 5) == 2


@pytest.mark.parametrize(("section", "text", "url", "area", "page", "expected"), [
    ("ITA 2568", "เปิดดู", "http://o.example/files/2568/o1.html", "", None, 2568),  # a tab
    ("ITA 2569", "เปิดดู", "http://o.example/files/o1.html", "", 2568, 2569),  # tab first
    ("", "ข้อมูลย้อนหลัง", "http://o.example/ita-2568/", "chrome", None, 2568),  # a path
    ("", "OIT 2568 (ย้อนหลัง)", "http://o.example/old/", "chrome", 2569, 2568),  # a label
    ("", "อ่านต่อ", "http://o.example/ita-2568/o1.html", "", 2569, 2569),  # the page's year
    ("", "อ่านต่อ", "http://o.example/docs/o1.html", "", 2568, 2568),
    ("", "รายงานผลการดำเนินงานประจำปี 2568", "http://o.example/p/3", "", None, None),  # an item
    ("", "O12 รายงานประจำปี 2568", "http://o.example/p/4", "", None, None),  # a code: an item
    ("", "หน้าแรก", "http://o.example/", "chrome", 2568, None),  # menus: no year's section
])
def test_link_year(section, text, url, area, page, expected):
    assert link_year(section, text, url, area, page) == expected


def test_a_links_heading_names_its_years_section():
    url = "http://o.example/docs/o1.html"
    assert link_year("", "เปิดดู", url, "", 2569, "ข้อมูล ITA ปี 2568") == 2568
    assert link_year("", "เปิดดู", url, "", 2569, "ปีงบประมาณ 2568") == 2569  # no ITA
    assert link_year("", "เปิดดู", url, "chrome", None, "ITA 2568") is None  # a menu


@pytest.mark.parametrize(("crumbs", "heading", "title", "url", "referred", "expected"), [
    ("หน้าแรก › ITA 2568", "", "", "http://o.example/p/1", None, 2568),
    ("", "การประเมิน ITA ปี 2569", "", "http://o.example/p/1", 2568, 2569),
    ("", "", "", "http://o.example/ita-2568/", None, 2568),
    ("", "โครงสร้างองค์กร", "หน่วยงาน", "http://o.example/p/1", 2569, 2569),  # the link's
    ("", "ปีงบประมาณ 2568", "", "http://o.example/p/1", None, None),  # headings say ITA
])
def test_page_year(crumbs, heading, title, url, referred, expected):
    assert page_year(crumbs, heading, title, url, referred) == expected


def test_the_offices_of_a_batch_share_the_focus_vocabulary():
    """Built once per checklist and fiscal year in a process (crawler/spiders/oit.py): what it
    learnt of one office's menu texts serves the next office."""
    settings = Settings({"OIT_PRIORITY_WORDS": ["ita", "oit"], "OIT_AS_OF": "2026-05-15"})
    checklist = load_checklist("nacc-oit-2565")
    first = AuditRun.from_settings(settings, checklist=checklist)
    second = AuditRun.from_settings(settings, checklist=checklist)
    vocab = _focus_vocabulary(settings, first)
    assert _focus_vocabulary(settings, second) is vocab
    vocab.names("แผนการดำเนินงานประจำปี")
    assert "แผนการดำเนินงานประจำปี" in _focus_vocabulary(settings, second)._named
    next_year = AuditRun.from_settings(Settings({**settings, "OIT_FISCAL_YEAR": 2570}),
                                       checklist=checklist)
    assert _focus_vocabulary(settings, next_year) is not vocab
    assert _focus_vocabulary(settings, next_year).years == (2569, 2570)
