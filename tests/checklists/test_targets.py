"""Gathering reads each record once (issue 13: peak memory on a 20,000-page site): what a link
needs of its target comes from one streamed pass (checklists/targets.py), and a menu link
repeated on every page is kept once; neither changes a candidate."""

from __future__ import annotations

import json

import pytest

from checklists import candidates, targets
from checklists.candidates import MODEL_CHARS, _candidate, _Found, gather, targets_of
from checklists.matching import EVENT_CHARS
from checklists.site.recordfile import RecordFile
from checklists.site.records import PageRecord
from checklists.site.snapshot import CrawlInfo, Snapshot
from checklists.targets import KEYWORD_CHARS, LEAD_CHARS, TargetStore, target_of
from checklists.wordings import matchers_for
from tests.checklists.test_matching import CHECKLIST

HOME = "http://office.example/"
MATCHERS = matchers_for(CHECKLIST)
MENU = [("about/structure.html", "โครงสร้างองค์กร"), ("about/authority.html", "อำนาจหน้าที่"),
        ("ita/", "ITA 2569"), ("contact.html", "ติดต่อเรา")]


def _record(path: str, title: str = "", text: str = "", links=(), **kw) -> PageRecord:
    return PageRecord(url=HOME + path, final_url=HOME + path, kind=kw.pop("kind", "page"),
                      status=kw.pop("status", 200), depth=1,
                      fetched_at="2026-05-15T00:00:00+00:00", title=title, text=text,
                      links=[{"url": HOME + u, "text": t, "context": t, "heading": "",
                              "section": "", "area": area} for u, t, area in links], **kw)


def _site(posts: int = 12) -> list[PageRecord]:
    menu = [(u, t, "chrome") for u, t in MENU]
    out = [_record("", "หน้าแรก", "ยินดีต้อนรับ", [*menu, ("news/0.html", "ข่าว 0", "")]),
           _record("about/structure.html", "โครงสร้างองค์กร", "แผนผังโครงสร้าง", menu),
           _record("about/authority.html", "อำนาจหน้าที่", "อำนาจหน้าที่ของสำนักงาน", menu),
           _record("ita/", "ITA 2569", "การประเมินคุณธรรม", [
               *menu, ("files/plan.pdf", "แผนปฏิบัติการประจำปี 2569", ""),
               ("files/manual.pdf", "ดาวน์โหลด", "")]),
           _record("contact.html", "ติดต่อเรา", "โทร 0 2123 4567", menu),
           _record("files/plan.pdf", "", "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569\nรายละเอียด",
                   kind="document"),
           _record("files/manual.pdf", "", "คู่มือการปฏิบัติงาน\nการให้บริการ " * 40,
                   kind="document")]
    for n in range(posts):  # news posts: each with the menu, linked to the next
        out.append(_record(f"news/{n}.html", f"ประชุมเตรียมความพร้อม ITA ครั้งที่ {n}",
                           "เมื่อวันที่ 3 ธันวาคม 2568 ณ ห้องประชุม " + "กิจกรรม " * n,
                           [*menu, (f"news/{n + 1}.html", f"ข่าว {n + 1}", "")]))
    return out


def _saved(tmp_path, records: list[PageRecord]):
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def _reads_counted(monkeypatch) -> list[int]:
    """The numbers of the records read from their file from now on, in order."""
    read: list[int] = []
    original = RecordFile.read

    def counted(self, index):
        read.append(index)
        return original(self, index)

    monkeypatch.setattr(RecordFile, "read", counted)
    return read


def test_a_target_read_back_is_the_record_seen_as_a_target():
    assert LEAD_CHARS >= max(MODEL_CHARS, EVENT_CHARS)  # what links read of a target's text
    records = [*_site(3), _record("odd.html", "หัว\ud800ข้อ", "ก" * 30000, headings=["ห1", "ห2", "ห3"]),
               _record("gone.html", status=404),
               _record("wait.html", "คู่มือ", "อยู่ระหว่างดำเนินการ", breadcrumb="หน้าแรก › ข่าว › x")]
    store = TargetStore(len(records))
    for n, rec in enumerate(records):
        store.add(n, rec, {"O1": "match"} if n == 1 else {}, is_index=n == 3)
    store.done()
    for n, rec in enumerate(records):
        assert store.get(n) == target_of(rec, n, is_index=n == 3)
        assert store.text(n) == rec.text[:KEYWORD_CHARS]
    assert store.contents == {1: {"O1": "match"}}
    odd, gone, wait = (store.get(n) for n in range(len(records) - 3, len(records)))
    assert odd.title == "หัว\ud800ข้อ" and odd.headings == ("ห1", "ห2") and len(odd.text) == LEAD_CHARS
    assert not gone.ok and wait.placeholder and wait.news_post and not wait.flipbook


