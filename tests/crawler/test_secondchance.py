"""The second-chance middleware: one more try with a longer timeout after Scrapy's retries."""

from __future__ import annotations

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler
from twisted.internet.error import DNSLookupError, TimeoutError

from crawler.middlewares.secondchance import SecondChanceMiddleware


def middleware(**settings):
    base = {"OIT_SECOND_CHANCE": True, "OIT_SECOND_CHANCE_TIMEOUT": 90, "RETRY_TIMES": 2}
    return SecondChanceMiddleware.from_crawler(get_crawler(settings_dict={**base, **settings}))


def test_timeout_gets_one_longer_try():
    mw = middleware()
    req = Request("http://office.example/ita/", meta={"download_timeout": 30, "retry_times": 2})
    again = mw.process_exception(req, TimeoutError())
    assert again is not None and again.dont_filter
    assert again.meta["download_timeout"] == 90 and again.meta["dont_retry"]
    assert again.meta["oit_attempts"] == 4 and again.meta["oit_timeouts"] == [30, 30, 30, 90]
    assert mw.process_exception(again, TimeoutError()) is None  # only once


def test_dns_failure_is_final():
    assert middleware().process_exception(Request("http://nowhere.example/"),
                                          DNSLookupError()) is None


def test_gateway_errors_after_retries():
    mw = middleware()
    req = Request("http://office.example/a.pdf", meta={"retry_times": 2})
    again = mw.process_response(req, Response(req.url, status=503))
    assert isinstance(again, Request) and again.meta["oit_second_chance"]
    fresh = Request("http://office.example/a.pdf", meta={"retry_times": 0})
    assert isinstance(mw.process_response(fresh, Response(fresh.url, status=503)), Response)
    assert isinstance(mw.process_response(req, Response(req.url, status=404)), Response)


def test_can_be_turned_off():
    with pytest.raises(NotConfigured):
        middleware(OIT_SECOND_CHANCE=False)
