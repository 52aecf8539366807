"""``DocumentTextPipeline`` on saved documents (the demo site's checked-in files), with no
Twisted reactor: the pipeline's coroutine runs in an asyncio loop (Scrapy's reactorless
mode), and its thread hop (``deferToThread``, which needs a running reactor) is replaced by
``maybeDeferred``, which runs the same reader at once and returns a fired Deferred.  Everything behind the hop is real: the settings read by ``from_crawler``, the text
cache, the audit budget, the per-document limits, the reader process, Scrapy's stats."""

from __future__ import annotations

import asyncio
import hashlib
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler
from twisted.internet import defer

from checklists.site.records import PageRecord, PendingDocument
from crawler import doctext
from crawler.doctext import DocumentTextPipeline
from crawler.documents import fetched
from tests import patience

FILES = Path(__file__).resolve().parents[2] / "crawler" / "demo_site" / "site" / "files"
PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def hops(monkeypatch):
    """The calls handed to a worker thread; each runs at once (``maybeDeferred``)."""
    calls = []

    def to_thread(func, *args):
        calls.append((func, args))
        return defer.maybeDeferred(func, *args)

    monkeypatch.setattr(doctext, "deferToThread", to_thread)
    return calls


def pipeline(**settings) -> tuple[DocumentTextPipeline, object]:
    crawler = get_crawler(settings_dict={"OIT_DOCUMENT_WORKERS": 0, **settings})
    crawler.stats.open_spider()
    return DocumentTextPipeline.from_crawler(crawler), crawler.stats


def settle(coro):
    """Run the pipeline's coroutine in an asyncio loop, as Scrapy does without a reactor
    (within 60 quiet seconds, tests/patience.py)."""
    return asyncio.run(asyncio.wait_for(coro, timeout=patience.stretched(60)))


def pending(name: str, ctype: str = PDF, body: bytes | None = None,
            url: str = "") -> PendingDocument:
    url = url or f"http://demo-office.localhost/files/{name}"
    record = PageRecord(url, url, "document", 200, 1, "2026-05-15T00:00:00+00:00",
                        content_type=ctype)
    return PendingDocument(record, FILES.joinpath(name).read_bytes() if body is None else body,
                           ctype)


def test_settings_build_the_reader():
    pipe, _ = pipeline(OIT_DOCUMENT_MAX_BYTES=1234, OIT_DOCUMENT_TIME_LIMIT=7,
                       OIT_DOCUMENTS_AUDIT_MB=3, OIT_DOCUMENTS_AUDIT_OCR_PAGES=5,
                       OIT_DOCUMENTS_AUDIT_SECONDS=60)
    reader = pipe.reader
    assert reader.pool is None and reader.cache is None  # 0 workers, no cache folder
    assert (reader.limits.max_bytes, reader.limits.time_limit_s) == (1234, 7.0)
    budget = reader.budget.limits
    assert (budget.max_bytes, budget.max_ocr_pages, budget.max_seconds) == \
        (3 * 1024 * 1024, 5, 60.0)


def test_a_pdf_is_read_off_the_reactor_and_its_record_passed_on(hops):
    pipe, stats = pipeline()
    item = pending("action-plan-2569.pdf")
    record = settle(pipe.process_item(item))
    assert record is item.record  # the PageRecord goes on, the bytes stay behind
    assert (record.doc_status, record.doc_reason) == ("ok", "")
    assert "2569" in record.text and "แผน" in record.text
    assert [func for func, _ in hops] == [pipe.reader.extract]  # read in a worker thread
    assert hops[0][1] == (item.body, PDF, item.record.url)
    assert stats.get_value("oit/documents/ok") is None  # only failures are counted


def test_a_spreadsheet_keeps_every_sheet(hops):
    pipe, _ = pipeline()
    record = settle(pipe.process_item(pending("procurement-summary.xlsx", XLSX)))
    assert record.doc_status == "ok"
    sheets = ["ต.ค. 2568", "พ.ย. 2568", "ธ.ค. 2568", "ม.ค. 2569", "มี.ค. 2569"]  # no ก.พ.: O23
    assert [line for line in record.text.splitlines() if line in sheets] == sheets
    assert "ใบสั่งซื้อ/สั่งจ้าง เลขที่ 1/2569 ลงวันที่ 4 ต.ค. 2568" in record.text


def test_the_final_url_names_the_file(hops):
    pipe, _ = pipeline()
    item = pending("action-plan-2569.pdf", ctype="", url="http://demo-office.localhost/dl?id=7")
    item.record.final_url = "http://demo-office.localhost/files/action-plan-2569.pdf"
    record = settle(pipe.process_item(item))
    assert hops[0][1][2] == item.record.final_url
    assert record.doc_status == "ok"


def test_other_items_pass_through_untouched(hops):
    pipe, _ = pipeline()
    page = PageRecord("http://x/", "http://x/", "page", 200, 0, "2026-05-15T00:00:00+00:00",
                      text="หน้าแรก")
    assert settle(pipe.process_item(page)) is page
    assert hops == []


