"""After the crawl: collect the snapshot, judge it once, hand the report to the renderers.

The one path from a finished crawl to its reports, whatever started the crawl::

    snapshot = collect(crawler)     # the records + what the spider and Scrapy's stats know
    report = judge(run, snapshot)   # checklists.engine.audit once, then the overlays once
    publish(run, report)            # every renderer into the output folder, all at once

:func:`finish` does the three.  ``oit-audit audit`` and ``demo`` (``crawler/run.py``),
batches (``crawler/batch/runner.py``) and distributed workers call it when their crawl has
ended; with ``scrapy crawl oit`` the :class:`JudgeOnClose` extension calls it on
``spider_closed``.  :func:`judge` also serves a saved crawl judged again at another date:
it needs only an :class:`~crawler.runcontext.AuditRun` and a
:class:`~checklists.site.snapshot.Snapshot`.  The spider and the pipelines only record.
"""

from __future__ import annotations

import dataclasses
import logging
import signal
from collections.abc import Callable
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import signals

from checklists.engine import Judge, audit
from checklists.framework import best_fit, declared, framework_section, load_declaring
from checklists.site.snapshot import CrawlInfo, Snapshot
from checklists.topics import load_topics
from crawler.cli import stops_raise
from crawler.collector import held
from crawler.component import switched_on
from crawler.netstats import network_section
from crawler.nightly.extend import nightly_sections
from crawler.runcontext import AuditRun
from reports import read_report, write_reports
from reports.build import report_document
from reports.document import Report
from reports.labels import both

logger = logging.getLogger(__name__)


class NoRecords(RuntimeError):
    """The crawl ended before its records file was opened: nothing to judge."""


def _iso(value: Any) -> str:
    return value.isoformat(timespec="seconds") if hasattr(value, "isoformat") else str(value or "")


def crawl_info(crawler: Any, reason: str = "") -> CrawlInfo:
    """How the crawl went: what the spider knows (``OitSpider.crawl_info``), the settings in
    force and Scrapy's stats (times, finish reason, network figures)."""
    stats = crawler.stats
    return dataclasses.replace(
        crawler.spider.crawl_info(),
        robots_obeyed=crawler.settings.getbool("ROBOTSTXT_OBEY"),
        started_at=_iso(stats.get_value("start_time")),
        finished_at=_iso(stats.get_value("finish_time") or datetime.now(UTC)),
        finish_reason=str(stats.get_value("finish_reason") or reason or "finished"),
        network=network_section(stats),
    )


def collect(crawler: Any, run: AuditRun, reason: str = "") -> Snapshot:
    """The finished crawl as a :class:`Snapshot` (records read back from disk, streamed)."""
    return snapshot_of(run, crawl_info(crawler, reason))


def snapshot_of(run: AuditRun, info: CrawlInfo) -> Snapshot:
    """The records of ``run``'s crawl with ``info`` (how it went) as a :class:`Snapshot`."""
    # what the pages declare is read in the load's pass over the records
    snapshot = load_declaring(run.output.records, info)
    snapshot.page_memo = run.page_memo()  # pages unchanged since the last run: read back
    return snapshot


def judge(run: AuditRun, snapshot: Snapshot) -> Report:
    """The report document of ``snapshot`` judged as ``run`` says.

    ``audit(checklist, snapshot, as_of)`` is called once, with the run's checklist, or with
    ``--checklist auto`` the shipped one that fits what the site's ITA section declares; the
    overlays (the office's units file, due soon, the nightly history) are applied here and
    nowhere else, each giving a new document.

    The cyclic garbage collector is held back while judging (``crawler.collector``):
    judging the benchmark's 5,245-page site made 1,800 objects of cyclic garbage, found by
    46 collections that walked the judging's young objects for 0.42 of its 11 CPU-s
    (2026-12-04, ``gc.callbacks``); the collector runs again once the report is made.
    """
    with held():
        return _judged(run, snapshot)


def _judged(run: AuditRun, snapshot: Snapshot) -> Report:
    site = declared(snapshot, run.assessed_year)
    best = best_fit(site, run.checklist, load_topics().checklists)
    used = best if run.auto else run.checklist
    judging = Judge(used, snapshot, run.fiscal_year or None)  # due soon shares its gathering
    verdicts = audit(used, snapshot, run.as_of, run.fiscal_year or None, judging)
    framework = None
    if verdicts.complete:
        home = snapshot.info.home_url or snapshot.info.start_url
        framework = framework_section(site, used, best, home, picked=run.auto)
    report = report_document(verdicts, snapshot, run.iit, run.eit, framework)
    if run.units is not None:
        report = run.units.apply(report)
    extra = nightly_sections(report, snapshot, used, run.due_soon_days,
                             run.fiscal_year or None, run.history, judging)
    return Report({**report, **extra})  # type: ignore[typeddict-item]


