"""The site's HTTP cache in one SQLite file (crawler/httpcache.py ``SiteCacheStorage``): real
storage on disk, Scrapy's own middleware. After a 304 the body is never written again and the
metadata only when a lasting header changed; caches in the earlier folder layouts are moved
in; a damaged file or an unwritable folder never stops a crawl."""

from __future__ import annotations

import pickle
import signal
import sqlite3
import sys
from pathlib import Path

import pytest
from scrapy import Spider
from scrapy.extensions.httpcache import FilesystemCacheStorage
from scrapy.http import HtmlResponse, Request, Response, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler
from w3lib.http import headers_dict_to_raw

from crawler.httpcache import CACHE_SUFFIX, AuditCacheMiddleware, entry_meta
from tests import patience
from tests.conftest import ROOT

URL = "http://127.0.0.1:9/page"
SETTINGS = {"HTTPCACHE_ENABLED": True,
            "HTTPCACHE_POLICY": "crawler.httpcache.RevalidatePolicy",
            "HTTPCACHE_STORAGE": "crawler.httpcache.SiteCacheStorage"}


def _middleware(cache: Path) -> AuditCacheMiddleware:
    crawler = get_crawler(Spider, {**SETTINGS, "HTTPCACHE_DIR": str(cache)})
    crawler.spider = crawler._create_spider("s")
    mw = AuditCacheMiddleware.from_crawler(crawler)
    mw.spider_opened(crawler.spider)
    return mw


@pytest.fixture
def middleware(tmp_path: Path):
    mw = _middleware(tmp_path)
    yield mw
    mw.spider_closed(mw.crawler.spider)


def _fetch(mw: AuditCacheMiddleware, answer: Response, url: str = URL) -> Response:
    """One request through the middleware: the cached copy asked for, ``answer`` received."""
    request = Request(url)
    assert mw.process_request(request) is None  # revalidated, never served as fresh
    return mw.process_response(request, answer.replace(url=url, request=request))


def _rows(cache: Path) -> list[tuple]:
    with sqlite3.connect(cache / f"s{CACHE_SUFFIX}") as db:
        return db.execute("SELECT key, stored, meta, body FROM responses").fetchall()


def _asks_with(mw: AuditCacheMiddleware, url: str = URL) -> dict[str, bytes | None]:
    request = Request(url)
    mw.process_request(request)
    return {name: request.headers.get(name) for name in ("If-None-Match", "If-Modified-Since")}


def test_one_file_per_site_no_folder_per_response(middleware, tmp_path) -> None:
    for n in range(5):
        _fetch(middleware, HtmlResponse(URL, body=b"<p>%d</p>" % n, headers={"ETag": '"e"'}),
               url=f"{URL}{n}")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == []
    assert len(_rows(tmp_path)) == 5


def test_unchanged_304_keeps_the_entry_a_new_etag_rewrites_it(middleware, tmp_path) -> None:
    headers = {"ETag": '"v1"', "Content-Type": "text/html", "Date": "Mon, 01 Jun 2026 00:00:00 GMT"}
    first = _fetch(middleware, HtmlResponse(URL, body=b"<p>page</p>", headers=headers))
    assert first.status == 200
    [(_, stored, meta, body)] = _rows(tmp_path)

    again = _fetch(middleware, Response(URL, status=304, headers={
        "ETag": '"v1"', "Date": "Tue, 02 Jun 2026 00:00:00 GMT"}))
    assert again.status == 200 and again.body == b"<p>page</p>" and "cached" in again.flags
    assert isinstance(again, HtmlResponse)  # Scrapy's class and encoding come back too
    [(_, stored2, meta2, body2)] = _rows(tmp_path)
    assert (meta2, body2) == (meta, body) and stored2 >= stored  # only the answer's date differed

    changed = _fetch(middleware, Response(URL, status=304, headers={"ETag": '"v2"'}))
    assert changed.body == b"<p>page</p>"
    [(_, _, meta3, body3)] = _rows(tmp_path)
    assert meta3 != meta and body3 == body
    assert _asks_with(middleware)["If-None-Match"] == b'"v2"'  # the next night asks with v2

    replaced = _fetch(middleware, HtmlResponse(URL, body=b"<p>new</p>", headers={"ETag": '"v3"'}))
    assert replaced.body == b"<p>new</p>" and "cached" not in replaced.flags
    assert _rows(tmp_path)[0][3] == b"<p>new</p>"


