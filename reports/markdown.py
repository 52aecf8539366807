"""``report.md``: the gap report as Markdown, Thai first (``lang='en'`` for English)."""

from __future__ import annotations

from typing import Any

from checklists.vocabulary import JUDGED, VERDICT_LABELS
from reports.changes import markdown_section
from reports.framing import checklist_lines, last_year_text, score_lines
from reports.labels import limit_hit_words, limit_words, text, words
from reports.mdtext import md_text, md_url
from reports.priority import priorities


def _cell(value: Any) -> str:
    """Table-cell text: one line, ``|`` escaped, no raw HTML or links from site text."""
    return md_text(value)


def _priority_lines(report: dict[str, Any], lang: str) -> list[str]:
    """"What to fix first" (reports/priority.py) as a numbered list."""
    th = lang != "en"
    t = words("markdown", lang)
    ranked = priorities(report)
    if not ranked:
        return []
    lines = [f"## {t['fix_first']}", ""]
    for n, rank in enumerate(ranked, 1):
        item = rank["item"]
        urgency = t["urgency"][rank["urgency"]]
        gain = t["gain"].format(points=f"{rank['gain']:g}", indicator=rank["indicator"])
        lines.append(f"{n}. **{item['code']}** "
                     f"{_cell(text(item, 'title_th' if th else 'title_en', lang))} — "
                     f"{VERDICT_LABELS[lang][item['verdict']]}"
                     + (f", {urgency}" if urgency else "") + f" ({gain}) · "
                     f"{_cell(text(item, 'owner', lang))}")
    return [*lines, ""]


def render(report: dict[str, Any], lang: str = "th") -> str:
    """Render the report document as Markdown."""
    th = lang != "en"
    t = words("markdown", lang)
    lines = [f"# {t['title']}: {_cell(report['site'])}", ""]
    cl = report["checklist"]
    lines += [
        f"- {t['checklist']}: {cl['id']} ({cl['version']})",
        f"- {t['as_of']}: {report['as_of']} · {t['fy']} {report['fiscal_year']}",
        f"- {t['status']}: {words('status', lang)[report['status']]}",
    ]
    crawl = report["crawl"]
    lines.append(
        f"- {t['crawl']}: {crawl['pages']} {t['pages']}, {crawl['documents']} "
        f"{t['documents']}, {crawl['errors']} {t['errors']}; "
        f"{t['limits']}: {', '.join(limit_words(crawl['limits'], lang))}"
        + (f"; {t['limits_hit']}: {', '.join(limit_hit_words(crawl['limits_hit'], lang))}"
           if crawl["limits_hit"] else "")
    )
    focus = crawl.get("focus") or {}
    if focus.get("mode") == "focused":
        lines.append(
            f"- {t['focused']}: {t['not_visited'].format(n=focus['not_visited'])}"
            + (t["other_years"].format(n=focus["other_years"])
               if focus.get("other_years") else "")
            + (t["decided"] if focus.get("decided") else ""))
    for page in crawl.get("not_rendered", []):
        lines.append(f"- {t['not_rendered']}: "
                     f"{_cell(page['url'])} ({_cell(page['reason' if th else 'reason_en'])})")
    for req in crawl.get("blocked_in_browser", []):
        lines.append(f"- {t['blocked']}: "
                     f"{_cell(req['url'])} ({t['on_page']} {_cell(req['page'])}; "
                     f"{_cell(req['reason' if th else 'reason_en'])})")
    if report["status"] != "complete":
        lines += ["", f"**{text(report['message'], 'th' if th else 'en', lang)}**", ""]
        if report["status"] not in JUDGED:
            return "\n".join(lines) + "\n"
    s = report["summary"]
    band = s["band"] or {}
    lines += [
        "",
        f"## {t['summary']}",
        "",
        f"{t['score']}: **{s['indicator9_estimate']}** "
        f"({'-' if s.get('band_basis') == 'total' else band.get('label', '-')}) — "
        f"{s['estimate_note_th'] if th else s['estimate_note_en']}",
        "",
        *[f"- {_cell(line)}" for line in checklist_lines(report, lang) + score_lines(report, lang)],
        "",
        "| " + " | ".join(VERDICT_LABELS[lang][v] for v in VERDICT_LABELS[lang]) + " |",
        "|" + "---|" * len(VERDICT_LABELS[lang]),
        "| " + " | ".join(str(s[v]) for v in VERDICT_LABELS[lang]) + " |",
        "",
        *_priority_lines(report, lang),
        f"## {t['items']}",
        "",
        "| " + " | ".join(t["header"]) + " |",
        "|---|---|---|---|---|---|---|",
    ]
    for item in report["items"]:
        ev = item["evidence"][0] if item["evidence"] else None
        evidence = (f"{md_url(ev['url'])} ({_cell(str(ev['text'])[:60])}; {ev['date'] or '-'})"
                    if ev else "-")
        lines.append("| " + " | ".join(v if i == 6 else _cell(v) for i, v in enumerate((
            item["code"], text(item, "title_th" if th else "title_en", lang)
            + (f" ({last_year_text(item, lang)})" if last_year_text(item, lang) else ""),
            VERDICT_LABELS[lang][item["verdict"]]
            + (f" ({words('matched_by', lang)['alternate wording']})" if item["needs_review"] else ""),
            text(item, "reason", lang), text(item, "fix", lang), text(item, "owner", lang),
            evidence))) + " |")
    lines += markdown_section(report, lang)
    return "\n".join(lines) + "\n"
