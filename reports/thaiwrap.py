"""Wrap and shorten Thai text at word boundaries for fixed-width terminal cells.

Thai is written without spaces between words, so a terminal table that folds a cell at its
width cuts words in half ("หน่วยง|าน"). Words come from pythainlp's dictionary tokenizer
(``newmm``, offline, :mod:`checklists.thaidict`); widths are terminal cells (rich's
``cell_len``: Thai vowel and tone marks take none). The dictionary is loaded only when a text
does not fit.
"""

from __future__ import annotations

from rich.cells import cell_len

from checklists.thaidict import segment

ELLIPSIS = "…"
OPENERS = "(“‘\"'[{"


def words(text: str) -> list[str]:
    """``text`` cut into words and the spaces between them (joined back, the same text)."""
    return segment(text, keep_whitespace=True)


def _split_long(word: str, width: int) -> list[str]:
    """A word wider than a line, cut into pieces of at most ``width`` cells, never between
    a letter and its vowel or tone mark."""
    pieces, current = [], ""
    for ch in word:
        if current and cell_len(current + ch) > width and cell_len(ch) > 0:
            pieces.append(current)
            current = ""
        current += ch
    return [*pieces, current] if current else pieces


def wrap(text: str, width: int, max_lines: int = 0) -> list[str]:
    """Lines of at most ``width`` cells, broken between words; with ``max_lines``, the last
    line kept ends with ``…`` at a word boundary when text is left over."""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return [text] if text else []
    lines: list[str] = []
    current = ""
    for word in words(text):
        for piece in _split_long(word, width) if cell_len(word) > width else [word]:
            if cell_len(current + piece) <= width:
                current += piece
                continue
            opener = ""
            while current and current[-1] in OPENERS:  # never end a line on "(" or "“"
                opener, current = current[-1] + opener, current[:-1]
            if current.strip():
                lines.append(current.rstrip())
            current = (opener + piece).lstrip()
    if current.strip():
        lines.append(current.rstrip())
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and cell_len(last + ELLIPSIS) > width:
            tokens = words(last)
            last = "".join(tokens[:-1]).rstrip() if len(tokens) > 1 else last[:-1]
        lines[-1] = last + ELLIPSIS
    return lines
