"""Which held-back links a focused crawl fetches once it idles (``Judge.links_read``): the
candidates whose page, once read, could change their item's verdict (crawl44; model43 fetched
every candidate, ten times the generated site's pages for the same verdicts), or another
item's (crawl45: a page a link names for one item may be headed by another's code).

The bound on a candidate's own item is tested on a checklist of that item alone: on the
whole checklist every other item of these small sites is missing, and a missing item may be
any page's, so every candidate is read (the last tests)."""

from __future__ import annotations

from dataclasses import replace

from checklists.candidates import (
    MATCH_TIER,
    SCORE_CODE_IN_PAGE,
    TARGET_AGREES,
    Candidate,
    once_read,
)
from checklists.engine import Judge
from checklists.loader import load_checklist
from checklists.matching import SCORE_CONTENT, SCORE_MODEL, SCORE_YEAR_SECTION
from checklists.site.snapshot import CrawlInfo, Snapshot
from tests.checklists.test_engine import AS_OF, HOME, doc, site

PLAN = "http://office.example/plan.pdf"
OFFICE = "http://office.example/"


def links_read(rows: list[tuple[str, str, str]], docs,
               items: tuple[str, ...] | None = ("O10",)) -> set[str]:
    """The held-back links read, on the checklist's ``items`` (None: all of them)."""
    snap = Snapshot(site(rows, docs), CrawlInfo(start_url=HOME, home_url=HOME))
    checklist = load_checklist("nacc-oit-2565")
    if items is not None:
        checklist = replace(checklist, items=tuple(i for i in checklist.items
                                                   if i.code in items))
    return {u.removeprefix(OFFICE) for u in Judge(checklist, snap).links_read(AS_OF)}


def plan(url: str, year: int):
    return doc(url, f"แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {year}")


# three links the O10 plan's other wordings name, whose pages were not fetched
WORDED = [(f"{OFFICE}p{n}.pdf", text, "") for n, text in
          enumerate(["แผนปฏิบัติการประจำปี 2569", "แผนดำเนินงาน", "แผนการดำเนินงานประจำปี"])]


def test_what_a_read_page_can_add_to_its_link_is_bounded():
    worded = Candidate("u", "แผนดำเนินงาน", "", "p", 2.0, "alternate wording")
    assert once_read(worded) == (
        (MATCH_TIER["alternate wording"],
         SCORE_MODEL + SCORE_YEAR_SECTION + TARGET_AGREES + SCORE_CONTENT),
        (MATCH_TIER["code"], SCORE_CODE_IN_PAGE + SCORE_YEAR_SECTION))
    coded = Candidate("u", "O10 แผน", "", "p", 4.5, "code")
    assert once_read(coded)[0] == (MATCH_TIER["code"], 4.5 + TARGET_AGREES + SCORE_CONTENT)


def test_an_item_passing_by_a_stronger_kind_of_match_reads_no_weaker_candidate():
    # O10 passes by its code (4.5, a current plan): another wording's link, read, is at most
    # of another wording's kind or its page headed by the code at 3.5; neither can be taken
    rows = [(PLAN, "O10 แผนดำเนินงานประจำปี", ""), *WORDED]
    assert links_read(rows, [plan(PLAN, 2569)]) == set()


def test_an_item_that_does_not_pass_reads_every_candidate_its_rule_could_take():
    rows = [(PLAN, "O10 แผนดำเนินงานประจำปี", ""), *WORDED]
    assert links_read(rows, [plan(PLAN, 2568)]) == {"p0.pdf", "p1.pdf", "p2.pdf"}


def test_a_candidate_of_the_same_kind_that_could_score_as_well_is_read():
    # a second coded link could pass too, with a date nearer the assessed year: it is read
    rows = [(PLAN, "O10 แผนดำเนินงานประจำปี", ""), (f"{OFFICE}p9.pdf", "O10 แผนปฏิบัติการ", ""),
            *WORDED]
    assert links_read(rows, [plan(PLAN, 2569)]) == {"p9.pdf"}


def test_past_the_candidates_a_rule_reads_only_those_that_could_join_them_are_read():
    # eight coded plans, all of an earlier year (stale): the rule reads eight; a link of
    # another wording could score 3.25 as a link, 3.5 as a page headed by the code: under
    # the eighth's 4.5, it is not read; a ninth coded link could join the eight, and is
    coded = [(f"{OFFICE}c{n}.pdf", f"O10 แผนดำเนินงานประจำปี ฉบับที่ {n}", "") for n in range(8)]
    docs = [plan(url, 2568) for url, _, _ in coded]
    rows = [*coded, (f"{OFFICE}c9.pdf", "O10 แผนดำเนินงานประจำปี ฉบับที่ 9", ""), *WORDED]
    assert links_read(rows, docs) == {"c9.pdf"}


REPORT = f"{OFFICE}report.pdf"


def report(status: int = 200):
    return doc(REPORT, "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2568", status=status)


def test_a_decided_items_candidates_are_read_for_another_item_a_page_could_change():
    # O10 passes by its code, so its other wordings' links could not change it; but O12's
    # report is a dead link (broken): any page read could be O12's (headed by its code), as
    # a full crawl would read it, so they are read (tests/integration/test_focus_verdicts.py)
    rows = [(PLAN, "O10 แผนดำเนินงานประจำปี", ""), (REPORT, "O12 รายงานผลการดำเนินงานประจำปี", ""),
            *WORDED]
    wanted = {"p0.pdf", "p1.pdf", "p2.pdf"}
    assert links_read(rows, [plan(PLAN, 2569), report(404)], ("O10", "O12")) == wanted
    # O12 passing by its code (4.5) is out of any other page's reach (its code in the
    # page's heading, 3.5): nothing is read
    assert links_read(rows, [plan(PLAN, 2569), report()], ("O10", "O12")) == set()


def test_on_the_whole_checklist_the_missing_items_read_every_candidate():
    rows = [(PLAN, "O10 แผนดำเนินงานประจำปี", ""), *WORDED]
    assert links_read(rows, [plan(PLAN, 2569)], None) == {"p0.pdf", "p1.pdf", "p2.pdf"}
