"""``oit-audit worker --redis URL``: audit offices of shared batches until none is left.

A worker claims an office (a lease it renews while crawling), crawls it with scrapy-redis's
scheduler and duplicate filter keyed by the office (so the request queue, the fingerprints
of requests already made and the records live in Redis, not in the worker), judges it and
stores its report in Redis, then claims the next. ``--parallel`` offices at a time. On
SIGTERM or Ctrl-C the worker stops handing out requests, lets those in flight finish, judges
an office whose crawl then has nothing left to fetch, gives its unfinished offices back and
exits; another worker continues them where it stopped. A
worker killed outright (SIGKILL, power loss) stops renewing its leases: after ``--lease``
seconds its offices go back to the queue and another worker continues them from the shared
queue, the spider state it saved every ``STATE_EVERY_S`` and the records already stored;
only the requests it had in flight (their answers died with it; at most
CONCURRENT_REQUESTS) are made again. A worker whose lease another worker took meanwhile (a
Redis stall longer than ``--lease``: its renewals did not reach Redis) is refused its next
step on that office (nightly49: ``crawler.distributed.jobs``' holder); it ends that crawl,
stores nothing for it and says "lease lost": the office is judged once, by its holder.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import signal
import socket
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

import redis
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.reactor import install_reactor
from twisted.internet import defer, task, threads
from twisted.python.failure import Failure
from twisted.python.threadpool import ThreadPool

from checklists.vocabulary import EXIT_ERROR, EXIT_STOPPED, JUDGED
from crawler.batch.offices import Office
from crawler.batch.runner import (
    BatchOptions,
    installed_reactor,
    say,
    site_settings,
    stop_reactor,
)
from crawler.distributed.jobs import BatchJobs, LeaseLost, RedisUnreachable, StoppedInStall
from crawler.distributed.requestsfirst import RequestsFirst
from crawler.distributed.scheduler import Line, bear, drain, draining, redis_params
from crawler.judging import finish
from crawler.pipelines import flush_records
from crawler.run import crawl_process, project_settings
from crawler.runcontext import AuditRun
from crawler.spiders.oit import OitSpider
from reports.labels import both, said

logger = logging.getLogger(__name__)
POLL_S = 1.0
STATE_EVERY_S = 0.5  # the spider's counters and seen URLs saved to Redis this often
T = TypeVar("T")
# How long the coordinator and a worker wait on a Redis that takes connections but does not
# answer (a stall: a fork for BGSAVE on a large data set, a slow disk under appendfsync always,
# CLIENT PAUSE) before they give up, by default (--redis-wait).  redis-py gives each read 5 s
# (redis-py 8's default socket_timeout), after which the coordinator (until hygiene41) and the
# worker (until nightly42) said "lost Redis" and exited 2, although the server was there and a
# nightly timer's run was lost for a pause of seconds: the read is tried again on a new
# connection until the stall has lasted this long.
REDIS_WAIT_S = 60.0
READ_S = 5.0  # one read's timeout (redis-py 8's default, said here: the waits count it)
# A Redis call waiting this long when a stop comes is taken for a stall: the stop ends the
# worker at once (exit 3) rather than after the read and its tries (a call answers in
# milliseconds; a worker's calls are its claim, renewals and saves, and its crawls' own)
STALLED_S = 1.0
# Threads of a worker's own pool for its Redis calls waited out of the reactor, per
# ``--parallel`` slot: at most two of a slot's calls wait at once (its crawl's line, one call
# at a time, and its state save; or its claim between crawls).  Before nightly48 they took the
# reactor's pool (10 threads, Scrapy's REACTOR_THREADPOOL_MAXSIZE), which name lookups use:
# five crawls in one stall held all ten and every crawl's lookups waited out the stall.
REDIS_THREADS_A_SLOT = 2


class Stalls:
    """Calls to Redis tried again while Redis stalls (a read timed out after
    :data:`READ_S`: ``redis.TimeoutError``; a refused or reset connection is not a stall and
    is raised at once), until a stall has lasted ``wait_s`` or a stop came (Ctrl-C, SIGTERM:
    ``stop`` set), when :class:`RedisUnreachable` says what happened and what to do
    (words.yaml ``section``'s ``redis_stalled``; exit 2, as Redis unreachable).  Every call
    made through it must be safe to make twice: the coordinator's are reads, and writes that
    keep what is there (the batch's settings; an office is added only when it is not listed
    yet, ``BatchJobs.submit``); the worker's are reads, writes of the same value, a release
    (only a lease still held is given back) and a claim under one token for all its tries
    (``BatchJobs.claim``).  ``stopped``: a stop during the stall raises
    :class:`StoppedInStall` with that words' key instead (exit 3, the coordinator's too
    since nightly43; ``""``: :class:`RedisUnreachable`, exit 2, as the coordinator's was).
    Once it has given up, a later call that times out gives up at once (a worker's other
    slots do not wait again)."""

    def __init__(self, url: str, stop: threading.Event, wait_s: float,
                 section: str = "batch_cmd", stopped: str = "stopped_stalled",
                 held: Callable[[], str] = lambda: "") -> None:
        self.url = url
        self.stop = stop
        self.wait_s = wait_s
        self.section = section
        self.stopped = stopped
        self.held = held  # the offices a stop leaves leased, named (a worker's)
        self.gave_up: RedisUnreachable | None = None
        self.calls: dict[int, float] = {}  # thread -> when its call (and tries) began
        self._told = threading.Lock()
        self.stalled_calls = 0  # calls waiting out a stall (said waiting once for all)
        self.stall_began = 0.0  # when the stall they wait out began

    def __call__(self, call: Callable[[], T]) -> T:
        with self.timed():
            return self._tried(call)

    def after(self, call: Callable[[], T], began: float = 0.0) -> T:
        """``call`` as :meth:`__call__` makes it, its first try having timed out in a stall
        that began at ``began`` (0: none did)."""
        with self.timed(began):
            return self._tried(call, began)

    @contextmanager
    def timed(self, began: float = 0.0) -> Iterator[None]:
        """A call to Redis made in this thread while inside (:meth:`waiting`), waiting
        since ``began`` (0: now)."""
        me = threading.get_ident()
        self.calls[me] = began or time.monotonic()
        try:
            yield
        finally:
            self.calls.pop(me, None)

    def waiting(self) -> float:
        """How long the longest call to Redis in progress (its tries included) has waited:
        a signal handler's question, answered without a lock."""
        now = time.monotonic()
        return max((now - began for began in list(self.calls.values())), default=0.0)

    def _tried(self, call: Callable[[], T], began: float = 0.0) -> T:
        # began: when the stall began (the first read that timed out was sent)
        if began:
            self._waits(began)
        try:
            while True:
                try:
                    answer = call()
                except redis.TimeoutError as exc:
                    if self.gave_up is not None:
                        raise self.gave_up from None
                    if not began:
                        began = time.monotonic() - READ_S
                        self._waits(began)
                    ended = self.ends(time.monotonic() - began, exc)
                    if ended is not None:
                        raise ended from None
                    continue
                if began:
                    self._back()
                    began = 0.0  # counted back: the finally below has nothing to undo
                return answer
        finally:
            if began:  # left by an exception while counted among the waiting calls
                with self._told:
                    self.stalled_calls -= 1

    def _waits(self, began: float) -> None:
        """A call met a stall begun at ``began``: said once for the calls waiting together
        (since nightly47 a worker's crawls and its state saves wait in threads at once)."""
        with self._told:
            self.stalled_calls += 1
            if self.stalled_calls > 1:
                return
            self.stall_began = began
        _say(both(self.section, "redis_waiting", url=self.url, s=round(READ_S),
                  wait=round(self.wait_s)))

    def _back(self) -> None:
        """A call that met a stall was answered: said once the last of them is."""
        with self._told:
            self.stalled_calls -= 1
            if self.stalled_calls:
                return
        _say(both(self.section, "redis_back", url=self.url,
                  s=round(time.monotonic() - self.stall_began)))

    def ends(self, waited: float, exc: Exception) -> RedisUnreachable | None:
        """The error a stall of ``waited`` seconds (its last read failed with ``exc``) ends
        with, kept in ``gave_up``; None while it is waited for."""
        if self.stop.is_set() and self.stopped:
            self.gave_up = StoppedInStall(both(
                self.section, self.stopped, url=self.url, s=round(waited),
                names=self.held() or "-"))
        elif waited >= self.wait_s or self.stop.is_set():
            self.gave_up = RedisUnreachable(both(
                self.section, "redis_stalled", url=self.url, s=round(waited),
                why=str(exc) or type(exc).__name__))
        return self.gave_up


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def connect(url: str, read_s: float | None = None, stalls: bool = False) -> redis.Redis:
    """A client of the Redis at ``url`` that answers; :class:`RedisUnreachable`, saying what
    to do next, when it does not (before: a crash report for the coordinator, and a worker
    that waited for ever).  ``read_s``: each read's timeout (redis-py's default without);
    ``stalls``: a read that timed out (a server that took the connection but did not answer)
    is raised as it is, for the caller to wait (crawler/distributed/coordinator.py)."""
    try:
        server = redis.Redis.from_url(url, decode_responses=True, **(
            {"socket_timeout": read_s} if read_s else {}))
        server.ping()
    except ValueError:  # a URL redis-py cannot open (the commands check its scheme first)
        raise RedisUnreachable(both("worker", "bad_redis", value=url)) from None
    except redis.RedisError as exc:
        if stalls and isinstance(exc, redis.TimeoutError):
            raise
        raise unreachable("worker", "no_redis", url, exc) from None
    return server


def _tell(line: str) -> None:
    """One line on stderr from a signal handler: written at once, unbuffered (the stream's
    buffer may be in the middle of a write the signal cut)."""
    try:
        os.write(2, (line + "\n").encode("utf-8"))
    except OSError:
        pass


def _exit_at_once(code: int) -> None:
    """End the process with ``code`` now, without unwinding (the reactor may be held by a
    Redis call): what was printed, and the records the crawls wrote to their files, are
    flushed first (``crawler.pipelines.flush_records``), a flush a signal cut short is let
    be."""
    flush_records()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, RuntimeError, ValueError):  # a write cut short by a signal
            pass
    os._exit(code)


