"""Run a batch: every office of an offices file audited in this one process.

One Twisted reactor and one Scrapy crawler per office, ``parallel`` offices at a time: the
start-up of Python and Scrapy and the loading of checklists are paid once, not per site.
Each office has its own settings (checklist, units file, output folder, limits), so each
gets Scrapy's per-site politeness (AutoThrottle, requests per domain, robots.txt) and its
own page and time limits (``CLOSESPIDER_TIMEOUT``). An office that fails (site down, bad
checklist, an exception) is recorded and the others go on. ``batch-state.jsonl`` makes a
killed batch resumable: run the same command again.  A batch stopped (Ctrl-C, SIGTERM) ends
as a stopped audit does: the offices being crawled are stopped (audited again on resume), no
new one is started, the offices finished keep their reports, and the batch says it was
stopped (``oit-audit batch`` exits 3).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.reactor import install_reactor
from twisted.internet import defer
from twisted.python.failure import Failure

from checklists.atomicfile import write_text
from checklists.candidates import code_fingerprint
from checklists.hubscheme import lexicon_for
from checklists.loader import load_checklist
from checklists.matching import MatcherIndex
from checklists.model import Checklist
from checklists.vocabulary import JUDGED
from checklists.wordings import matchers_for
from crawler.batch.history import BatchHistory
from crawler.batch.judgeworker import JudgeWorker
from crawler.batch.offices import Office
from crawler.batch.state import BatchState
from crawler.collector import held
from crawler.judging import finish
from crawler.run import (
    AuditOptions,
    CrawlOptions,
    StopWatch,
    build_settings,
    crawl_process,
    project_settings,
    settle_start_up,
)
from crawler.runcontext import AuditRun
from crawler.spiders.oit import OitSpider
from reports import read_report
from reports.batch import OfficeResult, render_html, render_json, render_markdown, summarise

logger = logging.getLogger(__name__)
FINAL = ("complete", "failed")  # statuses that are not retried on resume


@dataclass(kw_only=True)
class BatchOptions(CrawlOptions):
    """What one ``oit-audit batch`` run needs."""

    focused: bool = True
    parallel: int = 4
    site_timeout: int = 1800
    log_level: str = "CRITICAL"  # one site's retries and errors are in its report
    db: str = ""  # history database: runs recorded, HTTP and text caches reused (--db)
    judge_worker: bool = True  # judge and publish in a forked worker (batch/judgeworker.py)
    extra_settings: dict[str, Any] = field(default_factory=dict)


def site_settings(office: Office, opts: BatchOptions) -> Any:
    """The office's settings: the project's, the batch's options, then the office's row."""
    return build_settings(AuditOptions(**{
        **opts.crawl_options(), "url": office.url, "out_dir": opts.out_dir / office.key,
        "checklist": office.checklist or opts.checklist, "units_file": office.units,
        "extra_settings": {"OIT_FOCUSED": opts.focused, "OIT_PROGRESS": "off",
                           "CLOSESPIDER_TIMEOUT": opts.site_timeout, **opts.extra_settings}}))


def run_batch(offices: list[Office], opts: BatchOptions,
              on_done: Callable[[Office, str], None] | None = None) -> dict[str, Any]:
    """Audit every office not yet done; write and return the batch summary, with
    ``stopped`` (not written): whether Ctrl-C or SIGTERM stopped the batch."""
    opts.out_dir.mkdir(parents=True, exist_ok=True)
    state = BatchState(opts.out_dir)
    todo = [o for o in offices if state.done.get(o.key, {}).get("status") not in FINAL]
    stopped = _crawl_all(todo, opts, state, on_done) if todo else False
    return {**write_batch_report(offices, opts, state), "stopped": stopped}


def _crawl_all(todo: list[Office], opts: BatchOptions, state: BatchState,
               on_done: Callable[[Office, str], None] | None) -> bool:
    """Audit the offices of ``todo``; whether a stop (Ctrl-C, SIGTERM) ended the batch."""
    base = project_settings()
    base.set("LOG_LEVEL", opts.log_level, priority="cmdline")
    install_reactor(base["TWISTED_REACTOR"])  # before any crawler (the first may fail)
    process = crawl_process(base)
    crawl_slots = defer.DeferredSemaphore(max(1, opts.parallel))
    # offices crawled and waiting for (or in) the worker's judging: at most ``parallel``, so
    # crawls never run ahead of the judging by more than a round
    judge_slots = defer.DeferredSemaphore(max(1, opts.parallel))
    history = BatchHistory(Path(opts.db)) if opts.db else None
    stopping: list[bool] = []  # a crawl ended by a stop signal: no new office is started
    crawling: set[Office] = set()  # offices whose crawl is running
    unfinished: set[Office] = set()  # offices started whose audit has not ended

    def start(office: Office) -> Crawler:
        """The office's crawler, its history run opened and its audit run bound."""
        site_dir = opts.out_dir / office.key
        shutil.rmtree(site_dir, ignore_errors=True)  # an interrupted audit starts again
        settings = site_settings(office, opts)
        if history is not None:
            settings.setdict(history.begin(office, office.checklist or opts.checklist,
                                           opts.as_of, site_dir), priority="cmdline")
        crawler = Crawler(OitSpider, settings)
        AuditRun.from_settings(crawler.settings, checklist=checklist(office)).bind(crawler)
        unfinished.add(office)
        return crawler

    @defer.inlineCallbacks
    def audit(office: Office) -> Any:
        """Crawl the office in a crawl slot, then judge it.  Judged by the worker, the
        office gives its crawl slot back as soon as its crawl has ended: the next office's
        crawl overlaps this one's judging (a nightly re-audit's judging is about a sixth of
        a site's time, and it used to hold the slot; tests/benchmarks/nightly_rerun.py)."""
        yield crawl_slots.acquire()
        in_slot, report, failure = True, None, None
        try:
            if stopping:
                return  # stopped: left for the resumed batch
            crawler = start(office)
            crawling.add(office)
            yield process.crawl(crawler, start_url=office.url)
            if crawler.stats.get_value("finish_reason") == "shutdown":
                stopping.append(True)
            crawling.remove(office)
            if worker is not None and not crawling and not crawl_slots.waiting and \
                    worker.sooner_here():
                # nothing left to crawl, the worker busy with offices: this one is judged
                # here meanwhile when that ends sooner than waiting for the worker (the
                # batch's last office no longer waits for a long judging before it)
                report = yield worker.finish_here(crawler)
            elif worker is not None and worker.pool is not None:
                yield judge_slots.acquire()
                crawl_slots.release()
                in_slot = False
                try:
                    report = yield worker.finish(crawler)
                finally:
                    judge_slots.release()
            else:
                report = yield (worker.finish(crawler) if worker else finish(crawler))
        except Exception as exc:  # noqa: BLE001 - one office never stops the batch
            failure = Failure(exc)
        finally:
            crawling.discard(office)
            if in_slot:
                crawl_slots.release()
        finished(office, report, failure)

    def checklist(office: Office) -> Checklist:
        """Each checklist of the batch loaded once, shared by the offices that use it."""
        ref = office.checklist or opts.checklist
        if ref not in loaded:
            loaded[ref] = load_checklist(ref)
        return loaded[ref]

    def finished(office: Office, report: dict[str, Any] | None, failure: Any) -> None:
        unfinished.discard(office)
        status = (report or {}).get("status", "failed")
        error = ""
        if failure:
            error = str(getattr(failure, "value", failure))[:500]
            logger.error("batch: %s failed: %s", office.name, error)
        if report is None and not error:
            error = "no report written"
        if history is not None:
            history.finish(office, report, error)
        if status == "interrupted":
            return  # a stop signal: audited again on resume
        state.finish(office.key, "complete" if status in JUDGED else "failed", error)
        if on_done is not None:
            on_done(office, status)

    def cut_short(office: Office) -> None:
        """An office whose audit a stop cut short (Scrapy ends the reactor once the crawls
        have stopped, before the offices handed to the worker come back): kept as done when
        the worker published its finished report meanwhile, otherwise stopped (its history
        run ``incomplete``, audited again on resume).  Before, both kept their history runs
        ``running`` and a report the worker published was judged again on resume."""
        report = read_report(opts.out_dir / office.key)
        finished(office, report if (report or {}).get("status") in JUDGED
                 else {"status": "interrupted"}, None)

    loaded: dict[str, Checklist] = {}
    worker = None
    with held():  # the batch's set-up: no cyclic collection until it settles
        if opts.judge_worker:
            for office in todo:  # loaded and warm before the worker is forked: it shares them
                with contextlib.suppress(Exception):  # a checklist that fails fails its office
                    warm(checklist(office))
            worker = JudgeWorker(loaded, installed_reactor().callFromThread)
        jobs = [audit(office) for office in todo]
        done = defer.DeferredList(jobs, consumeErrors=True)
        # callWhenRunning: every office may fail before the reactor starts (an unknown
        # checklist), and a stop asked for before then would be lost and the batch would
        # never exit.
        done.addBoth(lambda _: installed_reactor().callWhenRunning(stop_reactor))
        stops = StopWatch.started()
        settle_start_up()
    try:
        process.start(stop_after_crawl=False)
    finally:
        if worker is not None:
            worker.close()
        for office in sorted(unfinished, key=lambda o: o.key):
            cut_short(office)
        if history is not None:
            history.close()
    return stops.asked() or bool(stopping)


