"""The audited site reaches the downloader middlewares through the run (``AuditRun.target``),
not through attributes of the spider: the address guard allows the start host, the host
budget spares the site, the redirect checks keep ``--no-external`` crawls on it."""

from __future__ import annotations

from datetime import date

import pytest
import scrapy
from scrapy.utils.test import get_crawler

from checklists.loader import load_checklist
from crawler import settings as project
from crawler.addresses import PrivateAddress
from crawler.failures import OffsiteRedirect
from crawler.middlewares.addressguard import AddressGuardMiddleware
from crawler.middlewares.hostbudget import HostBudgetMiddleware
from crawler.middlewares.redirects import AuditRedirectMiddleware
from crawler.runcontext import AuditRun, SiteTarget
from crawler.spiders.oit import OitSpider

START = "http://127.0.0.1:8123/"


@pytest.fixture(scope="module")
def checklist():
    return load_checklist("nacc-oit-2565")


def crawler_for(checklist, start: str = START, **settings):
    values = {k: getattr(project, k) for k in dir(project) if k.isupper()}
    values.update(OIT_PROGRESS="off", OIT_RENDER_JS=False, OIT_JUDGE_ON_CLOSE=False,
                  OIT_NETWORK_STATS=False, **settings)
    crawler = get_crawler(OitSpider, values)
    AuditRun(checklist, date(2026, 5, 15), checklist.id).bind(crawler)
    crawler.spider = OitSpider.from_crawler(crawler, start_url=start)
    return crawler


def test_the_spider_puts_its_target_in_the_run(checklist):
    crawler = crawler_for(checklist, start="www.example.go.th")
    target = AuditRun.of(crawler).target
    assert target.candidates == ["https://www.example.go.th", "http://www.example.go.th"]
    assert target.scheme_note == "no_scheme"
    assert target.scope is crawler.spider.site  # one scope: a redirect of home widens both


def test_a_target_from_a_start_url():
    target = SiteTarget.from_start_url("  https://a.go.th/x ")
    assert (target.candidates, target.scheme_note) == (["https://a.go.th/x"], "")
    assert target.scope.contains("https://a.go.th/other") and \
        not target.scope.contains("https://b.go.th/")


def test_the_address_guard_allows_the_private_start_host_only(checklist):
    crawler = crawler_for(checklist, OIT_ALLOW_PRIVATE=False)
    guard = AddressGuardMiddleware.from_crawler(crawler)
    assert guard.process_request(scrapy.Request(START + "ita/")) is None
    with pytest.raises(PrivateAddress):
        guard.process_request(scrapy.Request("http://10.0.0.7/"))


def test_the_host_budget_spares_the_site_and_caps_other_hosts(checklist):
    crawler = crawler_for(checklist, OIT_EXTERNAL_HOST_BUDGET=20, DOWNLOAD_TIMEOUT=60)
    budget = HostBudgetMiddleware.from_crawler(crawler)
    own = scrapy.Request(START + "files/a.pdf", meta={"download_timeout": 60})
    other = scrapy.Request("http://drive.example/file", meta={"download_timeout": 60})
    budget.process_request(own)
    budget.process_request(other)
    assert own.meta["download_timeout"] == 60 and other.meta["download_timeout"] == 20
    AuditRun.of(crawler).target.scope.add("http://drive.example/")  # home moved there
    later = scrapy.Request("http://drive.example/2", meta={"download_timeout": 60})
    budget.process_request(later)
    assert later.meta["download_timeout"] == 60


@pytest.mark.parametrize(("check_external", "target", "leaves"), [
    (False, "http://elsewhere.example/page", True),
    (False, START + "moved.html", False),
    (True, "http://elsewhere.example/page", False),
])
def test_no_external_keeps_redirects_on_the_site(checklist, check_external, target, leaves):
    crawler = crawler_for(checklist, OIT_CHECK_EXTERNAL=check_external)
    mw = AuditRedirectMiddleware.from_crawler(crawler)
    request = scrapy.Request(START + "old.html", meta={"oit_kind": "page"})
    redirected = request.replace(url=target)
    assert mw._leaves_site(redirected, request) is leaves
    if leaves:  # failed with its own cause, before Scrapy follows it
        with pytest.raises(OffsiteRedirect):
            mw._redirect(redirected, request, "301")
