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


def _scrapy(name: str) -> tuple[type[BaseException], ...]:
    """Scrapy >= 2.13 wraps Twisted's network errors in its own exception classes: the one
    named, when this Scrapy has it."""
    return (getattr(scx, name),) if hasattr(scx, name) else ()


DNS_ERRORS = (net.DNSLookupError, *_scrapy("CannotResolveHostError"))
_TIMEOUT = (net.TimeoutError, net.TCPTimedOutError, *_scrapy("DownloadTimeoutError"))
_REFUSED = (net.ConnectionRefusedError, *_scrapy("DownloadConnectionRefusedError"))
_CANCELLED = _scrapy("DownloadCancelledError")


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


# The cause of a failure of each type, first match wins (our own refusals before the
# network errors they may wrap).
_CAUSES: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((PrivateAddress,), "private"),
    ((RedirectLoop,), "redirect_loop"),
    ((TooManyRedirects,), "too_many_redirects"),
    ((RedirectToSeen,), "redirect_seen"),
    ((OffsiteRedirect,), "offsite"),
    ((HostBudgetSpent,), "slow_host"),
    (DNS_ERRORS, "dns"),
    (_TIMEOUT, "timeout"),
    (_REFUSED, "refused"),
    (_CANCELLED, "too_large"),
    ((SSLError,) if SSLError else (), "tls"),
)


def classify(failure: Failure) -> str:
    """A short cause key for a request failure."""
    for types, cause in _CAUSES:
        if types and failure.check(*types):
            return cause
    if failure.check(IgnoreRequest):
        text = str(failure.value).lower()
        return "robots" if "robots" in text else "ignored"
    text = repr(failure.value).lower()
    if "ssl" in text or "tls" in text or "certificate" in text:
        return "tls"
    if "maxsize" in text or "max size" in text or "cancelled" in text:
        return "too_large"
    return "network"
