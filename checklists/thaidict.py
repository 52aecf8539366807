"""Thai word segmentation with pythainlp's own dictionary held in a compact trie.

pythainlp's ``newmm`` tokenizer reads its dictionary only through ``prefixes(text, start)``
(the words of the dictionary that begin at ``start``, shortest first).  Its default dictionary
is a pure-Python trie of the 62,106 words of ``pythainlp.corpus.thai_words()``: about 235,000
node objects, 65 MB, and 0.6 CPU-s to build in every process (issue 11).  A MARISA trie
(``marisa-trie``: a static, succinct trie in C++) holds the same words in 0.3 MB and is built
in under 0.1 s; given to ``newmm`` as its ``custom_dict`` it yields, position by position, the
same prefixes in the same order, so the segmentation is the same (tests/checklists/
test_thaidict.py compares both on every real-world sample and corpus page).

Building the trie still took about 0.1 CPU-s of every process (reading the word list and
sorting it into the trie), the same trie every time: its image is kept in the plain-data
cache (:func:`checklists.plaincache.remembered_bytes`, keyed by pythainlp's and marisa-trie's
versions and this module) and read back in well under a millisecond (issue 13: a nightly
re-audit pays every process's start-up again).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import marisa_trie
import pythainlp
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize

from checklists.plaincache import files_key, remembered_bytes


class WordDict:
    """The words of a dictionary, with what ``newmm`` asks of pythainlp's ``Trie``."""

    def __init__(self, words: Iterable[str]) -> None:
        # pythainlp's Trie strips each word, and never offers the empty word as a prefix
        kept = {word.strip() for word in words} - {""}
        self._trie = marisa_trie.Trie(kept)
        self._longest = max(map(len, kept), default=0)

    def image(self) -> bytes:
        """The dictionary as bytes (:meth:`from_image` reads it back): a JSON header line
        (the number of words and the longest one's length), then the trie's own image."""
        head = json.dumps({"words": len(self._trie), "longest": self._longest})
        return head.encode("ascii") + b"\n" + self._trie.tobytes()

    @classmethod
    def from_image(cls, data: bytes) -> WordDict:
        """The dictionary :meth:`image` wrote; ``ValueError`` for bytes that are not one."""
        head, sep, body = data.partition(b"\n")
        try:
            meta = json.loads(head)
            trie = marisa_trie.Trie().frombytes(body) if sep else None
        except Exception as exc:  # noqa: BLE001 - marisa's own errors for damaged bytes
            raise ValueError(f"not a dictionary image: {exc}") from exc
        if trie is None or not isinstance(meta, dict) or len(trie) != meta.get("words") \
                or not isinstance(meta.get("longest"), int):
            raise ValueError("not a dictionary image")
        out = cls.__new__(cls)
        out._trie, out._longest = trie, meta["longest"]
        return out

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
    """pythainlp's default word list (the dictionary ``newmm`` uses when given none), read
    back from the plain-data cache when kept there."""
    key = files_key([Path(__file__)], pythainlp.__version__, _marisa_version())
    return remembered_bytes("thaidict", key, lambda: WordDict(thai_words()).image(),
                            WordDict.from_image)


def _marisa_version() -> str:
    try:
        return version("marisa-trie")
    except PackageNotFoundError:  # pragma: no cover - installed without metadata
        return ""


def segment(text: str, keep_whitespace: bool = True) -> list[str]:
    """``text`` in words, by pythainlp's ``newmm`` with :func:`thai_dictionary`."""
    return word_tokenize(text, custom_dict=thai_dictionary(), engine="newmm",
                         keep_whitespace=keep_whitespace)
