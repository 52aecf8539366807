"""The verdict engine: for each checklist item, gather candidate evidence from a finished
crawl, evaluate the candidates against the item's rules, and give one verdict with reasons,
a fix and the evidence.

Pure: it reads a :class:`checklists.site.snapshot.Snapshot`, the checklist and an explicit as-of date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from checklists import freshness, reachability, unreadable
from checklists.candidates import MATCH_TIER, Candidate, Gathered, gather
from checklists.dating import iso, mentions_for
from checklists.fiscal import fiscal_year_of
from checklists.fixes import fix_for
from checklists.freshness.base import Context, DatedMention, Outcome
from checklists.matching import ItemMatcher
from checklists.model import Checklist, Item
from checklists.site.crawlnotes import CAUSES_EN, CAUSES_TH
from checklists.site.records import PageRecord
from checklists.site.snapshot import Snapshot
from checklists.thaidates import find_dates
from checklists.vocabulary import VERDICT_RANK

MAX_EVALUATED = 8
MAX_EVALUATED_MONTHLY = 48  # one link per month over several years must all be read
REVIEW_MATCHES = ("alternate wording", "content")
CONTENDER_MARGIN = 1.0  # a passing candidate must score within this of the strongest one


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
    if target is not None and target.kind == "document":
        bad = unreadable.judge(target.doc_status, target.doc_reason)
        if bad is not None:
            return _Judged(cand, bad.verdict, bad.reason_th, bad.reason_en, target)
    link_text = cand.text
    if cand.context and (item.freshness.rule != "monthly_coverage"
                         or len(_months_named(cand.context)) <= 1):
        # a row shared by several month links names its siblings' months, not this link's
        link_text = f"{cand.text} {cand.context}".strip()
    mentions = mentions_for(cand.url, link_text, target)
    rule = freshness.RULES[item.freshness.rule]
    outcome = rule.check(mentions, ctx)
    reason_th, reason_en = outcome.reason_th, outcome.reason_en
    if outcome.verdict == "unverified" and target is not None and target.doc_reason:
        th, en = unreadable.split_reason(target.doc_reason)
        reason_th += f" — {th}"
        reason_en += f" ({en or target.doc_status})"
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
    monthly = item.freshness.rule == "monthly_coverage"
    limit = MAX_EVALUATED_MONTHLY if monthly else MAX_EVALUATED
    judged = [_judge(item, c, snapshot, ctx) for c in candidates[:limit]]
    if monthly:
        result = _decide_monthly(item, judged, ctx, snapshot)
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


def _decide_monthly(item: Item, judged: list[_Judged], ctx: Context,
                    snapshot: Snapshot) -> ItemResult:
    """Monthly coverage is read across every working candidate (one link per month...)."""
    working = [j for j in judged if j.verdict != "broken"]
    if not working:
        judged.sort(key=lambda j: -j.cand.score)
        result = _result(item, judged[0], ctx.fiscal_year)
        result.evidence = [_evidence(judged[0], "best")]
        return result
    # A month whose own link is broken is not published, even where a listing page names it.
    broken = {month for j in judged if j.verdict == "broken"
              for month in _months_named(j.cand.text)}
    for j in working:  # a listing page's own month links that do not open
        for link in (j.target.links if j.target is not None and j.target.kind == "page" else []):
            target = snapshot.get(link["url"])
            if target is not None and not target.ok:
                broken |= _months_named(link["text"])
    mentions = [m for j in working for m in j.mentions
                if not (broken and _month_of(m) in broken and m.source != "link_text"
                        and (j.target is None or j.target.kind == "page"))]
    outcome = freshness.RULES[item.freshness.rule].check(mentions, ctx)
    lead = working[0]
    merged = _Judged(lead.cand, outcome.verdict, outcome.reason_th, outcome.reason_en,
                     lead.target, outcome, mentions)
    result = _result(item, merged, ctx.fiscal_year)
    result.missing_months = list(outcome.missing_months)
    result.evidence = [_evidence(j, "best" if i == 0 else "part") for i, j in enumerate(working)]
    return result


def _months_named(text: str) -> set[tuple[int, int]]:
    """(year, month) of each month a text names (``สขร. ต.ค. 68`` names October 2025)."""
    return {(m.start.year, m.start.month) for m in find_dates(text)
            if m.counts and m.kind == "month"}


def _month_of(m: DatedMention) -> tuple[int, int] | None:
    return (m.mention.start.year, m.mention.start.month) if m.mention.kind == "month" else None


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