def publish(run: AuditRun, report: Report) -> None:
    """Write every renderer's file and publish the set (with ``crawl.jsonl``) at once.

    A run stopped by a signal (``interrupted``: no items) does not replace the report of a
    run that finished: its set is published beside it, in ``OUT/interrupted/``
    (``reports.outdir``), and the folder keeps showing the finished run's."""
    folder = run.output.folder
    if folder is not None:  # the whole set appears at once (reports.outdir)
        write_reports(report, folder.staging, lang=run.lang)
        if report.get("status") == "interrupted" and shows_finished_run(folder.path):
            folder.commit_beside()
        else:
            folder.commit()


def shows_finished_run(out: Path) -> bool:
    """Whether the folder ``out`` shows the report of a run that was not stopped (any status
    but ``interrupted``; a report.json that cannot be read counts as none)."""
    status = (read_report(out) or {}).get("status")
    return isinstance(status, str) and status != "interrupted"


def finish(crawler: Any, reason: str = "",
           stop_asked: Callable[[], bool] | None = None) -> Report:
    """Collect, judge and publish the crawl of ``crawler``; return the report document
    (``stop_asked``: see :func:`judge_and_publish`)."""
    run = recorded_run(crawler)
    report = judge_and_publish(run, crawl_info(crawler, reason), stop_asked)
    crawler.stats.set_value("oit/verdict_status", report["status"])
    return report


def recorded_run(crawler: Any) -> AuditRun:
    """The run of ``crawler``, whose crawl has ended; :class:`NoRecords` when it never
    started (its error is logged)."""
    run = AuditRun.of(crawler)
    if run.output.records is None:
        run.output.close()
        raise NoRecords(both("crawl", "no_records", out=run.output.out_dir or "-"))
    return run


def judge_and_publish(run: AuditRun, info: CrawlInfo,
                      stop_asked: Callable[[], bool] | None = None) -> Report:
    """Judge ``run``'s records (the crawl went as ``info`` says) and publish the reports
    (in this process, or in a batch's judging worker: ``crawler/batch/judgeworker.py``).

    ``stop_asked`` (``oit-audit audit`` and ``demo``, once Scrapy has stopped: whether a
    stop came since the crawl ended, or during it: :class:`crawler.run.StopWatch`):
    Ctrl-C or SIGTERM while judging stops
    it at once.  Scrapy's handlers stay in place after its crawl and do nothing then, so a
    stop used to wait for the whole judging (seconds to minutes on a large site) and the
    run ended as if never stopped.  Now the judging is given up (the page memo keeps
    nothing of this run: :meth:`AuditRun.drop_memo`) and the run ends as a stop during the
    crawl does: an ``interrupted`` report, published beside a finished run's
    (:func:`publish`), the crawl's records with it for ``--resume``.  Publishing it is not
    interrupted (Scrapy's handlers again: a second signal does nothing)."""
    try:
        stoppable = stop_asked is not None
        try:
            with stops_raise(signal.SIGINT, signal.SIGTERM) if stoppable else nullcontext():
                # a stop before the signals were taken here
                if stop_asked is not None and stop_asked():
                    raise KeyboardInterrupt
                report = judge(run, snapshot_of(run, info))
        except KeyboardInterrupt:
            if not stoppable:
                raise
            report = stopped_report(run, info)
        publish(run, report)
    finally:
        run.close_memo()
        run.output.close()
    return report


def stopped_report(run: AuditRun, info: CrawlInfo) -> Report:
    """The report of ``run`` stopped by a signal once its crawl had ended: ``interrupted``,
    as if stopped at the crawl's end (no items judged); nothing of the judging given up is
    kept for the next run."""
    run.drop_memo()
    return judge(run, snapshot_of(run, dataclasses.replace(info, finish_reason="shutdown")))


class JudgeOnClose:
    """``scrapy crawl oit``: judge and write the reports when the spider closes.

    Off (``NotConfigured``) when ``OIT_JUDGE_ON_CLOSE`` is false: the ``oit-audit`` runners
    call :func:`finish` themselves once the crawl has ended.
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> JudgeOnClose:
        switched_on(crawler, "OIT_JUDGE_ON_CLOSE")
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Any, reason: str = "") -> None:
        finish(self.crawler, reason)
