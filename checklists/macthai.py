"""Thai text whose TIS-620 bytes were read as Mac Roman, read back as Thai.

Old Thai fonts that predate Unicode put the Thai letters at their TIS-620 byte positions
(0xA1-0xFB) and declare a Latin encoding; a PDF text layer or a source file saved by a Mac
editor then reads each byte as its Mac Roman character: ``พ.ศ. ๒๕๕๑`` comes out as
``æ.». ÚııÒ``, ``วันที่`` as ``«—π∑’Ë``, ``เดือน`` as ``‡¥◊Õπ`` (issue 16: dates32 met the
first on a flip-book's report, and GitHub holds whole sources in the shape, e.g. report
headings ``"ª√–®”ß«¥ "+section+" æ.». "+year``). TIS-620's ส is byte 0xCA, Mac Roman's
no-break space, which extraction often turns into a plain space: ``«—π∑’Ë ‘Èπ ÿ¥`` is
``วันที่สิ้นสุด``.

:func:`repair_mac_thai` reads such runs back, one character for one (so a finder's spans
stay put). A run is a stretch of these Mac Roman characters, with digits, spaces and ASCII
punctuation between them and no Latin letter in it or touching it. It is read back only when
the Thai it gives is well formed: every vowel sign and tone mark on a consonant, every
following vowel after a consonant or a mark, every leading vowel before a consonant, none of
the signs Thai prose never writes (``๎ ๏ ๚ ๛ ฺ``), a consonant that is not ษ or ฅ (an
ellipsis, a bullet) with a vowel, a mark, a Thai digit or the shape ``พ.ศ.``; or Thai digits
alone. A text is repaired only when one of its runs gives at least four Thai characters;
shorter ones (``ª’`` ปี, ``æ.».`` พ.ศ., ``ÚııÒ``) are read back only beside such a run. Latin
text keeps its typography: quotes, dashes, ellipses, bullets and symbols (``“…”``,
``1990—2000``, ``• • •``, ``©™``, ``π≈3.14``, ``wait…”``) never make such Thai. Pure functions,
no imports beyond ``re``.
"""

from __future__ import annotations

import re

# Mac Roman's character for each TIS-620 byte that is a Thai character (0xA1-0xFB).
_TIS_BYTES = [b for b in range(0xA1, 0xFC) if b not in (0xDB, 0xDC, 0xDD, 0xDE)]
_MAC_TO_THAI = {bytes([b]).decode("mac_roman"): bytes([b]).decode("tis-620") for b in _TIS_BYTES}
_TABLE = str.maketrans(_MAC_TO_THAI)
_MAC = re.escape("".join(_MAC_TO_THAI))
# Between two of them: digits, spaces and ASCII punctuation (a Latin letter ends a run).
_BETWEEN = r"[0-9 .,:;/()\-'\"]"
# A run: two or more of the characters, with only _BETWEEN characters among them (a pattern
# that begins with its character class, which re skips to at C speed: a lookbehind in front
# cost a tenth of find_dates); a space right before the run is taken with it (a ส lost to a
# space before a vowel sign, see below) and a Latin letter touching it refuses it, in code.
_RUN = re.compile(rf"[{_MAC}](?:{_BETWEEN}*[{_MAC}])+")
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

_CONSONANT = "\u0e01-\u0e2e"
_MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_FOLLOWING = "\u0e30\u0e32\u0e33\u0e45"
_LEADING = "\u0e40-\u0e44"
# A space before a vowel sign, a tone mark or a following vowel: TIS-620's ส (0xCA), Mac
# Roman's no-break space, turned into a space; Thai never writes a mark after a space.
_LOST_SO_SUA = re.compile(rf" (?=[{_MARK}{_FOLLOWING}])")
_ILL_FORMED = re.compile(
    rf"(?:^|[^{_CONSONANT}{_MARK}])[{_MARK}{_FOLLOWING}]"  # a mark or vowel on nothing
    rf"|[{_LEADING}](?![{_CONSONANT}\u0e40])"  # a leading vowel before no consonant
    r"|[\u0e3a\u0e4e\u0e4f\u0e5a\u0e5b]")  # signs Thai prose never writes
_DIGITS_ONLY = re.compile("[\u0e50-\u0e59]{2,}")
_VOWEL_OR_MARK = re.compile(f"[{_MARK}{_FOLLOWING}{_LEADING}\u0e50-\u0e59]")
_ABBREVIATION = re.compile(f"[{_CONSONANT}]\\.[{_CONSONANT}]")  # พ.ศ. (a run ends before its dot)
# A consonant that no Latin typography gives: ษ is an ellipsis (…) and ฅ a bullet (•).
_PLAIN_CONSONANT = re.compile("[\u0e01-\u0e04\u0e06-\u0e28\u0e2a-\u0e2e]")
_THAI = re.compile("[\u0e01-\u0e5b]")
# Thai characters a run needs to be read back on its own; a shorter one (ปี, พ.ศ., a quote
# mark after a degree sign that reads as กำ) only where the text has such a run elsewhere.
STANDALONE = 4


def _reading(run: str) -> tuple[str, bool] | None:
    """The Thai that ``run`` (a match of _RUN) stands for and whether it is long enough to
    stand alone, or None when it is not Thai."""
    thai = _LOST_SO_SUA.sub("\u0e2a", run.translate(_TABLE))
    lead = " " if thai[0] == " " else ""  # a space before the run that was no ส
    body = thai[len(lead):]
    if _ILL_FORMED.search(body):
        return None
    if _DIGITS_ONLY.fullmatch(body):
        return lead + body, False
    if not _PLAIN_CONSONANT.search(body) or not (
            _VOWEL_OR_MARK.search(body) or _ABBREVIATION.search(body)):
        return None
    return lead + body, len(_THAI.findall(body)) >= STANDALONE


def repair_mac_thai(text: str) -> str:
    """``text`` with each run of TIS-620-read-as-Mac-Roman Thai read back (see the module
    docstring); one character for one, so positions in the text stay valid."""
    readings = []
    standalone = False
    for found in _RUN.finditer(text):
        start, end = found.span()
        if start and text[start - 1] == " " and (start == 1 or text[start - 2] not in _LATIN):
            start -= 1
        if (start and text[start - 1] in _LATIN) or (end < len(text) and text[end] in _LATIN):
            continue
        reading = _reading(text[start:end])
        if reading is not None:
            readings.append((start, end, reading[0]))
            standalone = standalone or reading[1]
    if not standalone:
        return text
    parts: list[str] = []
    last = 0
    for start, end, thai in readings:
        parts += (text[last:start], thai)
        last = end
    parts.append(text[last:])
    return "".join(parts)
