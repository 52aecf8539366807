"""Focused crawling: how likely a link is to lead to evidence, from the words around it.

Pure (no Scrapy). The vocabulary comes from the checklist (item codes, the link texts, URL
words and longer keywords its ``find`` sections name), the ``OIT_PRIORITY_WORDS`` of the
ITA/OIT hubs, and the year sections of the assessed and the previous fiscal year; and, with
the judging's matchers (:func:`checklists.wordings.matchers_for`), every name an item carries
(its topic's titles in every framework year and evaluator family, read word by word, and the
wording model learned from real sites): a link the audit would take as an item's evidence is
fetched as promptly as one carrying the checklist's own words (issue 16). The spider
fetches promising links first and defers the others (see ``crawler/spiders/oit.py``): they
are fetched only within a small exploration budget once every promising link is done.

Scores: 3 an ITA/OIT hub or an item code; 2 an item's wording; 1 a year section; 0 nothing.
A page whose content links name three or more items is a hub too (:func:`page_trail`).
A link in the content (not the menus) of a page on a hub's trail ``t`` (3 on a hub, 2 one
click further) scores at least ``t - 1``: the untitled "คลิก" links of an ITA page are its
evidence. Pages matched only by
one item's wording are capped (``OIT_FOCUS_PER_ITEM``): the news item's wording would
otherwise match every post of the news archive. A link its place on the page already brings
in (a hub's content link, named or not) neither counts against that cap nor is held back by it
(tie41: on a hub listing more than six pages one wording names, the seventh and later were
deferred while an unnamed link beside them was fetched); a click further from the hub, a link
past the cap gets nothing (nightly42: a news archive linked from the home page, its posts named
by the news item's wording, was fetched whole, 28 pages and 9 PDFs more on the nightly
benchmark's site for the same verdicts). So are links whose only hub word sits in a
long title (:data:`HUB_LABEL_MAX`): "คุณธรรม" and "โปร่งใส" name many a school's news posts
("กิจกรรมส่งเสริมคุณธรรมนักเรียน"), as "ITA" names the posts about an office's ITA score;
such a title that names an item counts against that item's cap, else against
:data:`HUB_TITLE`'s.

Other years' sections (:func:`link_year`): when a site has a section of the assessed year,
the judging leaves out every link under another year's section (``ITA 2568``, ``/ita-2568/``,
an archive tab; ``checklists.candidates._apply_years``), so the spider holds such links back
and fetches them only if the crawl finds no section of the assessed year with a link in it
that names an item (:meth:`FocusVocabulary.names_item`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from cachetools import LRUCache

from checklists.matching import P_MODEL, ItemMatcher, is_generic, section_year, url_year
from checklists.textmodel import NONE_CLASS
from checklists.thaitext import content_words

MIN_KEYWORD = 5  # shorter checklist keywords ("กลุ่ม") are everywhere
NAME_MAX = 200  # characters: longer link texts are paragraphs, not names
HUB_LABEL_MAX = 40  # characters: a longer label with a hub word is a title ("กิจกรรมส่งเสริม
# คุณธรรม...", a news post), capped like an item's wording (HUB_TITLE)
HUB_TITLE = "#hub"  # the cap bucket of hub words in titles (not an item code)
HUB_ITEMS = 3  # a page whose content links name this many items ...
HUB_SHARE = 1 / 3  # ... in this share of its content links is the office's own hub
MODEL_MIN_WORDS = 3  # as checklists.candidates: the model needs this many naming words
SCORE_HUB, SCORE_WORDING, SCORE_YEAR = 3, 2, 1
SCORES_KEPT = 16384  # links whose scores a vocabulary keeps (menus repeat on every page)


@dataclass(frozen=True)
class FocusVocabulary:
    """Words that mark a link as likely to lead to evidence."""

    hub_words: tuple[str, ...]
    code_pattern: re.Pattern[str] | None
    wordings: tuple[tuple[str, str], ...]  # (wording, item code)
    url_words: tuple[tuple[str, str], ...]
    years: tuple[int, ...]
    matchers: tuple[ItemMatcher, ...] = ()
    _named: dict[str, str] = field(default_factory=dict, compare=False, hash=False,
                                   repr=False)
    _scored: LRUCache[tuple[str, str, str], tuple[int, str]] = field(
        default_factory=lambda: LRUCache(maxsize=SCORES_KEPT), compare=False, hash=False,
        repr=False)

    @classmethod
    def build(cls, items: Iterable, hub_words: Iterable[str], years: Iterable[int],
              matchers: Iterable[ItemMatcher] = ()) -> FocusVocabulary:
        """From checklist items (``code`` and ``find``), hub words and fiscal years (B.E.),
        and the judging's item matchers (every name of each item, the wording model)."""
        codes, wordings, url_words = set(), set(), set()
        for item in items:
            codes.update(c for c in (item.code, *item.find.codes) if c)
            wordings.update((t.lower(), item.code) for t in item.find.link_texts if t)
            wordings.update((k.lower(), item.code) for k in item.find.keywords
                            if len(k) >= MIN_KEYWORD)
            url_words.update((w.lower(), item.code) for w in item.find.url_words if w)
        pattern = None
        if codes:
            alts = sorted({_code_regex(c) for c in codes}, key=len, reverse=True)
            pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(alts) + r")(?![0-9])")
        return cls(tuple(w.lower() for w in hub_words if w), pattern, tuple(sorted(wordings)),
                   tuple(sorted(url_words)), tuple(sorted(set(years))), tuple(matchers))

    def score(self, url: str, text: str, section: str = "") -> tuple[int, str]:
        """How likely the link is to lead to evidence (0 to 3), and the cap bucket it counts
        against: the item code whose wording it matched, or :data:`HUB_TITLE` for a long
        title whose hub word names no item ('' for the uncapped). Only the link's own label
        (text, tab/menu section) and URL count: a page's heading would lend its words to
        every post listed under it.

        Memoised by the link's path and query, text and section (the score reads nothing
        else): every page of a site offers its menus' links again, and the offices of a
        batch share the vocabulary and, mostly, their menus' paths and words."""
        parts = urlsplit(url)
        key = (parts.path + "?" + parts.query, text, section)
        kept = self._scored.get(key)
        if kept is None:
            kept = self._scored[key] = self._score(unquote(key[0]).lower(), text, section)
        return kept

    def _score(self, path: str, text: str, section: str) -> tuple[int, str]:
        """:meth:`score` of a link whose unquoted, lowercased path and query is ``path``."""
        label = f"{text} {section}".lower()
        segments = _segments(path)
        if any(w in segments for w in self.hub_words):
            return SCORE_HUB, ""
        if self.code_pattern is not None and (self.code_pattern.search(label)
                                              or self.code_pattern.search(path)):
            return SCORE_HUB, ""
        in_text = any(_has_word(text.lower(), w) for w in self.hub_words)
        if any(_has_word(section.lower(), w) for w in self.hub_words) or \
                in_text and len(text.strip()) <= HUB_LABEL_MAX:
            return SCORE_HUB, ""
        if in_text:  # a title: a news post about the office's integrity work
            return SCORE_HUB, self._named_item(text, label, segments) or HUB_TITLE
        item = self._named_item(text, label, segments)
        if item:
            return SCORE_WORDING, item
        if self.years and _year_section(text, segments, self.years):
            return SCORE_YEAR, ""
        return 0, ""

    def names_item(self, url: str, text: str, section: str = "") -> bool:
        """Whether the link carries an item's code or wording (in its label or URL), as a
        link the judging could take as an item's evidence does: an assessed year's section
        with such a link is one the judging finds (a bare "ITA 2569" tab may be empty)."""
        parts = urlsplit(url)
        path = unquote(parts.path + "?" + parts.query).lower()
        label = f"{text} {section}".lower()
        if self.code_pattern is not None and (self.code_pattern.search(label)
                                              or self.code_pattern.search(path)):
            return True
        return bool(self._named_item(text, label, _segments(path)))

    def _named_item(self, text: str, label: str, segments: list[str]) -> str:
        """The item whose wording the link's label or URL carries ('' for none)."""
        for wording, code in self.wordings:
            if wording in label:
                return code
        for word, code in self.url_words:
            if any(word in segment for segment in segments):
                return code
        return self.names(text)


    def names(self, text: str) -> str:
        """The item a link's own text names as the audit reads it ('' for none): a title
        the item's topic carries in any framework or family, or one of its everyday
        wordings, read word by word; else the wording model's item when it reads the text
        as that item's at least as surely as the judging takes a model match
        (:data:`checklists.matching.P_MODEL`)."""
        if not self.matchers or len(text) > NAME_MAX or is_generic(text):
            return ""
        if text not in self._named:  # menus repeat on every page
            self._named[text] = self._name(text)
        return self._named[text]

    def _name(self, text: str) -> str:
        for m in self.matchers:
            if m.wording(text):
                return m.item.code
        model = self.matchers[0].model
        if model is None or len(content_words(text)) < MODEL_MIN_WORDS:
            return ""
        top, p = model.predict(text).best
        if top == NONE_CLASS or p < P_MODEL:
            return ""
        return next((m.item.code for m in self.matchers if top in m.classes), "")


