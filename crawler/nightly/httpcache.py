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

import pickle
import time
from pathlib import Path
from typing import Any

from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware
from scrapy.extensions.httpcache import FilesystemCacheStorage, RFC2616Policy
from scrapy.extensions.throttle import AutoThrottle
from w3lib.http import headers_dict_to_raw


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


class RevalidationThrottle(AutoThrottle):
    """AutoThrottle that takes ``304 Not Modified`` as the normal answer it is.

    The stock extension never lowers its delay after a non-200 answer (error pages are fast
    and would speed the crawl up against a failing server). On a revalidated site nearly
    every answer is a 304, so the delay would stay at ``AUTOTHROTTLE_START_DELAY`` for the
    whole night's crawl.
    """

    def _adjust_delay(self, slot: Any, latency: float, response: Any) -> None:
        if response.status == 304:
            response = response.replace(status=200)
        super()._adjust_delay(slot, latency, response)


class RevalidatedStorage(FilesystemCacheStorage):
    """Scrapy's file-system cache storage that, after a ``304``, rewrites only the entry's
    metadata and headers: the stored body is already the right one (a large document would
    otherwise be written again, whole, every night)."""

    def store_response(self, spider: Any, request: Any, response: Any) -> None:
        rpath = Path(self._get_request_path(spider, request))
        if "cached" not in response.flags or not (rpath / "response_body").is_file():
            super().store_response(spider, request, response)
            return
        metadata = {"url": request.url, "method": request.method, "status": response.status,
                    "response_url": response.url, "timestamp": time.time()}
        with self._open(rpath / "meta", "wb") as f:
            f.write(repr(metadata).encode("utf-8"))
        with self._open(rpath / "pickled_meta", "wb") as f:
            pickle.dump(metadata, f, protocol=4)
        with self._open(rpath / "response_headers", "wb") as f:
            f.write(headers_dict_to_raw(response.headers))
