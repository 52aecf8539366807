"""Memos of whole texts are bounded by their length, not their number (issue 13: 256 texts of
20,000 characters per function took 20 MB)."""

from __future__ import annotations

from checklists import thaitext
from checklists.matching import is_flipbook
from checklists.thaitext import LONG, LONG_CHARS, text_memo


def test_whole_texts_are_kept_up_to_a_number_of_characters():
    calls: list[int] = []

    @text_memo(16)
    def length(text: str) -> int:
        calls.append(len(text))
        return len(text)

    page = LONG_CHARS // 10
    texts = [f"{n:04d}" + "ก" * (page - 4) for n in range(20)]
    assert [length(t) for t in texts] == [page] * 20 and len(calls) == 20
    assert [length(t) for t in texts[-9:]] == [page] * 9 and len(calls) == 20  # still kept
    length(texts[0])  # pushed out by the last ones
    assert len(calls) == 21
    huge = "ข" * (LONG_CHARS // 4)
    assert length(huge) == length(huge) == len(huge) and len(calls) == 23  # never kept
    short = "ค" * LONG
    assert length(short) == length(short) and len(calls) == 24  # kept by number
    assert thaitext.fold("ก ข") == thaitext.fold("ก ข") == "กข"


def test_a_flipbook_is_known_by_its_host_or_its_text_without_keeping_the_text():
    assert is_flipbook("https://online.anyflip.com/abcd/efgh/mobile/")
    assert is_flipbook("http://office.example/viewer", "x The words you are searching are "
                       "inside this book")
    assert not is_flipbook("http://office.example/plan.pdf", "แผนปฏิบัติการ")



def test_short_texts_are_kept_up_to_a_number_and_found_without_a_python_call():
    calls: list[str] = []

    @text_memo(4)
    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert upper.__name__ == "upper" and upper.__wrapped__ is not upper
    assert [upper(t) for t in ("a", "b", "a", "c", "d", "b")] == ["A", "B", "A", "C", "D", "B"]
    assert calls == ["a", "b", "c", "d"]  # each made once while the memo holds four
    kept = upper.args[0]  # the memo itself: a lookup of a text kept is a dict's, in C
    assert dict(kept) == {t: t.upper() for t in "abcd"}
    assert upper("e") == "E" and dict(kept) == {"e": "E"}  # full: let go whole, then kept
    assert upper("a") == "A" and calls[-1] == "a" and len(kept) == 2  # made again, the same