def _code_regex(code: str) -> str:
    """'O12' -> matches 'o12', 'o 12', 'o-12', 'o012' (lowercase text)."""
    m = re.fullmatch(r"([A-Za-z]+)\s*0*(\d+)", code.strip())
    if not m:
        return re.escape(code.lower())
    return re.escape(m.group(1).lower()) + r"\s?[-.]?\s?0*" + m.group(2)


def _has_word(text: str, word: str) -> bool:
    """``word`` in ``text``; a Latin word only as a whole word ('ita', not 'digital')."""
    if word.isascii():
        return re.search(r"(?<![a-z0-9])" + re.escape(word) + r"(?![a-z0-9])", text) is not None
    return word in text


def _segments(path: str) -> list[str]:
    return [s for s in re.split(r"[/?&=._]+", path) if s]


_YEAR_LABEL = re.compile(r"^(?:ปี(?:งบประมาณ)?|ประจำปี(?:งบประมาณ)?|พ\.ศ\.|fy|year)?\s*"
                         r"(?:พ\.ศ\.)?\s*(25\d\d)$", re.IGNORECASE)


def _year_section(text: str, segments: list[str], years: tuple[int, ...]) -> bool:
    """A year tab or folder: a short label that is a year, or a URL segment that is one."""
    m = _YEAR_LABEL.match(" ".join(text.split()))
    if m and int(m.group(1)) in years:
        return True
    return any(seg.isdigit() and int(seg) in years for seg in segments if len(seg) == 4)


