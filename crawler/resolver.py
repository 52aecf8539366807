"""A DNS resolver that refuses non-public answers (``TWISTED_DNS_RESOLVER``).

The downloader connects to the address this resolver returns, so checking the answer here
checks the address actually connected to: a public name that resolves (or later re-resolves,
DNS rebinding) to 127.0.0.1, 10.x or 169.254.169.254 fails before any connection is made.
Refused answers are not cached.  The policy (:class:`crawler.addresses.AddressPolicy`) is
shared with :class:`crawler.middlewares.addressguard.AddressGuardMiddleware`, which adds the
start URL's host and turns a refusal into a "points to a private address" failure.

Settings: ``OIT_ALLOW_PRIVATE`` (and Scrapy's ``DNSCACHE_*`` and ``DNS_TIMEOUT``).
"""

from __future__ import annotations

from typing import Any

from scrapy.resolver import CachingThreadedResolver, dnscache
from twisted.internet.error import DNSLookupError

from crawler.addresses import AddressPolicy


class PrivateAddressLookup(DNSLookupError):
    """The name resolved to an address the policy refuses (a DNSLookupError: Twisted's
    endpoint then reports 'no address', never connects)."""


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's caching resolver whose answers must pass an :class:`AddressPolicy`."""

    def __init__(self, reactor: Any, cache_size: int, timeout: float,
                 policy: AddressPolicy) -> None:
        super().__init__(reactor, cache_size, timeout)
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GuardedResolver:
        s = crawler.settings
        cache_size = s.getint("DNSCACHE_SIZE") if s.getbool("DNSCACHE_ENABLED") else 0
        return cls(reactor, cache_size, s.getfloat("DNS_TIMEOUT"),
                   AddressPolicy(allow_private=s.getbool("OIT_ALLOW_PRIVATE")))

    def getHostByName(self, name: str, timeout: Any = ()) -> Any:  # noqa: N802 (Twisted API)
        return super().getHostByName(name, timeout).addCallback(self._checked, name)

    def _checked(self, address: str, name: str) -> str:
        why = self.policy.check(name, address)
        if why:
            dnscache.pop(name, None)
            raise PrivateAddressLookup(why)
        return address


def installed_resolver() -> GuardedResolver | None:
    """The resolver installed on the running reactor (None: another resolver, e.g. a project
    that set ``TWISTED_DNS_RESOLVER`` to its own)."""
    from twisted.internet import reactor  # the running one; importing it early installs one

    resolver = getattr(reactor, "resolver", None)
    return resolver if isinstance(resolver, GuardedResolver) else None


def installed_policy() -> AddressPolicy | None:
    """The policy of the resolver installed on the running reactor (see above)."""
    resolver = installed_resolver()
    return resolver.policy if resolver is not None else None
