"""Item pipeline: read each fetched document's text in a worker thread.

The spider yields :class:`checklists.site.records.PendingDocument`; this pipeline extracts the text
(PDF, office files, OCR of scans) off the reactor thread, through the content-hash text cache
when ``OIT_TEXT_CACHE_DIR`` is set, and passes the completed :class:`PageRecord` on.
"""

from __future__ import annotations

from typing import Any

from twisted.internet.threads import deferToThread

from checklists.site.records import PageRecord, PendingDocument
from crawler.documents.cache import TextCache
from crawler.textdocs import read_document


class DocumentTextPipeline:
    """Fill ``text``, ``doc_status`` and ``doc_reason`` of pending documents."""

    def __init__(self, cache: Any, stats: Any) -> None:
        self.cache = cache
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> DocumentTextPipeline:
        cache = None
        if crawler.settings.get("OIT_TEXT_CACHE_DIR"):
            cache = TextCache(crawler.settings.get("OIT_TEXT_CACHE_DIR"))
        return cls(cache, crawler.stats)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if not isinstance(item, PendingDocument):
            return item
        record = item.record
        url = record.final_url or record.url

        def done(result: tuple[str, str, str]) -> PageRecord:
            record.text, record.doc_status, record.doc_reason = result
            return record

        return deferToThread(read_document, item.body, item.content_type, url, self.cache,
                             self.stats).addCallback(done)
