"""The ``oit`` spider: walk an office website from its home page and record what it sees.

It navigates and records (pages, documents, external links); it never judges.  The records
go to ``crawler.pipelines``; once the crawl has ended ``crawler.judging`` collects them with
:meth:`OitSpider.crawl_info` into a snapshot and judges it.  The requests it schedules are
counted in the namespaced stats ``oit/scheduled/<kind>`` (the progress display's queue).
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import scrapy
from cachetools import LRUCache
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Headers, Response, TextResponse
from twisted.python.failure import Failure
from w3lib.url import canonicalize_url as _canonicalize_url

from checklists.matching import is_missing_page
from checklists.site import scope
from checklists.site.records import PageRecord, PendingDocument
from checklists.site.snapshot import CrawlInfo
from checklists.wordings import matchers_for
from crawler import failures
from crawler.focus import (
    SCORE_HUB,
    SCORE_WORDING,
    FocusVocabulary,
    inherited,
    link_year,
    page_trail,
    page_year,
)
from crawler.login import is_login_wall
from crawler.readmemo import PageReader
from crawler.rendering import render_meta, render_need, renderer_status
from crawler.runcontext import AuditRun, SiteTarget
from crawler.spiders.share_requests import SharedLinksMixin, own_meta, sharing_hosts
from reports.labels import both

# Error responses reach the callback (to be recorded); redirects are still followed.
ERROR_STATUSES = list(range(400, 600))


@lru_cache(maxsize=8192)
def canonicalize_url(url: str) -> str:
    """w3lib's canonical form of ``url``, memoised: every page's menus offer the same links
    again, and canonicalising each was a tenth of following a page's links."""
    return _canonicalize_url(url)


# the names of the headers a record keeps, as Scrapy's Headers holds them (its own
# normalisation, "ETag" as b"Etag"): read straight from its dict (_header)
_CONTENT_TYPE, _LAST_MODIFIED, _ETAG = (Headers().normkey(name) for name in (
    b"Content-Type", b"Last-Modified", b"ETag"))


def _header(headers: Headers, key: bytes) -> str:
    """``headers.get(key, b"").decode("latin-1")`` of a header name normalised already
    (``Headers.get`` normalised the name and the default again for each of a response's
    three reads; issue 13, crawl48): its last value, "" when it has none."""
    values = dict.get(headers, key)
    return values[-1].decode("latin-1") if values else ""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _focus_vocabulary(settings: Any, run: AuditRun) -> FocusVocabulary:
    """The focused crawl's words: the run's checklist, every name of its items (the judging's
    matchers), the hub words and the fiscal years.  Built once per checklist, words and year
    in a process: the offices of a batch share it, and with it what it learnt of the link
    texts their menus repeat (``FocusVocabulary.names``)."""
    year = run.assessed_year
    matchers = matchers_for(run.checklist)
    words = tuple(settings.getlist("OIT_PRIORITY_WORDS"))
    key = (id(run.checklist), id(matchers), words, year)  # by identity, as matchers_for
    kept = _VOCABULARIES.get(key)
    if kept is None:  # the entry holds the checklist and matchers: their ids stay theirs
        kept = _VOCABULARIES[key] = (run.checklist, matchers, FocusVocabulary.build(
            run.checklist.items, words, (year, year - 1), matchers))
    return kept[2]


_VOCABULARIES: LRUCache[tuple[Any, ...], tuple[Any, Any, FocusVocabulary]] = LRUCache(maxsize=8)


