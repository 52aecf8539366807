"""``report.html``: a plain, self-contained HTML gap report (Jinja2, autoescaped).

Everything from the audited site (titles, link texts, URLs) is untrusted: autoescaping
escapes text, and ``safe_href`` keeps only http(s) links.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from reports.labels import STATUS, VERDICT_LABELS, text

_T = {
    "th": {"title": "รายงานผลการตรวจ OIT", "as_of": "ตรวจ ณ วันที่", "fy": "ปีงบประมาณ",
           "score": "คะแนนตัวชี้วัดที่ 9 (ประมาณการ)", "items": "รายการ",
           "headers": ["ข้อ", "รายการ", "ผล", "เหตุผล", "วิธีแก้", "ผู้รับผิดชอบ", "หลักฐาน"]},
    "en": {"title": "OIT audit report", "as_of": "as of", "fy": "fiscal year",
           "score": "Indicator 9 (estimate)", "items": "Items",
           "headers": ["Code", "Item", "Verdict", "Reason", "Fix", "Owner", "Evidence"]},
}


def safe_href(url: str) -> str:
    """The URL when it is http(s), else ``#`` (no ``javascript:`` links in reports)."""
    url = str(url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else "#"


def _env() -> Environment:
    env = Environment(loader=PackageLoader("reports", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True))
    env.filters["safe_href"] = safe_href
    return env


def render(report: dict[str, Any], lang: str = "th") -> str:
    """Render the report document as one HTML page."""
    template = _env().get_template("report.html.j2")
    summary = report.get("summary") or {}
    return template.render(
        report=report, lang=lang, t=_T[lang], labels=VERDICT_LABELS[lang],
        verdicts=list(VERDICT_LABELS[lang].items()), status=STATUS[lang][report["status"]],
        message=text(report.get("message") or {}, "th" if lang == "th" else "en", lang),
        note=summary.get("estimate_note_th" if lang == "th" else "estimate_note_en", ""),
    )
