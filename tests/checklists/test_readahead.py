"""The wording model reads many texts together (issue 13): a link's reading, its target's and
their joined prediction are worked out for a window of pages at once, one numpy pass for all
(checklists/textmodel.py ``read_parts``, ``joined_many``, ``predict_many``; checklists/
candidates.py ``_PageReader.read_ahead``).  What a text gets is the same to the last bit
however many texts are read with it, and gathering keeps the same candidates."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from checklists import candidates, textmodel
from checklists.candidates import gather
from checklists.site.pagememo import PageMemo
from checklists.site.snapshot import CrawlInfo, Snapshot
from checklists.textmodel import load_model
from checklists.thaitext import CharsMemo
from checklists.wordings import matchers_for
from tests.checklists.test_matching import CHECKLIST, HOME, ITA, page
from tests.realworld.split import dev_files

MATCHERS = matchers_for(CHECKLIST)


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8")[:400] for p in dev_files()[::4]]
    return [t for t in texts if t.strip()] + ["", "  ", "2569", "O12", "😀", "ดาวน์โหลด"]


def test_texts_read_together_are_read_as_alone():
    model = load_model()
    arrays = model._arrays
    texts = _texts()
    assert arrays.read_parts(texts) == [arrays.read_part(t) for t in texts]
    alone = [arrays.predict(model, t).probs for t in texts]
    rnd = random.Random(5)
    for _ in range(3):
        order = list(range(len(texts)))
        rnd.shuffle(order)
        together = arrays.predict_many(model, [texts[n] for n in order])
        assert [p.probs for p in together] == [alone[n] for n in order]
    assert any(alone) and not alone[-5]  # an empty text has no reading


def test_joins_read_together_are_read_as_alone_and_as_the_whole_text():
    model = load_model()
    arrays = model._arrays
    texts = _texts()
    links = ["ดาวน์โหลด", "O12 รายงานผลการดำเนินงาน", "คลิก", "แผนปฏิบัติการ 2569", "😀 ข่าว",
             *(t[:30] for t in texts[:15])]
    rnd = random.Random(7)
    pairs = [(rnd.choice(links), rnd.choice(texts)) for _ in range(300)]
    reads = [(arrays.read_part(a), arrays.read_part(b)) for a, b in pairs]
    together = arrays.joined_many(model, reads)
    for (left, right), read, got in zip(pairs, reads, together, strict=True):
        alone = arrays.joined(model, *read)
        assert (got is None) == (alone is None)
        if got is not None:
            assert got.probs == alone.probs == arrays.predict(model, f"{left} {right}").probs
    assert sum(g is not None for g in together) > 200


def test_predictions_read_ahead_are_the_ones_asked_for(monkeypatch):
    model = load_model()
    texts = _texts()[:40]
    links = ["ดาวน์โหลด", "คู่มือการปฏิบัติงาน", "O12 รายงาน", ""]
    joins = [(model.part(links[n % 4]), model.read_part(t), f"{links[n % 4]} {t}".strip())
             for n, t in enumerate(texts)]
    want = [model.predict(text).probs for _, _, text in joins]
    textmodel._PREDICTED.clear()
    model.read_ahead(joins)
    calls = []
    monkeypatch.setattr(textmodel, "_predict", lambda *a: calls.append(a))
    monkeypatch.setattr(textmodel._Arrays, "joined_many", lambda *a: calls.append(a))
    assert [model.predict_joined(a, b, text).probs for a, b, text in joins
            if text.strip()] == [w for w, (_, _, text) in zip(want, joins, strict=True)
                                 if text.strip()]
    assert not calls  # all read ahead


def _site() -> Snapshot:
    menu = [(ITA, "ITA", "", "", ""), ("http://office.example/o1.html", "โครงสร้าง", "", "", ""),
            ("http://office.example/manual.html", "คู่มือการปฏิบัติงาน", "", "", ""),
            ("http://office.example/plan.pdf", "ดาวน์โหลด", "O10 แผนดำเนินงานประจำปี", "", "")]
    pages = [page(HOME, menu), page(ITA, menu, title="ITA 2569"),
             page("http://office.example/o1.html", menu, title="โครงสร้างองค์กร"),
             page("http://office.example/manual.html", menu, title="คู่มือการปฏิบัติงาน",
                  text="คู่มือการปฏิบัติงาน กลุ่มงานบริหาร การให้บริการประชาชน ขั้นตอน"),
             page("http://office.example/plan.pdf", kind="document",
                  text="แผนปฏิบัติการ ปีงบประมาณ พ.ศ. 2569")]
    for n in range(12):  # news, each with its own links
        own = [(f"http://office.example/news/{n + 1}.html", f"ข่าวกิจกรรม {n + 1} การประชุม", "",
                "", ""), ("http://office.example/manual.html", "คู่มือการให้บริการ", "", "", "")]
        pages.append(page(f"http://office.example/news/{n}.html", menu + own,
                          title=f"ข่าว {n}", text=f"กิจกรรมของสำนักงาน ครั้งที่ {n}"))
    pages.insert(8, pages[7])  # the same page twice in a row (fetched again)
    return Snapshot(pages, CrawlInfo(start_url=HOME, home_url=HOME))


def test_reading_ahead_keeps_the_same_candidates(monkeypatch, tmp_path):
    ahead = gather(MATCHERS, _site(), 2569)
    for pages in (1, 3):
        monkeypatch.setattr(candidates, "AHEAD_PAGES", pages)
        assert gather(MATCHERS, _site(), 2569) == ahead
    monkeypatch.setattr(candidates._PageReader, "ahead", lambda self, page: 0)
    assert gather(MATCHERS, _site(), 2569) == ahead and ahead  # none read ahead


def _asked(tmp_path: Path, name: str) -> list[tuple[int, int]]:
    """The page memo's hits and misses gathering the site with an empty memo, then again."""
    asked = []
    for _ in range(2):
        memo = PageMemo(tmp_path / f"{name}.sqlite3")
        snapshot = _site()
        snapshot.page_memo = memo
        assert gather(MATCHERS, snapshot, 2569) == gather(MATCHERS, _site(), 2569)
        asked.append((memo.hits, memo.misses))
        memo.close()
    return asked