def warm(checklist: Checklist) -> None:
    """What judging ``checklist`` builds once per process: its matchers, the arrays of their
    wording model (built by its first reading: the focused crawl's link naming and the
    worker's judging each built their own), the lexicon, the tables a gathering looks link
    texts up in and the digest of the code that reads pages (both built by the first
    gathering: the focused crawl's and, forked before it, the worker's first office again;
    nightly45)."""
    matchers = matchers_for(checklist)
    model = matchers[0].model if matchers else None
    if model is not None:
        model.predict("ข่าวประชาสัมพันธ์")
    lexicon_for(checklist)
    MatcherIndex(matchers)  # its tables are kept per list of matchers (matching._index_tables)
    code_fingerprint()


def installed_reactor() -> Any:
    """The reactor Scrapy installed (importing it at module level would install the
    default one first)."""
    from twisted.internet import reactor

    return reactor


def say(line: str) -> None:
    """One line of a batch's progress (``oit-audit batch``, ``oit-audit worker``), as it is
    (plain text: no markup, colour or wrapping, so Rich is not imported for it: 19-21 CPU-ms
    of every nightly batch's start, measured at load 9 with Scrapy and the checklists already
    imported; issue 13)."""
    print(line, flush=True)


def stop_reactor() -> None:
    reactor = installed_reactor()
    if reactor.running:
        reactor.stop()


