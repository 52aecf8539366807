"""The batch as Redis keys: which offices wait, which are leased to a worker, which are done.

Keys under ``oit:batch:<name>``: ``config`` (the batch options, JSON), ``offices`` (office
key -> row, JSON), ``pending`` (a list of office keys), ``leases`` (a sorted set: office key
-> lease expiry, seconds since the epoch), ``done`` (office key -> outcome, JSON) and
``reports`` (office key -> its report.json), ``holders`` (office key -> the claim that
leased it). A worker renews its leases while it crawls; a lease that expires (a worker that
died) puts the office back in ``pending`` for another worker, which continues that office's
crawl from the shared request queue.

The lease's holder (nightly49, issue 13): a lease shorter than a Redis stall let a second
worker claim an office the first was still crawling (nightly48 (c): an 8-s lease and a 20-s
stall, 3 of 3), and both then judged it, the report stored last missing the other's pages.
Each claim now records its holder (the claim's token) in ``holders``; the worker's renewals,
releases and ``finish``, and its crawl's takes, pushes, records, in-flight updates and saved
state (:func:`fenced`) are made only while the holder is still its own, each in one script;
a worker refused one has lost its lease (:class:`LeaseLost`) and stops that crawl, storing
nothing for it: the office is judged once, by its holder.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import asdict
from threading import Event
from typing import Any, NamedTuple

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


# KEYS: leases, pending, done, offices, the claim's token key, holders; ARGV: now, the new
# lease's end (seconds since the epoch), the token key's life (ms: the lease's), the holder
# (the token).  A claim sent again under the same token (a worker trying it again while Redis
# stalls: the first try may have been carried out, its answer lost) gets the office the first
# try leased while that lease is still its own (renewed); else expired leases go back to the
# queue (their holders forgotten), then the first pending office not done (one finished
# meanwhile is a late requeue: dropped) is leased to the holder; returns [key, row] or nil.
_CLAIM = """
local held = redis.call('GET', KEYS[5])
if held and redis.call('ZSCORE', KEYS[1], held) and
    redis.call('HGET', KEYS[6], held) == ARGV[4] then
  redis.call('ZADD', KEYS[1], ARGV[2], held)
  return {held, redis.call('HGET', KEYS[4], held)}
end
for _, key in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], 0, ARGV[1])) do
  redis.call('ZREM', KEYS[1], key)
  redis.call('HDEL', KEYS[6], key)
  redis.call('RPUSH', KEYS[2], key)
end
while true do
  local key = redis.call('LPOP', KEYS[2])
  if not key then return false end
  if redis.call('HEXISTS', KEYS[3], key) == 0 then
    redis.call('ZADD', KEYS[1], ARGV[2], key)
    redis.call('HSET', KEYS[6], key, ARGV[4])
    redis.call('SET', KEYS[5], key, 'PX', ARGV[3])
    return {key, redis.call('HGET', KEYS[4], key)}
  end
