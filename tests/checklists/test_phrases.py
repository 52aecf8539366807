"""Aho-Corasick phrase search (``thaitext.Phrases``) gives what the regular expressions it
replaced gave: the sara-am repair, the matcher index's words and the target keyword bonus
(issue 13: the regexes tried every phrase at every place of every text)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.matching import SCORE_CONTENT, ItemMatcher, MatcherIndex, fold
from checklists.thaitext import Phrases, _lost_am_table, _restore_sara_am
from tests.checklists.test_matching import CHECKLIST
from tests.realworld.split import dev_files

_TABLE = _lost_am_table()[1]
_LOST = sorted(_TABLE)


_FORMS = re.compile("|".join(map(re.escape, sorted(_TABLE, key=len, reverse=True))))


def _regex_restore(text: str) -> str:
    """The repair as the regex alternation (longest form first) made it, chunk by chunk."""
    pattern = _FORMS
    return re.sub("(?<![^ ])[^ ]*\u0e32[^ ]*",
                  lambda chunk: pattern.sub(lambda m: _TABLE[m.group(0)], chunk.group(0)), text)


def _real_texts(limit: int = 200) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in dev_files()[:limit]]


def test_no_lost_form_holds_another():
    # what makes the forms found, in the order they end, the regex's leftmost matches
    assert _LOST and not any(a != b and a in b for a in _LOST for b in _LOST if len(a) <= len(b))


_PIECES = st.one_of(st.sampled_from(_LOST), st.text(alphabet="กขคงดนราะำเ่้ ", max_size=4))


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12))
def test_sara_am_repair_is_the_regexs(pieces):
    text = "".join(pieces)
    assert _restore_sara_am(text) == _regex_restore(text)


def test_sara_am_repair_is_the_regexs_on_real_pages():
    texts = _real_texts()
    assert sum(_restore_sara_am(t) != t for t in texts) > 0  # the repair has work here
    for text in texts:
        assert _restore_sara_am(text) == _regex_restore(text)


def test_phrases_found_overlapping_in_the_order_they_end():
    phrases = Phrases(["ab", "bc", "abc", ""])
    assert list(phrases.found("abcab")) == [(0, "ab"), (0, "abc"), (1, "bc"), (3, "ab")]
    assert phrases.present("xbcx") == {"bc"}
    assert Phrases([]).present("abc") == set() and list(Phrases([""]).found("a")) == []


def _regex_items(index: MatcherIndex, text: str) -> set[str]:
    """The items the index's words name in ``text`` as the lookahead regex found them."""
    words = sorted(index.word_items, key=len, reverse=True)
    pattern = re.compile("(?=(" + "|".join(map(re.escape, words)) + "))")
    return {m.item.code for w in pattern.findall(fold(text)) for m in index.word_items[w]}


def test_the_matcher_index_finds_the_regexs_items():
    index = MatcherIndex([ItemMatcher(i) for i in CHECKLIST.items])
    lines = [line for t in _real_texts(120) for line in t.splitlines() if line.strip()][:3000]
    named = 0
    for line in lines:
        found = {m.item.code for w in index.phrases.present(fold(line))
                 for m in index.word_items[w]}
        assert found == _regex_items(index, line)
        named += bool(found)
    assert named > 50


def test_the_keyword_bonus_is_the_per_item_search():
    matchers = [ItemMatcher(i) for i in CHECKLIST.items]
    index = MatcherIndex(matchers)
    bonuses = 0
    for text in _real_texts(150):
        present = index.keywords_in(text)
        folded = fold(text[:20000])
        for m in matchers:
            old = SCORE_CONTENT if m.keywords and any(k in folded for k in m.keywords) else 0.0
            assert m.keyword_score(present) == old
            if not m.reads_keywords:  # gathering does not search the text for it
                assert m.keyword_score(frozenset()) == old
            bonuses += bool(old)
    assert bonuses > 10


def _old_normalize(text: str) -> str:
    """normalize() before its cheap pre-checks: every repair's regex on every text."""
    from pythainlp.util import remove_dup_spaces, remove_zw, thai_digit_to_arabic_digit

    from checklists import thaitext as t

    if not text:
        return ""
    out = thai_digit_to_arabic_digit(remove_zw(text.replace("\u00a0", " ")))
    out = t._NIKHAHIT_AA.sub("\u0e33", out)
    out = t._SPACE_BEFORE_FOLLOWER.sub("", out)
    out = t._SPACE_AFTER_LEADING.sub("", out)
    out = remove_dup_spaces(remove_zw(out))
    if t.may_normalize(out):
        out = t.remove_dangling(t.remove_repeat_vowels(t.remove_spaces_before_marks(out)))
    return t._SPACES.sub(" ", _regex_restore(out)).strip()


_ALPHABET = ("กขคงดนรวอ" + "ะาำๅเแโใไ" + "ัิีึืํ็ฺุู" + "่้๊๋์" + "๑0" +
             " \n\t\u200b\u00a0")


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=16))
def test_normalize_with_its_pre_checks_is_the_old_normalize(text):
    from checklists.thaitext import normalize

    assert normalize(text) == _old_normalize(text)


def test_normalize_is_the_old_normalize_on_real_pages():
    from checklists.thaitext import normalize

    for text in _real_texts(300):
        for part in (text, text[:300], *text.splitlines()[:20]):
            assert normalize(part) == _old_normalize(part)
