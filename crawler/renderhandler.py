"""The download handler of ``http``/``https``: Scrapy's own HTTP/1.1 client, and the browser
(:mod:`crawler.playwright_handler`) for the requests with ``meta['playwright']``.

The browser handler is named by its dotted path and built on the first request that needs a
browser: importing scrapy-playwright imports Playwright's whole client API, a few tenths of a
CPU-second that every audit paid when the handler was built for the first request, although
most sites' pages are plain HTML and a nightly re-audit of a batch renders none (issue 13).
"""

from __future__ import annotations

from typing import Any

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.utils.misc import build_from_crawler, load_object

BROWSER_HANDLER = "crawler.playwright_handler.LazyPlaywrightDownloadHandler"


class RenderingDownloadHandler(HTTP11DownloadHandler):
    """Plain requests through Scrapy's HTTP client; the browser handler on first demand."""

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self._browser: Any = None  # the browser handler, once a request has needed it

    @property
    def browser(self) -> Any:
        """The browser's download handler (imported and built on first use)."""
        if self._browser is None:
            self._browser = build_from_crawler(load_object(BROWSER_HANDLER), self._crawler)
        return self._browser

    async def download_request(self, request: Any) -> Any:
        if request.meta.get("playwright"):
            return await self.browser.download_request(request)
        return await super().download_request(request)

    async def close(self) -> None:
        if self._browser is not None:
            await self._browser.close()
        await super().close()
