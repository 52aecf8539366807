"""The verdict engine: ``audit(checklist, snapshot, as_of) -> Audit``.

For each checklist item, gather candidate evidence from a finished crawl, judge the candidates
with the item's freshness rule, and give one verdict with reasons, a fix, a deadline and the
evidence.  A site that could not be audited (down, blocking, crawl interrupted) gets no
verdicts, only the reason.  The engine knows no rule by name: what differs between rules
(how many candidates to read, whether they are read together, the fix, the deadline) is in
each rule's module (``checklists/freshness/``).

Pure: it reads a :class:`checklists.site.snapshot.Snapshot`, the checklist and an explicit
as-of date.  :class:`Judge` keeps the date-independent work (matching, gathering) so that the
same crawl can be judged at other dates (due soon) without repeating it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from checklists import freshness, reachability, unreadable
from checklists.candidates import MATCH_TIER, Candidate, Gathered, gather, once_read
from checklists.dating import iso, mentions_for
from checklists.deadlines import due_for
from checklists.fiscal import fiscal_year_of
from checklists.fixes import fix_for
from checklists.freshness import Rule
from checklists.freshness.base import Context, DatedMention, Outcome
from checklists.hubscheme import lexicon_for
from checklists.matching import LOW_CONFIDENCE
from checklists.model import Checklist, Item
from checklists.site import coverage, health
from checklists.site.crawlnotes import CAUSES_EN, CAUSES_TH
from checklists.site.health import SiteHealth
from checklists.site.records import PageRecord
from checklists.site.snapshot import Snapshot
from checklists.vocabulary import VERDICT_RANK
from checklists.wordings import matchers_for
from checklists.words import pair, pick

REVIEW_MATCHES = ("alternate wording", "content", "hub order")
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
    redirects: list[str] = field(default_factory=list)  # the link's redirect chain, first to last

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
    due: dict[str, Any] | None = None  # the suggested deadline (checklists.deadlines)


@dataclass
class Audit:
    """The verdicts of one checklist over one crawl at one as-of date (no verdicts when the
    site could not be audited: ``health`` says why)."""

    checklist: Checklist
    as_of: date
    fiscal_year: int
    results: list[ItemResult]
    health: SiteHealth = field(default_factory=lambda: SiteHealth("ok"))

    @property
    def complete(self) -> bool:
        return self.health.ok


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
    fix: tuple[str, str] | None = None  # a fix of its own (not the verdict's usual one)


def audit(checklist: Checklist, snapshot: Snapshot, as_of: date,
          fiscal_year: int | None = None, judge: Judge | None = None) -> Audit:
    """Judge every item of ``checklist`` on ``snapshot`` as of ``as_of`` (``fiscal_year``:
    the assessed year when fixed, else the fiscal year of ``as_of``; ``judge``: the
    :class:`Judge` of these three, when the caller judges the crawl at other dates too)."""
    site = health.assess(snapshot)
    if not site.ok:
        return Audit(checklist, as_of, fiscal_year or fiscal_year_of(as_of), [], site)
    return (judge or Judge(checklist, snapshot, fiscal_year)).at(as_of)


class Judge:
    """One crawl judged at any as-of date; matching and candidate gathering, which do not
    depend on the date, are done once per fiscal year."""

    def __init__(self, checklist: Checklist, snapshot: Snapshot,
                 fiscal_year: int | None = None) -> None:
        self.checklist = checklist
        self.snapshot = snapshot
        self.fiscal_year = fiscal_year
        self.matchers = matchers_for(checklist)
        self.lexicon = lexicon_for(checklist)
        self._gathered: dict[int, tuple[dict[str, list[Candidate]], Gathered]] = {}

    def at(self, as_of: date, codes: Collection[str] | None = None) -> Audit:
        """The verdicts as of ``as_of``; with ``codes``, of those items only (the due-soon
        search asks a middle date only about the items that changed between its ends)."""
        fy = self.fiscal_year or fiscal_year_of(as_of)
        candidates, extra = self._gather(fy)
        several_years = len(extra.years) > 1
        results = [decide(m.item, candidates.get(m.item.code, []), self.snapshot, as_of, fy,
                          extra.other_years.get(m.item.code, []), several_years)
                   for m in self.matchers if codes is None or m.item.code in codes]
        return Audit(self.checklist, as_of, fy, results)

    def links_read(self, as_of: date) -> set[str]:
        """The address of each candidate whose page was not fetched and which could change
        its item's verdict at ``as_of`` once its page is read: what a focused crawl fetches
        of the links it held back (crawler/focusstop.py).  A link judged by its text alone
        is judged otherwise once its page is read (a date that makes it stale, words that
        make it score higher and push another out of the ``MAX_CANDIDATES`` its rule
        reads), so the crawl's verdicts were not those of the whole site (model43).

        What a page can add to its link's candidacy is bounded
        (:func:`checklists.candidates.once_read`), so a candidate is left unread when even
        its strongest reading changes nothing (crawl44): its item passes by a working
        candidate no review flags, of a stronger kind or a higher score than the candidate
        could reach (:func:`_pick` keeps that one: a passing contender of the strongest
        kind, by its score), or its item's rule reads ``MAX_CANDIDATES`` others that score
        more than it could.  A page read can also be another item's candidate than the one
        its link names (its own heading's code, its target's reading: the bound of a link
        nothing names, the same function), so while any other item could still take such a
        candidate (it does not pass, or passes by weaker evidence than that) every
        candidate is read (crawl45: a news post past the cap, held back as the decided news
        item's, was the page headed by another item's code that the full crawl took).
        Unbounded (every unfetched candidate) while the site has other
        years' sections and none of the assessed year: a page's own year could make one,
        which leaves the other years' candidates of every item out (``_apply_years``)."""
        fy = self.fiscal_year or fiscal_year_of(as_of)
        candidates, extra = self._gather(fy)
        number = self.snapshot.number
        unread = {code: [(n, c) for n, c in enumerate(cands) if number(c.url) is None]
                  for code, cands in candidates.items()}
        if extra.years and fy not in extra.years:
            return {c.url for cands in unread.values() for _, c in cands}
        codes = {code for code, cands in unread.items() if cands}
        if not codes:
            return set()
        results = {r.item.code: r for r in self.at(as_of).results}
        # the items a page its link does not name could change: every candidate is theirs
        elsewhere = once_read(Candidate("", "", "", "", 0.0, "content"))
        wanting = {code for code, r in results.items()
                   if _could_change(elsewhere, r, candidates.get(code, []))}
        out: set[str] = set()
        for code in codes:
            if wanting - {code}:
                out.update(c.url for _, c in unread[code])
                continue
            cands = candidates[code]
            out.update(c.url for n, c in unread[code]
                       if _could_change(once_read(c), results[code], cands, n))
        return out

    def _gather(self, fy: int) -> tuple[dict[str, list[Candidate]], Gathered]:
        if fy not in self._gathered:
            extra = Gathered()
            self._gathered[fy] = (gather(self.matchers, self.snapshot, fy, extra,
                                         self.lexicon), extra)
        return self._gathered[fy]