def unreachable(section: str, key: str, url: str, exc: Exception) -> RedisUnreachable:
    """The error of words.yaml's ``section``/``key`` for Redis at ``url`` failing with
    ``exc``."""
    return RedisUnreachable(both(section, key, url=url, why=str(exc) or type(exc).__name__))


def shared_settings(office: Office, jobs: BatchJobs, url: str, opts: BatchOptions,
                    holder: str = "") -> Any:
    """The office's batch settings plus the shared scheduler, duplicate filter and records,
    their writes made under ``holder``'s lease (its claim's token; "": not checked)."""
    settings = site_settings(office, opts)
    key = office.key
    settings.setdict({
        "REDIS_URL": url,
        "SCHEDULER": "crawler.distributed.scheduler.SharedSiteScheduler",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_KEY": jobs.site_key(key, "requests"),
        "SCHEDULER_DUPEFILTER_KEY": jobs.site_key(key, "dupefilter"),
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        # bounded reads, not tried again by redis-py: a stall is waited for, a stop heard,
        # by the worker's patience (the crawl's Line from a thread once a read timed out,
        # nightly47, and at the crawl's start, nightly48); scrapy-redis's own 30-s reads,
        # each tried again, held the reactor for 60 s a call in a stall (nightly44)
        "REDIS_PARAMS": redis_params(),
        "OIT_REDIS_INFLIGHT_KEY": jobs.site_key(key, "inflight"),
        "OIT_REDIS_RECORDS_KEY": jobs.site_key(key, "records"),
        "OIT_RESUME": True,
        "OIT_LEASE": list(jobs.fence(key, holder)),  # crawler.distributed.jobs.Fence
        "ITEM_PIPELINES": {**settings.getdict("ITEM_PIPELINES"),
                           "crawler.distributed.records.RedisRecordsPipeline": 250},
        # a page's links reach the Redis queue before its record ends its request's flight
        "SPIDER_MIDDLEWARES": {**settings.getdict("SPIDER_MIDDLEWARES"),
                               "crawler.distributed.requestsfirst.RequestsFirst": 10},
    }, priority="cmdline")
    return settings


