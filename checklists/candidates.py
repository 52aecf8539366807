"""Candidate evidence: every link (and page) of a finished crawl that may be an item's
evidence, read as a person reads it, scored, and sorted per item.

Pure: it reads a :class:`checklists.site.snapshot.Snapshot` and the item matchers.  Which candidate
wins, and with what verdict, is decided in :mod:`checklists.engine`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from checklists.matching import (
    SCORE_YEAR_SECTION,
    ItemMatcher,
    Match,
    MatcherIndex,
    is_news_post,
    is_placeholder,
    section_year,
    title_block,
    url_year,
)
from checklists.site.records import PageRecord
from checklists.site.snapshot import Snapshot, url_key
from checklists.vocabulary import ANY_ITEM_CODE

OTHER_YEAR_PENALTY = 1.0
_CRUMBS = re.compile(r"\s*(?:›|»|>|\|)\s*")
# How strong a kind of match is: a passing candidate must be of the strongest kind present
MATCH_TIER = {"code": 3, "title": 2, "alternate wording": 1, "content": 0}


@dataclass
class Candidate:
    """A link or page that may be an item's evidence."""

    url: str
    text: str
    context: str
    found_on: str
    score: float
    matched_by: str
    signals: tuple[str, ...] = ()
    section: str = ""  # the year section label the link sits under ("ITA 2569")
    year: int | None = None  # the assessment year that section names
    self_page: bool = False  # the page itself, by its own title (not a link to it)
    area: str = ""  # 'chrome' for a link in a menu, header, footer or sidebar


@dataclass
class Gathered:
    """What gathering left out: per item code, the labels of other-year sections dropped."""

    other_years: dict[str, list[str]] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)  # assessment years of the site's sections


def _link_year(link: dict[str, str], page: PageRecord) -> tuple[int | None, str]:
    """The assessment year of the section a link sits in, and that section's label.

    Tabs, accordions and parent menu items first, then the nearest heading, the page's
    breadcrumb and its main heading (those must say ITA/OIT to count as a year section).
    """
    section = link.get("section", "")
    for part in reversed([p.strip() for p in section.split("›") if p.strip()]):
        year = section_year(part, strict=False)
        if year:
            return year, part
    if link.get("area") == "chrome":
        return None, ""  # a site-wide menu belongs to no year's section
    year, label = _page_year(page, link.get("heading", ""))
    if year is None:  # per-year paths: /ita-2568/ (the page), /ita-2568/o1.pdf (the target)
        for url in (page.final_url, link["url"]):
            year = url_year(url)
            if year:
                return year, f"ITA {year} ({urlsplit(url).path})"
    return year, label


def _page_year(page: PageRecord, heading: str = "") -> tuple[int | None, str]:
    """The assessment year a page belongs to, from its breadcrumb, main heading or title."""
    crumbs = [c.strip() for c in _CRUMBS.split(page.breadcrumb or "") if c.strip()]
    for label in (heading, *reversed(crumbs), *(page.headings[:1]), page.title):
        year = section_year(label, strict=True)
        if year:
            return year, label
    return None, ""


def _self_year(page: PageRecord) -> tuple[int | None, str]:
    year, label = _page_year(page)
    if year is None:
        year = url_year(page.final_url)
        label = f"ITA {year} ({urlsplit(page.final_url).path})" if year else ""
    return year, label


def _not_evidence(m: ItemMatcher, target: PageRecord | None, url: str,
                  matched_by: str = "") -> bool:
    """News posts (for any item but news) and "in preparation" placeholders.

    A news post that the office itself labels with the item's code stays evidence: the
    decoys are posts that merely name an item.
    """
    news_ok = m.accepts_news or matched_by == "code"
    if target is None:
        return not news_ok and is_news_post(url)
    if not news_ok and is_news_post(target.final_url or url, target.breadcrumb,
                                    target.categories):
        return True
    return target.ok and target.kind == "page" and is_placeholder(target.text)


def _content_matches(matchers: list[ItemMatcher],
                     target: PageRecord | None) -> dict[str, Match]:
    if target is None or not target.ok or not (target.text or target.title):
        return {}
    lead = " ".join([target.title, *target.headings[:1], title_block(target.text)])
    if len({c.upper() for c in ANY_ITEM_CODE.findall(lead)}) >= 2:
        return {}  # an index of items (the ITA page itself), not one item's evidence
    out = {}
    for m in matchers:
        hit = m.score_content(target.title, target.headings, target.text)
        if hit is not None:
            out[m.item.code] = hit
    return out if len(out) <= 2 else {}


def gather(matchers: list[ItemMatcher], snapshot: Snapshot, fiscal_year: int | None = None,
           gathered: Gathered | None = None) -> dict[str, list[Candidate]]:
    """Candidates per item code (see :func:`_gather`), computed once per snapshot, checklist
    and fiscal year: the verdicts and the due-soon look-ahead of one audit both need them,
    and on a large site gathering is most of the judging."""
    memo = snapshot.memo.setdefault("gather", {})
    key = (tuple(id(m.item) for m in matchers), fiscal_year)
    if key not in memo:
        extra = Gathered()
        memo[key] = (_gather(matchers, snapshot, fiscal_year, extra), extra, matchers)
    result, extra, _ = memo[key]  # the matchers are kept so that their ids stay theirs
    if gathered is not None:
        gathered.other_years.update({k: list(v) for k, v in extra.other_years.items()})
        gathered.years.update(extra.years)
    return {code: list(cands) for code, cands in result.items()}


