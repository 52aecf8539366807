"""Thai text as it really comes: PDF-broken vowels and tone marks, sara am, digits, zero-width
characters, and word segmentation (shapes seen in tests/realworld/ dev samples)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp import thai_follow_vowels
from pythainlp.util import normalize as _pythainlp_normalize
from pythainlp.util import remove_zw

from checklists.matching import ItemMatcher
from checklists.thaitext import (
    _ABOVE_BELOW,
    _DANGLING,
    _NOREPEAT,
    _SPACES,
    _TONES,
    _pythainlp_normalize_visible,
    _spaced,
    _spaced_visible,
    clean,
    content_words,
    fold,
    may_normalize,
    normalize,
    pythainlp_normalize,
    title_agreement,
    words,
)
from checklists.wordings import matchers_for
from tests.checklists.test_matching import CHECKLIST


@pytest.mark.parametrize("broken,fixed", [
    ("โครงสร ้าง", "โครงสร้าง"),                       # tone mark split off
    ("ก ารจัดซื้อจัดจ้าง", "การจัดซื้อจัดจ้าง"),            # following vowel split off
    ("เ ป็น", "เป็น"),                                  # leading vowel split off
    ("ประจ\u0e4d\u0e32ปี", "ประจำปี"),                   # sara am as nikhahit + sara aa
    ("หน่วยงานมีการก\u0e4d\u0e32หนด", "หน่วยงานมีการกำหนด"),
    ("ร ายงานผลการด าเนินงานประจ าปี", "รายงานผลการดำเนินงานประจำปี"),  # sara am lost, spaced
    ("รายงานประจาปี", "รายงานประจำปี"),                 # sara am lost, unspaced
    ("แผน\u200bปฏิบัติการ", "แผนปฏิบัติการ"),             # zero-width space
    ("ปี\u00a0๒๕๖๘", "ปี 2568"),                        # NBSP and Thai digits
])
def test_normalize_repairs_pdf_thai(broken, fixed):
    assert normalize(broken) == fixed


def test_normalize_keeps_real_words_with_sara_aa():
    # short sara-aa words are real words, not a lost sara am
    assert normalize("ทางเข้า นาข้าว") == "ทางเข้า นาข้าว"


def test_words_segment_thai():
    assert words("แผนปฏิบัติการป้องกันการทุจริต ประจำปี ๒๕๖๙")[-1] == "2569"
    assert "ทุจริต" in "".join(words("แผนปฏิบัติการป้องกันการทุจริต"))
    assert words("") == ()


def test_fold_matches_however_spaced_or_broken():
    assert fold("คู่มือ การปฏิบัติ งาน") == fold("คู่มือการปฏิบัติงาน")
    assert fold("ร ายงานผลการด าเนินงาน") == fold("รายงานผลการดำเนินงาน")


def test_title_agreement_reads_words_not_substrings():
    title = "แผนการใช้จ่ายงบประมาณประจำปี"
    assert title_agreement("แผนการใช้จ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. 2569", title) == 1.0
    assert title_agreement("ประกาศรับสมัครงาน", title) == 0.0
    assert "O23" not in "".join(content_words("O23 สรุปผลการจัดซื้อจัดจ้าง"))


def test_a_broken_pdf_title_still_names_its_item():
    m = ItemMatcher(CHECKLIST.item("O12"))
    assert m.wording("ร ายงานผลการด าเนินงานประจ าปี 2568") == "title"


def test_titles_of_other_checklists_count_as_the_items_title():
    """Every title of the item's topic, in any shipped checklist, is its wording."""
    by_code = {m.item.code: m for m in matchers_for(CHECKLIST)}
    # 2568/2569 O8 "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่" is the 2565 O13 work manual
    assert by_code["O13"].wording("คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่") == "title"
    assert by_code["O14"].wording("คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่") != "title"


# Every character pythainlp's normalize() treats specially, a few it does not, and the
# white space it collapses: the fast path must return what pythainlp returns.
_NORMALIZE_ALPHABET = ("กขคงรวอฤฦ" + "ะาำๅเแโใไ" + "ัิีึืํ็ฺุู" + "่้๊๋์๎" + "aO1 \n\t\u200b\u200c\u00a0")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_NORMALIZE_ALPHABET, max_size=12))
def test_pythainlp_normalize_fast_path_is_exact(text):
    assert pythainlp_normalize(text) == _pythainlp_normalize(text)


@pytest.mark.parametrize("text", ["โครงสร้าง", "รายงานผลการดำเนินงาน ประจำปี 2568", "O1 ITA",
                                  "แผนปฏิบัติการ"])
def test_pythainlp_normalize_skips_clean_text(text):
    # these need no repair: the fast path returns them without calling pythainlp
    assert not may_normalize(text) and pythainlp_normalize(text) == text


# The conditions may_normalize() searches for one by one, as the one pattern they were
_ONE_PATTERN = re.compile(
    f"[\u0e4d\u0e45]|\u0e40\u0e40|[{_TONES}\u0e4c][{_ABOVE_BELOW}]|[{thai_follow_vowels}][{_TONES}]|"
    f"([{_NOREPEAT}]) *\\1|[{_TONES}]{{2}}|(?:^| )[{_DANGLING}]")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_NORMALIZE_ALPHABET, max_size=12))
def test_may_normalize_is_the_one_pattern(text):
    assert may_normalize(text) == bool(_ONE_PATTERN.search(text))


# White space of every kind str.split() and the regex \s know, the invisible characters
# normalize() also collapses, and text around them
_SPACING_ALPHABET = "กา a\t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u1680\u2003\u2028\u3000" \
    "\u200b\u200c\u200d\ufeff"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_SPACING_ALPHABET, max_size=12))
def test_space_collapsing_without_the_regex_is_exact(text):
    # normalize() and fold() split at spaces with str.split() unless an invisible character
    # is there: the same parts as the regex they replaced
    assert " ".join(_spaced(text)) == _SPACES.sub(" ", text).strip()
    assert "".join(_spaced(text)) == _SPACES.sub("", text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_NORMALIZE_ALPHABET + _SPACING_ALPHABET + "\u0e50ด\u2013", max_size=14))
def test_normalize_reads_zero_width_characters_once(text):
    # normalize() takes pythainlp's steps and its spacing after remove_zw without looking for
    # zero-width spaces again (crawl45): what pythainlp_normalize and _spaced, which look,
    # give on such a text; fold() drops the one space normalize() joins its parts with
    visible = remove_zw(text)
    assert _pythainlp_normalize_visible(visible) == pythainlp_normalize(visible)
    assert _spaced_visible(visible) == _spaced(visible)
    assert fold(text) == "".join(_spaced(clean(text))).replace("\u2013", "-")
