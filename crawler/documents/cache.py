"""A directory cache of extracted text keyed by the sha256 of the bytes, plus HTTP validators.

Layout: DIR/text/ab/<sha256>.json (a DocText) and DIR/urls/cd/<sha256 of URL>.json
({'url', 'etag', 'last_modified', 'digest'}). Every write is atomic
(:func:`checklists.atomicfile.replacing`: a temp file, then os.replace),
so concurrent crawls never read half a file. Bump CACHE_VERSION when extraction changes; older
entries are then ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from checklists.atomicfile import replacing

from .model import DocText

CACHE_VERSION = 1
_DIGEST = re.compile(r"^[0-9a-f]{64}$")


def sha256_hex(data: bytes) -> str:
    """The cache key of some bytes."""
    return hashlib.sha256(data).hexdigest()


class TextCache:
    """Extracted text by content digest, and ETag/Last-Modified by URL."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    def _path(self, area: str, key: str) -> Path:
        return self.directory / area / key[:2] / f"{key}.json"

    def _read(self, path: Path) -> dict | None:
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return None
        return data

    def _write(self, path: Path, data: dict) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(path) as temp, open(temp, "w", encoding="utf-8") as f:
            json.dump({"version": CACHE_VERSION, **data}, f, ensure_ascii=False)

    def get(self, digest: str) -> DocText | None:
        """The DocText stored for this sha256 hex digest, or None."""
        if not _DIGEST.match(digest or ""):
            return None
        data = self._read(self._path("text", digest))
        if data is None:
            return None
        try:
            return DocText.from_dict(data["doc"])
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, digest: str, doc: DocText) -> None:
        """Store a DocText under a sha256 hex digest (ValueError for anything else)."""
        if not _DIGEST.match(digest or ""):
            raise ValueError(f"not a sha256 hex digest: {digest!r}")
        self._write(self._path("text", digest), {"doc": doc.to_dict()})

    def validators(self, url: str) -> dict | None:
        """{'etag', 'last_modified', 'digest'} last seen for this URL, or None."""
        data = self._read(self._path("urls", sha256_hex(url.encode("utf-8"))))
        if data is None or data.get("url") != url:
            return None
        return {k: data.get(k) for k in ("etag", "last_modified", "digest")}

    def set_validators(self, url: str, etag: str | None, last_modified: str | None,
                       digest: str) -> None:
        """Remember the validators and content digest of a URL's last 200 response."""
        self._write(self._path("urls", sha256_hex(url.encode("utf-8"))),
                    {"url": url, "etag": etag, "last_modified": last_modified, "digest": digest})
