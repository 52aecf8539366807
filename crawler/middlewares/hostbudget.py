"""One short time budget per external host.

A hanging external host (a dead Drive mirror, a complaint form on a server that never answers)
used to cost minutes: robots.txt with its retries, then the link with its retries, then the
second chance.  Each host other than the audited site now gets ``OIT_EXTERNAL_HOST_BUDGET``
seconds of failed waiting in total: every request to it waits at most what is left, each failed
attempt is taken off (a timeout its whole timeout, a 5xx answer its latency; a refused
connection costs nothing and keeps its own cause; time queued behind other requests is not
counted), and
once nothing is left its requests fail at once with :class:`crawler.failures.HostBudgetSpent`, which neither the retry
middleware nor the second chance repeat.  Answers that arrive cost nothing, so a host serving
many documents is never cut short.

Settings: ``OIT_EXTERNAL_HOST_BUDGET`` (seconds; 0 turns the budget off).  Stats:
``oit/host_budget/exhausted`` (hosts), ``oit/host_budget/refused`` (requests).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from scrapy.http import Request, Response
from twisted.python.failure import Failure

from checklists.site.scope import origin_key
from crawler import failures
from crawler.component import switched_off
from crawler.failures import HostBudgetSpent
from crawler.runcontext import AuditRun


class HostBudgetMiddleware:
    """Cap the waiting spent on each external host (robots.txt, retries, second chance)."""

    def __init__(self, budget: float, default_timeout: float, stats: Any, run: AuditRun) -> None:
        self.budget = budget
        self.default_timeout = default_timeout
        self.stats = stats
        self.run = run  # its target is the audited site
        self.spent: defaultdict[str, float] = defaultdict(float)

    @classmethod
    def from_crawler(cls, crawler: Any) -> HostBudgetMiddleware:
        s = crawler.settings
        budget = s.getfloat("OIT_EXTERNAL_HOST_BUDGET")
        if budget <= 0:
            raise switched_off(crawler, "OIT_EXTERNAL_HOST_BUDGET is 0")
        return cls(budget, s.getfloat("DOWNLOAD_TIMEOUT"), crawler.stats, AuditRun.of(crawler))

    def _external(self, request: Request) -> str:
        """The host key of ``request`` when it is not the audited site ('' for the site)."""
        target = self.run.target
        if target is None or request.meta.get("oit_home") or target.scope.contains(request.url):
            return ""
        return origin_key(request.url)

    def process_request(self, request: Request, spider: Any = None) -> None:
        host = self._external(request)
        if not host:
            return
        left = self.budget - self.spent[host]
        if left <= 0:
            self.stats.inc_value("oit/host_budget/refused")
            raise HostBudgetSpent(f"{host} did not answer within its {self.budget:g}s budget")
        timeout = float(request.meta.get("download_timeout") or self.default_timeout)
        request.meta["download_timeout"] = min(timeout, left)

    def _charge(self, request: Request, seconds: float) -> None:
        host = self._external(request)
        if not host:
            return
        before = self.spent[host]
        self.spent[host] += seconds
        if before < self.budget <= self.spent[host]:
            self.stats.inc_value("oit/host_budget/exhausted")

    def process_response(self, request: Request, response: Response,
                         spider: Any = None) -> Response:
        if response.status >= 500:
            self._charge(request, float(request.meta.get("download_latency") or 0))
        return response

    def process_exception(self, request: Request, exception: BaseException,
                          spider: Any = None) -> None:
        if failures.classify(Failure(exception)) == "timeout":
            self._charge(request, float(request.meta.get("download_timeout") or 0))
