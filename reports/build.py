"""Turn a finished audit into the report document (``report.json``'s contract).

Every renderer reads this document, never the crawl: a saved report.json can be rendered
again without crawling.  Its type is :class:`reports.document.Report` (checked against
``reports/report.schema.json`` by a test); the contract is documented in reports/README.md;
add keys, never rename.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from checklists.crossyear import last_year, previous_of
from checklists.engine import Audit
from checklists.model import Band, Checklist
from checklists.safetext import clean_tree
from checklists.scoring import Estimate, estimate, subindicator_scores, verdict_counts
from checklists.site.coverage import incomplete_message, robots_disallowed
from checklists.site.crawlnotes import blocked_in_browser, failure_reason, rendering_lists
from checklists.site.health import SiteHealth
from checklists.site.snapshot import CrawlInfo, Snapshot
from checklists.topics import load_topics
from checklists.vocabulary import (
    EXIT_ERROR,
    EXIT_GAPS,
    EXIT_OK,
    EXIT_STOPPED,
    JUDGED,
    TOOL,
    TOOL_VERSION,
)
from reports.document import Report
from reports.labels import words

SCHEMA_VERSION = 1


def crawl_section(snapshot: Snapshot) -> dict[str, Any]:
    """Crawl figures, the limits in force and those hit, and pages that failed."""
    info = snapshot.info
    # sorted by URL (crawl order varies run to run; the report does not), the linking page by
    # a stable rule (Snapshot.found_on), not the crawl's first referer
    failed = []
    for r in sorted(snapshot.failed(), key=lambda r: r.url)[:500]:
        found_on, link_text = snapshot.found_on(r)
        failed.append({"url": r.url, "status": r.status, "error": r.error or f"http_{r.status}",
                       "detail": r.error_detail, "found_on": found_on, "link_text": link_text,
                       **dict(zip(("reason", "reason_en"), failure_reason(r), strict=True))})
    noted = list(snapshot.noted())  # the few records these lists name, read once
    rendered, not_rendered = rendering_lists(noted)
    return {**snapshot.counts(), "limits": info.limits, "limits_hit": sorted(info.limits_hit),
            "robots_obeyed": info.robots_obeyed, "started_at": info.started_at,
            "finished_at": info.finished_at, "finish_reason": info.finish_reason,
            "failed": failed, "rendered": rendered, "not_rendered": not_rendered,
            "blocked_in_browser": blocked_in_browser(noted)[:500],
            "focus": info.focus or {"mode": "full"}, "network": info.network}


def crawl_info_of(report: dict[str, Any]) -> CrawlInfo:
    """The :class:`CrawlInfo` a saved report was built from (its ``crawl`` section and the
    site's addresses), so that the crawl saved beside it can be judged again."""
    crawl = report.get("crawl") or {}
    return CrawlInfo(
        start_url=report.get("start_url") or report.get("site") or "",
        home_url=report.get("site") or "", scheme_note=report.get("scheme_note") or "",
        limits=dict(crawl.get("limits") or {}), limits_hit=list(crawl.get("limits_hit") or []),
        robots_obeyed=bool(crawl.get("robots_obeyed", True)),
        started_at=crawl.get("started_at") or "", finished_at=crawl.get("finished_at") or "",
        finish_reason=crawl.get("finish_reason") or "finished",
        focus=dict(crawl.get("focus") or {}), network=dict(crawl.get("network") or {}))


def _head(checklist: Checklist, snapshot: Snapshot, as_of: str, fiscal_year: int,
          status: str) -> dict[str, Any]:
    info = snapshot.info
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL, "version": TOOL_VERSION},
        "status": status,
        "site": info.home_url or info.start_url,
        "start_url": info.start_url,
        "scheme_note": info.scheme_note,
        "as_of": as_of,
        "fiscal_year": fiscal_year,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "checklist": checklist_section(checklist),
        "crawl": crawl_section(snapshot),
        "units": {uid: {"th": u.th, "en": u.en} for uid, u in checklist.units.items()},
        "units_file": None,
    }


def checklist_section(checklist: Checklist) -> dict[str, Any]:
    """Which checklist was used and how sure its contents are (provisional items rest on one
    agency's site, not the evaluator's manual)."""
    return {"id": checklist.id, "version": checklist.version, "family": checklist.family,
            "framework_year": checklist.framework_year, "title_th": checklist.title_th,
            "title_en": checklist.title_en, "extends": checklist.extends or None,
            "provisional": checklist.provisional,
            "provisional_items": list(checklist.provisional_codes),
            "sources": [{"id": s.id, "text": s.text, "url": s.url,
                         "single_agency": s.single_agency} for s in checklist.sources.values()],
            "changes": [{"th": c.th, "en": c.en} for c in checklist.changes],
            "scoring": checklist.scoring.method}


def scale_section(checklist: Checklist) -> list[dict[str, Any]]:
    """The framework's bands, best first, each with its score range (checklist data)."""
    bands = sorted(checklist.scale, key=lambda b: -b.min)
    out, upper, top = [], 100.0, 100.0
    for band in bands:  # labels that share a minimum (ผ่านดี, ผ่าน) share the range
        if out and band.min == out[-1]["min"]:
            upper = top
        out.append(_band_dict(band, upper))
        top, upper = upper, round(band.min - 0.01, 2)
    return out


def _band_dict(band: Band, upper: float) -> dict[str, Any]:
    return {"label": band.label, "label_en": band.label_en or band.label,
            "min": float(band.min), "max": upper, "each_tool_min": band.each_tool_min}


