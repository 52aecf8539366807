"""English words read with the Thai words of the checklists' titles (model36, issue 16): the
glossary (checklists/data/english_glossary.json) is data from the checklists' own English and
Thai titles; a model trained with the setting ``gloss`` reads an English word of it with (1) or
as (2) its Thai words, in training and prediction alike, and a text read a part at a time gives
the same probabilities, to the last bit, as read whole."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.loader import load_checklist
from checklists.textmodel import (
    GLOSSARY_PATH,
    NONE_CLASS,
    TextModel,
    _from_model_image,
    _glossary,
    _model_image,
    features,
    gloss,
    predict_by_dicts,
    strip_codes,
)
from checklists.thaitext import clean
from checklists.train_matcher import Settings, export, fit

TEXTS = ["แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2569", "แผนป้องกันการทุจริต",
         "คู่มือการปฏิบัติงาน กลุ่มบริหารงานบุคคล", "คู่มือปฏิบัติงานการเงิน",
         "โครงสร้างหน่วยงาน", "แผนภูมิโครงสร้างองค์กร",
         "ข่าวกีฬาสีประจำปี", "ข่าวกิจกรรมวันเด็ก",
         "Sports day of the school", "Children's day party"]
LABELS = [["O39"], ["O39"], ["O13"], ["O13"], ["O1"], ["O1"],
          [NONE_CLASS], [NONE_CLASS], [NONE_CLASS], [NONE_CLASS]]
CLASSES = ["O1", "O13", "O39", NONE_CLASS]
# Latin words of the glossary and not, spaces, punctuation, digits, Thai, code letters
_WORDS = ["structure", "organization", "plan", "annual", "report", "the", "of", "oit", "o",
          "STRUCTURE", "Plans", "plant", "o1", "2568", "-", ".", ",", "(", ")", " ", "  ",
          "โครงสร้าง", "แผน", "เ", "า", "\u200b", "\n", "ประจำปี", "ก่"]


def _model(how: int) -> TextModel:
    st_ = Settings.of("softmax", c=8.0, gloss=how)
    vec, tfidf, clf = fit(TEXTS, LABELS, CLASSES, st_)
    meta = {"settings": st_.recorded_form()}
    return TextModel(json.loads(json.dumps(export(vec, tfidf, clf, CLASSES, meta))))


def test_the_glossary_is_the_checklists_english_words_with_thai_words():
    thai = _glossary()
    assert thai["structure"] == "โครงสร้าง" and thai["procurement"] == "จัดซื้อจัดจ้าง"
    assert all(en.isascii() and en.isalpha() and en == en.lower() for en in thai)
    assert all(th and not th.isascii() for th in thai.values())
    ref = load_checklist("nacc-oit-2565")
    titled = {w for item in ref.items for w in clean(item.title_en).replace("-", " ").split()}
    assert {"structure", "procurement", "plan", "report", "complaint", "manual"} <= titled
    assert "about" in json.loads(GLOSSARY_PATH.read_text(encoding="utf-8"))


def test_an_english_word_is_read_with_or_as_its_thai_words():
    assert strip_codes("O1 Organization Structure 2568", 0) == strip_codes(
        "O1 Organization Structure 2568")
    assert "โครงสร้าง" not in strip_codes("Organization Structure")
    with_thai = strip_codes("O1 Organization Structure 2568", 1)
    assert "organization หน่วยงาน" in with_thai and "structure โครงสร้าง" in with_thai
    instead = strip_codes("O1 Organization Structure 2568", 2)
    assert "structure" not in instead and "โครงสร้าง" in instead
    # whole words only: "plant" is no "plan", "organizational" its own word
    assert "แผน" not in gloss("a plant", 1) and "หน่วยงาน" not in gloss("organizational", 1)
    assert gloss("ไม่มีคำอังกฤษ", 1) == "ไม่มีคำอังกฤษ"
    feats = dict(features("Annual Procurement Plan", 1))
    assert {"w:annual", "w:แผน", "w:ประจำปี"} <= set(feats)
    assert "w:annual" not in dict(features("Annual Procurement Plan", 2))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=8), st.lists(st.sampled_from(_WORDS),
                                                                  max_size=8))
def test_the_gloss_of_two_texts_joined_by_a_space_is_their_glosses_joined(left, right):
    a, b = "".join(left), "".join(right)
    for how in (1, 2):
        assert gloss(a + " " + b, how) == gloss(a, how) + " " + gloss(b, how)


def test_a_glossed_model_reads_an_english_title_as_the_thai_samples_taught():
    plain, glossed, instead = _model(0), _model(1), _model(2)
    assert glossed.glossed == 1 and instead.glossed == 2 and plain.glossed == 0
    for text, item in [("Anti-corruption action plan", "O39"), ("Organization structure", "O1"),
                       ("Work manual", "O13")]:
        assert glossed.predict(text).of(item) > plain.predict(text).of(item)
        assert instead.predict(text).best[0] == item
    with pytest.raises(ValueError, match="gloss"):
        TextModel({"classes": ["O1"], "intercepts": [0.0], "features": {},
                   "settings": {"gloss": 7}})


@pytest.mark.parametrize("how", [1, 2])
def test_a_glossed_models_arrays_parts_and_image_read_as_its_dictionaries(how):
    model = _model(how)
    texts = ["Organization Structure of the Office", "O39 Anti-corruption plan 2568 แผน",
             "แผนปฏิบัติการ annual report", "plant", "ข่าว Sports day", "Work manual (PDF)"]
    again = _from_model_image(_model_image(model), GLOSSARY_PATH)
    assert again._arrays.glossed == how
    for text in texts:
        want = predict_by_dicts(model, text)
        for got in (model._arrays.predict(model, text), again._arrays.predict(again, text)):
            assert [c for c, _ in got.probs] == [c for c, _ in want.probs], text
            for cls, p in want.probs:
                assert got.of(cls) == pytest.approx(p, abs=1e-12), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=8), st.lists(st.sampled_from(_WORDS),
                                                                  max_size=8),
       st.sampled_from([1, 2]))
def test_glossed_joined_readings_are_exact_or_declined(left, right, how):
    model = _MODELS[how]
    a, b = "".join(left), "".join(right)
    got = model._arrays.joined(model, model.read_part(a), model.read_part(b))
    if got is not None:
        assert got.probs == model._arrays.predict(model, a + " " + b).probs


_MODELS = {how: _model(how) for how in (1, 2)}
