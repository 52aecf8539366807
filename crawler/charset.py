"""The real encoding of a page whose declared one is wrong.

Thai offices' servers often declare one encoding and send another: an ISO-8859-1 header on a
UTF-8 body (the page was read as empty), a UTF-8 header on a windows-874/TIS-620 body (every
Thai letter became a replacement character).  The declared encoding is kept when the bytes
really are in it; otherwise charset-normalizer names the encoding the bytes are in.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes
from w3lib.encoding import read_bom

# Single-byte encodings that decode any bytes at all: "no error" proves nothing for them.
_ANY_BYTES = frozenset({"latin_1", "iso8859_1", "cp1252", "ascii"})
_THAI = frozenset({"cp874", "tis_620", "iso8859_11"})
_MAX_STRAY = 2  # a UTF-8 page with a stray broken byte or two is still UTF-8


def _codec(name: str | None) -> str:
    try:
        return codecs.lookup(name or "").name.replace("-", "_")
    except LookupError:
        return ""


def decode_html(body: bytes, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of an HTML body served with ``declared`` as its encoding."""
    bom, bom_bytes = read_bom(body)
    if bom:
        return body[len(bom_bytes):].decode(bom, errors="replace"), bom
    codec = _codec(declared)
    if codec and not (codec in _ANY_BYTES and any(b > 0x7F for b in body)):
        text = body.decode(codec, errors="replace")
        if text.count("\ufffd") - body.count(b"\xef\xbf\xbd") <= (
                _MAX_STRAY if codec == "utf_8" else 0):
            return text, codec
    best = None
    if codec in _ANY_BYTES:
        try:  # Latin-1 declared, but the bytes are valid UTF-8: they are UTF-8
            return body.decode("utf-8"), "utf_8"
        except UnicodeDecodeError:
            best = from_bytes(body).best()
            if best is None or best.encoding not in _THAI:  # a real western page
                return body.decode(codec), codec
    best = best or from_bytes(body).best()
    if best is not None:
        return str(best), best.encoding
    return body.decode(codec or "utf-8", errors="replace"), codec or "utf_8"
