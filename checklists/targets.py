"""What gathering knows of each record as the target of a link, read once per gathering.

A link is read with a few facts of the record it leads to (:mod:`checklists.candidates`):
whether it answered, which items its own title and first lines name (its contents), whether
it is an index or a listing of items, a flip-book shell, an "in preparation" placeholder or
a news post, its title, first headings and first lines (what the wording model reads with
the link's words) and, for a link that is evidence, its text (the item's keywords in it).

On a generated 20,000-page site each record is the target of three links on average, far
apart in the crawl.  Reading its whole record back (text and every link) for each of them
parsed 60,000 records at random, and the memo entries made in between kept Python's
allocator from giving the freed records' memory back: judging grew by 250 MB (issue 13).
A :class:`TargetStore` is filled from one streamed pass over the records, in record order:
the flags go into a byte array, the few non-empty contents into a dict, and the texts into a
temporary file (the operating system caches it, not this process) read back when a link asks.

Pure (no Scrapy).
"""

from __future__ import annotations

import marshal
import os
import tempfile
import weakref
from array import array
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from checklists.matching import (
    is_empty_listing,
    is_flipbook,
    is_missing_page,
    is_news_post,
    is_placeholder,
)
from checklists.pagekinds import page_export_book
from checklists.recent import Recent
from checklists.site.records import PageRecord

LEAD_CHARS = 300  # of a target's text: the wording model's text and the event test read this
FLIPBOOK_CHARS = 600  # of a target's text: where a flip-book viewer shows its marks
KEYWORD_CHARS = 20000  # of a target's text: where the item's keywords count (keyword_score)
LEAD_HEADINGS = 2  # headings the wording model reads after the title
KEPT_TARGETS = 1024  # targets read back kept (TargetStore.get): menus lead to the same few

_OK, _INDEX, _FLIPBOOK, _PLACEHOLDER, _NEWS, _EXPORT = 1, 2, 4, 8, 16, 32


@dataclass(frozen=True, slots=True)
class Target:
    """A record as the target of a link: its flags and the start of its words."""

    number: int
    ok: bool  # answered 2xx, no error (PageRecord.ok)
    is_index: bool  # an index or a listing of items, not one item's evidence
    flipbook: bool  # a flip-book or document-sharing viewer's shell (answered)
    placeholder: bool  # a page that only says its data is being prepared (answered)
    news_post: bool  # a news post by its URL, breadcrumb or categories
    title: str
    headings: tuple[str, ...]  # the first LEAD_HEADINGS
    text: str  # the first LEAD_CHARS characters
    page_export: bool = False  # one page of a flip-book (pagekinds.page_export_book)


def flags_of(rec: PageRecord, is_index: bool = False) -> int:
    """The flags of ``rec`` (``is_index`` as the caller read it)."""
    ok = rec.ok
    final = rec.final_url or rec.url
    flip = ok and is_flipbook(final, " ".join([rec.title, rec.text[:FLIPBOOK_CHARS]]))
    # a crawled soft 404 already arrives not ok (the spider's error "not_found_page": a broken
    # link); is_missing_page here covers records built without the spider (tests/realworld);
    # an empty listing answers and holds nothing: an empty slot, as a placeholder is; a page
    # off the site (kind "external": the spider keeps its title and first lines) reads as one
    page = rec.kind != "document"
    return (_OK * ok | _INDEX * is_index | _FLIPBOOK * flip
            | _PLACEHOLDER * (ok and page and (is_placeholder(rec.text)
                                                              or is_missing_page(rec.title, rec.text)
                                                              or is_empty_listing(rec.title, rec.text)))
            | _NEWS * is_news_post(final, rec.breadcrumb, rec.categories)
            | _EXPORT * (page and page_export_book(final, rec.title) is not None))


def as_read(rec: PageRecord) -> PageRecord:
    """``rec`` as a link's reading sees it: a flip-book page export
    (:func:`checklists.pagekinds.page_export_book`) is its book's name alone, not the words
    of the one page (real-world dev split: pages of a survey and of a quality report were
    read as the satisfaction item by their bodies)."""
    book = page_export_book(rec.final_url or rec.url, rec.title) if rec.kind != "document" \
        else None
    if book is None:
        return rec
    return replace(rec, title=book, headings=[], text="")


