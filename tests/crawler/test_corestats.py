"""The crawl's core stats (crawler/corestats.py): Scrapy's, but the scraped items counted by
the last item pipeline instead of a receiver of every ``item_scraped`` signal."""

from __future__ import annotations

from datetime import datetime

from pydispatch.dispatcher import getAllReceivers, liveReceivers
from scrapy import Spider, signals
from scrapy.exceptions import DropItem
from scrapy.extensions.corestats import CoreStats
from scrapy.utils.test import get_crawler

from checklists.site.records import PageRecord
from crawler import settings as audit_settings
from crawler.corestats import SCRAPED, AuditCoreStats
from crawler.pipelines import RecordsPipeline


def _receivers(crawler, signal) -> list:
    return list(liveReceivers(getAllReceivers(crawler.signals.sender, signal)))


def _drive(kind: type[CoreStats]) -> tuple[dict, list]:
    """Build ``kind`` on a crawler and send it what a crawl sends; the stats it kept and the
    receivers of ``item_scraped``."""
    crawler = get_crawler(Spider, {"STATS_CLASS": audit_settings.STATS_CLASS,
                                   "EXTENSIONS_BASE": {}})  # ``kind`` alone
    crawler.spider = spider = crawler._create_spider("site")
    ext = kind.from_crawler(crawler)  # held: the signals keep weak references
    crawler.stats.open_spider()
    send = crawler.signals.send_catch_log
    send(signals.spider_opened, spider=spider)
    for _ in range(3):
        send(signals.response_received, spider=spider)
    send(signals.item_dropped, item={}, spider=spider, exception=DropItem("no"))
    send(signals.spider_closed, spider=spider, reason="finished")
    receivers = _receivers(crawler, signals.item_scraped)
    del ext
    return dict(crawler.stats.get_stats()), receivers


def test_the_audit_uses_its_core_stats_in_scrapys_place():
    base = audit_settings.EXTENSIONS_BASE
    assert "scrapy.extensions.corestats.CoreStats" not in base
    assert base["crawler.corestats.AuditCoreStats"] == 0  # CoreStats's own order
    assert list(audit_settings.ITEM_PIPELINES)[-1] == "crawler.pipelines.RecordsPipeline"
    assert max(audit_settings.ITEM_PIPELINES.values()) == \
        audit_settings.ITEM_PIPELINES["crawler.pipelines.RecordsPipeline"]


def test_the_same_core_stats_but_no_receiver_of_every_item():
    ours, our_receivers = _drive(AuditCoreStats)
    theirs, their_receivers = _drive(CoreStats)
    assert len(their_receivers) == 1 and our_receivers == []
    for stats in (ours, theirs):  # the times differ between the two crawls
        assert isinstance(stats.pop("start_time"), datetime)
        assert isinstance(stats.pop("finish_time"), datetime)
        assert stats.pop("elapsed_time_seconds") >= 0
    assert ours == theirs == {"response_received_count": 3, "item_dropped_count": 1,
                              "item_dropped_reasons_count/DropItem": 1,
                              "finish_reason": "finished"}


def _record(url: str) -> PageRecord:
    return PageRecord(url=url, final_url=url, kind="page", status=200, depth=0,
                      fetched_at="2026-12-05T00:00:00Z")


def test_the_records_pipeline_counts_every_item_it_passes_on(tmp_path):
    crawler = get_crawler(Spider, {"STATS_CLASS": audit_settings.STATS_CLASS})

    class Run:  # what the pipeline asks of the run: where the records go
        class output:  # noqa: N801 - a stand-in attribute
            @staticmethod
            def open_records():
                return (tmp_path / "records.jsonl").open("wb")

    pipeline = RecordsPipeline(Run(), crawler.stats)
    pipeline.open_spider()
    items = [_record("https://a.example/"), {"other": "item"}, _record("https://a.example/b")]
    assert [pipeline.process_item(item) for item in items] == items
    pipeline.close_spider()
    assert crawler.stats.get_value(SCRAPED) == 3
    assert len((tmp_path / "records.jsonl").read_bytes().splitlines()) == 2
