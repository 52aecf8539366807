"""TextCache: text by content digest, validators by URL, atomic JSON files."""

from __future__ import annotations

import json

import pytest

from crawler.documents import DocText
from crawler.documents.cache import CACHE_VERSION, TextCache, sha256_hex


def _doc() -> DocText:
    return DocText(text="ประกาศ ณ วันที่ 1 ตุลาคม 2566", pages=2, method="pdf", status="ok",
                   meta={"title": "โครงสร้าง", "created": "2023-10-01"})


def test_put_get_roundtrip(tmp_path) -> None:
    cache = TextCache(tmp_path)
    digest = sha256_hex(b"pdf bytes")
    assert cache.get(digest) is None
    cache.put(digest, _doc())
    assert cache.get(digest) == _doc()
    assert TextCache(tmp_path).get(digest) == _doc()  # persisted
    files = list(tmp_path.rglob("*.json"))
    assert len(files) == 1 and files[0].name == f"{digest}.json"
    assert not list(tmp_path.rglob("*.tmp"))  # no temp files left (checklists.atomicfile)
    assert "ประกาศ" in files[0].read_text(encoding="utf-8")  # readable JSON


def test_bad_keys_and_files(tmp_path) -> None:
    cache = TextCache(tmp_path)
    assert cache.get("../../etc/passwd") is None
    with pytest.raises(ValueError):
        cache.put("not-a-digest", _doc())
    digest = sha256_hex(b"x")
    cache.put(digest, _doc())
    path = next(tmp_path.rglob(f"{digest}.json"))
    path.write_text("{broken", encoding="utf-8")
    assert cache.get(digest) is None
    path.write_text(json.dumps({"version": CACHE_VERSION + 1, "doc": _doc().to_dict()}),
                    encoding="utf-8")
    assert cache.get(digest) is None  # written by another extractor version


def test_validators(tmp_path) -> None:
    cache = TextCache(tmp_path)
    url = "https://www.example.go.th/ita/o1.pdf"
    assert cache.validators(url) is None
    cache.set_validators(url, '"abc"', "Mon, 02 Oct 2023 08:00:00 GMT", sha256_hex(b"v1"))
    assert cache.validators(url) == {
        "etag": '"abc"', "last_modified": "Mon, 02 Oct 2023 08:00:00 GMT",
        "digest": sha256_hex(b"v1")}
    cache.set_validators(url, None, None, sha256_hex(b"v2"))
    assert cache.validators(url)["digest"] == sha256_hex(b"v2")
    assert cache.validators(url + "?x=1") is None


def test_reuse_on_304_flow(tmp_path, docs) -> None:
    """What a re-audit does: 304 -> validators give the digest -> cached text."""
    from crawler.documents import extract_text

    cache = TextCache(tmp_path)
    data = docs["policy.docx"].read_bytes()
    digest = sha256_hex(data)
    cache.put(digest, extract_text(data))
    cache.set_validators("https://x.go.th/a.docx", '"e1"', None, digest)
    seen = cache.validators("https://x.go.th/a.docx")
    assert cache.get(seen["digest"]).method == "docx"
