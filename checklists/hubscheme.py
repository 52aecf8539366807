"""A site's codes belong to the site's framework: read a hub page's numbering scheme and map
its codes to the items of the checklist in use.

On a hub numbered the 2566 way, "O23" is an HR item, not the 2565 monthly procurement summary;
on a public-health hub "MOIT 3" is not O3 (issue 16).  :func:`read_scheme` compares the titles
a page writes beside its codes with the titles each shipped checklist gives those codes, and
picks the checklist they agree with (its year labels break ties); :class:`Lexicon` then maps a
code of that scheme through the topic map (:mod:`checklists.topics`) to the items of the
audited checklist.  Pure functions over loaded checklists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from cachetools import LRUCache

from checklists.model import Checklist
from checklists.thaitext import content_words, title_agreement
from checklists.topics import TopicMap, load_topics
from checklists.vocabulary import ZERO_CODE

# Code forms sites write: O1, O.1, o01, OIT 1, MOIT 1, EB 16 (ita-oit.md, "How sites publish").
_SITE_CODE = re.compile(r"(?:(?<![A-Za-z])(MOIT|OIT|EB|O)\s*[.\-:]?\s*|" + ZERO_CODE +
                        r")0*(\d{1,2})(?![0-9])", re.IGNORECASE)
_ITEM_CODE = re.compile(r"^([A-Za-z]+)\s*0*(\d+)$")
_YEAR = re.compile(r"(?<![0-9])(25[6-7][0-9])(?![0-9])")
MIN_AGREE = 2  # codes whose titles agree before a page's scheme is believed
TITLE_AGREES = 0.6  # share of a title's words the text beside a code must carry



def code_key(prefix: str, number: str | int) -> str:
    """One spelling per code: ``O.01`` and ``OIT 1`` -> ``O1``; ``MOIT 1`` -> ``MOIT1``."""
    p = prefix.upper() or "O"  # "019 ...": a zero typed for the O (vocabulary.ZERO_CODE)
    return f"{'O' if p == 'OIT' else p}{int(number)}"


def site_codes(text: str) -> list[str]:
    """The code keys written in ``text``, in order (``"O23 ..."`` -> ``["O23"]``)."""
    return [code_key(p, n) for p, n in _SITE_CODE.findall(text or "")]


# What every match of _SITE_CODE holds: an O or an E (MOIT, OIT, O, EB) or a leading zero
# (ZERO_CODE begins "^\s*0"); most of an office's texts hold neither (Thai script).
_MAY_HOLD_CODE = re.compile(r"[OE]|^\s*0", re.IGNORECASE)


def site_code_keys(text: str) -> tuple[str, ...]:
    """:func:`site_codes` of ``text`` as a tuple: gathering asks it of every content link's
    text, context and heading once per record in the targets' pass
    (:class:`checklists.candidates._SchemeScan`) and again per page read
    (``_between_codes``); on the 5,245-page benchmark site 15,950 content links carry 6,392
    distinct texts. A text that cannot hold a code is answered at once; the others are kept
    per text (:func:`_kept_code_keys`)."""
    return _kept_code_keys(text) if text and _MAY_HOLD_CODE.search(text) else ()


@lru_cache(maxsize=4096)  # not 16,384 texts whatever they hold: 2.5 MB at 20,000 pages (crawl38)
def _kept_code_keys(text: str) -> tuple[str, ...]:
    return tuple(site_codes(text))


def item_code_key(code: str) -> str:
    m = _ITEM_CODE.match(code.strip())
    return code_key(m.group(1), m.group(2)) if m else code.strip().upper()


@dataclass(frozen=True)
class Scheme:
    """The framework a page's codes belong to."""

    checklist_id: str
    agree: int = 0  # codes whose titles agree with this checklist
    disagree: int = 0
    reason: str = ""