end
"""
# The check every step of a lease's holder begins with: KEYS[#KEYS] the holders hash,
# ARGV[#ARGV - 1] the office key, ARGV[#ARGV] the holder ('' : not checked, a caller holding
# no claim, as before nightly49).  Refused: the error LEASE_LOST (redis-py's ResponseError).
LEASE_LOST = "OIT_LEASE_LOST"
_HELD = f"""
if ARGV[#ARGV] ~= '' and redis.call('HGET', KEYS[#KEYS], ARGV[#ARGV - 1]) ~= ARGV[#ARGV] then
  return redis.error_reply('{LEASE_LOST}')
end
"""
# KEYS: leases, holders; ARGV: the lease's end, the office key, the holder.  A renewal after
# the release (or after another worker's claim) leases nothing.
_RENEW = """
redis.call('ZADD', KEYS[1], 'XX', ARGV[1], ARGV[2])
return 1
"""
# KEYS: leases, pending, holders; ARGV: the office key, the holder.  Only a lease still held
# is given back.
_RELEASE = """
if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 then
  redis.call('HDEL', KEYS[3], ARGV[1])
  redis.call('LPUSH', KEYS[2], ARGV[1])
  return 1
end
return 0
"""
# KEYS: done, reports, leases, the office's crawl keys (5), holders; ARGV: the outcome, the
# report ('' with none: ARGV[3] '0'), has a report ('1'/'0'), the office key, the holder.  A
# try sent again after the first was done finds its own outcome stored: done already.
_FINISH = """
if redis.call('HGET', KEYS[1], ARGV[4]) == ARGV[1] then return 1 end
""" + _HELD + """
redis.call('HSET', KEYS[1], ARGV[4], ARGV[1])
if ARGV[3] == '1' then redis.call('HSET', KEYS[2], ARGV[4], ARGV[2]) end
redis.call('ZREM', KEYS[3], ARGV[4])
redis.call('HDEL', KEYS[9], ARGV[4])
for i = 4, 8 do redis.call('DEL', KEYS[i]) end
return 1
"""
# KEYS: the office's state key, holders; ARGV: the state, the office key, the holder
_SAVE_STATE = """
redis.call('SET', KEYS[1], ARGV[1])
return 1
"""
CRAWL_PARTS = ("requests", "dupefilter", "inflight", "records", "state")


def fenced(script: str) -> str:
    """``script`` made only while the lease is its caller's (:data:`_HELD`): its KEYS end
    with the holders hash, its ARGV with the office key and the holder."""
    return _HELD + script


class LeaseLost(Exception):
    """A step of an office's audit refused: its lease is another worker's now (or was given
    up), so this worker stops that crawl and stores nothing for it (nightly49)."""


def lease_lost(exc: BaseException) -> bool:
    """``exc`` is a step refused by :data:`_HELD` (or :class:`LeaseLost` itself)."""
    return isinstance(exc, LeaseLost) or LEASE_LOST in str(exc)


class Fence(NamedTuple):
    """What a fenced step of one office's crawl sends besides its own keys and arguments:
    the holders hash, the office key and the holder ('' : not checked)."""

    holders: str = "oit:batch:-:holders"
    office: str = ""
    holder: str = ""

    @classmethod
    def from_settings(cls, settings: Any) -> Fence:
        """The fence of a shared crawl (``OIT_LEASE``, set by the worker; none without)."""
        value = settings.getlist("OIT_LEASE") if settings is not None else []
        return cls(*value) if len(value) == 3 else cls()

    def call(self, script: Any, keys: list[str], args: list[Any], **kwargs: Any) -> Any:
        """``script`` (registered :func:`fenced`) with the fence's key and arguments last;
        a refusal raised as :class:`LeaseLost`."""
        try:
            return script(keys=[*keys, self.holders], args=[*args, self.office, self.holder],
                          **kwargs)
        except redis_errors() as exc:
            if lease_lost(exc):
                raise LeaseLost(self.office) from None
            raise


def redis_errors() -> type[Exception]:
    """redis-py's ResponseError, imported when a fenced step is made (this module is
    imported by the batch command, which may run without the Redis client)."""
    from redis.exceptions import ResponseError
    return ResponseError


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
        self._release = server.register_script(fenced(_RELEASE))
        self._renew = server.register_script(fenced(_RENEW))
        self._finish = server.register_script(_FINISH)  # checks the holder itself
        self._save_state = server.register_script(fenced(_SAVE_STATE))

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
                  f"{self.key}:offices", f"{self.key}:claim:{token}", self.holders],
            # the token lives as long as the lease it took: a try that comes later (the lease
            # expired, the office maybe another worker's now) claims anew
            args=[repr(now), repr(now + lease_s), str(max(1, int(lease_s * 1000))), token])
        return Office(**json.loads(claimed[1])) if claimed else None

    @property
    def holders(self) -> str:
        return f"{self.key}:holders"

    def fence(self, office_key: str, holder: str) -> Fence:
        """The fence of ``holder``'s steps on ``office_key`` (the token of its claim)."""
        return Fence(self.holders, office_key, holder)

    def renew(self, office_key: str, lease_s: float, holder: str = "") -> None:
        """Renew a lease still held (:class:`LeaseLost` when ``holder`` holds it no more;
        a lease given back, or expired and taken, is not leased again)."""
        self.fence(office_key, holder).call(
            self._renew, [f"{self.key}:leases"], [repr(time.time() + lease_s)])

    def release(self, office_key: str, holder: str = "") -> None:
        """Give an unfinished office back (a worker stopping): the next claim continues it.
        Its lease ends and its place in the queue comes back in one step (:data:`_RELEASE`);
        :class:`LeaseLost` when ``holder`` holds it no more (another worker's crawl is not
        given back)."""
        self.fence(office_key, holder).call(
            self._release, [f"{self.key}:leases", f"{self.key}:pending"], [])

    def save_state(self, office_key: str, state: str, holder: str = "") -> None:
        """The spider state of ``holder``'s crawl (:class:`LeaseLost` once it holds the
        office no more: a lost crawl's state would overwrite the holder's)."""
        self.fence(office_key, holder).call(
            self._save_state, [self.site_key(office_key, "state")], [state])

    def finish(self, office_key: str, status: str, report: str | None, worker: str,
               error: str = "", holder: str = "") -> None:
        """Record the office's outcome and report, its crawl keys deleted, in one step
        (:data:`_FINISH`; a try sent again finds it done); :class:`LeaseLost` when
        ``holder`` holds the office no more: nothing stored (the holder judges it)."""
        outcome = json.dumps({"status": status, "worker": worker, "error": error})
        self.fence(office_key, holder).call(
            self._finish, [f"{self.key}:done", f"{self.key}:reports", f"{self.key}:leases",
                           *(self.site_key(office_key, part) for part in CRAWL_PARTS)],
            [outcome, report or "", "0" if report is None else "1"])
