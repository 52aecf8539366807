"""A shared crawl's Redis calls sent twice (``crawler.distributed.scheduler``, ``records``), on a
real redis-server.  Since nightly44 a worker's crawls read Redis for 5 s at most and try a call
again while Redis stalls (``Worker._on_reactor``); in a stall the first try is usually done
once Redis answers again (its bytes wait in the server's socket) although its answer was never
read.  So each call must do its work once however often it is sent: a request taken from the
queue, a request queued with its fingerprint, a page's record pushed.  Here every call is made
twice, the first answer dropped, as a try that timed out leaves it."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from scrapy import Request, Spider
from scrapy.settings import Settings
from twisted.internet.defer import Deferred

from checklists.site.records import PageRecord
from crawler.batch.offices import Office
from crawler.distributed import scheduler
from crawler.distributed.jobs import BatchJobs
from crawler.distributed.records import RedisRecordsPipeline
from crawler.distributed.scheduler import PENDING, SharedSiteScheduler, redis_params
from tests.redisserver import needs_redis, redis_server

pytestmark = needs_redis


def _record(url: str) -> PageRecord:
    return PageRecord(url=url, final_url=url, kind="page", status=200, depth=1,
                      fetched_at="2026-05-15T00:00:00+07:00", title=url)


def _twice(call: Any) -> Any:
    call()  # done by Redis, its answer lost: a read that timed out in a stall
    return call()


@pytest.fixture
def shared(tmp_path, monkeypatch) -> Iterator[tuple[SharedSiteScheduler, redis.Redis, Settings]]:
    """An open scheduler of one office's shared crawl whose every call is sent twice."""
    with redis_server(tmp_path) as url:
        settings = Settings({
            "REDIS_URL": url, "REDIS_PARAMS": redis_params(), "SCHEDULER_PERSIST": True,
            "SCHEDULER_QUEUE_KEY": "t:requests", "SCHEDULER_DUPEFILTER_KEY": "t:dupefilter",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "OIT_REDIS_INFLIGHT_KEY": "t:inflight", "OIT_REDIS_RECORDS_KEY": "t:records"})
        monkeypatch.setattr(scheduler, "_PATIENT", [_twice])
        made = SharedSiteScheduler.from_settings(settings)
        spider = Spider(name="t")
        spider.settings = settings
        made.open(spider)
        yield made, redis.Redis.from_url(url, decode_responses=True), settings


def test_a_request_queued_twice_is_queued_once_and_said_to_be(shared):
    """The fingerprint and the push are one script: the try sent again finds the request
    seen, and queued, so the engine is told it was scheduled (scrapy-redis's two calls, SADD
    then ZADD, would say it was dropped as a duplicate)."""
    made, client, _ = shared
    urls = [f"http://127.0.0.1:9/p{i}.html" for i in range(3)]
    assert [made.enqueue_request(Request(u)) for u in urls] == [True, True, True]
    assert client.zcard("t:requests") == 3 and client.scard("t:dupefilter") == 3
    # a request not filtered is queued whatever was seen (once, however often it is sent)
    assert made.enqueue_request(Request(urls[0], dont_filter=True))
    scheduler._PATIENT[:] = []  # sent once: a real duplicate is dropped, as before
    assert not made.enqueue_request(Request(urls[0]))
    assert client.zcard("t:requests") == 4 and client.scard("t:dupefilter") == 3


def test_a_request_taken_twice_is_taken_once(shared):
    """Taking a request is keyed by a token: the try sent again gets the request the first
    took, not the next one, which stays in the queue (the first would be left in flight,
    fetched by no one until another worker continues the office)."""
    made, client, _ = shared
    urls = {f"http://127.0.0.1:9/p{i}.html" for i in range(3)}
    for url in sorted(urls):
        made.enqueue_request(Request(url))
    taken = [made.next_request() for _ in range(3)]
    assert {r.url for r in taken} == urls
    assert made.next_request() is None and client.zcard("t:requests") == 0
    inflight = client.hkeys("t:inflight")
    assert sorted(inflight) == sorted(urls), inflight  # named by URL, no take left pending
    assert not any(key.startswith(PENDING) for key in inflight)


def test_a_record_pushed_twice_is_pushed_once(shared):
    """A page's record sent again is not pushed twice (the judging would read the page
    twice); its request leaves the in-flight hash either way."""
    made, client, settings = shared
    made.enqueue_request(Request("http://127.0.0.1:9/a.html"))
    made.next_request()
    records = RedisRecordsPipeline(redis.Redis.from_url(settings["REDIS_URL"]), "t:records",
                                   "t:inflight")
    for url in ("http://127.0.0.1:9/a.html", "http://127.0.0.1:9/b.html"):
        records.process_item(_record(url))
    pushed = [json.loads(line)["url"] for line in client.lrange("t:records", 0, -1)]
    assert pushed == ["http://127.0.0.1:9/a.html", "http://127.0.0.1:9/b.html"], pushed
    assert client.hlen("t:inflight") == 0
    # a page whose record really comes twice (read again by a worker that continued the
    # office) is recorded twice, as before: only a try sent again is recognised
    scheduler._PATIENT[:] = []
    records.process_item(_record("http://127.0.0.1:9/b.html"))
    assert client.llen("t:records") == 3


