"""scrapy-redis's scheduler for one office of a shared batch, with two additions.

* In flight: a request handed to the downloader is kept in ``<site>:inflight`` until its
  record is stored (``RedisRecordsPipeline`` removes it); a worker that continues the office
  after another stopped puts those requests back in the queue first, so none is lost.
* Draining: once :func:`drain` is called (the worker received SIGTERM/SIGINT), no request
  leaves the queue; the requests already in flight finish and the crawl ends, leaving the
  rest in Redis for the next worker. Nothing is fetched twice.
"""

from __future__ import annotations

import threading
from typing import Any

from scrapy_redis.scheduler import Scheduler

_DRAIN = threading.Event()  # set once per process, by the worker's signal handler


def drain() -> None:
    """Stop handing out requests in every shared crawl of this process."""
    _DRAIN.set()


def draining() -> bool:
    return _DRAIN.is_set()


class SharedSiteScheduler(Scheduler):
    """Redis request queue + fingerprint set per office, in-flight tracking and draining."""

    def __init__(self, server: Any, *args: Any, inflight_key: str = "", **kwargs: Any) -> None:
        super().__init__(server, *args, **kwargs)
        self.inflight_key = inflight_key

    @classmethod
    def from_settings(cls, settings: Any) -> SharedSiteScheduler:
        instance = super().from_settings(settings)
        instance.inflight_key = settings.get("OIT_REDIS_INFLIGHT_KEY")
        return instance

    def open(self, spider: Any) -> Any:
        result = super().open(spider)
        for _, raw in self.server.hgetall(self.inflight_key).items():
            self.queue.push(self.queue._decode_request(raw))  # left by a stopped worker
        self.server.delete(self.inflight_key)
        return result

    def next_request(self) -> Any:
        if _DRAIN.is_set():
            return None
        request = super().next_request()
        if request is not None:
            self.server.hset(self.inflight_key, request.url,
                             self.queue._encode_request(request))
        return request

    def has_pending_requests(self) -> bool:
        return False if _DRAIN.is_set() else super().has_pending_requests()
