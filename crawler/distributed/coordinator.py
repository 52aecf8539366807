"""``oit-audit batch offices.csv --redis URL``: put a batch on Redis for workers, wait for
it, and gather every office's report and the batch report in one folder."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from crawler.batch.offices import Office
from crawler.batch.runner import BatchOptions, write_batch_report
from crawler.batch.state import BatchState
from crawler.distributed.jobs import BatchJobs
from crawler.distributed.worker import connect
from reports import write_reports


def batch_config(opts: BatchOptions) -> dict[str, Any]:
    """The options every worker applies (JSON: the output folder is each worker's own)."""
    return {k: v for k, v in asdict(opts).items() if k != "out_dir"}


def run_shared_batch(offices: list[Office], opts: BatchOptions, url: str, name: str,
                     on_done: Callable[[Office, str], None] | None = None,
                     poll_s: float = 1.0, timeout_s: float = 0) -> dict[str, Any]:
    """Submit the batch (offices already submitted are kept), wait until every office is
    done, write each office's reports and the batch report under ``opts.out_dir``."""
    jobs = BatchJobs(connect(url), name)
    jobs.submit(offices, batch_config(opts))
    opts.out_dir.mkdir(parents=True, exist_ok=True)
    state = BatchState(opts.out_dir)
    deadline = time.monotonic() + timeout_s if timeout_s else None
    by_key = {o.key: o for o in offices}
    while True:
        for key, outcome in jobs.outcomes().items():
            if key in state.done or key not in by_key:
                continue
            raw = jobs.report(key)
            if raw:
                write_reports(json.loads(raw), opts.out_dir / key, lang=opts.lang)
            state.finish(key, outcome["status"], outcome.get("error", ""))
            if on_done is not None:
                on_done(by_key[key], outcome["status"])
        if all(o.key in state.done for o in offices):
            break
        if deadline is not None and time.monotonic() > deadline:
            break
        time.sleep(poll_s)
    return write_batch_report(offices, opts, state)
