"""The flip-book and placeholder tests try their regexes only on a text holding one of the
marks every match holds (checklists/matching.py ``_FLIPBOOK_MARKS``, ``_PLACEHOLDER_MARKS``;
issue 13: the regexes, case-insensitive, were tried on every record's text): a text that
matches holds a mark, so skipping the others changes no answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.matching import (
    _FLIPBOOK_MARKS,
    _FLIPBOOK_TEXT,
    _PLACEHOLDER,
    _PLACEHOLDER_MARKS,
    is_flipbook,
    is_placeholder,
)

# the regexes' own wordings, in other cases, and what Unicode case-folding relates to letters
# (the Kelvin sign, the long s, dotted and dotless i), Thai and digits
_WORDINGS = ["The words you are searching are inside this book", "Home Explore",
             "SlideShare a Scribd company", "Download to read offline",
             "Published by กองแผนงาน, 2024-01-31", "Download Report  Transcript",
             "Transcript Slide 3", "Uploaded by somchai ", "อยู่ระหว่างดำเนินการ",
             "อยู่ระหว่างการจัดทำ", "ยังไม่มีข้อมูล", "ไม่มีภารกิจที่เกี่ยวข้อง", "ไม่พบข้อมูล",
             "coming soon", "Coming  Soon", "under construction", "UNDER CONSTRUCTION"]
_CHARS = "aEeNnKkSsſKİıiIหน้า 0123456789\n|,-"


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.lower(), text.swapcase(), text.replace("e", "E"),
            text.replace("E", "\u0435"), text.replace("e", "").replace("E", ""),
            text.replace("n", "").replace("N", ""), text.replace("s", "ſ"),
            text.replace("k", "\u212a")]


_TEXTS = st.lists(st.one_of(st.sampled_from([v for w in _WORDINGS for v in _variants(w)]),
                            st.text(alphabet=_CHARS, max_size=6)), max_size=6).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_a_text_either_regex_matches_holds_its_mark(text):
    if _FLIPBOOK_TEXT.search(text):
        assert any(mark in text for mark in _FLIPBOOK_MARKS)
    if _PLACEHOLDER.search(text):
        assert any(mark in text for mark in _PLACEHOLDER_MARKS)


@settings(max_examples=120, deadline=None)
@given(st.from_regex(_FLIPBOOK_TEXT), st.from_regex(_PLACEHOLDER))
def test_what_the_regexes_match_holds_a_mark(flipbook, placeholder):
    """Texts drawn from the regexes themselves (whatever wordings they come to hold)."""
    assert any(mark in flipbook for mark in _FLIPBOOK_MARKS)
    assert any(mark in placeholder for mark in _PLACEHOLDER_MARKS)


def test_the_wordings_are_still_found():
    assert all(is_flipbook("http://office.example/", w) for w in _WORDINGS[:8])
    assert all(is_placeholder(w) for w in _WORDINGS[8:])
    assert not is_flipbook("http://office.example/", "หน้าแรก ข่าวประชาสัมพันธ์")
    assert not is_placeholder("รายงานผลการดำเนินงาน")