def _could_change(reach: tuple[tuple[int, float], ...], result: ItemResult,
                  cands: list[Candidate], at: int | None = None) -> bool:
    """Whether a candidate that could reach ``reach`` (:func:`~checklists.candidates.
    once_read`: kinds of match and scores) could change ``result``, its item's verdict on
    its item's ``cands``: taken over the evidence of an item that passes by one candidate
    (:func:`_passing_bar`), or, for any other item, among the ``MAX_CANDIDATES`` its rule
    reads (one of ``cands``, ``at`` its place among them, is)."""
    rule = freshness.RULES[result.item.freshness.rule]
    bar = _passing_bar(rule, result)
    if bar is not None:
        return any(tier > bar[0] or tier == bar[0] and score >= bar[1] for tier, score in reach)
    return len(cands) < rule.MAX_CANDIDATES or at is not None and at < rule.MAX_CANDIDATES \
        or max(score for _, score in reach) >= cands[rule.MAX_CANDIDATES - 1].score


def _passing_bar(rule: Rule, result: ItemResult) -> tuple[int, float] | None:
    """The kind of match and score (:data:`MATCH_TIER`, score) a candidate must reach to be
    taken over ``result``'s evidence when the item passes by one candidate (``_pick``) that
    no review flags; None when the item does not (any candidate read could change it)."""
    if rule.ACROSS_CANDIDATES or result.verdict != "pass" or not result.evidence:
        return None
    best = result.evidence[0]
    if LOW_CONFIDENCE in best.signals:
        return None
    # the evidence's score is rounded to two places: a hundredth below it, to be sure
    return MATCH_TIER.get(best.matched_by, 0), best.score - 0.01


