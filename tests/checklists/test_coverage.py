"""Which parts of the site robots.txt kept the crawler out of (checklists/coverage.py)."""

from __future__ import annotations

from dataclasses import dataclass

from checklists.site.coverage import not_checked, robots_disallowed


@dataclass
class Rec:
    url: str
    error: str = "robots"
    kind: str = "page"


def test_shortest_paths_and_no_admin_pages():
    records = [Rec("https://o.go.th/ita/"), Rec("https://o.go.th/ita/o1.html"),
               Rec("https://o.go.th/wp-admin/"), Rec("https://o.go.th/wp-login.php"),
               Rec("https://o.go.th/administrator/index.php"),
               Rec("https://o.go.th/docs/plan.pdf", kind="document"),
               Rec("https://drive.example.com/x", kind="external"),
               Rec("https://o.go.th/news/", error="")]
    assert robots_disallowed(records) == ["/ita/", "/docs/plan.pdf"]


def test_nothing_disallowed():
    assert robots_disallowed([Rec("https://o.go.th/", error=""), Rec("https://o.go.th/admin")]) \
        == []


def test_reason_names_the_paths_thai_first():
    th, en = not_checked(["/ita/"])
    assert th == "ยังไม่ได้ตรวจ: robots.txt ไม่อนุญาตให้โปรแกรมเข้า /ita/"
    assert en == "not checked: robots.txt disallows /ita/"
    assert not_checked(["/a/", "/b/", "/c/", "/d/", "/e/"])[1].endswith("/a/, /b/, /c/ (+2)")
