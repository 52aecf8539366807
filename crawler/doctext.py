"""Item pipeline: read each fetched document's text in a reader process with a memory limit,
without holding up the crawl.

The spider yields :class:`checklists.site.records.PendingDocument`; this pipeline looks the
bytes up in the content-hash text cache when ``OIT_TEXT_CACHE_DIR`` is set (on the reactor),
extracts the text of the others (PDF, office files, OCR of scans) in a child process
(:class:`crawler.documents.worker.WorkerPool`, ``RLIMIT_AS`` capped) charged to the audit's
document budget, keeps the text in the cache, and passes the completed :class:`PageRecord`
on.  On an asyncio loop (Scrapy's default reactor) the child's pipe is read by the loop
itself; with another reactor each document goes to a worker thread that waits for the child
(no more documents in threads at once than the pool has processes).

Settings: ``OIT_DOCUMENT_WORKERS`` (reader processes; 0 reads in the crawler's own process,
unbounded: only for tests of the extractors; the first starts with the first document, each
other one once a document has waited ``OIT_DOCUMENT_WORKER_START_AFTER`` seconds for a busy
reader), ``OIT_DOCUMENT_MEMORY_MB`` (per reader),
``OIT_DOCUMENT_TIME_LIMIT`` (seconds per document), ``OIT_DOCUMENTS_AUDIT_MB``,
``OIT_DOCUMENTS_AUDIT_OCR_PAGES`` and ``OIT_DOCUMENTS_AUDIT_SECONDS`` (per audit; 0: none).
"""

from __future__ import annotations

from typing import Any

from scrapy.utils.asyncio import is_asyncio_available
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import DeferredSemaphore
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
        # As many documents in worker threads as there are reader processes to read them;
        # the others wait here, on the reactor, not in a thread of their own. Ten threads
        # queued for one reader made about 16 thread wake-ups a document, each a fight for
        # the GIL with the crawl (crawl40: most of the audit's 8,000-18,000 voluntary
        # context switches a run on the benchmark's 5,245-page site).
        self._slots = DeferredSemaphore(reader.pool.size) if reader.pool is not None else None

    def _on_loop(self) -> bool:
        """Whether documents are read from the event loop itself: with reader processes and
        an asyncio loop (Scrapy's default reactor), the reader's pipe is watched by the loop
        and no thread takes part (``WorkerPool.read_async``); a thread took the GIL back
        from the crawl about six times a document (crawl40). Another reactor: threads."""
        return self._slots is not None and is_asyncio_available()

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
        reader = self.reader
        # The text cache is read and written here, on the reactor: in the worker thread each
        # of its file calls (open, mkdir, write, rename) gave the GIL back to the crawl and
        # waited to take it again.
        digest, doc = reader.cached(item.body, item.sha256)
        fresh = doc is None
        if doc is None and self._on_loop():
            doc = await reader.extract_async(item.body, item.content_type, url)
        elif doc is None:
            args = (reader.extract, item.body, item.content_type, url)
            doc = await maybe_deferred_to_future(
                deferToThread(*args) if self._slots is None
                else self._slots.run(deferToThread, *args))
        record.text, record.doc_status, record.doc_reason = reader.finish(digest, doc, fresh)
        return record
