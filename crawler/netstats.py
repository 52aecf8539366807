"""Bytes that really crossed the network, whatever the HTTP cache served.

Scrapy's ``downloader/response_bytes`` counts responses after the cache middleware, so a
``304 Not Modified`` answered from the cache counts as the whole cached document. This
extension counts at the download handler instead: every response's status line and headers
(``headers_received``) and every body chunk (``bytes_received``), compressed as sent.
"""

from __future__ import annotations

from typing import Any

from scrapy import signals

from crawler.component import switched_on

STATUS_LINE_BYTES = len(b"HTTP/1.1 200 OK\r\n")


class NetworkStats:
    """Stats ``oit/network/bytes`` and ``oit/network/responses``."""

    def __init__(self, stats: Any) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> NetworkStats:
        switched_on(crawler, "OIT_NETWORK_STATS")
        ext = cls(crawler.stats)
        crawler.signals.connect(ext.headers_received, signal=signals.headers_received)
        crawler.signals.connect(ext.bytes_received, signal=signals.bytes_received)
        return ext

    def headers_received(self, headers: Any, **kwargs: Any) -> None:
        self.stats.inc_value("oit/network/responses")
        self.stats.inc_value("oit/network/bytes", header_bytes(headers))

    def bytes_received(self, data: bytes, **kwargs: Any) -> None:
        self.stats.inc_value("oit/network/bytes", len(data))


def header_bytes(headers: Any) -> int:
    """The bytes of a response's status line and headers as sent: ``Name: value\\r\\n`` a
    value, the blank line after them. Scrapy's ``Headers`` keeps each name's values as a list
    of bytes already normalised: they are read as the plain dict holds them (its ``items()``
    looked each name up again, normalising it, for every header of every response: issue 13,
    crawl48)."""
    size = STATUS_LINE_BYTES + 2
    for name, values in dict.items(headers):
        size += (len(name) + 4) * len(values) + sum(map(len, values))
    return size


def network_section(stats: Any) -> dict[str, int]:
    """``report['crawl']['network']`` from the crawl's stats."""
    get = stats.get_value
    return {
        "bytes": int(get("oit/network/bytes", 0)),
        "responses": int(get("oit/network/responses", 0)),
        "not_modified": int(get("httpcache/revalidate", 0)),
        "cache_stored": int(get("httpcache/store", 0)),
        "text_cache_hits": int(get("oit/textcache/hit", 0)),
    }
