"""tests/benchmarks/transfer.py sums a part's folds as the cross-validated figures do, and
keeps the evidence of each kind of match apart (issue 16: design and held-out folds)."""

from __future__ import annotations

import json

from tests.benchmarks import transfer
from tests.benchmarks.transfer import (
    DESIGN,
    FALSE,
    NONE,
    RIGHT,
    _confidence,
    _false_pass,
    _kept_kind,
    _kind_of_mistake,
    cause_lines,
    compare,
    outcome,
    sign_p,
    summary,
)
from tests.realworld.sites import Judged, Tally
from tests.realworld.split import Sample


def test_summary_sums_items_and_keeps_matches_apart() -> None:
    judged = Judged({"O1": Tally(3, 1, 2), "O7": Tally(1, 0, 0)}, 1, [], 4)
    got = summary(judged, {"model": [2, 1], "code": [2, 0]})
    assert (got["tp"], got["fp"], got["fn"]) == (4, 1, 2)
    assert got["precision"] == 0.8 and got["recall"] == round(4 / 6, 4)
    assert got["false_evidence"] == 1 and got["sites"] == 4
    assert list(got["by_match"]) == ["code", "model"]  # sorted, as printed


def test_design_folds_are_the_fixed_ones() -> None:
    assert DESIGN == (0, 1, 2)  # rules are read off these; 3 and 4 stay held out


def test_wrong_passes_are_counted_by_kind_never_by_sample() -> None:
    def sample(url: str, kind: str, topic: str = "") -> Sample:
        return Sample("s9999", url, "example.com", "other", "none", "", topic, kind, "dev",
                      "samples/s9999.txt")

    assert _kind_of_mistake("O14", "model", sample("https://blog.example.com/a", "negative")) \
        == "O14 model private negative"
    assert _kind_of_mistake("O27", "title", sample("https://x.go.th/p", "item", "O6")) \
        == "O27 title public other item"
    assert _kind_of_mistake("O7", "code", None) == "O7 code - not a sample"
    got = summary(Judged({}, 0, [], 0), {}, {"O14 model private negative": 2})
    assert got["wrong"] == {"O14 model private negative": 2}
    assert "wrong" not in summary(Judged({}, 0, [], 0), {})  # only when asked (--wrong)


def test_passes_are_counted_by_the_wording_models_reading_in_tenths() -> None:
    assert _confidence("model", ("wording model 0.43", "low confidence")) == "model 0.4"
    assert _confidence("model", ("wording model 0.50",)) == "model 0.5"
    assert _confidence("title", ("title in link text", "wording model 0.21",
                                 "low confidence")) == "title 0.2"
    assert _confidence("model", ("a guide to an online service", "low confidence")) == "model -"
    assert _confidence("code", ()) == "code -"
    got = summary(Judged({}, 0, [], 0), {}, None, {"model 0.4": [3, 1], "code -": [2, 0]})
    assert list(got["by_confidence"]) == ["code -", "model 0.4"] and "wrong" not in got
    assert "by_confidence" not in summary(Judged({}, 0, [], 0), {})  # only when asked


def test_outcome_scores_as_the_benchmark_does() -> None:
    want = {"https://a.go.th/o1"}
    assert outcome(want, "https://a.go.th/o1") == RIGHT
    assert outcome(want, "https://a.go.th/other") == FALSE  # a wrong page of a labelled item
    assert outcome(set(), "https://a.go.th/x") == FALSE  # evidence where none is labelled
    assert outcome(want, None) == outcome(set(), None) == NONE


def test_compare_counts_each_changed_case_once() -> None:
    before = {"a O1": NONE, "a O2": FALSE, "a O3": FALSE, "a O4": RIGHT, "a O5": RIGHT,
              "a O6": NONE, "a O7": FALSE, "a O8": RIGHT, "gone O1": RIGHT}
    after = {"a O1": RIGHT, "a O2": RIGHT, "a O3": NONE, "a O4": NONE, "a O5": FALSE,
             "a O6": FALSE, "a O7": FALSE, "a O8": RIGHT, "new O1": NONE}
    got = compare(before, after)
    # G: none->right, false->right; R: false->none; L: right->none, right->false; A: none->false
    assert {k: got[k] for k in "GRLA"} == {"G": 2, "R": 1, "L": 2, "A": 1}
    assert got["net"] == 0 and got["unmatched"] == 2
    assert got["p"] == round(sign_p(3, 6), 4) == 0.6562
    assert compare(before, before) == {"G": 0, "R": 0, "L": 0, "A": 0, "net": 0, "p": 1.0,
                                       "unmatched": 0}


def test_sign_test_is_one_sided_binomial_half() -> None:
    assert sign_p(0, 0) == 1.0
    assert sign_p(5, 5) == 1 / 32
    assert sign_p(4, 5) == 6 / 32  # P(X >= 4) = (5 + 1) / 32
    assert sign_p(7, 9) == (36 + 9 + 1) / 512  # 0.0898: under the bar's 0.10
    assert sign_p(6, 9) > 0.10  # 130 / 512


