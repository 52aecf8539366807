"""Was the site audited at all?  A site that is down or blocks us is reported as such,
never as a list of missing items."""

from __future__ import annotations

from dataclasses import dataclass

from checklists.site.crawlnotes import CAUSES_EN, CAUSES_TH
from checklists.site.snapshot import Snapshot
from checklists.words import pair, pick

BLOCKING_STATUSES = (401, 403, 407, 429, 451)


@dataclass(frozen=True)
class SiteHealth:
    """``ok``, ``site_unreachable`` or ``blocked``, with the cause in Thai and English."""

    status: str
    cause: str = ""
    message_th: str = ""
    message_en: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def assess(snapshot: Snapshot) -> SiteHealth:
    """Judge whether the crawl reached the site (and was not stopped half-way)."""
    if snapshot.info.finish_reason == "shutdown":  # stopped by a signal: judge nothing
        return SiteHealth("interrupted", "shutdown", *pair("site_health", "interrupted"))
    url = snapshot.info.home_url or snapshot.info.start_url
    home = snapshot.home
    if home is None and snapshot.records:
        home = snapshot.records[0]
    if home is None:
        return SiteHealth("site_unreachable", "no_response",
                          *pair("site_health", "no_response", url=url))
    if home.status == 0:
        if home.error == "robots":
            return SiteHealth("blocked", "robots", *pair("site_health", "robots", url=url))
        cause = home.error or "network"
        values = {"url": home.url, "detail": home.error_detail}
        return SiteHealth("site_unreachable", cause,
                          pick("site_health", "unreachable", "th",
                               cause=CAUSES_TH.get(cause, cause), **values),
                          pick("site_health", "unreachable", "en",
                               cause=CAUSES_EN.get(cause, cause), **values))
    if home.status in BLOCKING_STATUSES:
        return SiteHealth("blocked", f"http_{home.status}",
                          *pair("site_health", "refused", url=home.url, status=home.status))
    pages = snapshot.page_statuses()
    if home.status >= 400 or (pages and all(s == 0 or s >= 500 for s in pages)):
        return SiteHealth("site_unreachable", f"http_{home.status}",
                          *pair("site_health", "http_error", url=home.url, status=home.status))
    return SiteHealth("ok")
