"""Scrapy's per-response and per-item DEBUG lines (crawler/logformat.py): not made when no
handler would write them, made as Scrapy makes them when one would (LOG_LEVEL=DEBUG, pytest's
caplog)."""

from __future__ import annotations

import logging

import pytest
from scrapy import Spider
from scrapy.http import HtmlResponse, Request
from scrapy.logformatter import LogFormatter
from scrapy.utils.test import get_crawler

from crawler import settings as audit_settings
from crawler.logformat import AuditLogFormatter, writes

URL = "http://127.0.0.1:9/page"


@pytest.fixture
def tree():
    """A logger tree of its own, as Scrapy sets the root: the parent lets every record through
    (NOTSET on the root; 1 here, below the real root) to a handler that writes WARNING and
    above."""
    parent = logging.getLogger("oit-test-logformat")
    child = logging.getLogger("oit-test-logformat.child")
    parent.propagate = False  # the test's own tree: the root's handlers are not reached
    parent.setLevel(1)
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    parent.addHandler(handler)
    yield parent, child, handler
    parent.handlers.clear()
    parent.setLevel(logging.NOTSET)
    child.propagate, child.disabled = True, False
    child.setLevel(logging.NOTSET)


def test_writes_follows_the_handlers_a_record_would_reach(tree) -> None:
    parent, child, handler = tree
    parent.handlers[:] = [handler]  # only ours (pytest hangs its capture handlers on it too)
    assert not writes(child, logging.DEBUG)
    assert writes(child, logging.WARNING)
    debug = logging.StreamHandler()  # e.g. a log file at DEBUG, or pytest's caplog
    parent.addHandler(debug)
    assert writes(child, logging.DEBUG)
    child.propagate = False  # the parent's handlers are not reached: the last resort is
    assert not writes(child, logging.DEBUG) and writes(child, logging.WARNING)
    child.propagate = True
    child.setLevel(logging.INFO)
    assert not writes(child, logging.DEBUG)
    child.setLevel(logging.NOTSET)
    child.disabled = True
    assert not writes(child, logging.ERROR)


SPIDER = Spider("s")
REQUEST = Request(URL)
RESPONSE = HtmlResponse(URL, body=b"<p>x</p>", request=REQUEST)


def _lines(formatter: LogFormatter) -> tuple:
    return (
        formatter.crawled(REQUEST, RESPONSE, SPIDER),
        formatter.scraped({"url": URL}, RESPONSE, SPIDER),
    )


def test_the_lines_are_scrapys_when_written_and_none_otherwise(caplog) -> None:
    assert audit_settings.LOG_FORMATTER == "crawler.logformat.AuditLogFormatter"
    crawler = get_crawler(Spider, {"LOG_FORMATTER": audit_settings.LOG_FORMATTER})
    ours = AuditLogFormatter.from_crawler(crawler)
    scrapys = LogFormatter.from_crawler(crawler)
    caplog.set_level(logging.DEBUG)  # a handler that writes DEBUG: the lines as Scrapy's
    assert _lines(ours) == _lines(scrapys)
    assert all(line is not None for line in _lines(ours))
    # nothing writes DEBUG (pytest's own handlers do, so the two loggers are set above it)
    loggers = [logging.getLogger(f"scrapy.core.{name}") for name in ("engine", "scraper")]
    try:
        for logger in loggers:
            logger.setLevel(logging.INFO)
        assert _lines(ours) == (None, None)
        assert None not in _lines(scrapys)
    finally:
        for logger in loggers:
            logger.setLevel(logging.NOTSET)
