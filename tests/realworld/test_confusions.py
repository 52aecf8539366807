"""tests/benchmarks/confusions.py counts the items the wording model takes for others on the
``dev`` folds by item pair, reading ``dev`` item samples only (issue 16, model25)."""

from __future__ import annotations

import json
from types import SimpleNamespace

from checklists.textmodel import TextModel
from checklists.train_matcher import Settings, export, fit
from tests.benchmarks.confusions import confusions, reading, train_serve
from tests.benchmarks.feature_screen import read_parts
from tests.checklists.test_textmodel import CLASSES, LABELS, TEXTS
from tests.realworld.split import Sample, load_samples


def _model_and_samples() -> tuple[TextModel, list[Sample], Sample]:
    """A small model (it knows O13 and O39 only), six dev item samples and a dev negative."""
    vec, tfidf, clf = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0))
    model = TextModel(json.loads(json.dumps(export(vec, tfidf, clf, CLASSES, {}))))
    dev = [s for s in load_samples() if s.split == "dev"]
    items = [s for s in dev if s.kind == "item" and s.topics][:6]
    return model, items, next(s for s in dev if s.kind == "negative")


def test_pairs_are_counted_by_item_from_dev_item_samples_only() -> None:
    model, items, negative = _model_and_samples()
    unread = Sample("s9999", "https://t.example/a", "t.example", "other", "none", "", "O1",
                    "item", "test", "samples/no-such-file.txt")  # read, it would raise
    held = {s.domain for s in [*items, negative, unread]}
    folds = SimpleNamespace(samples=[*items, negative, unread],
                            parts=[(held, model)] + [(set(), model)] * 4)
    got = confusions(folds)
    assert got["held_out"]["pairs"] == {} and got["held_out"]["none_first"] == {}
    pairs = got["design"]["pairs"]
    # the model knows O13 and O39 only: an item sample of another item read as one of them
    # counts once per label (a text with none of the model's features reads nothing); no
    # sample id is in the table
    read = [s for s in items if model.predict(" ".join(read_parts(s))).probs]
    assert len(read) >= 3
    wanted = sum(len(s.topics) for s in read if not {"O13", "O39"} & set(s.topics))
    assert sum(pairs.values()) == wanted
    assert all(k.count(">") == 1 and k.split(">")[1] in ("O13", "O39") for k in pairs)
    assert not any("s0" in k or "s1" in k for k in pairs)


def test_readings_are_right_wrong_none_first_or_under_the_floor() -> None:
    assert reading((("O7", 0.6), ("none", 0.3)), ["O7"]) == "R"
    assert reading((("none", 0.5), ("O8", 0.4)), ["O7"]) == "W"  # from P_MODEL, none aside
    assert reading((("none", 0.8), ("O7", 0.1)), ["O7"]) == "N"
    assert reading((("O7", 0.2), ("none", 0.19)), ["O7"]) == "U"
    assert reading((), ["O7"]) == "U"


def test_train_serve_counts_each_dev_item_sample_once_by_its_two_readings() -> None:
    model, items, negative = _model_and_samples()
    held = {s.domain for s in [*items, negative]}
    folds = SimpleNamespace(
        samples=[*items, negative], parts=[(set(), model)] * 3 + [(held, model), (set(), model)]
    )
    got = train_serve(folds)
    assert got["design"] == {}
    assert sum(got["held_out"].values()) == len(items)  # the negative is not counted
    assert all(len(k) == 3 and k[0] in "RWNU" and k[2] in "RWNU" for k in got["held_out"])
