"""The JOBDIR queue waits in memory and is written when the crawl stops: the requests a
stopped crawl left come back, in the order Scrapy's own scheduler gives them."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import scrapy
from scrapy.core.scheduler import Scheduler
from scrapy.utils.test import get_crawler

from crawler import settings as audit_settings
from crawler.scheduler import AuditScheduler
from tests.crawler.test_diskqueue import _Spider  # a spider with two callbacks


def _settings(jobdir: Path) -> dict:
    return {"JOBDIR": str(jobdir), "SCHEDULER_DISK_QUEUE": audit_settings.SCHEDULER_DISK_QUEUE,
            "SCHEDULER_MEMORY_QUEUE": audit_settings.SCHEDULER_MEMORY_QUEUE,
            "DEPTH_PRIORITY": audit_settings.DEPTH_PRIORITY}


def _crawler(settings: dict | None = None):
    """A crawler with an idle downloader (Scrapy's default priority queue asks it)."""
    crawler = get_crawler(_Spider, settings)
    crawler.engine = SimpleNamespace(downloader=SimpleNamespace(
        slots={}, get_slot_key=lambda request: urlsplit(request.url).hostname))
    return crawler


def _open(cls: type[Scheduler], jobdir: Path) -> tuple[Scheduler, _Spider]:
    crawler = _crawler(_settings(jobdir))
    crawler.spider = spider = _Spider()
    scheduler = cls.from_crawler(crawler)
    scheduler.open(spider)
    return scheduler, spider


def _requests(spider: _Spider) -> list[scrapy.Request]:
    return [scrapy.Request(f"https://a.example/{n}", callback=spider.parse,
                           errback=spider.other, priority=(n * 7) % 5 - 2,
                           meta={"oit_kind": "page", "depth": n % 3})
            for n in range(40)]


def _queue_files(jobdir: Path) -> list[Path]:
    return [p for p in (jobdir / "requests.queue").rglob("q*") if p.is_file()]


def _drain(scheduler: Scheduler, most: int = 10_000) -> list[tuple[str, int]]:
    out = []
    while len(out) < most and (request := scheduler.next_request()) is not None:
        out.append((request.url, request.priority))
    return out


def _stop_and_resume(cls: type[Scheduler], jobdir: Path, taken: int) -> list[tuple[str, int]]:
    """Schedule the requests, fetch ``taken`` of them, stop; then what a resumed crawl gets."""
    scheduler, spider = _open(cls, jobdir)
    for request in _requests(spider):
        assert scheduler.enqueue_request(request)
    first = _drain(scheduler, taken)
    scheduler.close("shutdown")
    resumed, _ = _open(cls, jobdir)
    rest = _drain(resumed)
    resumed.close("finished")
    return first + rest


def test_a_stopped_crawl_resumes_in_scrapys_order(tmp_path: Path) -> None:
    for taken in (0, 7, 40):
        ours = _stop_and_resume(AuditScheduler, tmp_path / f"ours{taken}", taken)
        theirs = _stop_and_resume(Scheduler, tmp_path / f"theirs{taken}", taken)
        assert ours == theirs
        assert sorted(ours) == sorted((r.url, r.priority) for r in _requests(_Spider()))


def test_nothing_is_written_while_the_crawl_runs(tmp_path: Path) -> None:
    scheduler, spider = _open(AuditScheduler, tmp_path)
    for request in _requests(spider):
        scheduler.enqueue_request(request)
    assert len(scheduler.dqs) == 0 and len(scheduler) == 40
    assert not _queue_files(tmp_path)  # nothing on disk yet
    assert scheduler.next_request().callback == spider.parse  # the same request object
    scheduler.close("shutdown")
    assert _queue_files(tmp_path)  # the 39 left are on disk
    resumed, _ = _open(AuditScheduler, tmp_path)
    assert len(resumed) == 39


def test_without_jobdir_it_is_scrapys_scheduler() -> None:
    crawler = _crawler()
    crawler.spider = spider = _Spider()
    scheduler = AuditScheduler.from_crawler(crawler)
    scheduler.open(spider)
    assert scheduler.dqs is None
    scheduler.enqueue_request(scrapy.Request("https://a.example/", callback=spider.parse))
    assert scheduler.next_request().url == "https://a.example/"
    scheduler.close("finished")


def test_a_request_that_cannot_be_written_is_counted(tmp_path: Path) -> None:
    scheduler, _ = _open(AuditScheduler, tmp_path)
    scheduler.enqueue_request(scrapy.Request("https://a.example/", callback=lambda r: None))
    scheduler.close("shutdown")
    assert scheduler.stats.get_value("scheduler/unserializable") == 1
