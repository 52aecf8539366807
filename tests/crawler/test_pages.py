"""The page object reads what a person reads, without Scrapy."""

from __future__ import annotations

from checklists.site.scope import SiteScope, file_name, is_document_url
from crawler.pages import read_page

PAGE = """<html><head><title>ITA 2569 - สพม.ตัวอย่าง</title><base href="/ita/"></head><body>
<nav class="main-nav"><a href="/news/">ข่าว 2568</a></nav>
<div id="sidebar"><form><input type="password" name="pw"></form></div>
<main><h1>การเปิดเผยข้อมูลสาธารณะ</h1>
<table><tr><td>O1</td><td>โครงสร้าง</td><td><a href="o1.pdf" title="แผนผัง">คลิก</a></td></tr>
<tr><td>O9</td><td><a href="https://www.facebook.com/x"><img alt="Facebook สพม."></a></td></tr>
</table>
<a href="javascript:alert(1)">bad</a><a href="mailto:a@b">mail</a><a href="#top">top</a>
<iframe src="https://drive.google.com/embeddedfolderview?id=abc" title="เอกสาร"></iframe>
<p>โพสต์เมื่อ 12 พ.ย. 2568 | ผู้ดูแล</p></main>
<footer>© สงวนลิขสิทธิ์ 2569</footer></body></html>"""


def test_links_with_context_and_attributes():
    page = read_page(PAGE.encode(), "http://office.example/ita/index.php")
    by_url = {link.url: link for link in page.links}
    o1 = by_url["http://office.example/ita/o1.pdf"]
    assert o1.text == "คลิก แผนผัง"
    assert o1.context == "O1 โครงสร้าง คลิก"
    assert o1.heading == "การเปิดเผยข้อมูลสาธารณะ"
    assert by_url["https://www.facebook.com/x"].text == "Facebook สพม."
    frame = by_url["https://drive.google.com/embeddedfolderview?id=abc"]
    assert frame.tag == "iframe" and frame.text == "เอกสาร"
    assert not any(u.startswith(("javascript:", "mailto:")) for u in by_url)
    assert "http://office.example/news/" in by_url  # navigation links are still followed


def test_text_drops_navigation_and_footer():
    page = read_page(PAGE.encode(), "http://office.example/ita/")
    assert "ข่าว 2568" not in page.text and "สงวนลิขสิทธิ์" not in page.text
    assert "ITA 2569" not in page.text and page.title == "ITA 2569 - สพม.ตัวอย่าง"
    assert "การเปิดเผยข้อมูลสาธารณะ" in page.text
    assert page.post_date.startswith("12 พ.ย. 2568")
    assert page.has_password_field


def test_scope_counts_www_and_scheme_as_the_site():
    scope = SiteScope("https://www.kksec.go.th/")
    assert scope.contains("http://kksec.go.th/ita/")
    assert not scope.contains("https://drive.google.com/file/d/1/view")
    assert not scope.contains("http://www.kksec.go.th:8080/")


def test_document_urls_and_file_names():
    assert is_document_url("http://x/files/%E0%B8%AA%E0%B8%82%E0%B8%A3.PDF")
    assert file_name("http://x/files/%E0%B8%AA%E0%B8%82%E0%B8%A3%20%E0%B8%95.%E0%B8%84.68.pdf") \
        == "สขร ต.ค.68.pdf"
