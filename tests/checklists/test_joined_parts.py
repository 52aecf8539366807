"""The wording model's text of a link is read a part at a time (issue 13): the link's words and
its target's title and first lines are normalised, segmented and read by the model once each,
and their readings joined give the same content words and the same probabilities, to the last
bit, as reading the joined text (checklists/thaitext.py joins_cleanly, checklists/textmodel.py
_Arrays.joined); a join they cannot vouch for is read whole."""

from __future__ import annotations

import marshal

from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.candidates import MODEL_CHARS, _model_parts, _model_text
from checklists.targets import Target, TargetStore
from checklists.textmodel import PartReading, load_model
from checklists.thaitext import (
    content_part,
    content_words,
    edges,
    joined_content_words,
    joins_cleanly,
    normalize,
)
from tests.checklists.test_targets import _record
from tests.realworld.split import dev_files

# Thai consonants, following and leading vowels, marks and tone marks, sara aa after nikhahit,
# digits (Thai too), code letters and every kind of space normalize() collapses or drops
_ALPHABET = ("กขคงดนรวอฤ" + "ะาำๅเแโใไ" + "ัิีึืํ็ฺุู" + "่้๊๋์๎" + "๑๒0123" +
             "aOoIT.-: \n\t\r\u200b\u200c\u200d\ufeff\u00a0\u2003")


def _normalised_join(left: str, right: str) -> str | None:
    if not (normalize(left) and normalize(right)):
        return None
    return normalize(left) + " " + normalize(right)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=10), st.text(alphabet=_ALPHABET, max_size=10))
def test_a_clean_join_normalises_as_its_parts(left, right):
    parts = _normalised_join(left, right)
    if parts is not None and joins_cleanly(edges(left)[1], edges(right)[0]):
        assert normalize(left + " " + right) == parts


def test_joins_that_normalisation_reaches_across_are_not_clean():
    # a following vowel or mark after the space is pulled back; a leading vowel before it
    # takes the consonant after it: the parts' normal forms are not the whole's
    for left, right in [("ก", "ะ"), ("ก", "่ข"), ("เ", "ก"), ("ประจ\u0e4d", "าปี"), ("ก", "ำ")]:
        assert not joins_cleanly(edges(left)[1], edges(right)[0])
        assert normalize(left + " " + right) != _normalised_join(left, right)
    assert joins_cleanly(*edges("โครงสร้าง ")[1:], *edges("\u200b แผนงาน")[:1])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=10), st.text(alphabet=_ALPHABET, max_size=10))
def test_joined_content_words_are_the_whole_texts(left, right):
    joined = joined_content_words(content_part(left), content_part(right))
    if joined is not None:
        assert joined == content_words(left + " " + right)


def test_a_code_across_the_join_is_read_whole():
    # "O" at the end of the link's words and "12" at the start of the target's: one code
    assert joined_content_words(content_part("ข้อมูล O"), content_part("12 แผนงาน")) is None
    assert joined_content_words(content_part("แผนงาน ประจำปี"),
                                content_part("การจัดซื้อจัดจ้าง")) == \
        content_words("แผนงาน ประจำปี การจัดซื้อจัดจ้าง")


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8")[:400] for p in dev_files()[::5]]
    return [t for t in texts if t.strip()]


def test_the_parts_readings_give_the_whole_texts_probabilities():
    model = load_model()
    assert model is not None and model._arrays is not None
    texts = _texts()
    links = ["ดาวน์โหลด", "O12 รายงานผลการดำเนินงาน", "แผนปฏิบัติการป้องกันการทุจริต 2569",
             "คลิก", "ITA 2569 — O12 (PDF)", "😀 ข่าว", *(t[:40] for t in texts[:20])]
    joined = 0
    for n, right in enumerate(texts):
        left = links[n % len(links)]
        text = left + " " + right
        got = model._arrays.joined(model, model.read_part(left), model.read_part(right))
        if got is not None:
            joined += 1
            assert got.probs == model._arrays.predict(model, text).probs, text  # bit for bit
        assert model.predict_joined(model.part(left), model.read_part(right), text).probs == \
            model._arrays.predict(model, text).probs
    assert joined >= len(texts) * 0.8  # real texts nearly always join cleanly


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=14), st.text(alphabet=_ALPHABET, max_size=14))
def test_joined_readings_are_exact_or_declined(left, right):
    model = load_model()
    text = left + " " + right
    got = model._arrays.joined(model, model.read_part(left), model.read_part(right))
    if got is not None:
        assert got.probs == model._arrays.predict(model, text).probs


def test_a_reading_is_plain_data():
    model = load_model()
    read = model.read_part("รายงานผลการดำเนินงาน ประจำปี 2568")
    assert PartReading(*marshal.loads(marshal.dumps(tuple(read)))) == read
    assert PartReading.loads(read.dumps()) == read


def test_the_model_text_is_its_two_parts_joined():
    target = Target(3, True, False, False, False, False, "คู่มือการปฏิบัติงาน",
                    ("กลุ่มบริหารงานบุคคล", "หัวข้อ", "ไม่อ่าน"), "เนื้อหา" * 80)
    for link in [{"text": "ดาวน์โหลด", "context": "คู่มือ O13", "heading": ""},
                 {"text": "คู่มือ", "context": "", "heading": "งานบุคคล"},
                 {"text": "", "context": "", "heading": ""}]:
        for tgt in (target, None):
            mine, theirs = _model_parts(link, tgt)
            assert _model_text(link, tgt) == " ".join(p for p in (mine, theirs) if p)
    assert _model_parts({"text": "แผน"}, target)[1] == \
        "คู่มือการปฏิบัติงาน กลุ่มบริหารงานบุคคล หัวข้อ " + ("เนื้อหา" * 80)[:MODEL_CHARS]


def test_derived_bytes_are_made_once_per_record():
    store = TargetStore(3)
    for n in range(3):
        store.add(n, _record(f"p{n}.html", f"หน้า {n}", "ข้อความ " * n), None, False)
    store.done()
    made = []

    def make(n: int):
        def run() -> bytes:
            made.append(n)
            return f"ข้อมูล {n}".encode() * (n + 1)
        return run

    for _ in range(2):
        assert [store.derived(n, make(n)) for n in (2, 0, 2)] == \
            [("ข้อมูล 2".encode()) * 3, "ข้อมูล 0".encode(), ("ข้อมูล 2".encode()) * 3]
    assert made == [2, 0]
    assert store.has_derived(2) and store.has_derived(0) and not store.has_derived(1)
    # the records' own texts are read back as before
    assert store.get(1).title == "หน้า 1" and store.text(2) == "ข้อความ " * 2