def page_trail(trail: int, named: list[str], links: int) -> int:
    """The trail a page passes to its content links: a hub's when those ``links`` name
    :data:`HUB_ITEMS` or more items by their wordings (``named``: the item each naming link
    names) and the naming links are at least :data:`HUB_SHARE` of them (an office's list of
    its published items under a heading of its own, "ข้อมูลสาธารณะ", whose untitled
    "ดาวน์โหลด" links are evidence too; not a news archive whose posts name a few items),
    else the page's own."""
    hub = len(set(named) - {""}) >= HUB_ITEMS and len(named) >= HUB_SHARE * links
    return max(trail, SCORE_HUB) if hub else trail


def inherited(own: int, trail: int, area: str) -> tuple[int, int]:
    """A link's score and the trail it passes on, given its own score, the trail of the page
    it is on and where on that page it sits. Only hubs and item codes start a trail (a page
    matched by wording passes nothing to the posts listed on it)."""
    passed = max(trail - 1, 0) if area != "chrome" else 0
    new_trail = SCORE_HUB if own >= SCORE_HUB else passed
    return max(own, passed), new_trail


_CRUMBS = re.compile(r"\s*(?:›|»|>|/|\|)\s*")


def page_year(breadcrumb: str, heading: str, title: str, url: str,
              referred: int | None = None) -> int | None:
    """The assessment year of the section a fetched page belongs to, read as the judging
    reads it (``checklists.candidates``): a breadcrumb part, the main heading or the title
    that names ITA/OIT and one year, else a year in its path (``/ita-2568/``); else
    ``referred``, the year of the section the link that led to it leads into."""
    crumbs = [c for c in _CRUMBS.split(breadcrumb or "") if c]
    for label in (*reversed(crumbs), heading, title):
        year = section_year(label, strict=True)
        if year:
            return year
    return url_year(url) or referred


def link_year(section: str, text: str, url: str, area: str, page: int | None,
              heading: str = "") -> int | None:
    """The assessment year of the section a link sits in or leads into (None: no year's).

    Its tab, accordion or parent menu label ("ITA 2568", "ปีงบประมาณ 2568") first, as the
    judging reads a link's section; then, for a link in the content, its nearest heading
    when that names ITA/OIT and a year ("ITA 2568") or else the year of the page it is on;
    then its own text when that is a year section's label ("OIT 2568 (ย้อนหลัง)"; an
    item's title with a year, "รายงานผลการดำเนินงานประจำปี 2568", is not) or a year in its
    path (``/ita-2568/``)."""
    for part in reversed([p.strip() for p in section.split("›") if p.strip()]):
        year = section_year(part, strict=False)
        if year:
            return year
    if area != "chrome":
        year = section_year(heading, strict=True) or page
        if year:
            return year
    return section_year(text, strict=False) or url_year(url)
