"""Run one audit in this process: settings layered over the project's defaults, the crawl,
then the judging (``crawler.judging``) once the crawl has ended."""

from __future__ import annotations

import gc
import logging
import signal
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import SETTINGS_PRIORITIES, Settings

from checklists.model import Checklist
from checklists.vocabulary import DEFAULT_CHECKLIST
from crawler.collector import held
from crawler.judging import finish
from crawler.runcontext import AuditRun


@dataclass(kw_only=True)
class CrawlOptions:
    """What every audit crawl is given, one site's or a batch's."""

    out_dir: Path
    as_of: str
    checklist: str = DEFAULT_CHECKLIST
    fiscal_year: int = 0
    max_pages: int = 0
    obey_robots: bool = True
    check_external: bool = True
    lang: str = "th"
    log_level: str = "WARNING"

    def crawl_options(self) -> dict[str, Any]:
        """The :class:`CrawlOptions` fields of these options, by name."""
        return {f.name: getattr(self, f.name) for f in fields(CrawlOptions)}


@dataclass(kw_only=True)
class AuditOptions(CrawlOptions):
    """What one ``oit-audit audit`` run needs."""

    url: str
    max_depth: int = 0
    allow_private: bool = False
    extra_settings: dict[str, Any] | None = None
    units_file: str = ""
    iit: float | None = None  # last year's IIT and EIT points: the estimated total and band
    eit: float | None = None


