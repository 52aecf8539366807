"""Judging reads a crawl's records back from its JSONL file (checklists/site/recordfile.py):
the snapshot keeps an index, not the pages."""

from __future__ import annotations

import json
import random

from checklists.site.recordfile import RecordFile
from checklists.site.records import PageRecord
from checklists.site.snapshot import CrawlInfo, Snapshot, url_key

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


def _walk(records: list[PageRecord], home: str) -> dict[str, int]:
    """Clicks from home, worked out the plain way on records in memory (the reference)."""
    by_url: dict[str, PageRecord] = {}
    for rec in records:
        for u in (rec.url, rec.final_url, *rec.redirects):
            by_url.setdefault(url_key(u), rec)
    first = by_url[url_key(home)]
    dist = {url_key(first.url): 0, url_key(first.final_url): 0}
    queue = [first]
    for rec in queue:
        for link in rec.links:
            key = url_key(link["url"])
            if key in dist:
                continue
            dist[key] = dist[url_key(rec.final_url)] + 1
            target = by_url.get(key)
            if target is not None:
                dist.setdefault(url_key(target.final_url), dist[key])
                if target.kind == "page":
                    queue.append(target)
    return dist


def _site(seed: int) -> list[PageRecord]:
    """A random site: pages linking pages, documents, missing targets and redirects."""
    rng = random.Random(seed)
    urls = [HOME] + [f"{HOME}p{n}" for n in range(60)]
    out = []
    for n, url in enumerate(urls):
        moved = n and rng.random() < 0.15
        links = [{"url": rng.choice(urls + [f"{HOME}d{k}.pdf" for k in range(5)]
                                    + [f"{HOME}none{k}" for k in range(5)]), "text": ""}
                 for _ in range(rng.randrange(0 if n else 1, 6))]
        out.append(PageRecord(url, f"{url}/new" if moved else url, "page", 200, 1,
                              "2026-05-15T00:00:00", links=links,
                              redirects=[url] if moved else []))
    out += [PageRecord(f"{HOME}d{k}.pdf", f"{HOME}d{k}.pdf", "document", 200, 1,
                       "2026-05-15T00:00:00") for k in range(5)]
    return out


def test_clicks_from_home_read_each_page_once_and_no_document(tmp_path, monkeypatch):
    info = CrawlInfo(start_url=HOME, home_url=HOME)
    for seed in range(8):
        records = _site(seed)
        snap = Snapshot(RecordFile(_saved(tmp_path, records), cached=1), info)
        read: list[int] = []

        def counted(self, i, _real=RecordFile.read, _read=read):
            _read.append(i)
            return _real(self, i)

        monkeypatch.setattr(RecordFile, "read", counted)
        snap.records._cache.clear()
        expected = _walk(records, HOME)
        for url in (*expected, f"{HOME}nowhere"):
            assert snap.clicks_from_home(url) == expected.get(url_key(url))
        assert snap._clicks == expected
        assert len(read) == len(set(read))  # each record read once
        assert all(records[i].kind == "page" for i in read)
        monkeypatch.undo()


def test_clicks_from_home_walk_only_as_far_as_asked(tmp_path, monkeypatch):
    """The walk stops once the asked URL is met (pages nearest first: its number is then
    final) and goes on from there for the next question: in any order of questions, each
    answer is the whole walk's, and a page one click from home reads no page but home."""
    info = CrawlInfo(start_url=HOME, home_url=HOME)
    for seed in range(8):
        records = _site(seed)
        expected = _walk(records, HOME)
        asked = [*expected, f"{HOME}nowhere", f"{HOME}p7"]
        random.Random(seed).shuffle(asked)
        snap = Snapshot(RecordFile(_saved(tmp_path, records), cached=1), info)
        assert [snap.clicks_from_home(url) for url in asked] == \
            [expected.get(url_key(url)) for url in asked]
    records = _records(40)
    snap = Snapshot(RecordFile(_saved(tmp_path, records), cached=1), info)
    read: list[int] = []

    def counted(self, i, _real=RecordFile.read):
        read.append(i)
        return _real(self, i)

    monkeypatch.setattr(RecordFile, "read", counted)
    assert snap.clicks_from_home(f"{HOME}p39") == 1
    assert read == [0]  # the home page's record, for its links


def _linked_twice(order: list[int], referer: str) -> list[PageRecord]:
    """Home links to /a then /b; /b (one click) and /a/deep (two) link to /gone, a 404; the
    records in the order ``order`` gives, /gone's referer the one the crawl met first."""
    def rec(url, links=(), **kw):
        return PageRecord(url, url, "page", kw.pop("status", 200), 1, "2026-05-15T00:00:00",
                          links=[{"url": u, "text": t} for u, t in links], **kw)
    records = [rec(HOME, [(f"{HOME}a", "A"), (f"{HOME}b", "B")]),
               rec(f"{HOME}a", [(f"{HOME}a/deep", "deeper")]),
               rec(f"{HOME}a/deep", [(f"{HOME}gone", "from deep")]),
               rec(f"{HOME}b", [(f"{HOME}other", "x"), (f"{HOME}gone", "from b"),
                                (f"{HOME}gone", "again")]),
               rec(f"{HOME}other"),
               rec(f"{HOME}gone", status=404, referer=referer, link_text="crawl's own")]
    return [records[i] for i in order]


def test_failed_page_found_on_is_the_same_whatever_the_crawl_order(tmp_path):
    """crawl.failed[].found_on: the first page that links to it walking from home nearest
    first (each page's links in order), not whichever page the crawl parsed first."""
    info = CrawlInfo(start_url=HOME, home_url=HOME)
    seen = set()
    for seed, referer in enumerate([f"{HOME}a/deep", f"{HOME}b"] * 4):
        order = list(range(6))
        random.Random(seed).shuffle(order)
        records = _linked_twice(order, referer)
        for snap in (Snapshot(records, info), Snapshot.load(_saved(tmp_path, records), info)):
            if seed % 2:  # judging walked first, or not
                assert snap.clicks_from_home(f"{HOME}a/deep") == 2
            seen.add(snap.found_on(snap.get(f"{HOME}gone")))
    assert seen == {(f"{HOME}b", "from b")}


def test_failed_page_no_walked_page_links_to_keeps_the_crawls_referer():
    info = CrawlInfo(start_url=HOME, home_url=HOME)
    lone = PageRecord(f"{HOME}lone", f"{HOME}lone", "page", 0, 1, "2026-05-15T00:00:00",
                      error="timeout", referer=f"{HOME}sitemap.xml", link_text="")
    snap = Snapshot([*_linked_twice(list(range(6)), f"{HOME}b"), lone], info)
    assert snap.found_on(lone) == (f"{HOME}sitemap.xml", "")


def test_a_canonical_url_is_its_own_key():
    """url_key keeps its value as the URL itself when the URL is canonical already (most
    links: no equal copy held beside the kept key, crawl39); another URL gets its canonical
    form, the same for both spellings."""
    url = "".join(["http://office.example/own-key/", "item.php?a=1&b=2"])  # asked nowhere else
    assert url_key(url) is url
    assert url_key("http://office.example/own-key/item.php?b=2&a=1") == url
    assert url_key("http://office.example/a b") == "http://office.example/a%20b"
