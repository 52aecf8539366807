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


def _rows() -> list[dict[str, str]]:
    return [{"id": "s1", "kind": "item", "topic": "O5", "domain": "a.go.th",
             "text": "ติดต่อเรา โทร 02 123 4567"},
            {"id": "s2", "kind": "negative", "topic": "", "domain": "b.go.th",
             "text": "ข่าวกีฬาสีประจำปี"}]


def test_the_fold_cache_key_covers_what_training_reads_beyond_its_script(monkeypatch):
    # a fold model kept under a key of train_matcher.py alone stayed stale after the topic
    # map's wordings (taught to the model as titles) or the tokenizer changed
    from checklists import train_matcher
    from tests.realworld.foldcache import fold_key

    settings = train_matcher.Settings.of()
    key = fold_key(_rows(), settings)
    assert fold_key(_rows(), settings) == key
    assert fold_key(_rows(), train_matcher.Settings.of(c=1.0)) != key
    titles = train_matcher.reference_titles()
    monkeypatch.setattr(train_matcher, "reference_titles",
                        lambda: {**titles, "O5": [*titles["O5"], "ช่องทางติดต่อสำนักงาน"]})
    assert fold_key(_rows(), settings) != key


@pytest.fixture
def floors_restored():
    """The thresholds a test sets through the tuning helpers, put back afterwards."""
    from checklists import candidates, matching
    names = ("P_MODEL", "P_MODEL_OF", "P_MODEL_LEAST", "P_MODEL_SERVICE_LEAST")
    kept = {(m, n): getattr(m, n) for m in (matching, candidates) for n in names}
    yield
    for (module, name), v in kept.items():
        setattr(module, name, v)


def _named_by_the_model(code: str, p: float, low: bool) -> bool:
    """Whether the wording model alone names ``code`` read at ``p`` (no item at p / 2) on a
    page where the lower floors hold (``low``) or not."""
    from checklists.candidates import _apply_model
    from checklists.loader import load_checklist
    from checklists.matching import ItemMatcher
    from checklists.textmodel import NONE_CLASS, Prediction
    items = {i.code: i for i in load_checklist("nacc-oit-2565").items}
    matchers = [ItemMatcher(items[c], classes=(c,)) for c in ("O1", "O14")]
    by_code = {m.item.code: m for m in matchers}
    return code in _apply_model({}, Prediction(((code, p), (NONE_CLASS, p / 2))), matchers,
                                by_code, low=low)


def test_a_lower_p_model_holds_where_the_lower_floors_hold_too(floors_restored):
    # P_MODEL searched under the lower floors (0.2) was cut at P_MODEL_LEAST on the pages
    # where those floors hold, and only there
    from tests.benchmarks.tune_realworld import set_value
    set_value("P_MODEL", 0.1)
    assert _named_by_the_model("O1", 0.15, low=False)
    assert _named_by_the_model("O1", 0.15, low=True)
    assert not _named_by_the_model("O1", 0.05, low=True)


def test_one_items_floor_is_set_for_the_pages_where_lower_floors_hold(floors_restored):
    from checklists import matching
    from tests.benchmarks.tune_realworld import set_floor
    before = dict(matching.P_MODEL_OF)
    assert not _named_by_the_model("O1", 0.22, low=True)
    set_floor("O1", 0.2)
    assert _named_by_the_model("O1", 0.22, low=True)
    assert not _named_by_the_model("O1", 0.22, low=False)  # P_MODEL off those pages
    assert not _named_by_the_model("O1", 0.18, low=True)
    assert matching.P_MODEL_OF == {**before, "O1": 0.2}
    set_floor("O14", 0.1)  # under every floor: the least floor follows it
    assert _named_by_the_model("O14", 0.12, low=True)
