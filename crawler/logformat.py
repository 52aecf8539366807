"""Scrapy's log lines of each response and item, made only when something would write them.

Scrapy logs every response (``Crawled (200) <GET ...>``) and every item (``Scraped from
...``) at DEBUG. Its root handler writes only ``LOG_LEVEL`` and above (the audit's is
WARNING), but it leaves the root logger at NOTSET, so each line was still made into a
``LogRecord`` (the caller's frame looked up, the time, the process and thread read) and
handed to the handlers that dropped it: two per page, about 1.5 % of a ``--full`` audit's
CPU on the 5,245-page benchmark site (py-spy, 2026-12-04). Scrapy's ``LogFormatter`` may
return None to log nothing (its documentation); :class:`AuditLogFormatter` does so when no
handler the line would reach writes DEBUG, and is Scrapy's own otherwise: with
``LOG_LEVEL=DEBUG``, or a handler added later at DEBUG (pytest's ``caplog``), every line is
logged as before.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter

# the loggers Scrapy writes these two lines to (scrapy/core/engine.py, scrapy/core/scraper.py)
_ENGINE = logging.getLogger("scrapy.core.engine")
_SCRAPER = logging.getLogger("scrapy.core.scraper")


def writes(logger: logging.Logger, level: int) -> bool:
    """Whether a record of ``level`` logged to ``logger`` would reach a handler that writes
    it (the walk of ``Logger.callHandlers``: handlers up the tree while loggers propagate,
    Python's last-resort handler when there are none); filters may still drop it."""
    if logger.disabled or not logger.isEnabledFor(level):
        return False
    found = False
    current: logging.Logger | None = logger
    while current is not None:
        for handler in current.handlers:
            found = True
            if level >= handler.level:
                return True
        current = current.parent if current.propagate else None
    last = logging.lastResort
    return not found and last is not None and level >= last.level


class AuditLogFormatter(LogFormatter):
    """Scrapy's log formatter, without the per-response and per-item DEBUG lines when
    nothing would write them."""

    def crawled(self, request: Any, response: Any, spider: Any) -> Any:
        if not writes(_ENGINE, logging.DEBUG):
            return None
        return super().crawled(request, response, spider)

    def scraped(self, item: Any, response: Any, spider: Any) -> Any:
        if not writes(_SCRAPER, logging.DEBUG):
            return None
        return super().scraped(item, response, spider)
