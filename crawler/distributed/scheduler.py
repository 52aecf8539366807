"""scrapy-redis's scheduler for one office of a shared batch, with two additions.

* In flight: a request handed to the downloader is kept in ``<site>:inflight`` until its
  record is stored (``RedisRecordsPipeline`` removes it, after the page's links are queued:
  ``crawler.distributed.requestsfirst``); a worker that continues the office after another
  stopped puts those requests back in the queue first, so none is lost. Taking a request
  from the queue and putting it in flight is one step (a Lua script, as in Redis's reliable
  queue pattern): a worker killed between the two cannot lose it.
* Draining: once :func:`drain` is called (the worker received SIGTERM/SIGINT), no request
  leaves the queue; the requests already in flight finish and the crawl ends, leaving the
  rest in Redis for the next worker. Nothing is fetched twice.
"""

from __future__ import annotations

import hashlib
import threading
from typing import Any

from scrapy_redis.scheduler import Scheduler

_DRAIN = threading.Event()  # set once per process, by the worker's signal handler
PENDING = "~"  # in-flight field of a request taken by the script, until named by its URL
# KEYS: the request queue (a sorted set, scrapy-redis's PriorityQueue), the in-flight hash
_POP_INTO_INFLIGHT = """
local taken = redis.call('ZRANGE', KEYS[1], 0, 0)
if #taken == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1] .. redis.sha1hex(taken[1]), taken[1])
return taken[1]
"""


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
        self._pop = self.server.register_script(_POP_INTO_INFLIGHT)
        for _, raw in self.server.hgetall(self.inflight_key).items():
            self.queue.push(self.queue._decode_request(raw))  # left by a stopped worker
        self.server.delete(self.inflight_key)
        return result

    def next_request(self) -> Any:
        if _DRAIN.is_set():
            return None
        raw = self._pop(keys=[self.queue.key, self.inflight_key], args=[PENDING])
        if raw is None:
            return None
        request = self.queue._decode_request(raw)
        # named by its URL, the field its record removes (RedisRecordsPipeline)
        pipe = self.server.pipeline()  # MULTI: never both fields, never neither
        pipe.hset(self.inflight_key, request.url, raw)
        pipe.hdel(self.inflight_key, PENDING + hashlib.sha1(raw).hexdigest())
        pipe.execute()
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis", spider=self.spider)
        return request

    def has_pending_requests(self) -> bool:
        return False if _DRAIN.is_set() else super().has_pending_requests()
