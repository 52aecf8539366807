"""What a person reads around a link: its section (tabs, accordions, parent menu items), the
nearest heading of its own region, whether it is in a menu; the page's breadcrumb and
categories."""

from __future__ import annotations

from crawler.pages import read_page

PAGE = """<html><head><title>ITA</title></head><body>
<nav class="menu"><h3>เมนู</h3><ul><li><a href="#">ITA 2569</a><ul>
<li><a href="#">9.1 ข้อมูลพื้นฐาน</a><ul><li><a href="/o1.html">O1 โครงสร้าง</a></li></ul></li>
</ul></li></ul></nav>
<div class="breadcrumb"><ol><li><a href="/">หน้าแรก</a></li><li>ITA 2569</li></ol></div>
<main><h1>การเปิดเผยข้อมูลสาธารณะ</h1>
<ul class="nav nav-tabs"><li><a href="#y68" data-bs-toggle="tab">ITA 2568</a></li>
<li><button data-bs-target="#y69">ITA 2569</button></li></ul>
<div class="tab-content"><div id="y68"><table><tr><td>O1</td><td><a href="/a.pdf">ดาวน์โหลด</a>
</td></tr></table></div><div id="y69"><details><summary>ตัวชี้วัดที่ 9</summary>
<a href="/b.pdf">ดู</a></details></div></div>
<h3>O10 แผนดำเนินงานประจำปี</h3><iframe src="/c.pdf" title="แผน.pdf"></iframe>
<a href="/d.pdf" aria-label="O11 รายงาน"><img src="x.png" alt=""></a>
<a rel="category tag" href="/category/news/">ข่าวประชาสัมพันธ์</a></main>
<footer><a href="/policy.html">นโยบายเว็บไซต์</a></footer></body></html>"""


def links():
    page = read_page(PAGE, "http://office.example/ita/")
    return page, {link.url.rsplit("/", 1)[-1]: link for link in page.links}


def test_breadcrumb_and_categories():
    page, _ = links()
    assert page.breadcrumb == "หน้าแรก › ITA 2569"
    assert page.categories == ["ข่าวประชาสัมพันธ์"]


def test_menu_parents_are_the_section_of_a_menu_link():
    _, by = links()
    o1 = by["o1.html"]
    assert o1.section == "ITA 2569 › 9.1 ข้อมูลพื้นฐาน"
    assert o1.area == "chrome" and o1.heading == "เมนู"  # not the content's heading


def test_tabs_and_accordions_label_their_links():
    _, by = links()
    assert by["a.pdf"].section == "ITA 2568" and by["a.pdf"].context == "O1 ดาวน์โหลด"
    assert by["b.pdf"].section == "ITA 2569 › ตัวชี้วัดที่ 9"
    assert by["a.pdf"].area == "" and by["a.pdf"].heading == "การเปิดเผยข้อมูลสาธารณะ"


def test_embeds_headings_and_aria_labels():
    _, by = links()
    assert by["c.pdf"].tag == "iframe" and by["c.pdf"].heading == "O10 แผนดำเนินงานประจำปี"
    assert by["d.pdf"].text == "O11 รายงาน"
    assert by["policy.html"].area == "chrome" and by["policy.html"].heading == ""
    assert set(by["c.pdf"].as_dict()) >= {"section", "area", "heading", "context"}
