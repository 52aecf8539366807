"""tests/benchmarks/misses.py sorts a cross-validated miss by the first kind that fits its
labelled link (issue 16, recall23)."""

from __future__ import annotations

import pytest

from checklists import candidates
from tests.benchmarks.misses import (
    KINDS,
    NO_ITEM,
    LinkTrace,
    Miss,
    _by_code,
    _rules,
    no_item_cause,
    read_first,
    report,
    returned_at,
    rule_of,
    taker,
    tally,
    titled_below,
    why,
    wording_would_stand,
)
from tests.realworld.split import Sample


def miss(link: str = "แผนปฏิบัติการ", excerpt: str = "แผนปฏิบัติการ ประจำปี", code_on_site: str = "",
         between: bool = False, got: str = "", trace: LinkTrace | None = None,
         item: str = "O10") -> Miss:
    sample = Sample("s0001", "https://office.go.th/plan", "office.go.th", "department", "none",
                    code_on_site, item, "item", "dev", "samples/s0001.txt")
    return Miss(0, "office.go.th", item, sample, link, between, got,
                trace if trace is not None else LinkTrace(), excerpt)


def read(*probs: tuple[str, float], final: frozenset[str] = frozenset(),
         steps=(), left_out=()) -> LinkTrace:
    return LinkTrace(list(steps), tuple(probs), set(left_out), final)


@pytest.mark.parametrize(("m", "kind"), [
    (miss(got="https://office.go.th/other"), KINDS[0]),
    (miss(trace=read(("O10", 0.5), steps=[("_apply_model", frozenset(), frozenset({"O10"})),
                                          ("_not_a_guideline", frozenset({"O10"}),
                                           frozenset())])), KINDS[1]),
    (miss(trace=read(("O10", 0.5), left_out={"O10"})), KINDS[2]),
    (miss(excerpt="แผนปฏิบัติการ\u200bประจำปี"), KINDS[3]),
    (miss(excerpt="แผนปฏ ิบัติการ"), KINDS[3]),  # a vowel split from its letter
    (miss(excerpt="ดําเนินงาน", trace=read(("none", 0.4))), KINDS[13]),  # normalised already
    (miss(link="- แสดงผลการดำเนินงาน"), KINDS[4]),
    (miss(link="o18 แผน", code_on_site="o18"), KINDS[5]),
    (miss(between=True), KINDS[6]),
    (miss(link="หน้าแรก >> เกี่ยวกับเรา"), KINDS[7]),
    (miss(link="วันเสาร์ ที่ 1 พฤศจิกายน 2568 โรงเรียน"), KINDS[7]),
    (miss(trace=None), KINDS[8]),
    (miss(trace=read(("O12", 0.4), final=frozenset({"O12"}))), KINDS[9]),
    (miss(trace=read(("O10", 0.27), ("none", 0.2))), KINDS[10]),
    (miss(trace=read(("O10", 0.2), ("none", 0.19))), KINDS[11]),
    (miss(trace=read(("O12", 0.3), ("O10", 0.2))), KINDS[12]),
    (miss(trace=read(("none", 0.3), ("O10", 0.2))), KINDS[13]),
])
def test_a_miss_goes_to_the_first_kind_that_fits(m: Miss, kind: str) -> None:
    assert why(m) == kind


@pytest.mark.parametrize(("steps", "took"), [
    ([("_trust_titles", frozenset({"O12"}), frozenset({"O12"}))], "the link's match"),
    ([("_trust_titles", frozenset(), frozenset()),
      ("_apply_model", frozenset(), frozenset({"O12"}))], "_apply_model"),
    ([("_trust_titles", frozenset(), frozenset()),
      ("_code_of_another_scheme", frozenset({"O12"}), frozenset({"O12"}))],
     "the hub's order or the target's words"),
    ([("_trust_titles", frozenset(), frozenset())], "after the steps"),  # own news, Q&A
])
def test_the_step_that_took_another_item_is_named(steps, took: str) -> None:  # noqa: ANN001
    m = miss(trace=read(("O12", 0.4), final=frozenset({"O12"}), steps=steps))
    assert why(m) == KINDS[9]
    assert taker(m) == took