def batch_options(config: dict[str, Any], out_dir: Path) -> BatchOptions:
    """The batch's options as the coordinator stored them, writing under ``out_dir``."""
    fields = {k: v for k, v in config.items() if k in BatchOptions.__dataclass_fields__}
    return BatchOptions(**{**fields, "out_dir": out_dir})


class Worker:
    """Claim, crawl, judge and store offices of one batch."""

    def __init__(self, url: str, batch: str, parallel: int = 2, lease_s: float = 60,
                 work_dir: Path | None = None, once: bool = False,
                 redis_wait_s: float = REDIS_WAIT_S) -> None:
        self.url = url
        self.stopping = threading.Event()  # Ctrl-C or SIGTERM came (a stall hears it)
        # a stalled Redis (a read timed out) is waited for up to --redis-wait, each call
        # tried again (all of them can be sent twice: see Stalls); before nightly42 the
        # first read past 5 s ended the worker "lost Redis", exit 2, and a stop during a
        # stall too
        self.patient = Stalls(url, self.stopping, redis_wait_s, section="worker",
                              stopped="stopped_stalled", held=self._held_names)
        self.jobs = BatchJobs(self.patient(lambda: connect(url, read_s=READ_S, stalls=True)),
                              batch)
        self.parallel = max(1, parallel)
        # Redis calls waited out of the reactor wait here, not in the reactor's pool (its
        # name lookups, Scrapy's other threads): a stall holds no thread another crawl's
        # non-Redis work needs, and no slot's call waits for a thread another slot holds
        self.redis_threads = ThreadPool(0, REDIS_THREADS_A_SLOT * self.parallel,
                                        "oit-worker-redis")
        self.lease_s = lease_s
        self.work_dir = work_dir or Path(tempfile.mkdtemp(prefix="oit-worker-"))
        self.name = f"{socket.gethostname()}:{os.getpid()}"
        self.once = once  # exit when nothing is pending (else wait for the batch to end)
        self.active: set[str] = set()  # leased here (crawling or judging): renewed
        self.names: dict[str, str] = {}  # office key -> name, of the offices claimed here
        self.judging: dict[str, str] = {}  # office key -> name, while its crawl is judged
        self.audited: list[str] = []
        self.given_back: list[str] = []  # offices released unfinished by a stop
        self.lost_offices: list[str] = []  # offices left to another worker: lease lost
        self.holders: dict[str, str] = {}  # office key -> the token of its claim here
        self.lost: set[str] = set()  # offices whose lease another worker took (nightly49)
        self.lines: dict[str, Line] = {}  # office key -> its crawl's line, while it crawls
        self.stop_asked = False  # Ctrl-C or SIGTERM came: the worker drained and gave back

    def run(self) -> list[str]:
        """Work until the batch is finished (or drained); return the offices finished here.
        Redis lost on the way raises :class:`RedisUnreachable` once the worker has stopped."""
        settings = project_settings()
        install_reactor(settings["TWISTED_REACTOR"])  # before any crawler: none may come
        process = crawl_process(settings)
        self.process = process
        bear(self._on_reactor, self)  # the crawls' own Redis calls (scheduler, records)
        self.redis_threads.start()  # threads made as calls need them, up to its size
        installed_reactor().addSystemEventTrigger("during", "shutdown", self.redis_threads.stop)
        loops = [self._loop() for _ in range(self.parallel)]
        stop = threading.Event()
        # renewed from a thread: judging a large site blocks the reactor for seconds
        threading.Thread(target=self._renew, args=(stop,), daemon=True).start()
        failed: list[Failure] = []

        def ended(results: list[tuple[bool, Any]]) -> None:
            stop.set()
            failed.extend(result for ok, result in results if not ok)
            # once it runs: every loop may have ended before (Redis lost at the first
            # claim), and the worker then waited for ever, deaf to SIGTERM (its drain)
            installed_reactor().callWhenRunning(stop_reactor)

        defer.DeferredList(loops, consumeErrors=True).addCallback(ended)
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM,
                                                                    signal.SIGINT)}
        try:
            process.start(stop_after_crawl=False, install_signal_handlers=False)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        for failure in failed:  # stopped while Redis stalled: exit 3 (cmd_worker)
            if failure.check(StoppedInStall):
                failure.raiseException()
        for failure in failed:
            if failure.check(redis.RedisError):
                raise unreachable("worker", "lost_redis", self.url, failure.value)
        if failed:
            failed[0].raiseException()
        return self.audited

    def _stop(self, signum: int, frame: Any) -> None:
        """SIGTERM or Ctrl-C: no request leaves the queues any more; the crawls end once
        the requests in flight are answered and give their offices back; an office being
        judged is judged to the end and its report stored (seconds; a minute on a
        20,000-page office), and the worker says so.  A second signal stops at once
        (:meth:`_stop_now`)."""
        if self.stop_asked:
            self._stop_now()
            return
        self.stop_asked = True
        self.stopping.set()
        drain()
        waited = self.patient.waiting()
        if waited >= STALLED_S:  # in a stall: nothing in flight ends until Redis answers
            # heard now, not after the read (and, until nightly44, the lease renewal) that
            # notices it: the offices held here go back when their leases expire
            ended = self.patient.ends(waited, redis.TimeoutError("stopped in a stall"))
            if ended is not None:  # always: the stop is set
                self._give_up(ended)
        judging = ", ".join(self.judging.values())
        _tell(both("worker", "stopping_judging", names=judging) if judging
              else both("worker", "stopping"))

    def _held_names(self) -> str:
        """The offices leased here (crawling or judging), by name."""
        return ", ".join(self.names.get(key, key) for key in self.active | set(self.judging))

    def _stop_now(self) -> None:
        """A second Ctrl-C or SIGTERM: every office leased here (its crawl draining, or being
        judged) is given back at once, the worker says which, and the process ends with exit
        code 3 without waiting for its requests in flight or its judging.  Another worker
        continues each office as after a worker killed outright, without waiting for its
        lease to expire: its records and queue are on Redis, its requests in flight are made
        again (``SharedSiteScheduler.open``).  Before, a second signal did nothing more than
        the first: the judging, or the requests in flight, were waited for."""
        names = {key: self.names.get(key, key) for key in self.active | set(self.judging)}
        try:  # a client of its own: the one in use may be mid-command in this thread
            jobs = BatchJobs(redis.Redis.from_url(self.url, decode_responses=True,
                                                  socket_timeout=5), self.jobs.name)
            for key in names:
                with suppress(LeaseLost):  # another worker's now: not given back
                    jobs.release(key, self.holders.get(key, ""))
            line = both("worker", "stopped_now", n=len(names),
                        names=", ".join(names.values()) or "-")
        except redis.RedisError:  # their leases expire: another worker continues them
            line = both("worker", "stopped_now_lease", names=", ".join(names.values()))
        _tell(line)
        _exit_at_once(EXIT_STOPPED)

    def _renew(self, stop: threading.Event) -> None:
        """Renew the leases of the offices held here; and, off the reactor, the watch on a
        stall in the middle of a crawl: scrapy-redis's scheduler and the records pipeline
        call Redis on the reactor with their own client (30 s reads, tried again once), so a
        stall froze the whole worker for as long as it lasted, whatever --redis-wait said,
        and a stop then was not heard (nightly43, tests/integration/test_distributed.py).
        Renewals that time out for ``--redis-wait`` (or a stop during them) end the worker
        as a stall does, at once (:meth:`_give_up`): its leases expire and another worker
        continues its offices, as after a worker killed outright."""
        began = 0.0  # when the renewals began to time out
        while not stop.wait(max(0.5, self.lease_s / 4)):
            for key in list(self.active - self.lost):
                holder = self.holders.get(key, "")
                try:
                    with self.patient.timed():
                        self.jobs.renew(key, self.lease_s, holder)
                    began = 0.0
                except LeaseLost:  # claimed by another worker while Redis stalled
                    began = 0.0
                    installed_reactor().callFromThread(self._lose, key, holder)
                except redis.TimeoutError as exc:
                    began = began or time.monotonic() - READ_S
                    ended = self.patient.ends(time.monotonic() - began, exc)
                    if ended is not None:
                        self._give_up(ended)
                except redis.RedisError:  # the loops say so; the lease expires meanwhile
                    logger.warning("worker: could not renew the lease of %s", key)

    def _lose(self, key: str, holder: str) -> None:
        """The lease ``holder`` held on office ``key`` is another worker's now (a renewal
        or a crawl's step refused): its crawl sends nothing more and ends; nothing is stored
        for it here (:meth:`_lost`).  On the reactor; nothing when the office has been
        claimed here again since (a later claim's lease)."""
        if key in self.lost or self.holders.get(key) != holder:
            return
        self.lost.add(key)
        logger.warning("worker: lost the lease of %s to another worker", key)
        line = self.lines.get(key)
        if line is not None:
            line.lose()

    def _lost(self, office: Office) -> None:
        """Said once ``office``'s crawl (or judging) has ended without storing anything: its
        lease is another worker's, which judges it (nightly49; before, both judged it and the
        report stored last could miss the pages the other fetched)."""
        self.lost.add(office.key)
        self.active.discard(office.key)
        self.lines.pop(office.key, None)
        self.lost_offices.append(office.key)
        say(f"  {office.name}: {said('worker', 'lease_lost')}")

    def _give_up(self, ended: RedisUnreachable) -> None:
        """End the worker at once on a stall given up on (or a stop during it) while a
        crawl's own Redis calls may hold the reactor: say so, exit 3 when stopped, else 2
        (README's codes), as ``oit-audit worker`` would; the offices held here go back to
        the queue when their leases expire (their queue and records are on Redis)."""
        _tell(str(ended))
        _exit_at_once(EXIT_STOPPED if isinstance(ended, StoppedInStall) else EXIT_ERROR)

    def _on_reactor(self, call: Callable[[], T]) -> T:
        """``call`` (a crawl's own: scrapy-redis's scheduler and duplicate filter, the
        records pipeline, made on the reactor by Scrapy's API) through :class:`Stalls`: its
        reads bounded by :data:`READ_S` (``REDIS_PARAMS``), tried again while a stall lasts
        (each call is safe to send twice: ``crawler.distributed.scheduler``), a stop heard
        between tries; a stall given up on, or a stop in it, ends the worker at once
        (:meth:`_give_up`).  Until nightly44 scrapy-redis's own client held the reactor
        for 60 s a call, and only the lease thread noticed the stall.  Since nightly47 the
        calls made as a crawl runs (takes, pushes, records) go through its line instead
        (:meth:`tried_once`, :meth:`tried_later`), and since nightly48 its start too
        (``open``, from a thread at once): this is left to a crawl made without a line."""
        try:
            return self.patient(call)
        except RedisUnreachable as ended:
            self._give_up(ended)
            raise  # not reached: the process has ended

    def redis_stalled(self) -> bool:
        """A call to Redis of this worker has waited :data:`STALLED_S` or more: the crawls'
        calls go to their lines' threads at once (``crawler.distributed.scheduler.Line``),
        none of them holds the reactor for a read of its own."""
        return self.patient.waiting() >= STALLED_S

    def tried_once(self, call: Callable[[], T]) -> T:
        """A crawl's ``call`` tried once on the reactor (a read that times out is raised:
        its line tries it again from a thread), a stop during it heard."""
        with self.patient.timed():
            return call()

    def tried_later(self, call: Callable[[], T], began: float) -> defer.Deferred[T]:
        """A crawl's ``call`` (its first read timed out in a stall begun at ``began``, or
        behind such a call) tried again in a thread of the worker's Redis pool until Redis
        answers: the stall holds the reactor for that one read, not for up to
        ``--redis-wait`` (nightly43's and nightly44's note); a stall given up on, or a
        stop in it, ends the worker at once (:meth:`_give_up`)."""
        return self._threaded(self.patient.after, call, began).addErrback(
            lambda failure: self._give_up(failure.value) if failure.check(
                RedisUnreachable) else failure)

    def _waited(self, call: Callable[[], T]) -> defer.Deferred[T]:
        """``call`` made through :class:`Stalls` in a thread of the worker's Redis pool: a
        stall waited out there leaves the reactor to the crawls already running (until
        nightly43 each wait, up to --redis-wait, held the reactor, and every crawl of the
        worker with it)."""
        return self._threaded(self.patient, call)

    def _threaded(self, fn: Callable[..., T], *args: Any) -> defer.Deferred[T]:
        """``fn(*args)`` in a thread of :attr:`redis_threads` (until nightly48 the reactor's
        pool, whose threads a stall could all hold: :data:`REDIS_THREADS_A_SLOT`)."""
        return threads.deferToThreadPool(installed_reactor(), self.redis_threads, fn, *args)

    def _state_refused(self, failure: Failure, key: str, holder: str) -> Failure | None:
        """A state save's failure: a stall given up on ends the worker, as the watch on
        renewals does (until nightly43 it was an "Unhandled error in Deferred" and the crawl
        went on frozen); a save refused, the lease lost (nightly49), ends the crawl."""
        if failure.check(RedisUnreachable):
            self._give_up(failure.value)
        if failure.check(LeaseLost):
            self._lose(key, holder)
            return None
        return failure

    @defer.inlineCallbacks
    def _loop(self) -> Any:
        waited = self._waited
        while not draining():
            token = uuid.uuid4().hex  # one claim, however often a stall makes it sent
            office = yield waited(lambda token=token: self.jobs.claim(self.lease_s, token))
            if office is None:
                if self.once or (yield waited(self.jobs.finished)):
                    return
                yield task.deferLater(installed_reactor(), POLL_S, lambda: None)  # a lease may expire
                continue
            self.active.add(office.key)
            self.names[office.key] = office.name
            self.holders[office.key] = token  # the claim's token: its lease's holder
            self.lost.discard(office.key)  # claimed again here after a lease lost
            try:
                yield self._audit(office)
            except RedisUnreachable:  # stalled past --redis-wait, or stopped in a stall
                raise
            except LeaseLost:  # its outcome (or its giving back) refused: another's now
                self._lost(office)
            except Exception as exc:  # noqa: BLE001 - one office never stops the worker
                logger.exception("worker: %s failed", office.name)
                self.active.discard(office.key)
                try:
                    yield waited(lambda office=office, exc=exc, token=token: self.jobs.finish(
                        office.key, "failed", None, self.name, str(exc)[:500], token))
                except LeaseLost:
                    self._lost(office)

    @defer.inlineCallbacks
    def _audit(self, office: Office) -> Any:
        waited, server = self._waited, self.jobs.server
        opts = batch_options((yield waited(self.jobs.config)), self.work_dir)
        out = self.work_dir / office.key
        out.mkdir(parents=True, exist_ok=True)
        records = yield waited(lambda: server.lrange(self.jobs.site_key(office.key, "records"),
                                                     0, -1))
        (out / "crawl.jsonl").write_text("".join(r + "\n" for r in records), encoding="utf-8")
        holder = self.holders.get(office.key, "")
        crawler = Crawler(OitSpider, shared_settings(office, self.jobs, self.url, opts, holder))
        line = self.lines[office.key] = Line.of(crawler)  # its scheduler's and records'
        line.on_lost.append(lambda: self._lose(office.key, holder))
        run = AuditRun.from_settings(crawler.settings).bind(crawler)
        state_key = self.jobs.site_key(office.key, "state")
        raw = yield waited(lambda: server.get(state_key))
        state = pickle.loads(bytes.fromhex(raw)) if raw else {}  # noqa: S301 - our own

        def save(spider: Any) -> defer.Deferred[Any]:
            first = RequestsFirst.of(crawler)  # links not in Redis yet are not "seen"
            state = first.saved_state(spider.state) if first else spider.state
            saved = pickle.dumps(state).hex()  # here, on the reactor; sent from a thread
            return waited(lambda: self.jobs.save_state(office.key, saved, holder)).addErrback(
                self._state_refused, office.key, holder)

        def opened(spider: Any) -> None:
            sending: list[defer.Deferred[Any]] = []  # the periodic save in flight

            def kept() -> defer.Deferred[Any]:  # a worker killed outright leaves this behind
                spider.keep_state()
                sending[:] = [save(spider)]
                return sending[0]  # the next one once this one is stored

            saver = task.LoopingCall(kept)
            saver.start(STATE_EVERY_S, now=False)

            def closed(spider: Any, reason: str) -> defer.Deferred[Any]:  # after the
                if saver.running:  # spider's own closed()
                    saver.stop()
                if not sending or sending[0].called:
                    return save(spider)
                # the last state after the one in flight (two threads: the later could land
                # first and leave an older state on Redis)
                after: defer.Deferred[Any] = defer.Deferred()
                sending[0].addBoth(lambda result: (after.callback(None), result)[1])
                return after.addCallback(lambda _: save(spider))

            crawler.signals.connect(closed, signal=signals.spider_closed, weak=False)

        crawler.signals.connect(opened, signal=signals.spider_opened, weak=False)
        # the spider's counters and what it has seen, as the last worker left them
        yield self.process.crawl(crawler, start_url=office.url, state=state)
        self.lines.pop(office.key, None)
        if office.key in self.lost:  # its lease is another worker's: nothing stored here
            run.output.close()
            self._lost(office)
            return
        queue = yield waited(lambda: server.zcard(self.jobs.site_key(office.key, "requests")))
        # stopped with nothing left to fetch (the stop came while its last pages were in
        # flight, or between the crawl's end and its judging): the crawl is whole, so it is
        # judged here, as a stop during the judging is; before, it was given back unjudged
        # and another worker had to read its records from Redis to judge it
        if queue or (draining() and (yield waited(lambda: server.hlen(
                self.jobs.site_key(office.key, "inflight"))))):
            run.output.close()  # not judged: its records are in Redis
            # unfinished: another worker continues it
            yield waited(lambda: self.jobs.release(office.key, holder))
            self.active.discard(office.key)
            self.given_back.append(office.key)
            say(f"  {office.name}: {said('worker', 'given_back')}")
            return
        # judged once, on the whole crawl; its lease renewed meanwhile (before, a judging
        # longer than --lease let another worker claim the office and audit it again)
        self.judging[office.key] = office.name
        say(f"  {office.name}: {said('worker', 'judging')}")
        try:
            report = finish(crawler)
        finally:
            self.judging.pop(office.key, None)
        status = (report or {}).get("status", "failed")
        outcome = "complete" if status in JUDGED else "failed"
        stored = json.dumps(report, ensure_ascii=False) if report else None
        if office.key in self.lost:  # lost while it was judged: its holder's report counts
            self._lost(office)
            return
        yield waited(lambda: self.jobs.finish(office.key, outcome, stored, self.name,
                                              "" if report else "no report written", holder))
        self.active.discard(office.key)
        self.audited.append(office.key)
        say(f"  {office.name}: {outcome}")
