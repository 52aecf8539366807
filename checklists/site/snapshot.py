"""A finished crawl as data: records by URL, the link graph and clicks from home.

Pure (no Scrapy): the engine and the tests build it from records or a saved JSONL file.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from w3lib.url import canonicalize_url

from checklists.site.recordfile import RecordFile
from checklists.site.records import PageRecord, content_digest


@lru_cache(maxsize=65536)
def url_key(url: str) -> str:
    """The canonical form used to match a link to the record of its target (memoised:
    gathering compares the same URLs many times).  A URL already canonical (most) is its
    own key: the kept value is the kept key's string, not an equal copy (22,005 URLs kept
    took 4.2 MB at 20,000 pages, crawl38)."""
    key = canonicalize_url(url)
    return url if key == url else key


@dataclass
class CrawlInfo:
    """How the crawl went: start URL used, limits in force and limits hit."""

    start_url: str
    home_url: str = ""
    scheme_note: str = ""
    limits: dict[str, Any] = field(default_factory=dict)
    limits_hit: list[str] = field(default_factory=list)
    robots_obeyed: bool = True
    started_at: str = ""
    finished_at: str = ""
    finish_reason: str = ""
    focus: dict[str, Any] = field(default_factory=dict)  # focused crawl: what was left out
    network: dict[str, int] = field(default_factory=dict)  # bytes, 304s, cache hits


class Snapshot:
    """All records of one crawl, indexed for the verdict engine.

    Built from records in memory, or from the crawl's JSONL file (:meth:`load`): then only
    an index stays in memory (URL -> position, and each record's kind and status) and
    records are read back from the file when asked for (:mod:`checklists.site.recordfile`),
    so judging a large site takes memory for its index, not for its pages.
    """

    def __init__(self, records: Iterable[PageRecord], info: CrawlInfo,
                 also: Callable[[PageRecord], None] | None = None) -> None:
        """``also`` is given each page that answered (what :meth:`pages` gives), in order,
        as the records are scanned: a caller's pass over them made in this one."""
        self.info = info
        self.records: Sequence[PageRecord]
        if isinstance(records, RecordFile):
            self.records, scanned = records, records.scan()
        else:
            self.records = scanned = list(records)
        self._by_url: dict[str, int] = {}
        # kind, status, failed, and the key of the final URL (the clicks-from-home walk
        # needs no record but the ones it walks through; the key is _by_url's own string)
        self._heads: list[tuple[str, int, bool, str]] = []
        aliases: list[tuple[int, PageRecord]] = []
        # records the crawl section names (rendered in a browser, or not, or refused there):
        # noted on the way, so that the report reads only them again (crawlnotes)
        self._noted: list[int] = []
        for n, rec in enumerate(scanned):
            if rec.rendered or rec.render_note or rec.blocked:
                self._noted.append(n)
            if rec.same_as:  # not fetched: stands for its target's record (found below)
                aliases.append((n, rec))
                self._heads.append(("alias", 0, False, url_key(rec.final_url)))
                continue
            for u in (rec.url, rec.final_url, *rec.redirects):
                self._by_url.setdefault(url_key(u), n)
            self._heads.append((rec.kind, rec.status,
                                rec.status == 0 or rec.status >= 400 or bool(rec.error),
                                url_key(rec.final_url)))
            if also is not None and self.answered_page(n):
                also(rec)
        for n, rec in aliases:
            target = self._by_url.get(url_key(rec.same_as), n)
            for u in (rec.url, *rec.redirects):
                self._by_url.setdefault(url_key(u), target)
        self._clicks: dict[str, int] | None = None  # clicks from home, as far as walked
        # failed records met by the walk: the page that first led to each, and the link's text
        self._led_from: dict[int, tuple[str, str]] = {}
        self._frontier: deque[PageRecord | int] = deque()  # the walk's pages still to walk
        self._digests: dict[int, bytes] = {}
        self.memo: dict[str, Any] = {}  # results computed once per snapshot (gathering)
        # gathering's results per page, kept across snapshots and runs (a re-audit of an
        # unchanged site reads each page's results back: checklists/site/pagememo.py)
        self.page_memo: Any = None

    @classmethod
    def load(cls, path: Path, info: CrawlInfo,
             also: Callable[[PageRecord], None] | None = None) -> Snapshot:
        """The records saved one JSON object per line, read back as needed (the file may be
        moved or removed once this returns: it stays open)."""
        return cls(RecordFile(path), info, also)

    def _some(self, indexes: list[int]) -> Iterator[PageRecord]:
        if isinstance(self.records, RecordFile):
            return self.records.some(indexes)
        return (self.records[i] for i in indexes)

    def number(self, url: str) -> int | None:
        """The number of the record of the URL (requested, final or an intermediate
        redirect; an alias's is its target's), None when there is none."""
        return self._by_url.get(url_key(url))

    def get(self, url: str) -> PageRecord | None:
        """The record of the URL (requested, final or an intermediate redirect)."""
        n = self._by_url.get(url_key(url))
        return None if n is None else self.records[n]

    def numbered(self) -> Iterator[tuple[int, PageRecord]]:
        """Every record with its number, in record order (streamed: none is kept)."""
        return enumerate(self._some(list(range(len(self._heads)))))

    def digest(self, url: str) -> bytes:
        """The :func:`~checklists.site.records.content_digest` of the record of ``url``
        (b"" when there is none), computed once per record."""
        n = self._by_url.get(url_key(url))
        if n is None:
            return b""
        if n not in self._digests:
            self._digests[n] = content_digest(self.records[n])
        return self._digests[n]

    def note_digest(self, n: int, rec: PageRecord) -> bytes:
        """Work out (and return) the digest of record ``n`` (``rec``) while the caller streams
        the records: :meth:`digest` then never reads it back."""
        if n not in self._digests:
            self._digests[n] = content_digest(rec)
        return self._digests[n]

    @property
    def home(self) -> PageRecord | None:
        return self.get(self.info.home_url or self.info.start_url)

    def pages(self) -> Iterator[PageRecord]:
        """Site pages that answered, in crawl order (streamed)."""
        return (rec for _, rec in self.numbered_pages())

    def numbered_pages(self) -> Iterator[tuple[int, PageRecord]]:
        """Site pages that answered, with their record numbers, in crawl order (streamed)."""
        indexes = [n for n in range(len(self._heads)) if self.answered_page(n)]
        return zip(indexes, self._some(indexes), strict=True)

    def answered_page(self, n: int) -> bool:
        """Whether record ``n`` is a site page that answered (one :meth:`pages` gives)."""
        kind, status, _, _ = self._heads[n]
        return kind == "page" and bool(status)

    def failed(self) -> Iterator[PageRecord]:
        """Records with no answer, an HTTP error or an error of ours (streamed)."""
        return self._some([n for n, head in enumerate(self._heads) if head[2]])

    def noted(self) -> Iterator[PageRecord]:
        """Records rendered in a browser, that needed it and were not, or whose rendering
        the address guard refused requests of (streamed; few on any site)."""
        return self._some(self._noted)

    def page_statuses(self) -> list[int]:
        """The HTTP status of every site page (0: no answer)."""
        return [status for kind, status, _, _ in self._heads if kind == "page"]

    def clicks_from_home(self, url: str) -> int | None:
        """Fewest clicks from the home page to ``url`` (None: not linked from any page)."""
        if self._clicks is None:
            self._start_walk()
        assert self._clicks is not None
        key = url_key(url)
        if key not in self._clicks:
            self._walk_until(key)
        return self._clicks.get(key)

    def found_on(self, rec: PageRecord) -> tuple[str, str]:
        """(page, link text) that leads to the failed record ``rec``, the same on every crawl
        of an unchanged site: the first page met walking from home nearest first, each page's
        links in the page's own order (the crawl's own referer when no walked page links to
        it: its start, or a page the walk does not reach).  The crawl's referer is whichever
        linking page was parsed first, which changes from run to run."""
        n = self._by_url.get(url_key(rec.url))
        if n is not None:
            self.clicks_from_home(rec.url)
            if n in self._led_from:
                return self._led_from[n]
        return rec.referer, rec.link_text

    def _start_walk(self) -> None:
        """The breadth-first walk from the home page, started: its first page queued."""
        home = self.home
        self._clicks = {} if home is None else {url_key(home.url): 0, url_key(home.final_url): 0}
        # the frontier holds record numbers, not records: on a large site it is thousands of
        # pages wide and their records (text, links) took hundreds of MB; a page's record is
        # read once, when its turn comes (what a link's target is comes from the heads)
        self._frontier = deque([] if home is None else [home])

    def _walk_until(self, key: str) -> None:
        """Walk on until ``key`` has its number of clicks or every page is walked.  A key's
        number is the one it gets when first met, as pages are walked nearest first: the
        walk stops as soon as the asked key is met (the evidence asked for lies a few clicks
        from home; walking the whole of a large site read every page's record again)."""
        dist, queue = self._clicks, self._frontier
        assert dist is not None
        while queue and key not in dist:
            head = queue.popleft()
            rec = self.records[head] if isinstance(head, int) else head
            d = dist[url_key(rec.final_url)]
            for link in rec.links:
                link_key = url_key(link["url"])
                if link_key in dist:
                    continue
                dist[link_key] = d + 1
                n = self._by_url.get(link_key)
                if n is not None:
                    kind, _, failed, final_key = self._heads[n]
                    dist.setdefault(final_key, d + 1)
                    if failed and n not in self._led_from:
                        self._led_from[n] = (rec.final_url, link.get("text", ""))
                    if kind == "page":  # one without links adds nothing when its turn comes
                        queue.append(n)

    def counts(self) -> dict[str, int]:
        """Pages, documents, external links checked and errors."""
        kinds = [kind for kind, _, _, _ in self._heads]
        errors = sum(1 for _, _, failed, _ in self._heads if failed)
        return {"pages": kinds.count("page"), "documents": kinds.count("document"),
                "external": kinds.count("external"), "errors": errors}
