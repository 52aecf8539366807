"""Bridge from a fetched document to its text, through :mod:`crawler.documents`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from checklists.site.scope import file_name
from crawler.documents import DocLimits, DocText, extract_text
from crawler.documents.budget import AuditBudget
from crawler.documents.cache import TextCache, sha256_hex
from crawler.documents.worker import WorkerPool

# Outcomes that depend on this machine or this moment (OCR installed, CPU time, memory, the
# audit's budget): read the document again next time instead of remembering them.
UNCACHED_STATUSES = frozenset({"ocr_unavailable", "image_only", "timeout", "memory", "crashed",
                               "budget"})


@dataclass(frozen=True)
class DocumentReader:
    """How an audit reads its fetched documents; each part is optional.

    With a :class:`crawler.documents.cache.TextCache`, a document whose bytes were read
    before (any URL, any earlier run) is not read again.  With a
    :class:`crawler.documents.worker.WorkerPool` the document is read in a child process
    under a memory limit; with a :class:`crawler.documents.budget.AuditBudget` the audit's
    totals are charged (and a document past them is not read); ``limits`` are the
    per-document ones; ``stats`` (Scrapy's collector) counts cache hits and failures.
    """

    cache: TextCache | None = None
    stats: Any = None
    pool: WorkerPool | None = None
    budget: AuditBudget | None = None
    limits: DocLimits = field(default_factory=DocLimits)

    def close(self) -> None:
        """Stop the reader processes."""
        if self.pool is not None:
            self.pool.close()

    def read(self, body: bytes, content_type: str, url: str,
             sha256: str = "") -> tuple[str, str, str]:
        """(text, extraction status, Thai reason) for a downloaded document (``sha256``: the
        body's hex digest when the caller has it, the text cache's key).  The three steps
        apart: :meth:`cached`, :meth:`extract` (what the audit runs in a worker thread),
        :meth:`finish`."""
        digest, doc = self.cached(body, sha256)
        fresh = doc is None
        if doc is None:
            doc = self.extract(body, content_type, url)
        return self.finish(digest, doc, fresh)

    def cached(self, body: bytes, sha256: str = "") -> tuple[str, DocText | None]:
        """The text cache's key for ``body`` and the text kept under it (None: not kept, or
        no cache)."""
        cache = self.cache
        if cache is None:
            return "", None
        digest = sha256 or sha256_hex(body)
        doc = cache.get(digest)
        if self.stats is not None:
            self.stats.inc_value("oit/textcache/hit" if doc is not None else "oit/textcache/miss")
        return digest, doc

    def extract(self, body: bytes, content_type: str, url: str) -> DocText:
        """Read a document not in the cache: charged to the audit's budget (refused once it
        is spent), in a reader process when there is a pool."""
        limits, refused = self._admit(len(body))
        if refused is not None:
            return refused
        started = time.monotonic()
        read = self.pool.read if self.pool is not None else extract_text
        doc = read(body, content_type=content_type or None, filename=file_name(url),
                   limits=limits)
        if self.budget is not None:
            self.budget.charge(doc, started)
        return doc

    def _admit(self, size: int) -> tuple[DocLimits | None, DocText | None]:
        """The limits to read a document of ``size`` bytes with, or the budget's refusal."""
        if self.budget is None:
            return self.limits, None
        return self.budget.admit(size, self.limits)

    async def extract_async(self, body: bytes, content_type: str, url: str) -> DocText:
        """:meth:`extract` with the pool's :meth:`~WorkerPool.read_async`, on the running
        asyncio loop (the budget's clock runs from when a reader takes the document, as a
        worker thread's ran from when the thread did)."""
        assert self.pool is not None
        limits, refused = self._admit(len(body))
        if refused is not None:
            return refused
        started = [time.monotonic()]

        def lent() -> None:
            started[0] = time.monotonic()

        doc = await self.pool.read_async(body, content_type=content_type or None,
                                         filename=file_name(url), limits=limits, lent=lent)
        if self.budget is not None:
            self.budget.charge(doc, started[0])
        return doc

    def finish(self, digest: str, doc: DocText, fresh: bool = True) -> tuple[str, str, str]:
        """(text, extraction status, Thai reason) of ``doc``; one just read (``fresh``) is
        counted when it failed and kept in the text cache under ``digest`` when its outcome
        does not depend on this machine or moment."""
        if fresh:
            if self.stats is not None and doc.status != "ok":
                self.stats.inc_value(f"oit/documents/{doc.status}")
            if self.cache is not None and doc.status not in UNCACHED_STATUSES:
                try:
                    self.cache.put(digest, doc)
                except OSError:  # a full disk costs speed, never the audit
                    pass
        reason = "" if doc.status == "ok" else f"{doc.reason_th} ({doc.reason_en})"
        return doc.text, doc.status, reason
