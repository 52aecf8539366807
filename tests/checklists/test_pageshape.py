"""The wording model's shape block (issue 16, model38): what a text's opening shows beyond its
words (checklists/pageshape.py), trained as features of their own (train_matcher.Settings
``shape``) and added to the classes' scores by every reading of the model."""

from __future__ import annotations

import json

import numpy as np
import pytest

from checklists.pageshape import NAMES, collapsed, shape_features
from checklists.textmodel import NONE_CLASS, TextModel, features, predict_by_dicts
from checklists.train_matcher import BEFORE_SETTINGS, Settings, export, fit

# openings as dev pages write them: a news report's (dev s0720's shape, "...วันที่ 25 เม.ย.65",
# and the time of an event), a service guide's steps (dev s1015: "ขั้นตอนการให้บริการ ...
# ยื่นคำขอ"), a plan's title with its fiscal year
STORY = "เมื่อวันที่ 25 เม.ย. 2565 เวลา 09.30 น. นายกเทศมนตรีลงพื้นที่ตรวจเยี่ยมโครงการ"
SERVICE = "ขั้นตอนการให้บริการ การขออนุญาตก่อสร้าง ยื่นคำขอพร้อมเอกสารประกอบ"
PLAN = "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567"
TEXTS = [STORY, "ข่าวกิจกรรม วันที่ 3 มีนาคม 2566 เวลา 10.00 น. ผู้อำนวยการเป็นประธานเปิดงาน",
         SERVICE, "ขั้นตอนการขอรับบริการ ยื่นคำร้องขอน้ำประปา", PLAN,
         "แผนป้องกันการทุจริต ประจำปี 2568", "ข่าวกีฬาสีประจำปี", "ข่าวกิจกรรมวันเด็ก"]
LABELS = [["O7"], ["O7"], ["O14"], ["O14"], ["O39"], ["O39"], [NONE_CLASS], [NONE_CLASS]]
CLASSES = ["O7", "O14", "O39", NONE_CLASS]


def test_the_page_tests_and_the_numbers_of_real_openings():
    assert set(shape_features(STORY, "k")) >= {"k:story"}
    assert "k:service" in shape_features(SERVICE, "k")
    assert "k:story" not in shape_features(PLAN, "k")
    # numbers the words leave out (textmodel.strip_codes): a year, a day; not an item code
    assert set(shape_features(STORY, "n")) == {"n:year", "n:small"}
    assert shape_features(PLAN, "n") == ("n:year",)
    assert shape_features("O29 ประกาศหลักเกณฑ์ EB2 มาตรการ", "n") == ()
    assert shape_features(PLAN, "") == ()
    assert all(f in NAMES for t in TEXTS for f in shape_features(t, "kn"))


def test_only_a_texts_opening_is_read_each_line_once():
    assert "k:story" not in shape_features("ก" * 300 + " " + STORY, "k")
    # the run time's link words, title and first heading saying one line over (dev samples'
    # hub links: "1.3. โครงสร้างหน่วยงาน" three times) read as the excerpt's line once
    title = "ข่าวกิจกรรม โครงการฝึกอบรมเพื่อพัฒนาศักยภาพบุคลากรด้านการป้องกันการทุจริตประจำปี"
    served = " ".join([title] * 4 + [STORY])
    assert collapsed(served) == f"{title} {STORY}"
    assert shape_features(served, "kn") == shape_features(f"{title} {STORY}", "kn")
    assert "k:story" in shape_features(served, "k")


def test_the_block_is_off_by_default_and_recorded_only_when_on():
    assert BEFORE_SETTINGS["shape"] == "" and Settings.of("softmax").shape == ""
    assert "shape" not in Settings.of("softmax").recorded_form()
    vec, tfidf, clf = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0))
    assert "shape" not in export(vec, tfidf, clf, CLASSES, {})
    with pytest.raises(ValueError):
        fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0, shape="kn",
                                                none_model="staged"))


@pytest.mark.parametrize("scale", [1.0, 0.3])
def test_every_reading_adds_the_blocks_weights_as_scikit_learn_fitted_them(scale):
    st = Settings.of("softmax", c=8.0, shape="kn", scale_s=scale)
    vec, tfidf, clf = fit(TEXTS, LABELS, CLASSES, st)
    data = json.loads(json.dumps(export(vec, tfidf, clf, CLASSES,
                                        {"settings": st.recorded_form()})))
    assert set(data["shape"]) <= set(NAMES) and data["settings"]["shape"] == "kn"
    model = TextModel(data)
    assert model._arrays is not None
    for text in ("ข่าวกิจกรรม วันที่ 9 ม.ค. 2567 เวลา 13.30 น. ลงพื้นที่", PLAN, SERVICE):
        x = tfidf.transform(vec.transform([dict(features(text))]))
        names = shape_features(text, "kn")
        block = np.array([[1.0 if n in names else 0.0 for n in NAMES]])
        scores = x @ clf.coef_.T + block @ clf.shape_coef_.T + clf.intercept_
        probs = np.exp(scores - scores.max())
        expected = dict(zip(CLASSES, (probs / probs.sum())[0], strict=True))
        left, right = text[:12], text[13:] if text[12] == " " else text[12:]
        whole = f"{left} {right}"
        joined = model.predict_joined(model.part(left), model.part(right), whole)
        for got in (model.predict(text), predict_by_dicts(model, text)):
            for cls in CLASSES:
                assert got.of(cls) == pytest.approx(expected[cls], abs=0.01), (text, cls)
        want = predict_by_dicts(model, whole)
        for cls, p in want.probs:
            assert joined.of(cls) == pytest.approx(p, abs=1e-12), whole


def test_the_block_moves_a_page_its_words_leave_unsure():
    # a hand-made block: a story's opening counts towards the news item, whatever its words
    vec, tfidf, clf = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0))
    data = json.loads(json.dumps(export(vec, tfidf, clf, CLASSES, {})))
    plain = TextModel(data)
    shaped = TextModel({**data, "settings": {"shape": "k"}, "shape": {"k:story": [[0, 3.0]]}})
    for model in (plain, shaped):
        assert model.predict(PLAN).of("O39") == pytest.approx(plain.predict(PLAN).of("O39"))
    story = "เมื่อวันที่ 8 ก.ค. 2567 เวลา 14.00 น. ตรวจเยี่ยมบ้านพักผู้สูงอายุ"

    def odds(model: TextModel) -> float:  # O7's log-odds against "no item"
        got = model.predict(story)
        return float(np.log(got.of("O7") / got.of(NONE_CLASS)))

    assert odds(shaped) - odds(plain) == pytest.approx(3.0)
    assert predict_by_dicts(shaped, story).of("O7") == pytest.approx(
        shaped.predict(story).of("O7"), abs=1e-12)
