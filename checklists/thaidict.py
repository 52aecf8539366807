"""Thai word segmentation with pythainlp's own dictionary held in a compact trie.

pythainlp's ``newmm`` tokenizer reads its dictionary only through ``prefixes(text, start)``
(the words of the dictionary that begin at ``start``, shortest first).  Its default dictionary
is a pure-Python trie of the 62,106 words of ``pythainlp.corpus.thai_words()``: about 235,000
node objects, 65 MB, and 0.6 CPU-s to build in every process (issue 11).  A MARISA trie
(``marisa-trie``: a static, succinct trie in C++) holds the same words in 0.3 MB and is built
in under 0.1 s; given to ``newmm`` as its ``custom_dict`` it yields, position by position, the
same prefixes in the same order, so the segmentation is the same (tests/checklists/
test_thaidict.py compares both on every real-world sample and corpus page).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import marisa_trie
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize


class WordDict:
    """The words of a dictionary, with what ``newmm`` asks of pythainlp's ``Trie``."""

    def __init__(self, words: Iterable[str]) -> None:
        # pythainlp's Trie strips each word, and never offers the empty word as a prefix
        kept = {word.strip() for word in words} - {""}
        self._trie = marisa_trie.Trie(kept)
        self._longest = max(map(len, kept), default=0)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words that ``text`` has at ``start``, shortest first (as ``Trie.prefixes``)."""
        return self._trie.prefixes(text[start:start + self._longest])

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._trie

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())

    def __len__(self) -> int:
        return len(self._trie)


@cache
def thai_dictionary() -> WordDict:
    """pythainlp's default word list (the dictionary ``newmm`` uses when given none)."""
    return WordDict(thai_words())


def segment(text: str, keep_whitespace: bool = True) -> list[str]:
    """``text`` in words, by pythainlp's ``newmm`` with :func:`thai_dictionary`."""
    return word_tokenize(text, custom_dict=thai_dictionary(), engine="newmm",
                         keep_whitespace=keep_whitespace)
