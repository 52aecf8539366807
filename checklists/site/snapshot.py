"""A finished crawl as data: records by URL, the link graph and clicks from home.

Pure (no Scrapy): the engine and the tests build it from records or a saved JSONL file.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from w3lib.url import canonicalize_url

from checklists.site.records import PageRecord


@lru_cache(maxsize=65536)
def url_key(url: str) -> str:
    """The canonical form used to match a link to the record of its target (memoised:
    gathering compares the same URLs many times)."""
    return canonicalize_url(url)


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
    """All records of one crawl, indexed for the verdict engine."""

    def __init__(self, records: Iterable[PageRecord], info: CrawlInfo) -> None:
        self.info = info
        self.records: list[PageRecord] = list(records)
        self._by_url: dict[str, PageRecord] = {}
        for rec in self.records:
            for u in (rec.url, rec.final_url, *rec.redirects):
                self._by_url.setdefault(url_key(u), rec)
        self._clicks: dict[str, int] | None = None
        self.memo: dict[str, Any] = {}  # results computed once per snapshot (gathering)

    @classmethod
    def load(cls, path: Path, info: CrawlInfo) -> Snapshot:
        """Read records saved one JSON object per line."""
        with path.open(encoding="utf-8") as fh:
            return cls((PageRecord.from_dict(json.loads(line)) for line in fh if line.strip()),
                       info)

    def get(self, url: str) -> PageRecord | None:
        """The record of the URL (requested, final or an intermediate redirect)."""
        return self._by_url.get(url_key(url))

    @property
    def home(self) -> PageRecord | None:
        return self.get(self.info.home_url or self.info.start_url)

    def pages(self) -> list[PageRecord]:
        """Site pages that answered."""
        return [r for r in self.records if r.kind == "page" and r.status]

    def clicks_from_home(self, url: str) -> int | None:
        """Fewest clicks from the home page to ``url`` (None: not linked from any page)."""
        if self._clicks is None:
            self._clicks = self._bfs()
        return self._clicks.get(url_key(url))

    def _bfs(self) -> dict[str, int]:
        home = self.home
        if home is None:
            return {}
        dist = {url_key(home.url): 0, url_key(home.final_url): 0}
        queue = deque([home])
        while queue:
            rec = queue.popleft()
            d = dist[url_key(rec.final_url)]
            for link in rec.links:
                key = url_key(link["url"])
                if key in dist:
                    continue
                dist[key] = d + 1
                target = self.get(link["url"])
                if target is not None:
                    dist.setdefault(url_key(target.final_url), d + 1)
                    if target.kind == "page" and target.links:
                        queue.append(target)
        return dist

    def counts(self) -> dict[str, int]:
        """Pages, documents, external links checked and errors."""
        kinds = [r.kind for r in self.records]
        errors = sum(1 for r in self.records if r.status == 0 or r.status >= 400 or r.error)
        return {"pages": kinds.count("page"), "documents": kinds.count("document"),
                "external": kinds.count("external"), "errors": errors}
