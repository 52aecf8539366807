"""``crawler.failures.classify``: the cause key of each kind of failed request."""

from __future__ import annotations

import pytest
from scrapy.exceptions import IgnoreRequest
from twisted.internet import error as net
from twisted.python.failure import Failure

from crawler import failures
from crawler.addresses import PrivateAddress


@pytest.mark.parametrize(("exception", "cause"), [
    (PrivateAddress("10.0.0.1 is a private address"), "private"),
    (failures.RedirectLoop("a → b → a"), "redirect_loop"),
    (failures.TooManyRedirects("21 redirects"), "too_many_redirects"),
    (failures.RedirectToSeen("http://x/a"), "redirect_seen"),
    (failures.OffsiteRedirect("http://x/ redirects off the site"), "offsite"),
    (failures.HostBudgetSpent("x did not answer"), "slow_host"),
    (net.DNSLookupError("no such host"), "dns"),
    (net.TimeoutError(), "timeout"),
    (net.TCPTimedOutError(), "timeout"),
    (net.ConnectionRefusedError(), "refused"),
    (IgnoreRequest("Forbidden by robots.txt"), "robots"),
    (IgnoreRequest("filtered"), "ignored"),
    (ValueError("SSL routines: certificate verify failed"), "tls"),
    (ValueError("Cancelling download: maxsize exceeded"), "too_large"),
    (ConnectionResetError("reset by peer"), "network"),
])
def test_cause_of_each_failure(exception, cause):
    assert failures.classify(Failure(exception)) == cause


@pytest.mark.parametrize("name", ["CannotResolveHostError", "DownloadTimeoutError",
                                  "DownloadConnectionRefusedError"])
def test_scrapys_own_network_errors_keep_their_cause(name):
    scrapy_errors = pytest.importorskip("scrapy.exceptions")
    if not hasattr(scrapy_errors, name):
        pytest.skip(f"this Scrapy has no {name}")
    expected = {"CannotResolveHostError": "dns", "DownloadTimeoutError": "timeout",
                "DownloadConnectionRefusedError": "refused"}[name]
    assert failures.classify(Failure(getattr(scrapy_errors, name)("x"))) == expected