def test_a_shared_crawls_client_reads_for_5_s_and_leaves_tries_to_the_worker():
    """scrapy-redis's defaults read for 30 s and redis-py tried a timed-out call again: a call
    held the reactor for 60 s in a stall (measured: 60.1 s on a SIGSTOPped redis-server)."""
    params = redis_params()
    assert params["socket_timeout"] == params["socket_connect_timeout"] == 5
    assert params["retry"].get_retries() == 0 and params["retry_on_timeout"] is False


class _Stall:
    """A worker in a stall, as a crawl's line meets it (``scheduler.Bearer``): the first try
    on the reactor times out (done by Redis, its answer lost), the tries after it wait in a
    thread until :meth:`answer` lets the first waiting one through; once ``stalled`` is
    cleared, calls are made on the reactor."""

    def __init__(self) -> None:
        self.stalled = False
        self.met = False  # the stall met by a try on the reactor
        self.waiting: list[tuple[Any, Deferred]] = []

    def redis_stalled(self) -> bool:
        return self.stalled

    def tried_once(self, call: Any) -> Any:
        if self.met:
            return call()
        self.stalled = self.met = True
        call()
        raise redis.TimeoutError("stalled")

    def tried_later(self, call: Any, began: float) -> Deferred:
        self.waiting.append((call, waited := Deferred()))
        return waited

    def answer(self) -> None:
        call, waited = self.waiting.pop(0)
        waited.callback(call())


def test_a_stall_waited_out_off_the_reactor_keeps_the_crawls_calls_in_order(shared, monkeypatch):
    """Since nightly47 a stall holds the reactor for one read: the call that timed out and
    the crawl's calls after it are made again from a thread, one after the other (its line).
    The requests queued meanwhile are said queued and pushed once each, a page's record waits
    behind them (its request leaves the flight only once its links are on Redis), no request
    is handed out until its take is done (then the one taken, not a second), the crawl is
    not idle meanwhile and its scheduler closes only once the line is done."""
    made, client, settings = shared
    made.enqueue_request(Request("http://127.0.0.1:9/a.html"))
    assert made.next_request().url == "http://127.0.0.1:9/a.html"  # in flight, on the reactor
    stall = _Stall()
    monkeypatch.setattr(scheduler, "_BEARER", [stall])
    records = RedisRecordsPipeline(redis.Redis.from_url(settings["REDIS_URL"]), "t:records",
                                   "t:inflight", made.line)
    links = [f"http://127.0.0.1:9/p{i}.html" for i in range(3)]
    assert [made.enqueue_request(Request(u)) for u in links] == [True, True, True]
    item = _record("http://127.0.0.1:9/a.html")
    stored = records.process_item(item)
    assert isinstance(stored, Deferred) and not stored.called
    assert made.next_request() is None and made.has_pending_requests()
    closed = made.close("finished")
    assert not closed.called
    assert client.hlen("t:inflight") == 1  # a.html, still in flight: its record waits
    while stall.waiting:
        stall.answer()
    assert stored.called and stored.result is item and closed.called
    assert client.lrange("t:records", 0, -1) == [json.dumps(item.as_dict(), ensure_ascii=False)]
    stall.stalled = False  # Redis answers: on the reactor again
    taken = made.next_request()  # the one the stall's take took
    assert taken is not None and taken.url in links
    assert client.zcard("t:requests") == 2 and client.scard("t:dupefilter") == 4
    assert client.hkeys("t:inflight") == [taken.url]
    rest = {made.next_request().url for _ in range(2)}
    assert rest | {taken.url} == set(links) and made.next_request() is None
    assert not made.has_pending_requests()