def test_the_page_memo_is_asked_as_when_pages_are_read_one_by_one(monkeypatch, tmp_path):
    monkeypatch.setattr(candidates, "AHEAD_PAGES", 1)
    one_by_one = _asked(tmp_path, "one")
    assert one_by_one[0][0] >= 1  # the page fetched twice is read back the second time
    for pages in (4, 32):
        monkeypatch.setattr(candidates, "AHEAD_PAGES", pages)
        assert _asked(tmp_path, str(pages)) == one_by_one


def test_texts_asked_together_are_kept_as_asked_alone():
    made: list[list[str]] = []

    def make(texts: list[str]) -> list[int]:
        made.append(texts)
        return [len(t) for t in texts]

    memo: CharsMemo[int] = CharsMemo(40)
    assert memo.get_many(["กข", "ค", "กข", "x" * 6], make) == [2, 1, 2, 6]
    assert made == [["กข", "ค", "x" * 6]]  # each text made once, together
    assert memo.get_many(["ค", "ง", "x" * 6], make) == [1, 1, 6]
    assert made[1:] == [["ง", "x" * 6]]  # a text over an eighth of the memo is not kept


def test_texts_kept_are_given_even_when_the_new_ones_push_them_out():
    # the new texts kept push out the least recent: one asked for in the same call, found
    # kept, is still given (a 20,000-page audit failed with a KeyError here)
    memo: CharsMemo[int] = CharsMemo(40)  # 40 characters in all, texts up to 5
    old = ["ก" * 4, "ข" * 4, "ค" * 4, "ง" * 4]
    assert memo.get_many(old, lambda texts: [len(t) for t in texts]) == [4] * 4
    new = ["x" * 4, "y" * 4, "z" * 4, "w" * 4, "v" * 4]
    asked = [*old, *new, *old]
    assert memo.get_many(asked, lambda texts: [len(t) for t in texts]) == [4] * len(asked)
    assert memo.get_many(asked, lambda texts: [len(t) for t in texts]) == [4] * len(asked)


