"""A navigation block's links read once (crawler/pages.py ``_kept_block``): a menu, header,
footer or sidebar that comes again with the same markup gives its links' readings back, and
every page reads as it reads alone (the kept readings emptied first)."""

from __future__ import annotations

import pytest

from crawler import pages
from crawler.pages import read_page

MENU = """<nav class="main-menu"><h3>เมนู</h3><ul>
<li><a href="/ita/">ITA 2569</a><ul><li><a href="/ita/o1.html">O1 โครงสร้าง</a></li>
<li><a href="docs/o2.pdf" title="ข้อมูลผู้บริหาร">O2</a></li></ul></li>
<li><details><summary>การจัดซื้อ</summary><a href="https://other.example/p">แผน</a></details></li>
<li><a href="javascript:void(0)">ปิด</a><a href="#top">บน</a></li>
</ul></nav>"""


def _page(menu: str, content: str = "<p><a href='/news/1'>ข่าว 1</a></p>",
          around: tuple[str, str] = ("", "")) -> str:
    return (f"<html><head><title>หน้า</title></head><body>{around[0]}{menu}{around[1]}"
            f"<main><h1>เรื่อง</h1>{content}</main></body></html>")


def _alone(body: str, url: str) -> pages.Page:
    """The page read with no block kept from an earlier page."""
    pages._BLOCKS.clear()
    return read_page(body, url, "utf-8")


@pytest.fixture(autouse=True)
def _fresh() -> None:
    pages._BLOCKS.clear()


def test_a_menu_seen_before_is_read_back_and_reads_the_same(monkeypatch) -> None:
    first, second = _page(MENU), _page(MENU, "<table><tr><td><a href='a.html'>O3</a></td></tr></table>")
    read_page(first, "http://office.example/a/", "utf-8")
    read = []
    original = pages._reading
    monkeypatch.setattr(pages, "_reading", lambda *a: read.append(a[1]) or original(*a))
    again = read_page(second, "http://office.example/b/c.html", "utf-8")
    assert [el.get("href") for el in read] == ["a.html"]  # the content's link alone
    monkeypatch.undo()
    assert again == _alone(second, "http://office.example/b/c.html")
    menu = [link for link in again.links if link.area == "chrome"]
    assert [link.url for link in menu] == [
        "http://office.example/ita/", "http://office.example/ita/o1.html",
        "http://office.example/b/docs/o2.pdf", "https://other.example/p"]
    assert menu[2].text == "O2 ข้อมูลผู้บริหาร" and menu[3].section == "การจัดซื้อ"
    assert menu[1].section == "ITA 2569" and menu[1].heading == "เมนู"


@pytest.mark.parametrize("url", ["http://office.example/x/y/", "https://office.example/",
                                 "http://other.example/ita/index.php?id=3"])
def test_links_resolve_against_each_page_own_address(url: str) -> None:
    read_page(_page(MENU), "http://office.example/a/", "utf-8")
    assert read_page(_page(MENU), url, "utf-8") == _alone(_page(MENU), url)


@pytest.mark.parametrize("around", [
    ("<ul><li>", "</li></ul>"),  # a list item around the menu: its label and row
    ("<table><tr><td>", "</td></tr></table>"),
    ('<div class="card">', "</div>"),
    ("<details><summary>ส่วนบน</summary>", "</details>"),
    ("<fieldset><legend>กลุ่ม</legend>", "</fieldset>"),
    ('<div aria-labelledby="lab">', "</div><span id='lab'>ป้าย</span>"),
    ('<div id="pane1">', '</div><a href="#pane1">แท็บหนึ่ง</a>'),
])
def test_a_menu_inside_what_a_reading_looks_at_reads_as_alone(around: tuple[str, str]) -> None:
    url = "http://office.example/p/"
    read_page(_page(MENU), url, "utf-8")
    body = _page(MENU, around=around)
    assert read_page(body, url, "utf-8") == _alone(body, url)


def test_tab_labels_and_outside_labels_of_a_menu_are_the_page_own() -> None:
    url = "http://office.example/p/"
    tabbed = MENU.replace("<ul>", '<ul id="t1">', 1)
    for label in ("แท็บ ก", "แท็บ ข"):
        body = _page(tabbed, f'<a href="#t1">{label}</a>')
        assert read_page(body, url, "utf-8") == _alone(body, url)
        assert read_page(body, url, "utf-8").links[0].section == label
    labelled = MENU.replace("<ul>", '<ul aria-labelledby="m">', 1)
    for label in ("ชื่อ ก", "ชื่อ ข"):
        body = _page(labelled, f'<span id="m">{label}</span>')
        assert read_page(body, url, "utf-8") == _alone(body, url)
        assert read_page(body, url, "utf-8").links[0].section == label


def test_a_changed_menu_is_read_again() -> None:
    url = "http://office.example/p/"
    read_page(_page(MENU), url, "utf-8")
    changed = _page(MENU.replace("O1 โครงสร้าง", "O1 โครงสร้างองค์กร"))
    page = read_page(changed, url, "utf-8")
    assert len(pages._BLOCKS) == 2  # kept beside the first, not read back as it
    assert page == _alone(changed, url) and page != _alone(_page(MENU), url)
