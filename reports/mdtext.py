"""Markdown-safe text: site text must stay text in any Markdown viewer.

``<`` and ``>`` become HTML entities (no raw HTML such as ``<script>``), so does an ``&``
that would start an entity reference, and Markdown punctuation is backslash-escaped (no
``[text](javascript:...)`` links made from site text). Plain text such as ``Q&A`` stays as
written, readable in the raw file.
"""

from __future__ import annotations

import re
from typing import Any

_PUNCT = re.compile(r"([\\`*_\[\]|!])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")  # only an & that a viewer would decode
_ANGLES = {"<": "&lt;", ">": "&gt;"}
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`|]+$", re.IGNORECASE)


def md_text(value: Any) -> str:
    """``value`` as inert one-line Markdown text."""
    text = " ".join(str(value if value is not None else "").split())
    text = _ENTITY.sub("&amp;", text)
    text = "".join(_ANGLES.get(c, c) for c in text)
    return _PUNCT.sub(r"\\\1", text)


def md_url(url: Any) -> str:
    """An autolink for a plain http(s) URL; anything else as inert text (``-`` when empty)."""
    url = str(url or "").strip()
    if not url:
        return "-"
    return f"<{url}>" if _SAFE_URL.match(url) else md_text(url)


def anchor(value: Any) -> str:
    """An HTML id fragment made of safe characters only."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", str(value or "")) or "-"
