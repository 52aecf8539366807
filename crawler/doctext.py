"""Item pipeline: read each fetched document's text off the reactor thread, in a reader
process with a memory limit.

The spider yields :class:`checklists.site.records.PendingDocument`; this pipeline extracts the text
(PDF, office files, OCR of scans) in a worker thread that hands the bytes to a child process
(:class:`crawler.documents.worker.WorkerPool`, ``RLIMIT_AS`` capped), through the
content-hash text cache when ``OIT_TEXT_CACHE_DIR`` is set, charges the audit's document
budget, and passes the completed :class:`PageRecord` on.

Settings: ``OIT_DOCUMENT_WORKERS`` (reader processes; 0 reads in the crawler's own process,
unbounded: only for tests of the extractors; the first starts with the first document, each
other one once a document has waited ``OIT_DOCUMENT_WORKER_START_AFTER`` seconds for a busy
reader), ``OIT_DOCUMENT_MEMORY_MB`` (per reader),
``OIT_DOCUMENT_TIME_LIMIT`` (seconds per document), ``OIT_DOCUMENTS_AUDIT_MB``,
``OIT_DOCUMENTS_AUDIT_OCR_PAGES`` and ``OIT_DOCUMENTS_AUDIT_SECONDS`` (per audit; 0: none).
"""

from __future__ import annotations

from typing import Any

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from checklists.site.records import PendingDocument
from crawler.documents import DocLimits
from crawler.documents.budget import AuditBudget, BudgetLimits
from crawler.documents.cache import TextCache
from crawler.documents.fetched import DocumentReader
from crawler.documents.worker import START_AFTER_S, WorkerPool


def document_reader(settings: Any, stats: Any = None) -> DocumentReader:
    """The document reader the ``OIT_DOCUMENT*`` settings describe."""
    s = settings
    cache_dir = s.get("OIT_TEXT_CACHE_DIR")
    workers = s.getint("OIT_DOCUMENT_WORKERS", 2)
    return DocumentReader(
        cache=TextCache(cache_dir) if cache_dir else None,
        stats=stats,
        pool=WorkerPool(workers, s.getint("OIT_DOCUMENT_MEMORY_MB", 1024),
                        s.getfloat("OIT_DOCUMENT_WORKER_START_AFTER", START_AFTER_S))
        if workers else None,
        budget=AuditBudget(BudgetLimits(
            max_bytes=s.getint("OIT_DOCUMENTS_AUDIT_MB", 1024) * 1024 * 1024,
            max_ocr_pages=s.getint("OIT_DOCUMENTS_AUDIT_OCR_PAGES", 200),
            max_seconds=s.getfloat("OIT_DOCUMENTS_AUDIT_SECONDS", 1800.0))),
        limits=DocLimits(max_bytes=s.getint("OIT_DOCUMENT_MAX_BYTES", 30 * 1024 * 1024),
                         time_limit_s=s.getfloat("OIT_DOCUMENT_TIME_LIMIT", 30.0)))


class DocumentTextPipeline:
    """Fill ``text``, ``doc_status`` and ``doc_reason`` of pending documents."""

    def __init__(self, reader: DocumentReader) -> None:
        self.reader = reader

    @classmethod
    def from_crawler(cls, crawler: Any) -> DocumentTextPipeline:
        return cls(document_reader(crawler.settings, crawler.stats))

    def close_spider(self) -> None:
        self.reader.close()

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, PendingDocument):
            return item
        record = item.record
        url = record.final_url or record.url
        record.text, record.doc_status, record.doc_reason = await maybe_deferred_to_future(
            deferToThread(self.reader.read, item.body, item.content_type, url, item.sha256))
        return record
