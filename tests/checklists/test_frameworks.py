"""The framework years and families shipped as data: each states its family, year, sources and
provisional items; a new year's list extends the previous one and says what changed."""

from __future__ import annotations

import pytest

from checklists import framework
from checklists.framework import Declared, best_fit, declared
from checklists.loader import builtin_checklists, load_checklist
from checklists.site.records import PageRecord
from checklists.site.snapshot import CrawlInfo, Snapshot
from tests.checklists.helpers import problems_of, write


def test_2565_is_the_confirmed_default():
    c = load_checklist()
    assert c.id == "nacc-oit-2565" and not c.provisional and not c.extends


def test_2567_is_2566_unchanged_but_provisional():
    c2566, c2567 = load_checklist("nacc-oit-2566"), load_checklist("nacc-oit-2567")
    assert c2567.extends == "nacc-oit-2566" and c2567.framework_year == 2567
    assert [i.title_th for i in c2567.items] == [i.title_th for i in c2566.items]
    assert c2567.provisional_codes == tuple(i.code for i in c2567.items)
    assert not c2566.provisional


def test_2568_renumbers_and_merges():
    c = load_checklist("nacc-oit-2568")
    assert c.extends == "nacc-oit-2567" and len(c.items) == 26
    assert [i.code for i in c.items] == [f"O{n}" for n in range(1, 27)]
    assert c.item("O1").title_th == "โครงสร้างและอำนาจหน้าที่"
    assert c.item("O13").origin == "O22" and c.item("O13").freshness.rule == "previous_fiscal_year"
    assert c.item("O19").freshness.rule == "previous_fiscal_year"  # labelled FY-1 in [R1]
    assert "O3" in c.removed and "O42" in c.removed
    assert c.sources["R1"].single_agency and "R1" in c.item("O8").sources


def test_2569_moves_the_monthly_summary_and_merges_no_gift():
    c = load_checklist("nacc-oit-2569")
    o11 = c.item("O11")
    assert o11.title_th == "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"
    assert o11.freshness.rule == "monthly_coverage" and o11.subindicator == "9.3"
    assert "No Gift" in c.item("O20").title_th and c.removed == ("O11", "O22")
    assert c.item("O25").title_th == "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"
    assert len(c.items) == 26 and c.provisional
    assert any("O11" in ch.en for ch in c.changes)


def test_families_collide_on_codes():
    ovec = load_checklist("ovec-oit-2569")
    nacc = load_checklist("nacc-oit-2569")
    assert ovec.family == "ovec" and nacc.family == "nacc"
    assert ovec.item("O11").title_th != nacc.item("O11").title_th


def test_renumber_remove_and_add(tmp_path):
    path = write(tmp_path, """extends: nacc-oit-2565
id: office-2570
framework_year: 2570
changes: [{th: ย้ายสรุปผลรายเดือน, en: monthly summary moved}]
remove: [O11]
items:
  O11: {from: O23}
  O44:
    from: new
    subindicator: "10.2"
    title_th: ข้อใหม่
    title_en: New item
    owner: ita
""")
    c = load_checklist(path)
    assert c.item("O11").title_th == "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"
    assert c.item("O11").find.codes == ("O11",) and c.item("O11").origin == "O23"
    assert c.item("O23") is None and c.items[-1].code == "O44"
    assert len(c.items) == 43


def test_new_item_missing_fields_points_to_it(tmp_path):
    path = write(tmp_path, "extends: nacc-oit-2565\nitems:\n  O44:\n    from: new\n"
                           "    owner: ita\n")
    problems = problems_of(path)
    assert problems and all(p.startswith(f"{path}:3:") for p in problems)
    assert any("title_th" in p for p in problems)


@pytest.mark.parametrize(("text", "line", "says"), [
    ("items:\n  O99:\n    owner: legal\n", 3, "O99"),  # not in the base, no `from: new`
    ("items:\n  O1:\n    freshness: {rule: x}\n", 4, "unknown rule"),
    ("id: x-2566\nframework_year: 2566\n", 3, "changes"),  # a new year says what changed
    ("items:\n  O11:\n    from: O23\n", 3, "remove"),  # old O11 must be renumbered or removed
    ("items:\n  O1:\n    sources: [X9]\n", 4, "X9"),
    ("remove: [O1, O77]\n", 2, "O77"),
])
def test_overlay_problems_point_to_their_line(tmp_path, text, line, says):
    path = write(tmp_path, "extends: nacc-oit-2565\n" + text)
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:{line}:") and says in problem


def test_other_families():
    moph = load_checklist("moph-moit-2569")
    assert moph.family == "moph" and moph.extends == "moph-moit-2568" and len(moph.items) == 22
    assert "ต่อต้านคอร์รัปชัน" in moph.item("MOIT 20").title_th
    assert load_checklist("moph-moit-2568").item("MOIT 5").freshness.rule == "monthly_coverage"
    obec = load_checklist("obec-oit-2564")
    assert obec.family == "obec" and not obec.provisional and len(obec.items) == 43
    police = load_checklist("police-oit-2568")
    assert police.item("O15").title_th == "สรุปผลการจัดซื้อจัดจ้างรายเดือน"
    assert load_checklist("nacc-oit-2568").item("O15").title_th.startswith("รายงานผลการบริหาร")


