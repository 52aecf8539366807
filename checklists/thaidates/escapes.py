"""Character references and JSON escapes left in a text, read as the characters they stand for.

A page's parser decodes its character references, but some texts reach the date finder with
them still written out: a CMS that escapes an already escaped title shows `&amp;nbsp;` as
`&nbsp;` (`15&nbsp;ตุลาคม&nbsp;2566`), and a WordPress REST answer (`/wp-json/wp/v2/posts/N`,
`?rest_route=`), which the document reader reads as plain text, writes every Thai letter as a
JSON escape (`\\u0e15\\u0e38\\u0e25\\u0e32\\u0e04\\u0e21 68`) and every slash as `\\/`. Read as
written, the day and month are lost and only a bare year is left (stored copies of real agency
pages in tests/data/dates_realworld.yaml: dev).

Only complete, well-formed forms are read: a named reference from HTML5's list or a numeric
one, with its semicolon (after any number of `amp;`, for an escape escaped again); a JSON
`\\u` escape of four hex digits that is no surrogate half; a JSON-escaped slash. A text with
neither `&` nor a backslash is returned as it is (a C scan for each).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from html.entities import html5

_ESCAPE = re.compile(
    r"&(?:amp;)*(?P<ref>#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)"
    r"|\\u(?P<hex>[0-9a-fA-F]{4})|\\/")


def _reading(found: re.Match[str]) -> str | None:
    ref, hexa = found["ref"], found["hex"]
    if ref is not None:
        if ref[0] != "#" and ref not in html5:
            return None
        value = html.unescape("&" + ref)
        return None if value == "&" + ref or "\ufffd" in value else value
    if hexa is not None:
        code = int(hexa, 16)
        return None if 0xD800 <= code <= 0xDFFF or code < 0x20 else chr(code)
    return "/"


class Decoded:
    """A text with its escapes read, and the way back to the caller's positions."""

    __slots__ = ("text", "_at", "_pieces")

    def __init__(self, text: str, pieces: list[tuple[int, int, int, bool]]) -> None:
        self.text = text
        # (start in text, start in the caller's text, length in the caller's, plain?)
        self._pieces = pieces
        self._at = [piece[0] for piece in pieces]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The caller's span of ``text[start:end]`` (an escape is kept whole)."""
        first = self._pieces[bisect_right(self._at, start) - 1]
        last = self._pieces[bisect_right(self._at, end - 1) - 1]
        begin = first[1] + (start - first[0] if first[3] else 0)
        finish = last[1] + (end - last[0] if last[3] else last[2])
        return begin, finish


def decode_escapes(text: str) -> Decoded | None:
    """``text`` with its escapes read (see the module docstring); None when it has none."""
    if "&" not in text and "\\" not in text:
        return None
    pieces: list[tuple[int, int, int, bool]] = []
    parts: list[str] = []
    done = size = 0
    for found in _ESCAPE.finditer(text):
        value = _reading(found)
        if value is None:
            continue
        if found.start() > done:
            pieces.append((size, done, found.start() - done, True))
            parts.append(text[done:found.start()])
            size += found.start() - done
        pieces.append((size, found.start(), found.end() - found.start(), False))
        parts.append(value)
        size += len(value)
        done = found.end()
    if not parts:
        return None
    pieces.append((size, done, len(text) - done, True))
    parts.append(text[done:])
    return Decoded("".join(parts), pieces)
