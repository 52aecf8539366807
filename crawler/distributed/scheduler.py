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
* A stall held by one read (:class:`Line`): a crawl's calls are made on the reactor (Scrapy's
  API calls the scheduler synchronously) while Redis answers; the first read that times out,
  and every call of that crawl after it, are tried again in order from a thread of the
  worker's Redis pool (the reactor's until nightly48), so a stall holds the reactor for one
  read (:data:`READ_S`), not up to ``--redis-wait`` (60 s by default; nightly43's and
  nightly44's note: every ``--parallel`` crawl of the worker, its lease watch aside, waited
  for the stall).  Meanwhile the crawl
  takes no request (its take is kept for when it is done), its pushes count as queued (the
  links stay out of the saved state's "seen" until they are: ``RequestsFirst.unqueued``), its
  records wait behind its pushes, and it is not idle, so it does not end.
* A crawl's start (nightly48): scrapy-redis pings the server as it builds the scheduler,
  which Scrapy does synchronously, on the reactor, and the in-flight requests a stopped
  worker left were put back there too: a stall at a crawl's start held the worker's reactor
  (every ``--parallel`` crawl) for up to ``--redis-wait`` (nightly47's note).  Now the
  scheduler is built without a call (:class:`SharedClient`) and ``open`` (which Scrapy
  waits for when it returns a Deferred) makes the start's calls from a thread at once
  (:meth:`Line.first`): a stall there costs that crawl only.
* The lease's holder (nightly49): every write of the crawl (a take, a push, a request named
  in flight, the requests a stopped worker left put back, a record) is one script made only
  while the office is still leased to this worker (``crawler.distributed.jobs.fenced``: the
  crawl's :class:`~crawler.distributed.jobs.Fence`, ``OIT_LEASE``).  One refused means
  another worker claimed the office (a stall outlasted the lease): the crawl's line is lost
  (:meth:`Line.lose`), it takes and pushes nothing more, and the crawl ends; the worker
  stores nothing for it.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from typing import Any, Protocol, TypeVar
from weakref import WeakKeyDictionary

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry
from scrapy_redis.scheduler import Scheduler
from twisted.internet import defer

from crawler.distributed.jobs import Fence, LeaseLost, fenced
from crawler.distributed.requestsfirst import RequestsFirst
from crawler.spiders.oit import canonicalize_url

_DRAIN = threading.Event()  # set once per process, by the worker's signal handler
PENDING = "~"  # in-flight field of a request taken by the script, until named by its URL
READ_S = 5.0  # one read's timeout of a shared crawl's client (as the worker's own calls)
T = TypeVar("T")
_PATIENT: list[Callable[[Callable[[], Any]], Any]] = []  # the worker's, once it runs
_BEARER: list[Bearer] = []  # the worker's, once it runs: a stall waited out off the reactor
# KEYS: the request queue (a sorted set, scrapy-redis's PriorityQueue), the in-flight hash;
# ARGV: the take's field (PENDING and a token: the same for a try sent again, which gets the
# request the first try took, not a second one)
_POP_INTO_INFLIGHT = fenced("""
local kept = redis.call('HGET', KEYS[2], ARGV[1])
if kept then return kept end
local taken = redis.call('ZRANGE', KEYS[1], 0, 0)
if #taken == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1], taken[1])
return taken[1]
""")
# KEYS: the fingerprints (the duplicate filter's set), the request queue; ARGV: the
# request's fingerprint ('' when it is not filtered), its score, the request; ARGV[4] '1'
# for a try sent again.  Seen and queued together (scrapy-redis's two calls, SADD then
# ZADD, lost the request when the second did not follow the first); a try sent again after
# the first was done finds it seen, and says it was queued when it is in the queue.
_SEEN_AND_QUEUED = fenced("""
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then
  if ARGV[4] == '1' and redis.call('ZSCORE', KEYS[2], ARGV[3]) then return 1 end
  return 0
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
""")
# KEYS: the in-flight hash; ARGV: the request's URL, the request, its take's field.  A
# request taken (its field PENDING and a token) named by its URL, the field its record
# removes: never both fields, never neither (a MULTI until nightly49)
_NAMED = fenced("""
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HDEL', KEYS[1], ARGV[3])
return 1
""")
# KEYS: the request queue, the in-flight hash; ARGV: (field, score, request) for each request
# a stopped worker left in flight: queued again (once: a sorted set) and out of flight
_PUT_BACK = fenced("""
for i = 1, #ARGV - 2, 3 do
  redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i + 2])
  redis.call('HDEL', KEYS[2], ARGV[i])
end
return 1
""")


class SharedClient(redis.Redis):
    """A shared crawl's Redis client (:func:`redis_params`).  Its ping is answered at once,
    without Redis: scrapy-redis's scheduler pings the server as Scrapy builds it, on the
    reactor, where a ping in a stall held every crawl of the worker for up to
    ``--redis-wait`` (nightly47's note); nothing else of a crawl pings, and the scheduler's
    first call, in :meth:`SharedSiteScheduler.open`, made from a thread, meets a Redis that
    does not answer instead (waited for there, or raised as the ping would have)."""

    def ping(self, **kwargs: Any) -> bool:
        return True


def redis_params() -> dict[str, Any]:
    """scrapy-redis's ``REDIS_PARAMS`` for a shared crawl: each read and connect bounded by
    :data:`READ_S` and not tried again by redis-py (its defaults: 30-s reads, and redis-py
    8 tries a timed-out call again up to three times, so a call held the reactor for a
    minute and more in a stall); a stall is waited for by :func:`patiently`; the client
    :class:`SharedClient` (no ping on the reactor)."""
    return {"socket_timeout": READ_S, "socket_connect_timeout": READ_S,
            "retry_on_timeout": False, "retry": Retry(NoBackoff(), 0),
            "redis_cls": SharedClient}


class Bearer(Protocol):
    """What a :class:`Line` asks of the worker (``crawler.distributed.worker.Worker``)."""

    def redis_stalled(self) -> bool:
        """Redis is stalling now (a call of this process has waited for a while)."""

    def tried_once(self, call: Callable[[], T]) -> T:
        """``call`` tried once here, on the reactor (a stop during it heard)."""

    def tried_later(self, call: Callable[[], T], began: float) -> defer.Deferred[T]:
        """``call`` tried from a thread until Redis answers (``began``: when the stall its
        first try met began, 0 for none); a stall given up on ends the worker."""


def bear(patient: Callable[[Callable[[], Any]], Any], bearer: Bearer | None = None) -> None:
    """Make every shared crawl's Redis calls in this process through ``patient`` (the
    worker's: tries a call again while Redis stalls, ends the worker when it gives up) and
    their lines (:class:`Line`) through ``bearer``."""
    _PATIENT[:] = [patient]
    _BEARER[:] = [bearer] if bearer is not None else []


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


class Line:
    """One shared crawl's calls to Redis, in the order they were made: on the reactor while
    Redis answers and nothing of the crawl waits; from a thread, one after the other, from
    the first read that timed out (the stall has held the reactor for that read) until all
    are done, and while Redis stalls for any call of the process (the worker's
    :class:`Bearer`).  Without a worker a call is made through :func:`patiently`."""

    _OF: WeakKeyDictionary[Any, Line] = WeakKeyDictionary()  # crawler -> its line

    def __init__(self) -> None:
        self.lock = defer.DeferredLock()  # held while calls are made from a thread
        self.lost = False  # a call was refused: the office's lease is another worker's
        self.on_lost: list[Callable[[], None]] = []  # told once, when it is lost

    @classmethod
    def of(cls, crawler: Any) -> Line:
        """The line of ``crawler``'s calls (its scheduler's and its records')."""
        line = cls._OF.get(crawler)
        if line is None:
            line = cls._OF[crawler] = cls()
        return line

    def busy(self) -> bool:
        """Calls of this crawl are waiting, or being made, from a thread."""
        return self.lock.locked

    def made(self, call: Callable[[], T]) -> T | defer.Deferred[T]:
        """``call``'s answer, or a Deferred of it when it is made from a thread (a Redis
        answer is never a Deferred); None once the lease is lost (:meth:`lose`)."""
        bearer = _BEARER[0] if _BEARER else None
        if bearer is not None and not self.lost and not self.busy() and \
                not bearer.redis_stalled():
            try:
                return self._held(lambda: bearer.tried_once(call))
            except redis.TimeoutError:  # the one read a stall holds the reactor for
                return self._later(call, time.monotonic() - READ_S)
        return self._later(call, 0.0)

    def first(self, call: Callable[[], T]) -> T | defer.Deferred[T]:
        """The crawl's start (``call``: its first calls, each safe to make twice, made again
        together while Redis stalls) made from a thread at once, the crawl's later calls
        behind it: a stall at the start holds no read of the reactor (a start is once a
        crawl, so the hop to a thread costs nothing that counts)."""
        return self._later(call, 0.0)

    def done(self) -> defer.Deferred[None]:
        """Fired once every call made so far is done."""
        return self.lock.run(lambda: None)

    def _later(self, call: Callable[[], T], began: float) -> T | defer.Deferred[T] | None:
        """``call`` from a thread of the worker (``began``: when the stall its first try
        met began, 0 for none), behind the line's calls before it; without a worker,
        through :func:`patiently`; nothing once the lease is lost (a call refused: lost)."""
        bearer = _BEARER[0] if _BEARER else None
        if self.lost:  # the lease is another worker's: nothing more is sent
            return None
        if bearer is None:
            return self._held(lambda: patiently(call))

        def refused(failure: Any) -> None:
            failure.trap(LeaseLost)
            self.lose()

        def made() -> Any:  # a call queued behind the one that found the lease lost
            return None if self.lost else bearer.tried_later(call, began)

        return self.lock.run(made).addErrback(refused)

    def _held(self, call: Callable[[], T]) -> T | None:
        """``call``'s answer; None when it was refused (:meth:`lose`)."""
        try:
            return call()
        except LeaseLost:
            self.lose()
            return None

    def lose(self) -> None:
        """The office's lease is another worker's (a call refused, or a renewal): the crawl
        sends nothing more (its takes find nothing, it is not pending, so it ends) and
        whoever asked (:attr:`on_lost`, the worker) is told, once."""
        if not self.lost:
            self.lost = True
            for told in self.on_lost:
                told()


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
        self.fence = Fence()  # the lease the crawl's writes are made under (OIT_LEASE)
        self.line = Line()  # the crawl's (Line.of its crawler, once open)
        self.taken: list[Any] = []  # requests taken from a thread, not handed out yet
        self.taking = False  # a take is being made from a thread

    @classmethod
    def from_settings(cls, settings: Any) -> SharedSiteScheduler:
        """scrapy-redis's scheduler, built without a call to Redis: its ping is left to
        :meth:`open`'s first call (:class:`SharedClient`; Scrapy builds the scheduler on the
        reactor, where a ping in a stall held every crawl of the worker: nightly47's note)."""
        instance = super().from_settings(settings)  # REDIS_PARAMS: redis_params()'s
        instance.inflight_key = settings.get("OIT_REDIS_INFLIGHT_KEY")
        instance.fence = Fence.from_settings(settings)
        return instance

    def open(self, spider: Any) -> defer.Deferred[None] | None:
        """Open on Redis: from a thread of the worker (:meth:`Line.first`; Scrapy waits for
        the Deferred), so a stall at the crawl's start costs this crawl only."""
        crawler = getattr(spider, "crawler", None)
        if crawler is not None:
            self.line = Line.of(crawler)
        self._pop = self.server.register_script(_POP_INTO_INFLIGHT)  # no call: a digest
        self._push = self.server.register_script(_SEEN_AND_QUEUED)
        self._name = self.server.register_script(_NAMED)
        self._put_back = self.server.register_script(_PUT_BACK)
        return self.line.first(lambda: self._resumed(spider))

    def _resumed(self, spider: Any) -> None:
        """scrapy-redis's ``open`` (it reads the queue's length) and the requests a stopped
        worker left in flight put back in the queue: all of it safe to do twice (pushing the
        same request twice keeps one; the in-flight hash is read, then the requests read are
        queued and taken out of it in one script, under the lease: a worker that lost it
        before its crawl began puts back nothing of the holder's)."""
        Scheduler.open(self, spider)
        back: list[Any] = []
        for field, raw in self.server.hgetall(self.inflight_key).items():
            request = self.queue._decode_request(raw)
            back += [field, -request.priority, self.queue._encode_request(request)]
        self.fence.call(self._put_back, [self.queue.key, self.inflight_key], back)

    def close(self, reason: str) -> defer.Deferred[None]:
        """Closed once the calls still waiting out a stall are done (a page's record waits
        behind its links' pushes)."""
        return self.line.done().addCallback(lambda _: super(SharedSiteScheduler, self)
                                            .close(reason))

    def __len__(self) -> int:
        return patiently(lambda: len(self.queue))

    def enqueue_request(self, request: Any) -> bool:
        seen = "" if request.dont_filter else self.df.request_fingerprint(request)
        queue = self.queue
        data = queue._encode_request(request)
        queued = self.line.made(Again(lambda again: self.fence.call(
            self._push, [self.df.key, queue.key],
            [seen, -request.priority, data, "1" if again else "0"])))
        if not isinstance(queued, defer.Deferred):
            return self._counted(request, queued)
        # pushed from a thread once Redis answers: said queued now (a duplicate is logged
        # then); its link is not "seen" in the state saved meanwhile (a worker continuing
        # after a kill follows it again from its page, whose record waits behind the push)
        first = _unqueued(self.spider)
        url = canonicalize_url(request.url)
        first.add(url)

        def pushed(answer: Any) -> Any:
            first.discard(url)
            self._counted(request, answer)
            return answer

        queued.addCallback(pushed)
        return True

    def _counted(self, request: Any, queued: Any) -> bool:
        if self.line.lost:  # refused: not a duplicate, the office is another worker's
            return False
        if not queued:
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis", spider=self.spider)
        return True

    def next_request(self) -> Any:
        if _DRAIN.is_set() or self.line.lost:
            return None
        if self.taken:
            return self._handed(self.taken.pop(0))
        if self.taking:
            return None
        field = PENDING + uuid.uuid4().hex  # the same for every try of this take
        raw = self.line.made(lambda: self.fence.call(
            self._pop, [self.queue.key, self.inflight_key], [field]))
        if isinstance(raw, defer.Deferred):
            self._take_later(raw, field)
            return None
        if raw is None:
            return None
        named = self.line.made(self._named(raw, field))
        if isinstance(named, defer.Deferred):  # handed out once named
            self._take_later(named.addCallback(lambda _: raw), "")
            return None
        return None if self.line.lost else self._handed(raw)

    def _named(self, raw: Any, field: str) -> Callable[[], None]:
        request = self.queue._decode_request(raw)

        def named() -> None:  # by its URL, the field its record removes
            self.fence.call(self._name, [self.inflight_key], [request.url, raw, field])

        return named

    def _take_later(self, taking: defer.Deferred[Any], field: str) -> None:
        """A take made from a thread (``field``: its pop's, to name it once done; "" when
        only its naming was left): kept in :attr:`taken` for the next call."""
        self.taking = True

        def popped(raw: Any) -> Any:
            if raw is None or not field:
                return raw
            return defer.maybeDeferred(self.line.made, self._named(raw, field)).addCallback(
                lambda _: raw)

        def kept(raw: Any) -> None:
            if raw is not None:
                self.taken.append(raw)

        def ended(result: Any) -> Any:
            self.taking = False
            return result

        taking.addCallback(popped).addCallback(kept).addBoth(ended)

    def _handed(self, raw: Any) -> Any:
        request = self.queue._decode_request(raw)
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis", spider=self.spider)
        return request

    def has_pending_requests(self) -> bool:
        # a stall's calls still being made keep the crawl open (its pushes, its record);
        # a request taken meanwhile is handed out unless draining (it stays in flight then,
        # for the worker that continues the office)
        if self.line.busy() or (not _DRAIN.is_set() and not self.line.lost and (
                self.taken or self.taking)):
            return True
        if _DRAIN.is_set() or self.line.lost:
            return False
        left = self.line.made(lambda: len(self.queue))
        return True if isinstance(left, defer.Deferred) else left > 0


def _unqueued(spider: Any) -> set[str]:
    """The links of ``spider``'s crawl not in Redis yet (``RequestsFirst.unqueued``; a set of
    its own when the crawl has none)."""
    crawler = getattr(spider, "crawler", None)
    first = RequestsFirst.of(crawler) if crawler is not None else None
    return first.unqueued if first is not None else set()
