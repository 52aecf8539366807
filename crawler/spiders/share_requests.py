"""Follow file-sharing links (Google Drive/Docs, OneDrive) to the file's content.

A mixin of the ``oit`` spider: a sharing link found on the site becomes one request for the
file's bytes (or a folder's listing), through Scrapy's downloader like every other request.
The record keeps the link's own URL, so the engine finds it; a sign-in wall makes it
``login_required``.  The hosts are configuration (``OIT_SHARING_HOSTS``), so tests and the
demo point them at a local server while the same code runs against the real hosts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse

from checklists.site.records import PageRecord, PendingDocument
from crawler.documents.sharing import (
    SharedLink,
    SharingHosts,
    classify_shared_link,
    confirm_download_url,
    is_login_page,
    list_folder_files,
)

MAX_CONFIRM_HOPS = 2


def sharing_hosts(overrides: dict[str, Any] | None) -> SharingHosts:
    """SharingHosts with the configured overrides (tuples for the multi-host fields)."""
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in (overrides or {}).items()}
    return SharingHosts(**values)



def own_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """The request meta a follow-up request carries on: ours and the crawl depth, never
    Scrapy's per-download keys (``download_latency``, ``redirect_urls``...)."""
    return {k: v for k, v in meta.items() if k.startswith("oit_") or k in (
        "depth", "download_maxsize", "handle_httpstatus_list")}

class SharedLinksMixin:
    """Requests and callbacks for sharing links; needs the spider's ``_record``."""

    sharing: SharingHosts
    fetch_shared: bool
    max_folder_files: int
    document_max_bytes: int

    def shared_request(self, url: str, meta: dict[str, Any], priority: int) -> \
            scrapy.Request | None:
        """A request for the content behind a sharing link (None: not a sharing link)."""
        if not self.fetch_shared:
            return None
        link = classify_shared_link(url, self.sharing)
        if link is None:
            return None
        return self._shared(link, url, meta, priority)

    def _shared(self, link: SharedLink, origin: str, meta: dict[str, Any],
                priority: int = 0) -> scrapy.Request:
        meta = {**meta, "oit_kind": "external", "oit_origin": origin, "oit_shared": link.kind,
                "download_maxsize": self.document_max_bytes}
        return scrapy.Request(link.content_url or link.view_url, callback=self.parse_shared,
                              errback=self.on_error, meta=meta, priority=priority,
                              dont_filter=True)

    def parse_shared(self, response: Response) -> Iterator[Any]:
        meta = response.meta
        origin = meta["oit_origin"]
        record: PageRecord = self._record(response, "external")
        record.url = origin
        ctype = record.content_type.split(";")[0].strip().lower()
        body_text = response.text if isinstance(response, TextResponse) else None
        if is_login_page(response.url, body_text, self.sharing):
            record.error = "login_required"
            yield record
            return
        if response.status >= 400:
            yield record
            return
        if body_text is not None and ctype in ("text/html", ""):
            confirm = confirm_download_url(body_text, response.url)
            if confirm and meta.get("oit_confirm_hops", 0) < MAX_CONFIRM_HOPS:
                yield response.request.replace(
                    url=confirm, meta={**own_meta(meta), "oit_confirm_hops":
                                       meta.get("oit_confirm_hops", 0) + 1})
                return
            if meta.get("oit_shared") == "drive_folder":
                yield from self._folder(record, body_text, response)
                return
            again = classify_shared_link(response.url, self.sharing)
            if again is not None and again.content_url and meta.get("oit_shared") == "onedrive" \
                    and not meta.get("oit_resolved"):
                yield self._shared(again, origin, {**own_meta(meta), "oit_resolved": True})
                return
        record.kind = "document"
        yield PendingDocument(record, response.body, record.content_type, record.sha256)

    def _folder(self, record: PageRecord, html: str, response: Response) -> Iterator[Any]:
        """A shared folder is a page whose links are its files; each file is fetched."""
        files = list_folder_files(html, response.url, self.sharing)
        record.kind = "page"
        record.links = [{"url": view, "text": title, "context": "", "heading": "",
                         "tag": "a"} for title, view in files]
        yield record
        for title, view in files[: self.max_folder_files]:
            link = classify_shared_link(view, self.sharing)
            if link is not None and link.kind != "drive_folder":
                yield self._shared(link, view, {"oit_referer": record.url,
                                                "oit_link_text": title})
