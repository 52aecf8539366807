"""A crawl's records read back from its JSONL file one at a time, not all held in memory.

The crawler writes one JSON object per line as records arrive (``crawl.jsonl``); judging a
20,000-page site from a list of every record took 600 MB.  :class:`RecordFile` keeps only
where each line starts; a record is parsed when asked for (a few hundred recently asked are
kept: links point to the same menu pages over and over), and iterating streams the file.

Pure (no Scrapy).  The file is opened once: it may be moved or unlinked while it is read.
"""

from __future__ import annotations

import json
import os
import weakref
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import overload

import orjson
from cachetools import LRUCache

from checklists.site.records import PageRecord

CACHED = 512  # records kept after a random read (menus and hubs are asked for again)


class RecordFile(Sequence[PageRecord]):
    """The records of a JSONL file, in file order, read on demand."""

    def __init__(self, path: Path, cached: int = CACHED) -> None:
        self.path = Path(path)
        self._fd = os.open(self.path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)
        self._spans: list[tuple[int, int]] = []  # (offset, length) of each non-blank line
        self._cache: LRUCache[int, PageRecord] = LRUCache(maxsize=cached)

    def scan(self) -> Iterator[PageRecord]:
        """Read the file once, noting where each record starts; yield every record (for
        the caller's index) without keeping any."""
        self._spans.clear()
        offset = 0
        with open(self._fd, "rb", closefd=False) as fh:
            fh.seek(0)
            for line in fh:
                if line.strip():
                    self._spans.append((offset, len(line)))
                    yield _parse(line)
                offset += len(line)

    def __len__(self) -> int:
        return len(self._spans)

    @overload
    def __getitem__(self, index: int) -> PageRecord: ...

    @overload
    def __getitem__(self, index: slice) -> list[PageRecord]: ...

    def __getitem__(self, index: int | slice) -> PageRecord | list[PageRecord]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        rec = self._cache.get(index)  # the least recently asked for goes first
        if rec is None:
            rec = self.read(index)
            if self._cache.maxsize:  # cached=0 keeps none (the cache refuses even one)
                self._cache[index] = rec
        return rec

    def read(self, index: int) -> PageRecord:
        """Record ``index`` parsed afresh (not cached)."""
        offset, length = self._spans[index]
        return _parse(os.pread(self._fd, length, offset))

    def __iter__(self) -> Iterator[PageRecord]:
        return self.some(range(len(self)))

    def some(self, indexes: Iterable[int]) -> Iterator[PageRecord]:
        """The records at ``indexes`` (ascending), streamed: none is kept (one already kept
        is given back, and counts as used)."""
        for i in indexes:
            rec = self._cache.get(i)
            yield rec if rec is not None else self.read(i)


def _parse(line: bytes) -> PageRecord:
    try:  # orjson reads a record in a third of json's time: judging reads each a few times
        data = orjson.loads(line)
    except orjson.JSONDecodeError:  # what orjson refuses and json reads (a lone surrogate)
        data = json.loads(line)
    return PageRecord.from_dict(data)
