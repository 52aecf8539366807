"""A shared crawl's page record ends its request's flight only after the page's links are
queued (crawler/distributed/requestsfirst.py): the middleware lets a callback's requests
out first and its items after the last request, in their own order."""

from __future__ import annotations

import asyncio

from scrapy import Request, Spider, signals
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler

from checklists.site.records import PageRecord
from crawler.distributed.requestsfirst import RequestsFirst


def _output() -> list:
    return [PageRecord(url="http://x/ita/", final_url="http://x/ita/", kind="page", status=200,
                       depth=1, fetched_at="2026-05-15T00:00:00"),
            Request("http://x/items/O1.html"), {"other": "item"},
            Request("http://x/items/O2.html")]


def _kinds(outputs: list) -> list:
    return [o.url if isinstance(o, Request) else type(o).__name__ for o in outputs]


def test_requests_leave_before_items():
    out = list(RequestsFirst().process_spider_output(None, iter(_output())))
    assert _kinds(out) == ["http://x/items/O1.html", "http://x/items/O2.html",
                           "PageRecord", "dict"]


def test_async_output_in_the_same_order():
    async def source():
        for o in _output():
            yield o

    async def collect():
        return [o async for o in RequestsFirst().process_spider_output_async(None, source())]

    assert _kinds(asyncio.run(collect())) == ["http://x/items/O1.html",
                                              "http://x/items/O2.html", "PageRecord", "dict"]


def test_state_saved_without_links_not_yet_scheduled():
    first = RequestsFirst()
    out = RequestsFirst.process_spider_output(first, None, iter(_output()))
    next(out)  # O1 has left the spider, not yet reached the scheduler
    state = {"oit": {"seen": {"http://x/ita/", "http://x/items/O1.html"}, "explored": 0}}
    assert first.saved_state(state)["oit"]["seen"] == {"http://x/ita/"}
    first.scheduled(Request("http://x/items/O1.html"))
    assert first.saved_state(state) == state


def test_a_request_the_offsite_filter_drops_leaves_unqueued():
    """Scrapy's offsite filter drops a request from its ``request_scheduled`` handler, and
    the engine sends that signal to every handler (``send_catch_log``), this middleware's
    included: a dropped request is no longer counted as not yet scheduled."""
    crawler = get_crawler(Spider, {"OIT_REDIS_INFLIGHT_KEY": "oit:inflight"})
    spider = Spider("oit", allowed_domains=["x"])
    crawler.spider = spider
    offsite = OffsiteMiddleware.from_crawler(crawler)
    offsite.spider_opened(spider)
    first = RequestsFirst.from_crawler(crawler)
    outside, inside = Request("http://elsewhere.example/O1.html"), Request("http://x/O2.html")
    list(first.process_spider_output(None, iter([outside, inside])))
    assert first.unqueued == {"http://elsewhere.example/O1.html", "http://x/O2.html"}
    for request in (outside, inside):  # what ExecutionEngine._schedule_request sends
        crawler.signals.send_catch_log(signals.request_scheduled, request=request,
                                       spider=spider, dont_log=IgnoreRequest)
    assert crawler.stats.get_value("offsite/filtered") == 1  # the outside one was dropped
    assert first.unqueued == set()
