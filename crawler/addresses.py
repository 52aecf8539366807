"""Which network addresses an audit may connect to.

An audited site's pages and redirects must never make the crawler connect to the machine it
runs on, the office's internal network or a cloud metadata service (server-side request
forgery).  From a public start URL, loopback, private, link-local, shared (carrier-grade NAT),
multicast, reserved and unspecified addresses are refused, and so are the metadata endpoints
below; ``--allow-private`` (``OIT_ALLOW_PRIVATE``) lifts the rule for auditing an intranet, and
a start URL that is itself private lifts it for that host only.

Pure: :class:`AddressPolicy` decides on a host name and an IP address; the resolver
(:mod:`crawler.resolver`) and the downloader middleware
(:mod:`crawler.middlewares.addressguard`) apply it.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest

# Cloud metadata services (AWS/GCP/Azure/OpenStack, Alibaba, AWS IPv6, Oracle).  Most are
# link-local already; they are listed so that no future exception can let them through.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254",
              "192.0.0.192")
)
METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data"})


class PrivateAddress(IgnoreRequest):
    """A request refused because its host is (or resolves to) a non-public address.

    An ``IgnoreRequest``: Scrapy's retry middleware and the second chance leave it alone."""


@lru_cache(maxsize=1024)
def parse_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address written as ``host`` (brackets allowed), or None for a host name
    (memoised: every request and every DNS answer of a crawl asks about the same few hosts;
    the answer depends on the string alone)."""
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return ip


@lru_cache(maxsize=1024)
def non_public_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """Why ``ip`` is not a public address ('' when it is; memoised like :func:`parse_ip`)."""
    if ip in METADATA_ADDRESSES:
        return "metadata"
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return kind
    return "" if ip.is_global else "private"  # 100.64/10 and other special-purpose blocks


def host_of(url: str) -> str:
    """The lower-case host of ``url`` without port or brackets."""
    return (urlsplit(url).hostname or "").lower()


@dataclass
class AddressPolicy:
    """Public addresses only, unless ``allow_private`` or the host is the private start host.

    ``start_hosts`` are the hosts of the start URL; a start host that is an IP address, or a
    name whose first resolution was private, may be private for the whole run.  A start host
    first seen public and later resolving to a private address (DNS rebinding) is refused.
    """

    allow_private: bool = False
    start_hosts: set[str] = field(default_factory=set)
    private_start: dict[str, bool] = field(default_factory=dict)  # host -> first answer private
    refused: dict[str, str] = field(default_factory=dict)  # host -> why (for error messages)
    proxy_hosts: set[str] = field(default_factory=set)  # proxies the user configured

    def add_proxy(self, url: str) -> None:
        """A proxy the user configured may be on the local network (it is theirs)."""
        host = host_of(url)
        if host:
            self.proxy_hosts.add(host)

    def add_start(self, url: str) -> None:
        host = host_of(url)
        if host:
            self.start_hosts.add(host)

    def check(self, host: str, ip: str | None = None) -> str:
        """'' when ``host`` (resolved to ``ip``, or an IP itself) may be connected to;
        otherwise the reason (also kept in ``refused``)."""
        host = host.lower().strip("[]")
        if self.allow_private or host in self.proxy_hosts:
            return ""
        if host in METADATA_HOSTS:
            return self._refuse(host, f"{host} is a cloud metadata service")
        addr = parse_ip(ip or host)
        if addr is None:
            return ""  # a name: judged when it resolves
        kind = non_public_kind(addr)
        if host in self.start_hosts:
            first = self.private_start.setdefault(host, bool(kind))
            if first or not kind:
                return ""
        if not kind:
            return ""
        shown = host if str(addr) == host else f"{host} ({addr})"
        return self._refuse(host, f"{shown} is a {kind.replace('_', '-')} address")

    def _refuse(self, host: str, why: str) -> str:
        self.refused[host] = why
        return why
