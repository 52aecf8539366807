"""The shared batch's Redis keys (``crawler.distributed.jobs``), on a real redis-server: each
step a worker or the coordinator takes is one Redis call (a script), so a process killed
at any point (SIGKILL, the OOM killer, power loss) leaves every office either pending,
leased or done.  Before, claiming took an office off the queue and leased it in two calls,
releasing and requeueing an expired lease likewise, and submitting listed an office and
queued it in two: a kill between the two left an office listed but neither queued nor
leased, which no worker ever audited, and a batch that never finished."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time

import pytest
import redis

from crawler.batch.offices import Office
from crawler.distributed.jobs import BatchJobs, LeaseLost
from tests import socketguard
from tests.conftest import ROOT
from tests.redisserver import needs_redis, redis_server

pytestmark = needs_redis


class _Counting(redis.Redis):
    """A client that notes the name of every command it sends."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.sent: list[str] = []

    def execute_command(self, *args, **options):
        self.sent.append(str(args[0]).upper())
        return super().execute_command(*args, **options)


@pytest.fixture
def jobs(tmp_path):
    with redis_server(tmp_path) as url:
        server = _Counting.from_url(url, decode_responses=True)
        yield BatchJobs(server, "t")


def _offices(n: int) -> list[Office]:
    return [Office(f"office{i}", f"http://127.0.0.1:9/o{i}/", line=i + 2) for i in range(n)]


def _state(jobs: BatchJobs) -> tuple[list[str], list[str], list[str]]:
    s, k = jobs.server, jobs.key
    return (s.lrange(f"{k}:pending", 0, -1), s.zrange(f"{k}:leases", 0, -1),
            sorted(s.hkeys(f"{k}:done")))


def test_claim_leases_the_first_pending_office_in_one_call(jobs):
    offices = _offices(3)
    assert jobs.submit(offices, {}) == 3
    jobs.server.sent.clear()
    claimed = jobs.claim(60)
    assert claimed == offices[0]
    assert {c for c in jobs.server.sent if not c.startswith("SCRIPT")} == {"EVALSHA"}
    pending, leased, _ = _state(jobs)
    assert pending == [o.key for o in offices[1:]] and leased == [offices[0].key]
    assert jobs.server.zscore(f"{jobs.key}:leases", offices[0].key) > time.time() + 55


def test_claim_requeues_expired_leases_and_skips_offices_done(jobs):
    offices = _offices(3)
    jobs.submit(offices, {})
    first, second = jobs.claim(60), jobs.claim(-1)  # the second's lease has expired already
    assert (first, second) == (offices[0], offices[1])
    jobs.finish(offices[2].key, "complete", "{}", "w")  # done meanwhile, still pending
    jobs.server.sent.clear()
    assert jobs.claim(60) == offices[1]  # expired: back in the queue, behind office2, taken
    assert {c for c in jobs.server.sent if not c.startswith("SCRIPT")} == {"EVALSHA"}
    pending, leased, done = _state(jobs)
    assert pending == [] and sorted(leased) == sorted([offices[0].key, offices[1].key])
    assert done == [offices[2].key]
    assert jobs.claim(60) is None


def test_a_claim_sent_again_under_its_token_gets_the_same_office(jobs):
    """A worker tries a claim again while Redis stalls (nightly42): the first try may have
    been carried out with its answer lost.  The same token gets the office that try leased
    (its lease renewed), not a second one; a new token claims the next office; once the
    first lease has expired the token claims anew (the office may be another worker's)."""
    offices = _offices(3)
    jobs.submit(offices, {})
    assert jobs.claim(60, "t1") == offices[0]
    assert jobs.claim(120, "t1") == offices[0]  # the answer of the first try was lost
    pending, leased, _ = _state(jobs)
    assert pending == [offices[1].key, offices[2].key] and leased == [offices[0].key]
    assert jobs.server.zscore(f"{jobs.key}:leases", offices[0].key) > time.time() + 115
    assert jobs.claim(60, "t2") == offices[1]
    assert jobs.claim(0.05, "t3") == offices[2]
    time.sleep(0.2)  # t3's lease and token have expired: office2 back in the queue
    assert jobs.claim(60, "t3") == offices[2]
    assert jobs.claim(60) is None  # without a token: a claim of its own


def test_release_gives_a_held_lease_back_once(jobs):
    offices = _offices(2)
    jobs.submit(offices, {})
    office = jobs.claim(60)
    jobs.server.sent.clear()
    jobs.release(office.key)
    jobs.release(office.key)  # a second release of the same office changes nothing
    assert {c for c in jobs.server.sent if not c.startswith("SCRIPT")} == {"EVALSHA"}
    pending, leased, _ = _state(jobs)
    assert pending == [offices[0].key, offices[1].key] and leased == []
    assert jobs.claim(60) == offices[0]  # continued first


def test_submit_queues_each_office_listed_and_stops_between_rounds(jobs):
    offices = _offices(450)
    stop = threading.Event()
    stop.set()
    assert jobs.submit(offices, {"lang": "en"}, stop) == 0  # stopped before the first round
    assert jobs.config() == {"lang": "en"}
    assert jobs.submit(offices[:250], {}) == 250
    assert jobs.submit(offices, {}) == 450  # the first 250 kept, not queued twice
    pending, _, _ = _state(jobs)
    assert pending == [o.key for o in offices]
    assert sorted(jobs.server.hkeys(f"{jobs.key}:offices")) == sorted(pending)
    assert jobs.offices() == offices


