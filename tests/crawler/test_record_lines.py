"""Records are written with orjson and read back with it (issue 13): the same records as
json's lines, and what orjson refuses is written by json as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checklists.site.recordfile import RecordFile
from checklists.site.records import PageRecord
from crawler.pipelines import record_bytes, record_line


def _records() -> list[PageRecord]:
    return [
        PageRecord("http://127.0.0.1/ก?x=1&y=ข", "http://127.0.0.1/ก/", "page", 200, 2,
                   "2026-05-15T10:00:00+07:00", title="โครงสร้าง \"O1\" \\ \u2028 \x01 \x7f",
                   headings=["๑. หัวข้อ", ""], text="ประจำปี 2567\tข้อความ\n" * 50,
                   links=[{"url": "http://127.0.0.1/a.pdf", "text": "ดาวน์โหลด", "area": ""}],
                   redirects=["http://127.0.0.1/ก"], rendered=True, size=2 ** 40),
        PageRecord("http://127.0.0.1/x.pdf", "http://127.0.0.1/x.pdf", "document", 0, 1, "",
                   error="timeout", error_detail="gave up after 2 attempts"),
        PageRecord("http://127.0.0.1/big", "http://127.0.0.1/big", "page", 200, 1, "",
                   size=2 ** 70),  # past 64 bits: orjson refuses, json writes it
    ]


def test_lines_read_back_as_the_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for rec in _records():
            out.write(record_line(rec))
    for line, rec in zip(path.read_text(encoding="utf-8").split("\n")[:-1], _records(),
                         strict=True):
        assert json.loads(line) == rec.as_dict()
    assert list(RecordFile(path).scan()) == _records()
    assert record_line(_records()[2]) == json.dumps(_records()[2].as_dict(),
                                                     ensure_ascii=False) + "\n"


def test_a_lone_surrogate_is_written_as_json_wrote_it() -> None:
    rec = PageRecord("http://127.0.0.1/", "http://127.0.0.1/", "page", 200, 0, "",
                     text="ข\ud800")
    assert record_line(rec) == json.dumps(rec.as_dict(), ensure_ascii=False) + "\n"


def test_the_records_file_gets_each_line_in_utf8() -> None:
    """The pipeline writes orjson's bytes as they are: the same bytes as the line written
    through a UTF-8 text file, and a lone surrogate fails as that file's encoding failed."""
    for rec in _records():
        assert record_bytes(rec) == record_line(rec).encode("utf-8")
    rec = PageRecord("http://127.0.0.1/", "http://127.0.0.1/", "page", 200, 0, "",
                     text="ข\ud800")
    with pytest.raises(UnicodeEncodeError):
        record_bytes(rec)