@dataclass
class Lexicon:
    """Every shipped checklist's codes and titles, mapped to the audited checklist's items."""

    audited: Checklist
    topics: TopicMap
    checklists: dict[str, Checklist] = field(default_factory=dict)
    # checklist id -> code key -> audited item codes
    maps: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # checklist id -> code key -> title
    titles: dict[str, dict[str, str]] = field(default_factory=dict)

    def translate(self, checklist_id: str, key: str) -> tuple[str, ...]:
        """The audited items a code of ``checklist_id`` stands for (none when unknown)."""
        return self.maps.get(checklist_id, {}).get(key, ())

    def items_for(self, text: str, scheme: str | None = None) -> frozenset[str]:
        """The audited items the codes in ``text`` stand for, read in ``scheme``."""
        keys = site_codes(text)
        if not keys:
            return frozenset()
        sid = scheme or self.audited.id
        out: set[str] = set()
        for key in keys:
            out.update(self.translate(sid, key))
        return frozenset(out)


def lexicon_for(audited: Checklist) -> Lexicon:
    """The lexicon of every shipped checklist (and ``audited`` itself) over ``audited``,
    built once per checklist and topic map (each judging of each site asks for it; callers
    only read it)."""
    topics = load_topics()
    key = (id(audited), id(topics))
    kept = _LEXICONS.get(key)
    if kept is not None and kept.audited is audited and kept.topics is topics:
        return kept
    lex = _LEXICONS[key] = _build_lexicon(audited, topics)
    return lex


_LEXICONS: LRUCache[tuple[int, int], Lexicon] = LRUCache(maxsize=8)  # a batch uses a few


def _build_lexicon(audited: Checklist, topics: TopicMap) -> Lexicon:
    lex = Lexicon(audited, topics)
    lex.checklists = dict(topics.checklists)
    lex.checklists[audited.id] = audited
    audited_codes = {i.code for i in audited.items}
    audited_map = topics.map_id(audited)
    for cid, cl in lex.checklists.items():
        table: dict[str, tuple[str, ...]] = {}
        titles: dict[str, str] = {}
        for item in cl.items:
            key = item_code_key(item.code)
            titles[key] = item.title_th
            if cid == audited.id:
                table[key] = (item.code,)
                continue
            found: list[str] = []
            for topic in topics.topics_of(cid, item.code):
                for code in topics.codes_of(topic, audited_map):
                    if code in audited_codes and code not in found:
                        found.append(code)
            table[key] = tuple(found)
        lex.maps[cid] = table
        lex.titles[cid] = titles
    return lex


def read_scheme(entries: list[tuple[str, str]], lexicon: Lexicon,
                year_labels: list[str] = ()) -> Scheme | None:
    """The checklist whose titles agree with the ``(code key, text beside it)`` entries of a
    page, or None to read the codes as the audited checklist's.

    Leaving the audited checklist takes :data:`MIN_AGREE` codes whose titles agree with the
    other one, unless the audited checklist has none of the page's codes (``MOIT 12`` on a
    public-health page): then the checklists that have them are compared, however little the
    page says.  Ties go to the checklist whose framework year a year label of the page names,
    then to the newest.
    """
    if not entries:
        return None
    years = {int(y) for label in year_labels for y in _YEAR.findall(label or "")}
    audited = lexicon.audited.id
    keys = {key for key, _ in entries}
    foreign = not keys & set(lexicon.titles.get(audited, {}))
    best: Scheme | None = None
    best_rank: tuple = ()
    for cid, titles in lexicon.titles.items():
        known = len(keys & set(titles))
        if not known:
            continue
        agree = disagree = 0
        for key, text in entries:
            title = titles.get(key)
            if title is None or not content_words(text):
                continue  # a bare code says nothing about the scheme
            if title_agreement(text, title) >= TITLE_AGREES:
                agree += 1
            else:
                disagree += 1
        cl = lexicon.checklists[cid]
        rank = (agree - disagree, agree, known, cl.framework_year in years, cid == audited,
                cl.framework_year)
        if best is None or rank > best_rank:
            best, best_rank = Scheme(cid, agree, disagree,
                                     f"{agree} codes agree with {cid}"), rank
    if best is None or best.checklist_id == audited:
        return None
    if not foreign and best.agree < MIN_AGREE:
        return None
    return best