def test_an_off_site_page_in_preparation_is_a_placeholder_as_one_on_the_site():
    """The spider keeps an external page's title and first lines (an evidence link to another
    host is checked and read); they read as a page's (issue 16, precision29)."""
    def record(kind: str) -> PageRecord:
        return PageRecord("http://drive.example/x", "http://drive.example/x", kind, 200, 1,
                          "2026-05-15T00:00:00+00:00", title="คู่มือ",
                          text="อยู่ระหว่างดำเนินการ")
    assert target_of(record("external")).placeholder
    assert target_of(record("page")).placeholder
    assert not target_of(record("document")).placeholder


def test_targets_kept_are_the_targets_read_back(monkeypatch):
    monkeypatch.setattr(targets, "KEPT_TARGETS", 2)  # most asked for again are read again
    records = _site(3)
    store = TargetStore(len(records))
    for n, rec in enumerate(records):
        store.add(n, rec, {}, is_index=False)
    store.done()
    order = [0, 1, 0, 2, 3, 0, 4, 1, 1, len(records) - 1, 0]
    assert [store.get(n) for n in order] == [target_of(records[n], n) for n in order]


def test_gathering_reads_each_record_once_in_record_order(tmp_path, monkeypatch):
    records = _site()
    snapshot = Snapshot.load(_saved(tmp_path, records), CrawlInfo(start_url=HOME, home_url=HOME))
    read = _reads_counted(monkeypatch)
    found = gather(MATCHERS, snapshot, 2569)
    pages = [n for n, r in enumerate(records) if r.kind == "page"]
    # the targets' facts in one pass, then the pages once more: never a record per link
    assert read == list(range(len(records))) + pages
    assert found == gather(MATCHERS, Snapshot(records, CrawlInfo(start_url=HOME, home_url=HOME)),
                           2569)


class _EveryCandidate(_Found):
    """What gathering kept before menu repeats were left out: every page's every candidate
    (a menu link's row made its candidate on each page), each at its first place on its
    page."""

    def add(self, page_url, kept, depth=0):
        if kept:
            page = candidates.url_key(page_url)
            self._depths[page] = min(depth, self._depths.get(page, depth))
        order = {}
        for code, cand in kept:
            cand = _candidate(cand, page_url) if isinstance(cand, tuple) else cand
            self._keep(self.slots.setdefault(code, {}), cand,
                       order.setdefault((code, *candidates._key(cand)), len(order)),
                       self._places)


@pytest.mark.parametrize("fiscal_year", [2569, 2568, None])
def test_menu_links_kept_once_give_the_same_candidates(monkeypatch, fiscal_year):
    info = CrawlInfo(start_url=HOME, home_url=HOME)
    kept: list[_Found] = []
    monkeypatch.setattr(candidates, "_Found", lambda *a: kept.append(_Found(*a)) or kept[-1])
    once = gather(MATCHERS, Snapshot(_site(), info), fiscal_year)
    monkeypatch.setattr(candidates, "_Found", lambda *a: kept.append(_EveryCandidate()) or kept[-1])
    every = gather(MATCHERS, Snapshot(_site(), info), fiscal_year)
    assert once == every and once  # same candidates, in the same order, and there are some
    menus = sum(len(slot) for slot in kept[1].slots.values()) - \
        sum(len(slot) for slot in kept[0].slots.values())
    assert menus >= 3 * 12  # three menu candidates of each of the 12 news posts left out


def test_a_menu_link_gives_one_row_on_every_page():
    """A menu link's candidate is made once per link and section, as a row without the page
    it is on (the same object on every page), and made a candidate only when it is kept;
    the pages' own links give candidates found on their page."""
    site = _site(2)
    snap = Snapshot(site, CrawlInfo(start_url=HOME, home_url=HOME))
    reader = candidates._PageReader(MATCHERS, snap)
    first, second = (reader.read(site[n], None, n) for n in (7, 8))  # two news posts
    menus = [[entry for entry in kept if isinstance(entry[1], tuple)]
             for kept in (first, second)]
    assert menus[0] and len(menus[0]) == len(menus[1])
    assert all(a is b for a, b in zip(*menus, strict=True))
    assert all(row[-1] == "chrome" for _, row in menus[0])
    assert all(cand.found_on == site[n].final_url and cand.area != "chrome"
               for n, kept in ((7, first), (8, second))
               for _, cand in kept if not isinstance(cand, tuple))
    found = _Found()
    found.add(site[7].final_url, first)
    found.add(site[8].final_url, second)  # its menu rows are the first page's: left out
    kept = [cand for slot in found.slots.values() for cand in slot.values()
            if cand.area == "chrome"]
    assert sorted((c.url, c.found_on) for c in kept) == sorted(
        (row[0], site[7].final_url) for _, row in menus[0])