def test_a_damaged_file_is_a_status_with_a_reason_never_an_error(hops):
    pipe, stats = pipeline()
    record = settle(pipe.process_item(pending("broken.pdf", body=b"%PDF-1.4\nnot really")))
    assert record.doc_status not in ("", "ok") and record.text == ""
    assert "(" in record.doc_reason  # Thai, then English in brackets
    assert stats.get_value(f"oit/documents/{record.doc_status}") == 1


def test_a_document_over_the_size_limit_is_not_read(hops):
    pipe, stats = pipeline(OIT_DOCUMENT_MAX_BYTES=1000)
    record = settle(pipe.process_item(pending("action-plan-2569.pdf")))
    assert record.doc_status == "too_large" and record.text == ""
    assert stats.get_value("oit/documents/too_large") == 1


def test_the_text_cache_serves_the_same_bytes_at_another_url(hops, tmp_path):
    pipe, stats = pipeline(OIT_TEXT_CACHE_DIR=str(tmp_path))
    first = settle(pipe.process_item(pending("action-plan-2569.pdf")))
    again = settle(pipe.process_item(pending("action-plan-2569.pdf", url="http://mirror/a.pdf")))
    assert (again.text, again.doc_status) == (first.text, "ok")
    assert (stats.get_value("oit/textcache/miss"), stats.get_value("oit/textcache/hit")) == (1, 1)
    assert any((tmp_path / "text").rglob("*.json"))
    # the cache is read and written on the reactor: only the reading went to a thread
    assert [func for func, _ in hops] == [pipe.reader.extract]



def test_the_spiders_digest_is_the_cache_key_and_not_worked_out_again(hops, tmp_path,
                                                                      monkeypatch):
    """The spider hashes every body for its record; the text cache takes that digest instead
    of hashing the document (a megabyte or more) a second time."""
    pipe, stats = pipeline(OIT_TEXT_CACHE_DIR=str(tmp_path))
    settle(pipe.process_item(pending("action-plan-2569.pdf")))
    item = pending("action-plan-2569.pdf")
    item.sha256 = hashlib.sha256(item.body).hexdigest()

    def no_hashing(data):
        raise AssertionError("hashed again")

    monkeypatch.setattr(fetched, "sha256_hex", no_hashing)
    again = settle(pipe.process_item(item))
    assert again.doc_status == "ok" and "2569" in again.text
    assert stats.get_value("oit/textcache/hit") == 1

def test_a_reader_process_reads_and_is_stopped_when_the_spider_closes(hops):
    pipe, _ = pipeline(OIT_DOCUMENT_WORKERS=1)
    assert pipe.reader.pool is not None
    record = settle(pipe.process_item(pending("budget-plan-2569.pdf")))
    assert record.doc_status == "ok" and "2569" in record.text
    pipe.close_spider()
    with pytest.raises(RuntimeError, match="closed"):
        pipe.reader.pool.read(b"x")


def test_on_the_asyncio_loop_documents_are_read_with_no_worker_thread(hops):
    """With reader processes and an asyncio loop (Scrapy's default reactor), each document's
    answer is read off its reader's pipe by the loop itself: no worker thread, one reader
    for two documents sent together."""
    pipe, _ = pipeline(OIT_DOCUMENT_WORKERS=1)

    async def both():
        return await asyncio.gather(pipe.process_item(pending("action-plan-2569.pdf")),
                                    pipe.process_item(pending("budget-plan-2569.pdf")))

    try:
        first, second = settle(both())
        assert pipe.reader.pool.started == 1
    finally:
        pipe.close_spider()
    assert hops == []  # nothing went to a thread
    assert (first.doc_status, second.doc_status) == ("ok", "ok")
    assert "2569" in first.text and "2569" in second.text


def test_no_more_documents_in_threads_than_reader_processes(monkeypatch):
    """Under a reactor that is not asyncio's, with one reader process, a second document
    waits on the reactor (not in a worker thread of its own) until the first is read; then
    it goes to a thread."""
    held = []
    monkeypatch.setattr(doctext, "is_asyncio_available", lambda: False)

    def to_thread(func, *args):
        held.append(defer.Deferred())
        held[-1].addCallback(lambda _: func(*args))
        return held[-1]

    monkeypatch.setattr(doctext, "deferToThread", to_thread)
    pipe, _ = pipeline(OIT_DOCUMENT_WORKERS=1)

    async def both():
        first = asyncio.ensure_future(pipe.process_item(pending("action-plan-2569.pdf")))
        second = asyncio.ensure_future(pipe.process_item(pending("budget-plan-2569.pdf")))
        await asyncio.sleep(0)
        assert len(held) == 1  # the second document is not in a thread yet
        held[0].callback(None)
        await first
        await asyncio.sleep(0)
        assert len(held) == 2  # the first one's slot went to the second
        held[1].callback(None)
        return await first, await second

    try:
        first, second = settle(both())
    finally:
        pipe.close_spider()
    assert (first.doc_status, second.doc_status) == ("ok", "ok")
    assert "2569" in first.text and "2569" in second.text


def test_the_second_reader_waits_as_the_settings_say():
    pipe, _ = pipeline(OIT_DOCUMENT_WORKERS=2, OIT_DOCUMENT_WORKER_START_AFTER=1.5)
    assert pipe.reader.pool.size == 2 and pipe.reader.pool.start_after_s == 1.5
    assert pipe.reader.pool.started == 0  # no reader before the first document
    pipe.close_spider()
