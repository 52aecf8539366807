"""Reach named hosts at local addresses through Scrapy's HTTP proxy support.

``OIT_HOST_ALIASES = {"demo-office.localhost": "127.0.0.1:41234"}`` sends every ``http://``
request for that host to the server at ``127.0.0.1:41234`` as a proxy request: the request,
its fingerprint (HTTP cache, duplicate filter) and the URLs in the report keep the stable
name. The demo uses it so its URLs do not change with the free ports its servers get.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from crawler.component import switched_on


class HostAliasMiddleware:
    """Set ``meta['proxy']`` for requests to an aliased host (before HttpProxyMiddleware)."""

    def __init__(self, aliases: dict[str, str]) -> None:
        self.aliases = {host.lower(): target for host, target in aliases.items()}

    @classmethod
    def from_crawler(cls, crawler: Any) -> HostAliasMiddleware:
        return cls(switched_on(crawler, "OIT_HOST_ALIASES", flag=False).getdict(
            "OIT_HOST_ALIASES"))

    def process_request(self, request: Any) -> None:
        parts = urlsplit(request.url)
        target = self.aliases.get((parts.netloc or "").lower())
        if target and parts.scheme == "http":
            request.meta["proxy"] = f"http://{target}"
        return None
