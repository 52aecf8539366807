"""Scrapy's HTTP cache, made fit for audits: every response is revalidated, never trusted.

An audit must see the site as it is tonight. The stock RFC 2616 policy serves a cached page
without asking the server while it is "fresh" (``max-age``, ``Expires``, or a tenth of its
age since ``Last-Modified``) and serves the cached copy when the server errs or times out;
both would hide a document that was deleted or a site that is down. Here every cached
response is revalidated (``If-None-Match`` / ``If-Modified-Since``); only ``304 Not
Modified`` reuses the stored body, so an unchanged document costs one small request and
is neither downloaded nor read again.
"""

from __future__ import annotations

import contextlib
import json
import logging
import pickle
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware
from scrapy.extensions.httpcache import RFC2616Policy
from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import Response
from scrapy.utils.project import data_path
from scrapy.utils.response import response_from_dict
from w3lib.http import headers_raw_to_dict

from checklists.atomicfile import own_only

logger = logging.getLogger(__name__)


class RevalidatePolicy(RFC2616Policy):
    """RFC 2616 caching with every cached response revalidated before use."""

    def is_cached_response_fresh(self, cachedresponse: Any, request: Any) -> bool:
        self._set_conditional_validators(request, cachedresponse)
        return False

    def is_cached_response_valid(self, cachedresponse: Any, response: Any,
                                 request: Any) -> bool:
        return response.status == 304


class AuditCacheMiddleware(HttpCacheMiddleware):
    """The HTTP cache middleware without serving stale copies on download errors, and
    without taking a ``304``'s ``Content-Length`` for the stored body's."""

    def process_exception(self, request: Any, exception: Exception) -> None:
        request.meta.pop("cached_response", None)
        return None

    def _freshen_cached_response(self, cachedresponse: Any, response: Any) -> None:
        """Scrapy's update of the stored headers from a ``304``, but the stored
        ``Content-Length`` stays (RFC 9111 3.2: a cache updates a stored response's header
        fields from a 304 "with the following exceptions: ... the Content-Length header
        field"). Scrapy's download handler gives every 304 ``Content-Length: 0`` (the
        length of its own empty body), which made every revalidated entry look changed: its
        row, body included (a megabyte per document), was rewritten every night."""
        length = cachedresponse.headers.get(b"Content-Length")
        super()._freshen_cached_response(cachedresponse, response)
        if length is not None:
            cachedresponse.headers[b"Content-Length"] = length
        else:
            cachedresponse.headers.pop(b"Content-Length", None)


LEARNED_DELAY = "autothrottle.json"  # in the site's HTTP cache folder


class RevalidationThrottle(AutoThrottle):
    """AutoThrottle that takes ``304 Not Modified`` as the normal answer it is, and starts a
    re-audit at the pace the site's server allowed at the end of the last one.

    The stock extension never lowers its delay after a non-200 answer (error pages are fast
    and would speed the crawl up against a failing server). On a revalidated site nearly
    every answer is a 304, so the delay would stay at ``AUTOTHROTTLE_START_DELAY`` for the
    whole night's crawl.  And it starts every crawl at ``AUTOTHROTTLE_START_DELAY`` (0.5 s)
    however fast the server answered last night: a nightly re-audit of a small site spent
    about a second of its few seconds waiting before its first answers.  With the HTTP cache
    on, the delay the home host's slot ended at is kept beside the cache
    (:data:`LEARNED_DELAY`) and the next crawl starts there (never above the configured start
    delay, never under ``DOWNLOAD_DELAY``); AutoThrottle goes on adjusting it as usual.
    """

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        s = crawler.settings
        self.cache_dir = s.get("HTTPCACHE_DIR") if s.getbool("HTTPCACHE_ENABLED") else ""
        crawler.signals.connect(self._keep_delay, signal=signals.spider_closed)

    def _start_delay(self) -> float:
        return start_delay(super()._start_delay(), self.mindelay, learned_delay(self.cache_dir))

    def _keep_delay(self, spider: Any) -> None:
        url = getattr(spider, "home_url", "") or getattr(spider, "start_url", "")
        slot = self.crawler.engine.downloader.slots.get(urlsplit(url).hostname or "")
        if self.cache_dir and slot is not None:
            keep_delay(self.cache_dir, slot.delay)

    def _adjust_delay(self, slot: Any, latency: float, response: Any) -> None:
        # Scrapy's rule reads only the answer's status (pinned: tests/crawler/
        # test_scrapy_private.py); a 304 is given as a 200 by a stand-in, not a copy of the
        # response (``response.replace``: a new response object, its headers copied, for each
        # of a re-audit's answers: 19-24 of run 2's ~2,200 CPU-ms in nightly_rerun.py's batch
        # of five, nightly45)
        super()._adjust_delay(slot, latency, AS_OK if response.status == 304 else response)


