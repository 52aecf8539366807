"""``report.html``: the gap report as one self-contained page (works offline, prints to A4).

Summary with the estimated indicator-9 score and its band on the checklist's scale, the count
per verdict, a chart per sub-indicator (inline SVG), then every item with its verdict, the
evidence, the date seen, the reason, the fix, the unit and the deadline; filters by verdict
and by unit (a small inline script, allowed by a hash in the page's Content-Security-Policy).

Everything from the audited site (titles, link texts, URLs) is untrusted: Jinja2 autoescaping
escapes text, and :func:`safe_href` keeps only http(s) links.
"""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from checklists.vocabulary import JUDGED, VERDICT_LABELS, VERDICTS, en_date, thai_date
from reports import charts
from reports.framing import checklist_lines, last_year_text, score_lines
from reports.labels import limit_hit_words, limit_words, text, words
from reports.priority import priorities
from reports.templatecache import kept_templates

PRIORITY_SHOWN = 5  # the first screen's list; the rest are in the item table below

_BANGKOK = timezone(timedelta(hours=7))


def safe_href(url: Any) -> str:
    """The URL when it is http(s), else ``#`` (no ``javascript:`` links in reports)."""
    url = str(url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else "#"


@cache
def _env() -> Environment:
    env = Environment(loader=PackageLoader("reports", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True),
                      trim_blocks=True, lstrip_blocks=True, bytecode_cache=kept_templates())
    env.filters["safe_href"] = safe_href
    env.filters["num"] = charts.num
    env.filters["ink"] = charts.ink
    env.filters["codes"] = mark_codes
    return env


_CODE = re.compile(r"\b([A-Z]{1,3}\d{1,3})\b")


def mark_codes(value: Any) -> Markup:
    """Escaped text with item codes (``O23``) in the code face, where the letter O and the
    digit 0 look different."""
    return Markup(_CODE.sub(r'<span class="codefont">\1</span>', str(escape(value))))


def _day(iso: str | None, lang: str) -> str:
    if not iso:
        return ""
    try:
        day = datetime.fromisoformat(iso).date()
    except ValueError:
        return str(iso)
    return thai_date(day) if lang == "th" else en_date(day)


def _seen(iso: str | None, lang: str) -> str:
    """A crawl time in Thailand's time zone (``25 Nov 2026 02:50`` with the Thai time word,
    or ``(UTC+7)`` in English)."""
    try:
        moment = datetime.fromisoformat(str(iso)).astimezone(_BANGKOK)
    except ValueError:
        return str(iso or "")
    day = thai_date(moment.date()) if lang == "th" else en_date(moment.date())
    return words("html", lang)["seen_time"].format(day=day, time=f"{moment:%H:%M}")


def _evidence(item: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    out = []
    for ev in item["evidence"][:8]:
        out.append({
            "href": safe_href(ev.get("url")), "url": ev.get("url") or "",
            "text": ev.get("text") or "", "role": ev.get("role") or "",
            "status": ev.get("status"), "verdict": ev.get("verdict") or "",
            "seen": _seen(ev.get("seen_at"), lang) if ev.get("seen_at") else "",
            "date": _day(ev.get("date"), lang), "date_text": ev.get("date_text") or "",
            "found_on": ev.get("found_on") or "",
        })
    return out


def _items(report: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    units = report.get("units") or {}
    out = []
    for item in report.get("items") or []:
        uid = item.get("owner_id") or ""
        due = item.get("due") or {}
        out.append({
            "code": item["code"], "subindicator": item["subindicator"],
            "title": text(item, "title_th" if lang == "th" else "title_en", lang),
            "requires": text(item, "requires", lang),
            "verdict": item["verdict"], "verdict_label": VERDICT_LABELS[lang][item["verdict"]],
            "reason": text(item, "reason", lang), "fix": text(item, "fix", lang),
            "unit_id": uid,
            "unit": units.get(uid, {}).get(lang) or text(item, "owner", lang),
            "due": due.get("th" if lang == "th" else "en") or "",
            "overdue": bool(due.get("overdue")),
            "needs_review": bool(item.get("needs_review")),
            "matched_by": words("matched_by", lang).get(item.get("matched_by") or "", ""),
            "evidence": _evidence(item, lang),
            "last_year": last_year_text(item, lang),
        })
    return out


def _priorities(report: dict[str, Any], lang: str, t: dict[str, Any]) -> list[dict[str, Any]]:
    """The failing items in fix order (reports/priority.py), as the page shows them."""
    units = report.get("units") or {}
    out = []
    for rank in priorities(report):
        item = rank["item"]
        due = item.get("due") or {}
        uid = item.get("owner_id") or ""
        out.append({
            "code": item["code"], "verdict": item["verdict"],
            "title": text(item, "title_th" if lang == "th" else "title_en", lang),
            "verdict_label": VERDICT_LABELS[lang][item["verdict"]],
            "urgency": rank["urgency"], "urgency_label": t["urgency"][rank["urgency"]],
            "gain": t["gain"].format(points=charts.num(rank["gain"]),
                                     indicator=rank["indicator"]),
            "unit": units.get(uid, {}).get(lang) or text(item, "owner", lang),
            "due": due.get("th" if lang == "th" else "en") or "",
        })
    return out


def _history_chart(report: dict[str, Any], lang: str, t: dict[str, Any]) -> Markup | str:
    points = [p for p in report.get("history") or [] if p.get("score") is not None]
    if len(points) < 2:
        return ""
    dates = [_day(p.get("date"), lang) or str(p.get("date") or "") for p in points]
    return charts.history_chart(points, t["chart_score"], t["chart_date"], dates)


def _units(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for item in items:
        unit = seen.setdefault(item["unit_id"], {"id": item["unit_id"], "name": item["unit"],
                                                 "total": 0, "failing": 0})
        unit["total"] += 1
        unit["failing"] += item["verdict"] != "pass"
    return list(seen.values())


def _subcharts(report: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    summary = report["summary"]
    out = []
    for sub, info in summary.get("subindicators", {}).items():
        items = [i for i in report["items"] if i["subindicator"] == sub]
        name = info.get(lang) or info.get("th") or sub
        out.append({
            "code": sub, "name": name, "score": info["score"], "total": len(items),
            "passed": sum(1 for i in items if i["verdict"] == "pass"),
            "indicator": sub.split(".")[0],
            "svg": charts.subindicator_chart(items, info["score"], summary.get("pass_score"),
                                             f"{sub} {name}: {info['score']}",
                                             VERDICT_LABELS[lang], lang),
        })
    return out


def _summary(report: dict[str, Any], lang: str, t: dict[str, Any]) -> dict[str, Any]:
    s = report["summary"]
    scale = s.get("scale") or []
    band = s.get("band") or {}
    return {
        "score": s.get("indicator9_estimate"), "score10": s.get("indicator10_estimate"),
        "band": band.get("label" if lang == "th" else "label_en") or band.get("label", ""),
        "band_label": band.get("label", ""), "band_en": band.get("label_en", ""),
        "scale": scale, "pass_score": s.get("pass_score"),
        "scale_svg": charts.scale_chart(scale, _marker(s), s.get("pass_score"),
                                        t["scale_aria"], t["pass_line"]) if scale else "",
        "lines": score_lines(report, lang, oit=False, hint=False),
        "oit": (f"OIT {s['oit']['points']:.2f}/{s['oit']['weight']:g}" if s.get("oit")
                else ""),
        "note": s.get("estimate_note_th" if lang == "th" else "estimate_note_en", ""),
        "counts": [(v, VERDICT_LABELS[lang][v], s.get(v, 0)) for v in VERDICTS],
        "failing": sum(s.get(v, 0) for v in VERDICTS if v != "pass"),
        "total": s.get("items", 0), "colors": dict(zip([b["label"] for b in scale],
                                                       charts.band_colors(len(scale)),
                                                       strict=True)),
    }


def _marker(summary: dict[str, Any]) -> float | None:
    """Where the scale's marker goes: the estimated total when the band is the total's."""
    total = summary.get("total") or {}
    if summary.get("band_basis") == "total" and total.get("total") is not None:
        return total["total"]
    return summary.get("indicator9_estimate")


def _script() -> tuple[Markup, str]:
    source, _, _ = _env().loader.get_source(_env(), "report.js")
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
    return Markup(source), f"'sha256-{digest}'"


def _style() -> Markup:
    source, _, _ = _env().loader.get_source(_env(), "report.css")
    return Markup(source)


def render(report: dict[str, Any], lang: str = "th") -> str:
    """Render the report document as one HTML page."""
    t = words("html", lang)
    script, script_hash = _script()
    complete = report["status"] in JUDGED and report.get("summary")
    items = _items(report, lang) if complete else []
    cl = report["checklist"]
    return _env().get_template("report.html.j2").render(
        report=report, lang=lang, t=t, items=items, units=_units(items),
        summary=_summary(report, lang, t) if complete else None,
        subcharts=_subcharts(report, lang) if complete else [],
        status=words("status", lang).get(report["status"], report["status"]),
        message=text(report.get("message") or {}, "th" if lang == "th" else "en", lang),
        checklist_title=cl.get("title_th" if lang == "th" else "title_en") or cl["id"],
        checklist_notes=checklist_lines(report, lang)[1:],
        as_of=_day(report["as_of"], lang), generated=_seen(report.get("generated_at"), lang),
        crawled=_seen(report["crawl"].get("finished_at") or report.get("generated_at"), lang),
        priority=_priorities(report, lang, t) if complete else [],
        priority_shown=PRIORITY_SHOWN, history_svg=_history_chart(report, lang, t),
        limits=limit_words(report["crawl"].get("limits") or {}, lang),
        limits_hit=limit_hit_words(report["crawl"].get("limits_hit") or [], lang),
        failed_links=report["crawl"].get("failed", [])[:100],
        verdict_order=VERDICTS, verdict_labels=VERDICT_LABELS[lang],
        colors=charts.VERDICT_COLORS, script=script, script_hash=script_hash, style=_style(),
    )