def test_a_miss_of_another_kind_has_no_taker() -> None:
    assert taker(miss(trace=read(("none", 0.3), ("O10", 0.2)))) == ""


NONE_FIRST = read(("none", 0.3), ("O10", 0.2))


@pytest.mark.parametrize(("m", "cause"), [
    (miss(link="o10 แผนปฏิบัติการ", code_on_site="o10", trace=NONE_FIRST), NO_ITEM[0]),
    (miss(link="Action Plan", excerpt="Action Plan of the Office", trace=NONE_FIRST), NO_ITEM[1]),
    (miss(link="ติดต่อ : 037-285-347", trace=NONE_FIRST), NO_ITEM[2]),
    (miss(link="นายสมชาย ใจดี", trace=NONE_FIRST), NO_ITEM[2]),
    (miss(link="ลงพื้นที่ตรวจเยี่ยมโครงการ", excerpt="ลงพื้นที่ตรวจเยี่ยมโครงการ", trace=NONE_FIRST),
     NO_ITEM[3]),
    (miss(link="แผนปฏิบัติการ", trace=NONE_FIRST), NO_ITEM[4]),
    (miss(link="แผนปฏิบัติการประจำปีงบประมาณของสำนักงานเขตพื้นที่การศึกษา",
          excerpt="แผนปฏิบัติการประจำปีงบประมาณของสำนักงานเขตพื้นที่การศึกษา",
          trace=NONE_FIRST), NO_ITEM[5]),
])
def test_a_miss_read_as_no_item_is_sorted_by_what_its_page_shows(m: Miss, cause: str) -> None:
    assert no_item_cause(m) == cause


def test_an_item_title_under_the_first_two_lines_is_seen() -> None:
    page = "สำนักงานการเลือกตั้งจังหวัด\nOffice of the Election Commission\n...\nอำนาจหน้าที่\n"
    assert titled_below(miss(item="O3", excerpt=page, trace=NONE_FIRST))
    assert not titled_below(miss(item="O3", excerpt="อำนาจหน้าที่\nสำนักงาน\nที่ตั้ง"))


def test_a_miss_read_as_another_item_first_is_counted_by_its_pair() -> None:
    other_first = [miss(trace=read(("O12", 0.3), ("O10", 0.2))),
                   miss(trace=read(("O12", 0.25), ("none", 0.2))),
                   miss(item="O7", trace=read(("O42", 0.23), ("none", 0.15)))]
    assert [read_first(m) for m in other_first] == ["O10->O12", "O10->O12", "O7->O42"]
    assert read_first(miss(trace=NONE_FIRST)) == ""  # no item first: no pair
    assert read_first(miss(trace=read(("O12", 0.4), final=frozenset({"O12"})))) == ""  # taken
    counted = tally([*other_first, miss(trace=NONE_FIRST)])["another_first"]
    assert counted == {"O10->O12": 2, "O7->O42": 1}


def test_design_only_leaves_the_held_out_folds_tallies_out() -> None:
    design_miss = miss()
    held_miss = Miss(3, "other.go.th", "O12", design_miss.sample, "รายงานผล", False, "",
                     LinkTrace(), "รายงานผล")
    both = report([design_miss, held_miss], {0, 1, 2}, 5)
    assert both["design"]["misses"] == 1 and both["held_out"]["misses"] == 1
    assert both["held_out"]["folds"] == [3, 4]
    alone = report([design_miss, held_miss], {0, 1, 2}, 5, held_out=False)
    assert set(alone) == {"design"}
    assert alone["design"] == both["design"]