def _two_ways_site() -> list[PageRecord]:
    """Two pages a click from home and a news post two clicks away, each with the menu and
    a link to the plan: a link's candidates alike on all three but for the page."""
    menu = [(u, t, "chrome") for u, t in MENU]
    plan = ("files/plan.pdf", "แผนปฏิบัติการประจำปี 2569", "")
    out = [_record("", "หน้าแรก", "ยินดีต้อนรับ", [("b.html", "เกี่ยวกับเรา", ""),
                                                  ("a.html", "หน่วยงานของเรา", "")]),
           _record("a.html", "หน่วยงานของเรา", "", [*menu, plan]),
           _record("b.html", "เกี่ยวกับเรา", "", [*menu, plan, ("news/0.html", "ข่าว 0", "")]),
           _record("news/0.html", "ประชุมคณะทำงาน", "เมื่อวันที่ 3 ธันวาคม 2568", [*menu, plan]),
           *_site(0)[1:]]
    out[0].depth, out[3].depth = 0, 2
    return out


@pytest.mark.parametrize("fiscal_year", [2569, None])
def test_the_candidate_kept_does_not_follow_the_crawl_order(fiscal_year):
    """Of equal candidates of one link on several pages (a menu link, a link each page has),
    the one kept is on the page nearest home (the crawl's depth, then the address), whichever
    page the crawl parsed first.  Before, the first page parsed: here b.html, or the news
    post two clicks away, as the pages answered."""
    site = _two_ways_site()
    info = CrawlInfo(start_url=HOME, home_url=HOME)
    home, a, b, post, *rest = site
    seen = []
    for order in ([home, a, b, post, *rest], [home, b, a, post, *rest],
                  [home, post, b, a, *rest]):
        found = gather(MATCHERS, Snapshot(order, info), fiscal_year)
        seen.append({code: sorted((c.url, c.found_on, c.score, c.matched_by, c.area)
                                  for c in cands) for code, cands in found.items()})
    assert seen[0] == seen[1] == seen[2]
    shared = {c[0]: c[1] for cands in seen[0].values() for c in cands
              if c[0].endswith(("structure.html", "authority.html", "contact.html"))
              and c[1] != c[0]}
    assert len(shared) >= 3 and set(shared.values()) == {HOME + "a.html"}, shared



@pytest.mark.parametrize("fiscal_year", [2569, None])
def test_equal_candidates_of_different_links_keep_the_walk_order(fiscal_year):
    """Two links to an item's evidence with equal scores, one on each of two pages a click
    from home (each page's own link, not a menu's): the item's candidates come in the order
    they are met walking from home (the crawl's depth, then the page's address, then the
    page's order), whichever page the crawl parsed first.  Before (measured, hygiene37): in
    crawl order, and the report's first evidence of O1 and O5 with it."""
    own = [("about/s%s.html", "โครงสร้างองค์กร", ""), ("contact%s.html", "ติดต่อเรา", "")]
    home = _record("", "หน้าแรก", "ยินดีต้อนรับ", [("b.html", "เกี่ยวกับเรา", ""),
                                                  ("a.html", "หน่วยงานของเรา", "")])
    home.depth = 0
    a = _record("a.html", "หน่วยงานของเรา", "", [(u % 1, t, x) for u, t, x in own])
    b = _record("b.html", "เกี่ยวกับเรา", "", [(u % 2, t, x) for u, t, x in own])
    targets = [_record(u % n, t, "แผนผังโครงสร้าง โทร 0 2123 4567") for n in (1, 2)
               for u, t, _ in own]
    info = CrawlInfo(start_url=HOME, home_url=HOME)
    seen = []
    for order in ([home, a, b, *targets], [home, b, a, *targets[::-1]]):
        found = gather(MATCHERS, Snapshot(order, info), fiscal_year)
        seen.append({code: [(c.url, c.found_on, c.score) for c in cands]
                     for code, cands in found.items()})
    assert seen[0] == seen[1]
    tied = [cands for cands in seen[0].values()
            if len(cands) >= 2 and cands[0][2] == cands[1][2] and cands[0][0] != cands[1][0]]
    assert tied, seen[0]
    assert all(cands[0][1] == HOME + "a.html" for cands in tied), tied

