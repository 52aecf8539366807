"""A page's bytes read once (crawler/readmemo.py): a re-audit reads back the reading of a
page whose bytes, address and encoding are unchanged, equal to reading it again."""

from __future__ import annotations

import hashlib
import pickle
from importlib.resources import files

from checklists.site.pagememo import PageMemo
from crawler import readmemo
from crawler.pages import Link, read_page
from crawler.readmemo import PageReader, reading_key

ITA = files("crawler").joinpath("demo_site", "site", "ita", "index.html").read_bytes()
URL = "http://office.example/ita/"


def _sha(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def test_a_page_read_last_night_is_read_back_equal(tmp_path, monkeypatch):
    path = tmp_path / "pages.sqlite3"
    memo = PageMemo(path)
    first = PageReader(memo).read(ITA, URL, "utf-8", _sha(ITA))
    memo.close()
    assert first == read_page(ITA, URL, "utf-8") and first.links

    def no_reading(*args, **kwargs):
        raise AssertionError("read again")

    monkeypatch.setattr(readmemo, "read_page", no_reading)
    memo = PageMemo(path)  # tonight: the page answered 304, the cache gave the same bytes
    reader = PageReader(memo)
    assert reader.read(ITA, URL, "utf-8", _sha(ITA)) == first
    assert reader.read_back == 1
    memo.close()


def test_other_bytes_another_address_or_encoding_are_read_again(tmp_path):
    memo = PageMemo(tmp_path / "pages.sqlite3")
    reader = PageReader(memo)
    reader.read(ITA, URL, "utf-8", _sha(ITA))
    changed = ITA.replace(b"</body>", b"<p>O99 new</p></body>")
    assert reader.read(changed, URL, "utf-8", _sha(changed)) == read_page(changed, URL, "utf-8")
    other = "http://office.example/ita/index.html"  # links are resolved against the address
    assert reader.read(ITA, other, "utf-8", _sha(ITA)) == read_page(ITA, other, "utf-8")
    assert reader.read_back == 0
    assert len({reading_key(_sha(ITA), URL, "utf-8"), reading_key(_sha(ITA), other, "utf-8"),
                reading_key(_sha(ITA), URL, "cp874"), reading_key(_sha(changed), URL, "utf-8")}) == 4
    memo.close()


def test_without_a_kept_memo_every_page_is_read():
    reader = PageReader(None)
    assert reader.read(ITA, URL, "utf-8", _sha(ITA)) == read_page(ITA, URL, "utf-8")
    assert reader.read(ITA, URL, "utf-8", _sha(ITA)) == read_page(ITA, URL, "utf-8")
    assert reader.read_back == 0


def test_the_key_follows_the_code_that_reads_pages(monkeypatch):
    key = reading_key(_sha(ITA), URL, "utf-8")
    readmemo.reader_fingerprint.cache_clear()
    monkeypatch.setattr(readmemo, "READER_CODE", readmemo.READER_CODE[1:])
    try:
        assert reading_key(_sha(ITA), URL, "utf-8") != key
    finally:
        readmemo.reader_fingerprint.cache_clear()


def test_a_reading_pickles_to_the_same_page_and_links():
    """A page's reading is pickled as plain values (Page.__reduce__): read back, the same
    page, its links :class:`Link` objects with the same fields in the same order."""
    page = read_page(ITA, URL, "utf-8")
    back = pickle.loads(pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == page and back.links
    assert all(type(a) is Link and a.__dict__ == b.__dict__
               and list(a.__dict__) == list(b.__dict__)
               for a, b in zip(back.links, page.links, strict=True))
