"""The real encoding of a page whose declared one is wrong.

Thai offices' servers often declare one encoding and send another: an ISO-8859-1 header on a
UTF-8 body (the page was read as empty), a UTF-8 header on a windows-874/TIS-620 body (every
Thai letter became a replacement character).  The declared encoding is kept when the bytes
really are in it; otherwise charset-normalizer names the encoding the bytes are in.

Bytes that read as well-formed Thai in windows-874 are Thai whatever was declared or guessed
for them (unless UTF-8 or a Thai encoding was declared and fits): a page that declares its
TIS-620 only in a meta tag, or nowhere, has its encoding guessed by Scrapy, and a mostly-English
page (a CMS menu, a few Thai words) is guessed as cp932 and read as half-width katakana.
Western and CJK text almost never reads as well-formed Thai: windows-874 leaves 0x81-0x9F and
0xFC-0xFF undefined, and a tone mark or vowel sign that follows no Thai consonant gives it away.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from w3lib.encoding import read_bom

# Single-byte encodings that decode any bytes at all: "no error" proves nothing for them.
_ANY_BYTES = frozenset({"latin_1", "iso8859_1", "cp1252", "ascii"})
_THAI = frozenset({"cp874", "tis_620", "iso8859_11"})
_MAX_STRAY = 2  # a UTF-8 page with a stray broken byte or two is still UTF-8
_HIGH = re.compile(rb"[\x80-\xff]")
_THAI_RUN = re.compile("[\u0e01-\u0e5b]{2,}")
# A sign with nothing to sit on: a vowel sign or tone mark after no consonant (or other sign),
# a following vowel after no Thai letter, a leading vowel before no consonant.
_MISPLACED = re.compile(
    "(?<![\u0e01-\u0e2e\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"
    "|(?<![\u0e01-\u0e4e])[\u0e30\u0e32\u0e33\u0e45]"
    "|[\u0e40-\u0e44](?![\u0e01-\u0e2e])")
_MISPLACED_SHARE = 20  # at most one misplaced sign per 20 letters of Thai runs (typos happen)


def _codec(name: str | None) -> str:
    try:
        return codecs.lookup(name or "").name.replace("-", "_")
    except LookupError:
        return ""


def _as_thai(body: bytes) -> str | None:
    """``body`` read as windows-874 when it reads as well-formed Thai there, else None."""
    try:
        text = body.decode("cp874")
    except UnicodeDecodeError:
        return None
    letters = sum(len(run) for run in _THAI_RUN.findall(text))
    if letters < 4 or len(_MISPLACED.findall(text)) * _MISPLACED_SHARE > letters:
        return None
    return text


def decode_html(body: bytes, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of an HTML body served with ``declared`` as its encoding."""
    bom, bom_bytes = read_bom(body)
    if bom:
        return body[len(bom_bytes):].decode(bom, errors="replace"), bom
    codec = _codec(declared)
    if codec == "utf_8" or codec in _THAI:  # trusted when the bytes fit
        text = body.decode(codec, errors="replace")
        if text.count("\ufffd") - body.count(b"\xef\xbf\xbd") <= (
                _MAX_STRAY if codec == "utf_8" else 0):
            return text, codec
    elif _HIGH.search(body) is None:
        return body.decode(codec or "ascii", errors="replace"), codec or "ascii"
    if codec != "utf_8":
        try:  # no UTF-8 declared, but the bytes are valid UTF-8: they are UTF-8
            return body.decode("utf-8"), "utf_8"
        except UnicodeDecodeError:
            pass
    thai = _as_thai(body)
    if thai is not None:
        return thai, "cp874"
    if codec and codec not in _ANY_BYTES and codec != "utf_8" and codec not in _THAI:
        text = body.decode(codec, errors="replace")
        if "\ufffd" not in text:
            return text, codec  # the declared (or guessed) encoding fits
    best = from_bytes(body).best()
    if codec in _ANY_BYTES and (best is None or best.encoding not in _THAI):
        return body.decode(codec), codec  # a real western page
    if best is not None:
        return str(best), best.encoding
    return body.decode(codec or "utf-8", errors="replace"), codec or "utf_8"