def test_a_crawls_start_calls_redis_only_from_its_line(tmp_path, monkeypatch):
    """Scrapy builds the scheduler on the reactor, where scrapy-redis's ping waited out a
    stall, every crawl of the worker with it, and the requests a stopped worker left in
    flight were put back there too (nightly47's note).  Now building it makes no call (a
    server that refuses connections does not fail it) and, in a worker, ``open`` makes the
    start's calls through the worker's ``tried_later`` (from a thread) at once: Scrapy waits
    for its Deferred; the requests left in flight are back in the queue once it fires."""
    refused = Settings({"REDIS_URL": "redis://127.0.0.1:9", "REDIS_PARAMS": redis_params(),
                        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
                        "OIT_REDIS_INFLIGHT_KEY": "t:inflight"})
    assert SharedSiteScheduler.from_settings(refused).inflight_key == "t:inflight"
    with redis_server(tmp_path) as url:
        client = redis.Redis.from_url(url, decode_responses=True)
        settings = Settings({
            "REDIS_URL": url, "REDIS_PARAMS": redis_params(), "SCHEDULER_PERSIST": True,
            "SCHEDULER_QUEUE_KEY": "t:requests", "SCHEDULER_DUPEFILTER_KEY": "t:dupefilter",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "OIT_REDIS_INFLIGHT_KEY": "t:inflight"})
        made = SharedSiteScheduler.from_settings(settings)
        spider = Spider(name="t")
        spider.settings = settings
        left = SharedSiteScheduler.from_settings(settings)  # a stopped worker's flight
        left.open(spider)
        left.enqueue_request(Request("http://127.0.0.1:9/left.html"))
        assert left.next_request().url == "http://127.0.0.1:9/left.html"
        stall = _Stall()
        monkeypatch.setattr(scheduler, "_BEARER", [stall])
        opened, done = made.open(spider), []
        assert isinstance(opened, Deferred)
        opened.addCallback(done.append)
        assert not done and made.line.busy()
        assert len(stall.waiting) == 1 and client.hlen("t:inflight") == 1  # not made yet
        stall.answer()
        assert done == [None] and not made.line.busy()
        assert client.hlen("t:inflight") == 0 and client.zcard("t:requests") == 1
        stall.met = True  # Redis answers: the crawl's calls on the reactor
        assert made.next_request().url == "http://127.0.0.1:9/left.html"


def _leased(url: str, jobs: BatchJobs, key: str, holder: str) -> SharedSiteScheduler:
    """An open scheduler of office ``key``'s shared crawl, its writes under ``holder``'s
    lease (the worker's ``OIT_LEASE``)."""
    settings = Settings({
        "REDIS_URL": url, "REDIS_PARAMS": redis_params(), "SCHEDULER_PERSIST": True,
        "SCHEDULER_QUEUE_KEY": jobs.site_key(key, "requests"),
        "SCHEDULER_DUPEFILTER_KEY": jobs.site_key(key, "dupefilter"),
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "OIT_REDIS_INFLIGHT_KEY": jobs.site_key(key, "inflight"),
        "OIT_LEASE": list(jobs.fence(key, holder))})
    made = SharedSiteScheduler.from_settings(settings)
    spider = Spider(name="t")
    spider.settings = settings
    made.open(spider)
    return made


def test_a_crawl_whose_lease_another_worker_took_writes_nothing_more(tmp_path):
    """nightly49: worker A's lease expired in a stall and worker B claimed the office.  A's
    crawl's next writes are refused (a push, a take, a record, a start putting requests back):
    nothing of them reaches Redis, its line is lost and the worker told once, it hands out
    nothing and is not pending, so it ends; B continues the office, the request A had in
    flight put back in its queue.  Before, A went on taking B's requests and pushing its own
    links and records into B's crawl, then judged and stored the office too."""
    with redis_server(tmp_path) as url:
        client = redis.Redis.from_url(url, decode_responses=True)
        jobs = BatchJobs(client, "t")
        jobs.submit([Office("office0", "http://127.0.0.1:9/", line=2)], {})
        key = jobs.claim(0.05, "a").key
        first = _leased(url, jobs, key, "a")
        told: list[bool] = []
        first.line.on_lost.append(lambda: told.append(True))
        for page in ("a", "b"):
            assert first.enqueue_request(Request(f"http://127.0.0.1:9/{page}.html"))
        taken = first.next_request()
        assert taken.url == "http://127.0.0.1:9/a.html"
        time.sleep(0.2)  # A's lease expires (a stall outlasting it) and B claims the office
        assert jobs.claim(60, "b").key == key
        inflight, queue = jobs.site_key(key, "inflight"), jobs.site_key(key, "requests")
        assert not first.enqueue_request(Request("http://127.0.0.1:9/c.html"))
        assert first.line.lost and told == [True]
        assert first.next_request() is None and not first.has_pending_requests()
        records = RedisRecordsPipeline(redis.Redis.from_url(url), jobs.site_key(key, "records"),
                                       inflight, first.line, jobs.fence(key, "a"))
        item = _record(taken.url)
        assert records.process_item(item) is item
        assert told == [True]  # told once
        assert client.llen(jobs.site_key(key, "records")) == 0
        assert client.zcard(queue) == 1 and client.hkeys(inflight) == [taken.url]
        # A's crawl had not started yet: its start puts none of B's flight back
        late = _leased(url, jobs, key, "a")
        assert late.line.lost and client.hkeys(inflight) == [taken.url]
        second = _leased(url, jobs, key, "b")  # B's start: A's flight back in the queue
        assert not second.line.lost and client.zcard(queue) == 2
        urls = {second.next_request().url for _ in range(2)}
        assert urls == {taken.url, "http://127.0.0.1:9/b.html"}
        assert second.next_request() is None and sorted(client.hkeys(inflight)) == sorted(urls)
        assert client.scard(jobs.site_key(key, "dupefilter")) == 2  # c.html never seen
