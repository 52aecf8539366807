"""Never connect to loopback, private, link-local, multicast, reserved or metadata addresses.

Two downloader middlewares share one :class:`crawler.addresses.AddressPolicy`:

* :class:`AddressGuardMiddleware` (before robots.txt) refuses every request, redirect hop,
  retry and robots.txt request whose host is such an address written as an IP, before
  anything is sent; host names are checked by :class:`crawler.resolver.GuardedResolver`
  when they resolve.  It adds the start URL's host to the policy (a private start URL is
  allowed for that host only).
* :class:`PrivateLookupMiddleware` (outermost) turns the resolver's refusal, which Twisted
  reports as a failed DNS lookup, into the same :class:`PrivateAddress` failure, before the
  retry middleware or the second chance could try again.

* :class:`ProxyTargetMiddleware` (after HttpProxyMiddleware) resolves and checks the target's
  name when a proxy is used (the proxy resolves it, so the resolver above never sees it).

Settings: ``OIT_ALLOW_PRIVATE``.  Stats: ``oit/private_address/refused``,
``oit/private_address/proxy_unresolved``.
"""

from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.http import Request
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached

from crawler.addresses import AddressPolicy, PrivateAddress, parse_ip
from crawler.failures import DNS_ERRORS
from crawler.resolver import PrivateAddressLookup, installed_policy, installed_resolver
from crawler.runcontext import AuditRun


def _shared_policy(allow_private: bool) -> AddressPolicy:
    return installed_policy() or AddressPolicy(allow_private=allow_private)


def add_starts(policy: AddressPolicy, run: AuditRun) -> None:
    """Allow the hosts of the run's start addresses (a private start URL is audited)."""
    for url in run.target.candidates if run.target else ():
        policy.add_start(url)


class AddressGuardMiddleware:
    """Refuse requests to non-public IP addresses (every hop: redirects come back here)."""

    def __init__(self, allow_private: bool, stats: Any, run: AuditRun) -> None:
        self.allow_private = allow_private
        self.stats = stats
        self.run = run  # its target names the start hosts
        self.policy: AddressPolicy | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> AddressGuardMiddleware:
        mw = cls(crawler.settings.getbool("OIT_ALLOW_PRIVATE"), crawler.stats,
                 AuditRun.of(crawler))
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        return mw

    def spider_opened(self) -> None:
        self.policy = _shared_policy(self.allow_private)
        add_starts(self.policy, self.run)

    def process_request(self, request: Request, spider: Any = None) -> None:
        if self.policy is None:
            self.spider_opened()
        assert self.policy is not None
        why = self.policy.check(urlparse_cached(request).hostname or "")
        if why:
            self.stats.inc_value("oit/private_address/refused")
            raise PrivateAddress(why)


class ProxyTargetMiddleware:
    """Through an HTTP(S) proxy the proxy resolves the target's name, never our resolver:
    resolve it here and refuse it when any answer is not public (after HttpProxyMiddleware,
    which sets ``meta['proxy']``).  The proxy's own host is allowed (the user chose it).
    A name that does not resolve here (DNS only through the proxy) is let through: what the
    proxy's network reaches cannot be checked from this machine (README, Hostile sites)."""

    def __init__(self, stats: Any, aliases: set[str]) -> None:
        self.stats = stats
        self.aliases = aliases

    @classmethod
    def from_crawler(cls, crawler: Any) -> ProxyTargetMiddleware:
        aliases = {h.lower() for h in crawler.settings.getdict("OIT_HOST_ALIASES")}
        return cls(crawler.stats, aliases)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        proxy = request.meta.get("proxy")
        resolver = installed_resolver()
        host = (urlparse_cached(request).hostname or "").lower()
        if not proxy or resolver is None or host in self.aliases or parse_ip(host) is not None:
            return  # no proxy, or an IP written as such (AddressGuardMiddleware checked it)
        policy = resolver.policy
        policy.add_proxy(proxy)
        if policy.allow_private:
            return
        why = policy.check(host)  # a metadata name
        if not why:
            try:
                await maybe_deferred_to_future(resolver.getHostByName(host))
            except PrivateAddressLookup as exc:
                why = str(exc)
            except DNS_ERRORS:
                self.stats.inc_value("oit/private_address/proxy_unresolved")
                return
        if why:
            self.stats.inc_value("oit/private_address/refused")
            raise PrivateAddress(why)


class PrivateLookupMiddleware:
    """Report a name the resolver refused as a private address, never as a DNS error."""

    def __init__(self, allow_private: bool, stats: Any) -> None:
        self.allow_private = allow_private
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> PrivateLookupMiddleware:
        return cls(crawler.settings.getbool("OIT_ALLOW_PRIVATE"), crawler.stats)

    def process_exception(self, request: Request, exception: BaseException,
                          spider: Any = None) -> None:
        if not isinstance(exception, DNS_ERRORS):
            return
        host = (urlparse_cached(request).hostname or "").lower()
        why = _shared_policy(self.allow_private).refused.get(host)
        if why:
            self.stats.inc_value("oit/private_address/refused")
            raise PrivateAddress(why)
