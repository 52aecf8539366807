"""Crawl progress: a live line on a terminal, plain log lines under cron.

Counts pages, documents, external links and errors as records arrive, the requests waiting
in Scrapy's scheduler, and the items of the run's checklist whose code has been seen in a link or the table row around
it (ITA pages list the items by code; full matching is the judge's work after the crawl).
On a terminal (stderr is a TTY) a rich live display redraws in place; otherwise one plain
line is written every ``OIT_PROGRESS_INTERVAL`` seconds and one at the end, with no colours
or cursor movement, so cron mail and log files stay readable.

Settings: ``OIT_PROGRESS`` (``auto``, ``live``, ``log`` or ``off``), ``OIT_PROGRESS_INTERVAL``.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from typing import IO, Any

from scrapy import signals

from checklists.matching import ItemMatcher
from checklists.model import Checklist
from checklists.site.records import PageRecord
from crawler.component import switched_off
from crawler.runcontext import AuditRun
from reports.labels import words


def choose_mode(setting: str, stream: IO[str], log_level: str) -> str:
    """``live`` on an interactive terminal, ``log`` otherwise; ``off`` when asked."""
    setting = (setting or "auto").lower()
    if setting in ("off", "live", "log"):
        return setting
    interactive = hasattr(stream, "isatty") and stream.isatty()
    return "live" if interactive and log_level not in ("DEBUG", "INFO") else "log"


class Counts:
    """What the display shows; pure, so it can be tested without a crawl."""

    def __init__(self, matchers: list[Any]) -> None:
        self.matchers = matchers
        self.pages = self.documents = self.external = self.errors = 0
        self.found: set[str] = set()
        self.started = time.monotonic()

    def add(self, rec: PageRecord) -> None:
        if rec.same_as:
            return  # a redirect to a URL fetched for another link: counted there
        if rec.kind == "page":
            self.pages += 1
        elif rec.kind == "document":
            self.documents += 1
        else:
            self.external += 1
        if rec.status == 0 or rec.status >= 400 or rec.error:
            self.errors += 1
        if rec.kind != "page" or not rec.links:
            return
        # Only the cheap test (the item's code in a link or the row around it, as ITA pages
        # list them): full matching of every link is the judge's work, after the crawl.
        texts = [f"{link.get('text', '')} {link.get('context', '')}" for link in rec.links]
        for m in self.matchers:
            if m.item.code not in self.found and any(m.has_code(t) for t in texts):
                self.found.add(m.item.code)

    def line(self, queued: int | None, th: bool = True) -> str:
        """One plain line, Thai or English."""
        elapsed = int(time.monotonic() - self.started)
        items = f"{len(self.found)}/{len(self.matchers)}"
        queue = "-" if queued is None else str(queued)
        return words("progress", "th" if th else "en")["line"].format(
            pages=self.pages, documents=self.documents, external=self.external,
            errors=self.errors, queue=queue, items=items, elapsed=elapsed,
            minutes=elapsed // 60, seconds=elapsed % 60)


class Progress:
    """The extension; ``NotConfigured`` when ``OIT_PROGRESS`` is off."""

    def __init__(self, crawler: Any, mode: str, interval: float, stream: IO[str],
                 lang: str) -> None:
        self.crawler = crawler
        self.checklist: Checklist | None = None  # the run's, read when the spider opens
        self.mode = mode
        self.interval = interval
        self.stream = stream
        self.th = lang != "en"
        self.counts: Counts | None = None
        self._live: Any = None
        self._loop: Any = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> Progress:
        s = crawler.settings
        mode = choose_mode(s.get("OIT_PROGRESS"), sys.stderr, s.get("LOG_LEVEL"))
        if mode == "off":
            raise switched_off(crawler, "OIT_PROGRESS is off")
        ext = cls(crawler, mode, s.getfloat("OIT_PROGRESS_INTERVAL"), sys.stderr,
                  s.get("OIT_LANG"))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext


    def _queued(self) -> int | None:
        """Requests waiting in the scheduler (Scrapy's own ``scheduler/*`` stats)."""
        stats = self.crawler.stats
        enqueued = stats.get_value("scheduler/enqueued")
        if enqueued is None:
            return None
        return max(0, enqueued - (stats.get_value("scheduler/dequeued") or 0))

    def spider_opened(self, spider: Any) -> None:
        # the run exists once the spider does (``scrapy crawl oit -a checklist=...`` builds
        # it from the spider's arguments), and not necessarily when extensions are built
        self.checklist = AuditRun.of(self.crawler).checklist
        self.counts = Counts([ItemMatcher(item) for item in self.checklist.items])
        if self.mode == "live":
            from rich.console import Console
            from rich.live import Live
            from rich.text import Text

            self._text = Text
            self._live = Live(Text(""), console=Console(file=self.stream),
                              refresh_per_second=4, transient=True)
            self._live.start()
        elif self.interval > 0:
            from twisted.internet import task

            self._loop = task.LoopingCall(self._log_line)
            self._loop.start(self.interval, now=False)

    def item_scraped(self, item: Any, spider: Any = None, **kwargs: Any) -> None:
        if self.counts is None or not isinstance(item, PageRecord):
            return
        self.counts.add(item)
        if self._live is not None:
            self._live.update(self._text("⏳ " + self.counts.line(self._queued(), self.th)))

    def _log_line(self, final: bool = False) -> None:
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        word = "done" if final else "progress"
        self.stream.write(f"{stamp} oit-audit {word}: {self.counts.line(self._queued(), False)}"
                          "\n")
        self.stream.flush()

    def spider_closed(self, spider: Any, reason: str = "") -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        if self._live is not None:
            self._live.stop()
            self._live = None
        if self.counts is not None and self.mode == "log":
            self._log_line(final=True)
