"""A document that cannot be read cannot be an item's dated evidence (issue 12).

A year in the link text says what the office meant to publish, not what the file holds: a
corrupt, encrypted or booby-trapped file is ``broken`` (nobody can open it: the office must
replace it), and a file this audit could not read within its limits (too large, too slow, out
of memory, the reader crashed, the audit's document budget spent) is ``unverified`` (a person
should open it; a scan that could not be OCR-read is one of these).  Statuses are those of
``crawler.documents.model.STATUSES``.
"""

from __future__ import annotations

from dataclasses import dataclass

from checklists.words import pick

DAMAGED = frozenset({"encrypted", "corrupt", "bomb"})
NOT_READ = frozenset({"too_large", "timeout", "memory", "crashed", "budget", "image_only",
                      "ocr_unavailable"})


@dataclass(frozen=True)
class Unreadable:
    """The verdict and reasons for evidence whose document could not be read."""

    verdict: str
    reason_th: str
    reason_en: str


def split_reason(doc_reason: str) -> tuple[str, str]:
    """(Thai, English) of a record's "Thai reason (English reason)"; the English part is the
    first parenthesised ASCII tail, so an English reason may hold parentheses itself."""
    start = 0
    while (i := doc_reason.find(" (", start)) >= 0:
        tail = doc_reason[i + 2:]
        if tail.endswith(")") and tail.isascii():
            return doc_reason[:i], tail[:-1]
        start = i + 1
    return doc_reason, ""


def judge(doc_status: str, doc_reason: str) -> Unreadable | None:
    """``broken``/``unverified`` for an unreadable document, None for a readable one.

    ``doc_reason`` is the record's "Thai reason (English reason)".
    """
    if doc_status not in DAMAGED and doc_status not in NOT_READ:
        return None
    th, en = split_reason(doc_reason or "")
    th, en = th or doc_status, en or doc_status
    if doc_status in DAMAGED:
        return Unreadable("broken", pick("unreadable", "broken", "th", why=th),
                          pick("unreadable", "broken", "en", why=en))
    return Unreadable("unverified", pick("unreadable", "unverified", "th", why=th),
                      pick("unreadable", "unverified", "en", why=en))
