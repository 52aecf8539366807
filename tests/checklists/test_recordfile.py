"""Judging reads a crawl's records back from its JSONL file (checklists/site/recordfile.py):
the snapshot keeps an index, not the pages."""

from __future__ import annotations

import json

from checklists.site.recordfile import RecordFile
from checklists.site.records import PageRecord
from checklists.site.snapshot import CrawlInfo, Snapshot

HOME = "http://office.example/"


def _records(n: int) -> list[PageRecord]:
    out = [PageRecord(HOME, HOME, "page", 200, 0, "2026-05-15T00:00:00",
                      links=[{"url": f"{HOME}p{i}", "text": f"page {i}"} for i in range(n)])]
    for i in range(n):
        out.append(PageRecord(f"{HOME}p{i}", f"{HOME}p{i}/" if i == 3 else f"{HOME}p{i}",
                              "page", 200, 1, "2026-05-15T00:00:00", text="x" * 100 * i,
                              redirects=[f"{HOME}p{i}"] if i == 3 else []))
    out.append(PageRecord(f"{HOME}gone", f"{HOME}gone", "page", 404, 1, "2026-05-15T00:00:00"))
    out.append(PageRecord(f"{HOME}a.pdf", f"{HOME}a.pdf", "document", 0, 1,
                          "2026-05-15T00:00:00", error="robots"))
    return out


def _saved(tmp_path, records):
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n\n"
                            for r in records), encoding="utf-8")  # blank lines are skipped
    return path


def test_loaded_snapshot_answers_like_one_in_memory(tmp_path):
    records = _records(40)
    info = CrawlInfo(start_url=HOME, home_url=HOME)
    memory, disk = Snapshot(records, info), Snapshot.load(_saved(tmp_path, records), info)
    assert isinstance(disk.records, RecordFile) and len(disk.records) == len(records)
    assert [r.url for r in disk.pages()] == [r.url for r in memory.pages()]
    assert [r.url for r in disk.failed()] == [r.url for r in memory.failed()] == \
        [f"{HOME}gone", f"{HOME}a.pdf"]
    assert disk.counts() == memory.counts() == {"pages": 42, "documents": 1, "external": 0,
                                                "errors": 2}
    assert disk.get(f"{HOME}p3/").text == memory.get(f"{HOME}p3").text == "x" * 300
    assert disk.get(f"{HOME}nowhere") is None
    assert disk.clicks_from_home(f"{HOME}p7") == 1
    assert disk.records[-1].error == "robots" and disk.page_statuses().count(404) == 1


def test_records_stay_on_disk(tmp_path):
    path = _saved(tmp_path, _records(300))
    snap = Snapshot(RecordFile(path, cached=50), CrawlInfo(start_url=HOME, home_url=HOME))
    path.unlink()  # an audit without --out removes its file once loaded
    for n in range(300):
        assert snap.get(f"{HOME}p{n}").text == "x" * 100 * n
    assert sum(1 for _ in snap.pages()) == 302  # the 404 page answered
    assert len(snap.records._cache) == 50 and len(snap.records._spans) == 303
