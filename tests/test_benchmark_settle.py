"""``--until-stable`` of the crawl and nightly benchmarks: when repeated pairs have settled
(tests/benchmarks/settle.py)."""

from __future__ import annotations

from tests.benchmarks.settle import stable


def test_fewer_than_three_pairs_never_settle_unless_the_cap_is_reached():
    assert not stable([1.2, 1.2], 8)
    assert stable([1.2, 1.2], 2)


def test_a_median_that_stopped_moving_has_settled():
    assert stable([1.30, 1.29, 1.295], 8)


def test_a_median_still_moving_has_not():
    # medians 1.10, 1.265, 1.43: each pair moved it by far more than 0.01
    assert not stable([1.10, 1.43, 1.49], 8)
    assert stable([1.10, 1.43, 1.49], 3)  # the cap


def test_settling_needs_the_last_two_moves_both_small():
    # medians 1.0, 1.5, 1.4 (1.5 -> 1.4 moved 0.1), then 1.45 (moved 0.05): not yet
    assert not stable([1.0, 2.0, 1.4, 1.5], 8)
