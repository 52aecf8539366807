"""After a 304 the cached entry is rewritten only when a lasting header changed
(crawler/httpcache.py ``RevalidatedStorage``): real storage on disk, Scrapy's own middleware."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy import Spider
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.test import get_crawler

from crawler.httpcache import AuditCacheMiddleware

URL = "http://127.0.0.1:9/page"


@pytest.fixture
def middleware(tmp_path: Path) -> AuditCacheMiddleware:
    crawler = get_crawler(Spider, {
        "HTTPCACHE_ENABLED": True, "HTTPCACHE_DIR": str(tmp_path),
        "HTTPCACHE_POLICY": "crawler.httpcache.RevalidatePolicy",
        "HTTPCACHE_STORAGE": "crawler.httpcache.RevalidatedStorage"})
    crawler.spider = crawler._create_spider("s")
    mw = AuditCacheMiddleware.from_crawler(crawler)
    mw.spider_opened(crawler.spider)
    return mw


def _fetch(mw: AuditCacheMiddleware, answer: Response) -> Response:
    """One request through the middleware: the cached copy asked for, ``answer`` received."""
    request = Request(URL)
    assert mw.process_request(request) is None  # revalidated, never served as fresh
    return mw.process_response(request, answer.replace(request=request))


def _meta(mw: AuditCacheMiddleware) -> Path:
    request = Request(URL)
    return Path(mw.storage._get_request_path(mw.crawler.spider, request)) / "pickled_meta"


def test_unchanged_304_keeps_the_entry_a_new_etag_rewrites_it(middleware) -> None:
    headers = {"ETag": '"v1"', "Content-Type": "text/html", "Date": "Mon, 01 Jun 2026 00:00:00 GMT"}
    first = _fetch(middleware, HtmlResponse(URL, body=b"<p>page</p>", headers=headers))
    assert first.status == 200
    meta = _meta(middleware)
    stored = meta.read_bytes()

    again = _fetch(middleware, Response(URL, status=304, headers={
        "ETag": '"v1"', "Date": "Tue, 02 Jun 2026 00:00:00 GMT"}))
    assert again.status == 200 and again.body == b"<p>page</p>" and "cached" in again.flags
    assert meta.read_bytes() == stored  # only the answer's date differed

    changed = _fetch(middleware, Response(URL, status=304, headers={"ETag": '"v2"'}))
    assert changed.body == b"<p>page</p>"
    assert meta.read_bytes() != stored
    request = Request(URL)
    middleware.process_request(request)
    assert request.headers.get("If-None-Match") == b'"v2"'  # the next night asks with v2
