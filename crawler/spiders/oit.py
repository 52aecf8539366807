"""The ``oit`` spider: walk an office website from its home page and record what it sees.

It navigates and records (pages, documents, external links); it never judges.  Judging is
done by ``checklists.engine`` on the finished crawl, through ``crawler.pipelines``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure
from w3lib.url import canonicalize_url

from crawler import failures, scope
from crawler.items import PageRecord
from crawler.login import is_login_wall
from crawler.pages import read_page
from crawler.textdocs import read_document


# Error responses reach the callback (to be recorded); redirects are still followed.
ERROR_STATUSES = list(range(400, 600))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def normalize_start_url(raw: str) -> tuple[list[str], str]:
    """Start URLs to try, in order: a URL without a scheme is tried as https then http."""
    raw = raw.strip()
    if raw.startswith(("http://", "https://")):
        return [raw], ""
    return [f"https://{raw}", f"http://{raw}"], "no_scheme"


class OitSpider(scrapy.Spider):
    """Crawl one site within the page and depth limits of the ``OIT_*`` settings."""

    name = "oit"
    custom_settings: dict[str, Any] = {}

    def __init__(self, start_url: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not start_url:
            raise ValueError("ต้องระบุ start_url (usage: scrapy crawl oit -a start_url=URL)")
        self.start_candidates, self.scheme_note = normalize_start_url(start_url)
        self.start_url = self.start_candidates[0]
        self.site = scope.SiteScope(self.start_url)
        self.home_url = ""
        self.seen: set[str] = set()
        self.pages_scheduled = 0
        self.documents_scheduled = 0
        self.external_scheduled = 0
        self.limits_hit: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> OitSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        s = crawler.settings
        spider.max_pages = int(kwargs.get("max_pages") or s.getint("OIT_MAX_PAGES"))
        spider.max_depth = int(kwargs.get("max_depth") or s.getint("OIT_MAX_DEPTH"))
        spider.max_documents = s.getint("OIT_MAX_DOCUMENTS")
        spider.max_external = s.getint("OIT_MAX_EXTERNAL")
        spider.check_external = s.getbool("OIT_CHECK_EXTERNAL")
        spider.document_max_bytes = s.getint("OIT_DOCUMENT_MAX_BYTES")
        spider.external_max_bytes = s.getint("OIT_EXTERNAL_MAX_BYTES")
        spider.hint_words = tuple(w.lower() for w in s.getlist("OIT_PRIORITY_WORDS"))
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield self._home_request(0)

    def _home_request(self, attempt: int) -> scrapy.Request:
        url = self.start_candidates[attempt]
        self.seen.add(canonicalize_url(url))
        return scrapy.Request(
            url, callback=self.parse, errback=self.on_error, dont_filter=True, priority=100,
            meta={"oit_kind": "page", "oit_home": True, "oit_attempt": attempt,
                  "handle_httpstatus_list": ERROR_STATUSES},
        )

    # -- responses -------------------------------------------------------------------------

    def parse(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        kind = meta.get("oit_kind", "page")
        if meta.get("oit_home"):
            self.home_url = response.url
            self.site.add(response.url)  # a same-site redirect of home (www, https) is the site
            if self.scheme_note:
                self.scheme_note = f"used {response.url.split(':')[0]}"
        record = self._record(response, kind)
        ctype = response.headers.get(b"Content-Type", b"").decode("latin-1")
        if kind != "external" and not self.site.contains(response.url) and not meta.get(
                "oit_home"):
            kind = record.kind = "external"  # redirected off the site: check only
        if isinstance(response, TextResponse) and (scope.is_html(ctype) or not ctype):
            page = read_page(response.body, response.url, response.encoding)
            record.title, record.headings = page.title, page.headings
            record.post_date = page.post_date
            record.links = [link.as_dict() for link in page.links] if kind != "external" else []
            record.text = page.text if kind != "external" else page.text[:2000]
            if is_login_wall(record.url, response.url, page.has_password_field) and \
                    not meta.get("oit_home"):
                record.error = "login_required"
            if kind == "document":
                record.kind = "page"  # a document link that serves HTML is a page
            yield record
            if record.kind == "page" and 200 <= record.status < 300 and not record.error:
                yield from self._follow(response, page.links)
            return
        if kind != "external" and response.status < 400:
            record.kind = "document"
            doc = read_document(response.body, ctype, response.url)
            record.text, record.doc_status, record.doc_reason = doc
        elif is_login_wall(record.url, response.url, False):
            record.error = "login_required"
        yield record

    def on_error(self, failure: Failure) -> Iterator[Any]:
        request = failure.request
        meta = request.meta
        cause = failures.classify(failure)
        if meta.get("oit_home") and meta["oit_attempt"] + 1 < len(self.start_candidates) \
                and cause != "robots":
            yield self._home_request(meta["oit_attempt"] + 1)
            return
        yield PageRecord(
            url=request.url, final_url=request.url, kind=meta.get("oit_kind", "page"),
            status=0, depth=meta.get("depth", 0), fetched_at=_now(),
            referer=meta.get("oit_referer", ""), link_text=meta.get("oit_link_text", ""),
            error=cause, error_detail=str(failure.value)[:300],
        )

    # -- helpers ---------------------------------------------------------------------------

    def _record(self, response: Response, kind: str) -> PageRecord:
        headers = response.headers
        meta = response.meta
        return PageRecord(
            url=response.request.meta.get("redirect_urls", [response.url])[0],
            final_url=response.url, kind=kind, status=response.status,
            depth=meta.get("depth", 0), fetched_at=_now(),
            referer=meta.get("oit_referer", ""), link_text=meta.get("oit_link_text", ""),
            content_type=headers.get(b"Content-Type", b"").decode("latin-1"),
            size=len(response.body),
            last_modified=headers.get(b"Last-Modified", b"").decode("latin-1"),
            etag=headers.get(b"ETag", b"").decode("latin-1"),
            redirects=list(meta.get("redirect_urls", [])),
        )

    def _priority(self, url: str, text: str) -> int:
        blob = f"{url} {text}".lower()
        return 10 if any(w in blob for w in self.hint_words) else 0

    def _follow(self, response: Response, links: list[Any]) -> Iterator[scrapy.Request]:
        depth = response.meta.get("depth", 0)
        for link in links:
            key = canonicalize_url(link.url)
            if key in self.seen or scope.is_skipped_url(link.url):
                continue
            meta = {"oit_referer": response.url, "oit_link_text": link.text,
                    "handle_httpstatus_list": ERROR_STATUSES}
            priority = self._priority(link.url, f"{link.text} {link.context}")
            if not self.site.contains(link.url):
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
            yield scrapy.Request(link.url, callback=self.parse, errback=self.on_error,
                                 meta=meta, priority=priority)
