"""Turn a finished audit into the report document (``report.json``'s contract).

Every renderer reads this dict, never the crawl: a saved report.json can be rendered again
without crawling.  The contract is documented in reports/README.md; add keys, never rename.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from checklists.engine import Audit
from checklists.model import Band, Checklist
from checklists.safetext import clean_tree
from checklists.scoring import indicator_score, subindicator_scores, verdict_counts
from checklists.site.crawlnotes import failure_reason, rendering_lists
from checklists.site.health import SiteHealth
from checklists.site.snapshot import Snapshot
from checklists.vocabulary import EXIT_ERROR, EXIT_GAPS, EXIT_OK, TOOL, TOOL_VERSION

SCHEMA_VERSION = 1


def crawl_section(snapshot: Snapshot) -> dict[str, Any]:
    """Crawl figures, the limits in force and those hit, and pages that failed."""
    info = snapshot.info
    failed = [
        {"url": r.url, "status": r.status, "error": r.error or (f"http_{r.status}"),
         "detail": r.error_detail, "found_on": r.referer, "link_text": r.link_text,
         **dict(zip(("reason", "reason_en"), failure_reason(r), strict=True))}
        for r in snapshot.records
        if r.status == 0 or r.status >= 400 or r.error
    ]
    rendered, not_rendered = rendering_lists(snapshot.records)
    return {**snapshot.counts(), "limits": info.limits, "limits_hit": sorted(info.limits_hit),
            "robots_obeyed": info.robots_obeyed, "started_at": info.started_at,
            "finished_at": info.finished_at, "finish_reason": info.finish_reason,
            "failed": failed[:500], "rendered": rendered, "not_rendered": not_rendered,
            "focus": info.focus or {"mode": "full"}}


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
        "checklist": {"id": checklist.id, "version": checklist.version,
                      "family": checklist.family, "framework_year": checklist.framework_year,
                      "title_th": checklist.title_th, "title_en": checklist.title_en},
        "crawl": crawl_section(snapshot),
        "units": {uid: {"th": u.th, "en": u.en} for uid, u in checklist.units.items()},
        "units_file": None,
    }


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
                  health: SiteHealth) -> dict[str, Any]:
    """The report of a site that could not be audited: no item verdicts at all."""
    report = _head(checklist, snapshot, as_of, fiscal_year, health.status)
    report["message"] = {"th": health.message_th, "en": health.message_en,
                         "cause": health.cause}
    report["summary"] = None
    report["items"] = []
    return clean_tree(report)


def audit_report(audit: Audit, snapshot: Snapshot) -> dict[str, Any]:
    """The full report of a completed audit."""
    cl = audit.checklist
    report = _head(cl, snapshot, audit.as_of.isoformat(), audit.fiscal_year, "complete")
    subs = subindicator_scores((r.item.subindicator, r.verdict) for r in audit.results)
    ind9 = indicator_score(subs, 9)
    band = cl.band(ind9) if ind9 is not None else None
    scale = scale_section(cl)
    band_range = next((b for b in scale if band and b["label"] == band.label), None)
    report["summary"] = {
        **verdict_counts(r.verdict for r in audit.results),
        "items": len(audit.results),
        "indicator9_estimate": ind9,
        "indicator10_estimate": indicator_score(subs, 10),
        "band": dict(band_range) if band_range else None,
        "scale": scale,
        "pass_score": cl.pass_score,
        "subindicators": {k: {"score": v, **cl.subindicators.get(k, {"th": k, "en": k})}
                          for k, v in subs.items()},
        "needs_review": sum(1 for r in audit.results if r.needs_review),
        "estimate_note_th": "คะแนนประมาณการของตัวชี้วัดนี้จากสิ่งที่พบบนเว็บไซต์ ไม่ใช่ผลประเมินจริง",
        "estimate_note_en": "An estimate for this indicator from what the site shows; not the "
                            "official result.",
    }
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
            "evidence": [e.as_dict() for e in r.evidence],
            "due": r.due,
        }
        for n, r in enumerate(audit.results, start=1)
    ]
    return clean_tree(report)


def report_document(audit: Audit, snapshot: Snapshot) -> dict[str, Any]:
    """The report document of a finished audit: every verdict, or why there are none."""
    if not audit.complete:
        return failed_report(audit.checklist, snapshot, audit.as_of.isoformat(),
                             audit.fiscal_year, audit.health)
    return audit_report(audit, snapshot)


def exit_code(report: dict[str, Any]) -> int:
    """0 every item passes, 1 gaps found, 2 the audit could not run."""
    if report.get("status") != "complete":
        return EXIT_ERROR
    return EXIT_OK if all(i["verdict"] == "pass" for i in report["items"]) else EXIT_GAPS
