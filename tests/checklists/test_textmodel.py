"""The wording model: plain-JSON weights whose dot products give scikit-learn's probabilities,
trained on dev only, and shipped small."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checklists.textmodel import (
    MODEL_PATH,
    NONE_CLASS,
    TextModel,
    features,
    load_model,
    predict_by_dicts,
)
from checklists.train_matcher import export, fit

TEXTS = ["แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2569", "แผนป้องกันการทุจริต",
         "คู่มือการปฏิบัติงาน กลุ่มบริหารงานบุคคล", "คู่มือปฏิบัติงานการเงิน",
         "ข่าวกีฬาสีประจำปี", "ข่าวกิจกรรมวันเด็ก"]
LABELS = [["O39"], ["O39"], ["O13"], ["O13"], [NONE_CLASS], [NONE_CLASS]]
CLASSES = ["O13", "O39", NONE_CLASS]


def test_features_leave_codes_and_numbers_out():
    feats = dict(features("O23 สรุปผลการจัดซื้อจัดจ้าง 2569"))
    assert not any("23" in f or "2569" in f or "o2" in f for f in feats)
    assert any(f.startswith("w:") for f in feats) and any(f.startswith("c:") for f in feats)


def test_plain_dot_products_give_scikit_learns_probabilities():
    vec, tfidf, clf = fit(TEXTS, LABELS, CLASSES, c=8.0)
    data = export(vec, tfidf, clf, CLASSES, {})
    data = json.loads(json.dumps(data))  # what the shipped file holds
    model = TextModel(data)
    text = "แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ 2570"
    x = tfidf.transform(vec.transform([dict(features(text))]))
    expected = dict(zip(CLASSES, clf.predict_proba(x)[0], strict=True))
    got = model.predict(text)
    for cls in CLASSES:
        assert got.of(cls) == pytest.approx(expected[cls], abs=0.01)
    assert got.best[0] == "O39"


def test_the_shipped_model_is_plain_data_trained_on_dev():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert "split=dev" in data["trained_on"]
    assert MODEL_PATH.stat().st_size < 1_000_000
    model = load_model()
    assert model is not None and NONE_CLASS in model.classes
    assert model.predict("").probs == ()


SAMPLES = Path(__file__).resolve().parents[1] / "realworld" / "samples"


def test_array_prediction_is_the_dictionary_prediction():
    # the numpy reading of the shipped model (characters packed into integers, one product)
    # gives the probabilities of reading it feature by feature, on real pages' texts
    model = load_model()
    assert model is not None and model._arrays is not None
    texts = [p.read_text(encoding="utf-8")[:600] for p in sorted(SAMPLES.glob("*.txt"))[::7]]
    texts += ["O1", "ดาวน์โหลด", "😀 แผนปฏิบัติการ 😀", "ITA 2569 — O12 (PDF)", "ก" * 5, " ",
              "Annual report 2025 / รายงานประจำปี"]
    for text in texts:
        want, got = predict_by_dicts(model, text), model._arrays.predict(model, text) \
            if text.strip() else model.predict(text)
        assert [c for c, _ in got.probs] == [c for c, _ in want.probs], text
        for cls, p in want.probs:
            assert got.of(cls) == pytest.approx(p, abs=1e-12), text
