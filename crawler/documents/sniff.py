"""Decide what kind of document some bytes are: magic bytes first, then type, then name."""

from __future__ import annotations

import io
import os
import re
import zipfile

KINDS = ("pdf", "docx", "xlsx", "xls", "doc", "image", "html", "text", "unknown")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*", b"BM",
)
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<meta|<title|<!--)", re.I)

_BY_CONTENT_TYPE = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.ms-excel": "xls",
    "application/msword": "doc",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/csv": "text",
}
_BY_EXTENSION = {
    ".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls",
    ".doc": "doc", ".png": "image", ".jpg": "image", ".jpeg": "image", ".gif": "image",
    ".tif": "image", ".tiff": "image", ".bmp": "image", ".webp": "image",
    ".html": "html", ".htm": "html", ".txt": "text", ".csv": "text",
}


def _zip_kind(data: bytes) -> str | None:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    return "unknown"


def _ole_kind(data: bytes) -> str | None:
    try:
        import olefile
    except ImportError:
        return None
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - olefile raises many types on junk
        return None
    try:
        if ole.exists("WordDocument"):
            return "doc"
        if ole.exists("Workbook") or ole.exists("Book"):
            return "xls"
        return "unknown"
    finally:
        ole.close()


def _by_magic(data: bytes) -> str | None:
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(data)
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return None


def _by_hints(content_type: str | None, filename: str | None) -> str | None:
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in _BY_CONTENT_TYPE:
        return _BY_CONTENT_TYPE[ctype]
    if ctype.startswith("image/"):
        return "image"
    ext = os.path.splitext((filename or "").split("?")[0].lower())[1]
    return _BY_EXTENSION.get(ext)


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    controls = sum(1 for b in sample if b < 0x20 and b not in (9, 10, 12, 13))
    if controls > len(sample) // 100:
        return False
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4:  # a character cut by the sample's end
            return True
    try:
        sample.decode("cp874")
        return True
    except UnicodeDecodeError:
        return False


def sniff_kind(data: bytes, content_type: str | None, filename: str | None) -> str:
    """Return one of KINDS. Magic bytes win over the Content-Type, which wins over the name.

    An OLE2 or zip container that is neither Word nor Excel is 'unknown'; a zip-based or OLE
    file whose directory cannot be read falls back to the hints (the extractor then reports
    'corrupt').
    """
    kind = _by_magic(data)
    if kind is not None:
        return kind
    hinted = _by_hints(content_type, filename)
    if hinted in ("docx", "xlsx", "xls", "doc", "pdf", "image"):
        return hinted
    if data and _looks_like_text(data):
        return "html" if hinted == "html" else "text"
    return hinted if hinted not in (None, "text", "html") else "unknown"
