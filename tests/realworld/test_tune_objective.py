"""The tuning objective of tests/benchmarks/tune_realworld.py weighs precision explicitly (issue
16: a wrong pass is worse than a missing one)."""

from __future__ import annotations

import pytest

from tests.benchmarks.tune_realworld import f_beta, objective


def fig(recall: float, precision: float) -> dict[str, float]:
    return {"recall": recall, "precision": precision}


def test_f_beta_is_f1_at_beta_1_and_leans_to_precision_below():
    assert f_beta(0.6, 0.9, 1.0) == pytest.approx(2 * 0.6 * 0.9 / 1.5)
    assert f_beta(0.6, 0.9, 0.5) > f_beta(0.6, 0.9, 1.0) > f_beta(0.9, 0.6, 0.5)
    assert f_beta(0.0, 0.0, 0.5) == 0.0


def test_f_half_prefers_fewer_wrong_passes_to_more_found_items():
    # F1 would take the second (0.7233 against 0.6875); F0.5 takes the first
    precise, loose = fig(0.5612, 0.8571), fig(0.7146, 0.7322)
    assert objective(precise) > objective(loose)


def test_the_floor_maximises_recall_among_values_that_reach_it():
    assert objective(fig(0.7, 0.86), floor=0.85) > objective(fig(0.6, 0.95), floor=0.85)
    assert objective(fig(0.3, 0.86), floor=0.85) > objective(fig(0.9, 0.84), floor=0.85)
    # under the floor, the higher precision is the better start
    assert objective(fig(0.2, 0.84), floor=0.85) > objective(fig(0.9, 0.80), floor=0.85)