def test_a_link_ahead_looked_up_is_read_as_one_looked_up_afresh():
    """What :meth:`_PageReader.ahead` looked up of a link (its target, the model's parts) is
    handed to the link's reading: the same reading as a reader that never looked ahead, and
    forgotten once the window is read."""
    reader = candidates._PageReader(MATCHERS, _site())
    cold = candidates._PageReader(MATCHERS, _site())
    read = noted = 0
    for number, pg in _site().numbered_pages():
        reader.ahead(pg)
        noted += len(reader._noted)
        reader.read_ahead()
        for n, link in enumerate(pg.links):
            if link["url"] == pg.final_url:
                continue
            assert reader._read_link(link, n, None, {}) == cold._read_link(link, n, None, {})
            read += 1
        assert reader.read(pg, None, number) == cold.read(pg, None, number)
        reader.forget()
        assert not reader._noted
    assert read > 40 and noted >= 8  # the menu once, each news post's own links


def test_distinct_keys_are_counted_as_numpys_unique_counts_them():
    """:func:`textmodel._distinct` (a stable sort of keys that come in sorted runs) gives
    the distinct keys and their counts, or the sums of their weights, as ``np.unique`` did."""
    rng = np.random.default_rng(7)
    runs = [np.sort(rng.integers(0, 5_000, n)) for n in (0, 1, 40, 300, 2, 800)]
    for keys in (np.concatenate(runs), rng.integers(0, 60, 500), np.zeros(0, dtype=np.int64),
                 np.array([3, 3, 3], dtype=np.int64)):
        keys = keys.astype(np.int64)
        at, times = textmodel._distinct(keys)
        want_at, want_times = np.unique(keys, return_counts=True)
        assert at.tolist() == want_at.tolist() and times.tolist() == want_times.tolist()
        weights = rng.integers(1, 9, len(keys))
        at, total = textmodel._distinct(keys, weights)
        _, where = np.unique(keys, return_inverse=True)
        summed = np.bincount(where, weights=weights, minlength=len(want_at))
        assert at.tolist() == want_at.tolist()
        assert total.astype(np.float64).tolist() == summed.tolist()


def _one_link_in_many_contexts() -> Snapshot:
    """A manual's link with the same words on every news post, each post its own context."""
    manual = "http://office.example/manual.html"
    pages = [page(HOME, [(manual, "คู่มือการปฏิบัติงาน", "", "", "")]),
             page(manual, [], title="คู่มือการปฏิบัติงาน",
                  text="คู่มือการปฏิบัติงาน กลุ่มงานบริหาร การให้บริการประชาชน ขั้นตอน")]
    for n in range(6):
        pages.append(page(f"http://office.example/news/{n}.html",
                          [(manual, "คู่มือการปฏิบัติงาน", f"ข่าวกิจกรรม ครั้งที่ {n}", "", "")],
                          title=f"ข่าว {n}", text=f"กิจกรรมของสำนักงาน ครั้งที่ {n}"))
    return Snapshot(pages, CrawlInfo(start_url=HOME, home_url=HOME))


def test_a_links_not_evidence_test_is_kept_for_the_same_words_and_target(monkeypatch):
    """The not-evidence test of a link read again under another context (the same item,
    target, address, words and scores) is answered from what the reader kept: the same
    candidates as asking it afresh each time, for fewer asks."""
    asked = []
    test = candidates._not_evidence

    def counted(*args, **kwargs):
        asked.append(args[:3])
        return test(*args, **kwargs)

    monkeypatch.setattr(candidates, "_not_evidence", counted)
    kept = gather(MATCHERS, _one_link_in_many_contexts(), 2569)
    kept_asks = len(asked)
    asked.clear()
    monkeypatch.setattr(candidates._PageReader, "_no_evidence",
                        lambda self, *args: candidates._not_evidence(*args[:-1], led=args[-1]))
    assert gather(MATCHERS, _one_link_in_many_contexts(), 2569) == kept and kept
    assert 0 < kept_asks < len(asked)
