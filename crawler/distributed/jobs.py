"""The batch as Redis keys: which offices wait, which are leased to a worker, which are done.

Keys under ``oit:batch:<name>``: ``config`` (the batch options, JSON), ``offices`` (office
key -> row, JSON), ``pending`` (a list of office keys), ``leases`` (a sorted set: office key
-> lease expiry, seconds since the epoch), ``done`` (office key -> outcome, JSON) and
``reports`` (office key -> its report.json). A worker renews its leases while it crawls; a
lease that expires (a worker that died) puts the office back in ``pending`` for another
worker, which continues that office's crawl from the shared request queue.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import asdict
from threading import Event
from typing import Any

from crawler.batch.offices import Office

PREFIX = "oit:batch"
SUBMIT_CHUNK = 200  # offices a submit sends in one round trip (a stop is heard between them)
# KEYS: the offices hash, the pending list; ARGV: the office key, its row.  An office and its
# place in the queue are added together: a coordinator stopped between the two once left an
# office listed but never queued, and a batch that could never finish.
_ADD_OFFICE = """
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('RPUSH', KEYS[2], ARGV[1])
  return 1
end
return 0
"""


# KEYS: leases, pending, done, offices, the claim's token key; ARGV: now, the new lease's end
# (seconds since the epoch), the token key's life (ms: the lease's).  A claim sent again under
# the same token (a worker trying it again while Redis stalls: the first try may have been
# carried out, its answer lost) gets the office the first try leased while that lease holds
# (renewed); else expired leases go back to the queue, then the first pending office not done (one
# finished meanwhile is a late requeue: dropped) is leased; returns [key, row] or nil.
_CLAIM = """
local held = redis.call('GET', KEYS[5])
if held and redis.call('ZSCORE', KEYS[1], held) then
  redis.call('ZADD', KEYS[1], ARGV[2], held)
  return {held, redis.call('HGET', KEYS[4], held)}
end
for _, key in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], 0, ARGV[1])) do
  redis.call('ZREM', KEYS[1], key)
  redis.call('RPUSH', KEYS[2], key)
end
while true do
  local key = redis.call('LPOP', KEYS[2])
  if not key then return false end
  if redis.call('HEXISTS', KEYS[3], key) == 0 then
    redis.call('ZADD', KEYS[1], ARGV[2], key)
    redis.call('SET', KEYS[5], key, 'PX', ARGV[3])
    return {key, redis.call('HGET', KEYS[4], key)}
  end
end
"""
# KEYS: leases, pending; ARGV: the office key.  Only a lease still held is given back.
_RELEASE = """
if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 then
  redis.call('LPUSH', KEYS[2], ARGV[1])
  return 1
end
return 0
"""


class RedisUnreachable(Exception):
    """Redis could not be reached, or was lost: the message (words.yaml, ``worker``) says
    what to do next; ``oit-audit batch --redis`` and ``worker`` print it and exit 2.  Here,
    where the batch command can catch it without importing the Redis client."""


class StoppedInStall(RedisUnreachable):
    """A worker or coordinator stopped (Ctrl-C, SIGTERM) while Redis stalled: the command
    says what becomes of its work and exits 3, as a stopped command does (README's exit
    codes).  The coordinator's said exit 2 until nightly43 (hygiene41's choice: a stall's
    give-up), although the README's table says a stopped command exits 3."""


