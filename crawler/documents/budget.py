"""What one audit may spend reading documents, across all its documents.

Per document, :class:`~crawler.documents.model.DocLimits` caps size, pages, OCR pages, text
and time, and the reader process's memory (worker.py).  Per audit, this budget caps the bytes
read, the text they decompress to, the pages rendered for OCR and the seconds spent, so a site of many heavy documents
cannot keep the audit busy for hours: once spent, further documents are not read (status
'budget', so their items are 'unverified', never passed on a link text alone).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace

from .model import DocLimits, DocText, result


@dataclass(frozen=True)
class BudgetLimits:
    """Totals for one audit (0: no limit)."""

    max_bytes: int = 1024 * 1024 * 1024
    max_ocr_pages: int = 200
    max_seconds: float = 1800.0
    max_text_chars: int = 100_000_000  # text extracted from all documents together


class AuditBudget:
    """Thread-safe account of what the audit's documents have cost so far."""

    def __init__(self, limits: BudgetLimits = BudgetLimits()) -> None:  # noqa: B008
        self.limits = limits
        self.bytes = 0
        self.ocr_pages = 0
        self.seconds = 0.0
        self.text_chars = 0
        self.refused = 0
        self._lock = threading.Lock()

    def _spent(self) -> str:
        lim = self.limits
        if lim.max_bytes and self.bytes >= lim.max_bytes:
            return f"{self.bytes} bytes read (limit {lim.max_bytes})"
        if lim.max_seconds and self.seconds >= lim.max_seconds:
            return f"{self.seconds:.0f} s spent (limit {lim.max_seconds:g})"
        if lim.max_text_chars and self.text_chars >= lim.max_text_chars:
            return f"{self.text_chars} characters of text (limit {lim.max_text_chars})"
        return ""

    def admit(self, size: int, limits: DocLimits) -> tuple[DocLimits | None, DocText | None]:
        """The limits to read a document of ``size`` bytes with, or the DocText refusing it."""
        with self._lock:
            spent = self._spent()
            if not spent and self.limits.max_bytes and self.bytes + size > self.limits.max_bytes:
                spent = f"{self.bytes} + {size} bytes (limit {self.limits.max_bytes})"
            if spent:
                self.refused += 1
                return None, result("", 0, "none", "budget", meta={"detail": spent})
            self.bytes += size
            if self.limits.max_ocr_pages:
                left = max(0, self.limits.max_ocr_pages - self.ocr_pages)
                limits = replace(limits, ocr_page_limit=min(limits.ocr_page_limit, left))
            return limits, None

    def charge(self, doc: DocText, started: float) -> None:
        """Account a document once read (started: its ``time.monotonic()`` start)."""
        with self._lock:
            self.seconds += time.monotonic() - started
            self.ocr_pages += int(doc.meta.get("ocr_pages", 0) or 0)
            self.text_chars += len(doc.text)
