"""Recognise an item's evidence in what a person reads: codes, titles, other wordings, URLs.

Pure functions over strings, compiled once per checklist item.  Scores are additive and
documented here so that a match can be explained: a code in the link text is the strongest
sign, then the checklist title, then another wording, then words in the URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checklists.model import Item

SCORE_CODE_IN_TEXT = 4.0
SCORE_CODE_IN_CONTEXT = 3.0
SCORE_TITLE = 3.0
SCORE_ALTERNATE = 2.0
SCORE_IN_CONTEXT = 1.0
SCORE_URL_WORD = 0.5
SCORE_CONTENT = 0.5
THRESHOLD = 1.5

_SPACES = re.compile(r"[\s\u200b]+")
_CODE_FORM = re.compile(r"^([A-Za-z]*)\s*([0-9]+)$")


def fold(text: str) -> str:
    """Lower-case and drop spaces: Thai phrases match however they are spaced."""
    return _SPACES.sub("", text).lower()


def code_pattern(code: str) -> re.Pattern[str]:
    """A regex for an item code as sites write it: O1, O.1, o1, O 1, OIT1, O01, ข้อ O1."""
    m = _CODE_FORM.match(code.strip())
    if not m:
        return re.compile(re.escape(code), re.IGNORECASE)
    prefix, number = m.group(1), int(m.group(2))
    prefixes = [re.escape(prefix)]
    if prefix.upper() == "O":
        prefixes.append("OIT")  # "OIT1 โครงสร้าง" (ita-oit.md, "How sites publish them")
    head = f"(?<![A-Za-z])(?:{'|'.join(prefixes)})" if prefix else r"(?<![0-9.])"
    return re.compile(rf"{head}\s*[.\-:]?\s*0*{number}(?![0-9])", re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    """How well a link or page matches an item."""

    score: float
    matched_by: str  # 'code' | 'title' | 'alternate wording' | 'content'


class ItemMatcher:
    """Scores texts against one item's ``find`` spec."""

    def __init__(self, item: Item) -> None:
        self.item = item
        self.codes = [code_pattern(c) for c in item.find.codes]
        self.title = fold(item.title_th)
        self.alternates = [fold(t) for t in item.find.link_texts if fold(t) != self.title]
        self.url_words = [w.lower() for w in item.find.url_words]
        self.keywords = [fold(k) for k in item.find.keywords]
        self.exclude = [fold(x) for x in item.find.exclude]

    def has_code(self, text: str) -> bool:
        return any(p.search(text) for p in self.codes)

    def wording(self, text: str) -> str:
        """'title', 'alternate wording' or '' for the words of ``text``."""
        folded = fold(text)
        if self.title and self.title in folded:
            return "title"
        if any(a and a in folded for a in self.alternates):
            return "alternate wording"
        return ""

    def excluded(self, text: str) -> bool:
        folded = fold(text)
        return any(x and x in folded for x in self.exclude)

    def score_link(self, text: str, context: str, url: str) -> Match | None:
        """Score a link from its text, the row or list item around it, and its URL."""
        if self.has_code(text):
            return Match(SCORE_CODE_IN_TEXT + self._extra(text, url), "code")
        wording = self.wording(text)
        if context and self.has_code(context) and (wording or len(fold(text)) <= 24):
            return Match(SCORE_CODE_IN_CONTEXT + self._extra(text, url), "code")
        if self.excluded(text):
            return None
        score, how = 0.0, wording
        if wording == "title":
            score = SCORE_TITLE
        elif wording:
            score = SCORE_ALTERNATE
        elif context and self.wording(context) and not self.excluded(context):
            score, how = SCORE_IN_CONTEXT, self.wording(context)
        if score == 0.0:
            return None
        score += self._url_score(url)
        return Match(score, how) if score >= THRESHOLD else None

    def score_page(self, title: str, headings: list[str]) -> Match | None:
        """Score a page by its own title and main heading (the page itself is evidence)."""
        for text in (headings[:1] + [title]):
            if self.has_code(text):
                return Match(SCORE_CODE_IN_CONTEXT, "code")
            if self.wording(text) == "title" and not self.excluded(text):
                return Match(SCORE_ALTERNATE, "title")
        return None

    def content_score(self, text: str) -> float:
        """A small bonus when the target's content has the item's keywords."""
        folded = fold(text[:20000])
        return SCORE_CONTENT if self.keywords and any(k in folded for k in self.keywords) \
            else 0.0

    def _url_score(self, url: str) -> float:
        low = url.lower()
        return SCORE_URL_WORD if any(w in low for w in self.url_words) else 0.0

    def _extra(self, text: str, url: str) -> float:
        return (0.5 if self.wording(text) else 0.0) + self._url_score(url)