def test_a_renewal_after_the_release_leases_nothing(jobs):
    # the renewing thread may renew an office the loop has just given back: it must not
    # lease it again (a lease no worker renews would hold the office for --lease seconds)
    offices = _offices(2)
    jobs.submit(offices, {})
    office = jobs.claim(60)
    jobs.renew(office.key, 600)
    assert jobs.server.zscore(f"{jobs.key}:leases", office.key) > time.time() + 590
    jobs.release(office.key)
    jobs.renew(office.key, 600)
    pending, leased, _ = _state(jobs)
    assert leased == [] and pending == [offices[0].key, offices[1].key]


_CHURN = """
import sys
import redis
from crawler.distributed.jobs import BatchJobs, LeaseLost
jobs = BatchJobs(redis.Redis.from_url(sys.argv[1], decode_responses=True), "t")
print("claiming", flush=True)
while True:  # each lease expires at once: the next claim puts it back in the queue
    office = jobs.claim(-1)
    if office is not None and int(office.key[:5]) % 2:
        jobs.release(office.key)
"""


def test_workers_killed_while_they_claim_and_release_lose_no_office(tmp_path):
    """Processes claiming and giving back offices in a loop (every lease already expired, so
    each claim also requeues the others' leases) are killed outright (SIGKILL) again and
    again: every office stays pending, leased or done, once.  Before the one-call steps, a
    kill between taking an office off the queue and leasing it (or between ending a lease
    and queueing the office again) lost that office, and the batch never finished."""
    offices = _offices(300)
    with redis_server(tmp_path) as url:
        jobs = BatchJobs(redis.Redis.from_url(url, decode_responses=True), "t")
        jobs.submit(offices, {})
        jobs.finish(offices[0].key, "complete", "{}", "w")
        env = {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT)}
        rng = random.Random(39)
        for _ in range(12):
            procs = [subprocess.Popen([sys.executable, "-c", _CHURN, url], cwd=ROOT, env=env,
                                      stdout=subprocess.PIPE, text=True) for _ in range(3)]
            try:
                for proc in procs:
                    assert proc.stdout.readline().strip() == "claiming"
                time.sleep(rng.uniform(0.05, 0.3))
            finally:
                for proc in procs:
                    proc.kill()
                    proc.wait()
        pending, leased, done = _state(jobs)
        calls = jobs.server.info("stats")["total_commands_processed"]
    assert calls > 1_000  # they did claim, many times
    assert done == [offices[0].key]
    assert len(pending) == len(set(pending)) and not set(pending) & set(leased)
    assert sorted(pending + leased + done) == sorted(o.key for o in offices)


def test_a_lease_taken_by_another_claim_refuses_its_first_holders_steps(jobs):
    """nightly49 (nightly48 (c)): a worker whose renewals a Redis stall held past its lease
    finds the office claimed by another worker when Redis answers.  Each claim records its
    holder (its token); the first holder's renewal, saved state, release and outcome are
    refused (``LeaseLost``) and change nothing of the new holder's lease, state, queue or
    outcome; the new holder's steps go on, and its outcome sent again is stored once.
    Before, the late renewal (``ZADD XX``) extended the new holder's lease, the release gave
    its office back to the queue while it crawled, and both workers' outcomes and reports
    were stored, the last one winning."""
    offices = _offices(2)
    jobs.submit(offices[:1], {})
    assert jobs.claim(0.05, "a") == offices[0]  # A's lease: a stall outlasts it
    key = offices[0].key
    jobs.save_state(key, "a0", "a")
    time.sleep(0.2)
    assert jobs.claim(60, "b") == offices[0]  # B takes it (the expired lease requeued)
    jobs.submit(offices, {})
    assert jobs.server.hget(jobs.holders, key) == "b"
    jobs.save_state(key, "b0", "b")
    expiry = jobs.server.zscore(f"{jobs.key}:leases", key)
    for step in (lambda: jobs.renew(key, 600, "a"), lambda: jobs.save_state(key, "a1", "a"),
                 lambda: jobs.release(key, "a"),
                 lambda: jobs.finish(key, "complete", '{"by": "a"}', "wa", holder="a")):
        with pytest.raises(LeaseLost):
            step()
    pending, leased, done = _state(jobs)
    assert pending == [offices[1].key] and leased == [key] and done == []
    assert jobs.server.zscore(f"{jobs.key}:leases", key) == expiry
    assert jobs.server.get(jobs.site_key(key, "state")) == "b0"
    assert jobs.claim(60, "a") == offices[1]  # A's token claims anew: the next office
    jobs.renew(key, 600, "b")
    assert jobs.server.zscore(f"{jobs.key}:leases", key) > time.time() + 590
    for _ in range(2):  # the second try finds its own outcome: done once
        jobs.finish(key, "complete", '{"by": "b"}', "wb", holder="b")
    assert jobs.outcomes()[key]["worker"] == "wb" and jobs.report(key) == '{"by": "b"}'
    assert not jobs.server.hexists(jobs.holders, key)
    assert not jobs.server.exists(jobs.site_key(key, "state"))
    with pytest.raises(LeaseLost):  # finished: a late step of either holder is refused
        jobs.finish(key, "failed", None, "wa", holder="a")
    assert jobs.outcomes()[key]["worker"] == "wb"
