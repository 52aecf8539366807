"""The crawl's stats collector (crawler/statscollector.py): Scrapy's in-memory one, the same
stats and the same keeping at close, without the attribute hook on every stats call."""

from __future__ import annotations

import warnings

from scrapy import Spider
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from crawler import settings as audit_settings
from crawler.statscollector import AuditStatsCollector


def _use(stats: MemoryStatsCollector, spider: Spider) -> tuple:
    stats.open_spider()
    stats.inc_value("downloader/request_count")
    stats.inc_value("downloader/request_count")
    stats.inc_value("oit/network/bytes", 120, start=7)
    stats.inc_value("with/spider", spider=spider)
    stats.max_value("max", 3)
    stats.max_value("max", 1)
    stats.min_value("min", 3)
    stats.min_value("min", 1)
    stats.set_value("start_time", "t0")
    seen = (stats.get_value("max"), stats.get_value("missing", "default"), dict(stats.get_stats()))
    stats.close_spider(reason="finished")
    return seen, dict(stats.get_stats()), stats.spider_stats


def test_the_stats_are_scrapys_without_the_hook() -> None:
    assert audit_settings.STATS_CLASS == "crawler.statscollector.AuditStatsCollector"
    crawler = get_crawler(Spider, {"STATS_CLASS": audit_settings.STATS_CLASS})
    assert type(crawler.stats) is AuditStatsCollector
    assert AuditStatsCollector.__getattribute__ is object.__getattribute__
    crawler.spider = spider = crawler._create_spider("site")
    theirs = get_crawler(Spider)
    theirs.spider = theirs._create_spider("site")
    assert type(theirs.stats) is MemoryStatsCollector
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Scrapy's: a spider argument is deprecated
        want = _use(theirs.stats, spider)
    got = _use(crawler.stats, spider)
    assert got == want
    assert got[1]["oit/network/bytes"] == 127 and got[1]["downloader/request_count"] == 2
    assert got[2] == {"site": got[1]}  # kept by the spider's name at close
    crawler.stats.clear_stats()
    assert crawler.stats.get_stats() == {}
