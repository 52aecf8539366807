"""Item pairs' own regressions in the wording model (issue 16, model39): train_matcher.Settings
``duels`` trains one logistic regression per listed pair on the texts of its two items alone,
the file keeps it under "duels", and TextModel.duel exchanges the softmax's first two items when
they are the pair and the pair's regression reads the text as the second."""

from __future__ import annotations

import json

import pytest

from checklists.textmodel import NONE_CLASS, Prediction, TextModel
from checklists.train_matcher import BEFORE_SETTINGS, Settings, duel_keys, export, fit

# service guides (O14) and online services (O17), as dev pages word them, and two negatives
TEXTS = ["คู่มือสำหรับประชาชน การขออนุญาตก่อสร้างอาคาร ขั้นตอน ระยะเวลา",
         "คู่มือสำหรับประชาชน การจดทะเบียนพาณิชย์ ขั้นตอนการให้บริการ",
         "ยื่นคำร้องออนไลน์ E-Service ระบบบริการอิเล็กทรอนิกส์",
         "บริการออนไลน์ ยื่นคำขอผ่านระบบอิเล็กทรอนิกส์",
         "ข่าวกีฬาสีประจำปี", "ข่าวกิจกรรมวันเด็ก"]
LABELS = [["O14"], ["O14"], ["O17"], ["O17"], [NONE_CLASS], [NONE_CLASS]]
CLASSES = ["O14", "O17", NONE_CLASS]


def _model(duels: str) -> TextModel:
    vec, tfidf, clf = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0, duels=duels))
    return TextModel(json.loads(json.dumps(export(vec, tfidf, clf, CLASSES, {}))))


def test_duels_are_off_unless_asked_and_a_file_without_them_reads_as_before():
    assert BEFORE_SETTINGS["duels"] == "" and Settings.of("softmax").duels == ""
    assert "duels" not in Settings.of("softmax").recorded_form()
    vec, tfidf, clf = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0))
    assert "duels" not in export(vec, tfidf, clf, CLASSES, {})
    model = _model("")
    pred = Prediction((("O14", 0.4), ("O17", 0.35), (NONE_CLASS, 0.25)))
    assert model.duels == {} and model.duel(pred, "บริการออนไลน์", 0.1) is pred


def test_the_pairs_are_two_codes_each():
    assert duel_keys("O14/O17, O6/O7") == ["O14/O17", "O6/O7"]
    for bad in ("O14", "O14/O14", "O14/O17/O6"):
        with pytest.raises(ValueError):
            duel_keys(bad)


def test_a_pairs_regression_says_which_of_its_two_items_a_text_is():
    model = _model("O14/O17")
    assert set(model.duels) == {frozenset(("O14", "O17"))}
    online = "ยื่นคำขอออนไลน์ผ่านระบบอิเล็กทรอนิกส์"
    # the softmax read it as the guide first: the pair's regression reads the online service
    pred = Prediction((("O14", 0.45), ("O17", 0.3), (NONE_CLASS, 0.25)))
    duelled = model.duel(pred, online, 0.1)
    assert duelled.probs == (("O17", 0.45), ("O14", 0.3), (NONE_CLASS, 0.25))
    # a guide read as a guide stays
    guide = "คู่มือสำหรับประชาชน ขั้นตอนการขออนุญาต"
    assert model.duel(pred, guide, 0.1) is pred
    # the second item under the least, or first and second not the pair: no say
    assert model.duel(Prediction((("O14", 0.8), ("O17", 0.05), (NONE_CLASS, 0.15))), online,
                      0.1).best == ("O14", 0.8)
    other = Prediction((("O14", 0.45), (NONE_CLASS, 0.3), ("O6", 0.25)))
    assert model.duel(other, online, 0.1) is other
    # "no item" between the two does not keep them from being the first two items
    gap = Prediction(((NONE_CLASS, 0.5), ("O14", 0.3), ("O17", 0.2)))
    assert model.duel(gap, online, 0.1).probs == ((NONE_CLASS, 0.5), ("O17", 0.3), ("O14", 0.2))
