"""scrapy-playwright's download handler, starting Playwright only when a page needs it, with
the address guard on every request the browser makes.

The stock handler starts the Playwright driver when the engine starts, which costs seconds
on every audit; here it starts on the first request with ``meta['playwright']``, so that a
site whose pages are plain HTML never pays for a browser.  Each page's route handler is
wrapped by :func:`crawler.browserguard.guarded_handler`: scripts, XHR, iframes and redirects
inside the page pass the same address policy as the crawler's own requests, and what was
refused is listed in ``request.meta['oit_blocked']``.  Imported and built by
:class:`crawler.renderhandler.RenderingDownloadHandler` on the first request that needs a
browser (scrapy-playwright installed: :func:`crawler.rendering.playwright_download_handlers`).
"""

from __future__ import annotations

import asyncio
from typing import Any

from scrapy import signals
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from crawler.addresses import AddressPolicy
from crawler.browserguard import BrowserGuard, guarded_handler
from crawler.middlewares.addressguard import add_starts
from crawler.resolver import installed_policy
from crawler.runcontext import AuditRun


class LazyPlaywrightDownloadHandler(ScrapyPlaywrightDownloadHandler):
    """Plain requests through Scrapy's HTTP client; the browser on first demand."""

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        for receiver in (self._maybe_launch_in_thread, self._engine_started):
            crawler.signals.disconnect(receiver, signal=signals.engine_started)
        self._started = False
        self._start_lock = asyncio.Lock()
        self._crawler = crawler
        self._own_policy: AddressPolicy | None = None
        self.guard = BrowserGuard(self._policy, crawler.stats)
        self._blocked: dict[str, list[str]] = {}  # Scrapy request URL -> refused requests

    def _policy(self) -> AddressPolicy:
        """The resolver's policy (start hosts added by the address guard middleware), or one
        of the browser's own when another resolver is installed."""
        policy = installed_policy()
        if policy is not None:
            return policy
        if self._own_policy is None:
            self._own_policy = AddressPolicy(
                allow_private=self._crawler.settings.getbool("OIT_ALLOW_PRIVATE"))
            add_starts(self._own_policy, AuditRun.of(self._crawler))
        return self._own_policy

    async def _download_request(self, request: Any, spider: Any = None) -> Any:
        if not request.meta.get("playwright"):
            return await super()._download_request(request, spider)
        if not self._started:
            async with self._start_lock:
                if not self._started:
                    await self._launch()
                    self._started = True
        self._blocked[request.url] = request.meta.setdefault("oit_blocked", [])
        try:
            return await super()._download_request(request, spider)
        finally:
            self._blocked.pop(request.url, None)

    def _make_request_handler(self, *args: Any, **kwargs: Any) -> Any:
        blocked = self._blocked.setdefault(kwargs["url"], [])
        return guarded_handler(super()._make_request_handler(*args, **kwargs), self.guard,
                               blocked)
