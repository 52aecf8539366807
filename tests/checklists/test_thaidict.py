"""The compact Thai dictionary segments exactly as pythainlp's own trie (issue 11).

Compared on every dev real-world sample (tests/realworld/samples; test excerpts stay out of
the suite, whose failures print their text) and the text of every corpus page
(tests/sites/corpus), raw (as the terminal wrapping reads it) and normalised (as matching
reads it), and on generated strings of dictionary words and stray letters.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie

from checklists.plaincache import CACHE_ENV
from checklists.thaidict import WordDict, segment, thai_dictionary
from checklists.thaitext import clean
from tests.realworld.split import dev_files

TESTS = Path(__file__).resolve().parents[1]
WORDS = sorted(thai_words())


def _texts() -> list[str]:
    out = [p.read_text(encoding="utf-8")
           for p in dev_files()]
    for page in sorted((TESTS / "sites" / "corpus").rglob("*")):
        if page.is_file() and page.suffix in (".html", ".htm", ".php", ""):
            try:
                out.append(html.fromstring(page.read_bytes()).text_content())
            except (ValueError, SyntaxError):  # not HTML (a stray data file)
                continue
    return [text for text in out if text.strip()]


@pytest.fixture(scope="module")
def pythainlp_trie() -> Trie:
    """pythainlp's default dictionary as ``newmm`` builds it (``word_dict_trie``), built
    here so that it is freed after this module."""
    return Trie(thai_words())


def _default(text: str, trie: Trie, keep_whitespace: bool = True) -> list[str]:
    return word_tokenize(text, custom_dict=trie, engine="newmm",
                         keep_whitespace=keep_whitespace)


def test_same_words_as_pythainlp(pythainlp_trie: Trie) -> None:
    mine = thai_dictionary()
    assert len(mine) == len(pythainlp_trie)
    assert set(mine) == set(pythainlp_trie)


def test_dictionary_read_back_from_its_image_is_the_same(tmp_path: Path, monkeypatch) -> None:
    """The dictionary kept in the plain-data cache (its trie's image) reads back with the
    same words, the same longest word and the same prefixes as one built from the word list;
    a damaged image is built again."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    built = WordDict(thai_words())
    thai_dictionary.cache_clear()
    try:
        first = thai_dictionary()  # built and kept
        (kept,) = (tmp_path / "cache").glob("thaidict-*.bin")
        thai_dictionary.cache_clear()
        again = thai_dictionary()  # read back
        kept.write_bytes(kept.read_bytes()[:1000])
        thai_dictionary.cache_clear()
        repaired = thai_dictionary()
    finally:
        thai_dictionary.cache_clear()
    for mine in (first, again, repaired):
        assert list(mine) == list(built) and mine._longest == built._longest
        for text in ("การเงินการคลัง", "ประกาศรายงานผลการดำเนินงาน", "กขค"):
            for start in range(len(text)):
                assert mine.prefixes(text, start) == built.prefixes(text, start)
    with pytest.raises(ValueError):
        WordDict.from_image(b"not an image")
    with pytest.raises(ValueError):
        WordDict.from_image(built.image()[:-10])


def test_same_segmentation_on_real_pages(pythainlp_trie: Trie) -> None:
    texts = _texts()
    assert len(texts) > 1000 and sum(map(len, texts)) > 500_000
    for text in texts:
        assert segment(text) == _default(text, pythainlp_trie)


def test_same_segmentation_on_normalised_samples(pythainlp_trie: Trie) -> None:
    """As matching reads them: normalised, whitespace dropped."""
    for sample in dev_files():
        norm = clean(sample.read_text(encoding="utf-8"))
        assert segment(norm, keep_whitespace=False) == _default(norm, pythainlp_trie, False)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet="กขคงจฉชซาิีึืุูเแโใไ่้๊๋ำะั็์ ",
                                                          max_size=4)), max_size=12))
def test_same_segmentation_on_word_salads(pythainlp_trie: Trie, pieces: list[str]) -> None:
    text = "".join(pieces)
    assert segment(text) == _default(text, pythainlp_trie)


def test_prefixes_shortest_first_and_only_from_start() -> None:
    words = WordDict(["ประ", " ประจำ ", "ประจำปี", "ปี", ""])
    assert words.prefixes("ประจำปีงบ") == ["ประ", "ประจำ", "ประจำปี"]
    assert words.prefixes("ประจำปีงบ", 5) == ["ปี"]
    assert words.prefixes("งบ") == [] and "" not in words and "ประจำ" in words
