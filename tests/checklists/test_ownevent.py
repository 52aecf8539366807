"""An office's own integrity event led by its head (checklists/ownevent.py): the 2565 O35 and
O38 evidence offices publish as news posts (shapes of the real-world dev split)."""

from __future__ import annotations

import pytest

from checklists.ownevent import (
    JOINED,
    LED,
    asks_for_held_activities,
    asks_for_led_activities,
    integrity_event,
    is_front_page,
)
from tests.checklists.test_matching import ITA, ITEMS, page, results


@pytest.mark.parametrize(("title", "text", "led"), [
    # the head leads the staff in the oath (dev s0594's shape)
    ("กิจกรรมเข้าแถวเคารพธงชาติทุกวันจันทร์",
     "กิจกรรมเข้าแถวเคารพธงชาติ นำโดย นายกองค์การบริหารส่วนตำบลแม่ทราย และข้าราชการ "
     "กล่าวคำปฏิญาณตน ข้าพเจ้าจะปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต", True),
    # a deputy head presides over the office's oath ceremony (dev s0595's shape)
    ("วันนี้ เวลา ๙.๐๕ น. ราชบัณฑิตยสถานจัดพิธีถวายสัตย์ปฏิญาณเพื่อเป็นข้าราชการที่ดี",
     "โดยมี นายพงษ์ศักดิ์ ศิริวงษ์ รองเลขาธิการราชบัณฑิตยสถาน เป็นประธานฯ นำผู้บริหาร", True),
    # the head hands the event to a manager: a unit's attendance is news (dev s0296's shape)
    ("ประกาศเจตนารมณ์ “กระทรวงสาธารณสุขใสสะอาด ร่วมต้านทุจริต”",
     "ผู้อำนวยการสถาบันวัคซีนแห่งชาติมอบหมายให้ ผู้จัดการสำนักอำนวยการ เข้าร่วมงาน "
     "ประกาศเจตนารมณ์", False),
    # the head presides over an event that is not about integrity
    ("กิจกรรมวันเด็กแห่งชาติ", "นายกเทศมนตรี เป็นประธานในพิธีเปิดงานวันเด็ก", False),
    # the head gives the staff the office's No Gift policy at a meeting (dev s0141's shape)
    ("องค์การบริหารส่วนจังหวัดอ่างทอง",
     "เมื่อวันที่ ๑๕ มกราคม ๒๕๖๗ ณ ห้องประชุม นายกองค์การบริหารส่วนจังหวัดอ่างทอง "
     "ได้ถ่ายทอดนโยบายการประกาศเจตนารมณ์ “งดรับ งดให้ ของขวัญ (No Gift Policy)”", True),
    # integrity, but no head leads it (a unit takes part: dev s0339's shape)
    ("งานบริการวิชาการฯ ร่วมงานวันต่อต้านคอรัปชั่นสากล", "", False),
])
def test_an_integrity_event_led_by_the_head(title, text, led):
    assert bool(integrity_event(title, text)) is led


def test_the_items_that_ask_for_led_activities():
    assert {c for c, i in ITEMS.items() if asks_for_led_activities(i)} == {"O35", "O38"}


HEADLINE = "พิธีถวายสัตย์ปฏิญาณเพื่อเป็นข้าราชการที่ดีและพลังของแผ่นดิน"


def _post(url: str, text: str, headline: str = HEADLINE) -> dict:
    """The audit of a site whose ITA page links the news post at ``url``."""
    return results([page(ITA, [(url, headline, "", "", "")]),
                    page(url, title=headline, text=text)])


def test_a_post_of_the_heads_integrity_event_is_evidence_for_review():
    """The news post is O35's and O38's evidence, flagged for a person to confirm; the same
    post with the event handed to a manager is neither's."""
    led = "http://office.example/news/88.html"
    r = _post(led, "นายสมชาย ใจดี ผู้อำนวยการ เป็นประธานในพิธี นำข้าราชการ"
                   "กล่าวคำถวายสัตย์ปฏิญาณ ปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต")
    for code in ("O35", "O38"):
        assert r[code].verdict != "missing" and r[code].evidence[0].url == led
        assert r[code].needs_review
    handed = "http://office.example/news/89.html"
    r = _post(handed, "ผู้อำนวยการ มอบหมายให้ หัวหน้างาน เข้าร่วมพิธี "
                      "ปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต")
    assert r["O35"].verdict == "missing" and r["O38"].verdict == "missing"


