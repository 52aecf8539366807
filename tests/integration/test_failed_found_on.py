"""report.json's ``crawl.failed[].found_on`` names the same linking page on every run of an
unchanged site, whichever linking page the crawl happened to parse first."""

from __future__ import annotations

import json
import time

HOME = ('<html><body><a href="/slow.html">ประกาศ</a> '
        '<a href="/fast.html">ข่าว</a></body></html>')
LINKS_GONE = '<html><body><a href="/gone.pdf">{text}</a></body></html>'


def test_failed_found_on_is_the_first_linking_page_from_home_not_the_first_parsed(cli, tmp_path,
                                                                                  serve_app):
    def app(path):
        if path == "/":
            return 200, {}, HOME.encode()
        if path == "/slow.html":  # answered after /fast.html: the crawl meets /gone.pdf there
            time.sleep(1.5)
            return 200, {}, LINKS_GONE.format(text="แผนงาน").encode()
        if path == "/fast.html":
            return 200, {}, LINKS_GONE.format(text="ดาวน์โหลด").encode()
        return 404, {}, b"<html><body>not found</body></html>"

    url, rec = serve_app(app)
    result = cli("audit", url, "--full", "--as-of", "2026-05-15", out_dir=tmp_path / "out")
    assert result.code == 1, result.stderr
    assert rec.paths.count("/gone.pdf") == 1
    crawled = [json.loads(line) for line in
               (tmp_path / "out" / "crawl.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["referer"] for r in crawled if r["url"].endswith("/gone.pdf")] == [
        f"{url}fast.html"]  # the crawl met it on the page parsed first
    failed = {f["url"]: f for f in result.report["crawl"]["failed"]}
    gone = failed[f"{url}gone.pdf"]
    assert gone["status"] == 404
    # the report names the page home's first link leads to, and its link's text
    assert (gone["found_on"], gone["link_text"]) == (f"{url}slow.html", "แผนงาน")
