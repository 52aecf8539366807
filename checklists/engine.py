"""The verdict engine: for each checklist item, gather candidate evidence from a finished
crawl, evaluate the candidates against the item's rules, and give one verdict with reasons,
a fix and the evidence.

Pure: it reads a :class:`crawler.snapshot.Snapshot`, the checklist and an explicit as-of date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from checklists import freshness, reachability
from checklists.dating import iso, mentions_for
from checklists.fiscal import fiscal_year_of
from checklists.fixes import fix_for
from checklists.freshness.base import Context, DatedMention, Outcome
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
from checklists.model import Checklist, Item
from crawler.failures import CAUSES_EN, CAUSES_TH
from crawler.items import PageRecord
from crawler.snapshot import Snapshot
from crawler.snapshot import url_key as _url_key


@lru_cache(maxsize=65536)
def url_key(url: str) -> str:
    """The canonical URL (memoised: gathering compares the same URLs many times)."""
    return _url_key(url)


VERDICT_RANK = {"pass": 0, "unverified": 1, "stale": 2, "broken": 3, "missing": 4}
MAX_EVALUATED = 8
OTHER_YEAR_PENALTY = 1.0
REVIEW_MATCHES = ("alternate wording", "content")
_CRUMBS = re.compile(r"\s*(?:›|»|>|\|)\s*")
CONTENDER_MARGIN = 1.0
MATCH_TIER = {"code": 3, "title": 2, "alternate wording": 1, "content": 0}  # a passing candidate must score within this of the strongest one
_CODES = re.compile(r"(?<![A-Za-z])(?:MOIT|OIT|O)\s*[.\-:]?\s*\d{1,2}(?![0-9])", re.IGNORECASE)


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
class Evidence:
    """Evidence as reported: where, what it says, which date was read, and its state."""

    url: str
    text: str
    found_on: str
    matched_by: str
    score: float
    role: str = "best"
    signals: list[str] = field(default_factory=list)
    section: str = ""
    status: int | None = None
    seen_at: str = ""
    date: str | None = None
    date_end: str | None = None
    date_text: str = ""
    date_source: str = ""
    verdict: str = ""

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class ItemResult:
    """One item's verdict with its reasons, fix and evidence."""

    item: Item
    verdict: str
    reason_th: str
    reason_en: str
    fix_th: str = ""
    fix_en: str = ""
    matched_by: str = ""
    needs_review: bool = False
    missing_months: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    match: dict[str, object] = field(default_factory=dict)


@dataclass
class Audit:
    """The verdicts of one checklist over one crawl at one as-of date."""

    checklist: Checklist
    as_of: date
    fiscal_year: int
    results: list[ItemResult]


@dataclass
class _Judged:
    cand: Candidate
    verdict: str
    reason_th: str
    reason_en: str
    target: PageRecord | None
    outcome: Outcome | None = None
    mentions: list[DatedMention] = field(default_factory=list)
    unreachable: bool = False


def evaluate(checklist: Checklist, snapshot: Snapshot, as_of: date,
             fiscal_year: int | None = None) -> Audit:
    """Judge every item of ``checklist`` on ``snapshot`` as of ``as_of``."""
    fy = fiscal_year or fiscal_year_of(as_of)
    matchers = [ItemMatcher(item) for item in checklist.items]
    gathered = Gathered()
    candidates = gather(matchers, snapshot, fy, gathered)
    several_years = len(gathered.years) > 1
    results = [decide(m.item, candidates.get(m.item.code, []), snapshot, as_of, fy,
                      gathered.other_years.get(m.item.code, []), several_years)
               for m in matchers]
    return Audit(checklist, as_of, fy, results)


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
    if len({c.upper() for c in _CODES.findall(lead)}) >= 2:
        return {}  # an index of items (the ITA page itself), not one item's evidence
    out = {}
    for m in matchers:
        hit = m.score_content(target.title, target.headings, target.text)
        if hit is not None:
            out[m.item.code] = hit
    return out if len(out) <= 2 else {}