def test_a_304s_content_length_leaves_the_entry_as_it_is(middleware, tmp_path) -> None:
    """Scrapy's download handler gives a 304 ``Content-Length: 0`` (its own empty body): the
    stored length stays (RFC 9111 3.2) and the row is not rewritten for it."""
    body = b"<p>%s</p>" % (b"x" * 5000)
    headers = {"ETag": '"v1"', "Content-Type": "text/html", "Content-Length": str(len(body))}
    _fetch(middleware, HtmlResponse(URL, body=body, headers=headers))
    [(_, _, meta, _)] = _rows(tmp_path)
    for _night in range(2):
        again = _fetch(middleware, Response(URL, status=304, headers={
            "ETag": '"v1"', "Content-Length": "0", "Date": "Tue, 02 Jun 2026 00:00:00 GMT"}))
        assert again.body == body and again.headers[b"Content-Length"] == b"%d" % len(body)
        assert _rows(tmp_path)[0][2] == meta  # not rewritten
    without = _fetch(middleware, HtmlResponse(URL + "2", body=b"<p>y</p>",
                                              headers={"ETag": '"w"'}), url=URL + "2")
    assert without.status == 200
    again = _fetch(middleware, Response(URL, status=304, headers={"ETag": '"w"',
                                                                  "Content-Length": "0"}),
                   url=URL + "2")
    assert again.body == b"<p>y</p>" and b"Content-Length" not in again.headers


def test_entry_meta_is_what_scrapys_to_dict_gives() -> None:
    """The stored fields are ``Response.to_dict()``'s (body aside) with the raw headers
    ``headers_dict_to_raw`` writes, read without copying them."""
    headers = {"Set-Cookie": ["a=1", "b=2"], "ETag": '"e"', "Content-Type": "text/html"}
    request = Request(URL + "?q=1")
    for response in (HtmlResponse(URL, body=b"<p>x</p>", headers=headers, flags=["f"],
                                  ip_address=None, protocol="HTTP/1.1"),
                     TextResponse(URL, body="ก".encode(), encoding="utf-8", headers={}),
                     XmlResponse(URL, body=b"<a/>", headers={"X": "1"}),
                     Response(URL, status=304, headers={"ETag": '"e"', "Content-Length": "0"})):
        expected = {key: value for key, value in response.to_dict().items() if key != "body"}
        expected.update(method="GET", request_url=request.url, timestamp=1.5,
                        headers=headers_dict_to_raw(response.headers), response_url=URL)
        expected["url"] = request.url
        assert entry_meta(request, response, 1.5) == expected


def _legacy_entry(cache: Path, request: Request, scrapy_layout: bool) -> Path:
    """An entry as the earlier storages wrote it (Scrapy's seven files, or the two files of
    this project's earlier layout)."""
    response = HtmlResponse(URL, body=b"<p>old</p>", headers={"ETag": '"old"'})
    if scrapy_layout:
        storage = FilesystemCacheStorage(get_crawler(Spider, {"HTTPCACHE_DIR": str(cache)})
                                         .settings)
        spider = get_crawler(Spider)._create_spider("s")
        storage.open_spider(spider)
        storage.store_response(spider, request, response)
        return Path(storage._get_request_path(spider, request))
    crawler = get_crawler(Spider)
    key = crawler.request_fingerprinter.fingerprint(request).hex()
    rpath = cache / "s" / key[:2] / key
    rpath.mkdir(parents=True)
    meta = {key: value for key, value in response.to_dict().items() if key != "body"}
    meta.update(method="GET", request_url=URL, url=URL, timestamp=1.0, response_url=URL,
                headers=headers_dict_to_raw(response.headers))
    (rpath / "pickled_meta").write_bytes(pickle.dumps(meta, protocol=4))
    (rpath / "response_body").write_bytes(response.body)
    return rpath


@pytest.mark.parametrize("scrapy_layout", [True, False])
def test_an_old_cache_folder_is_moved_in_and_still_revalidates(tmp_path, scrapy_layout) -> None:
    _legacy_entry(tmp_path, Request(URL), scrapy_layout)
    broken = tmp_path / "s" / "ab" / ("ab" + "0" * 38)
    broken.mkdir(parents=True)
    (broken / "pickled_meta").write_bytes(b"not a pickle")  # skipped, never a crash
    mw = _middleware(tmp_path)
    assert not (tmp_path / "s").exists()  # moved, then removed
    assert _asks_with(mw)["If-None-Match"] == b'"old"'
    again = _fetch(mw, Response(URL, status=304, headers={"ETag": '"old"'}))
    assert again.body == b"<p>old</p>" and again.status == 200
    mw.spider_closed(mw.crawler.spider)


def test_a_damaged_cache_file_is_set_aside(tmp_path) -> None:
    (tmp_path / f"s{CACHE_SUFFIX}").write_bytes(b"this is not an SQLite database" * 100)
    mw = _middleware(tmp_path)
    assert _fetch(mw, HtmlResponse(URL, body=b"<p>x</p>", headers={"ETag": '"e"'})).body \
        == b"<p>x</p>"
    assert (tmp_path / f"s{CACHE_SUFFIX}.broken").exists()
    assert len(_rows(tmp_path)) == 1
    mw.spider_closed(mw.crawler.spider)


