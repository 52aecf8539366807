"""Bridge from a fetched document to its text, through :mod:`crawler.documents`."""

from __future__ import annotations

from crawler.scope import file_name


def read_document(body: bytes, content_type: str, url: str) -> tuple[str, str, str]:
    """(text, extraction status, Thai reason) for a downloaded document."""
    from crawler.documents import extract_text  # heavy imports only when a document arrives

    doc = extract_text(body, content_type=content_type or None, filename=file_name(url))
    reason = "" if doc.status == "ok" else f"{doc.reason_th} ({doc.reason_en})"
    return doc.text, doc.status, reason
