"""A second chance for slow or flaky pages before they are called broken.

Scrapy's ``RetryMiddleware`` retries a timeout or a dropped connection with the same timeout;
offices' servers are often slow for a crawler but fine for a person who waits.  When the
retries give up, this middleware tries the request once more with a longer timeout
(``OIT_SECOND_CHANCE_TIMEOUT``) and marks it, so that a page that still fails is reported
with every attempt counted.

Settings: ``OIT_SECOND_CHANCE`` (on/off), ``OIT_SECOND_CHANCE_TIMEOUT`` (seconds).  Stats:
``oit/second_chance/requests`` and ``oit/second_chance/recovered``.
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Request, Response
from twisted.python.failure import Failure

from crawler import failures
from crawler.component import switched_on

RETRIED_CAUSES = ("timeout", "network", "refused")
RETRIED_STATUSES = (408, 502, 503, 504, 522, 524)


class SecondChanceMiddleware:
    """Re-request a failed page once with a longer timeout after the ordinary retries."""

    def __init__(self, timeout: float, retry_times: int, stats: Any) -> None:
        self.timeout = timeout
        self.retry_times = retry_times
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> SecondChanceMiddleware:
        s = switched_on(crawler, "OIT_SECOND_CHANCE")
        retry_times = s.getint("RETRY_TIMES") if s.getbool("RETRY_ENABLED") else 0
        return cls(s.getfloat("OIT_SECOND_CHANCE_TIMEOUT"), retry_times, crawler.stats)

    def _again(self, request: Request) -> Request | None:
        meta = request.meta
        if meta.get("oit_second_chance") or meta.get("playwright"):
            return None
        timeout = max(self.timeout, float(meta.get("download_timeout") or 0) * 2)
        self.stats.inc_value("oit/second_chance/requests")
        attempts = int(meta.get("retry_times", 0)) + 1
        return request.replace(
            dont_filter=True,
            meta={**meta, "download_timeout": timeout, "dont_retry": True,
                  "oit_second_chance": True, "oit_attempts": attempts + 1,
                  "oit_timeouts": [float(meta.get("download_timeout") or 0)] * attempts
                  + [timeout]},
        )

    def process_exception(self, request: Request,
                          exception: BaseException) -> Request | None:
        if failures.classify(Failure(exception)) not in RETRIED_CAUSES:
            return None
        return self._again(request)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("oit_second_chance") and response.status < 400:
            self.stats.inc_value("oit/second_chance/recovered")
        if response.status in RETRIED_STATUSES and \
                int(request.meta.get("retry_times", 0)) >= self.retry_times:
            return self._again(request) or response
        return response
