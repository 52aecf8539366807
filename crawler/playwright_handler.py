"""scrapy-playwright's download handler, starting Playwright only when a page needs it.

The stock handler starts the Playwright driver when the engine starts, which costs seconds
on every audit; here it starts on the first request with ``meta['playwright']``, so that a
site whose pages are plain HTML never pays for a browser.  Imported only when
scrapy-playwright is installed (see :func:`crawler.rendering.playwright_download_handlers`).
"""

from __future__ import annotations

import asyncio
from typing import Any

from scrapy import signals
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler


class LazyPlaywrightDownloadHandler(ScrapyPlaywrightDownloadHandler):
    """Plain requests through Scrapy's HTTP client; the browser on first demand."""

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        for receiver in (self._maybe_launch_in_thread, self._engine_started):
            crawler.signals.disconnect(receiver, signal=signals.engine_started)
        self._started = False
        self._start_lock = asyncio.Lock()

    async def _download_request(self, request: Any, spider: Any = None) -> Any:
        if not self._started:
            async with self._start_lock:
                if not self._started:
                    await self._launch()
                    self._started = True
        return await super()._download_request(request, spider)
