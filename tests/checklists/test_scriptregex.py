"""checklists/scriptregex.py: a pattern searched as its Thai alternatives and, in a text with a
Latin letter, its Latin ones, finds a match exactly when the one pattern does (issue 13)."""

from __future__ import annotations

import re
import sys

import pytest

from checklists import ownevent, pagekinds, textmodel, thaitext
from checklists.scriptregex import LATIN, ByScript, sub_latin
from tests.realworld.sites import build_sites, snapshot_of
from tests.realworld.split import load_samples

SPLIT = [
    pagekinds._ENCYCLOPEDIA_TEXT,
    pagekinds._RESEARCH_TEXT,
    pagekinds._OUTLET_MARKS,
    pagekinds._EXPLAINER_TITLE,
    pagekinds._COMPANY_TEXT,
    pagekinds._PRESS_HEADLINE,
    ownevent._THEME,
]


def test_latin_holds_every_character_an_ascii_letter_matches_ignoring_case() -> None:
    letters = re.compile("[a-z]|" + "|".join("abcdefghijklmnopqrstuvwxyz"), re.IGNORECASE)
    found = "".join(
        ch
        for ch in map(chr, range(sys.maxunicode + 1))
        if not 0xD800 <= ord(ch) <= 0xDFFF and letters.fullmatch(ch)
    )
    assert all(LATIN.fullmatch(ch) for ch in found)
    assert {ch for ch in found if not ch.isascii()} == {"\u0130", "\u0131", "\u017f", "\u212a"}


# each alternative of each pattern, and near misses, in Thai and English texts
TEXTS = [
    "จากวิกิพีเดีย สารานุกรมเสรี",
    "From Wikipedia, the free encyclopedia",
    "FROM WIKIPEDIA",
    "บทคัดย่อ การวิจัยครั้งนี้มีวัตถุประสงค์",
    "วัตถุประสงค์ของการวิจัย",
    "Abstract: a study",
    "Abstracts",
    "ISSN 1234-5678",
    "ıssn 1234",
    "เผยแพร่: 12 ม.ค. โดย: MGR Online",
    "โดย: ทีมข่าวอาชญากรรม",
    "มีผู้อ่านข่าวนี้แล้ว 598 ครั้ง",
    "ที่มา : หนังสือพิมพ์ไทยรัฐ",
    "date 2025-12-02",
    "ข่าว\n  DATE 2025-12-02",
    "การเมือง 20 ก.ย. 65 06:17",
    "ในประเทศ | 30 มกราคม 2557 15:22",
    "Bangkok – The ministry said",
    "the governor told reporters",
    "it was reported that",
    "Bangkoks",
    "ความหมายของ ITA",
    "  What is ITA?",
    "เทศบาลเมืองคืออะไร",
    "หมายถึงอะไร",
    "The company uses the STARS Plan",
    "Thaioil Group has encountered",
    "Thaioil Group's aims",
    "บริษัทฯ และบริษัทในเครือ",
    "ผู้ถือหุ้น",
    "Shareholders meeting",
    "ſhareholder",
    "ป.ป.ช. เผยสถิติร้องเรียน",
    "เปิดเผยข้อมูล",
    "เผยแพร่ข่าว",
    "คำแถลงนโยบาย",
    "สตช.แถลงสถิติ",
    "Thailand reaffirms witness protection",
    "Interior Ministry ranks top for complaints",
    "unveils a new system",
    "ประกาศเจตนารมณ์ต่อต้านการทุจริต",
    "No Gift Policy",
    "anti-corruption day",
    "Anticorruption",
    "INTEGRITY",
    "ınteGrıty",
    "โครงสร้างองค์กร",
    "O12 รายงานผล",
    "OIT 3 แผน",
    "ข้อ o.1",
    "MOIT 12",
    "eb 16",
    "ตัวชี้วัด O 23.1",
    "ıt 2",
    "Ο1 (Greek)",
    "",
]
CODE_PATTERNS = [thaitext._CODE, textmodel._CODES]  # every match holds a Latin letter


@pytest.mark.parametrize("pattern", SPLIT, ids=lambda p: p.thai[:12])
def test_split_patterns_find_what_the_whole_pattern_finds(pattern: ByScript) -> None:
    whole = pattern.whole()
    for text in TEXTS:
        assert pattern.search(text) == (whole.search(text) is not None), text
    assert any(pattern.search(text) for text in TEXTS)  # the texts hold its matches too


def test_split_patterns_agree_with_the_whole_on_every_dev_page() -> None:
    samples = [s for s in load_samples() if s.split == "dev"]
    texts = set()
    for site in build_sites(samples, "dev"):
        for rec in snapshot_of(site).records:
            texts.update((rec.title, f"{rec.title} {rec.text}", f"{rec.title}\n{rec.text}"[:400]))
    assert len(texts) > 1000
    for pattern in SPLIT:
        whole = pattern.whole()
        assert [pattern.search(t) for t in texts] == [whole.search(t) is not None for t in texts]


@pytest.mark.parametrize("pattern", CODE_PATTERNS, ids=["thaitext", "textmodel"])
def test_codes_taken_out_only_where_a_latin_letter_is(pattern: re.Pattern[str]) -> None:
    samples = [s for s in load_samples() if s.split == "dev"]
    texts = set(TEXTS)
    for site in build_sites(samples, "dev"):
        for rec in snapshot_of(site).records:
            texts.update((rec.title, rec.text, thaitext.clean(rec.title)))
    for text in texts:
        assert sub_latin(pattern, " ", text) == pattern.sub(" ", text), text
    assert any(pattern.search(text) for text in TEXTS)
