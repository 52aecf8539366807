"""Name the cause of a failed request with a short key (its words are in
``checklists.site.crawlnotes``)."""

from __future__ import annotations

from twisted.internet import error as net
from twisted.python.failure import Failure

try:  # Scrapy wraps TLS failures in OpenSSL errors
    from OpenSSL.SSL import Error as SSLError
except ImportError:  # pragma: no cover
    SSLError = ()  # type: ignore[assignment]

from scrapy import exceptions as scx
from scrapy.exceptions import IgnoreRequest

from crawler.addresses import PrivateAddress

# Scrapy >= 2.13 wraps Twisted's network errors in its own exception classes.
DNS_ERRORS = (net.DNSLookupError, *(getattr(scx, n) for n in ("CannotResolveHostError",)
                              if hasattr(scx, n)))
_TIMEOUT = (net.TimeoutError, net.TCPTimedOutError,
            *(getattr(scx, n) for n in ("DownloadTimeoutError",) if hasattr(scx, n)))
_REFUSED = (net.ConnectionRefusedError,
            *(getattr(scx, n) for n in ("DownloadConnectionRefusedError",) if hasattr(scx, n)))
_CANCELLED = tuple(getattr(scx, n) for n in ("DownloadCancelledError",) if hasattr(scx, n))


class RedirectLoop(IgnoreRequest):
    """A redirect back to a URL of its own chain."""


class TooManyRedirects(IgnoreRequest):
    """A redirect chain longer than ``REDIRECT_MAX_TIMES``."""


class RedirectToSeen(IgnoreRequest):
    """A redirect to a URL the crawl already fetched or scheduled: not fetched again, the
    link's record points to the target's (``PageRecord.same_as``)."""

    def __init__(self, target: str) -> None:
        super().__init__(f"redirects to {target}, already seen")
        self.target = target


class OffsiteRedirect(IgnoreRequest):
    """A site link redirecting to another host while external links are not checked."""


class HostBudgetSpent(IgnoreRequest):
    """An external host that already used its time budget (it hangs or keeps failing)."""


def classify(failure: Failure) -> str:
    """A short cause key for a request failure."""
    if failure.check(PrivateAddress):
        return "private"
    if failure.check(RedirectLoop):
        return "redirect_loop"
    if failure.check(TooManyRedirects):
        return "too_many_redirects"
    if failure.check(RedirectToSeen):
        return "redirect_seen"
    if failure.check(OffsiteRedirect):
        return "offsite"
    if failure.check(HostBudgetSpent):
        return "slow_host"
    if failure.check(*DNS_ERRORS):
        return "dns"
    if failure.check(*_TIMEOUT):
        return "timeout"
    if failure.check(*_REFUSED):
        return "refused"
    if _CANCELLED and failure.check(*_CANCELLED):
        return "too_large"
    if SSLError and failure.check(SSLError):
        return "tls"
    if failure.check(IgnoreRequest):
        text = str(failure.value).lower()
        return "robots" if "robots" in text else "ignored"
    text = repr(failure.value).lower()
    if "ssl" in text or "tls" in text or "certificate" in text:
        return "tls"
    if "maxsize" in text or "max size" in text or "cancelled" in text:
        return "too_large"
    return "network"
