"""The wording model: plain-JSON weights whose dot products give scikit-learn's probabilities,
trained on dev only, and shipped small."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.textmodel import (
    _PUNCT,
    MODEL_PATH,
    NONE_CLASS,
    TextModel,
    features,
    load_model,
    predict_by_dicts,
)
from checklists.thaitext import words
from checklists.train_matcher import (
    BEFORE_SETTINGS,
    KINDS,
    SAMPLES_TSV,
    SCALE_B,
    Settings,
    _strongest,
    check,
    export,
    fit,
    model_file,
    read_samples,
    rows_digest,
    text_weights,
)
from tests.realworld.split import dev_files

TEXTS = ["แผนปฏิบัติการป้องกันการทุจริต ประจำปี 2569", "แผนป้องกันการทุจริต",
         "คู่มือการปฏิบัติงาน กลุ่มบริหารงานบุคคล", "คู่มือปฏิบัติงานการเงิน",
         "ข่าวกีฬาสีประจำปี", "ข่าวกิจกรรมวันเด็ก"]
LABELS = [["O39"], ["O39"], ["O13"], ["O13"], [NONE_CLASS], [NONE_CLASS]]
CLASSES = ["O13", "O39", NONE_CLASS]


def test_features_leave_codes_and_numbers_out():
    feats = dict(features("O23 สรุปผลการจัดซื้อจัดจ้าง 2569"))
    assert not any("23" in f or "2569" in f or "o2" in f for f in feats)
    assert any(f.startswith("w:") for f in feats) and any(f.startswith("c:") for f in feats)


@pytest.mark.parametrize("kind", KINDS)
def test_plain_dot_products_give_scikit_learns_probabilities(kind):
    vec, tfidf, clf = fit(TEXTS, LABELS, CLASSES, Settings.of(kind, c=8.0))
    data = export(vec, tfidf, clf, CLASSES, {})
    data = json.loads(json.dumps(data))  # what the shipped file holds
    model = TextModel(data)
    assert model.link == ("softmax" if kind == "softmax" else "sigmoid")
    text = "แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ 2570"
    x = tfidf.transform(vec.transform([dict(features(text))]))
    expected = dict(zip(CLASSES, clf.predict_proba(x)[0], strict=True))
    for got in (model.predict(text), predict_by_dicts(model, text)):
        for cls in CLASSES:
            assert got.of(cls) == pytest.approx(expected[cls], abs=0.01)
        assert got.best[0] == "O39"
    if kind == "softmax":  # one distribution over the items and "no item"
        assert sum(p for _, p in model.predict(text).probs) == pytest.approx(1.0)


@pytest.mark.parametrize("none_model", ["gate", "staged"])
def test_a_two_stage_model_is_its_gate_and_its_items_softmax(none_model):
    # none_model "gate": "not evidence" is a logistic model of its own and the items share
    # what it leaves by their softmax (model25); "staged" (model37): the same two models, an
    # item read by the items' softmax alone (which item, given an item page), not its share
    # of what the gate leaves; the file's dot products give both models'
    vec, tfidf, clf = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0,
                                                               none_model=none_model))
    model = TextModel(json.loads(json.dumps(export(vec, tfidf, clf, CLASSES, {}))))
    assert model.link == {"gate": "gated", "staged": "staged"}[none_model]
    for text in ("แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ 2570", "ข่าวกีฬาสีประจำปี 2569"):
        x = tfidf.transform(vec.transform([dict(features(text))]))
        p_none = clf.gate.predict_proba(x)[0][1]
        share = 1 - p_none if none_model == "gate" else 1.0
        items = dict(zip([CLASSES[k] for k in clf.items.classes_],
                         clf.items.predict_proba(x)[0], strict=True))
        for got in (model.predict(text), predict_by_dicts(model, text)):
            assert got.of(NONE_CLASS) == pytest.approx(p_none, abs=0.01)
            for cls, p in items.items():
                assert got.of(cls) == pytest.approx(p * share, abs=0.01)
            whole = 1 - got.of(NONE_CLASS) if none_model == "gate" else 1.0
            assert sum(p for c, p in got.probs if c != NONE_CLASS) == pytest.approx(whole)
    assert model.predict("ข่าวกีฬาสีประจำปี 2569").best[0] == NONE_CLASS
    assert model.predict("แผนปฏิบัติการป้องกันการทุจริต").best[0] == "O39"


@pytest.mark.parametrize("gate_titles", [1, 0])
def test_the_gate_learns_from_the_titles_only_when_asked(gate_titles):
    # gate_titles 0 (model37): stage one (an item page or not) is trained on the samples alone;
    # the reference titles (sources "title ...") teach the items' softmax only, so a feature
    # only the titles carry has no weight in the gate, and keeps one in the items'
    texts = [*TEXTS, "ยุทธศาสตร์ชาติ", "ยุทธศาสตร์ชาติ ระยะยาว"]
    labels = [*LABELS, ["O39"], ["O39"]]
    sources = [str(i) for i in range(len(TEXTS))] + ["title O39 a", "title O39 b"]
    vec, _, clf = fit(texts, labels, CLASSES, Settings.of("softmax", c=8.0, none_model="staged",
                                                          gate_titles=gate_titles), sources)
    only_titles = [j for j, f in enumerate(vec.get_feature_names_out()) if "ยุทธ" in f]
    assert only_titles
    assert any(abs(clf.items.coef_[:, j]).max() > 0 for j in only_titles)
    gate = [abs(clf.gate.coef_[0, j]) for j in only_titles]
    assert (max(gate) == 0) == (gate_titles == 0)


def test_a_text_with_two_labels_is_half_a_positive_of_each_in_softmax():
    texts = [*TEXTS, "คู่มือการปฏิบัติงานป้องกันการทุจริต"]
    labels = [*LABELS, ["O13", "O39"]]
    vec, tfidf, clf = fit(texts, labels, CLASSES, Settings.of("softmax", c=8.0))
    model = TextModel(json.loads(json.dumps(export(vec, tfidf, clf, CLASSES, {}))))
    got = model.predict("คู่มือการปฏิบัติงานป้องกันการทุจริต")
    assert {c for c, _ in got.probs[:2]} == {"O13", "O39"}


def test_an_unknown_link_is_refused():
    with pytest.raises(ValueError, match="link"):
        TextModel({"classes": ["O1"], "intercepts": [0.0], "features": {}, "link": "probit"})


def test_the_shipped_model_is_plain_data_trained_on_dev():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert "split=dev" in data["trained_on"]
    assert MODEL_PATH.stat().st_size < 1_000_000
    model = load_model()
    assert model is not None and NONE_CLASS in model.classes
    assert model.predict("").probs == ()




def test_array_prediction_is_the_dictionary_prediction():
    # the numpy reading of the shipped model (characters packed into integers, one product)
    # gives the probabilities of reading it feature by feature, on real pages' texts
    model = load_model()
    assert model is not None and model._arrays is not None
    texts = [p.read_text(encoding="utf-8")[:600] for p in dev_files()[::7]]
    texts += ["O1", "ดาวน์โหลด", "😀 แผนปฏิบัติการ 😀", "ITA 2569 — O12 (PDF)", "ก" * 5, " ",
              "Annual report 2025 / รายงานประจำปี"]
    for text in texts:
        want, got = predict_by_dicts(model, text), model._arrays.predict(model, text) \
            if text.strip() else model.predict(text)
        assert [c for c, _ in got.probs] == [c for c, _ in want.probs], text
        for cls, p in want.probs:
            assert got.of(cls) == pytest.approx(p, abs=1e-12), text


def test_the_shipped_model_is_what_the_training_script_gives():
    # training again on the dev samples the shipped file records gives the same file, byte
    # for byte (dev samples landed since are reported by `train_matcher --check`, not here)
    problems, _new = check()
    assert problems == []


@given(st.lists(st.sampled_from([-0.5, -0.25, -0.0, 0.0, 1e-9, 0.25, 0.5, 2.0]), min_size=1,
                max_size=40), st.integers(1, 50))
def test_a_class_keeps_the_weights_the_python_sort_kept(coef, top):
    # export's numpy order (suite49) is the stable sort by size it replaced, ties (equal sizes,
    # 0.0 and -0.0) in column order
    assert _strongest(np.array(coef), top) == sorted(range(len(coef)),
                                                     key=lambda j: -abs(coef[j]))[:top]


def test_check_tells_a_changed_sample_and_a_changed_file(tmp_path, monkeypatch):
    rows = read_samples(SAMPLES_TSV, "dev")[:40]
    text = model_file(rows)
    # check() trains again on the file's samples: those 40 rows, with the file's settings, as
    # just done; what is tested here is what check() makes of its answer, so it is given the
    # same text (that training gives the same file is test_the_shipped_model_is_what_...)
    trained = (rows_digest(rows), Settings.recorded(json.loads(text)), SAMPLES_TSV.name)

    def again(used, settings, source):
        assert (rows_digest(used), settings, source) == trained
        return text

    monkeypatch.setattr("checklists.train_matcher.model_file", again)
    assert json.loads(text)["sample_ids"] == [r["id"] for r in rows]
    assert rows_digest(rows) != rows_digest([{**rows[0], "topic": "O99"}, *rows[1:]])
    edited = json.loads(text)
    edited["intercepts"][0] += 1.0
    path = tmp_path / "model.json"
    path.write_text(json.dumps(edited, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    problems, new = check(path)
    assert problems == ["training again on the same samples gives another file"]
    assert len(new) == len(read_samples(SAMPLES_TSV, "dev")) - 40


def test_a_word_only_one_site_uses_is_not_learned_when_sources_are_sites():
    # df_by "domain": a feature must come from two sites (or checklist titles), so a site's own
    # place name is not an item's wording however many of its samples carry it
    texts = [*TEXTS, "แผนป้องกันการทุจริต เทศบาลเมืองสุพรรณบุรี",
             "แผนปฏิบัติการป้องกันการทุจริต เทศบาลเมืองสุพรรณบุรี"]
    labels = [*LABELS, ["O39"], ["O39"]]
    sources = [f"site{i}" for i in range(len(TEXTS))] + ["suphan.go.th", "suphan.go.th"]

    def learned(df_by: str) -> set[str]:
        vec, _tfidf, _clf = fit(texts, labels, CLASSES, Settings.of("softmax", c=8.0,
                                                                    df_by=df_by), sources)
        return set(vec.get_feature_names_out())

    assert any("สุพรรณ" in f for f in learned("text"))
    by_site = learned("domain")
    assert not any("สุพรรณ" in f for f in by_site)
    assert any("ทุจริต" in f for f in by_site)


def test_settings_are_recorded_and_older_files_read_as_they_were_trained():
    # settings added later (BEFORE_SETTINGS) read as files before them were trained, whatever
    # the shipped defaults are now
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert Settings.recorded(data) == Settings(**{**BEFORE_SETTINGS, **data["settings"]})
    old = Settings.recorded({"C": 32.0, "kind": "softmax", "none_weight": 3.0, "min_df": 2})
    assert (old.df_by, old.domain_power, old.kinds_kept) == ("text", 0.0, "wbc")
    assert (old.scale_b, old.class_power, old.top_per_class) == (1.0, 1.0, 800)
    before = Settings.recorded({"settings": {"c": 32.0, "kind": "softmax"}})
    assert before.scale_b == 1.0 and Settings.of("softmax").scale_b == SCALE_B


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="กขคงำ่้ิีาเแ ABCab12๑๒_.,-–—()/|!?😀\u200b\u00a0\n'\"", max_size=40))
def test_no_word_is_punctuation_alone(text):
    # the array reading takes words() as they come (textmodel._Arrays._count_many), where
    # features() drops the tokens that are punctuation alone: words() keeps none
    assert not any(_PUNCT.fullmatch(t) for t in words(text))


def test_a_feature_blocks_scale_changes_its_regularisation_not_what_the_model_reads():
    # a block's columns are scaled for the fit and its weights by the same scale after it, so
    # the shipped weights read the unscaled features: the plain dot products still give
    # scikit-learn's probabilities, and the scaled block weighs more (C x scale^2)
    plain = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0))
    scaled = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0, scale_w=3.0))
    text = "แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ 2570"
    for vec, tfidf, clf in (plain, scaled):
        model = TextModel(json.loads(json.dumps(export(vec, tfidf, clf, CLASSES, {}))))
        x = tfidf.transform(vec.transform([dict(features(text))]))
        expected = dict(zip(CLASSES, clf.predict_proba(x)[0], strict=True))
        for cls in CLASSES:
            assert model.predict(text).of(cls) == pytest.approx(expected[cls], abs=0.01)

    def words_share(fitted) -> float:
        vec, _tfidf, clf = fitted
        names = vec.get_feature_names_out()
        mass = abs(clf.coef_).sum(axis=0)
        return sum(m for n, m in zip(names, mass, strict=True) if n[0] == "w") / mass.sum()

    assert words_share(scaled) > words_share(plain)


def test_class_power_one_is_the_balanced_weighting_and_above_it_thin_items_weigh_more():
    texts = [*TEXTS, "แผนป้องกันการทุจริต ฉบับปรับปรุง", "แผนป้องกันการทุจริตของหน่วยงาน"]
    labels = [*LABELS, ["O39"], ["O39"]]
    balanced = fit(texts, labels, CLASSES, Settings.of("softmax", c=8.0))[2]
    same = fit(texts, labels, CLASSES, Settings.of("softmax", c=8.0, class_power=1.0))[2]
    assert (balanced.coef_ == same.coef_).all() and balanced.class_weight == "balanced"
    thin = fit(texts, labels, CLASSES, Settings.of("softmax", c=8.0, class_power=2.0))[2]
    weights = thin.class_weight  # O13 has 2 rows, O39 4: O13 weighs more than balanced
    assert weights[0] / weights[1] == pytest.approx(4.0)


def test_settings_added_later_are_recorded_only_when_changed():
    # a file trained with the settings as they were reads (and retrains) the same
    assert "scale_w" not in Settings.of("softmax").recorded_form()
    changed = Settings.of("softmax", scale_c=0.5, top_per_class=400).recorded_form()
    assert changed["scale_c"] == 0.5 and changed["top_per_class"] == 400
    assert Settings.recorded({"settings": changed}) == Settings.of("softmax", scale_c=0.5,
                                                                   top_per_class=400)


def test_none_weight_under_balanced_classes_is_a_larger_c_and_none_boost_weighs_none():
    # scikit-learn balances classes by their summed sample weights: a negative's row weight
    # (none_weight) scales every row alike, which is C times (sum at W) / (sum at 1): here 2 of
    # the 6 texts are negatives, (2 x 4 + 4) / (2 + 4) = 2 (train_matcher.NONE_WEIGHT)
    heavy = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0, none_weight=4.0))[2]
    wider = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=16.0, none_weight=1.0))[2]
    assert abs(heavy.coef_ - wider.coef_).max() < 1e-6
    boosted = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0, none_boost=3.0))
    plain = fit(TEXTS, LABELS, CLASSES, Settings.of("softmax", c=8.0))

    def p_none(fitted) -> float:
        vec, tfidf, clf = fitted
        x = tfidf.transform(vec.transform([dict(features("ประกาศรับสมัครงาน"))]))
        return clf.predict_proba(x)[0][CLASSES.index(NONE_CLASS)]

    assert p_none(boosted) > p_none(plain)


def test_a_negative_off_the_public_domains_weighs_the_offsite_weight():
    rows = [{"id": "a", "kind": "negative", "url": "https://www.somenews.com/story/1"},
            {"id": "b", "kind": "negative", "url": "https://www.tambon.go.th/news/2"},
            {"id": "c", "kind": "item", "url": "https://www.huaylanlocal.com/plan"}]
    assert text_weights(rows, 5, Settings.of("softmax", offsite_weight=1.0)) is None
    assert text_weights(rows, 5, Settings.of("softmax", offsite_weight=0.25)) == \
        [0.25, 1.0, 1.0, 1.0, 1.0]  # the two reference titles after the samples weigh 1
    # within the class "none" the weights are relative: a lighter off-site negative pulls
    # its words less towards "none"
    texts = [*TEXTS, "ข่าวกีฬาสีประจำปี แผนป้องกันการทุจริต"]
    labels = [*LABELS, [NONE_CLASS]]
    weights = [1.0] * 6 + [0.1]
    light = fit(texts, labels, CLASSES, Settings.of("softmax", c=8.0), weights=weights)
    plain = fit(texts, labels, CLASSES, Settings.of("softmax", c=8.0))

    def p_item(fitted) -> float:
        vec, tfidf, clf = fitted
        x = tfidf.transform(vec.transform([dict(features("แผนป้องกันการทุจริต ประจำปี"))]))
        return clf.predict_proba(x)[0][CLASSES.index("O39")]

    assert p_item(light) > p_item(plain)


def test_the_reference_titles_weigh_the_title_weight():
    # model36: the texts training_set adds after the samples (the checklists' titles and the
    # topic map's wordings) weigh title_weight; with the off-site weight both apply
    rows = [{"id": "a", "kind": "negative", "url": "https://www.somenews.com/story/1"},
            {"id": "c", "kind": "item", "url": "https://www.huaylanlocal.com/plan"}]
    assert text_weights(rows, 4, Settings.of("softmax", title_weight=1.0)) is None
    assert text_weights(rows, 4, Settings.of("softmax", title_weight=3.0)) == [1.0, 1.0, 3.0, 3.0]
    assert text_weights(rows, 4, Settings.of("softmax", title_weight=2.0,
                                             offsite_weight=0.5)) == [0.5, 1.0, 2.0, 2.0]
    assert "title_weight" not in Settings.of("softmax").recorded_form()


def test_latin_grams_off_trains_no_character_ngram_without_a_thai_letter():
    # an English page's character n-grams are left out, its words and word pairs kept; Thai
    # n-grams (and those that mix a Thai letter in) are trained on as before
    texts = [*TEXTS, "Vision and Mission of the Office", "Vision and Mission statement",
             "News of the Office", "News and events"]
    labels = [*LABELS, ["O4"], ["O4"], [NONE_CLASS], [NONE_CLASS]]
    classes = [*CLASSES[:-1], "O4", NONE_CLASS]
    kept = fit(texts, labels, classes, Settings.of("softmax", c=8.0))[0]
    left = fit(texts, labels, classes, Settings.of("softmax", c=8.0, latin_grams=0))[0]
    names, fewer = set(kept.get_feature_names_out()), set(left.get_feature_names_out())
    assert "c:vis" in names and "c:vis" not in fewer
    assert {"w:vision", "b:vision|and"} <= fewer
    assert {f for f in names if f.startswith("c:") and re.search("[\u0e00-\u0e7f]", f)} == \
        {f for f in fewer if f.startswith("c:")}
    assert Settings.of("softmax").recorded_form() == Settings.of(
        "softmax", latin_grams=1).recorded_form()  # files trained before read the same
    assert Settings.of("softmax", latin_grams=0).recorded_form()["latin_grams"] == 0