class _AnsweredOk:
    """What AutoThrottle's delay rule reads of a response (its status), for a ``304``: a
    ``200``."""

    __slots__ = ()
    status = 200


AS_OK = _AnsweredOk()


def start_delay(configured: float, minimum: float, learned: float | None) -> float:
    """The delay a crawl starts at: the one learned last time, within the configured bounds."""
    if learned is None:
        return configured
    return max(minimum, min(configured, learned))


def learned_delay(cache_dir: str | Path) -> float | None:
    """The delay kept by the last crawl with this cache (None: none, or unreadable)."""
    if not cache_dir:
        return None
    try:
        value = json.loads((Path(cache_dir) / LEARNED_DELAY).read_text(encoding="utf-8"))
        delay = float(value["delay"])
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return delay if delay >= 0 else None


def keep_delay(cache_dir: str | Path, delay: float) -> None:
    """Keep ``delay`` for the next crawl with this cache (best effort)."""
    with contextlib.suppress(OSError):
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        (Path(cache_dir) / LEARNED_DELAY).write_text(json.dumps({"delay": delay}),
                                                     encoding="utf-8")


class SiteCacheStorage:
    """The HTTP cache of one site in one SQLite file (``HTTPCACHE_DIR/<spider>.sqlite3``), a
    row per request: its fingerprint, when it was stored or last revalidated, the response's
    metadata (status, URL, raw headers, Scrapy's response attributes; pickled) and its body.

    Scrapy's file-system storage wrote a directory and seven files per response (two in this
    project's earlier layout): a first audit stores every page and document, and creating
    them was about 5 % of an audit's CPU (tests/benchmarks/crawl.py). Here a response is one
    insert into the site's file (write-ahead log, no sync per response: a killed crawl loses
    at most what the kernel had not written, and SQLite rolls an unfinished write back at
    the next open; the cache only saves downloads, it never decides a verdict).

    After a ``304`` the stored body is already the right one: the time of the revalidation
    is kept in a table of its own (Scrapy's expiry, ``HTTPCACHE_EXPIRATION_SECS``, reads the
    later of the two times; SQLite rewrites a whole row, its body's overflow pages included,
    to change one column of it: 1.3 MB written for each unchanged document every night), and
    the metadata is rewritten only when the answer changed a stored header other than those
    that change with every answer (:data:`PER_ANSWER`); the body is never written again.

    A cache folder in the earlier layouts (``HTTPCACHE_DIR/<spider>/<xx>/<fingerprint>/``,
    this project's two files or Scrapy's seven) is moved into the file when the crawl opens,
    then removed: the first night after an upgrade still revalidates. An entry that cannot be
    read is skipped (fetched afresh); a cache file that is not a database is set aside and
    started anew; a folder that cannot be written only means no cache for this crawl."""

    def __init__(self, settings: Any) -> None:
        self.cachedir = Path(data_path(settings["HTTPCACHE_DIR"], createdir=False))
        self.expiration_secs = settings.getint("HTTPCACHE_EXPIRATION_SECS")
        self.db: sqlite3.Connection | None = None
        self._store_failed = False
        # times of revalidations not yet written (key -> time), written together
        self._revalidated: dict[str, float] = {}
        # a cache empty when opened (a site's first audit) holds only what this crawl stored:
        # a key not stored is not looked up (a query per request, all missing); None: ask
        self._stored: set[str] | None = None

    def open_spider(self, spider: Any) -> None:
        self._fingerprinter = spider.crawler.request_fingerprinter
        self.db = open_cache(self.cachedir / f"{spider.name}{CACHE_SUFFIX}")
        legacy = self.cachedir / spider.name
        if self.db is not None and legacy.is_dir():
            migrate_folder(self.db, legacy)
        self._stored = None
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                if self.db.execute("SELECT 1 FROM responses LIMIT 1").fetchone() is None:
                    self._stored = set()

    def close_spider(self, spider: Any) -> None:
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._write_revalidated()
                self.db.close()
            self.db = None

    def _key(self, request: Any) -> str:
        return self._fingerprinter.fingerprint(request).hex()

    def retrieve_response(self, spider: Any, request: Any) -> Any:
        if self.db is None:
            return None
        key = self._key(request)
        if self._stored is not None and key not in self._stored:
            return None
        row = self.db.execute(
            "SELECT max(r.stored, coalesce(v.stored, 0)), r.meta, r.body FROM responses r "
            "LEFT JOIN revalidated v ON v.key = r.key WHERE r.key = ?", (key,)).fetchone()
        if row is None:
            return None
        stored, meta_blob, body = row
        stored = max(stored, self._revalidated.get(key, 0.0))
        if 0 < self.expiration_secs < time.time() - stored:
            return None  # expired
        meta = pickle.loads(meta_blob)  # noqa: S301 (written by this class, in the user's folder)
        request.meta["cache_timestamp"] = meta["timestamp"]
        request.meta[STORED_HEADERS] = meta["headers"]
        return response_from_dict(response_data(meta, body))

    def store_response(self, spider: Any, request: Any, response: Any) -> None:
        if self.db is None:
            return
        key, now = self._key(request), time.time()
        stored = request.meta.get(STORED_HEADERS) if "cached" in response.flags else None
        meta = entry_meta(request, response, now)
        try:
            if stored is not None:  # revalidated: the row holds the body already
                if _same_headers(stored, meta["headers"]):
                    self._revalidated[key] = now
                    if len(self._revalidated) >= REVALIDATED_BATCH:
                        self._write_revalidated()
                else:
                    self.db.execute("UPDATE responses SET stored = ?, meta = ? WHERE key = ?",
                                    (now, pickle.dumps(meta, protocol=4), key))
                return
            self.db.execute("INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?)",
                            (key, now, pickle.dumps(meta, protocol=4), response.body))
            if self._stored is not None:
                self._stored.add(key)
        except sqlite3.Error as exc:  # a full disk: the crawl goes on without the entry
            if not self._store_failed:
                self._store_failed = True
                logger.warning("HTTP cache %s: cannot store responses (%s); this crawl "
                               "goes on without caching them", self.cachedir, exc)

    def _write_revalidated(self) -> None:
        """Write the revalidation times kept so far, in one transaction (one per response
        was most of a re-audit's cache writes; a crawl killed before this only leaves some
        entries older than they are, for an expiry that is off by default)."""
        assert self.db is not None
        if self._revalidated:
            rows, self._revalidated = list(self._revalidated.items()), {}
            self.db.execute("BEGIN")
            try:
                self.db.executemany("INSERT OR REPLACE INTO revalidated VALUES (?, ?)", rows)
            finally:
                self.db.execute("COMMIT")


