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

It also knows which requests have left the spider and not yet reached the scheduler
(``unqueued``): the spider marks a link seen when it yields it, so the spider state a worker
saves while a page's output is half processed leaves those out (``saved_state``); a worker
continuing the office after a kill fetches that page again and follows them. A request the
scheduler never takes leaves ``unqueued`` too: Scrapy's offsite filter (and any other
``request_scheduled`` handler raising ``IgnoreRequest``) drops it from that signal, which
the engine sends to every handler, this one included, before it looks at their answers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any
from weakref import WeakKeyDictionary

from scrapy import Request, signals

from crawler.component import switched_on
from crawler.spiders.oit import canonicalize_url

_OF: WeakKeyDictionary[Any, RequestsFirst] = WeakKeyDictionary()  # crawler -> its middleware


class RequestsFirst:
    """Yield a callback's requests as they come and its items after the last request."""

    def __init__(self) -> None:
        self.unqueued: set[str] = set()  # canonical URLs out of the spider, not yet scheduled

    @classmethod
    def from_crawler(cls, crawler: Any) -> RequestsFirst:
        switched_on(crawler, "OIT_REDIS_INFLIGHT_KEY", flag=False)
        _OF[crawler] = middleware = cls()
        crawler.signals.connect(middleware.scheduled, signal=signals.request_scheduled)
        return middleware

    @staticmethod
    def of(crawler: Any) -> RequestsFirst | None:
        return _OF.get(crawler)

    def scheduled(self, request: Any, spider: Any = None) -> None:
        """The engine hands ``request`` to the scheduler (a synchronous push to Redis)."""
        self.unqueued.discard(canonicalize_url(request.url))

    def saved_state(self, state: dict[str, Any]) -> dict[str, Any]:
        """The spider's ``state`` without the links it yielded that are not in Redis yet."""
        oit = state.get("oit")
        if not self.unqueued or not oit:
            return state
        return {**state, "oit": {**oit, "seen": oit["seen"] - self.unqueued}}

    def process_spider_output(self, response: Any, result: Iterable[Any],
                              spider: Any = None) -> Iterator[Any]:
        held = []
        for output in result:
            if isinstance(output, Request):
                self.unqueued.add(canonicalize_url(output.url))
                yield output
            else:
                held.append(output)
        yield from held

    async def process_spider_output_async(self, response: Any, result: AsyncIterator[Any],
                                          spider: Any = None) -> AsyncIterator[Any]:
        held = []
        async for output in result:
            if isinstance(output, Request):
                self.unqueued.add(canonicalize_url(output.url))
                yield output
            else:
                held.append(output)
        for output in held:
            yield output