def gather(matchers: list[ItemMatcher], snapshot: Snapshot, fiscal_year: int | None = None,
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


def _judge(item: Item, cand: Candidate, snapshot: Snapshot, ctx: Context) -> _Judged:
    target = snapshot.get(cand.url)
    if target is not None and not target.ok:
        cause = target.error or ("http" if target.status else "network")
        th = CAUSES_TH.get(cause, f"เปิดไม่ได้ (HTTP {target.status})")
        en = CAUSES_EN.get(cause, f"HTTP {target.status}")
        return _Judged(cand, "broken", f"ลิงก์หลักฐานเปิดไม่ได้: {th}",
                       f"evidence link does not open: {en}", target)
    reach = reachability.check(item.reachability.rule, item.reachability.params,
                               snapshot.clicks_from_home(cand.url))
    if not reach.ok:
        return _Judged(cand, "broken", reach.reason_th, reach.reason_en, target,
                       unreachable=True)
    link_text = f"{cand.text} {cand.context}".strip()
    mentions = mentions_for(cand.url, link_text, target)
    rule = freshness.RULES[item.freshness.rule]
    outcome = rule.check(mentions, ctx)
    reason_th, reason_en = outcome.reason_th, outcome.reason_en
    if outcome.verdict == "unverified" and target is not None and target.doc_reason:
        th, _, en = target.doc_reason.rpartition(" (")  # "Thai reason (English reason)"
        reason_th += f" — {th or target.doc_reason}"
        reason_en += f" ({en.rstrip(')') if th else target.doc_status})"
    if target is None and not reason_th:
        reason_th, reason_en = "พบลิงก์ (ไม่ได้เปิดตรวจปลายทาง)", "link found (target not fetched)"
    return _Judged(cand, outcome.verdict, reason_th, reason_en, target, outcome, mentions)


def decide(item: Item, candidates: list[Candidate], snapshot: Snapshot, as_of: date,
           fy: int, other_years: list[str] | None = None,
           several_years: bool = False) -> ItemResult:
    """One verdict for ``item`` from its candidates (``several_years``: the site has sections
    for several assessment years, so the reason says which one the evidence came from)."""
    if not candidates:
        fix_th, fix_en = fix_for(item, "missing", fy, [])
        result = ItemResult(item, "missing",
                            f"ไม่พบ “{item.title_th}” ({item.code}) บนเว็บไซต์",
                            f"no evidence of '{item.title_en}' ({item.code}) found on the site",
                            fix_th, fix_en)
        if other_years:
            where = ", ".join(other_years[:3])
            result.reason_th += f" ในส่วนของปีที่ประเมิน {fy} (พบเฉพาะในส่วน {where})"
            result.reason_en += f" in the section of the assessed year {fy} (found only " \
                                f"under {where})"
        result.match = {"by": "none", "signals": [], "other_year_sections": other_years or []}
        return result
    ctx = Context(as_of, fy, item.freshness.params)
    judged = [_judge(item, c, snapshot, ctx) for c in candidates[:MAX_EVALUATED]]
    if item.freshness.rule == "monthly_coverage":
        result = _decide_monthly(item, judged, ctx)
    else:
        best, runner_up = _pick(judged)
        result = _result(item, best, fy)
        result.evidence = [_evidence(best, "best")]
        if runner_up is not None:
            result.evidence.append(_evidence(runner_up, "runner_up"))
    _explain(result, fy, other_years or [], several_years)
    return result


def _pick(judged: list[_Judged]) -> tuple[_Judged, _Judged | None]:
    """The best candidate and the runner-up.

    The strongest kind of match sets the bar (a code beats a title, a title another wording,
    any of them the content); among the candidates of that kind that open and score about as
    well, a passing one wins; otherwise the strongest tells what to fix (the link the office
    labelled O1 is stale even if a page found by its title passes).  A broken link never
    hides a working one.
    """
    working = [j for j in judged if j.verdict != "broken"] or judged
    top = max(working, key=lambda j: (MATCH_TIER.get(j.cand.matched_by, 0), j.cand.score))
    tier = MATCH_TIER.get(top.cand.matched_by, 0)
    contenders = [j for j in working if MATCH_TIER.get(j.cand.matched_by, 0) == tier
                  and j.cand.score >= top.cand.score - CONTENDER_MARGIN]
    contenders.sort(key=lambda j: (j.verdict != "pass", -j.cand.score, VERDICT_RANK[j.verdict]))
    best = contenders[0]
    rest = sorted((j for j in judged if j is not best),
                  key=lambda j: (j.verdict != "pass", -j.cand.score, VERDICT_RANK[j.verdict]))
    return best, (rest[0] if rest else None)


def _explain(result: ItemResult, fy: int, other_years: list[str],
             several_years: bool = False) -> None:
    """Say how the evidence was matched and which year section it came from."""
    best = result.evidence[0] if result.evidence else None
    if best is None:
        return
    result.match = {"by": best.matched_by, "signals": list(best.signals), "score": best.score,
                    "section": best.section, "other_year_sections": other_years,
                    "runner_up": next((e.url for e in result.evidence
                                       if e.role == "runner_up"), None)}
    if "assessed-year section" in best.signals and several_years:
        result.reason_th = _join(result.reason_th, f"ใช้หลักฐานในส่วน “{best.section}” "
                                                   f"ตามปีที่ประเมิน {fy}")
        result.reason_en = _join(result.reason_en, f"evidence taken from the section "
                                                   f"'{best.section}' of the assessed year {fy}")
    elif "other-year section" in best.signals:
        result.reason_th = _join(result.reason_th, f"พบเฉพาะในส่วน “{best.section}” "
                                                   f"ซึ่งไม่ใช่ปีที่ประเมิน {fy}")
        result.reason_en = _join(result.reason_en, f"found only under '{best.section}', "
                                                   f"not the assessed year {fy}")
    if result.needs_review:
        result.reason_th = _join(result.reason_th, "พบจากถ้อยคำอื่นหรือเนื้อหา ไม่ใช่รหัสหรือชื่อรายการ "
                                                   "ควรให้เจ้าหน้าที่ตรวจยืนยัน")
        result.reason_en = _join(result.reason_en, "matched by other wording or content, not "
                                                   "by code or title: a person should confirm")


def _join(reason: str, note: str) -> str:
    return f"{reason} — {note}" if reason else note


def _decide_monthly(item: Item, judged: list[_Judged], ctx: Context) -> ItemResult:
    """Monthly coverage is read across every working candidate (one link per month...)."""
    working = [j for j in judged if j.verdict != "broken"]
    if not working:
        judged.sort(key=lambda j: -j.cand.score)
        result = _result(item, judged[0], ctx.fiscal_year)
        result.evidence = [_evidence(judged[0], "best")]
        return result
    mentions = [m for j in working for m in j.mentions]
    outcome = freshness.RULES[item.freshness.rule].check(mentions, ctx)
    lead = working[0]
    merged = _Judged(lead.cand, outcome.verdict, outcome.reason_th, outcome.reason_en,
                     lead.target, outcome, mentions)
    result = _result(item, merged, ctx.fiscal_year)
    result.missing_months = list(outcome.missing_months)
    result.evidence = [_evidence(j, "best" if i == 0 else "part") for i, j in enumerate(working)]
    return result


def _result(item: Item, j: _Judged, fy: int) -> ItemResult:
    months = j.outcome.missing_months if j.outcome else []
    fix_th, fix_en = fix_for(item, j.verdict, fy, months, j.unreachable)
    return ItemResult(item, j.verdict, j.reason_th, j.reason_en, fix_th, fix_en,
                      j.cand.matched_by, j.cand.matched_by in REVIEW_MATCHES, list(months))


def _evidence(j: _Judged, role: str) -> Evidence:
    used = j.outcome.used if j.outcome else None
    target = j.target
    return Evidence(
        url=j.cand.url, text=j.cand.text or j.cand.context[:120], found_on=j.cand.found_on,
        matched_by=j.cand.matched_by, score=round(j.cand.score, 2), role=role,
        signals=list(j.cand.signals), section=j.cand.section,
        status=target.status if target else None, seen_at=target.fetched_at if target else "",
        date=iso(used.mention.start) if used else None,
        date_end=iso(used.mention.end) if used else None,
        date_text=used.mention.text if used else "", date_source=used.source if used else "",
        verdict=j.verdict,
    )