def project_settings() -> Settings:
    """Scrapy defaults < crawler.settings (project), without needing scrapy.cfg."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    return settings


def build_settings(opts: AuditOptions) -> Settings:
    """Project settings overridden by the command line options."""
    settings = project_settings()
    values: dict[str, Any] = {
        "OIT_OUTPUT_DIR": str(opts.out_dir),
        "OIT_AS_OF": opts.as_of,
        "OIT_CHECKLIST": opts.checklist,
        "OIT_FISCAL_YEAR": opts.fiscal_year,
        "OIT_LANG": opts.lang,
        "OIT_UNITS_FILE": opts.units_file,
        "OIT_CHECK_EXTERNAL": opts.check_external,
        "OIT_JUDGE_ON_CLOSE": False,  # judged by the runner once the crawl has ended
        "ROBOTSTXT_OBEY": opts.obey_robots,
        "OIT_ALLOW_PRIVATE": opts.allow_private,
        "LOG_LEVEL": opts.log_level,
    }
    if opts.iit is not None and opts.eit is not None:
        values.update(OIT_IIT=opts.iit, OIT_EIT=opts.eit)
    if opts.max_pages:
        values["OIT_MAX_PAGES"] = opts.max_pages
    if opts.max_depth:
        values["OIT_MAX_DEPTH"] = opts.max_depth
    values.update(opts.extra_settings or {})
    settings.setdict(values, priority="cmdline")
    return settings


def crawl_process(settings: Settings) -> CrawlerProcess:
    """Scrapy's ``CrawlerProcess`` over ``settings``.  Starting one looks up the versions of
    ten packages for an INFO line (``LOG_VERSIONS``): the installed distributions' metadata
    and, for the platform's name, a ``uname -p`` child process (about 60 ms of wall time
    per ``oit-audit`` process; issue 13's nightly re-audit pays it once a night).  Logging
    above INFO (the default: ``oit-audit`` logs errors only, ``--verbose`` logs INFO), nobody
    sees that line, so the look-up is left out unless ``LOG_VERSIONS`` was set."""
    level = settings.get("LOG_LEVEL")
    number = level if isinstance(level, int) else logging.getLevelName(str(level).upper())
    if (isinstance(number, int) and number > logging.INFO
            and settings.getpriority("LOG_VERSIONS") == SETTINGS_PRIORITIES["default"]):
        settings.set("LOG_VERSIONS", [], priority="default")
    return CrawlerProcess(settings)


def run_audit(opts: AuditOptions, checklist: Checklist | None = None) -> dict[str, Any]:
    """Crawl, then judge once and write the reports (``crawler.judging.finish``); return the
    report document.  ``checklist``: the one the caller loaded to validate it (loaded here
    otherwise), passed down to every component of the crawl."""
    with held():  # the crawl's set-up: no cyclic collection until it settles
        process = crawl_process(build_settings(opts))
        crawler = process.create_crawler("oit")
        AuditRun.from_settings(crawler.settings, checklist=checklist).bind(crawler)
        stopped: list[Any] = []
        process.crawl(crawler, start_url=opts.url).addErrback(_stopped_in_set_up, stopped)
        stops = StopWatch.started()
        settle_start_up()
    process.start()
    if stopped:  # Ctrl-C or SIGTERM before Scrapy took the signals over: as a stop, not a failure
        raise KeyboardInterrupt
    return finish(crawler, stop_asked=stops.asked)


class StopWatch:
    """Whether Ctrl-C or SIGTERM came once Scrapy handles the signals: during the crawl, or
    after it ended and before the judging takes them over (Scrapy's handlers stay in place
    then and do nothing: the reactor has stopped).

    A handler of ours is put in front of each of Scrapy's, which it calls as before: what
    Scrapy does with a signal (a graceful stop, a second one kills) is unchanged, and a
    second signal reaches the handler Scrapy put in place of its first.  Scrapy sets its
    handlers once the reactor runs (an "after startup" trigger of ``CrawlerProcess.start``),
    so ours are set just after it (the reactor's first turn).  A signal before that is
    Scrapy's alone and stops the crawl (its finish reason says so).  Before, the judging
    asked Scrapy's private ``CrawlerProcess._signal_shutdown``."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.seen = False

    @classmethod
    def started(cls) -> StopWatch:
        """A watch set in front of Scrapy's handlers once the reactor Scrapy installed runs
        (call before ``CrawlerProcess.start``)."""
        from twisted.internet import reactor  # noqa: PLC0415 - the one Scrapy installed

        watch = cls()
        reactor.callWhenRunning(reactor.callLater, 0, watch.watch)
        return watch

    def watch(self) -> None:
        """Put our handler in front of the ones in place (Scrapy's)."""
        for signum in self.SIGNALS:
            signal.signal(signum, self._chained(signal.getsignal(signum)))

    def _chained(self, then: Any) -> Any:
        def handler(signum: int, frame: Any) -> None:
            self.seen = True
            if callable(then):
                then(signum, frame)
            else:  # ignored, or the default action (end the process): as it was
                signal.signal(signum, then)
                signal.raise_signal(signum)
        return handler

    def asked(self) -> bool:
        """Whether a stop came since :meth:`watch`."""
        return self.seen


def _stopped_in_set_up(failure: Any, stopped: list[Any]) -> Any:
    """The crawl's errback: a KeyboardInterrupt (Ctrl-C, or SIGTERM: crawler.cli) raised while
    the crawl was being set up fails its Deferred, and the audit used to end as "no report
    made" (a ``failed`` run); noted in ``stopped`` instead, and raised again once the reactor
    has stopped.  Any other failure is passed on."""
    if failure.check(KeyboardInterrupt):
        stopped.append(failure)
        return None
    return failure


# Container allocations between two collections of the youngest generation while crawling
# and judging (Python's default is 700: a nightly re-audit of five sites ran about 670
# collections, 7% of its CPU; with 10,000 about 50, and the cyclic garbage they find, held a
# little longer, is a few MB at most)
YOUNG_COLLECTION_EVERY = 10_000


def settle_start_up() -> None:
    """Once the crawl is set up (the collector held back until now: ``crawler.collector``
    and its callers): what was loaded so far (modules, checklists, matchers, the
    topic map) lives as long as the process, so it leaves the garbage collector's generations
    (``gc.freeze``) and the collections made while crawling and judging no longer walk it
    again (they were a tenth of a nightly re-audit's CPU; issue 13); and the youngest
    generation is collected every :data:`YOUNG_COLLECTION_EVERY` allocations."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, middle, old)
