"""Thai whose TIS-620 bytes were read in a Latin code page, read back as Thai.

Old Thai fonts and files that predate Unicode keep the Thai letters at their TIS-620 byte
positions (0xA1-0xFB); a reader that takes those bytes for a Latin code page shows each as that
page's character. Three pages are met in real text:

- Mac Roman: a PDF text layer of an old font, a source file saved by a Mac editor: ``พ.ศ.
  ๒๕๕๑`` comes out as ``æ.». ÚııÒ`` (dates32 met it on a flip-book's report), ``วันที่`` as
  ``«—π∑’Ë``, ``เดือน`` as ``‡¥◊Õπ`` (GitHub sources hold whole files so: report headings
  ``"ª√–®”ß«¥ "+section+" æ.». "+year``, month-name tables). TIS-620's ส is 0xCA, Mac Roman's
  no-break space, which often becomes a plain space: ``«—π∑’Ë ‘Èπ ÿ¥`` is ``วันที่สิ้นสุด``.
- Windows-1252 / Latin-1: ``¤ÓÊÑè§ ¹Ã ·Õè 313/2562 Å§ÇÑ¹·Õè 28 µØÅÒ¤Á 2562`` is ``คำสั่ง นร ที่
  313/2562 ลงวันที่ 28 ตุลาคม 2562`` (a C# migration's seed data on GitHub); the same report
  headings saved on Windows read ``"»ÃÐ¨Ó§Ç´ "+section+" ¾.È. "+year``.
- Mac Central European (x-mac-ce): ``ŗ√‘ŤŃĻ—ļ 13 / °.§. / 2554`` is ``เริ่มนับ 13 / ก.ค. / 2554``
  and ``Ľ‘īňĻť“ĶŤ“ßĻ’ť`` is ``ปิดหน้าต่างนี้`` (a district non-formal-education office's CMS page,
  nfemp.com, as the `pages` search corpus stores it: tests/data/dates_realworld.yaml dev). It
  shares Mac Roman's no-break space at 0xCA (TIS-620's ส) and its punctuation; its letters for
  the Thai bytes are accented Latin ones (``Ń Ļ ŗ``): Central European words write them beside
  ASCII letters, or in runs that read as no well-formed Thai (``Łódź``, ``żółć``, ``ůň``).

:func:`repair_tis620` reads such runs back, one character for one (so a finder's spans stay
put). A run is a stretch of one page's characters for the Thai bytes, with digits, spaces and
ASCII punctuation between them and no Latin letter in it or touching it (so ``café``, ``Öl``,
``naïve`` never start one). It is read back only when the Thai it gives is well formed: every
vowel sign and tone mark on a consonant, every following vowel after a consonant or a mark,
every leading vowel before a consonant, none of the signs Thai prose never writes (``๎ ๏ ๚ ๛
ฺ``), and a consonant that no Latin typography gives (not the ellipsis's ษ or the bullet's ฅ)
with a vowel, a mark, a Thai digit or the shape ``พ.ศ.``. A text is repaired only when one of
its runs gives at least four Thai characters; shorter runs (``ª’`` ปี, ``æ.».`` พ.ศ.,
``ÚııÒ``, a bare abbreviation ``¹Ã`` นร) are read back only beside such a run. Latin text keeps
its typography: quotes, dashes, ellipses, bullets, symbols and accented letters (``“…”``,
``1990—2000``, ``• • •``, ``©™``, ``π≈3.14``, ``wait…”``, ``« Bonjour »``, ``à · ½``) never make
such Thai. Pure functions, no imports beyond ``re``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# TIS-620's Thai bytes (0xDB-0xDE are unassigned).
_TIS_BYTES = [b for b in range(0xA1, 0xFC) if b not in (0xDB, 0xDC, 0xDD, 0xDE)]
# Between two characters of a run: digits, spaces and ASCII punctuation.
_BETWEEN = r"[0-9 .,:;/()\-'\"]"
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

_CONSONANT = "\u0e01-\u0e2e"
_MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_FOLLOWING = "\u0e30\u0e32\u0e33\u0e45"
_LEADING = "\u0e40-\u0e44"
# Mac Roman only: a space before a vowel sign, a tone mark or a following vowel is TIS-620's
# ส (0xCA, Mac Roman's no-break space) turned into a space; Thai never writes a mark after one.
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
_PLAIN_CONSONANTS_ONLY = re.compile("[\u0e01-\u0e04\u0e06-\u0e28\u0e2a-\u0e2e]{2,3}")
_THAI = re.compile("[\u0e01-\u0e5b]")
_WORD = re.compile("[\u0e01-\u0e5b]{3}")
# Thai characters a run needs to be read back on its own (see the module docstring).
STANDALONE = 4


@dataclass(frozen=True)
class _Page:
    """A Latin code page that TIS-620 bytes are read in: its characters for the Thai bytes
    and the pattern of a run of them (one that begins with its character class, which re
    skips to at C speed: a lookbehind in front cost a tenth of find_dates)."""

    table: dict[int, str]
    run: re.Pattern[str]
    lost_so_sua: bool


def _page(codec: str, lost_so_sua: bool) -> _Page:
    chars = {bytes([b]).decode(codec): bytes([b]).decode("tis-620") for b in _TIS_BYTES}
    klass = re.escape("".join(chars))
    return _Page(str.maketrans(chars), re.compile(rf"[{klass}](?:{_BETWEEN}*[{klass}])+"),
                 lost_so_sua)


_PAGES = (_page("mac_roman", True), _page("latin-1", False), _page("mac_latin2", True))
# Two characters of any page near each other: most texts have none, and one search for
# them costs half of the two pages' own (2.5 ms and 5 ms on 3 MB of prose)
_ANY = "".join(sorted({chr(c) for page in _PAGES for c in page.table}))
_MAY_HAVE_RUN = re.compile(rf"[{re.escape(_ANY)}]{_BETWEEN}*[{re.escape(_ANY)}]")


def _reading(run: str, page: _Page) -> tuple[str, bool] | None:
    """The Thai that ``run`` stands for and whether it may stand alone, or None when it is
    not Thai."""
    thai = run.translate(page.table)
    if page.lost_so_sua:
        thai = _LOST_SO_SUA.sub("\u0e2a", thai)
    lead = " " if thai[0] == " " else ""  # a space before the run that was no ส
    body = thai[len(lead):]
    if _ILL_FORMED.search(body):
        return None
    if _DIGITS_ONLY.fullmatch(body) or _PLAIN_CONSONANTS_ONLY.fullmatch(body):
        return lead + body, False  # `ÚııÒ`, `¹Ã` (นร): only beside a longer run
    if not _PLAIN_CONSONANT.search(body) or not (
            _VOWEL_OR_MARK.search(body) or _ABBREVIATION.search(body)):
        return None
    # a word of its own: Thai writes a word's letters together, and no Latin text has three
    # such characters in a row that read as Thai (`Ø Æ ß ÿ` read in Mac Roman is `ฏ ฎ ง ุ`)
    alone = len(_THAI.findall(body)) >= STANDALONE and \
        _WORD.search(run.translate(page.table)) is not None
    return lead + body, alone


def _readings(text: str, page: _Page) -> tuple[list[tuple[int, int, str]], int]:
    """The runs of ``text`` read back in ``page`` and how many characters they cover (0 when
    none may stand alone)."""
    readings = []
    standalone = False
    for found in page.run.finditer(text):
        start, end = found.span()
        if page.lost_so_sua and start and text[start - 1] == " " and (
                start == 1 or text[start - 2] not in _LATIN):
            start -= 1  # the space may be a ส (see _LOST_SO_SUA)
        if (start and text[start - 1] in _LATIN) or (end < len(text) and text[end] in _LATIN):
            continue
        reading = _reading(text[start:end], page)
        if reading is not None:
            readings.append((start, end, reading[0]))
            standalone = standalone or reading[1]
    return readings, sum(end - start for start, end, _ in readings) if standalone else 0


def repair_tis620(text: str) -> str:
    """``text`` with its runs of TIS-620 Thai read in Mac Roman, Latin-1 or Mac Central
    European read back, in the page that reads more of it (see the module docstring); one character for one, so
    positions in the text stay valid."""
    if _MAY_HAVE_RUN.search(text) is None:
        return text
    best, covered = [], 0
    for page in _PAGES:
        readings, count = _readings(text, page)
        if count > covered:
            best, covered = readings, count
    if not covered:
        return text
    parts: list[str] = []
    last = 0
    for start, end, thai in best:
        parts += (text[last:start], thai)
        last = end
    parts.append(text[last:])
    return "".join(parts)
