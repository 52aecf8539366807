"""``oit-audit batch offices.csv --redis URL``: put a batch on Redis for workers, wait for
it, and gather every office's report and the batch report in one folder."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import redis

from crawler.batch.offices import Office
from crawler.batch.runner import BatchOptions, write_batch_report
from crawler.batch.state import BatchState
from crawler.cli import stops_set
from crawler.distributed.jobs import BatchJobs, RedisUnreachable, StoppedInStall
from crawler.distributed.worker import (
    READ_S,
    REDIS_WAIT_S,
    Stalls,
    connect,
    unreachable,
)
from reports import write_reports
from reports.labels import said


def batch_config(opts: BatchOptions) -> dict[str, Any]:
    """The options every worker applies (JSON: the output folder is each worker's own)."""
    return {k: v for k, v in asdict(opts).items() if k != "out_dir"}


def run_shared_batch(offices: list[Office], opts: BatchOptions, url: str, name: str,
                     on_done: Callable[[Office, str], None] | None = None,
                     poll_s: float = 1.0, timeout_s: float = 0,
                     redis_wait_s: float = REDIS_WAIT_S) -> dict[str, Any]:
    """Submit the batch (offices already submitted are kept), wait until every office is
    done, write each office's reports and the batch report under ``opts.out_dir``; with
    ``stopped`` (not written): whether Ctrl-C or SIGTERM stopped the submitting or the
    waiting, and ``submitted`` (not written) how many offices were on Redis when a stop came
    while submitting (the first ones of ``offices``; the batch report names the others "not
    submitted": before, that stop left no batch report, and could leave an office listed on
    Redis but never queued).

    Stopped, the coordinator writes the batch report of what it has gathered and returns
    (the workers go on with the batch on Redis; the same command gathers the rest): before,
    the signal broke off whatever it was writing and no batch report was written.  Redis
    not answering raises :class:`RedisUnreachable` saying what to do next (the reports
    gathered so far kept, with their batch report); one that takes connections but stalls
    is waited for up to ``redis_wait_s`` (:class:`Stalls`); stopped while it stalls, it
    raises :class:`StoppedInStall` (exit 3, as any stop: README's exit codes), the batch
    report of what it gathered written (until nightly43: exit 2, as a stall past
    ``redis_wait_s``)."""
    opts.out_dir.mkdir(parents=True, exist_ok=True)
    state = BatchState(opts.out_dir)
    deadline = time.monotonic() + timeout_s if timeout_s else None
    by_key = {o.key: o for o in offices}
    stopped = False
    with stops_set() as stop:
        patient = Stalls(url, stop, redis_wait_s)
        jobs = BatchJobs(patient(lambda: connect(url, read_s=READ_S, stalls=True)), name)
        try:  # a stop ends it between two chunks: what is on Redis is whole
            submitted = patient(lambda: jobs.submit(offices, batch_config(opts), stop))
        except redis.RedisError as exc:
            raise unreachable("worker", "no_redis", url, exc) from None
        except StoppedInStall:  # the chunk in the stall may be on Redis or not: the same
            write_batch_report(offices, opts, state)  # command submits it (HSETNX) again
            raise
        if submitted < len(offices):  # stopped while submitting: say what is on Redis
            left = {o.key: said("batch_cmd", "not_submitted") for o in offices[submitted:]}
            return {**write_batch_report(offices, opts, state, left), "stopped": True,
                    "submitted": submitted}
        while True:
            try:
                patient(lambda: _gather(jobs, state, by_key, opts, on_done))
            except redis.RedisError as exc:
                write_batch_report(offices, opts, state)
                raise unreachable("batch_cmd", "lost_redis", url, exc) from None
            except RedisUnreachable:  # stalled for longer than redis_wait_s, or stopped then
                write_batch_report(offices, opts, state)
                raise
            if all(o.key in state.done for o in offices):
                break
            if deadline is not None and time.monotonic() > deadline:
                break
            if stop.wait(poll_s):
                stopped = True
                break
    return {**write_batch_report(offices, opts, state), "stopped": stopped}


def _gather(jobs: BatchJobs, state: BatchState, by_key: dict[str, Office],
            opts: BatchOptions, on_done: Callable[[Office, str], None] | None) -> None:
    """Write the report of every office of ``by_key`` finished since the last look."""
    for key, outcome in jobs.outcomes().items():
        if key in state.done or key not in by_key:
            continue
        raw = jobs.report(key)
        if raw:
            write_reports(json.loads(raw), opts.out_dir / key, lang=opts.lang)
        state.finish(key, outcome["status"], outcome.get("error", ""))
        if on_done is not None:
            on_done(by_key[key], outcome["status"])