def target_of(rec: PageRecord, number: int = -1, is_index: bool = False) -> Target:
    """The :class:`Target` of a record in hand."""
    flags = flags_of(rec, is_index)
    rec = as_read(rec)
    return _view(number, flags, rec.title, tuple(rec.headings[:LEAD_HEADINGS]),
                 rec.text[:LEAD_CHARS])


def _view(number: int, flags: int, title: str, headings: tuple[str, ...], text: str) -> Target:
    return Target(number, bool(flags & _OK), bool(flags & _INDEX), bool(flags & _FLIPBOOK),
                  bool(flags & _PLACEHOLDER), bool(flags & _NEWS), title, headings, text,
                  bool(flags & _EXPORT))


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate from a JSON escape


class TargetStore:
    """The facts of every record, by record number (filled by :meth:`add` in record order)."""

    def __init__(self, size: int) -> None:
        self.flags = bytearray(size)
        self.contents: dict[int, Any] = {}  # record number -> its contents, when any
        self.repeated_pages: set[str] = set()  # addresses (url_key) of two pages or more
        self._file = tempfile.TemporaryFile(prefix="oit-targets-")  # noqa: SIM115 - kept open
        self._finalize = weakref.finalize(self, self._file.close)
        # where each record's texts are in the file: offset, lead's length, text's length
        self._spans = array("q", [0]) * (3 * size)
        self._derived = array("q", [-1]) * (2 * size)  # offset and length of derived bytes
        self._end = 0
        self._recent: Recent[int, Target] = Recent(KEPT_TARGETS)

    def add(self, number: int, rec: PageRecord, contents: Any, is_index: bool) -> None:
        """Note record ``number`` (``rec``), with its contents and whether it is an index."""
        self.flags[number] = flags_of(rec, is_index)
        if contents:
            self.contents[number] = contents
        rec = as_read(rec)
        lead = marshal.dumps((rec.title, tuple(rec.headings[:LEAD_HEADINGS]),
                              rec.text[:LEAD_CHARS]))  # a fifth of json's time, both ways
        text = _encode(rec.text[:KEYWORD_CHARS])
        self._file.write(lead)
        self._file.write(text)
        self._spans[3 * number:3 * number + 3] = array("q", (self._end, len(lead), len(text)))
        self._end += len(lead) + len(text)

    def done(self) -> None:
        """Every record has been added: what follows reads them back."""
        self._file.flush()

    def get(self, number: int) -> Target:
        """The :class:`Target` of record ``number`` (the last :data:`KEPT_TARGETS` read
        back are kept: a link's target is asked for by the read-ahead, then by its reading)."""
        target = self._recent.get(number)
        if target is None:
            offset, length, _ = self._spans[3 * number:3 * number + 3]
            title, headings, text = marshal.loads(os.pread(self._file.fileno(), length, offset))  # noqa: S302 - ours
            target = self._recent[number] = _view(number, self.flags[number], title, headings,
                                                  text)
        return target

    def text(self, number: int) -> str:
        """The first :data:`KEYWORD_CHARS` characters of record ``number``'s text."""
        offset, lead, length = self._spans[3 * number:3 * number + 3]
        return self._read(offset + lead, length)

    def has_derived(self, number: int) -> bool:
        """Whether :meth:`derived` bytes of record ``number`` were made."""
        return self._derived[2 * number] >= 0

    def derived(self, number: int, make: Callable[[], bytes]) -> bytes:
        """Bytes worked out from record ``number`` (``make``), made once per gathering and
        kept in the file: a record is the target of links on pages far apart (on the
        generated 5,245-page site a memo of 800,000 characters missed 10,869 times for its
        5,779 distinct targets)."""
        offset, length = self._derived[2 * number:2 * number + 2]
        if offset >= 0:
            return os.pread(self._file.fileno(), length, offset)
        data = make()
        self._file.flush()  # anything add() left in the buffer goes first
        os.pwrite(self._file.fileno(), data, self._end)
        self._derived[2 * number:2 * number + 2] = array("q", (self._end, len(data)))
        self._end += len(data)
        self._file.seek(self._end)
        return data

    def _read(self, offset: int, length: int) -> str:
        return os.pread(self._file.fileno(), length, offset).decode("utf-8", "surrogatepass")

    def close(self) -> None:
        self._finalize()