def write_batch_report(offices: list[Office], opts: BatchOptions, state: BatchState,
                       why_not: dict[str, str] | None = None) -> dict[str, Any]:
    """batch.json, batch.md and batch.html from every office's own report; an office not
    done is "not audited yet", or what ``why_not`` says of it (by its key).  Written on every
    stop of a batch: an office's report is looked for only in the folders the batch folder
    holds (one listing; before, 20,000 offices not yet audited were 20,000 failed opens),
    and batch.json is written an office a line (``render_json``): 1.5 s at 20,000 offices
    before, hygiene38's note."""
    results = []
    with os.scandir(opts.out_dir) as entries:
        folders = {e.name for e in entries if e.is_dir()}
    for office in offices:
        key = office.key
        report = read_report(opts.out_dir / key) if key in folders else None
        entry = state.done.get(key, {})
        link = f"{key}/report.html" if report is not None else ""
        waiting = (why_not or {}).get(key, "not audited yet")
        results.append(OfficeResult(office.name, office.url, link, report,
                                    entry.get("error", "" if entry else waiting)))
    batch = summarise(results)
    texts = {"batch.json": render_json(batch), "batch.md": render_markdown(batch, opts.lang),
             "batch.html": render_html(batch, opts.lang)}
    for name, text in texts.items():  # all rendered first, then each replaced whole: a stop
        # or a kill while writing leaves the last batch report, never a cut-short file, and
        # a write cut short (a full disk) no temp file
        write_text(opts.out_dir / name, text)
    return batch