def test_misses_are_counted_per_item_by_kind_and_off_the_public_domains() -> None:
    public = miss(trace=NONE_FIRST)
    embassy = Sample("s0002", "https://www.thaiembassy.fr/rdv-visa/", "thaiembassy.fr",
                     "department", "none", "", "O10", "item", "dev", "samples/s0002.txt")
    off = Miss(0, "thaiembassy.fr", "O10", embassy, "แผนปฏิบัติการ", False, "", NONE_FIRST,
               "แผนปฏิบัติการ ประจำปี")
    other = miss(item="O2", got="https://office.go.th/other")
    counted = tally([public, off, other])
    assert counted["item_kinds"] == {"O10": {KINDS[13]: 2}, "O2": {KINDS[0]: 1}}
    assert counted["off_public"] == {KINDS[13]: 1}  # the embassy's page, not the office's


def test_a_miss_left_out_by_a_step_is_counted_by_that_step() -> None:
    vetoed = miss(trace=read(("none", 0.43), ("O10", 0.26),
                             steps=[("_trust_titles", frozenset({"O10"}), frozenset({"O10"})),
                                    ("_apply_model", frozenset({"O10"}), frozenset())]))
    guide = miss(trace=read(("O10", 0.5), steps=[("_not_a_guideline", frozenset({"O10"}),
                                                  frozenset())]))
    assert why(vetoed) == why(guide) == KINDS[1]
    counted = tally([vetoed, guide, miss(got="https://office.go.th/other")])
    assert counted["dropped_by"] == {"_apply_model": 1, "_not_a_guideline": 1}
    assert tally([miss(got="https://office.go.th/other")])["dropped_by"] == {}


def test_misses_a_wording_could_find_are_counted_by_kind() -> None:
    """A miss whose reading lets a weak match of its item stand (``wording_would_stand``:
    the ceiling of any everyday wording, finder36) is counted by kind; one the model reads
    as no item's at P_NONE, one preferring another reading by more than P_PREFER, and one
    the model was not asked about are not."""
    could = miss(trace=read(("none", 0.3), ("O10", 0.25)))
    unrelated = miss(trace=read(("none", 0.55), ("O10", 0.3)))
    preferred = miss(trace=read(("O12", 0.45), ("O10", 0.2)))
    unasked = miss()
    assert [wording_would_stand(m) for m in (could, unrelated, preferred, unasked)] == \
        [True, False, False, False]
    counted = tally([could, unrelated, preferred, unasked])["wording_would_stand"]
    assert counted == {why(could): 1}


def test_a_miss_left_out_as_no_evidence_is_counted_by_its_rule() -> None:
    """A miss a page-kind rule left out is listed and counted (``left_out_by``) by the rule of
    ``_not_evidence`` that returned (finder39: of the design folds' ten, three were misreadings
    of a word part or a host, found by which rule fired)."""
    press = miss(trace=read(("O14", 0.63), left_out={"O14"}), item="O14")
    press.trace.left_out_by["O14"] = "press_headline"
    owner = miss(trace=read(("O7", 0.83), left_out={"O7"}), item="O7")
    owner.trace.left_out_by["O7"] = "about_another_agency"
    assert why(press) == why(owner) == KINDS[2]
    counted = tally([press, owner, miss(got="https://office.go.th/other")])
    assert counted["left_out_by"] == {"press_headline": 1, "about_another_agency": 1}


def test_the_rule_that_left_a_page_out_is_named_by_its_return() -> None:
    """``rule_of`` names each return of ``_not_evidence`` by the page-kind test of its
    condition, read off the source (so it follows the function as it changes)."""
    rules = set(_rules().values())
    assert {"third_party", "copied_from", "press_headline", "about_another_agency",
            "is_qa_board", "headed_by_history", "reports_a_result"} <= rules
    m = _by_code()["O7"]
    out, line = returned_at(candidates._not_evidence, m, None,
                            "https://th.wikipedia.org/wiki/x")
    assert out is True
    assert rule_of(line) == "third_party"
    out, line = returned_at(candidates._not_evidence, m, None, "https://office.go.th/x")
    assert out is False
    assert rule_of(line) == "target is None"