def _gather(matchers: list[ItemMatcher], snapshot: Snapshot, fiscal_year: int | None = None,
            gathered: Gathered | None = None) -> dict[str, list[Candidate]]:
    """Candidates per item code: every link (and page) that matches; a link goes to the
    item(s) it matches best.

    A link is read as a person reads it: its text, the row around it, the nearest heading,
    then, when those name nothing, the target's own title.  With ``fiscal_year``, links under
    a section of another assessment year are left out when the site has a section for the
    assessed year (and demoted when it has none).
    """
    found: dict[str, dict[tuple[str, int | None, str, bool, str], Candidate]] = {}
    by_code = {m.item.code: m for m in matchers}
    index = MatcherIndex(matchers)
    content_cache: dict[str, dict[str, Match]] = {}

    def keep(code: str, cand: Candidate) -> None:
        slot = found.setdefault(code, {})
        # the same link under two year sections, or on two pages, are kept apart
        key = (url_key(cand.url), cand.year, url_key(cand.found_on), cand.self_page,
               cand.area)
        if key not in slot or slot[key].score < cand.score:
            slot[key] = cand

    def contents_of(target: PageRecord | None) -> dict[str, Match]:
        if target is None:
            return {}
        key = url_key(target.final_url or target.url)
        if key not in content_cache:
            content_cache[key] = _content_matches(matchers, target)
        return content_cache[key]

    for page in snapshot.pages():
        if not (200 <= page.status < 300) or page.error:
            continue
        for link in page.links:
            if url_key(link["url"]) == url_key(page.final_url):
                continue
            target = snapshot.get(link["url"])
            scored = {}
            text, context, heading = link["text"], link.get("context", ""), \
                link.get("heading", "")
            for m in index.candidates(text, context, heading):
                s = m.score_link(link["text"], link.get("context", ""), link["url"],
                                 link.get("heading", ""), link.get("area", ""))
                if s is not None:
                    scored[m.item.code] = s
            contents = contents_of(target)
            if not scored:
                scored = contents
            scored = {code: s for code, s in scored.items()
                      if not _not_evidence(by_code[code], target, link["url"], s.matched_by)}
            if not scored:
                continue
            best = max(s.score for s in scored.values())
            year, label = _link_year(link, page)
            for code, s in scored.items():
                if s.score < best - 0.01:
                    continue
                m = by_code[code]
                signals = list(s.signals)
                bonus = m.content_score(target.text) if target and target.text else 0.0
                if bonus:
                    signals.append("keywords in target")
                if code in contents and s.matched_by != "content":
                    bonus += 0.25
                    signals.append("target agrees")
                keep(code, Candidate(link["url"], link["text"], link.get("context", ""),
                                     page.final_url, s.score + bonus, s.matched_by,
                                     tuple(signals), label, year, area=link.get("area", "")))
        year, label = _self_year(page)
        for m in matchers:
            s = m.score_page(page.title, page.headings, page.breadcrumb)
            if s is not None and not _not_evidence(m, page, page.final_url, s.matched_by):
                text = (page.headings[:1] or [page.title])[0]
                keep(m.item.code, Candidate(page.final_url, text, "", page.referer or
                                            page.final_url, s.score, s.matched_by,
                                            s.signals, label, year, self_page=True))
    out = {code: list(c.values()) for code, c in found.items()}
    if fiscal_year:
        out = _apply_years(out, fiscal_year, gathered or Gathered())
    return {code: _one_per_url(_inherit(c)) for code, c in out.items()}


def _one_per_url(cands: list[Candidate]) -> list[Candidate]:
    best: dict[str, Candidate] = {}
    for c in cands:
        key = url_key(c.url)
        if key not in best or best[key].score < c.score:
            best[key] = c
    return sorted(best.values(), key=lambda c: -c.score)


def _inherit(cands: list[Candidate]) -> list[Candidate]:
    """A document linked from the item's own page stands as strong as that page: the
    assessor opens the page labelled "O10" and then its download link."""
    pages: dict[str, Candidate] = {}
    for c in cands:
        key = url_key(c.url)
        if key not in pages or pages[key].score < c.score:
            pages[key] = c
    for c in sorted(cands, key=lambda c: -c.score):
        parent = pages.get(url_key(c.found_on))
        if parent is None or parent is c or c.area == "chrome" or c.self_page:
            continue  # the menus of an item's page link everywhere
        if parent.score - 0.25 > c.score and parent.matched_by in ("code", "title"):
            c.score = parent.score - 0.25
            c.signals = (*c.signals, "linked from the item's page")
            if MATCH_TIER.get(parent.matched_by, 0) > MATCH_TIER.get(c.matched_by, 0):
                c.matched_by = parent.matched_by
    return sorted(cands, key=lambda c: -c.score)


def _apply_years(found: dict[str, list[Candidate]], fy: int,
                 gathered: Gathered) -> dict[str, list[Candidate]]:
    """Prefer the assessed year's section; leave out other years' when it exists."""
    site_has_year = any(c.year == fy for cands in found.values() for c in cands)
    gathered.years.update(c.year for cands in found.values() for c in cands if c.year)
    out: dict[str, list[Candidate]] = {}
    for code, cands in found.items():
        kept = []
        dropped = {url_key(c.url) for c in cands if c.year not in (None, fy) and site_has_year}
        for c in cands:
            if c.self_page and c.year is None and url_key(c.url) in dropped:
                continue  # a page reached only from another year's section
            if c.year == fy:
                c.score += SCORE_YEAR_SECTION
                c.signals = (*c.signals, "assessed-year section")
            elif c.year is not None:
                if site_has_year:
                    labels = gathered.other_years.setdefault(code, [])
                    if c.section not in labels:
                        labels.append(c.section)
                    continue
                c.score -= OTHER_YEAR_PENALTY
                c.signals = (*c.signals, "other-year section")
            kept.append(c)
        if kept:
            out[code] = kept
    return out