class BatchJobs:
    """One batch's job keys on a Redis server (``redis.Redis`` with decoded responses)."""

    def __init__(self, server: Any, name: str) -> None:
        self.server = server
        self.name = name
        self.key = f"{PREFIX}:{name}"
        # the one-call steps (Lua), hashed once: each call sends EVALSHA (EVAL the first time)
        self._add = server.register_script(_ADD_OFFICE)
        self._claim = server.register_script(_CLAIM)
        self._release = server.register_script(_RELEASE)

    def site_key(self, office_key: str, part: str) -> str:
        """Keys of one office's crawl (requests, dupefilter, in-flight, records, state)."""
        return f"{self.key}:site:{office_key}:{part}"

    # -- the coordinator -------------------------------------------------------------------

    def submit(self, offices: list[Office], config: dict[str, Any],
               stop: Event | None = None) -> int:
        """Add the offices not already in this batch, :data:`SUBMIT_CHUNK` at a time, each
        with its place in the queue; return how many of ``offices`` are on the batch (the
        first ones: all of them unless ``stop`` was set on the way)."""
        self.server.hset(f"{self.key}:config", mapping={"json": json.dumps(config)})
        keys = [f"{self.key}:offices", f"{self.key}:pending"]
        for start in range(0, len(offices), SUBMIT_CHUNK):
            if stop is not None and stop.is_set():
                return start
            pipe = self.server.pipeline(transaction=False)
            for office in offices[start:start + SUBMIT_CHUNK]:
                row = json.dumps(asdict(office), ensure_ascii=False)
                self._add(keys=keys, args=[office.key, row], client=pipe)
            pipe.execute()
        return len(offices)

    def config(self) -> dict[str, Any]:
        raw = self.server.hget(f"{self.key}:config", "json")
        return json.loads(raw) if raw else {}

    def offices(self) -> list[Office]:
        rows = self.server.hgetall(f"{self.key}:offices")
        return sorted((Office(**json.loads(v)) for v in rows.values()), key=lambda o: o.line)

    def outcomes(self) -> dict[str, dict[str, Any]]:
        return {k: json.loads(v) for k, v in self.server.hgetall(f"{self.key}:done").items()}

    def report(self, office_key: str) -> str | None:
        return self.server.hget(f"{self.key}:reports", office_key)

    def finished(self) -> bool:
        """Every office of the batch is done (False before the batch is submitted)."""
        offices = self.server.hlen(f"{self.key}:offices")
        return offices > 0 and self.server.hlen(f"{self.key}:done") >= offices

    # -- workers ---------------------------------------------------------------------------

    def claim(self, lease_s: float, token: str = "") -> Office | None:
        """The next office to audit, leased to the caller for ``lease_s`` seconds; offices
        whose worker stopped renewing its lease go back to ``pending`` first.  One Lua call
        (:data:`_CLAIM`): before, the office left ``pending`` and was leased in two calls, and
        a worker killed between them (SIGKILL, the OOM killer) left it neither pending nor
        leased, so no worker ever audited it and the batch never finished; so did an
        expired lease taken off and not yet put back in the queue.

        ``token`` (the same for every try of one claim): a try sent again while Redis
        stalls gets the office an earlier try leased, not a second one (before, the worker
        did not try again: a stall ended it; a second office leased by a lost answer would
        have waited for its lease to expire).  Without one, each call claims anew."""
        now = time.time()
        token = token or uuid.uuid4().hex
        claimed = self._claim(
            keys=[f"{self.key}:leases", f"{self.key}:pending", f"{self.key}:done",
                  f"{self.key}:offices", f"{self.key}:claim:{token}"],
            # the token lives as long as the lease it took: a try that comes later (the lease
            # expired, the office maybe another worker's now) claims anew
            args=[repr(now), repr(now + lease_s), str(max(1, int(lease_s * 1000)))])
        return Office(**json.loads(claimed[1])) if claimed else None

    def renew(self, office_key: str, lease_s: float) -> None:
        self.server.zadd(f"{self.key}:leases", {office_key: time.time() + lease_s}, xx=True)

    def release(self, office_key: str) -> None:
        """Give an unfinished office back (a worker stopping): the next claim continues it.
        Its lease ends and its place in the queue comes back in one step (:data:`_RELEASE`)."""
        self._release(
            keys=[f"{self.key}:leases", f"{self.key}:pending"], args=[office_key])

    def finish(self, office_key: str, status: str, report: str | None, worker: str,
               error: str = "") -> None:
        """Record the office's outcome and report; its crawl keys are no longer needed."""
        pipe = self.server.pipeline()
        pipe.hset(f"{self.key}:done", office_key, json.dumps(
            {"status": status, "worker": worker, "error": error}))
        if report is not None:
            pipe.hset(f"{self.key}:reports", office_key, report)
        pipe.zrem(f"{self.key}:leases", office_key)
        for part in ("requests", "dupefilter", "inflight", "records", "state"):
            pipe.delete(self.site_key(office_key, part))
        pipe.execute()