def test_cases_are_saved_under_out_and_compared_without_printing_them(
        tmp_path, capsys, monkeypatch) -> None:
    def fake_judge_part(folds, part):
        if part == (3, 4):  # the held-out folds
            cases = {"h.go.th O1": RIGHT if fake_judge_part.changed else NONE}
        else:
            cases = {"d.go.th O2": FALSE if fake_judge_part.changed else NONE}
        return Judged({}, 0, [], 1), {}, {}, cases, {}

    class FakeFolds:
        parts = [None] * 5
        asked: list[set[int] | None] = []

        def __init__(self, settings, only=None) -> None:
            FakeFolds.asked.append(only)

    monkeypatch.setattr(transfer, "Folds", FakeFolds)
    monkeypatch.setattr(transfer, "judge_part", fake_judge_part)
    monkeypatch.setattr(transfer, "OUT", tmp_path)
    fake_judge_part.changed = False
    assert transfer.main(["--save-cases", "before.json"]) == 0
    saved = json.loads((tmp_path / "before.json").read_text(encoding="utf-8"))
    assert saved["held_out"] == {"folds": [3, 4], "cases": {"h.go.th O1": NONE}}
    capsys.readouterr()
    fake_judge_part.changed = True
    assert transfer.main(["--against", "before.json", "--list"]) == 0
    printed = capsys.readouterr().out
    assert "h.go.th" not in printed  # a held-out case is never printed
    assert "changed d.go.th O2: none -> false" in printed  # the design folds' may be
    got = json.loads(printed.splitlines()[-1])
    assert {k: got["held_out"]["against"][k] for k in "GRLA"} == {"G": 1, "R": 0, "L": 0,
                                                                   "A": 0}
    assert got["design"]["against"]["A"] == 1
    # a part alone trains only its folds' models (model36): both parts, all five
    assert transfer.main(["--part", "design"]) == 0
    assert transfer.main(["--part", "held_out"]) == 0
    assert FakeFolds.asked == [None, None, {0, 1, 2}, {3, 4}]


def test_causes_list_the_design_folds_false_passes_by_kind_with_their_samples() -> None:
    neg = Sample("s2260", "http://outlet.example/?p=4832", "outlet.example", "other", "none", "",
                 "", "negative", "dev", "samples/s2260.txt")
    item = Sample("s0157", "http://x.go.th/Main/PrPreview/id/3", "x.go.th", "local_admin",
                  "none", "", "O6", "item", "dev", "samples/s0157.txt")
    assert _false_pass("outlet.example", "O7", neg, ("wording model 0.56",)) == \
        "outlet.example O7 | s2260 negative - | wording model 0.56"
    assert _false_pass("x.go.th", "O7", item, ("wording model 0.36", "low confidence")) == \
        "x.go.th O7 | s0157 item O6 | wording model 0.36; low confidence"
    assert _false_pass("y.go.th", "O1", None, ()) == "y.go.th O1 | - | "
    named = [("O7 model public other item", "b"), ("O7 model private negative", "z"),
             ("O7 model private negative", "a")]
    assert cause_lines(named) == ["O7 model private negative: 2", "  a", "  z",
                                  "O7 model public other item: 1", "  b"]
    assert cause_lines([]) == []


class _NoFolds:
    """Five folds and no model: the judging is the test's own (``_judge_with``)."""

    parts = [None] * 5

    def __init__(self, settings, only=None) -> None:
        pass


def _judge_with(monkeypatch, fake_judge_part) -> None:
    """transfer.main judging through ``fake_judge_part``, no fold model trained."""
    monkeypatch.setattr(transfer, "Folds", _NoFolds)
    monkeypatch.setattr(transfer, "judge_part", fake_judge_part)


def test_causes_are_asked_of_the_design_folds_only(capsys, monkeypatch) -> None:
    asked: list[tuple[tuple[int, ...], bool]] = []

    def fake_judge_part(folds, part, named=None, kept=None):
        asked.append((part, named is not None))
        if named is not None:
            named.append(("O7 model private negative", "d.example O7 | s1 negative - | m"))
        assert kept is None  # not asked
        return Judged({}, 0, [], 1), {}, {}, {}, {}

    _judge_with(monkeypatch, fake_judge_part)
    assert transfer.main(["--causes"]) == 0
    assert asked == [((0, 1, 2), True), ((3, 4), False)]  # never named for the held-out folds
    printed = capsys.readouterr().out.splitlines()
    assert printed[:2] == ["O7 model private negative: 1", "  d.example O7 | s1 negative - | m"]
    asked.clear()
    assert transfer.main(["--part", "design"]) == 0
    assert asked == [((0, 1, 2), False)]  # only when asked


def test_kept_lists_the_design_folds_right_passes_only(capsys, monkeypatch) -> None:
    item = Sample("s0563", "https://www.office.example/water-meter", "office.example",
                  "local_admin", "none", "", "O14", "item", "dev", "samples/s0563.txt")
    assert _kept_kind("O14", "model", item) == "O14 model private"
    assert _kept_kind("O7", "title", Sample("s1", "https://x.go.th/n/1", "x.go.th", "other",
                                            "none", "", "O7", "item", "dev", "s1.txt")) \
        == "O7 title public"
    asked: list[tuple[tuple[int, ...], bool, bool]] = []

    def fake_judge_part(folds, part, named=None, kept=None):
        asked.append((part, named is not None, kept is not None))
        if kept is not None:
            kept.append(("O14 model private", "office.example O14 | s0563 item O14 | m"))
        return Judged({}, 0, [], 1), {}, {}, {}, {}

    _judge_with(monkeypatch, fake_judge_part)
    assert transfer.main(["--kept"]) == 0
    assert asked == [((0, 1, 2), False, True), ((3, 4), False, False)]  # never the held-out's
    printed = capsys.readouterr().out.splitlines()
    assert printed[:3] == ["right passes:", "O14 model private: 1",
                           "  office.example O14 | s0563 item O14 | m"]
