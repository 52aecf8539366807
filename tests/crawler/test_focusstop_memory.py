"""A nightly re-audit skips the focused crawl's checks on the way while its records are a part
of what the last crawl of the site judged and found short (crawler/focusstop.py): the same
records, the same checklist and fiscal year; a record new or changed brings them back."""

from __future__ import annotations

from scrapy.utils.test import get_crawler

from checklists.site.records import PageRecord
from checklists.site.snapshot import CrawlInfo
from crawler.focusstop import (
    LAST_CRAWL,
    STOP_REASON,
    FocusStop,
    keep_last_crawl,
    record_key,
    short_records,
)
from crawler.runcontext import AuditRun

HOME = "http://office.example/"


class _Spider:
    exploring: set[str] = set()

    def crawl_info(self) -> CrawlInfo:
        return CrawlInfo(start_url=HOME, home_url=HOME)

    def decide(self) -> bool:
        return False


def _records(n: int, changed: int = -1) -> list[PageRecord]:
    """``n`` pages of a site with a gap (no item's evidence); page ``changed`` has other bytes."""
    return [PageRecord(url=f"{HOME}p{k}.html", final_url=f"{HOME}p{k}.html", kind="page",
                       status=200, depth=1, fetched_at="2026-05-15T01:00:00+00:00",
                       title=f"ข่าวกิจกรรม {k}", text=f"กิจกรรมครั้งที่ {k}",
                       sha256=("new" if k == changed else "old") + str(k))
            for k in range(n)]


def _crawl(cache_dir, records, reason="finished", fiscal_year=0):
    """FocusStop over ``records`` as one crawl; the crawl's stats."""
    crawler = get_crawler(settings_dict={
        "OIT_CHECKLIST": "nacc-oit-2565", "OIT_FOCUS_CHECK_MAX": 3000, "OIT_FOCUSED": True, "OIT_FOCUS_STOP": True, "OIT_FOCUS_CHECK_FIRST": 4,
        "OIT_FOCUS_CHECK_SHARE": 1e9, "HTTPCACHE_ENABLED": True,
        "HTTPCACHE_DIR": str(cache_dir), "OIT_AS_OF": "2026-05-15",
        "OIT_FISCAL_YEAR": fiscal_year})
    crawler.stats.open_spider()
    AuditRun.from_settings(crawler.settings).bind(crawler)
    ext = FocusStop.from_crawler(crawler)
    spider = _Spider()
    ext.spider_opened(spider)
    for rec in records:
        ext.item_scraped(rec, spider)
    ext.spider_closed(spider, reason)
    return crawler.stats


def test_a_re_audit_of_unchanged_records_skips_the_checks(tmp_path):
    first = _crawl(tmp_path, _records(20))
    assert first.get_value("focus/checks") == 3  # at 4, 8 and 16 records: nothing passes
    assert not first.get_value("focus/checks_skipped_unchanged")
    assert (tmp_path / LAST_CRAWL).is_file()

    second = _crawl(tmp_path, _records(20))
    assert not second.get_value("focus/checks")
    assert second.get_value("focus/checks_skipped_unchanged") == 3


def test_a_new_or_changed_record_brings_the_checks_back(tmp_path):
    _crawl(tmp_path, _records(20))
    changed = _crawl(tmp_path, _records(20, changed=6))  # before the check at 8 records
    assert changed.get_value("focus/checks_skipped_unchanged") == 1  # at 4 only
    assert changed.get_value("focus/checks") == 2
    grown = _crawl(tmp_path, _records(21, changed=6))  # the last crawl's 20, then a new one
    assert grown.get_value("focus/checks_skipped_unchanged") == 3
    assert not grown.get_value("focus/checks")  # the new page came after the last check


def test_another_fiscal_year_or_a_cut_crawl_gives_no_memory(tmp_path):
    _crawl(tmp_path, _records(20), reason="shutdown")  # stopped: nothing kept
    assert not (tmp_path / LAST_CRAWL).exists()
    _crawl(tmp_path, _records(20))
    other_year = _crawl(tmp_path, _records(20), fiscal_year=2570)
    assert other_year.get_value("focus/checks") == 3


def test_the_memory_is_kept_whole_and_read_only_for_its_scope(tmp_path):
    keys = {record_key(r) for r in _records(3)}
    keep_last_crawl(str(tmp_path), "nacc|2569", False, keys)
    assert short_records(str(tmp_path), "nacc|2569") == keys
    assert short_records(str(tmp_path), "nacc|2570") == frozenset()
    keep_last_crawl(str(tmp_path), "nacc|2569", True, keys)  # decided: nothing to skip
    assert short_records(str(tmp_path), "nacc|2569") == frozenset()
    (tmp_path / LAST_CRAWL).write_text("{", encoding="utf-8")  # cut short by a full disk
    assert short_records(str(tmp_path), "nacc|2569") == frozenset()
    assert short_records(str(tmp_path / "none"), "nacc|2569") == frozenset()
    assert not list(tmp_path.glob("*.tmp"))
    assert STOP_REASON == "all_items_decided"
