"""A link to a page that answers 200 but says it is not there (a "soft 404") is broken."""

from __future__ import annotations

import json

PAGES = {
    "/": '<html><body><a href="/ita/">ITA</a></body></html>',
    "/ita/": """<html><body><table>
<tr><td>O10</td><td><a href="/plan.html">แผนดำเนินงานประจำปี</a></td></tr>
<tr><td>O18</td><td><a href="/moved/">แผนการใช้จ่ายงบประมาณประจำปี</a></td></tr>
<tr><td>O19</td><td><a href="/category/o19/">รายงานการกำกับติดตามการใช้จ่ายงบประมาณ ประจำปี รอบ 6 เดือน</a>
</td></tr>
</table></body></html>""",
    "/plan.html": "<html><title>แผนดำเนินงานประจำปี</title><body>แผนดำเนินงานประจำปีงบประมาณ "
                  "พ.ศ. 2569</body></html>",
    # a WordPress theme's 404 template (twentysixteen's words), served with status 200
    "/moved/": "<html><title>Page not found – สำนักงานเขตพื้นที่</title><body>"
               "<h1>Oops! That page can’t be found.</h1><p>It looks like nothing was found at "
               'this location.</p><a href="/only-from-404.html">แผนการใช้จ่ายงบประมาณ</a>'
               "</body></html>",
    "/only-from-404.html": "<html><body>x</body></html>",
    # an existing WordPress category that holds no post: WordPress answers it with 200 and its
    # theme's content-none template (underscores' words); the link works, the slot is empty
    "/category/o19/": "<html><title>O19 รอบ 6 เดือน – สำนักงานเขตพื้นที่</title><body>"
                      '<section class="no-results not-found"><h1>Nothing Found</h1><p>It seems '
                      "we can’t find what you’re looking for. Perhaps searching can help.</p>"
                      '</section><a href="/from-empty-listing.html">หน้าแรก</a></body></html>',
    "/from-empty-listing.html": "<html><body>x</body></html>",
}


def _site(path):
    body = PAGES.get(path.split("?")[0])
    if body is None:
        return 404, {}, b"not found"
    return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode()


def test_a_soft_404_behind_an_item_link_is_broken_and_not_followed(cli, tmp_path, serve_app):
    url, rec = serve_app(_site)
    result = cli("audit", url, "--as-of", "2026-05-15", "--full", out_dir=tmp_path / "out")
    assert result.code == 1
    items = {i["code"]: i for i in result.report["items"]}
    assert items["O10"]["verdict"] == "pass"
    assert items["O18"]["verdict"] == "broken"
    assert "ไม่พบหน้า" in items["O18"]["reason"]
    assert "soft 404" in items["O18"]["reason_en"]
    assert items["O18"]["evidence"][0]["url"].endswith("/moved/")
    # the not-found page's links are not followed, as a 404's are not
    assert "/moved/" in rec.paths and "/only-from-404.html" not in rec.paths


def test_an_empty_listing_behind_an_item_link_is_missing_not_broken(cli, tmp_path, serve_app):
    url, rec = serve_app(_site)
    result = cli("audit", url, "--as-of", "2026-05-15", "--full", out_dir=tmp_path / "out")
    items = {i["code"]: i for i in result.report["items"]}
    # nothing published in the category: the item's evidence is missing, the link is not broken
    assert items["O19"]["verdict"] == "missing", json.dumps(items["O19"], ensure_ascii=False)
    # the listing is a page like any other: its links are followed
    assert "/from-empty-listing.html" in rec.paths
