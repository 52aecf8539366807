"""Text that is shown to people: without bidi controls or NULs, and cut to a sane length.

A site can put a right-to-left override (U+202E) in a link text to make ``fdp.exe`` read as
``exe.pdf``, a NUL that truncates a cell in a spreadsheet program, or a 100,000-character
link text that swamps report.json, report.html and itas.csv (issue 12).  Everything the
reports show passes through :func:`clean` (and whole report documents through
:func:`clean_tree`); the crawler cuts link texts where it reads them.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls but tab/newline/CR, DEL, Arabic letter mark, LRM/RLM, the embeddings and
# overrides (U+202A-E), the isolates (U+2066-9) and a stray BOM; ZWSP (U+200B), which Thai
# text uses between words, stays.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e"
                     "\u2066-\u2069\ufeff]")
LINK_TEXT_MAX = 300  # a link text, heading or title, as kept by the crawler
CONTEXT_MAX = 600  # the row or paragraph around a link
SHOWN_MAX = 2_000  # any single string of a report document
ELLIPSIS = "…"


def clean(text: str, limit: int = 0) -> str:
    """``text`` without hidden controls, cut to ``limit`` characters (0: no cut) with '…'."""
    text = _HIDDEN.sub("", text)
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + ELLIPSIS
    return text


def clean_tree(value: Any, limit: int = SHOWN_MAX) -> Any:
    """A JSON-like document with every string (keys too) cleaned and cut to ``limit``."""
    if isinstance(value, str):
        return clean(value, limit)
    if isinstance(value, dict):
        return {clean_tree(k, limit): clean_tree(v, limit) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_tree(v, limit) for v in value]
    return value
