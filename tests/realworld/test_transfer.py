"""tests/benchmarks/transfer.py sums a part's folds as the cross-validated figures do, and
keeps the evidence of each kind of match apart (issue 16: design and held-out folds)."""

from __future__ import annotations

from tests.benchmarks.transfer import DESIGN, _kind_of_mistake, summary
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