REVALIDATED_BATCH = 200  # revalidation times written together
WAL_PAGES = 8000  # pages of write-ahead log between checkpoints (SQLite's default: 1,000)
CACHE_SUFFIX = ".sqlite3"
_SCHEMA = ("CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, stored REAL NOT NULL, "
           "meta BLOB NOT NULL, body BLOB NOT NULL)",
           # when an unchanged entry was last revalidated (a 304 rewrites no row of responses)
           "CREATE TABLE IF NOT EXISTS revalidated (key TEXT PRIMARY KEY, stored REAL NOT NULL)")


def open_cache(path: Path) -> sqlite3.Connection | None:
    """The site's cache database at ``path``, created when missing; a file that is not an
    SQLite database (or a damaged one) is renamed ``*.broken`` and a new one started. None
    when the folder cannot be written (no cache for this crawl: it is only an economy)."""
    for attempt in range(2):
        db = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # an earlier version's cache: 0644 files in a 0755 folder (own_only)
            own_only(path.parent, path, path.with_name(path.name + "-wal"),
                     path.with_name(path.name + "-shm"))
            # autocommit: each store is its own short transaction, visible at once
            db = sqlite3.connect(path, isolation_level=None, timeout=30)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")  # no fsync per response
            # a checkpoint (two fsyncs, on the reactor) per 32 MB of log, not SQLite's 4 MB: a
            # first audit of the crawl benchmark's site stores 29 MB, and its eight or so
            # checkpoints were 450 of the audit's ~6,000 waits (crawl40, perf); the log is
            # removed when the cache closes
            db.execute(f"PRAGMA wal_autocheckpoint = {WAL_PAGES}")
            for table in _SCHEMA:
                db.execute(table)
            db.execute("SELECT key FROM responses LIMIT 1").fetchall()
            return db
        except (sqlite3.OperationalError, OSError) as exc:  # unwritable, locked
            if db is not None:
                db.close()
            logger.warning("HTTP cache %s unusable (%s): this crawl is not cached", path, exc)
            return None
        except sqlite3.DatabaseError as exc:  # not a database, or a damaged one
            if db is not None:
                db.close()
            if attempt:
                break
            logger.warning("HTTP cache %s is damaged (%s): set aside as %s.broken, started "
                           "anew", path, exc, path.name)
            with contextlib.suppress(OSError):
                for extra in ("-wal", "-shm"):
                    Path(f"{path}{extra}").unlink(missing_ok=True)
                path.replace(path.with_name(path.name + ".broken"))
    return None


