"""A batch's judging worker: each office's judging and reports in a process forked once the
batch is set up, while this process's reactor goes on crawling the next offices.

A nightly re-audit of an unchanged site is cheap to crawl (answers ``304``, readings read
back) and its judging and nine report files were about a third of its CPU, done in the
reactor's thread: no site crawled meanwhile, and the second core idle.  The worker is forked
after the batch's start-up (imports, checklists, matchers and the topic map loaded: none is
paid again) and before any crawl starts (no thread of the crawl is running to be copied
half-way).  When an office's crawl ends, this process hands its run over
(:meth:`crawler.runcontext.AuditRun.handed_over`: the page memo committed, the records
file and the output folder named) with how the crawl went, and the worker judges and
publishes as :func:`crawler.judging.judge_and_publish` does in one process; the report
comes back here for the history and the batch state.

A worker that dies (killed, out of memory) never costs an office its report: its job's
future fails, and this process publishes what the worker left (reports already published are
read back; a set renamed but not yet shown is taken back as the staging folder) by judging
the records itself, then and for every later office.  The worker ends with this process
(``PR_SET_PDEATHSIG``) and ignores Ctrl-C, which stops the crawls (they are judged, as
interrupted, as before).  A batch stopped or killed is resumed as before: an office is
recorded done only once its report is published.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import importlib
import json
import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from twisted.internet import defer

from checklists.loader import load_checklist
from checklists.model import Checklist
from checklists.site.snapshot import CrawlInfo
from crawler.judging import crawl_info, judge_and_publish, recorded_run
from crawler.runcontext import AuditRun
from reports import RENDERERS, output_folder
from reports.document import Report
from reports.outdir import CRAWL_LOG, SETS

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends

# What an office judged in the batch's own process first costs more than in the worker, in
# CPU seconds: the report renderers' imports (openpyxl, Jinja2: the worker imports them while
# the first crawls run) and memos the worker has warm.  An office of a nightly re-audit
# (tests/benchmarks/nightly_rerun.py's run 2, 2026-12-04, load 3-7) took 0.23-0.42 CPU-s
# there (median 0.29) and 0.07-0.24 in the worker (median 0.11); at load 4-5 (15:57-15:59)
# 0.32-0.46 there (median 0.40, five re-audits) and 0.09-0.14 in the worker.  As wall time
# it is this times the worker's slowdown (:meth:`JudgeWorker.slowdown`).
HERE_START_S = 0.3

# In the worker: the batch's checklists, as loaded before the fork (by reference)
_CHECKLISTS: dict[str, Checklist] = {}


class JudgeWorker:
    """One forked process judging and publishing the offices of a batch, one at a time."""

    def __init__(self, checklists: dict[str, Checklist],
                 call_soon: Callable[[Callable[[], None]], None]) -> None:
        """``checklists``: the batch's checklists by reference, loaded; ``call_soon``: runs a
        callable in the reactor's thread (the worker's answers come in another)."""
        self.call_soon = call_soon
        self.pool: ProcessPoolExecutor | None = None
        self.pending = 0  # offices handed to the worker and not yet answered
        self.took: list[float] = []  # seconds the worker took for each office answered
        self.spent: list[tuple[float, float]] = []  # each office's judging in the worker:
        # its wall and CPU seconds there
        self._since = 0.0  # when the office the worker is judging was started (monotonic)
        self.judged_here = 0  # offices judged in this process by :meth:`finish_here`
        _CHECKLISTS.clear()
        _CHECKLISTS.update(checklists)
        try:
            self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_settle)
            self.pool.submit(_warm_up)  # forks now (before any crawl has a thread); the
            # worker warms up while the first crawls run
        except Exception as exc:  # noqa: BLE001 - no worker: judged here, as before
            logger.warning("batch: no judging worker (%s): offices judged in this process",
                           exc)
            self.close()

    def finish(self, crawler: Any) -> defer.Deferred:
        """Judge and publish the finished crawl of ``crawler``; a Deferred of its report."""
        run = recorded_run(crawler)
        info = crawl_info(crawler)
        if self.pool is None:
            return defer.succeed(self._here(crawler, run, info))
        ref = next((k for k, v in _CHECKLISTS.items() if v is run.checklist), "")
        d: defer.Deferred = defer.Deferred()
        handed = run.handed_over()
        try:
            future = self.pool.submit(_judge, handed, ref, info)
        except Exception as exc:  # noqa: BLE001 - the worker is gone: judged here
            self._lost(exc)
            d.callback(self._recovered(crawler, run, handed, info))
            return d

        if self.pending == 0:
            self._since = time.monotonic()
        self.pending += 1

        def done(f: Future) -> None:
            self.pending -= 1
            now = time.monotonic()
            self.took.append(now - self._since)
            self._since = now  # the next office handed over, if any, starts now
            # a job cancelled when the worker was given up is judged here like a lost one
            error = BrokenProcessPool("cancelled") if f.cancelled() else f.exception()
            if error is None:
                run.output.close()  # the folder's lock, held here meanwhile
                report, wall, cpu = f.result()
                self.spent.append((wall, cpu))
                crawler.stats.set_value("oit/verdict_status", report["status"])
                d.callback(report)
            elif _worker_died(error):
                self._lost(error)
                d.callback(self._recovered(crawler, run, handed, info))
            else:  # the judging itself failed, as it would have here
                run.output.close()
                d.errback(error)

        future.add_done_callback(lambda f: self.call_soon(lambda: _settle_deferred(d, done, f)))
        return d

    def busy(self) -> bool:
        """Whether the worker is judging (or has queued) an office."""
        return self.pool is not None and self.pending > 0

    def sooner_here(self) -> bool:
        """Whether an office handed over now would be judged sooner in this process than by
        the busy worker: it would wait for the rest of the office the worker is judging and
        for those queued (each as long as the worker's offices took on average), while the
        first office judged here also imports the report renderers (:data:`HERE_START_S` of
        CPU time, in wall time as slow as the worker's judging is now).  Before the worker
        has answered any office, judged here."""
        if not self.busy():
            return False
        if self.judged_here or not self.took:
            return True
        mean = sum(self.took) / len(self.took)
        wait = max(0.0, mean - (time.monotonic() - self._since)) + (self.pending - 1) * mean
        return wait > HERE_START_S * self.slowdown()

    def slowdown(self) -> float:
        """How many times its CPU time the worker's judging takes in wall time (at least 1):
        on a busy machine each process gets a share of a core, and the first judging here
        waits for its share as the worker's offices do.  At load 4-5 on two cores the
        worker's offices of a nightly re-audit took 2.5-3.7 times their CPU time, and an
        office judged here, against a fixed 0.2 s, made the batch's last step 0.7-1.6 s
        instead of 0.2-0.95 s waiting for the worker (issue 13)."""
        wall = sum(w for w, _ in self.spent)
        cpu = sum(c for _, c in self.spent)
        return max(1.0, wall / cpu) if cpu > 0 else 1.0

    def finish_here(self, crawler: Any) -> defer.Deferred:
        """Judge and publish the finished crawl of ``crawler`` in this process, as
        :meth:`finish` does without a worker (the batch does so when nothing is left to
        crawl and the worker is busy: the last offices are judged side by side)."""
        self.judged_here += 1
        return defer.succeed(self._here(crawler, recorded_run(crawler), crawl_info(crawler)))

    def close(self) -> None:
        """Let the worker finish what it was given, then end it."""
        if self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None

    def _lost(self, error: BaseException) -> None:
        logger.error("batch: the judging worker died (%s); offices are judged in this "
                     "process from now on", error)
        pool, self.pool = self.pool, None
        if pool is not None:
            with contextlib.suppress(Exception):
                pool.shutdown(wait=False, cancel_futures=True)

    def _recovered(self, crawler: Any, run: AuditRun, handed: AuditRun,
                   info: CrawlInfo) -> Report:
        """The office's report when the worker died with its job: the one it published, or
        the records judged here."""
        out = run.output
        if out.folder is not None and out.out_dir is not None:
            published = _published(out.out_dir)
            if published is not None:
                out.close()
                return published
            _take_back_staging(out.out_dir)
        if handed.memo_handed is not None and handed.memo_handed[1] and handed.memo_file:
            Path(handed.memo_file).unlink(missing_ok=True)  # the dead worker's temporary memo
        return self._here(crawler, run, info)

    @staticmethod
    def _here(crawler: Any, run: AuditRun, info: CrawlInfo) -> Report:
        report = judge_and_publish(run, info)
        crawler.stats.set_value("oit/verdict_status", report["status"])
        return report


def _settle_deferred(d: defer.Deferred, done: Callable[[Future], None], f: Future) -> None:
    try:
        done(f)
    except Exception as exc:  # noqa: BLE001 - e.g. the judging here failed too
        if not d.called:
            d.errback(exc)


def _worker_died(error: BaseException) -> bool:
    return isinstance(error, BrokenProcessPool)


def _published(out_dir: Path) -> Report | None:
    """The report the worker published into ``out_dir`` (the batch empties an office's
    folder before its audit: a report there is this audit's)."""
    try:
        return json.loads((out_dir / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _take_back_staging(out_dir: Path) -> None:
    """A worker killed in the middle of publishing may have renamed the staging folder to a
    set it never showed: that set becomes the staging folder again."""
    folder = output_folder(out_dir)
    if (folder.staging / CRAWL_LOG).is_file():
        return
    sets = sorted((p for p in (out_dir / SETS).glob("*") if (p / CRAWL_LOG).is_file()),
                  key=lambda p: p.stat().st_mtime_ns)
    if sets:
        os.replace(sets[-1], folder.staging)


# -- in the worker ---------------------------------------------------------------------------

def _settle() -> None:
    """The worker ends with the batch, leaves Ctrl-C to it (a batch stopped with Ctrl-C
    still judges the offices it was crawling: the worker finishes what it is given; a
    SIGTERM that reaches the worker too, e.g. from systemd, only sends those offices back
    to this process), and keeps what it inherited out of the garbage collector's way
    (``crawler.run.settle_start_up``)."""
    with contextlib.suppress(Exception):  # Linux; elsewhere the worker ends with its queue
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # forked from a process whose SIGTERM raises KeyboardInterrupt (crawler.cli): here it
    # ends the worker, as said above, never fails the office being judged with it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    gc.freeze()
    gc.enable()  # forked while the batch's set-up held the collector back (crawler/collector.py)


def _warm_up() -> None:
    """Import the renderers while the first crawls run (their first report would wait)."""
    for _, render in RENDERERS.values():
        module = render.__name__.split(".")[0]
        if module != "render_json":
            with contextlib.suppress(ImportError):
                importlib.import_module(f"reports.{module}")


def _judge(run: AuditRun, ref: str, info: CrawlInfo) -> tuple[Report, float, float]:
    """Judge and publish a run handed over by the batch (:meth:`AuditRun.handed_over`); the
    report, and the wall and CPU seconds it took."""
    wall, cpu = time.perf_counter(), time.process_time()
    checklist = _CHECKLISTS.get(ref)
    if checklist is None:
        checklist = load_checklist(ref)
    report = judge_and_publish(run.taken_over(checklist), info)
    return report, time.perf_counter() - wall, time.process_time() - cpu
