"""The address guard inside the browser: every request a rendered page makes is checked.

Chromium fetches a rendered page's scripts, XHR, iframes and redirects itself, outside
Scrapy's downloader, so neither :class:`crawler.middlewares.addressguard.AddressGuardMiddleware`
nor :class:`crawler.resolver.GuardedResolver` sees them.  :class:`BrowserGuard` applies the
same :class:`crawler.addresses.AddressPolicy` to each of them (routed by
:mod:`crawler.playwright_handler`):

* the URL's host is checked as written (an IP, a metadata name), and a host name is resolved
  and every address it resolves to is checked, before the request is let through;
* the request is then made by Playwright without following redirects
  (``route.fetch(max_redirects=0)``): a redirect's target is checked the same way before the
  browser is handed the redirect (Playwright does not route redirect hops itself).

A refused request is aborted and kept in the page's record (``blocked``: "URL: reason"), and
counted in ``oit/private_address/browser_refused``.  Left open: Chromium's own DNS lookup
happens after ours, so a name re-resolving between the two (DNS rebinding within a second)
is not caught here.  Imported only with scrapy-playwright (through the download handler).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urljoin, urlsplit

from playwright.async_api import Error as PlaywrightError

from crawler.addresses import AddressPolicy, parse_ip

CHECKED_SCHEMES = ("http", "https", "ws", "wss")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)


class BrowserGuard:
    """Decides on a browser request's URL with the audit's :class:`AddressPolicy`."""

    def __init__(self, policy: Callable[[], AddressPolicy], stats: Any) -> None:
        self._policy = policy
        self.stats = stats

    async def refusal(self, url: str) -> str:
        """'' when the browser may fetch ``url``, else why not."""
        parts = urlsplit(url)
        if parts.scheme not in CHECKED_SCHEMES:
            return ""  # data:, blob:, about: never leave the browser
        policy = self._policy()
        host = (parts.hostname or "").lower()
        why = policy.check(host)
        if why or policy.allow_private or parse_ip(host) is not None:
            return why
        try:
            answers = await asyncio.get_running_loop().getaddrinfo(
                host, parts.port or (443 if parts.scheme in ("https", "wss") else 80),
                type=socket.SOCK_STREAM)
        except OSError:
            return ""  # no address: the browser fails to connect on its own
        for *_, sockaddr in answers:
            why = policy.check(host, str(sockaddr[0]))
            if why:
                return why
        return ""

    def refused(self, blocked: list[str], url: str, why: str) -> None:
        blocked.append(f"{url}: {why}")
        self.stats.inc_value("oit/private_address/browser_refused")


class GuardedRoute:
    """A Playwright ``Route`` whose ``continue_`` checks the request and each redirect.

    scrapy-playwright's route handler (method, headers and body of the Scrapy request) calls
    ``continue_`` or ``abort``; here ``continue_`` fetches without following redirects and
    fulfils the browser's request with the answer, once its redirect target passed."""

    def __init__(self, route: Any, guard: BrowserGuard, blocked: list[str]) -> None:
        self._route = route
        self._guard = guard
        self._blocked = blocked

    async def abort(self, *args: Any, **kwargs: Any) -> None:
        await self._route.abort(*args, **kwargs)

    async def continue_(self, **overrides: Any) -> None:
        request = self._route.request
        url = overrides.get("url") or request.url
        why = await self._guard.refusal(url)
        if why:
            return await self._refuse(url, why)
        if urlsplit(url).scheme not in ("http", "https"):
            return await self._route.continue_(**overrides)
        try:
            fetched = await self._route.fetch(max_redirects=0, **overrides)
        except PlaywrightError:  # refused, reset, timed out: fail it as the browser would
            return await self._route.abort("failed")  # (unanswered, the page never idles)
        location = fetched.headers.get("location")
        if fetched.status in REDIRECT_STATUSES and location:
            target = urljoin(url, location)
            why = await self._guard.refusal(target)
            if why:
                return await self._refuse(target, why)
        await self._route.fulfill(response=fetched)

    async def _refuse(self, url: str, why: str) -> None:
        self._guard.refused(self._blocked, url, why)
        await self._route.abort("blockedbyclient")


def guarded_handler(inner: Callable[[Any, Any], Awaitable[None]], guard: BrowserGuard,
                    blocked: list[str]) -> Callable[[Any, Any], Awaitable[None]]:
    """Wrap scrapy-playwright's route handler so that every request passes ``guard``."""

    async def handler(route: Any, request: Any) -> None:
        await inner(GuardedRoute(route, guard, blocked), request)

    return handler