def test_an_unwritable_cache_means_no_cache_not_a_failed_crawl(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")  # HTTPCACHE_DIR under a file: the folder cannot be made
    mw = _middleware(blocker / "cache")
    response = _fetch(mw, HtmlResponse(URL, body=b"<p>x</p>", headers={"ETag": '"e"'}))
    assert response.body == b"<p>x</p>"
    assert _asks_with(mw) == {"If-None-Match": None, "If-Modified-Since": None}
    mw.spider_closed(mw.crawler.spider)


KILLED = """
import os, signal, sys
from pathlib import Path
from scrapy.http import HtmlResponse
from tests.crawler.test_httpcache_store import URL, _fetch, _middleware
mw = _middleware(Path(sys.argv[1]))
_fetch(mw, HtmlResponse(URL, body=b"<p>x</p>", headers={"ETag": '"k"'}))
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_crawl_keeps_what_it_stored(tmp_path) -> None:
    """Each response is its own transaction: what was stored before a kill -9 (the file never
    closed) is read by the next crawl."""
    done = patience.run([sys.executable, "-c", KILLED, str(tmp_path)], 60, cwd=ROOT)
    assert done.returncode == -signal.SIGKILL, done.stderr
    mw = _middleware(tmp_path)
    assert _asks_with(mw)["If-None-Match"] == b'"k"'
    mw.spider_closed(mw.crawler.spider)


def test_a_revalidated_entry_counts_from_its_revalidation_for_expiry(tmp_path) -> None:
    """HTTPCACHE_EXPIRATION_SECS reads the later of the entry's time and its revalidation's."""
    crawler = get_crawler(Spider, {**SETTINGS, "HTTPCACHE_DIR": str(tmp_path),
                                   "HTTPCACHE_EXPIRATION_SECS": 3600})
    crawler.spider = crawler._create_spider("s")
    mw = AuditCacheMiddleware.from_crawler(crawler)
    mw.spider_opened(crawler.spider)
    _fetch(mw, HtmlResponse(URL, body=b"<p>old</p>", headers={"ETag": '"v1"'}))
    _fetch(mw, Response(URL, status=304, headers={"ETag": '"v1"'}))
    mw.spider_closed(crawler.spider)  # the crawl ends: the revalidation's time is written
    mw.spider_opened(crawler.spider)
    with sqlite3.connect(tmp_path / f"s{CACHE_SUFFIX}") as db:  # a row of its own: the entry
        [(stored, meta, body)] = db.execute("SELECT stored, meta, body FROM responses")
        [(revalidated,)] = db.execute("SELECT stored FROM revalidated")
        assert revalidated >= stored  # (its body) is not rewritten
        db.execute("UPDATE responses SET stored = stored - 7200")  # stored two hours ago
    assert _asks_with(mw)["If-None-Match"] == b'"v1"'  # revalidated just now: not expired
    with sqlite3.connect(tmp_path / f"s{CACHE_SUFFIX}") as db:  # and revalidated long ago
        db.execute("UPDATE revalidated SET stored = stored - 7200")
    assert _asks_with(mw)["If-None-Match"] is None  # expired: fetched afresh
    mw.spider_closed(crawler.spider)


def test_a_first_crawl_asks_the_file_only_for_what_it_stored(middleware, tmp_path) -> None:
    """A cache empty when opened (a site's first audit) holds only what this crawl stored: a
    request it never stored is not looked up (one query per request, all missing), and one it
    stored is found as before; a cache opened with entries is asked for every request."""
    queries: list[str] = []
    middleware.storage.db.set_trace_callback(queries.append)
    for n in range(3):
        answer = HtmlResponse(URL, body=f"<p>{n}</p>".encode(), headers={"ETag": f'"e{n}"'})
        _fetch(middleware, answer, url=f"{URL}{n}")
    assert not [q for q in queries if q.startswith("SELECT")]
    assert len(_rows(tmp_path)) == 3
    assert _asks_with(middleware, f"{URL}1")["If-None-Match"] == b'"e1"'  # stored: found
    assert [q for q in queries if q.startswith("SELECT")]
    assert _asks_with(middleware, f"{URL}9")["If-None-Match"] is None
    middleware.spider_closed(middleware.crawler.spider)

    again = _middleware(tmp_path)  # the next audit: the file has entries, each is asked for
    queries.clear()
    again.storage.db.set_trace_callback(queries.append)
    assert _asks_with(again, f"{URL}2")["If-None-Match"] == b'"e2"'
    assert _asks_with(again, f"{URL}9")["If-None-Match"] is None
    assert len([q for q in queries if q.startswith("SELECT")]) == 2
    again.spider_closed(again.crawler.spider)


def test_checkpoints_wait_for_32_mb_of_log_and_the_log_goes_at_close(tmp_path) -> None:
    """SQLite checkpoints (two fsyncs each, on the reactor) after every 4 MB of log by default;
    the cache lets 32 MB (WAL_PAGES) gather first, and removes the log when it closes."""
    mw = _middleware(tmp_path)
    wal = tmp_path / f"s{CACHE_SUFFIX}-wal"
    for n in range(12):  # 6 MB of bodies: past SQLite's 4 MB, short of 32 MB
        _fetch(mw, Response(URL, body=bytes([n]) * 512 * 1024, headers={"ETag": '"e"'}),
               url=f"{URL}{n}")
    assert wal.stat().st_size > 6 * 1024 * 1024  # one log, never checkpointed back to its start
    mw.spider_closed(mw.crawler.spider)
    assert not wal.exists()
    assert len(_rows(tmp_path)) == 12
