"""Item pipeline: record every record of the crawl on disk as it arrives; nothing else.

Where the records go is the run's decision (``crawler.runcontext.RunOutput``: the output
folder's staging ``crawl.jsonl``, continued with ``OIT_RESUME``, or a temporary file).
Judging happens after the crawl, in ``crawler.judging``.
"""

from __future__ import annotations

import json
from typing import IO, Any
from weakref import WeakSet

import orjson

from checklists.site.records import PageRecord
from crawler.corestats import SCRAPED
from crawler.runcontext import AuditRun


def record_line(record: PageRecord) -> str:
    """``record`` as one JSON line (orjson: a tenth of json's time; what it refuses, json
    writes as before)."""
    data = record.as_dict()
    try:
        return orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError (a lone surrogate, an int past 64 bits)
        return _json_line(data)


def record_bytes(record: PageRecord) -> bytes:
    """:func:`record_line` in UTF-8, as the records file holds it: orjson's own bytes,
    not decoded to a string for the file to encode again (43 MB of mostly Thai text on
    the 5,245-page benchmark site: about 0.1 CPU-s of a first audit).  orjson reads the
    dataclass itself, its fields in their order, as :meth:`PageRecord.as_dict` gives them
    (the same bytes, without building the dict: about 0.07 CPU-s of that audit)."""
    try:
        return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # a lone surrogate fails here as it did in the file's own encoding
        return _json_line(record.as_dict()).encode("utf-8")


_OPEN: WeakSet[IO[bytes]] = WeakSet()  # the records files being written in this process


def flush_records() -> None:
    """Write out what the open records files hold in their buffers: a process about to end
    at once (``os._exit``: an ``oit-audit worker`` stopped in a Redis stall) keeps every
    record it had written.  A flush cut short (a signal in the middle of a write) is let
    be."""
    for out in list(_OPEN):
        try:
            out.flush()
        except (OSError, RuntimeError, ValueError):  # closed, or re-entered by a signal
            pass


def _json_line(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False) + "\n"


class RecordsPipeline:
    """Stream each :class:`PageRecord` to the run's records file, one JSON object a line.

    The last item pipeline: every item it passes on is scraped, and it counts them as
    Scrapy's ``item_scraped_count`` (with ``stats``; :mod:`crawler.corestats`)."""

    def __init__(self, run: AuditRun, stats: Any = None) -> None:
        self.run = run
        self.stats = stats
        self._out: IO[bytes] | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> RecordsPipeline:
        return cls(AuditRun.of(crawler), crawler.stats)

    def open_spider(self) -> None:
        self._out = self.run.output.open_records()
        _OPEN.add(self._out)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageRecord) and self._out is not None:
            # streamed, not kept: memory stays flat whatever the site's size; the judging
            # reads the records back (a kill loses at most the write buffer; --resume
            # needs a clean stop anyway, when the file is closed)
            self._out.write(record_bytes(item))
        if self.stats is not None:
            self.stats.inc_value(SCRAPED)
        return item

    def close_spider(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
