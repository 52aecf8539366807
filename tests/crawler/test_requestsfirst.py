"""A shared crawl's page record ends its request's flight only after the page's links are
queued (crawler/distributed/requestsfirst.py): the middleware lets a callback's requests
out first and its items after the last request, in their own order."""

from __future__ import annotations

import asyncio

from scrapy import Request

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
