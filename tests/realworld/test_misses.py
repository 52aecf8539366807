"""tests/benchmarks/misses.py sorts a cross-validated miss by the first kind that fits its
labelled link (issue 16, recall23)."""

from __future__ import annotations

import pytest

from tests.benchmarks.misses import KINDS, LinkTrace, Miss, why
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
