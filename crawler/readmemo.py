"""A page's bytes read once: a re-audit does not read again a page that did not change.

A nightly re-audit of an unchanged site gets ``304 Not Modified`` for nearly every page, and
the HTTP cache hands the spider the body it stored last night; reading it
(:func:`crawler.pages.read_page`: parsing, links, sections, text) gave the same
:class:`~crawler.pages.Page` then.  :class:`PageReader` keeps each reading in the site's page
memo (:mod:`checklists.site.pagememo`, the SQLite file next to its HTTP cache that gathering
also uses) under a digest of everything :func:`~crawler.pages.read_page` reads: the body
(its sha256, which the record carries anyway), the URL, the encoding and the code that reads
pages (:func:`reader_fingerprint`).  Any change to one of them reads the page again; so does
a body that answered ``200`` with the same bytes.  Without a kept memo (no history database:
nothing would be read back) pages are read as before.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path

import lxml

import crawler
from checklists import safetext
from checklists.site.pagememo import PageMemo
from crawler.pages import Page, read_page
from crawler.rendering import script_signs

# The code that decides what a page reads as: read_page, what it calls in this package
# (every module of it, so that a helper it comes to use later counts too), and the text
# clean-up it shares with the checklists.
READER_CODE = (Path(crawler.__file__).parent, Path(safetext.__file__))


@lru_cache(maxsize=1)
def reader_fingerprint() -> bytes:
    """A digest of the code that reads pages and of the parser under it: readings kept by
    another version are never read back."""
    digest = hashlib.blake2b(b"oit-page-reading\0", digest_size=16)
    digest.update(lxml.__version__.encode())
    for root in READER_CODE:
        for path in sorted(root.rglob("*.py")) if root.is_dir() else [root]:
            name = path.relative_to(root.parent).as_posix()
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def reading_key(sha256: str, url: str, encoding: str | None) -> bytes:
    """The memo key of reading a body (by its sha256 hex digest) at ``url`` in ``encoding``."""
    digest = hashlib.blake2b(reader_fingerprint(), digest_size=16)
    digest.update(f"{sha256}\0{url}\0{encoding or ''}".encode("utf-8", "surrogatepass"))
    return digest.digest()


class PageReader:
    """:func:`crawler.pages.read_page` through a page memo (None: read every time)."""

    def __init__(self, memo: PageMemo | None = None) -> None:
        self.memo = memo
        self.read_back = 0  # pages whose reading came from the memo

    def read(self, body: bytes | str, url: str, encoding: str | None, sha256: str) -> Page:
        """The reading of ``body`` (whose sha256 hex digest is ``sha256``) at ``url``."""
        if self.memo is None or not sha256:
            return read_page(body, url, encoding, script_signs)
        key = reading_key(sha256, url, encoding)
        saved = self.memo.get(key)
        if saved is not None:
            try:
                page = pickle.loads(saved)  # noqa: S301 - our own store of our own readings
            except Exception:  # noqa: BLE001 - unreadable: read the page again
                page = None
            if isinstance(page, Page):
                self.read_back += 1
                return page
        page = read_page(body, url, encoding, script_signs)
        self.memo.put(key, pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))
        return page