def test_a_menu_rows_key_is_the_key_of_the_candidate_it_makes():
    """_Found keeps a menu row by the key its candidate would have, without making it."""
    site = _site(2)
    snap = Snapshot(site, CrawlInfo(start_url=HOME, home_url=HOME))
    kept = candidates._PageReader(MATCHERS, snap).read(site[7], None, 7)
    rows = [row for _, row in kept if isinstance(row, tuple)]
    assert rows
    page = site[7].final_url
    assert all(candidates._row_key(row, candidates.url_key(page))
               == candidates._key(_candidate(row, page)) for row in rows)


def test_pages_at_one_address_keep_all_their_candidates(monkeypatch):
    """Two records of one page (fetched twice): their candidates replace each other per link,
    as before menu repeats were left out."""
    twin = _record("about/structure.html", "โครงสร้างองค์กร", "แผนผังโครงสร้าง",
                   [(u, f"{t} ({HOME})", "chrome") for u, t in MENU])
    site = [*_site(4), twin, *_site(4)[1:3]]
    info = CrawlInfo(start_url=HOME, home_url=HOME)
    assert targets_of(MATCHERS, Snapshot(site, info)).repeated_pages == {
        HOME + "about/structure.html", HOME + "about/authority.html"}
    once = gather(MATCHERS, Snapshot(site, info), 2569)
    monkeypatch.setattr(candidates, "_Found", lambda *a: _EveryCandidate())
    assert once == gather(MATCHERS, Snapshot(site, info), 2569) and once


def test_the_targets_are_read_once_per_snapshot_and_checklist():
    """The verdicts and the due-soon look-ahead gather twice: the second reads the store the
    first filled, not every record again."""
    snap = Snapshot(_site(4), CrawlInfo(start_url=HOME, home_url=HOME))
    first = targets_of(MATCHERS, snap)
    assert targets_of(MATCHERS, snap) is first
    assert targets_of(MATCHERS[:1], snap) is not first  # another list of items: its own


def _moit_site() -> list[PageRecord]:
    """The site with an ITA hub coded in the health ministry's MOIT scheme (read in that
    scheme: checklists.hubscheme) and a page that refers to it."""
    hub = _record("ita/moit.html", "ITA MOIT 2569", "", [
        ("files/m1.pdf", "MOIT 1 แผนปฏิบัติการประจำปี", ""),
        ("files/m2.pdf", "MOIT 2 รายงานผลการดำเนินงาน", ""),
        ("files/m12.pdf", "MOIT 12 มาตรการป้องกันการรับสินบน", "")])
    docs = [_record(f"files/m{n}.pdf", "", f"เอกสาร {n}\nรายละเอียด", kind="document")
            for n in (1, 2, 12)]
    return [*_site(4), hub, *docs]


def test_code_schemes_are_read_in_the_targets_pass(tmp_path, monkeypatch):
    """With a lexicon the pages' code schemes (candidates._SchemeScan) are read as the
    targets' pass goes by: gathering reads each record once, then each page once more, and
    keeps what it keeps with the schemes read in a pass of their own (the targets known)."""
    from checklists.hubscheme import lexicon_for

    lexicon = lexicon_for(CHECKLIST)
    records = _moit_site()
    info = CrawlInfo(start_url=HOME, home_url=HOME)
    scans: list[candidates._SchemeScan] = []
    real_scan = candidates._SchemeScan
    monkeypatch.setattr(candidates, "_SchemeScan",
                        lambda lex: scans.append(real_scan(lex)) or scans[-1])
    snapshot = Snapshot.load(_saved(tmp_path, records), info)
    read = _reads_counted(monkeypatch)
    found = gather(MATCHERS, snapshot, 2569, lexicon=lexicon)
    pages = [n for n, r in enumerate(records) if r.kind == "page"]
    assert read == list(range(len(records))) + pages
    monkeypatch.undo()
    apart = Snapshot(records, info)
    targets_of(MATCHERS, apart)  # known: the schemes are read in a pass of their own
    assert gather(MATCHERS, apart, 2569, lexicon=lexicon) == found and found
    assert set(scans[0].readers()) == {HOME + "ita/moit.html"}
