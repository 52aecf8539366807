"""The shortcuts gathering takes (issue 13) change nothing: a page's own names and a target's
lead are scored only by the items the matcher index says may match them, and a link read
once stands for the same link on every page (menus)."""

from __future__ import annotations

import pytest

from checklists import candidates
from checklists.candidates import gather
from checklists.matching import MatcherIndex, content_lead, page_texts
from checklists.site.snapshot import CrawlInfo, Snapshot
from checklists.wordings import matchers_for
from tests.checklists.test_matching import CHECKLIST, HOME, ITA, page
from tests.realworld.split import dev_files

MATCHERS = matchers_for(CHECKLIST)


def _sample_lines() -> list[str]:
    lines = []
    for path in dev_files()[::3]:
        lines += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()[:2]
                  if ln.strip()]
    return lines


@pytest.mark.parametrize("breadcrumb", ["", "หน้าแรก › ITA 2569 › คู่มือการปฏิบัติงาน"])
def test_the_index_names_every_item_a_page_or_a_lead_may_score(breadcrumb):
    index = MatcherIndex(MATCHERS)
    for line in _sample_lines():
        scoring = {m.item.code for m in MATCHERS if m.score_page(line, [line], breadcrumb)}
        names = page_texts(line, [line], breadcrumb)
        assert scoring <= {m.item.code for m in index.candidates(*names)}, line
        scoring = {m.item.code for m in MATCHERS if m.score_content(line, [], "")}
        assert scoring <= {m.item.code for m in index.candidates(content_lead(line, [], ""))}


def _site() -> Snapshot:
    menu = [(ITA, "ITA", "", "", ""), ("http://office.example/o1.html", "โครงสร้าง", "", "", ""),
            ("http://office.example/plan.pdf", "ดาวน์โหลด", "O10 แผนดำเนินงานประจำปี", "", "")]
    pages = [page(HOME, menu), page(ITA, menu, title="ITA 2569"),
             page("http://office.example/o1.html", menu, title="โครงสร้างองค์กร"),
             page("http://office.example/plan.pdf", kind="document",
                  text="แผนปฏิบัติการ ปีงบประมาณ พ.ศ. 2569")]
    pages += [page(f"http://office.example/news/{n}.html", menu, title=f"ข่าว {n}")
              for n in range(6)]
    return Snapshot(pages, CrawlInfo(start_url=HOME, home_url=HOME))


def test_a_link_read_once_gives_what_reading_it_on_each_page_gives(monkeypatch):
    cached = gather(MATCHERS, _site(), 2569)
    monkeypatch.setattr(candidates, "LINK_CACHE", 1)  # each link read again on each page
    again = gather(MATCHERS, _site(), 2569)
    assert cached == again and cached  # same candidates, and there are some


def _between_codes_every_link(pg, matchers):
    """The hub-order reading as it was before its shortcut: every link of the page looked at
    (site_codes, is_generic) whatever the page's codes."""
    from checklists.hubscheme import site_codes
    from checklists.matching import is_generic
    seq = []
    for n, link in enumerate(pg.links):
        if link.get("area") == "chrome":
            continue
        keys = site_codes(link["text"]) or site_codes(link.get("context", ""))
        if keys:
            prefix = keys[0].rstrip("0123456789")
            seq.append((n, int(keys[0][len(prefix):]), prefix))
        elif not site_codes(link.get("heading", "")) and not is_generic(link["text"]):
            seq.append((n, None, ""))
    return candidates._codes_between(seq, None, matchers)


_HUB_TEXTS = ["O12 รายงาน", "O13", "O14 คู่มือ", "O16", "EB3", "ดาวน์โหลด", "แผนงาน",
              "คู่มือการปฏิบัติงาน", "", "ข่าว"]


@pytest.mark.parametrize("seed", range(60))
def test_a_page_without_two_coded_links_has_no_link_between_codes(seed):
    import random
    rnd = random.Random(seed)
    links = [(f"http://office.example/{n}.html",
              f"O{10 + n} รายงาน" if rnd.random() < 0.4 else rnd.choice(_HUB_TEXTS),
              rnd.choice(["", "", "O15 แผน"]), rnd.choice(["", "", "O2"]), "")
             for n in range(rnd.randint(0, 9))]
    pg = page("http://office.example/hub.html", links)
    for link in pg.links:
        link["area"] = rnd.choice(["", "", "chrome"])
    assert candidates._between_codes(pg, None, MATCHERS) == \
        _between_codes_every_link(pg, MATCHERS)


def test_an_uncoded_link_between_two_coded_ones_takes_the_code_between():
    pg = page("http://office.example/hub.html",
              [(f"http://office.example/{n}.html", t, "", "", "")
               for n, t in enumerate(["O12 รายงาน", "แผนงาน", "O14 คู่มือ"])])
    got = candidates._between_codes(pg, None, MATCHERS)
    assert got == _between_codes_every_link(pg, MATCHERS) and got


def test_the_kept_code_keys_are_what_reading_each_text_gives():
    """A text's code keys kept per text (``site_code_keys``, crawl37, issue 13) are what
    :func:`site_codes` gives, asked once or many times."""
    from checklists.hubscheme import site_code_keys, site_codes
    texts = _sample_lines()[:300] + _HUB_TEXTS + ["O.01 โครงสร้าง OIT 3 MOIT 12 EB16"]
    for _ in range(2):  # kept: the second ask is the first's answer
        for text in texts:
            assert site_code_keys(text) == tuple(site_codes(text)), text


@pytest.mark.parametrize("seed", range(20))
def test_a_text_answered_without_the_code_pattern_holds_no_code(seed):
    """A text with no O, E or leading zero is answered at once (crawl38): random texts of
    code pieces, Thai words, digits (Thai ones too) and spaces give what :func:`site_codes`
    gives."""
    import random

    from checklists.hubscheme import site_code_keys, site_codes
    rnd = random.Random(seed)
    pieces = ["O", "o", "OIT", "MOIT", "EB", "e", "b", "0", "00", "1", "12", "๑", "๒๓", " ",
              "\t", ".", "-", ":", "ITA", "ข้อ", "รายงาน", "มกราคม", "2569", "X", "ö", "Ö"]
    for _ in range(300):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        assert site_code_keys(text) == tuple(site_codes(text)), text


def _page_year_as_read(pg, heading=""):
    """A page's year as :func:`candidates._page_year` read it before it was kept per labels."""
    from checklists.matching import section_year
    crumbs = [c.strip() for c in candidates._CRUMBS.split(pg.breadcrumb or "") if c.strip()]
    for label in (heading, *reversed(crumbs), *(pg.headings[:1]), pg.title):
        year = section_year(label, strict=True)
        if year:
            return year, label
    return None, ""


@pytest.mark.parametrize("breadcrumb", ["", "หน้าแรก › ITA 2569 › คู่มือ", "OIT 2568 | O1",
                                        "หน้าแรก » ข่าว", "ITA 2567 > ITA 2568"])
@pytest.mark.parametrize("headings", [[], [""], ["ITA 2566"], ["ข่าว", "ITA 2569"]])
@pytest.mark.parametrize("heading", ["", "OIT ปี 2570", "ดาวน์โหลด"])
def test_a_page_year_kept_per_labels_is_the_year_read_from_them(breadcrumb, headings, heading):
    for title in ("", "ITA 2565", "หน้าแรก"):
        pg = page("http://office.example/p.html", [], title=title)
        pg.breadcrumb, pg.headings = breadcrumb, list(headings)
        assert candidates._page_year(pg, heading) == _page_year_as_read(pg, heading)
