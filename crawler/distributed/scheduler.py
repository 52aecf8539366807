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
* Stalls: its client reads for :data:`READ_S` at most, not tried again by redis-py
  (:func:`redis_params`: scrapy-redis's own ``REDIS_PARAMS``), and every call it makes goes
  through the worker's :func:`patiently` (tried again while a stall lasts, up to
  ``--redis-wait``, a stop heard between tries).  Until nightly44 scrapy-redis's defaults
  (30-s reads, tried again by redis-py) held the reactor for a minute and more a call in a
  stall, and only the lease thread noticed.  So each call is safe to send twice: taking a
  request is keyed by a token (a try sent again gets the request the first took), a
  request's fingerprint and its push are one script (a try sent again finds it seen, and
  queued), and a record sent again is not pushed twice (``RedisRecordsPipeline``).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from redis.backoff import NoBackoff
from redis.retry import Retry
from scrapy_redis.scheduler import Scheduler

_DRAIN = threading.Event()  # set once per process, by the worker's signal handler
PENDING = "~"  # in-flight field of a request taken by the script, until named by its URL
READ_S = 5.0  # one read's timeout of a shared crawl's client (as the worker's own calls)
T = TypeVar("T")
_PATIENT: list[Callable[[Callable[[], Any]], Any]] = []  # the worker's, once it runs
# KEYS: the request queue (a sorted set, scrapy-redis's PriorityQueue), the in-flight hash;
# ARGV: the take's field (PENDING and a token: the same for a try sent again, which gets the
# request the first try took, not a second one)
_POP_INTO_INFLIGHT = """
local kept = redis.call('HGET', KEYS[2], ARGV[1])
if kept then return kept end
local taken = redis.call('ZRANGE', KEYS[1], 0, 0)
if #taken == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1], taken[1])
return taken[1]
"""
# KEYS: the fingerprints (the duplicate filter's set), the request queue; ARGV: the
# request's fingerprint ('' when it is not filtered), its score, the request; ARGV[4] '1'
# for a try sent again.  Seen and queued together (scrapy-redis's two calls, SADD then
# ZADD, lost the request when the second did not follow the first); a try sent again after
# the first was done finds it seen, and says it was queued when it is in the queue.
_SEEN_AND_QUEUED = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then
  if ARGV[4] == '1' and redis.call('ZSCORE', KEYS[2], ARGV[3]) then return 1 end
  return 0
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""


def redis_params() -> dict[str, Any]:
    """scrapy-redis's ``REDIS_PARAMS`` for a shared crawl: each read and connect bounded by
    :data:`READ_S` and not tried again by redis-py (its defaults: 30-s reads, and redis-py
    8 tries a timed-out call again up to three times, so a call held the reactor for a
    minute and more in a stall); a stall is waited for by :func:`patiently`."""
    return {"socket_timeout": READ_S, "socket_connect_timeout": READ_S,
            "retry_on_timeout": False, "retry": Retry(NoBackoff(), 0)}


def bear(patient: Callable[[Callable[[], Any]], Any]) -> None:
    """Make every shared crawl's Redis calls in this process through ``patient`` (the
    worker's: tries a call again while Redis stalls, ends the worker when it gives up)."""
    _PATIENT[:] = [patient]


def patiently(call: Callable[[], T]) -> T:
    """``call`` through the worker's patience (:func:`bear`); as it is without one."""
    return _PATIENT[0](call) if _PATIENT else call()


class Again:
    """A call whose tries are counted: ``again`` is true from the second try on."""

    def __init__(self, call: Callable[[bool], T]) -> None:
        self.call = call
        self.tries = 0

    def __call__(self) -> T:
        self.tries += 1
        return self.call(self.tries > 1)


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
        made = super().from_settings  # scrapy-redis pings the server
        instance = patiently(lambda: made(settings))
        instance.inflight_key = settings.get("OIT_REDIS_INFLIGHT_KEY")
        return instance

    def open(self, spider: Any) -> Any:
        opened = super().open
        result = patiently(lambda: opened(spider))
        self._pop = self.server.register_script(_POP_INTO_INFLIGHT)
        self._push = self.server.register_script(_SEEN_AND_QUEUED)
        # left by a stopped worker (pushing the same request twice keeps one)
        for _, raw in patiently(lambda: self.server.hgetall(self.inflight_key)).items():
            patiently(lambda raw=raw: self.queue.push(self.queue._decode_request(raw)))
        patiently(lambda: self.server.delete(self.inflight_key))
        return result

    def __len__(self) -> int:
        return patiently(lambda: len(self.queue))

    def enqueue_request(self, request: Any) -> bool:
        seen = "" if request.dont_filter else self.df.request_fingerprint(request)
        queue = self.queue
        data = queue._encode_request(request)
        if not patiently(Again(lambda again: self._push(
                keys=[self.df.key, queue.key],
                args=[seen, -request.priority, data, "1" if again else "0"]))):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis", spider=self.spider)
        return True

    def next_request(self) -> Any:
        if _DRAIN.is_set():
            return None
        field = PENDING + uuid.uuid4().hex  # the same for every try of this take
        raw = patiently(lambda: self._pop(keys=[self.queue.key, self.inflight_key],
                                          args=[field]))
        if raw is None:
            return None
        request = self.queue._decode_request(raw)

        def named() -> None:  # by its URL, the field its record removes
            pipe = self.server.pipeline()  # MULTI: never both fields, never neither
            pipe.hset(self.inflight_key, request.url, raw)
            pipe.hdel(self.inflight_key, field)
            pipe.execute()

        patiently(named)
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis", spider=self.spider)
        return request

    def has_pending_requests(self) -> bool:
        return False if _DRAIN.is_set() else len(self) > 0
