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

A nightly re-audit (the HTTP cache on, ``--db``) remembers how the last crawl of the site
ended (:data:`LAST_CRAWL`, beside the site's HTTP cache): whether its checks decided, for
which checklist and fiscal year, and a digest of each record it judged (address, status,
body digest, error).  When the last crawl ended with some item not passing, a check whose
records all came out of that crawl unchanged is skipped: it judges a part of what the last
crawl judged in whole and found short, so it could only decide where the records alone
never did (a judging that is not monotonic in its records), and skipping it only lets the
crawl go on as the last one did, never changing a verdict it reached.  A record that is new
or changed (a ``200`` with other bytes, a new address, another status) brings the checks
back.  On an unchanged site with gaps this is every check: about a tenth of a re-audit's
CPU (tests/benchmarks/nightly_rerun.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import time
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro

from checklists.atomicfile import write_text
from checklists.engine import Judge, audit
from checklists.site import health
from checklists.site.records import PageRecord
from checklists.site.snapshot import CrawlInfo, Snapshot
from crawler.component import switched_off
from crawler.runcontext import AuditRun

logger = logging.getLogger(__name__)
STOP_REASON = "all_items_decided"
LAST_CRAWL = "focus-last.json"  # in the site's HTTP cache folder (see the module's text)


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
        self.cache_dir = ""  # the site's HTTP cache folder (a re-audit's memory), or ""
        self.seen: set[str] = set()  # record_key of every record of this crawl
        self.known: frozenset[str] = frozenset()  # those of the last crawl, which fell short
        self.unchanged = False  # every record so far is one of ``known``

    @classmethod
    def from_crawler(cls, crawler: Any) -> FocusStop:
        s = crawler.settings
        if not (s.getbool("OIT_FOCUSED") and s.getbool("OIT_FOCUS_STOP")):
            raise switched_off(crawler, "not a focused crawl, or OIT_FOCUS_STOP is off")
        ext = cls(crawler, s.getint("OIT_FOCUS_CHECK_FIRST"), s.getint("OIT_FOCUS_CHECK_MAX"),
                  s.getfloat("OIT_FOCUS_CHECK_SHARE"))
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.attach, signal=signals.spider_opened)
        if s.getbool("HTTPCACHE_ENABLED") and s.get("HTTPCACHE_DIR"):
            ext.cache_dir = str(s.get("HTTPCACHE_DIR"))
            crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
            crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def attach(self, spider: Any) -> None:
        spider.links_read = self.links_read  # asked once the spider has nothing left to do

    def links_read(self, spider: Any) -> set[str]:
        """The links whose pages could change the verdicts on this crawl's records (the
        candidates not fetched that could, read, be taken over their item's evidence,
        :meth:`checklists.engine.Judge.links_read`), asked by the spider once it has nothing
        left to fetch or explore: it fetches those it held back.  A held-back link is judged
        by its text alone, its page by what the page says (a date that makes it stale, words
        that make it score higher), so without them the crawl and a judging of the whole
        site (tests/realworld/test_site.py) took different evidence pages for an item
        (model43: a news item's posts past ``OIT_FOCUS_PER_ITEM``, one stale by its page and
        unverified by its link); a candidate its item's evidence outranks whatever its page
        says is left (crawl44: model43 fetched every candidate, 0.14 of the generated
        benchmark site's pages for the verdicts 0.014 reached), unless another item could
        take the page (crawl45: a post held back as a decided item's was headed by another
        item's code; so while an item is short, every candidate is read).  Empty once every item passes, past
        ``OIT_FOCUS_CHECK_MAX`` records (they are no longer all kept) and with ``--checklist
        auto``."""
        run = AuditRun.of(self.crawler)
        if self.decided or run.auto or not self.records or len(self.records) >= self.most:
            return set()
        start = time.monotonic()
        snapshot = Snapshot(self.records, spider.crawl_info())
        snapshot.page_memo = run.page_memo()
        if not health.assess(snapshot).ok:
            return set()
        links = Judge(run.checklist, snapshot, run.fiscal_year or None).links_read(run.as_of)
        self.spent += time.monotonic() - start
        return links

    def spider_opened(self, spider: Any) -> None:
        self.known = short_records(self.cache_dir, self._scope())
        self.unchanged = bool(self.known)

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Remember how this crawl ended for the next one (a stopped or cut crawl's
        records are a part of the site: the memory is kept only for a crawl that ended)."""
        if reason in ("finished", STOP_REASON):
            keep_last_crawl(self.cache_dir, self._scope(),
                            self.decided or reason == STOP_REASON, self.seen)

    def _scope(self) -> str:
        """What the memory holds for: the checklist and the fiscal year judged."""
        run = AuditRun.of(self.crawler)
        return f"{run.checklist_ref}|{run.checklist.id}|{run.checklist.version}|" \
               f"{run.assessed_year}"

    def item_scraped(self, item: Any, spider: Any) -> None:
        if not isinstance(item, PageRecord):
            return
        if self.cache_dir:
            key = record_key(item)
            self.seen.add(key)
            self.unchanged = self.unchanged and key in self.known
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
        if self.unchanged:  # a part of the last crawl's records, which fell short
            self.crawler.stats.inc_value("focus/checks_skipped_unchanged")
            return
        start = time.monotonic()
        self.crawler.stats.inc_value("focus/checks")
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


def record_key(rec: PageRecord) -> str:
    """What a check reads of a record's identity: its address, status, body and error."""
    raw = "\0".join((rec.url, rec.final_url, str(rec.status), rec.sha256, rec.error,
                     rec.doc_status))
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=10).hexdigest()


def short_records(cache_dir: str, scope: str) -> frozenset[str]:
    """The record keys of the last crawl of the site when it ended with some item not
    passing, for the same ``scope``; empty otherwise (none kept, unreadable, decided)."""
    try:
        kept = json.loads((Path(cache_dir) / LAST_CRAWL).read_text(encoding="utf-8"))
        if kept["scope"] != scope or kept["decided"]:
            return frozenset()
        return frozenset(str(k) for k in kept["records"])
    except (OSError, ValueError, TypeError, KeyError):
        return frozenset()


def keep_last_crawl(cache_dir: str, scope: str, decided: bool, records: set[str]) -> None:
    """Keep how this crawl ended for the next one (best effort; written whole or not)."""
    path = Path(cache_dir) / LAST_CRAWL
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, json.dumps({"scope": scope, "decided": decided,
                                     "records": sorted(records)}))
