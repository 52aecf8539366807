"""The verdict engine: for each checklist item, gather candidate evidence from a finished
crawl, evaluate the candidates against the item's rules, and give one verdict with reasons,
a fix and the evidence.

Pure: it reads a :class:`crawler.snapshot.Snapshot`, the checklist and an explicit as-of date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from checklists import freshness, reachability
from checklists.dating import iso, mentions_for
from checklists.fiscal import fiscal_year_of
from checklists.fixes import fix_for
from checklists.freshness.base import Context, DatedMention, Outcome
from checklists.matching import ItemMatcher
from checklists.model import Checklist, Item
from crawler.failures import CAUSES_EN, CAUSES_TH
from crawler.items import PageRecord
from crawler.snapshot import Snapshot, url_key

VERDICT_RANK = {"pass": 0, "unverified": 1, "stale": 2, "broken": 3, "missing": 4}
MAX_EVALUATED = 8


@dataclass
class Candidate:
    """A link or page that may be an item's evidence."""

    url: str
    text: str
    context: str
    found_on: str
    score: float
    matched_by: str


@dataclass
class Evidence:
    """Evidence as reported: where, what it says, which date was read, and its state."""

    url: str
    text: str
    found_on: str
    matched_by: str
    score: float
    role: str = "best"
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
    candidates = gather(matchers, snapshot)
    results = [decide(m.item, candidates.get(m.item.code, []), snapshot, as_of, fy)
               for m in matchers]
    return Audit(checklist, as_of, fy, results)


def gather(matchers: list[ItemMatcher], snapshot: Snapshot) -> dict[str, list[Candidate]]:
    """Candidates per item code: every link (and page) that matches, best item wins a link."""
    found: dict[str, dict[str, Candidate]] = {}

    def keep(code: str, cand: Candidate) -> None:
        slot = found.setdefault(code, {})
        key = url_key(cand.url)
        if key not in slot or slot[key].score < cand.score:
            slot[key] = cand

    for page in snapshot.pages():
        if not (200 <= page.status < 300) or page.error:
            continue
        for link in page.links:
            if url_key(link["url"]) == url_key(page.final_url):
                continue
            scored = [(m, m.score_link(link["text"], link.get("context", ""), link["url"]))
                      for m in matchers]
            scored = [(m, s) for m, s in scored if s is not None]
            if not scored:
                continue
            target = snapshot.get(link["url"])
            best = max(s.score for _, s in scored)
            for m, s in scored:
                if s.score < best - 0.01:
                    continue
                bonus = m.content_score(target.text) if target and target.text else 0.0
                keep(m.item.code, Candidate(link["url"], link["text"], link.get("context", ""),
                                            page.final_url, s.score + bonus, s.matched_by))
        for m in matchers:
            s = m.score_page(page.title, page.headings)
            if s is not None:
                text = (page.headings[:1] or [page.title])[0]
                keep(m.item.code, Candidate(page.final_url, text, "", page.referer or
                                            page.final_url, s.score, s.matched_by))
    return {code: sorted(c.values(), key=lambda c: -c.score) for code, c in found.items()}


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
        reason_th += f" — {target.doc_reason}"
        reason_en += f" ({target.doc_status})"
    if target is None and not reason_th:
        reason_th, reason_en = "พบลิงก์ (ไม่ได้เปิดตรวจปลายทาง)", "link found (target not fetched)"
    return _Judged(cand, outcome.verdict, reason_th, reason_en, target, outcome, mentions)


def decide(item: Item, candidates: list[Candidate], snapshot: Snapshot, as_of: date,
           fy: int) -> ItemResult:
    """One verdict for ``item`` from its candidates."""
    if not candidates:
        fix_th, fix_en = fix_for(item, "missing", fy, [])
        return ItemResult(item, "missing",
                          f"ไม่พบ “{item.title_th}” ({item.code}) บนเว็บไซต์",
                          f"no evidence of '{item.title_en}' ({item.code}) found on the site",
                          fix_th, fix_en)
    ctx = Context(as_of, fy, item.freshness.params)
    judged = [_judge(item, c, snapshot, ctx) for c in candidates[:MAX_EVALUATED]]
    if item.freshness.rule == "monthly_coverage":
        return _decide_monthly(item, judged, ctx)
    # Any passing candidate wins; otherwise the strongest match tells what to fix (the link
    # the office labelled O1 is stale even if an undated page also mentions the structure).
    judged.sort(key=lambda j: (j.verdict != "pass", -j.cand.score, VERDICT_RANK[j.verdict]))
    best = judged[0]
    result = _result(item, best, fy)
    result.evidence = [_evidence(best, "best")]
    if len(judged) > 1:
        result.evidence.append(_evidence(judged[1], "runner_up"))
    return result


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
                      j.cand.matched_by, j.cand.matched_by == "alternate wording", list(months))


def _evidence(j: _Judged, role: str) -> Evidence:
    used = j.outcome.used if j.outcome else None
    target = j.target
    return Evidence(
        url=j.cand.url, text=j.cand.text or j.cand.context[:120], found_on=j.cand.found_on,
        matched_by=j.cand.matched_by, score=round(j.cand.score, 2), role=role,
        status=target.status if target else None, seen_at=target.fetched_at if target else "",
        date=iso(used.mention.start) if used else None,
        date_end=iso(used.mention.end) if used else None,
        date_text=used.mention.text if used else "", date_source=used.source if used else "",
        verdict=j.verdict,
    )
