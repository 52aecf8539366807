"""A component that is off is normal: Scrapy leaves it out without a warning (ours raise
``NotConfigured`` with no message, which Scrapy would log as a warning) and we say why at
debug level."""

from __future__ import annotations

import logging

from scrapy.core.downloader.middleware import DownloaderMiddlewareManager
from scrapy.extension import ExtensionManager
from scrapy.utils.test import get_crawler

from crawler import settings as project

OFF = {"OIT_NETWORK_STATS": False, "OIT_PROGRESS": "off", "OIT_FOCUSED": False,
       "OIT_JUDGE_ON_CLOSE": False, "OIT_SECOND_CHANCE": False, "OIT_HOST_ALIASES": {},
       "OIT_EXTERNAL_HOST_BUDGET": 0}


def test_components_that_are_off_are_left_out_without_a_warning(caplog):
    values = {k: getattr(project, k) for k in dir(project) if k.isupper()}
    crawler = get_crawler(settings_dict={**values, **OFF, "LOG_LEVEL": "DEBUG"})
    with caplog.at_level(logging.DEBUG):
        extensions = ExtensionManager.from_crawler(crawler)
        downloader = DownloaderMiddlewareManager.from_crawler(crawler)
    on = {type(c).__module__ for c in [*extensions.middlewares, *downloader.middlewares]}
    assert not on & {"crawler.netstats", "crawler.progress", "crawler.focusstop",
                     "crawler.judging", "crawler.middlewares.secondchance",
                     "crawler.middlewares.hostalias", "crawler.middlewares.hostbudget"}
    assert "crawler.middlewares.addressguard" in on  # the rest is built as usual
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], \
        [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    said = {r.getMessage() for r in caplog.records
            if r.name == "crawler.component" and r.levelno == logging.DEBUG}
    for why in ("OIT_NETWORK_STATS is off", "OIT_PROGRESS is off", "OIT_JUDGE_ON_CLOSE is off",
                "OIT_SECOND_CHANCE is off", "OIT_HOST_ALIASES is empty",
                "OIT_EXTERNAL_HOST_BUDGET is 0"):
        assert any(why in message for message in said), (why, said)


def test_scrapy_components_the_audit_has_no_use_for_are_left_out():
    """The spider names no ``allowed_domains`` (it keeps to its site by its own scope), so
    Scrapy's offsite filter would let every request through; and the audit reads none of
    Scrapy's ``downloader/*`` stats (``oit/network/*`` counts what crossed the network):
    both are left out."""
    from crawler.spiders.oit import OitSpider

    values = {k: getattr(project, k) for k in dir(project) if k.isupper()}
    crawler = get_crawler(settings_dict={**values, **OFF})
    downloader = DownloaderMiddlewareManager.from_crawler(crawler)
    on = {type(c).__module__ for c in downloader.middlewares}
    assert not on & {"scrapy.downloadermiddlewares.offsite", "scrapy.downloadermiddlewares.stats"}
    assert "crawler.middlewares.addressguard" in on
    assert not getattr(OitSpider("http://office.example/"), "allowed_domains", None)