def entry_meta(request: Any, response: Any, now: float) -> dict[str, Any]:
    """What is kept of ``response`` beside its body: Scrapy's response attributes, its raw
    headers, and the request it answered."""
    data = _response_fields(response)
    data.update(method=request.method, request_url=request.url, timestamp=now,
                headers=raw_headers(response.headers), response_url=response.url)
    data["url"] = request.url
    return data


# Response.to_dict() leaves these out (request, certificate) or they are kept apart
_APART = frozenset(("body", "headers", "request", "certificate"))


def _response_fields(response: Any) -> dict[str, Any]:
    """``response.to_dict()`` without its body and headers: the same fields, without
    copying the headers and the body in (a tenth of storing each response; Scrapy's own
    method for a response class that has its own)."""
    if type(response).to_dict is not Response.to_dict:
        data = response.to_dict()
        return {key: value for key, value in data.items() if key not in ("body", "headers")}
    data = {attr: getattr(response, attr) for attr in response.attributes
            if attr not in _APART}
    if type(response) is not Response:
        data["_class"] = f"{type(response).__module__}.{type(response).__name__}"
    return data


def raw_headers(headers: Any) -> bytes:
    """``w3lib.http.headers_dict_to_raw(headers)`` of Scrapy's ``Headers``, read straight
    from its dict of value lists."""
    return b"\r\n".join(b": ".join((key, value)) for key, values in dict.items(headers)
                         for value in values)


def response_data(meta: dict[str, Any], body: bytes) -> dict[str, Any]:
    """``meta`` and ``body`` (:func:`entry_meta`) as Scrapy's ``response_from_dict`` takes them."""
    data = {key: value for key, value in meta.items()
            if key not in ("method", "request_url", "timestamp", "response_url")}
    data.update(url=meta["response_url"], headers=headers_raw_to_dict(meta["headers"]),
                body=body)
    return data


def migrate_folder(db: sqlite3.Connection, folder: Path) -> int:
    """Move the entries of a cache folder in the earlier layouts into ``db`` (an entry
    already in ``db`` is kept), then remove them; how many were moved. Unreadable entries
    are dropped (fetched afresh); nothing here stops a crawl."""
    rows, entries = [], [meta.parent for meta in folder.glob("*/*/pickled_meta")]
    for entry in entries:
        with contextlib.suppress(Exception):  # a damaged or foreign entry
            rows.append(_legacy_row(entry))
    try:
        with db:  # one transaction: a kill leaves the folder whole, to move next time
            db.execute("BEGIN")
            db.executemany("INSERT OR IGNORE INTO responses VALUES (?, ?, ?, ?)", rows)
    except sqlite3.Error as exc:
        logger.warning("HTTP cache: entries of %s not moved (%s)", folder, exc)
        return 0
    for entry in entries:  # only the entries: anything else in the folder stays
        shutil.rmtree(entry, ignore_errors=True)
    for empty in [*folder.iterdir(), folder]:
        with contextlib.suppress(OSError):
            empty.rmdir()
    return len(rows)


def _legacy_row(rpath: Path) -> tuple[str, float, bytes, bytes]:
    """A row of :class:`SiteCacheStorage` from one entry folder of the earlier layouts."""
    meta_path = rpath / "pickled_meta"
    with meta_path.open("rb") as f:
        meta = pickle.load(f)  # noqa: S301 (the user's own cache folder)
    body = (rpath / "response_body").read_bytes()
    if not isinstance(meta.get("headers"), bytes):  # Scrapy's own seven files
        meta["headers"] = (rpath / "response_headers").read_bytes()
        data_path_ = rpath / "response_data"
        if data_path_.exists():
            with data_path_.open("rb") as f:
                meta.update(pickle.load(f))  # noqa: S301
        meta.setdefault("request_url", meta.get("url", ""))
    missing = {"status", "response_url", "timestamp"} - meta.keys()
    if missing:
        raise ValueError(f"cache entry {rpath} lacks {sorted(missing)}")
    return rpath.name, meta_path.stat().st_mtime, pickle.dumps(meta, protocol=4), body


STORED_HEADERS = "_oit_stored_headers"  # request.meta: the cached entry's headers as stored
# Headers a 304 refreshes on every answer (RFC 9111 4.3.4 stores them; nothing here reads
# them back): a change in these alone does not rewrite the entry
PER_ANSWER = frozenset({b"date", b"age", b"expires", b"connection", b"keep-alive"})


def _same_headers(stored: bytes | None, now: bytes) -> bool:
    """Whether two raw header blocks agree on every header but the :data:`PER_ANSWER` ones."""
    return stored is not None and _lasting(stored) == _lasting(now)


def _lasting(raw: bytes) -> list[bytes]:
    return sorted(line for line in raw.split(b"\r\n")
                  if line and line.split(b":", 1)[0].strip().lower() not in PER_ANSWER)