@pytest.mark.parametrize(("title", "text", "role"), [
    # the head presides: the office holds the event
    ("พิธีถวายสัตย์ปฏิญาณ", "ผู้อำนวยการ เป็นประธานในพิธี ปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต", LED),
    # the head joins the ministry's ceremony (dev s0597's shape)
    ("เลขาธิการสภาการศึกษา ร่วมงาน ศธ.ประกาศเจตนารมณ์ ต่อต้านคอร์รัปชัน", "", JOINED),
    ("กิจกรรมวันเด็กแห่งชาติ", "นายกเทศมนตรี เป็นประธานในพิธีเปิดงานวันเด็ก", ""),
])
def test_how_the_head_takes_part(title, text, role):
    assert integrity_event(title, text) == role


def test_the_items_that_ask_for_activities_the_office_holds():
    assert {c for c, i in ITEMS.items() if asks_for_held_activities(i)} == {"O38"}


def test_a_head_joining_another_bodys_event_is_the_executives_item_only():
    """O38 asks for activities the office holds; its head taking part in the ministry's
    ceremony is O35's evidence alone (LABELLING.md, "News"; dev s0597's shape)."""
    url = "http://office.example/news/91.html"
    r = _post(url, "นายสมชาย ใจดี ผู้อำนวยการ ร่วมพิธีของกระทรวง กล่าวคำถวายสัตย์ปฏิญาณ "
                   "ปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต")
    assert r["O35"].verdict != "missing" and r["O35"].evidence[0].url == url
    assert r["O35"].needs_review
    assert r["O38"].verdict == "missing"


def test_a_front_page_of_headlines_is_no_one_event():
    """A site's front page lists several posts: one headline's head giving a policy beside
    another's integrity pledge is no event the head leads (tests/corpus news-decoys)."""
    headlines = ("ผู้อำนวยการมอบนโยบายการบริหารทรัพยากรบุคคลแก่ข้าราชการใหม่ 5 เมษายน 2569 "
                 "ผู้อำนวยการ สพป. ลงนามประกาศเจตจำนงสุจริต ประจำปี 2569")
    assert integrity_event("หน้าแรก", headlines)  # the words alone would read as one
    assert is_front_page("http://office.example/") and is_front_page("http://office.example")
    assert is_front_page("http://office.example/index.php")
    assert not is_front_page("http://office.example/index.php?option=com_content&id=7")
    assert not is_front_page("http://office.example/news/88.html")
    home = "http://office.example/index.php"
    r = results([page(ITA, [(home, "หน้าแรก", "", "", "")]),
                 page(home, title="หน้าแรก", text=headlines)])
    assert r["O35"].verdict == "missing" and r["O38"].verdict == "missing"


def test_a_units_news_of_another_bodys_pledge_is_the_news_items():
    """A unit's post relaying the ministry's pledge ceremony its head handed to a manager
    (dev s0296's shape) is no led event and, as an event report, no evidence of the pledge
    item its words name ("ประกาศเจตนารมณ์", O34); it is the office's own news (O7), flagged
    for review (candidates._own_news is asked when what named a post was no evidence)."""
    url = "http://office.go.th/index.php/blog/2020/12/pr_2564_05_corrup_preven"
    headline = ("ประกาศเจตนารมณ์ “กระทรวงสาธารณสุขใสสะอาด ร่วมต้านทุจริต (MOPH Zero Tolerance)” "
                "ปีงบประมาณ 2564")
    r = _post(url, headline + " ผู้อำนวยการสถาบันมอบหมายให้ ผู้จัดการสำนักอำนวยการ "
                              "เข้าร่วมกิจกรรมประกาศเจตนารมณ์ ณ ห้องประชุม", headline)
    assert r["O34"].verdict == "missing"
    assert r["O7"].verdict != "missing" and r["O7"].evidence[0].url == url
    assert r["O7"].needs_review
