"""Focused crawl: stop once every item is decided (and the exploration budget is spent).

While a focused crawl runs, the records seen so far are judged from time to time (after
``OIT_FOCUS_CHECK_FIRST`` records, then each time their number has doubled, and only while
this judging has taken less than ``OIT_FOCUS_CHECK_SHARE`` of the crawl's time): once
every item of the run's checklist passes, nothing more can be found that the verdicts need,
so the spider stops following new links, spends what is left of its exploration budget
(``OIT_FOCUS_EXPLORE``) and the crawl closes with the reason ``all_items_decided``; the
requests still queued are listed in the report as not visited. Only ``pass`` decides an
item: a missing, stale, broken or unverified item may still be found elsewhere, so a site
with a gap is crawled as far as the focus allows.

Off (``NotConfigured``) for a full crawl, with ``OIT_FOCUS_STOP`` false, and with
``--checklist auto`` (the checklist is chosen from the finished crawl). A focused crawl is
small; past ``OIT_FOCUS_CHECK_MAX`` records it is no longer judged on the way.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro

from checklists.engine import audit
from checklists.site.records import PageRecord
from checklists.site.snapshot import CrawlInfo, Snapshot
from crawler.component import switched_off
from crawler.runcontext import AuditRun

logger = logging.getLogger(__name__)
STOP_REASON = "all_items_decided"


def all_pass(run: AuditRun, records: list[PageRecord], info: CrawlInfo) -> bool:
    """Whether every item of the run's checklist passes on ``records`` (pure)."""
    snapshot = Snapshot(records, info)
    snapshot.page_memo = run.page_memo()  # pages already read at the last check are not read again
    verdicts = audit(run.checklist, snapshot, run.as_of, run.fiscal_year or None)
    return verdicts.complete and bool(verdicts.results) and \
        all(r.verdict == "pass" for r in verdicts.results)


class FocusStop:
    """Judge a focused crawl on the way; tell the spider when every item is decided."""

    def __init__(self, crawler: Any, first: int, most: int, share: float) -> None:
        self.crawler = crawler
        self.records: list[PageRecord] = []
        self.next_check = first
        self.most = most
        self.share = share
        self.started = time.monotonic()
        self.spent = 0.0  # seconds spent judging on the way
        self.decided = False
        self.stopping = False

    @classmethod
    def from_crawler(cls, crawler: Any) -> FocusStop:
        s = crawler.settings
        if not (s.getbool("OIT_FOCUSED") and s.getbool("OIT_FOCUS_STOP")):
            raise switched_off(crawler, "not a focused crawl, or OIT_FOCUS_STOP is off")
        ext = cls(crawler, s.getint("OIT_FOCUS_CHECK_FIRST"), s.getint("OIT_FOCUS_CHECK_MAX"),
                  s.getfloat("OIT_FOCUS_CHECK_SHARE"))
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        return ext

    def item_scraped(self, item: Any, spider: Any) -> None:
        if not isinstance(item, PageRecord):
            return
        if self.decided:
            if not spider.exploring:  # the exploration budget is spent: stop
                self._stop()
            return
        if len(self.records) >= self.most:
            return
        self.records.append(item)
        if len(self.records) < self.next_check:
            return
        self.next_check = len(self.records) * 2
        run = AuditRun.of(self.crawler)
        if run.auto or self.spent > self.share * (time.monotonic() - self.started):
            return
        start = time.monotonic()
        passed = all_pass(run, self.records, spider.crawl_info())
        self.spent += time.monotonic() - start
        if not passed:
            return
        self.decided = True
        self.records = []
        logger.info("focused crawl: every item passes after %d records; exploring, then "
                    "stopping", self.crawler.stats.get_value("item_scraped_count", 0))
        self.crawler.stats.set_value("focus/decided_at_records",
                                     self.crawler.stats.get_value("item_scraped_count", 0))
        if not spider.decide():  # nothing left to explore
            self._stop()

    def _stop(self) -> None:
        if not self.stopping:  # the requests in flight finish; those queued are dropped
            self.stopping = True
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=STOP_REASON))
