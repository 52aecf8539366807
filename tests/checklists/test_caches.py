"""The bounded caches of matching and of a crawl's records (one library LRU, cachetools):
each keeps at most its bound, keeps what was used most recently, and gives back the very
result it kept."""

from __future__ import annotations

import dataclasses
import json

from checklists import candidates, matching, wordings
from checklists.candidates import _PageReader
from checklists.matching import ItemMatcher, MatcherIndex
from checklists.site.recordfile import RecordFile
from checklists.site.records import PageRecord
from checklists.site.snapshot import CrawlInfo, Snapshot
from checklists.wordings import matchers_for
from tests.checklists.test_matching import CHECKLIST, HOME, ITA, page


def test_the_matcher_index_keeps_the_most_recently_used_texts(monkeypatch):
    monkeypatch.setattr(matching, "INDEX_KEPT", 3)
    index = MatcherIndex([ItemMatcher(i) for i in CHECKLIST.items])
    first = index.candidates("O10 แผนดำเนินงานประจำปี")
    second = index.candidates("โครงสร้าง")
    index.candidates("ข่าวประชาสัมพันธ์")
    assert index.candidates("O10 แผนดำเนินงานประจำปี") is first  # a hit: the list kept
    index.candidates("คู่มือการปฏิบัติงาน")  # a fourth: the least recently used goes
    assert len(index._cache) == 3
    assert index.candidates("O10 แผนดำเนินงานประจำปี") is first
    again = index.candidates("โครงสร้าง")
    assert again == second and again is not second  # read anew, to the same result


def test_the_matcher_index_keeps_what_single_texts_name(monkeypatch):
    monkeypatch.setattr(matching, "TEXTS_KEPT", 2)
    index = MatcherIndex([ItemMatcher(i) for i in CHECKLIST.items])
    index.candidates("O10 แผนดำเนินงานประจำปี", "โครงสร้าง")
    assert len(index._texts) == 2
    kept = index._texts[("O10 แผนดำเนินงานประจำปี", 0)]
    index.candidates("O10 แผนดำเนินงานประจำปี", "ข่าวประชาสัมพันธ์")  # the first text: a hit
    assert index._texts[("O10 แผนดำเนินงานประจำปี", 0)] is kept
    assert ("โครงสร้าง", 0) not in index._texts  # the least recently used went


def test_a_link_s_texts_name_what_each_names_alone():
    """A link's texts looked up together give the items any one of them names, in the
    checklist's order: the same as each looked up alone, by a fresh index (nothing kept)."""
    matchers = [ItemMatcher(i) for i in CHECKLIST.items]
    texts = ["O10 แผนดำเนินงานประจำปี", "โครงสร้าง", "ข่าวประชาสัมพันธ์", "คู่มือการปฏิบัติงาน",
             "รายงานผลการดำเนินงาน O12", "", "ITA 2569"]
    for a in texts:
        for b in texts:
            together = MatcherIndex(matchers).candidates(a, b, "หน้าแรก")
            alone = {id(m) for t in (a, b, "หน้าแรก")
                     for m in MatcherIndex(matchers).candidates(t)}
            assert together == [m for m in matchers if id(m) in alone]


def test_matchers_are_built_once_per_checklist_and_the_recent_ones_kept():
    mine = dataclasses.replace(CHECKLIST)  # another object: matchers of its own
    built = matchers_for(mine)
    assert matchers_for(mine) is built
    assert [m.item for m in built] == [m.item for m in matchers_for(CHECKLIST)]
    others = [dataclasses.replace(CHECKLIST) for _ in range(wordings.KEEP_BUILT)]
    for n, other in enumerate(others):
        matchers_for(other)
        if n % 2:
            assert matchers_for(mine) is built  # used again: kept
    model = wordings.load_model()
    assert len(wordings._BUILT) == wordings.KEEP_BUILT
    assert (id(others[0]), id(model)) not in wordings._BUILT  # the least recently used went
    assert (id(mine), id(model)) in wordings._BUILT and matchers_for(mine) is built


def test_a_page_reader_keeps_at_most_link_cache_links(monkeypatch):
    monkeypatch.setattr(candidates, "LINK_CACHE", 2)
    links = [{"url": f"http://office.example/{n}.html", "text": text, "context": "",
              "heading": "", "area": ""}
             for n, text in enumerate(["โครงสร้าง", "O10 แผนดำเนินงานประจำปี", "ข่าว"])]
    snap = Snapshot([page(HOME, [(ITA, "ITA", "", "", "")])],
                    CrawlInfo(start_url=HOME, home_url=HOME))
    reader = _PageReader(matchers_for(CHECKLIST), snap)
    a = reader.read_link(links[0], 0, None, {})
    b = reader.read_link(links[1], 1, None, {})
    assert reader.read_link(links[0], 0, None, {}) is a
    reader.read_link(links[2], 2, None, {})  # the least recently read (links[1]) goes
    assert len(reader._links) == 2
    assert reader.read_link(links[0], 0, None, {}) is a
    again = reader.read_link(links[1], 1, None, {})
    assert again == b and again is not b


def test_a_record_file_keeps_the_most_recently_read_records(tmp_path):
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(
        json.dumps(PageRecord(f"{HOME}p{n}", f"{HOME}p{n}", "page", 200, 1,
                              "2026-05-15T00:00:00", text=f"page {n}").as_dict()) + "\n"
        for n in range(5)), encoding="utf-8")
    records = RecordFile(path, cached=2)
    assert [r.text for r in records.scan()] == [f"page {n}" for n in range(5)]
    zero, one = records[0], records[1]
    assert records[0] is zero  # a hit: the record kept
    records[2]  # a third: the least recently read (1) goes
    assert len(records._cache) == 2 and records[0] is zero
    again = records[1]
    assert again == one and again is not one  # read anew, to the same record
    assert records[-1].text == "page 4" and records[-1] is records[4]
    assert [r.text for r in records.some([0, 3])] == ["page 0", "page 3"]
    assert 3 not in records._cache  # streamed, not kept
    none_kept = RecordFile(path, cached=0)
    list(none_kept.scan())
    assert none_kept[2].text == "page 2" and len(none_kept._cache) == 0
