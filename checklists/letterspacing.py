"""Text a PDF set letter by letter, its letters joined again.

Some PDF text layers put a space after every glyph of a line set with wide letter spacing:
``ใ น ไ ต ร ม า ส 2 / 2 5 6 1`` is ``ในไตรมาส 2/2561`` (a listed company's quarterly filing,
secsearch.sec.or.th, met by the dates32 round and left out of tests/data/dates_realworld.yaml
as misread). Thai writes no spaces between the words of a phrase, so a run of single letters
one space apart is such a line, not words: at least four single characters (a Thai letter
with its marks, a digit, or one of ``/ . - :``) one space apart, three or more of them Thai
letters, with whitespace or the text's edge on each side. :func:`unspaced` joins them (a
leading ณ, a word of its own, stays apart) for the readers that need the words: the date
finder, which is told where each joined character was (:func:`unspaced`), and the documents'
text (crawler/documents/normalize.py, :func:`unspaced_text`).
Pure functions, no imports beyond ``re``.
"""

from __future__ import annotations

import re

_LETTER = "\u0e01-\u0e2e\u0e30\u0e32\u0e33\u0e40-\u0e45"  # a base letter or a spacing vowel
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_TOKEN = rf"(?:[{_LETTER}][{_MARKS}]*|[0-9\u0e50-\u0e59/.:\-])"
# Where a run may be: three spaced single characters after a space (a pattern that begins
# with a literal space, which re finds at C speed; 6 ms on 3 MB of prose), then the whole
# line is read with _RUN.
_PROBE = re.compile(rf" {_TOKEN} {_TOKEN} {_TOKEN}(?!\S)")
_RUN = re.compile(rf"(?<!\S){_TOKEN}(?: {_TOKEN}){{3,}}(?!\S)")
_THAI_LETTER = re.compile(f"[{_LETTER}]")
MIN_LETTERS = 3


def spaced_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of letter-spaced characters in ``text`` (see the module
    docstring), in order."""
    runs: list[tuple[int, int]] = []
    searched = 0  # the end of the last line read whole
    for probe in _PROBE.finditer(text):
        if probe.start() < searched:
            continue
        line_start = text.rfind("\n", 0, probe.start()) + 1
        line_end = text.find("\n", probe.end())
        searched = len(text) if line_end < 0 else line_end
        for run in _RUN.finditer(text, line_start, searched):
            if len(_THAI_LETTER.findall(run.group())) >= MIN_LETTERS:
                runs.append(run.span())
    return runs


def unspaced_text(text: str) -> str:
    """``text`` with the spaces inside its letter-spaced runs taken out: :func:`unspaced`
    without the map back, for readers that need only the words (a document's text)."""
    pieces: list[str] = []
    done = 0
    for start, end in spaced_runs(text):
        kept = 2 if text.startswith("ณ ", start) else 0  # ณ is a word on its own: kept apart
        pieces += (text[done:start + kept], text[start + kept:end].replace(" ", ""))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def unspaced(text: str) -> tuple[str, list[int] | None]:
    """``text`` with the spaces inside its letter-spaced runs taken out, and for each
    character of the result its index in ``text`` (None, and ``text`` itself, when it has no
    such run)."""
    runs = spaced_runs(text)
    if not runs:
        return text, None
    pieces: list[str] = []
    origin: list[int] = []
    done = 0
    for start, end in runs:
        pieces.append(text[done:start])
        origin.extend(range(done, start))
        if text.startswith("ณ ", start):  # ณ is a word on its own (ณ วันที่): kept apart
            pieces.append("ณ ")
            origin.extend((start, start + 1))
            start += 2
        for at in range(start, end):
            if text[at] != " ":
                pieces.append(text[at])
                origin.append(at)
        done = end
    pieces.append(text[done:])
    origin.extend(range(done, len(text) + 1))  # one past the end maps past the end too
    return "".join(pieces), origin
