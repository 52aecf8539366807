"""Thai text as it really comes, made comparable: normalisation and word segmentation.

Real item pages and link texts come out of PDFs and CMS editors in shapes that defeat plain
substring matching (issue 16, seen in the real-world corpus, tests/realworld/):

- vowels and tone marks split off by spaces: ``โครงสร ้าง``, ``ก ารจัดซื้อ``, ``เ ป็น``;
- sara am written as nikhahit + sara aa (``ประจ\u0e4d\u0e32ปี``), or lost to sara aa with a
  space (``ด าเนิน``) or without one (``ประจาปี``);
- Thai digits, zero-width characters, non-breaking spaces, doubled marks.

:func:`normalize` repairs these (pythainlp's own normalisers first, then the few repairs they
do not make); :func:`words` segments the result with pythainlp's dictionary-based ``newmm``
tokenizer (offline; its dictionary in a compact trie, :mod:`checklists.thaidict`) so that
matching works on words; :func:`fold` is the spacing-free form
used for phrase matching.  Pure functions, memoised.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial, update_wrapper
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

import ahocorasick
import pythainlp
from cachetools import LRUCache
from pythainlp import thai_above_vowels, thai_below_vowels, thai_follow_vowels, thai_lead_vowels
from pythainlp import thai_tonemarks as _TONES
from pythainlp.corpus import thai_words
from pythainlp.util import (
    remove_dangling,
    remove_repeat_vowels,
    remove_spaces_before_marks,
    remove_zw,
    thai_digit_to_arabic_digit,
)

from checklists.plaincache import files_key, remembered
from checklists.scriptregex import sub_latin
from checklists.thaidict import segment

# Characters that never begin a Thai syllable: following vowels and every combining mark.
_FOLLOWERS = "\u0e30\u0e32\u0e33\u0e45\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_LEADING_VOWELS = "\u0e40-\u0e44"  # เ แ โ ใ ไ are written before their consonant
_THAI = "\u0e01-\u0e4e"
_SPACE_BEFORE_FOLLOWER = re.compile(rf"(?<=[{_THAI}])[ \t\u00a0]+(?=[{_FOLLOWERS}])")
_SPACE_AFTER_LEADING = re.compile(rf"(?<=[{_LEADING_VOWELS}])[ \t\u00a0]+(?=[\u0e01-\u0e2e])")
_NIKHAHIT_AA = re.compile("\u0e4d\\s*\u0e32")  # "◌ํ า" as PDFs write sara am
# where the two above can match: a space before a follower, a leading vowel before a space
_MAY_SPACE_BEFORE_FOLLOWER = re.compile(rf"[ \t\u00a0][{_FOLLOWERS}]")
_MAY_SPACE_AFTER_LEADING = re.compile(rf"[{_LEADING_VOWELS}][ \t\u00a0]")
_NEWLINES = re.compile(r"[ \n]*\n[ \n]*")  # pythainlp.util.normalize's _RE_REMOVE_NEWLINES
_SPACES = re.compile(r"[\s\u00a0\u200b-\u200d\ufeff]+")
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
_NOT_WORD = re.compile(rf"^[^0-9A-Za-z{_THAI}]+$")
T = TypeVar("T")
MIN_LOST_AM = 4  # a lost-sara-am form this short ("ทา", "นา", "คา") is also a real word
# What the last three steps of pythainlp's normalize() can change (pythainlp/util/normalize.py:
# spaces before marks, remove_repeat_vowels with its reorder pairs, remove_dangling): a mark
# after a space or at the start, เเ, a tone mark or thanthakhat before an above or below vowel,
# nikhahit, a following vowel before a tone mark, lakkhangyao, a repeated vowel or sign, two
# tone marks in a row.  Most texts have none of these, and those steps' two dozen regex passes
# were a tenth of judging a large site.
_ABOVE_BELOW = thai_above_vowels + thai_below_vowels
_DANGLING = f"{_ABOVE_BELOW}{_TONES}\u0e3a\u0e4c\u0e4d\u0e4e"
_NOREPEAT = f"{thai_follow_vowels}{thai_lead_vowels}{_ABOVE_BELOW}\u0e3a\u0e4c\u0e4d\u0e4e"
# Each a search of its own that begins with a character class or a literal, which re skips
# to (one pattern of alternatives was tried branch by branch at every place of every text:
# 5 % of judging a large site; tests/checklists/test_thaitext.py checks the two agree).
# Nikhahit, lakkhangyao and a doubled sara e are found with ``in``; the three pairs of marks
# lie within one pair of classes (_MAY_PAIR), searched once before them: on the generated
# 5,245-page site none of judging's 42,241 normalised texts held any of these (overhead25).
_MAY_PAIR = re.compile(f"[{_TONES}\u0e4c{thai_follow_vowels}][{_TONES}{_ABOVE_BELOW}]")
_PAIR_MARK_VOWEL = re.compile(f"[{_TONES}\u0e4c][{_ABOVE_BELOW}]")
_PAIR_FOLLOW_TONE = re.compile(f"[{thai_follow_vowels}][{_TONES}]")
_PAIR_TONES = re.compile(f"[{_TONES}][{_TONES}]")
_REPEATED = re.compile(f"([{_NOREPEAT}]) *\\1")  # a vowel or sign repeated across spaces
_SPACE_MARK = re.compile(f" [{_DANGLING}]")


def may_normalize(text: str) -> bool:
    """Whether the last three steps of pythainlp's ``normalize`` may change ``text``: a mark
    at its start, a nikhahit, a lakkhangyao, a doubled sara e, a pair of marks
    (:data:`_MAY_PAIR`, then which), a repeated vowel or sign, or a mark after a space."""
    # each search called by name, not by a generator over the patterns: a generator's frame
    # per call was a fifth of this function's time (52,229 calls judging the crawl
    # benchmark's site, issue 13, crawl45)
    return bool(text) and (
        text[0] in _DANGLING or "\u0e4d" in text or "\u0e45" in text or "\u0e40\u0e40" in text
        or _MAY_PAIR.search(text) is not None and (
            _PAIR_MARK_VOWEL.search(text) is not None or _PAIR_FOLLOW_TONE.search(text) is not None
            or _PAIR_TONES.search(text) is not None)
        or _REPEATED.search(text) is not None or _SPACE_MARK.search(text) is not None)


def normalize(text: str) -> str:
    """Repair PDF-extracted and editor Thai: see the module docstring."""
    if not text:
        return ""
    out = remove_zw(text.replace("\u00a0", " "))
    if _THAI_DIGIT.search(out):  # translate() reads every character: only when needed
        out = thai_digit_to_arabic_digit(out)
    # each repair only where its regex can match: a cheap search (a literal, or a pattern
    # that starts with its rare character) first, the lookbehind regex only then
    if "\u0e4d" in out:
        out = _NIKHAHIT_AA.sub("\u0e33", out)
    if _MAY_SPACE_BEFORE_FOLLOWER.search(out):
        out = _SPACE_BEFORE_FOLLOWER.sub("", out)
    if _MAY_SPACE_AFTER_LEADING.search(out):
        out = _SPACE_AFTER_LEADING.sub("", out)
    out = _pythainlp_normalize_visible(out)  # mark order, doubled marks, dangling marks
    out = _restore_sara_am(out)
    return " ".join(_spaced_visible(out))


def _spaced(text: str) -> list[str]:
    """The parts of ``text`` between runs of :data:`_SPACES`: ``str.split()`` (a fifth of the
    regex's time; it splits at the same whitespace, ``Py_UNICODE_ISSPACE``), or the regex
    when the text holds one of the invisible characters it also splits at."""
    if "\u200b" in text or "\u200c" in text or "\u200d" in text or "\ufeff" in text:
        return [part for part in _SPACES.split(text) if part]
    return text.split()


def _spaced_visible(text: str) -> list[str]:
    """:func:`_spaced` of a text ``remove_zw`` has read (no zero-width space or non-joiner
    is left to look for: two of its four scans of the text, crawl45)."""
    if "\u200d" in text or "\ufeff" in text:
        return [part for part in _SPACES.split(text) if part]
    return text.split()


def pythainlp_normalize(text: str) -> str:
    """pythainlp's ``normalize`` (its steps in its order), the last three skipped when they
    would return the text unchanged (:func:`may_normalize`)."""
    return _pythainlp_normalize_visible(remove_zw(text))


def _pythainlp_normalize_visible(text: str) -> str:
    """:func:`pythainlp_normalize` of a text ``remove_zw`` has read (:func:`normalize`
    reads it first: a second pass found nothing, crawl45)."""
    text = _remove_dup_spaces(text)
    if not may_normalize(text):
        return text
    return remove_dangling(remove_repeat_vowels(remove_spaces_before_marks(text)))


def _remove_dup_spaces(text: str) -> str:
    """pythainlp's ``remove_dup_spaces``, its newline regex run only on a text with a
    newline (the regex, which begins with ``[ \\n]*``, was tried at every place of every
    text)."""
    while "  " in text:
        text = text.replace("  ", " ")
    if "\n" in text:
        text = _NEWLINES.sub("\n", text)
    return text.strip()


@lru_cache(maxsize=1)
def _lost_am_table() -> tuple[Phrases, dict[str, str]]:
    """Dictionary words with sara am whose sara-aa spelling is no word and occurs in no word:
    that spelling can only be the word with its sara am lost (``ดาเนิน`` -> ``ดำเนิน``).
    Derived from pythainlp's dictionary once and kept as plain data (:mod:`checklists.
    plaincache`, keyed by pythainlp's version and this module)."""
    key = files_key([Path(__file__)], pythainlp.__version__)
    kept: dict[str, str] = remembered("sara-am", key, _lost_am_forms)
    return Phrases(kept), kept


def _lost_am_forms() -> dict[str, str]:
    """The lost-sara-am spellings that are safe to repair, and the word each stands for."""
    words = thai_words()
    table: dict[str, str] = {}
    for word in words:
        if "\u0e33" not in word or " " in word:
            continue
        lost = word.replace("\u0e33", "\u0e32")
        if len(lost) < MIN_LOST_AM or lost in words:
            continue
        table[lost] = word
    # keep the shortest forms that are safe: a lost form inside a real word is ambiguous
    plain = _words_by_trigram(words, {lost[:3] for lost in table})
    safe = {lost: word for lost, word in table.items() if lost not in plain.get(lost[:3], "")}
    # drop forms that contain a shorter safe form (the regex needs only the short one)
    kept: dict[str, str] = {}
    for lost in sorted(safe, key=len):
        if not any(part in kept for part in _substrings(lost, MIN_LOST_AM)):
            kept[lost] = safe[lost]
    return kept


def _words_by_trigram(words: frozenset[str], trigrams: set[str]) -> dict[str, str]:
    """Words without sara am but with sara aa (where a lost form could hide), joined by
    newlines, under each of ``trigrams`` they contain: searching a lost form only among the
    words holding its first three letters keeps building the table well under a second."""
    out: dict[str, list[str]] = {}
    for word in words:
        if "\u0e33" in word or "\u0e32" not in word:
            continue
        for trigram in {word[i:i + 3] for i in range(len(word) - 2)} & trigrams:
            out.setdefault(trigram, []).append(word)
    return {trigram: "\n".join(found) for trigram, found in out.items()}


def _substrings(text: str, shortest: int) -> Iterator[str]:
    """Every substring of ``text`` at least ``shortest`` characters long."""
    return (text[i:j] for i in range(len(text)) for j in range(i + shortest, len(text) + 1))


def _restore_sara_am(text: str) -> str:
    """Each lost-sara-am form in ``text`` replaced by its word, leftmost first, in one
    Aho-Corasick pass: no form holds another (:func:`_lost_am_forms`), so at most one starts
    at a place and the forms found, in the order they end, are also in the order they start
    (what a regex alternation of the forms, longest first, replaced; 4 s of judging a large
    site's unrepeated texts)."""
    if "\u0e32" not in text:
        return text
    phrases, table = _lost_am_table()
    out: list[str] = []
    done = 0
    for start, lost in phrases.found(text):
        if start >= done:
            out += (text[done:start], table[lost])
            done = start + len(lost)
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


class Phrases:
    """Where any of a fixed set of phrases occurs in a text: an Aho-Corasick automaton
    (pyahocorasick), one pass over the text whatever the number of phrases, where a regular
    expression alternating them tries each at every place."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for phrase in phrases:
            if phrase:
                self._automaton.add_word(phrase, phrase)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def found(self, text: str) -> Iterator[tuple[int, str]]:
        """(start, phrase) of every occurrence, overlapping ones included, in the order the
        occurrences end."""
        if self._empty or not text:
            return iter(())
        return ((end - len(phrase) + 1, phrase) for end, phrase in self._automaton.iter(text))

    def present(self, text: str) -> set[str]:
        """The phrases that occur in ``text``."""
        if self._empty or not text:
            return set()
        return {phrase for _, phrase in self._automaton.iter(text)}


# Where normalize() reaches across a space (see joins_cleanly): a following vowel or mark after
# it (spaces before followers and marks are dropped, a nikhahit + sara aa is joined, a mark
# after a space is dangling, a vowel repeated across spaces is removed), or a leading vowel
# before it (spaces after a leading vowel are dropped; เ ... เ is a repeated vowel).
_JOIN_RIGHT = frozenset(ch for ch in map(chr, range(0x0E00, 0x0E80))
                        if re.fullmatch(f"[{_FOLLOWERS}]", ch))
_JOIN_LEFT = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44\u0e4d")
# What normalize() drops or turns into a space at a join: whitespace and invisible characters
_EDGE_SPACE = "".join(ch for ch in map(chr, range(0x3000)) if ch.isspace()) + \
    "\u200b\u200c\u200d\u2028\u2029\ufeff"


def edges(text: str) -> tuple[str, str]:
    """The first and last characters of ``text`` that normalize() neither drops nor turns into
    a space (``""`` when none): what decides whether it joins another text cleanly."""
    body = text.strip(_EDGE_SPACE)
    return body[:1], body[-1:]


def joins_cleanly(left_tail: str, right_head: str) -> bool:
    """Whether ``normalize(left + " " + right)`` is ``normalize(left) + " " +
    normalize(right)`` for every ``left`` ending (:func:`edges`) in ``left_tail`` and
    ``right`` beginning with ``right_head`` whose normal forms are not empty: every step of
    normalize() is local but those that read across a space, and they need a following vowel
    or a mark after it or a leading vowel before it (:data:`_JOIN_RIGHT`, :data:`_JOIN_LEFT`).
    Lets a text made of parts be normalised and segmented a part at a time (the wording
    model's text of a link: the link's words and its target's first lines)."""
    return bool(left_tail and right_head) and left_tail not in _JOIN_LEFT and \
        right_head not in _JOIN_RIGHT


SHORT = 160  # characters: link texts, titles, headings (recur across pages: kept many)
MEDIUM_KEPT = 2048  # texts up to LONG (contexts, the wording model's text of a link)
LONG = 1000  # characters: longer texts (whole pages) are memoised only briefly
LONG_CHARS = 400_000  # ... those kept add up to this many characters (a page text may be 20,000)


class CharsMemo(Generic[T]):
    """Values made from texts, kept by recency up to ``chars`` characters of texts in all; a
    text longer than an eighth of that is not kept (it would push out most others)."""

    def __init__(self, chars: int) -> None:
        self._kept: LRUCache[str, tuple[int, T]] = LRUCache(maxsize=chars,
                                                  getsizeof=itemgetter(0))
        self._longest = chars // 8

    def get(self, text: str, make: Callable[[str], T]) -> T:
        """``make(text)``, kept."""
        hit = self._kept.get(text)
        if hit is None:
            hit = (len(text) + 1, make(text))
            if len(text) <= self._longest:
                self._kept[text] = hit
        return hit[1]

    def get_many(self, texts: list[str], make: Callable[[list[str]], list[T]]) -> list[T]:
        """:meth:`get` of each of ``texts``, those not kept made together (``make``).  The
        values found kept are taken before the new ones go in: keeping those may push out
        some of them (a 20,000-page audit asked for one it had pushed out: KeyError)."""
        kept = self._kept
        found: dict[str, T] = {}
        missing: list[str] = []
        for text in dict.fromkeys(texts):
            hit = kept.get(text)
            if hit is None:
                missing.append(text)
            else:
                found[text] = hit[1]
        if missing:
            found.update(zip(missing, make(missing), strict=True))
            for text in missing:
                if len(text) <= self._longest:
                    kept[text] = (len(text) + 1, found[text])
        return [found[t] for t in texts]


def text_memo(size: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Memoise a function of one text by its length: link texts and titles in a memo of
    ``size``, longer texts in a memo of :data:`MEDIUM_KEPT`, whole page texts in a small one.

    Short texts recur on every page (menus) and cost little to keep; a link's context or
    the wording model's text of a link (its words and the target's first lines, a few hundred
    characters) recurs only for menu links, which stay in a small LRU memo because every page
    asks for them again: a memo of 16,384 such texts per function took about 200 MB on a
    20,000-page site (issue 13) for no more hits.  Whole texts are kept by their length
    (:data:`LONG_CHARS` in all): 256 documents' texts of 20,000 characters took 20 MB per
    function.  A short text kept is found without a Python call (:class:`_ShortTexts`)."""
    def wrap(func: Callable[[str], T]) -> Callable[[str], T]:
        return update_wrapper(partial(dict.__getitem__, _ShortTexts(func, size)), func)
    return wrap


class _ShortTexts(dict):
    """The memo :func:`text_memo` makes of a function, asked as a dict: a short text kept is
    a lookup in C (the Python wrapper that chose a memo by each text's length was 3-4 % of
    the samples of judging the crawl benchmark's 5,245-page site: 514,000 asks, 457,000 of
    them short texts, crawl44).  A text not kept is made by :meth:`__missing__`, which keeps
    a short one (up to ``size``; when full the memo is let go whole, its texts made again as
    they are asked: each value is a function of its text alone, so what is kept changes no
    answer) and hands a longer one to the memo of its length."""

    def __init__(self, func: Callable[[str], T], size: int) -> None:
        super().__init__()
        self._func = func
        self._size = size
        self._medium = lru_cache(maxsize=min(size, MEDIUM_KEPT))(func)
        self._long: CharsMemo[T] = CharsMemo(LONG_CHARS)

    def __missing__(self, text: str) -> T:
        n = len(text)
        if n > SHORT:
            return self._medium(text) if n <= LONG else self._long.get(text, self._func)
        value = self._func(text)
        if len(self) >= self._size:
            self.clear()
        self[text] = value
        return value


@text_memo(16384)
def clean(text: str) -> str:
    """:func:`normalize`, lower-cased (memoised)."""
    return normalize(text).lower()


# Dashes an editor or a word processor puts for a hyphen: "O10. E–Service" (an en dash, a
# police station's 2568 E-Service slot, dev s1430) is the title "E-Service"; unread, the
# title did not agree and the slot's code of another scheme (the 2565 O10, the annual plan)
# was taken (issue 16, precision30).  The checklists' titles and wordings write "-".
_DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2212"
_DASHES = str.maketrans(dict.fromkeys(_DASH_CHARS, "-"))
_DASH = re.compile(f"[{_DASH_CHARS}]")  # the test before translating: most texts have none


@text_memo(32768)
def fold(text: str) -> str:
    """The spacing-free, lower-cased normal form: Thai phrases match however they are
    spaced or broken, and a dash is a hyphen (:data:`_DASHES`)."""
    folded = clean(text).replace(" ", "")  # normalize() joins its parts by one space
    return folded.translate(_DASHES) if _DASH.search(folded) else folded


@text_memo(16384)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` (normalised, lower-cased), by pythainlp's ``newmm`` tokenizer;
    spaces and punctuation are not words."""
    norm = clean(text)
    if not norm:
        return ()
    return tuple(chain.from_iterable(map(_chunk_words, norm.split(" "))))


@lru_cache(maxsize=32768)
def _chunk_words(chunk: str) -> tuple[str, ...]:
    """The words of one space-free chunk (memoised: chunks recur across texts)."""
    out = []
    for tok in segment(chunk, keep_whitespace=False):
        tok = tok.strip()
        if tok and not _NOT_WORD.match(tok):
            out.append(tok)
    return tuple(out)


# Item codes (O1, OIT 3, MOIT 12, EB 16) name a list's slot, not what the text is about.
_CODE = re.compile(r"(?<![A-Za-z])(?:MOIT|OIT|EB|O)\s*[.\-:]?\s*\d{1,2}(?![0-9])", re.IGNORECASE)
# Words that every item title shares; they tell no item from another.
FILLER = frozenset({"การ", "และ", "หรือ", "ของ", "ใน", "ประจำปี", "ปี", "ประจำ", "ที่", "เพื่อ",
                    "ต่าง", "ๆ", "ให้", "ตาม", "ด้าน", "หน่วยงาน", "ข้อมูล", "รอบ", "เดือน",
                    "งบประมาณ", "ปีงบประมาณ", "พ.ศ.", "ภายใน", "เกี่ยวกับ", "จาก", "กับ",
                    "โดย", "ไป", "สู่", "ความ", "มี", "เป็น", "แห่ง", "ประจำปีงบประมาณ"})


@text_memo(16384)
def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that name something: no codes, numbers or filler words."""
    return frozenset(w for w in words(sub_latin(_CODE, " ", text or "")) if w not in FILLER
                     and not w.isdigit() and len(w) > 1)


def title_agreement(text: str, title: str) -> float:
    """How much of ``title`` the text carries: 1.0 when it holds the whole title (however
    spaced or broken), else the share of the title's naming words it has."""
    if not text or not title:
        return 0.0
    if fold(title) in fold(text):
        return 1.0
    want = content_words(title)
    if not want:
        return 0.0
    return len(want & content_words(text)) / len(want)


class ContentPart(NamedTuple):
    """What :func:`content_words` reads in one part of a text, and what decides whether the
    parts' words are the whole text's (:func:`joined_content_words`): plain data."""

    code_head: bool  # it begins with what may complete a code at the end of the text before
    edges: tuple[str, str]  # edges() of the text with its codes taken out
    words: frozenset[str] | None  # its content words; None when it has no normal form


def content_part(text: str) -> ContentPart:
    """The :class:`ContentPart` of ``text``."""
    head = edges(text)[0]
    bare = sub_latin(_CODE, " ", text)
    return ContentPart(head.isdecimal() or head in ".-:", edges(bare),
                       content_words(text) if clean(bare) else None)


def joined_content_words(left: ContentPart, right: ContentPart) -> frozenset[str] | None:
    """``content_words(left_text + " " + right_text)`` from the parts, or None when their join
    is not clean (a code or normalisation reaches across the space, or a part has no words
    to read: :func:`joins_cleanly`)."""
    if right.code_head or left.words is None or right.words is None or \
            not joins_cleanly(left.edges[1], right.edges[0]):
        return None
    return left.words | right.words