def _judge(item: Item, rule: Rule, cand: Candidate, snapshot: Snapshot,
           ctx: Context) -> _Judged:
    target = snapshot.get(cand.url)
    if target is not None and target.error == "robots":  # not checked, so neither broken
        paths = [urlsplit(target.url).path or "/"]
        return _Judged(cand, "unverified", *coverage.not_checked(paths), target,
                       fix=coverage.not_checked_fix(paths))
    if target is not None and not target.ok:
        cause = target.error or ("http" if target.status else "network")
        http_th, http_en = pair("reasons", "http", status=target.status)
        th = CAUSES_TH.get(cause, http_th)
        en = CAUSES_EN.get(cause, http_en)
        return _Judged(cand, "broken", pick("reasons", "broken", "th", cause=th),
                       pick("reasons", "broken", "en", cause=en), target)
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
    if cand.context and rule.reads_row_context(cand.context):
        link_text = f"{cand.text} {cand.context}".strip()
    mentions = mentions_for(cand.url, link_text, target)
    outcome = rule.check(mentions, ctx)
    reason_th, reason_en = outcome.reason_th, outcome.reason_en
    if outcome.verdict == "unverified" and target is not None and target.doc_reason:
        th, en = unreadable.split_reason(target.doc_reason)
        reason_th += f" — {th}"
        reason_en += f" ({en or target.doc_status})"
    if target is None and not reason_th:
        reason_th, reason_en = pair("reasons", "not_fetched")
    return _Judged(cand, outcome.verdict, reason_th, reason_en, target, outcome, mentions)


def decide(item: Item, candidates: list[Candidate], snapshot: Snapshot, as_of: date,
           fy: int, other_years: list[str] | None = None,
           several_years: bool = False) -> ItemResult:
    """One verdict for ``item`` from its candidates (``several_years``: the site has sections
    for several assessment years, so the reason says which one the evidence came from)."""
    blocked = coverage.robots_disallowed(snapshot.failed()) if not candidates else []
    if blocked:  # robots.txt kept the crawler out of part of the site: not checked
        result = ItemResult(item, "unverified", *coverage.not_checked(blocked),
                            *coverage.not_checked_fix(blocked),
                            due=due_for(item, "unverified", [], as_of, fy))
        result.match = {"by": "none", "signals": [], "other_year_sections": other_years or [],
                        "robots_disallowed": blocked}
        return result
    if not candidates:
        fix_th, fix_en = fix_for(item, "missing", fy, [])
        result = ItemResult(item, "missing",
                            *pair("reasons", "missing", title_th=item.title_th,
                                  title_en=item.title_en, code=item.code),
                            fix_th, fix_en, due=due_for(item, "missing", [], as_of, fy))
        if other_years:
            th, en = pair("reasons", "other_years", fy=fy, where=", ".join(other_years[:3]))
            result.reason_th += th
            result.reason_en += en
        result.match = {"by": "none", "signals": [], "other_year_sections": other_years or []}
        return result
    ctx = Context(as_of, fy, item.freshness.params)
    rule = freshness.RULES[item.freshness.rule]
    judged = [_judge(item, rule, c, snapshot, ctx) for c in candidates[:rule.MAX_CANDIDATES]]
    if rule.ACROSS_CANDIDATES:
        result = _decide_across(item, rule, judged, ctx, snapshot)
    else:
        best, runner_up = _pick(judged)
        result = _result(item, best, ctx)
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
    # A low-confidence guess is no working alternative to a link the office labelled.
    sure = [j for j in judged if LOW_CONFIDENCE not in j.cand.signals] or judged
    working = [j for j in sure if j.verdict != "broken"] or sure
    top = max(working, key=lambda j: (MATCH_TIER.get(j.cand.matched_by, 0), j.cand.score))
    tier = MATCH_TIER.get(top.cand.matched_by, 0)
    contenders = [j for j in working if MATCH_TIER.get(j.cand.matched_by, 0) == tier
                  and j.cand.score >= top.cand.score - CONTENDER_MARGIN]
    contenders.sort(key=_preference)
    best = contenders[0]
    rest = sorted((j for j in judged if j is not best), key=_preference)
    return best, (rest[0] if rest else None)