def failed_report(checklist: Checklist, snapshot: Snapshot, as_of: str, fiscal_year: int,
                  health: SiteHealth) -> Report:
    """The report of a site that could not be audited: no item verdicts at all."""
    report = _head(checklist, snapshot, as_of, fiscal_year, health.status)
    report["message"] = {"th": health.message_th, "en": health.message_en,
                         "cause": health.cause}
    report["summary"] = None
    report["items"] = []
    return clean_tree(report)


def audit_report(audit: Audit, snapshot: Snapshot, iit: float | None = None,
                 eit: float | None = None) -> Report:
    """The full report of a completed audit; with last year's IIT and EIT points, the
    estimated total and its band as the checklist's framework computes them."""
    cl = audit.checklist
    blocked = robots_disallowed(snapshot.failed())
    report = _head(cl, snapshot, audit.as_of.isoformat(), audit.fiscal_year,
                   "incomplete" if blocked else "complete")
    if blocked:
        report["message"] = incomplete_message(blocked)
    subs = subindicator_scores((r.item.subindicator, r.verdict) for r in audit.results)
    est = estimate(cl, subs, iit, eit)
    scale = scale_section(cl)
    band = est.band
    band_range = next((b for b in scale if band and b["label"] == band.label), None)
    report["summary"] = {
        **verdict_counts(r.verdict for r in audit.results),
        "items": len(audit.results),
        "indicator9_estimate": est.indicators.get(9),
        "indicator10_estimate": est.indicators.get(10),
        "band": dict(band_range) if band_range else None,
        "band_basis": est.basis,
        "scale": scale,
        "pass_score": cl.pass_score,
        "oit": _oit_section(est),
        "total": _total_section(est, scale),
        "subindicators": {k: {"score": v, **cl.subindicators.get(k, {"th": k, "en": k})}
                          for k, v in subs.items()},
        "needs_review": sum(1 for r in audit.results if r.needs_review),
        "robots_disallowed": blocked,
        **{f"estimate_note_{lang}": words("summary", lang)["estimate_note"]
           for lang in ("th", "en")},
    }
    topics = load_topics()
    previous = previous_of(cl, topics)
    crossyear = {r.item.code: last_year(topics, cl, previous, r.item.code)
                 for r in audit.results}
    report["items"] = [
        {
            "order": n,
            "code": r.item.code,
            "indicator": r.item.indicator,
            "subindicator": r.item.subindicator,
            "title_th": r.item.title_th,
            "title_en": r.item.title_en,
            "requires": r.item.requires_th,
            "requires_en": r.item.requires_en,
            "verdict": r.verdict,
            "reason": r.reason_th,
            "reason_en": r.reason_en,
            "fix": r.fix_th,
            "fix_en": r.fix_en,
            "owner": cl.unit(r.item.owner).th,
            "owner_en": cl.unit(r.item.owner).en,
            "owner_id": r.item.owner,
            "matched_by": r.matched_by,
            "needs_review": r.needs_review,
            "match": r.match,
            "freshness_rule": r.item.freshness.rule,
            "missing_months": r.missing_months,
            "evidence": [_evidence(e.as_dict(), snapshot) for e in r.evidence],
            "due": r.due,
            "provisional": r.item.provisional,
            "last_year": crossyear[r.item.code],
        }
        for n, r in enumerate(audit.results, start=1)
    ]
    return clean_tree(report)


def _evidence(ev: dict[str, Any], snapshot: Snapshot) -> dict[str, Any]:
    """An evidence entry with its target's digest, size and validators from the crawl (so
    the next run can tell a replaced document)."""
    rec = snapshot.get(ev.get("url", ""))
    if rec is None or not rec.status:
        return ev
    return {**ev, "sha256": rec.sha256 or None, "size": rec.size, "etag": rec.etag or None,
            "last_modified": rec.last_modified or None}


def report_document(audit: Audit, snapshot: Snapshot, iit: float | None = None,
                    eit: float | None = None,
                    framework: dict[str, Any] | None = None) -> Report:
    """The report document of a finished audit: every verdict, or why there are none; with
    last year's IIT and EIT, the estimated total and band; ``framework``: what the site's
    ITA section declares (``checklists.framework.framework_section``) of a judged site."""
    if not audit.complete:
        return failed_report(audit.checklist, snapshot, audit.as_of.isoformat(),
                             audit.fiscal_year, audit.health)
    report = audit_report(audit, snapshot, iit, eit)
    return report if framework is None else {**report, "framework": framework}


def _oit_section(est: Estimate) -> dict[str, Any] | None:
    if est.oit_points is None:
        return None
    return {"percent": est.oit_percent, "points": est.oit_points, "weight": est.oit_weight}


def _total_section(est: Estimate, scale: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The estimated total from the coordinator's IIT and EIT (None when not given)."""
    if est.total is None:
        return None
    held = est.held_back
    return {"iit": est.iit, "eit": est.eit, "oit": est.oit_points, "total": est.total,
            "tool_percents": est.tool_percents,
            "held_back": next((dict(b) for b in scale if held and b["label"] == held.label),
                              None)}


def exit_code(report: dict[str, Any]) -> int:
    """0 every item passes, 1 gaps found, 2 the audit could not run, 3 it was stopped."""
    if report.get("status") == "interrupted":
        return EXIT_STOPPED
    if report.get("status") not in JUDGED:
        return EXIT_ERROR
    return EXIT_OK if all(i["verdict"] == "pass" for i in report["items"]) else EXIT_GAPS
