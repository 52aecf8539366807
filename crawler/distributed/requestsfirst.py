"""Spider middleware of a shared crawl: a response's requests leave before its items.

The record of a page takes the page's request out of ``<site>:inflight``
(``RedisRecordsPipeline``). Scrapy hands a callback's output to the item pipelines and the
scheduler in parallel (``CONCURRENT_ITEMS`` at a time, from a bounded queue), so a record
yielded before the page's links could be stored, and its request forgotten, while most of
those links were still waiting to be pushed to the Redis queue: a worker killed then
(SIGKILL) lost them, and the worker continuing the office crawled only what had been pushed.
Held back to the end of the output, an item is processed only after every request before it
was taken from that queue, and taking a request schedules it at once (a synchronous push to
Redis): by the time a record is stored, the links of its page are in Redis.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from scrapy import Request

from crawler.component import switched_on


class RequestsFirst:
    """Yield a callback's requests as they come and its items after the last request."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> RequestsFirst:
        switched_on(crawler, "OIT_REDIS_INFLIGHT_KEY", flag=False)
        return cls()

    def process_spider_output(self, response: Any, result: Iterable[Any],
                              spider: Any = None) -> Iterator[Any]:
        held = []
        for output in result:
            if isinstance(output, Request):
                yield output
            else:
                held.append(output)
        yield from held

    async def process_spider_output_async(self, response: Any, result: AsyncIterator[Any],
                                          spider: Any = None) -> AsyncIterator[Any]:
        held = []
        async for output in result:
            if isinstance(output, Request):
                yield output
            else:
                held.append(output)
        for output in held:
            yield output
