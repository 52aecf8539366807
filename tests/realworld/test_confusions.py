"""tests/benchmarks/confusions.py counts the items the wording model takes for others on the
``dev`` folds by item pair, reading ``dev`` item samples only (issue 16, model25)."""

from __future__ import annotations

import json
from types import SimpleNamespace

from checklists.textmodel import TextModel
from checklists.train_matcher import Settings, export, fit
from tests.benchmarks.confusions import confusions
from tests.benchmarks.feature_screen import read_parts
from tests.checklists.test_textmodel import CLASSES, LABELS, TEXTS
from tests.realworld.split import Sample, load_samples


def test_pairs_are_counted_by_item_from_dev_item_samples_only() -> None:
    vec, tfidf, clf = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0))
    model = TextModel(json.loads(json.dumps(export(vec, tfidf, clf, CLASSES, {}))))
    dev = [s for s in load_samples() if s.split == "dev"]
    items = [s for s in dev if s.kind == "item" and s.topics][:6]
    negative = next(s for s in dev if s.kind == "negative")
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
