"""Repair Thai text damaged by PDF text layers and OCR.

Repairs, in order (each is a small function, tested on its own):
0. Thai of an old font or file whose TIS-620 bytes were read as Mac Roman or Latin-1
   (``æ.». ÚııÒ``, ``¾.È. òõõñ`` for ``พ.ศ. ๒๕๕๑``) read back as Thai
   (:func:`checklists.tis620.repair_tis620`).
1. Private-Use-Area glyph variants (Windows U+F700..U+F71A, Mac U+F884..U+F89E), which old
   Thai fonts (Angsana, Cordia, TH Sarabun) map their shifted marks to, back to standard Thai.
2. Zero-width and soft-hyphen characters removed.
3. Whitespace (including line breaks) in front of a combining mark removed: a mark never
   starts a word, so such a break always comes from a broken layout.
4. Runs of three or more single Thai letters separated by spaces ("ป ร ะ ก า ศ") joined,
   with the digits and ``/ . - :`` of the same run (``ใ น ไ ต ร ม า ส 2 / 2 5 6 1``:
   :func:`checklists.letterspacing.unspaced_text`).
5. Spaces in front of a following vowel (ะ า ำ ๅ) and after a leading vowel (เ แ โ ใ ไ) removed.
6. Marks on one base put in the standard order (vowel, then nikhahit, then tone mark or
   thanthakhat) and doubled marks dropped.
7. Sara am rebuilt from nikhahit + sara aa (with a tone mark either side of the nikhahit).
8. Unicode NFC, then control characters dropped and spaces tidied (tabs and line breaks are
   kept; three or more line breaks become two).
Spaces between ordinary Thai words are left alone: Thai uses them between phrases.
"""

from __future__ import annotations

import re
import unicodedata

from checklists.letterspacing import unspaced_text
from checklists.tis620 import repair_tis620

# Windows (U+F700..U+F71A) and Mac (U+F884..U+F89E) PUA code points of shifted Thai glyphs
# (descender-less letters, marks moved left or down) -> the standard character.
_WIN_PUA = (
    "\u0e10\u0e34\u0e35\u0e36\u0e37"  # F700 tho than (no descender), F701-F704 upper vowels left
    "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"  # F705-F709 tone marks / thanthakhat low-left
    "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"  # F70A-F70E low
    "\u0e0d\u0e31\u0e4d\u0e47"  # F70F yo ying (no descender), F710-F712 left
    "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"  # F713-F717 left
    "\u0e38\u0e39\u0e3a"  # F718-F71A lower vowels, lowered
)
_MAC_PUA = (
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"  # F884-F889
    "\u0e48\u0e48\u0e48\u0e49\u0e49\u0e49\u0e4a\u0e4a\u0e4a"  # F88A-F892
    "\u0e4b\u0e4b\u0e4b\u0e4c\u0e4c\u0e4c"  # F893-F898
    "\u0e4d\u0e0d\u0e38\u0e39\u0e3a\u0e10"  # F899-F89E
)
_PUA_TO_THAI: dict[int, str] = {
    **{0xF700 + i: ch for i, ch in enumerate(_WIN_PUA)},
    **{0xF884 + i: ch for i, ch in enumerate(_MAC_PUA)},
}

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_THAI = "\u0e01-\u0e5b"
_BASE_LETTER = "\u0e01-\u0e2e\u0e30\u0e32\u0e33\u0e40-\u0e45"

_SPACE_BEFORE_MARK = re.compile(rf"(?<=[{_THAI}])\s+(?=[{_MARKS}])")
_SINGLE = rf"[{_BASE_LETTER}][{_MARKS}]*"
_SINGLE_RUN = re.compile(rf"(?<!\S){_SINGLE}(?: +{_SINGLE}){{2,}}(?!\S)")
_SPACE_BEFORE_FOLLOWING_VOWEL = re.compile(
    rf"(?<=[{_THAI}])[ \t\u00a0]+(?=[\u0e30\u0e32\u0e33\u0e45])")
_SPACE_AFTER_LEADING_VOWEL = re.compile(r"(?<=[\u0e40-\u0e44])[ \t\u00a0]+(?=[\u0e01-\u0e2e])")
_MARK_RUN = re.compile(rf"[{_MARKS}]{{2,}}")
_SARA_AM = re.compile(r"\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_TONE_AFTER_SARA_AM = re.compile(r"\u0e33([\u0e48-\u0e4b])")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u3000]+")
_TRAILING = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")


def _mark_rank(ch: str) -> int:
    """Standard position of a mark on its base: vowels first, nikhahit, then tone marks."""
    if ch == "\u0e4d":
        return 1
    if "\u0e48" <= ch <= "\u0e4c" or ch == "\u0e4e":
        return 2
    return 0


def map_pua(text: str) -> str:
    """Map Thai PUA glyph variants back to standard Thai characters."""
    return text.translate(_PUA_TO_THAI)


def remove_space_before_marks(text: str) -> str:
    """Drop whitespace (line breaks too) between a Thai character and a following mark."""
    return _SPACE_BEFORE_MARK.sub("", text)


def join_spaced_letters(text: str) -> str:
    """Join runs of >= 3 single Thai letters separated by spaces ("ก า ร" -> "การ").

    A leading "ณ" (a word on its own: "ณ วันที่") is kept apart.
    """

    def fix(match: re.Match[str]) -> str:
        tokens = match.group(0).split()
        if tokens[0] == "ณ":
            rest = tokens[1:]
            return "ณ " + ("".join(rest) if len(rest) >= 3 else " ".join(rest))
        return "".join(tokens)

    return _SINGLE_RUN.sub(fix, text)


def remove_space_around_vowels(text: str) -> str:
    """Drop spaces before a following vowel (ะ า ำ ๅ) and after a leading vowel (เ แ โ ใ ไ)."""
    text = _SPACE_BEFORE_FOLLOWING_VOWEL.sub("", text)
    return _SPACE_AFTER_LEADING_VOWEL.sub("", text)


def reorder_marks(text: str) -> str:
    """Put stacked marks in standard order (vowel, nikhahit, tone) and drop doubled marks."""

    def fix(match: re.Match[str]) -> str:
        marks = sorted(match.group(0), key=_mark_rank)
        out = [m for i, m in enumerate(marks) if i == 0 or m != marks[i - 1]]
        return "".join(out)

    return _MARK_RUN.sub(fix, text)


def compose_sara_am(text: str) -> str:
    """Nikhahit + (tone) + sara aa -> (tone) + sara am; a tone typed after sara am moves before."""
    text = _SARA_AM.sub(lambda m: m.group(1) + "\u0e33", text)
    return _TONE_AFTER_SARA_AM.sub(lambda m: m.group(1) + "\u0e33", text)


def tidy_whitespace(text: str) -> str:
    """Unify line ends, collapse runs of spaces, strip line ends, limit blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n\n")
    text = _SPACES.sub(" ", _CONTROLS.sub("", text))
    text = _TRAILING.sub("\n", text)
    text = "\n".join(line.lstrip(" ") for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def normalize_thai(text: str) -> str:
    """Repair damaged Thai (see the module docstring) and return NFC text."""
    if not text:
        return ""
    text = map_pua(repair_tis620(text)).translate(_ZERO_WIDTH)
    text = remove_space_before_marks(text)
    text = join_spaced_letters(unspaced_text(text))
    text = remove_space_around_vowels(text)
    text = reorder_marks(text)
    text = compose_sara_am(text)
    text = unicodedata.normalize("NFC", text)
    return tidy_whitespace(text)
