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
    """Scrapy's file-system cache storage in two files per response, ``pickled_meta`` (the
    metadata, headers and response attributes) and ``response_body``, instead of seven: a
    first audit stores every page and the file openings were a tenth of its time
    (tests/benchmarks/crawl.py). After a ``304`` only ``pickled_meta`` is rewritten: the
    stored body is already the right one (a large document would otherwise be written again,
    whole, every night). Entries in Scrapy's own layout are still read."""

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
        return response_from_dict(data)
