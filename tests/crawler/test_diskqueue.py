"""The JOBDIR disk queue writes what Scrapy's own writes, found without inspect."""

from __future__ import annotations

from pathlib import Path

import pytest
import scrapy
from scrapy.squeues import PickleFifoDiskQueue
from scrapy.utils.test import get_crawler

from crawler.diskqueue import AuditDiskQueue, method_name, request_dict
from crawler.spiders.oit import OitSpider


class _Spider(scrapy.Spider):
    name = "q"

    def parse(self, response):  # pragma: no cover - never called
        return None

    def other(self, failure):  # pragma: no cover - never called
        return None


def _requests(spider: scrapy.Spider) -> list[scrapy.Request]:
    return [
        scrapy.Request("https://a.example/p?x=1", callback=spider.parse, errback=spider.other,
                       meta={"oit_kind": "page", "depth": 2}, priority=7),
        scrapy.Request("https://a.example/", callback=spider.parse),
        scrapy.Request("https://a.example/none"),
        scrapy.FormRequest("https://a.example/f", formdata={"a": "1"}, callback=spider.other),
    ]


def test_same_dict_as_scrapy() -> None:
    spider = _Spider()
    for request in _requests(spider):
        assert request_dict(request, spider) == request.to_dict(spider=spider)
        assert request.callback is None or request.callback.__self__ is spider  # restored


def test_other_callables_go_through_scrapy() -> None:
    spider, other = _Spider(), _Spider()
    assert method_name(spider, other.parse) is None
    assert method_name(spider, print) is None
    request = scrapy.Request("https://a.example/", callback=lambda r: None)
    with pytest.raises(ValueError):  # as Scrapy: a lambda cannot be written to disk
        request_dict(request, spider)
    request = scrapy.Request("https://a.example/", callback=other.parse)
    assert request_dict(request, spider) == request.to_dict(spider=spider)


def test_queue_round_trip(tmp_path: Path) -> None:
    crawler = get_crawler(_Spider)
    crawler.spider = spider = _Spider()
    ours = AuditDiskQueue.from_crawler(crawler, str(tmp_path / "ours"))
    theirs = PickleFifoDiskQueue.from_crawler(crawler, str(tmp_path / "theirs"))
    for request in _requests(spider):
        ours.push(request)
        theirs.push(request)
    while (a := ours.pop()) is not None:
        b = theirs.pop()
        assert a.to_dict(spider=spider) == b.to_dict(spider=spider)
        assert a.callback == b.callback and a.errback == b.errback
    assert theirs.pop() is None
    ours.close()
    theirs.close()


def test_audit_spider_callbacks() -> None:
    spider = OitSpider(start_url="https://a.example/")
    request = scrapy.Request("https://a.example/x", callback=spider.parse,
                             errback=spider.on_error)
    assert request_dict(request, spider) == request.to_dict(spider=spider)


def test_fingerprints_come_out_of_the_queue_with_their_request(tmp_path: Path, monkeypatch) -> None:
    from scrapy.utils import request as scrapy_request

    crawler = get_crawler(_Spider)
    crawler.spider = spider = _Spider()
    queue = AuditDiskQueue.from_crawler(crawler, str(tmp_path / "q"))
    requests = _requests(spider)
    expected = [scrapy_request.fingerprint(r) for r in requests]  # as the dupefilter does
    for request in requests:
        queue.push(request)
    assert queue.peek().url == requests[0].url
    worked_out = []
    real_sha1 = scrapy_request.hashlib.sha1
    monkeypatch.setattr(scrapy_request.hashlib, "sha1",
                        lambda data: worked_out.append(data) or real_sha1(data))
    popped = []
    while (request := queue.pop()) is not None:
        popped.append(request)
        assert _OURS not in request.meta
    assert [scrapy_request.fingerprint(r) for r in popped] == expected
    assert worked_out == []  # none was worked out again
    queue.close()
    monkeypatch.undo()
    fresh = [scrapy.Request(r.url, method=r.method, body=r.body) for r in popped]
    assert [scrapy_request.fingerprint(r) for r in fresh] == expected


_OURS = "_oit_fingerprints"
