"""Scrapy's in-memory stats collector without its per-attribute hook.

Scrapy 2.19's ``StatsCollector`` defines ``__getattribute__`` to wrap its methods in a
deprecation check of a ``spider`` argument (``scrapy.utils.decorators._warn_spider_arg``):
every attribute read of the collector, its own ``self._stats`` inside each method included,
formats a name and looks it up first, and each method call then goes through the check. The
crawl counts about 18 stats per response (the downloader's, the scheduler's, the network's):
about 110,000 calls on the 5,245-page benchmark site of ``tests/benchmarks/crawl.py``, 1.8 µs
each through the hook against 0.1 µs without it (``inc_value``; 2.9 against 0.2 for
``max_value``): about 0.19 CPU-s of an audit (issue 13, 2026-12-05). The stats, their keys
and values, and what the collector keeps at close are ``MemoryStatsCollector``'s; a
``spider`` argument is taken as before, without the deprecation warning.
"""

from __future__ import annotations

from scrapy.statscollectors import MemoryStatsCollector


class AuditStatsCollector(MemoryStatsCollector):
    """``MemoryStatsCollector`` with Python's own attribute lookup (``STATS_CLASS``)."""

    __getattribute__ = object.__getattribute__
