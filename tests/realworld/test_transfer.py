"""tests/benchmarks/transfer.py sums a part's folds as the cross-validated figures do, and
keeps the evidence of each kind of match apart (issue 16: design and held-out folds)."""

from __future__ import annotations

from tests.benchmarks.transfer import DESIGN, summary
from tests.realworld.sites import Judged, Tally


def test_summary_sums_items_and_keeps_matches_apart() -> None:
    judged = Judged({"O1": Tally(3, 1, 2), "O7": Tally(1, 0, 0)}, 1, [], 4)
    got = summary(judged, {"model": [2, 1], "code": [2, 0]})
    assert (got["tp"], got["fp"], got["fn"]) == (4, 1, 2)
    assert got["precision"] == 0.8 and got["recall"] == round(4 / 6, 4)
    assert got["false_evidence"] == 1 and got["sites"] == 4
    assert list(got["by_match"]) == ["code", "model"]  # sorted, as printed


def test_design_folds_are_the_fixed_ones() -> None:
    assert DESIGN == (0, 1, 2)  # rules are read off these; 3 and 4 stay held out
