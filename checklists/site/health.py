"""Was the site audited at all?  A site that is down or blocks us is reported as such,
never as a list of missing items."""

from __future__ import annotations

from dataclasses import dataclass

from checklists.site.crawlnotes import CAUSES_EN, CAUSES_TH
from checklists.site.snapshot import Snapshot

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
        return SiteHealth("interrupted", "shutdown",
                          "ผลยังไม่ครบ รันคำสั่งเดิมพร้อม --resume เพื่อตรวจต่อจากที่หยุดไว้",
                          "results are incomplete; run the same command with --resume to "
                          "continue")
    url = snapshot.info.home_url or snapshot.info.start_url
    home = snapshot.home
    if home is None and snapshot.records:
        home = snapshot.records[0]
    if home is None:
        return SiteHealth("site_unreachable", "no_response",
                          f"เข้าเว็บไซต์ {url} ไม่ได้: ไม่ได้รับคำตอบใด ๆ",
                          f"could not reach {url}: no response at all")
    if home.status == 0:
        if home.error == "robots":
            return SiteHealth("blocked", "robots",
                              f"robots.txt ของ {url} ไม่อนุญาตให้ตรวจ "
                              "(ใช้ --ignore-robots ถ้าเป็นเว็บไซต์ของหน่วยงานท่านเอง)",
                              f"{url} forbids crawling in robots.txt (use --ignore-robots for "
                              "your own site)")
        cause = home.error or "network"
        return SiteHealth("site_unreachable", cause,
                          f"เข้าเว็บไซต์ {home.url} ไม่ได้: {CAUSES_TH.get(cause, cause)} "
                          f"({home.error_detail})",
                          f"could not reach {home.url}: {CAUSES_EN.get(cause, cause)} "
                          f"({home.error_detail})")
    if home.status in BLOCKING_STATUSES:
        return SiteHealth("blocked", f"http_{home.status}",
                          f"เว็บไซต์ {home.url} ปฏิเสธการเข้าถึงของโปรแกรมตรวจ (HTTP {home.status})",
                          f"{home.url} refused the crawler (HTTP {home.status})")
    pages = snapshot.page_statuses()
    if home.status >= 400 or (pages and all(s == 0 or s >= 500 for s in pages)):
        return SiteHealth("site_unreachable", f"http_{home.status}",
                          f"หน้าแรก {home.url} ตอบกลับด้วยข้อผิดพลาด HTTP {home.status}",
                          f"the home page {home.url} answered HTTP {home.status}")
    return SiteHealth("ok")
