"""A site's codes belong to the site's framework (issue 16): hub schemes, codes against titles,
codes in headings, hub order, the wording model's say, and what is never evidence."""

from __future__ import annotations

import pytest

from checklists.candidates import _trust_titles
from checklists.hubscheme import code_key, lexicon_for, read_scheme, site_codes
from checklists.matching import ItemMatcher, Match, is_flipbook
from tests.checklists.test_matching import CHECKLIST, HOME, ITA, page, results

SITE = "http://office.example/"


def doc(name: str, text: str = "เอกสาร\nรายละเอียด") -> object:
    return page(SITE + "files/" + name, kind="document", text=text)


def test_code_forms_keep_their_family():
    assert site_codes("O.01 โครงสร้าง OIT 3 MOIT 12 EB16") == ["O1", "O3", "MOIT12", "EB16"]
    assert code_key("oit", "07") == "O7"


def test_a_2566_numbered_hub_is_read_the_2566_way():
    lexicon = lexicon_for(CHECKLIST)
    entries = [("O21", "O21 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"),
               ("O23", "O23 นโยบายการบริหารทรัพยากรบุคคล"),
               ("O24", "O24 การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล")]
    scheme = read_scheme(entries, lexicon, ["ITA 2566"])
    assert scheme is not None and scheme.checklist_id in ("nacc-oit-2566", "nacc-oit-2567")
    assert lexicon.items_for("O23", scheme.checklist_id) == {"O25"}
    # a 2565-numbered hub stays the audited checklist's
    assert read_scheme([("O23", "O23 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"),
                        ("O25", "O25 นโยบายการบริหารทรัพยากรบุคคล")], lexicon) is None


def test_public_health_codes_are_not_o_codes():
    lexicon = lexicon_for(CHECKLIST)
    scheme = read_scheme([("MOIT17", "MOIT 17 การประเมินความเสี่ยงการทุจริต")], lexicon)
    assert scheme is not None and scheme.checklist_id.startswith("moph-moit")
    assert "O17" not in lexicon.items_for("MOIT 17", scheme.checklist_id)


def test_a_2566_hr_link_is_not_the_2565_procurement_summary():
    """The issue's case: "O23 ... ทรัพยากรบุคคล" on a 2566 hub is HR, not the 2565 O23."""
    links = [(SITE + f"files/o{n}.pdf", f"O{n} {title}", "", "", "") for n, title in [
        (19, "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ"),
        (21, "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"),
        (23, "นโยบายการบริหารทรัพยากรบุคคล"),
        (24, "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล")]]
    r = results([page(ITA, links, title="ITA 2566"),
                 *(doc(f"o{n}.pdf") for n in (19, 21, 23, 24))])
    assert r["O23"].evidence[0].url.endswith("o21.pdf")
    assert r["O25"].evidence[0].url.endswith("o23.pdf")
    assert r["O21"].evidence[0].url.endswith("o19.pdf")


def test_a_code_and_a_title_that_disagree_trust_the_title():
    # one coded link says too little to read a scheme: its title decides
    r = results([page(ITA, [(SITE + "files/hr.pdf", "O23 นโยบายการบริหารทรัพยากรบุคคล", "",
                             "", "")]), doc("hr.pdf")])
    assert r["O23"].verdict == "missing"
    assert r["O25"].evidence[0].url.endswith("hr.pdf")


def test_a_bare_code_link_is_named_by_its_pages_title():
    target = page(SITE + "ita/oit14", title="OIT14",
                  headings=["OIT14", "คู่มือหรือมาตรฐานการปฏิบัติงาน"])
    r = results([page(ITA, [(target.url, "OIT14", "", "", "")]), target])
    assert r["O13"].evidence and r["O13"].evidence[0].url == target.url
    assert r["O14"].verdict == "missing"


def test_a_code_heading_applies_to_the_links_under_it():
    links = [(SITE + "files/a.pdf", "แผนผังการแบ่งส่วนราชการ", "", "O1 โครงสร้าง", ""),
             (SITE + "files/b.pdf", "คำสั่งแบ่งงานภายใน", "", "O3 อำนาจหน้าที่", "")]
    r = results([page(ITA, links), doc("a.pdf"), doc("b.pdf")])
    assert r["O1"].evidence[0].url.endswith("a.pdf") and r["O1"].matched_by == "code"
    assert r["O3"].evidence[0].url.endswith("b.pdf")


def test_an_uncoded_link_between_two_codes_takes_the_code_between():
    links = [(SITE + "files/o12.pdf", "O12 รายงานผลการดำเนินงานประจำปี", "", "", ""),
             (SITE + "files/x.pdf", "เล่มรวบรวมแนวทางของกลุ่มงานต่าง ๆ", "", "", ""),
             (SITE + "files/o14.pdf", "O14 คู่มือหรือมาตรฐานการให้บริการ", "", "", "")]
    r = results([page(ITA, links), doc("o12.pdf"), doc("x.pdf"), doc("o14.pdf")])
    assert r["O13"].evidence[0].url.endswith("x.pdf")
    assert r["O13"].matched_by == "hub order" and r["O13"].needs_review


