"""scrapy-playwright's download handler, starting Playwright only when a page needs it, with
the address guard on every request the browser makes.

The stock handler starts the Playwright driver when the engine starts, which costs seconds
on every audit; here it starts on the first request with ``meta['playwright']``, so that a
site whose pages are plain HTML never pays for a browser.  Each page's route handler is
wrapped by :func:`crawler.browserguard.guarded_handler`: scripts, XHR, iframes and redirects
inside the page pass the same address policy as the crawler's own requests, and what was
refused is listed in ``request.meta['oit_blocked']``.  The browser is launched with the
project's launch options under the user's (:func:`crawler.rendering.launch_options`), and its
driver ignores SIGTERM (crawler/driverstart.js: a stop sent to the audit's process group is
the audit's to handle, as Ctrl-C).  Imported and built by
:class:`crawler.renderhandler.RenderingDownloadHandler` on the first request that needs a
browser (scrapy-playwright installed: :func:`crawler.rendering.playwright_download_handlers`).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from crawler.addresses import AddressPolicy
from crawler.browserguard import BrowserGuard, guarded_handler
from crawler.middlewares.addressguard import add_starts
from crawler.rendering import launch_options
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
        self.config.launch_options = launch_options(crawler.settings)  # -s over the project's

    async def _launch(self) -> None:
        with driver_preload():  # the driver's environment is copied when it starts
            await super()._launch()

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


DRIVER_START = Path(__file__).with_name("driverstart.js")


@contextmanager
def driver_preload() -> Iterator[None]:
    """While inside, ``NODE_OPTIONS`` (the user's kept) has Node load
    crawler/driverstart.js first: the Playwright driver started meanwhile ignores SIGTERM.
    Playwright starts its driver with a copy of this process's environment and no other way
    to add to it; the variable is put back as it was once the browser is launched."""
    before = os.environ.get("NODE_OPTIONS")
    preload = f'--require "{DRIVER_START}"'
    os.environ["NODE_OPTIONS"] = f"{before} {preload}" if before else preload
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("NODE_OPTIONS", None)
        else:
            os.environ["NODE_OPTIONS"] = before
