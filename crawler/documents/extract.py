"""extract_text: bytes in, DocText out; never raises."""

from __future__ import annotations

import logging

from .legacy import extract_doc, extract_xls
from .limits import Deadline
from .model import DocLimits, DocProblem, DocText, result
from .ocr import extract_image
from .office import extract_docx, extract_xlsx
from .pdf import extract_pdf
from .plaintext import extract_plain
from .sniff import sniff_kind

logger = logging.getLogger(__name__)

_METHOD_OF_KIND = {"pdf": "pdf", "docx": "docx", "xlsx": "xlsx", "xls": "xls", "doc": "doc",
                   "image": "image-ocr", "html": "text", "text": "text"}


def _dispatch(kind: str, data: bytes, limits: DocLimits, deadline: Deadline) -> DocText:
    if kind == "pdf":
        return extract_pdf(data, limits, deadline)
    if kind == "docx":
        return extract_docx(data, deadline)
    if kind == "xlsx":
        return extract_xlsx(data, deadline)
    if kind == "xls":
        return extract_xls(data, deadline)
    if kind == "doc":
        return extract_doc(data, deadline)
    if kind == "image":
        return extract_image(data, limits, deadline)
    if kind in ("html", "text"):
        return extract_plain(data, kind)
    return result("", 0, "none", "unsupported")


def extract_text(data: bytes, *, content_type: str | None = None, filename: str | None = None,
                 limits: DocLimits = DocLimits()) -> DocText:  # noqa: B008 - frozen dataclass
    """Extract normalized text from a document's bytes.

    Never raises: every failure is a DocText whose `status` says why (see model.REASONS) and
    whose meta carries 'kind' and, on failure, 'detail' (English, for logs).
    """
    data = bytes(data or b"")
    if len(data) > limits.max_bytes:
        doc = result("", 0, "none", "too_large",
                     meta={"bytes": len(data), "max_bytes": limits.max_bytes})
        doc.meta["kind"] = sniff_kind(data[:8192], content_type, filename)
        return doc
    kind = "unknown"
    try:
        kind = sniff_kind(data, content_type, filename)
        if not data:
            doc = result("", 0, "none", "empty")
        else:
            doc = _dispatch(kind, data, limits, Deadline(limits.time_limit_s))
    except DocProblem as exc:
        method = _METHOD_OF_KIND.get(kind, "none") if exc.text else "none"
        doc = result(exc.text, exc.pages, method, exc.status, reason=exc.reason,
                     meta={"detail": exc.detail} if exc.detail else {})
    except MemoryError:  # under the reader process's address-space limit (worker.py)
        doc = result("", 0, "none", "memory", meta={"detail": "MemoryError"})
    except Exception as exc:  # noqa: BLE001 - a damaged file must not stop the crawl
        logger.debug("document extraction failed", exc_info=True)
        doc = result("", 0, "none", "corrupt", meta={"detail": f"{type(exc).__name__}: {exc}"})
    doc.meta["kind"] = kind
    if len(doc.text) > limits.max_text_chars:
        doc.text = doc.text[: limits.max_text_chars]
        doc.meta["truncated"] = True
    return doc