def test_uncoded_links_as_many_as_the_codes_skipped_take_them_in_order():
    links = [(SITE + "files/o12.pdf", "O12 รายงานผลการดำเนินงานประจำปี", "", "", ""),
             (SITE + "files/x.pdf", "เล่มรวบรวมแนวทางของกลุ่มงานต่าง ๆ", "", "", ""),
             (SITE + "files/y.pdf", "เล่มขั้นตอนสำหรับผู้มาติดต่อ", "", "", ""),
             (SITE + "files/o15.pdf", "O15 ข้อมูลเชิงสถิติการให้บริการ", "", "", "")]
    r = results([page(ITA, links), *(doc(f) for f in ("o12.pdf", "x.pdf", "y.pdf", "o15.pdf"))])
    assert r["O13"].evidence[0].url.endswith("x.pdf") and r["O13"].matched_by == "hub order"
    assert r["O14"].evidence[0].url.endswith("y.pdf") and r["O14"].needs_review
    # two links where one code is skipped: the order says nothing
    short = [links[0], links[1], links[2],
             (SITE + "files/o14.pdf", "O14 คู่มือหรือมาตรฐานการให้บริการ", "", "", "")]
    r = results([page(ITA, short), *(doc(f) for f in ("o12.pdf", "x.pdf", "y.pdf", "o14.pdf"))])
    assert r["O13"].verdict == "missing"


def test_flipbook_shells_and_news_posts_are_not_evidence():
    assert is_flipbook("https://anyflip.com/abcd/efgh/basic")
    assert is_flipbook("http://x/", "The words you are searching are inside this book.")
    assert not is_flipbook("https://office.go.th/files/plan.pdf", "แผนปฏิบัติการ")
    post = SITE + "news/2569/05-plan.html"
    shell = "https://online.anyflip.com/abc/def/basic"
    r = results([page(ITA, [(post, "ข่าว: ประชุมจัดทำแผนปฏิบัติการป้องกันการทุจริต", "", "", ""),
                            (shell, "แผนปฏิบัติการป้องกันการทุจริต", "", "", "")]),
                 page(post, title="ประชุมจัดทำแผนปฏิบัติการป้องกันการทุจริต")])
    assert r["O39"].verdict == "missing"
    assert r["O7"].verdict == "missing"  # one news post is not the news listing


def test_home_page_is_not_an_item():
    r = results([page(ITA, [])])
    assert r["O8"].verdict == "missing"
    assert page(HOME).url == HOME


def test_bribery_prevention_measures_are_the_2565_integrity_measures():
    """MOIT 12 (and EB17) bribery-prevention measures are filed under the 2565 O42, as the
    real-world corpus labels them (checklists/data/topics.yaml, bribery_prevention)."""
    lexicon = lexicon_for(CHECKLIST)
    scheme = read_scheme([("MOIT12", "MOIT 12")], lexicon)
    assert scheme is not None
    assert lexicon.items_for("MOIT 12", scheme.checklist_id) == {"O42"}


def test_a_page_headed_by_a_code_of_another_items_title_is_named_by_the_title():
    """A vocational college's 2567 page "o10:คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่" (real-world
    dev split, s0027) is the 2565 O13 operations manual, not the O10 annual plan: a page's
    own heading follows the rule its links follow (a code and a title disagree: the title)."""
    target = page(SITE + "ita/o10", title="o10:คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
                  headings=["o10:คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่"])
    r = results([page(ITA, [(target.url, "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", "", "", "")]),
                 target])
    assert r["O13"].evidence and r["O13"].evidence[0].url == target.url
    assert r["O10"].verdict == "missing"


def test_a_code_backed_only_by_another_wording_gives_way_to_a_title():
    """A title beats another wording (candidates.MATCH_TIER): a code whose text names its
    item only by another wording, inside another item's title, is that other item's."""
    by_code = {c: ItemMatcher(next(i for i in CHECKLIST.items if i.code == c))
               for c in ("O21", "O24")}
    code = Match(4.5, "code", ("code in link text", "title agrees"))
    titled = Match(3.0, "title", ("title in link text",))
    text = "O21 รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี ตามแผนการจัดซื้อจัดจ้าง"
    assert by_code["O21"].wording(text) == "alternate wording"
    assert by_code["O24"].wording(text) == "title"
    assert set(_trust_titles({"O21": code, "O24": titled}, text, by_code)) == {"O24"}
    text = "O21 แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ และรายงานผลการจัดซื้อจัดจ้างประจำปี"
    assert by_code["O21"].wording(text) == "title"
    assert set(_trust_titles({"O21": code, "O24": titled}, text, by_code)) == {"O21", "O24"}


@pytest.mark.parametrize(("text", "codes"), [
    # a zero typed for the O at the start (real-world dev s0648, s0087, s0207, s0024)
    ("019 แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", ["O19"]),
    ("020 ประกาศต่างๆ เกี่ยวกับการจัดซื้อจัดจ้าง", ["O20"]),
    ("027 หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล 2563", ["O27"]),
    ("015.สรุปผลการจัดซื้อจัดจ้างรายเดือน", ["O15"]),
    ("04 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", ["O4"]),
    ("0 19 แผนการจัดซื้อจัดจ้าง", ["O19"]),
    ("O019 แผนการจัดซื้อจัดจ้าง", ["O19"]),
    # dates, phone numbers and numbers are no codes (dev s0396, s0557, s0170, s0697)
    ("09 ธ.ค. 2562 | เข้าชม : 356", []),
    ("วันที่ 07 / ต.ค. / 2565", []),
    ("07 / ต.ค. / 2565", []),
    ("036 411 047", []),
    ("โทร./ โทรสาร 0 2579 9571", []),
    ("0.5 ล้านบาท", []),
    ("019", []),
])
def test_zero_prefixed_codes(text, codes):
    assert site_codes(text) == codes
