"""Gathering's results kept per page (checklists/site/pagememo.py): read back only while the
page, its links' targets and the reading are unchanged, and never changing a candidate."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import date

from checklists import candidates
from checklists.candidates import gather, page_key
from checklists.engine import audit
from checklists.hubscheme import lexicon_for
from checklists.loader import load_checklist
from checklists.site.pagememo import PAGE_SIZE, SCHEMA, PageMemo
from checklists.site.records import PageRecord, content_digest
from checklists.site.snapshot import CrawlInfo, Snapshot
from checklists.wordings import matchers_for

HOME = "http://office.example/"
ITA = f"{HOME}ita/"
INFO = CrawlInfo(start_url=HOME, home_url=HOME)
AS_OF = date(2026, 5, 15)


def _page(url: str, links=(), text: str = "", title: str = "", **kw) -> PageRecord:
    return PageRecord(url=url, final_url=url, kind=kw.pop("kind", "page"), status=200,
                      depth=1, fetched_at="2026-05-15T00:00:00+00:00", title=title, text=text,
                      links=[{"url": u, "text": t, "context": "", "heading": ""}
                             for u, t in links], **kw)


def _site(o1_text: str = "โครงสร้างองค์กร ปีงบประมาณ 2569") -> list[PageRecord]:
    return [_page(HOME, [(ITA, "ITA 2569")], title="หน้าแรก"),
            _page(ITA, [(f"{HOME}o1.pdf", "O1 โครงสร้าง"), (f"{HOME}o9.html", "O9 แผนดำเนินงาน"),
                        (f"{HOME}gone", "O10 รายงานผล")], title="ITA 2569", referer=HOME),
            _page(f"{HOME}o1.pdf", text=o1_text, kind="document"),
            _page(f"{HOME}o9.html", text="แผนการดำเนินงานประจำปี 2569", title="แผน"),
            dataclasses.replace(_page(f"{HOME}gone"), status=404)]


def _gathered(records: list[PageRecord], memo: PageMemo | None) -> dict:
    checklist = load_checklist("nacc-oit-2569")
    snapshot = Snapshot(records, INFO)
    snapshot.page_memo = memo
    return gather(matchers_for(checklist), snapshot, 2569, None, lexicon_for(checklist))


def test_content_digest_ignores_when_and_whence_a_url_was_fetched():
    a = _page(ITA, [(HOME, "x")], title="ITA", referer=HOME, link_text="ITA")
    b = dataclasses.replace(a, fetched_at="2026-06-01T00:00:00+00:00", depth=3,
                            referer=f"{HOME}other", link_text="ไอทีเอ")
    assert content_digest(a) == content_digest(b)
    assert content_digest(a) != content_digest(dataclasses.replace(a, title="ITA 2569"))
    assert content_digest(a) != content_digest(dataclasses.replace(a, status=500))


def test_page_key_follows_the_page_its_referer_its_targets_and_the_scheme():
    records = _site()
    snap = Snapshot(records, INFO)
    ita = records[1]
    key = page_key(b"scope", ita, snap)
    assert page_key(b"scope", ita, Snapshot(_site(), INFO)) == key  # fetched again: same
    assert page_key(b"scope", ita, snap, "", 1) == key  # its digest as the snapshot knows it
    assert page_key(b"other", ita, snap) != key
    assert page_key(b"scope", ita, snap, "obec-oit-2568") != key
    assert page_key(b"scope", dataclasses.replace(ita, referer=ITA), snap) != key
    changed = Snapshot(_site("โครงสร้างองค์กร ปีงบประมาณ 2568"), INFO)  # a target changed
    assert page_key(b"scope", ita, changed) != key
    home = records[0]  # the home page links only to the hub, which did not change
    assert page_key(b"scope", home, changed) == page_key(b"scope", home, snap)


def test_read_back_candidates_equal_those_read_afresh(tmp_path):
    fresh = _gathered(_site(), None)
    assert fresh  # the site has evidence to find
    path = tmp_path / "pages.sqlite3"
    first = PageMemo(path)
    assert _gathered(_site(), first) == fresh and first.hits == 0
    first.close()
    again = PageMemo(path)
    assert _gathered(_site(), again) == fresh
    # every page (documents are no pages: 3) and every record as a link's target (5)
    assert again.hits == 3 + 5 and again.misses == 0
    again.close()
    changed = PageMemo(path)  # the document changed: the hub that links to it is read again
    assert _gathered(_site("โครงสร้างองค์กร ปีงบประมาณ 2568"), changed) == \
        _gathered(_site("โครงสร้างองค์กร ปีงบประมาณ 2568"), None)
    # the hub and the document as a target are read again; the rest is read back
    assert changed.misses == 1 + 1 and changed.hits == 2 + 4
    changed.close()


def test_close_keeps_only_what_the_run_used(tmp_path):
    path = tmp_path / "pages.sqlite3"
    memo = PageMemo(path)
    memo.put(b"old", b"1")
    memo.put(b"kept", b"2")
    memo.close()
    memo = PageMemo(path)
    assert memo.get(b"kept") == b"2"
    memo.put(b"new", b"3")
    memo.close()
    memo = PageMemo(path)
    assert (memo.get(b"old"), memo.get(b"kept"), memo.get(b"new")) == (None, b"2", b"3")
    memo.close()


def test_a_new_store_has_large_pages_and_a_kept_one_its_own(tmp_path):
    """A new file gets PAGE_SIZE pages (a page's reading is a few kilobytes); a file made
    with SQLite's default pages is read and written as it is."""
    path = tmp_path / "pages.sqlite3"
    memo = PageMemo(path)
    memo.put(b"k", b"v" * 10_000)
    memo.close()
    assert sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
    older = tmp_path / "older.sqlite3"
    db = sqlite3.connect(older)
    db.execute(SCHEMA)
    db.execute("INSERT INTO pages VALUES (?, ?, 1)", (b"k", b"v" * 10_000))
    db.commit()
    db.close()
    memo = PageMemo(older)
    assert memo.get(b"k") == b"v" * 10_000
    memo.put(b"j", b"w")
    memo.close()
    assert sqlite3.connect(older).execute("PRAGMA page_size").fetchone()[0] == 4096
    memo = PageMemo(older)
    assert memo.get(b"j") == b"w"
    memo.close()


def test_a_damaged_file_is_started_afresh_and_a_temporary_one_removed(tmp_path):
    path = tmp_path / "pages.sqlite3"
    path.write_bytes(b"not a database" * 100)
    memo = PageMemo(path)
    assert memo.get(b"x") is None
    memo.close()
    temporary = PageMemo()
    temporary.put(b"x", b"1")
    assert temporary.get(b"x") == b"1"
    temporary.close()
    assert not temporary.path.exists()


def test_verdicts_of_a_saved_crawl_are_the_same_read_back(demo_audit, tmp_path):
    """The demo's crawl judged three times: afresh, filling the store, reading it back."""
    records = [PageRecord.from_dict(json.loads(line)) for line in
               (demo_audit.result.out_dir / "crawl.jsonl").read_text("utf-8").splitlines()
               if line.strip()]
    checklist = load_checklist("nacc-oit-2569")

    def judged(memo: PageMemo | None) -> list:
        snapshot = Snapshot(records, INFO)
        snapshot.page_memo = memo
        return [(r.item.code, r.verdict, r.reason_en, [e.as_dict() for e in r.evidence])
                for r in audit(checklist, snapshot, AS_OF).results]

    fresh = judged(None)
    path = tmp_path / "pages.sqlite3"
    for _ in range(2):
        memo = PageMemo(path)
        assert judged(memo) == fresh
        memo.close()
    assert memo.hits > 0 and memo.misses == 0



def test_a_record_met_again_is_not_scored_again_and_scores_the_same(tmp_path, monkeypatch):
    """A record's facts as a link's target (the items its contents name, index or not) are
    kept under its content digest: a later check of the same crawl or tonight's re-audit of
    an unchanged site reads them back, equal to those scored afresh."""
    scored: list[str] = []
    real = candidates._target_facts

    def counting(matchers, rec, index):
        scored.append(rec.url)
        return real(matchers, rec, index)

    monkeypatch.setattr(candidates, "_target_facts", counting)
    path = tmp_path / "pages.sqlite3"
    memo = PageMemo(path)
    _gathered(_site(), memo)
    memo.close()
    assert len(scored) == 5  # every record, once
    later = [dataclasses.replace(r, fetched_at="2026-05-16T01:00:00+00:00", depth=2)
             for r in _site()]  # tonight: fetched again, reached another way
    scored.clear()
    memo = PageMemo(path)
    kept = _gathered(later, memo)
    memo.close()
    assert scored == []  # nothing scored again
    assert kept == _gathered(later, None)
    assert scored == [r.url for r in later]  # (scored afresh without the memo)


def test_a_fresh_store_answers_what_this_run_put_and_a_kept_one_what_it_holds(tmp_path):
    path = tmp_path / "pages.sqlite3"
    memo = PageMemo(path)  # a site's first audit: nothing to look up but what it puts
    assert memo.get(b"k1") is None and memo.misses == 1
    memo.put(b"k1", b"v1")
    assert memo.get(b"k1") == b"v1" and memo.hits == 1
    memo.close()
    again = PageMemo(path)  # the next run looks up what the store holds
    assert again.get(b"k1") == b"v1" and again.get(b"k2") is None
    again.close()