def _preference(j: _Judged) -> tuple[bool, float, int, int]:
    """Sort key of candidates: a passing one, then the score, the least bad verdict, and among
    equals the one whose date comes nearest the assessed period (of reports of 2566, 2567 and
    2568 listed alike, the 2568 one tells what to fix)."""
    used = j.outcome.used if j.outcome is not None else None
    nearest = used.mention.end.toordinal() if used is not None else 0
    return (j.verdict != "pass", -j.cand.score, VERDICT_RANK[j.verdict], -nearest)


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
        _note(result, "assessed_section", section=best.section, fy=fy)
    elif "other-year section" in best.signals:
        _note(result, "other_section", section=best.section, fy=fy)
    if result.needs_review:
        _note(result, "needs_review")


def _note(result: ItemResult, key: str, **values: object) -> None:
    """Add the note ``key`` of words' ``reasons`` to the result's reasons."""
    th, en = pair("reasons", key, **values)
    result.reason_th = _join(result.reason_th, th)
    result.reason_en = _join(result.reason_en, en)


def _join(reason: str, note: str) -> str:
    return f"{reason} — {note}" if reason else note


def _decide_across(item: Item, rule: Rule, judged: list[_Judged], ctx: Context,
                   snapshot: Snapshot) -> ItemResult:
    """A rule that reads every working candidate together (one link per month...): the rule
    combines their mentions, told which links do not open."""
    working = [j for j in judged if j.verdict != "broken"]
    if not working:
        judged.sort(key=lambda j: -j.cand.score)
        result = _result(item, judged[0], ctx)
        result.evidence = [_evidence(judged[0], "best")]
        return result
    broken_texts = [j.cand.text for j in judged if j.verdict == "broken"]
    for j in working:  # a listing page's own links that do not open
        for link in (j.target.links if j.target is not None and j.target.kind == "page" else []):
            target = snapshot.get(link["url"])
            if target is not None and not target.ok:
                broken_texts.append(link["text"])
    mentions = rule.combine([(j.mentions, j.target is None or j.target.kind == "page")
                             for j in working], broken_texts)
    outcome = rule.check(mentions, ctx)
    lead = working[0]
    merged = _Judged(lead.cand, outcome.verdict, outcome.reason_th, outcome.reason_en,
                     lead.target, outcome, mentions)
    result = _result(item, merged, ctx)
    result.evidence = [_evidence(j, "best" if i == 0 else "part") for i, j in enumerate(working)]
    return result


def _result(item: Item, j: _Judged, ctx: Context) -> ItemResult:
    months = list(j.outcome.missing_months) if j.outcome else []
    fix_th, fix_en = j.fix or fix_for(item, j.verdict, ctx.fiscal_year, months,
                                       j.unreachable)
    review = j.cand.matched_by in REVIEW_MATCHES or LOW_CONFIDENCE in j.cand.signals
    return ItemResult(item, j.verdict, j.reason_th, j.reason_en, fix_th, fix_en,
                      j.cand.matched_by, review, months,
                      due=due_for(item, j.verdict, months, ctx.as_of, ctx.fiscal_year))


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
        redirects=[*target.redirects, target.final_url] if target and target.redirects else [],
    )
