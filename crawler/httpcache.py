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
import os
import pickle
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware
from scrapy.extensions.httpcache import FilesystemCacheStorage, RFC2616Policy
from scrapy.extensions.throttle import AutoThrottle
from scrapy.utils.response import response_from_dict
from w3lib.http import headers_dict_to_raw, headers_raw_to_dict


class RevalidatePolicy(RFC2616Policy):
    """RFC 2616 caching with every cached response revalidated before use."""

    def is_cached_response_fresh(self, cachedresponse: Any, request: Any) -> bool:
        self._set_conditional_validators(request, cachedresponse)
        return False

    def is_cached_response_valid(self, cachedresponse: Any, response: Any,
                                 request: Any) -> bool:
        return response.status == 304


class AuditCacheMiddleware(HttpCacheMiddleware):
    """The HTTP cache middleware without serving stale copies on download errors."""

    def process_exception(self, request: Any, exception: Exception) -> None:
        request.meta.pop("cached_response", None)
        return None


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
        if response.status == 304:
            response = response.replace(status=200)
        super()._adjust_delay(slot, latency, response)


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


class RevalidatedStorage(FilesystemCacheStorage):
    """Scrapy's file-system cache storage in two files per response, ``pickled_meta`` (the
    metadata, headers and response attributes) and ``response_body``, instead of seven: a
    first audit stores every page and the file openings were a tenth of its time
    (tests/benchmarks/crawl.py). After a ``304`` the stored body is already the right one (a
    large document would otherwise be written again, whole, every night), and
    ``pickled_meta`` is rewritten only when the answer changed a stored header other than
    those that change with every answer (:data:`PER_ANSWER`): a nightly re-audit otherwise
    rewrote every entry of an unchanged site (truncating and rewriting a file took
    milliseconds each on a busy disk, in the crawl's thread).  The entry's modification
    time still moves, as Scrapy's expiry (``HTTPCACHE_EXPIRATION_SECS``) reads it. Entries in
    Scrapy's own layout are still read."""

    def store_response(self, spider: Any, request: Any, response: Any) -> None:
        rpath = Path(self._get_request_path(spider, request))
        revalidated = "cached" in response.flags and (rpath / "response_body").is_file()
        rpath.mkdir(parents=True, exist_ok=True)
        data = {key: value for key, value in response.to_dict().items() if key != "body"}
        data.update(method=request.method, request_url=request.url, timestamp=time.time(),
                    headers=headers_dict_to_raw(response.headers),
                    # the keys Scrapy's own _read_meta readers expect
                    response_url=response.url)
        data["url"] = request.url
        if revalidated and _same_headers(request.meta.get(STORED_HEADERS), data["headers"]):
            with contextlib.suppress(OSError):
                os.utime(rpath / "pickled_meta")
            return
        if not revalidated:
            with self._open(rpath / "response_body", "wb") as f:
                f.write(response.body)
        with self._open(rpath / "pickled_meta", "wb") as f:
            pickle.dump(data, f, protocol=4)

    def retrieve_response(self, spider: Any, request: Any) -> Any:
        meta = self._read_meta(spider, request)
        if meta is None or not isinstance(meta.get("headers"), bytes):
            return super().retrieve_response(spider, request)  # Scrapy's layout, or none
        rpath = Path(self._get_request_path(spider, request))
        with self._open(rpath / "response_body", "rb") as f:
            body = f.read()
        data = {key: value for key, value in meta.items()
                if key not in ("method", "request_url", "timestamp", "response_url")}
        data.update(url=meta["response_url"], headers=headers_raw_to_dict(meta["headers"]),
                    body=body)
        request.meta["cache_timestamp"] = meta["timestamp"]
        request.meta[STORED_HEADERS] = meta["headers"]
        return response_from_dict(data)


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
