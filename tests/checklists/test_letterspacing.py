"""Letter-spaced PDF lines joined again (issue 16, part 3): checklists/letterspacing.py, the
date finder and the documents' normalisation."""

from __future__ import annotations

import pytest

from checklists.letterspacing import spaced_runs, unspaced, unspaced_text
from checklists.thaidates import find_dates
from crawler.documents import normalize_thai

# A listed company's quarterly filing (secsearch.sec.or.th, dates32's left-out dev snippet):
# every glyph of the line one space apart.
FILING = "ใ น ไ ต ร ม า ส 2 / 2 5 6 1"


def test_a_spaced_line_is_joined_and_mapped_back() -> None:
    text = f"รายได้ {FILING} เพิ่มขึ้น"
    joined, origin = unspaced(text)
    assert joined == "รายได้ ในไตรมาส2/2561 เพิ่มขึ้น"
    assert origin is not None and len(origin) == len(joined) + 1
    assert all(text[origin[i]] == ch for i, ch in enumerate(joined))


@pytest.mark.parametrize("text", [
    "หน้า: 1 2 3 4 [5] 6 7 8 9 10",  # a pager (dev s1439): digits alone
    "ก ข", "ณ วันที่ 3 1", "ไตรมาส 2 / 2561", "ITA 2 5 6 6",
])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert spaced_runs(text) == []
    assert unspaced(text) == (text, None)
    assert unspaced_text(text) == text


@pytest.mark.parametrize("text", [
    f"รายได้ {FILING} เพิ่มขึ้น", "ณ ว ั น ท ี่ 1 5 ม ก ร า ค ม 2 5 6 7",
    f"{FILING}\nบรรทัด ป ร ะ จ ำ ปี 2 5 6 7 และ {FILING}",
])
def test_the_text_alone_is_the_mapped_texts(text: str) -> None:
    assert unspaced_text(text) == unspaced(text)[0] != text


def test_dates_in_a_spaced_line_are_read_with_spans_in_the_callers_text() -> None:
    text = f"รายได้ {FILING} เพิ่มขึ้น"
    (found,) = find_dates(text)
    assert (found.text, found.kind) == ("ไ ต ร ม า ส 2 / 2 5 6 1", "quarter")
    assert text[found.span[0]:found.span[1]] == found.text
    (year,) = find_dates("ป ร ะ จ ำ ปี ง บ ป ร ะ ม า ณ 2 5 6 7")
    assert (year.kind, year.start.isoformat(), year.end.isoformat()) == \
        ("fiscal_year", "2023-10-01", "2024-09-30")


def test_documents_join_the_digits_with_the_letters() -> None:
    assert normalize_thai(FILING) == "ในไตรมาส2/2561"
    assert normalize_thai("ณ ว ั น ท ี่ 1 5 ม ก ร า ค ม 2 5 6 7") == "ณ วันที่15มกราคม2567"