class OitSpider(SharedLinksMixin, scrapy.Spider):
    """Crawl one site within the page and depth limits of the ``OIT_*`` settings."""

    name = "oit"
    custom_settings: dict[str, Any] = {}

    def __init__(self, start_url: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not start_url:
            raise ValueError(both("crawl", "no_start_url"))
        self.target = SiteTarget.from_start_url(start_url)
        self.start_candidates, self.scheme_note = self.target.candidates, self.target.scheme_note
        self.start_url = self.start_candidates[0]
        self.site = self.target.scope
        self.home_url = ""
        self.seen: set[str] = set()
        self.pages_scheduled = 0
        self.documents_scheduled = 0
        self.external_scheduled = 0
        self.limits_hit: set[str] = set()
        self.reader = PageReader()  # from_crawler gives it the run's page memo, when kept

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> OitSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        s = crawler.settings
        # the run's checklist and dates, loaded once (before any request): bound by the
        # runner, or built here from the settings and the -a arguments (scrapy crawl oit)
        run = AuditRun.of(crawler, kwargs)
        run.target = spider.target  # the middlewares and the browser read the site from the run
        spider.max_pages = int(kwargs.get("max_pages") or s.getint("OIT_MAX_PAGES"))
        spider.max_depth = int(kwargs.get("max_depth") or s.getint("OIT_MAX_DEPTH"))
        spider.max_documents = s.getint("OIT_MAX_DOCUMENTS")
        spider.max_external = s.getint("OIT_MAX_EXTERNAL")
        spider.check_external = s.getbool("OIT_CHECK_EXTERNAL")
        spider.document_max_bytes = s.getint("OIT_DOCUMENT_MAX_BYTES")
        spider.external_max_bytes = s.getint("OIT_EXTERNAL_MAX_BYTES")
        spider.hint_words = tuple(w.lower() for w in s.getlist("OIT_PRIORITY_WORDS"))
        spider.sharing = sharing_hosts(s.getdict("OIT_SHARING_HOSTS"))
        spider.fetch_shared = s.getbool("OIT_FETCH_SHARED")
        spider.max_folder_files = s.getint("OIT_MAX_FOLDER_FILES")
        spider.render_block = renderer_status(s)  # '' when script-built pages can be rendered
        spider.max_rendered = s.getint("OIT_MAX_RENDERED")
        spider.render_timeout_ms = s.getint("PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT") or 30_000
        spider.rendered_count = 0
        spider.render_signatures = set()
        spider.raw_pending = {}  # url -> (record, links, response) while a render is pending
        spider.focus = _focus_vocabulary(s, run) if s.getbool("OIT_FOCUSED") else None
        # a re-audit reads back the pages whose bytes did not change (kept memo only)
        spider.reader = PageReader(run.page_memo() if run.memo_file else None)
        spider.explore_budget = s.getint("OIT_FOCUS_EXPLORE")
        spider.explored = 0
        spider.focus_per_item = s.getint("OIT_FOCUS_PER_ITEM")
        spider.focus_items = {}  # item code -> pages scheduled for its wording alone
        spider.deferred = {}  # canonical URL -> (depth, order, url, text, referer), focused
        spider.queued = {}  # the same, for requests made and not yet answered (focused)
        spider.decided = False  # every item passes (crawler/focusstop.py): explore, then stop
        spider.exploring = set()  # canonical URLs of exploration requests not yet answered
        spider.assessed_year = run.assessed_year
        spider.other_years = {}  # links into another year's section, held back (focused)
        spider.assessed_seen = False  # the assessed year's section has a link naming an item
        spider.years_released = False  # no such section: the held links are fetched
        spider.links_read = None  # the links the verdicts read (crawler/focusstop.py), or None
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self._restore_state():
            return  # resumed: the job directory's queue holds the rest of the crawl
        yield self._home_request(0)

    # -- resume (JOBDIR) -------------------------------------------------------------------

    _STATE_FIELDS = ("seen", "pages_scheduled", "documents_scheduled", "external_scheduled",
                     "limits_hit", "home_url", "scheme_note", "site", "start_url", "deferred",
                     "explored", "focus_items", "queued", "decided", "exploring",
                     "other_years", "assessed_seen", "years_released")

    def _restore_state(self) -> bool:
        """Take up the counters of an interrupted crawl kept in ``self.state`` (Scrapy's
        SpiderState, with JOBDIR); True when there was one."""
        saved = getattr(self, "state", {}).get("oit")
        if not saved:
            return False
        for name in self._STATE_FIELDS:
            setattr(self, name, saved[name])
        return True

    def closed(self, reason: str) -> None:
        """Keep the counters for ``--resume`` (saved by SpiderState after this)."""
        self.keep_state()
        self.crawler.stats.set_value("oit/pages/read_back", self.reader.read_back)

    def keep_state(self) -> None:
        """Put the counters and what was seen in ``self.state`` (a shared crawl saves it
        while it runs, so that a worker killed outright leaves them behind)."""
        if isinstance(getattr(self, "state", None), dict):
            self.state["oit"] = {name: getattr(self, name) for name in self._STATE_FIELDS}

    def _home_request(self, attempt: int) -> scrapy.Request:
        url = self.start_candidates[attempt]
        self.seen.add(canonicalize_url(url))
        return scrapy.Request(
            url, callback=self.parse, errback=self.on_error, dont_filter=True, priority=100,
            meta={"oit_kind": "page", "oit_home": True, "oit_attempt": attempt,
                  "oit_focus": SCORE_WORDING, "handle_httpstatus_list": ERROR_STATUSES},
        )

    # -- responses -------------------------------------------------------------------------

    def parse(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        kind = meta.get("oit_kind", "page")
        self._answered(meta)
        if meta.get("oit_home"):
            self.home_url = response.url
            self.site.add(response.url)  # a same-site redirect of home (www, https) is the site
            if self.scheme_note:
                self.scheme_note = f"used {response.url.split(':')[0]}"
        record = self._record(response, kind)
        ctype = record.content_type
        if kind != "external" and not self._on_site(response.url) and not meta.get(
                "oit_home"):
            kind = record.kind = "external"  # redirected off the site: check only
        if isinstance(response, TextResponse) and (scope.is_html(ctype) or not ctype):
            page = self.reader.read(response.body, response.url, response.encoding,
                                    record.sha256)
            record.title, record.headings = page.title, page.headings
            record.post_date = page.post_date
            record.breadcrumb, record.categories = page.breadcrumb, page.categories
            record.links = [link.as_dict() for link in page.links] if kind != "external" else []
            record.text = page.text if kind != "external" else page.text[:2000]
            if is_login_wall(record.url, response.url, page.has_password_field) and \
                    not meta.get("oit_home"):
                record.error = "login_required"
            elif is_missing_page(page.title, page.text) and not meta.get("oit_home"):
                # answered 200 but says it is not there (a "soft 404": a moved or deleted
                # item's page on a WordPress or Joomla site): the link is broken, as a 404 is
                record.error = "not_found_page"
            if kind == "document":
                record.kind = "page"  # a document link that serves HTML is a page
            if meta.get("playwright"):
                self._rendered(record, meta)
            elif record.kind == "page" and 200 <= record.status < 300 and not record.error:
                render = self._render_request(response, page, record)
                if render is not None:  # record the page as the browser shows it
                    yield render
                    return
            yield record
            if record.kind == "page" and 200 <= record.status < 300 and not record.error:
                yield from self._follow(response, page.links, self._year_of(record, meta))
            return
        if kind != "external" and response.status < 400:
            record.kind = "document"
            # text read off-thread
            yield PendingDocument(record, response.body, ctype, record.sha256)
            return
        if is_login_wall(record.url, response.url, False):
            record.error = "login_required"
        yield record

    def on_error(self, failure: Failure) -> Iterator[Any]:
        request = failure.request
        meta = request.meta
        cause = failures.classify(failure)
        self._answered(meta)
        if meta.get("playwright") and meta.get("oit_raw_key") in self.raw_pending:
            record, links, response = self.raw_pending.pop(meta["oit_raw_key"])
            # after a stop (Ctrl-C, SIGTERM: the crawl no longer crawling) the browser may
            # have been closed with the audit (systemctl stop signals Chromium too): said
            # so, not "the browser could not load the page" (hygiene41)
            key = "render_failed" if self.crawler.crawling else "stopped"
            record.render_note = f"{key}: {str(failure.value)[:200]}"
            yield record  # the page as the server sent it
            yield from self._follow(response, links, self._year_of(record, meta))
            return
        if meta.get("oit_home") and meta["oit_attempt"] + 1 < len(self.start_candidates) \
                and cause != "robots":
            yield self._home_request(meta["oit_attempt"] + 1)
            return
        if cause == "offsite":
            return  # --no-external: a link leaving the site is not checked, not broken
        if cause == "redirect_seen":  # the target's own record tells what the link leads to
            chain = [*meta.get("redirect_urls", []), request.url]
            yield PageRecord(
                url=chain[0], final_url=failure.value.target, kind=meta.get("oit_kind", "page"),
                status=0, depth=meta.get("depth", 0), fetched_at=_now(),
                referer=meta.get("oit_referer", ""), link_text=meta.get("oit_link_text", ""),
                redirects=chain, same_as=failure.value.target)
            return
        detail = str(failure.value)[:300]
        if meta.get("oit_second_chance"):
            timeouts = ", ".join(f"{t:g}s" for t in meta.get("oit_timeouts", []))
            detail = f"gave up after {meta.get('oit_attempts', 2)} attempts " \
                     f"(timeouts {timeouts}): {detail}"
        chain = meta.get("redirect_urls", [])  # the link as found, then each hop
        yield PageRecord(
            url=chain[0] if chain else request.url, final_url=request.url,
            kind=meta.get("oit_kind", "page"), status=0, depth=meta.get("depth", 0),
            fetched_at=_now(), referer=meta.get("oit_referer", ""),
            link_text=meta.get("oit_link_text", ""), redirects=list(chain),
            error=cause, error_detail=detail,
        )

    # -- JavaScript rendering ----------------------------------------------------------------

    def _render_request(self, response: Response, page: Any,
                        record: PageRecord) -> scrapy.Request | None:
        """A browser request for a page whose menu or content is built by script (None:
        the HTML is enough, or rendering is unavailable and the record says why)."""
        need = render_need(response.body, page, response.encoding)
        if need is None or (need.menu_only and need.signature in self.render_signatures):
            return None  # a script-built menu shared by every page is rendered once
        self.render_signatures.add(need.signature)
        block = self.render_block or ("limit" if self.rendered_count >= self.max_rendered
                                      else "")
        if block:
            record.render_note = f"{block}: {need.describe()[1]}"
            return None
        self.rendered_count += 1
        self.raw_pending[response.url] = (record, page.links, response)
        meta = own_meta(response.meta)
        meta.update(render_meta(self.render_timeout_ms), oit_raw_key=response.url,
                    oit_render_reasons=list(need.reasons))
        return scrapy.Request(response.url, callback=self.parse, errback=self.on_error,
                              dont_filter=True, meta=meta, priority=response.request.priority)

    def _rendered(self, record: PageRecord, meta: Any) -> None:
        """Mark a browser-rendered record; it stands for the URL first requested."""
        record.rendered = True
        record.blocked = list(meta.get("oit_blocked") or [])
        raw = self.raw_pending.pop(meta.get("oit_raw_key"), None)
        if raw is not None:
            record.url, record.redirects = raw[0].url, raw[0].redirects

    # -- helpers ---------------------------------------------------------------------------

    def _record(self, response: Response, kind: str) -> PageRecord:
        headers = response.headers
        meta = response.meta
        return PageRecord(
            url=response.request.meta.get("redirect_urls", [response.url])[0],
            final_url=response.url, kind=kind, status=response.status,
            depth=meta.get("depth", 0), fetched_at=_now(),
            referer=meta.get("oit_referer", ""), link_text=meta.get("oit_link_text", ""),
            content_type=_header(headers, _CONTENT_TYPE),
            size=len(response.body),
            last_modified=_header(headers, _LAST_MODIFIED),
            etag=_header(headers, _ETAG),
            sha256=hashlib.sha256(response.body).hexdigest(),
            redirects=list(meta.get("redirect_urls", [])),
        )

    def _on_site(self, url: str) -> bool:
        """``self.site.contains(url)`` (``scope.origin_key`` is memoised: each link's site
        is asked up to four times)."""
        return self.site.contains(url)

    def _priority(self, url: str, text: str) -> int:
        blob = f"{url} {text}".lower()
        return 10 if any(w in blob for w in self.hint_words) else 0

    def _year_of(self, record: PageRecord, meta: Any) -> int | None:
        """The assessment year of the section a page belongs to (focused crawl only)."""
        if self.focus is None:
            return None
        return page_year(record.breadcrumb, (record.headings or [""])[0], record.title,
                         record.final_url, meta.get("oit_year"))

    def _follow(self, response: Response, links: list[Any],
                year: int | None = None) -> Iterator[scrapy.Request]:
        depth = response.meta.get("depth", 0)
        parent_focus = response.meta.get("oit_focus", 0)
        if self.focus is None:  # a full crawl scores nothing (the trail is read only below)
            scored = [(0, "")] * len(links)
        else:
            scored = [self.focus.score(link.url, link.text, link.section)
                      if self._on_site(link.url) else (0, "") for link in links]
            content = [(own, item) for link, (own, item) in zip(links, scored, strict=True)
                       if link.area != "chrome" and self._on_site(link.url)]
            parent_focus = page_trail(parent_focus, [item for own, item in content
                                                     if own == SCORE_WORDING], len(content))
        for link, (own, item) in zip(links, scored, strict=True):
            key = canonicalize_url(link.url)
            if key in self.seen or scope.is_skipped_url(link.url):
                continue
            if self.decided:  # every item passes: nothing new is followed
                if self._on_site(link.url):
                    self.deferred.setdefault(key, (depth + 1, len(self.deferred), link.url,
                                                   link.text, response.url))
                continue
            meta = {"oit_referer": response.url, "oit_link_text": link.text,
                    "handle_httpstatus_list": ERROR_STATUSES}
            priority = self._priority(link.url, f"{link.text} {link.context}")
            if self.focus is not None and self._on_site(link.url):
                focus, trail = inherited(own, parent_focus, link.area)
                section = link_year(link.section, link.text, link.url, link.area, year,
                                    link.heading)
                if section == self.assessed_year:
                    self.assessed_seen = self.assessed_seen or self.focus.names_item(
                        link.url, f"{link.text} {link.context}", link.section)
                elif section and not self.years_released and focus:
                    # another year's section: judged only when the site has none of the
                    # assessed year's (fetched then, see on_idle)
                    self.other_years.setdefault(key, (depth + 1, len(self.other_years),
                                                      link.url, link.text, response.url,
                                                      focus, trail, section))
                    continue
                meta["oit_year"] = section
                # the cap counts the links followed for an item's wording alone: a link its
                # place already brings in (a hub's content link, named or not) is not one
                passed = inherited(0, parent_focus, link.area)[0]
                if item and own > passed and not scope.is_document_url(link.url):
                    if self.focus_items.get(item, 0) >= self.focus_per_item:
                        # enough pages for this item's wording: a wording's link on a hub
                        # keeps what its place gives it; one a click further (a news
                        # archive reached from the home page, its posts named by the news
                        # item's wording: nightly42) and a long title's hub word (a
                        # school's news posts, "คุณธรรม") nothing
                        focus = passed if own < SCORE_HUB and passed >= SCORE_WORDING else 0
                    else:
                        self.focus_items[item] = self.focus_items.get(item, 0) + 1
                if not focus:  # fetched only by the exploration budget, if at all
                    self.deferred.setdefault(key, (depth + 1, len(self.deferred), link.url,
                                                   link.text, response.url))
                    continue
                meta["oit_focus"] = trail
                priority += 10 * focus
            if not self._on_site(link.url):
                shared = self.shared_request(link.url, meta, priority)
                if shared is not None:  # a Drive/OneDrive file: fetch its content
                    self.seen.add(key)
                    yield shared
                    continue
                if not self.check_external:
                    continue
                if self.external_scheduled >= self.max_external:
                    self.limits_hit.add("max_external")
                    continue
                self.external_scheduled += 1
                meta.update(oit_kind="external", download_maxsize=self.external_max_bytes)
            elif scope.is_document_url(link.url):
                if self.documents_scheduled >= self.max_documents:
                    self.limits_hit.add("max_documents")
                    continue
                self.documents_scheduled += 1
                meta.update(oit_kind="document", download_maxsize=self.document_max_bytes)
            else:
                if depth + 1 > self.max_depth:
                    self.limits_hit.add("max_depth")
                    continue
                if self.pages_scheduled >= self.max_pages:
                    self.limits_hit.add("max_pages")
                    continue
                self.pages_scheduled += 1
                meta["oit_kind"] = "page"
            self.seen.add(key)
            self.deferred.pop(key, None)
            if self.focus is not None:
                self.queued[key] = (depth + 1, len(self.queued), link.url, link.text,
                                    response.url)
                meta["oit_key"] = key
            yield scrapy.Request(link.url, callback=self.parse, errback=self.on_error,
                                 meta=meta, priority=priority)

    # -- focused crawling ------------------------------------------------------------------

    def on_idle(self, spider: Any = None) -> None:
        """Every promising link is done: explore a few deferred links, pages before
        documents, shallowest first, within ``OIT_FOCUS_EXPLORE``."""
        if self.focus is None:
            return
        if self.other_years and not (self.assessed_seen or self.years_released
                                     or self.decided):
            self.years_released = True
            self._release_other_years()
            raise DontCloseSpider
        if self._explore(8, priority=-10):
            raise DontCloseSpider
        if self.links_read is not None and self._fetch_read(self.links_read(self)):
            raise DontCloseSpider

    def _fetch_read(self, urls: set[str]) -> int:
        """Fetch the held-back links among ``urls``, the links the verdicts could take (see
        :meth:`crawler.focusstop.FocusStop.links_read`), within the crawl's limits."""
        fetched = 0
        for url in sorted(urls):
            key = canonicalize_url(url)
            held = self.deferred.get(key)
            if held is None or key in self.seen:
                continue
            if scope.is_document_url(url):
                if self.documents_scheduled >= self.max_documents:
                    self.limits_hit.add("max_documents")
                    continue
            elif self.pages_scheduled >= self.max_pages:
                self.limits_hit.add("max_pages")
                continue
            depth, _, url, text, referer = held
            self.deferred.pop(key)
            self._schedule(key, depth, url, text, referer, 1000, {"oit_focus": 0})
            fetched += 1
        return fetched

    def _release_other_years(self) -> None:
        """No section of the assessed year was found: the judging weighs other years'
        evidence then, so the links held back into other years' sections are fetched."""
        for depth, _, url, text, referer, focus, trail, year in sorted(
                self.other_years.values()):
            key = canonicalize_url(url)
            if key in self.seen:
                continue
            self._schedule(key, depth, url, text, referer, 10 * focus,
                           {"oit_focus": trail, "oit_year": year})
        self.other_years = {}

    def decide(self) -> bool:
        """Every item passes (``crawler.focusstop``): follow nothing new and spend what is
        left of the exploration budget at once, before the requests still queued. False
        when there is nothing left to explore (the crawl may stop now)."""
        self.decided = True
        return self._explore(self.explore_budget, priority=1000) > 0

    def _explore(self, most: int, priority: int) -> int:
        """Schedule up to ``most`` deferred links within the exploration budget."""
        budget = min(self.explore_budget - self.explored, self.max_pages - self.pages_scheduled)
        waiting = sorted((scope.is_document_url(v[2]), *v) for k, v in self.deferred.items()
                         if k not in self.seen)
        batch = waiting[:max(0, min(budget, most))]
        for _, depth, _, url, text, referer in batch:
            key = canonicalize_url(url)
            self.deferred.pop(key, None)
            self.exploring.add(key)
            self.explored += 1
            self._schedule(key, depth, url, text, referer, priority,
                           {"oit_focus": 0, "oit_explored": True})
        return len(batch)

    def _schedule(self, key: str, depth: int, url: str, text: str, referer: str,
                  priority: int, extra: dict[str, Any]) -> None:
        """Fetch a link held back by the focused crawl (a page or a document)."""
        self.seen.add(key)
        meta = {"oit_referer": referer, "oit_link_text": text, "oit_key": key,
                "depth": depth, "handle_httpstatus_list": ERROR_STATUSES, **extra}
        if scope.is_document_url(url):
            self.documents_scheduled += 1
            meta.update(oit_kind="document", download_maxsize=self.document_max_bytes)
        else:
            self.pages_scheduled += 1
            meta["oit_kind"] = "page"
        self.crawler.engine.crawl(scrapy.Request(
            url, callback=self.parse, errback=self.on_error, priority=priority, meta=meta))

    def _answered(self, meta: Any) -> None:
        key = meta.get("oit_key")
        if key:
            self.queued.pop(key, None)
            self.exploring.discard(key)

    def crawl_info(self) -> CrawlInfo:
        """What the spider knows of how the crawl went: the start URL used, the limits in
        force and those hit, what the focused crawl left out (``crawler.judging`` adds the
        times, the finish reason and the network figures from Scrapy's stats)."""
        return CrawlInfo(
            start_url=self.start_url, home_url=self.home_url, scheme_note=self.scheme_note,
            limits={"max_pages": self.max_pages, "max_depth": self.max_depth,
                    "max_documents": self.max_documents, "max_external": self.max_external,
                    "check_external": self.check_external},
            limits_hit=sorted(self.limits_hit), focus=self.focus_summary())

    def focus_summary(self) -> dict[str, Any]:
        """What the focused crawl left out (for the report)."""
        if self.focus is None:
            return {"mode": "full"}
        # links passed over, and (stopped once every item passed) requests never made
        left = sorted(v for k, v in self.deferred.items() if k not in self.seen)
        other_years = sorted(v[:5] for k, v in self.other_years.items() if k not in self.seen)
        if self.decided:
            left += sorted(self.queued.values())
        left = other_years + left
        return {"mode": "focused", "explored": self.explored, "not_visited": len(left),
                "other_years": len(other_years), "decided": self.decided,
                "not_visited_sample": [{"url": url, "link_text": text, "found_on": referer}
                                       for _, _, url, text, referer in left[:20]]}
