"""Scrapy's core stats without a receiver of every scraped item.

Scrapy's ``CoreStats`` counts ``item_scraped_count`` by receiving the ``item_scraped`` signal,
which the engine sends after the item pipelines for every item.  Scrapy 2.19 runs each
receiver of that signal as an asyncio task of its own (``send_catch_log_async``): a task,
a trip through the event loop and ``robustApply``'s look at the receiver's arguments per
record, about 0.09 CPU-s for the 5,782 records of the benchmark site of
``tests/benchmarks/crawl.py`` against 0.03 with no receiver (issue 13).  The audit's last
item pipeline (:class:`crawler.pipelines.RecordsPipeline`) counts the items it passes on
instead: every item that leaves it is scraped, so the count is the same.  The other core
stats (start and finish times, elapsed seconds, the finish reason, responses received,
items dropped and why) are Scrapy's, from the same signals.
"""

from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.extensions.corestats import CoreStats

SCRAPED = "item_scraped_count"  # Scrapy's own key (scrapy.extensions.corestats)


class AuditCoreStats(CoreStats):
    """``CoreStats`` but for its ``item_scraped`` receiver (``EXTENSIONS_BASE``)."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> AuditCoreStats:
        ext = cls(crawler.stats)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        return ext