def test_obec_ita_online_lists_after_2564():
    """OBEC's ITA Online 2566 and 2568 keep NACC's items of that year (schools' own pages)."""
    for year in (2566, 2568):
        obec, nacc = load_checklist(f"obec-oit-{year}"), load_checklist(f"nacc-oit-{year}")
        assert obec.family == "obec" and obec.framework_year == year
        assert obec.extends == nacc.id and obec.changes
        assert [(i.code, i.title_th) for i in obec.items] == [(i.code, i.title_th)
                                                              for i in nacc.items]
        assert obec.provisional and all(s.single_agency for s in obec.sources.values()
                                        if s.url)
    c2566 = load_checklist("obec-oit-2566")
    assert c2566.item("O15").title_th.startswith("คู่มือหรือมาตรฐานการให้บริการ")
    assert c2566.item("O15").sources == ("S1",) and c2566.item("O25").sources == ("S2",)
    assert load_checklist("obec-oit-2568").item("O1").sources == ("T1",)


@pytest.mark.parametrize(("year", "expected"), [
    (2564, "obec-oit-2564"), (2566, "obec-oit-2566"), (2568, "obec-oit-2568"),
    (2567, "nacc-oit-2567"),  # no OBEC list found for 2567: NACC's of that year
    (2569, "nacc-oit-2569"),
])
def test_an_ita_online_site_gets_its_obec_list(year, expected):
    shipped = {cid: load_checklist(cid) for cid in builtin_checklists()}
    site = Declared(year=year, family="obec", evidence=(f"ITA Online {year}",))
    assert best_fit(site, load_checklist(), shipped).id == expected


def _menu_page(url: str, links: list[tuple[str, str]], title: str = "") -> PageRecord:
    return PageRecord(url=url, final_url=url, kind="page", status=200, depth=1, fetched_at="",
                      title=title,
                      links=[{"url": u, "text": t, "context": ""} for u, t in links])


def test_declared_reads_a_repeated_text_once_with_the_same_result(monkeypatch):
    # a menu repeated on every page is read once: the families still count every sighting
    # (the most named family wins), the first sighting of a year or code still stands
    menu = [("https://x.go.th/ita", "ITA Online 2568"), ("https://x.go.th/moit", "MOIT 1"),
            ("https://x.go.th/o1", "O1 โครงสร้าง"), ("https://x.go.th/vec", "ITA VEC 2569")]
    pages = [_menu_page(f"https://x.go.th/p{n}", menu + [(f"https://x.go.th/o{n}",
                                                          f"O{n} ข้อมูล ITA Online")])
             for n in range(2, 9)]
    pages.append(_menu_page("https://x.go.th/police", [("https://x.go.th/a", "สถานีตำรวจ")] * 9))
    snap = Snapshot(pages, CrawlInfo(start_url="https://x.go.th/"))
    once = declared(snap, 2569)
    monkeypatch.setattr(framework, "SEEN_TEXTS", 0)  # every text read at every sighting
    assert declared(snap, 2569) == once
    assert once.family == "obec" and once.year == 2568 and once.code_scheme == "O"


def test_what_the_pages_declare_is_read_in_the_loads_pass(tmp_path, monkeypatch):
    """framework.load_declaring reads the declarations as the snapshot's load scans the
    records: declared() then reads no record, and says what a pass of its own says."""
    import json

    from checklists.site.recordfile import RecordFile

    menu = [("https://x.go.th/ita", "ITA Online 2568"), ("https://x.go.th/o1", "O1 โครงสร้าง")]
    pages = [_menu_page(f"https://x.go.th/p{n}", menu + [(f"https://x.go.th/o{n}",
                                                          f"O{n} ข้อมูล ITA Online")])
             for n in range(2, 9)]
    pages.append(PageRecord(url="https://x.go.th/gone", final_url="https://x.go.th/gone",
                            kind="page", status=0, depth=1, fetched_at="",
                            links=[{"url": "https://x.go.th/m", "text": "MOIT 1"}] * 3))
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(p.as_dict(), ensure_ascii=False) + "\n" for p in pages),
                    encoding="utf-8")
    info = CrawlInfo(start_url="https://x.go.th/")
    snap = framework.load_declaring(path, info)
    read: list[int] = []
    original = RecordFile.read
    monkeypatch.setattr(RecordFile, "read", lambda self, i: read.append(i) or original(self, i))
    for year in (2569, 2567):
        assert declared(snap, year) == declared(Snapshot(pages, info), year)
    assert not read
    assert declared(snap, 2569).code_scheme == "O"  # the page that did not answer counts not
