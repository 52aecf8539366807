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


_URGENCY = {"th": ("เลยกำหนด", "ใกล้ครบกำหนด", ""), "en": ("overdue", "due soon", "")}


def _priority_lines(report: dict[str, Any], lang: str) -> list[str]:
    """"What to fix first" (reports/priority.py) as a numbered list."""
    th = lang != "en"
    ranked = priorities(report)
    if not ranked:
        return []
    lines = [f"## {'สิ่งที่ควรแก้ก่อน' if th else 'Fix first'}", ""]
    for n, rank in enumerate(ranked, 1):
        item = rank["item"]
        urgency = _URGENCY["th" if th else "en"][rank["urgency"]]
        points = f"{rank['gain']:g}"
        gain = (f"+{points} คะแนน ตัวชี้วัดที่ {rank['indicator']}" if th else
                f"+{points} points, indicator {rank['indicator']}")
        lines.append(f"{n}. **{item['code']}** "
                     f"{_cell(text(item, 'title_th' if th else 'title_en', lang))} — "
                     f"{VERDICT_LABELS[lang][item['verdict']]}"
                     + (f", {urgency}" if urgency else "") + f" ({gain}) · "
                     f"{_cell(text(item, 'owner', lang))}")
    return [*lines, ""]


def render(report: dict[str, Any], lang: str = "th") -> str:
    """Render the report document as Markdown."""
    th = lang != "en"
    lines = [f"# {'รายงานผลการตรวจ OIT' if th else 'OIT audit report'}: {_cell(report['site'])}",
             ""]
    cl = report["checklist"]
    lines += [
        f"- {'แบบตรวจ' if th else 'Checklist'}: {cl['id']} ({cl['version']})",
        f"- {'ประเมินความเป็นปัจจุบัน ณ วันที่' if th else 'Judged as of'}: {report['as_of']} · "
        f"{'ปีงบประมาณ' if th else 'fiscal year'} {report['fiscal_year']}",
        f"- {'สถานะ' if th else 'Status'}: {words('status', lang)[report['status']]}",
    ]
    crawl = report["crawl"]
    lines.append(
        f"- {'การตรวจเว็บ' if th else 'Crawl'}: {crawl['pages']} "
        f"{'หน้า' if th else 'pages'}, {crawl['documents']} {'เอกสาร' if th else 'documents'}, "
        f"{crawl['errors']} {'ข้อผิดพลาด' if th else 'errors'}; "
        f"{'ขีดจำกัด' if th else 'limits'}: {', '.join(limit_words(crawl['limits'], lang))}"
        + (f"; {'ถึงขีดจำกัด' if th else 'limits hit'}: "
           f"{', '.join(limit_hit_words(crawl['limits_hit'], lang))}"
           if crawl["limits_hit"] else "")
    )
    focus = crawl.get("focus") or {}
    if focus.get("mode") == "focused":
        lines.append(
            f"- {'ตรวจแบบเจาะจง' if th else 'Focused crawl'}: "
            + (f"ไม่ได้เปิด {focus['not_visited']} ลิงก์ที่ไม่น่ามีหลักฐาน (ใช้ --full เพื่อตรวจทุกหน้า)"
               if th else f"{focus['not_visited']} links unlikely to hold evidence were not "
                          "visited (--full crawls every page)")
            + ((f" ในจำนวนนี้ {focus['other_years']} ลิงก์อยู่ในส่วนของปีอื่น" if th
                else f"; {focus['other_years']} of them lead into other years' sections")
               if focus.get("other_years") else "")
            + ((" หยุดเมื่อทุกข้อผ่านแล้ว" if th else "; stopped once every item passed")
               if focus.get("decided") else ""))
    for page in crawl.get("not_rendered", []):
        lines.append(f"- {'แสดงผล JavaScript ไม่ได้' if th else 'not rendered'}: "
                     f"{_cell(page['url'])} ({_cell(page['reason' if th else 'reason_en'])})")
    for req in crawl.get("blocked_in_browser", []):
        lines.append(f"- {'เบราว์เซอร์ถูกกันไม่ให้เปิด' if th else 'refused in the browser'}: "
                     f"{_cell(req['url'])} ({'ในหน้า' if th else 'on'} {_cell(req['page'])}; "
                     f"{_cell(req['reason' if th else 'reason_en'])})")
    if report["status"] != "complete":
        lines += ["", f"**{text(report['message'], 'th' if th else 'en', lang)}**", ""]
        if report["status"] not in JUDGED:
            return "\n".join(lines) + "\n"
    s = report["summary"]
    band = s["band"] or {}
    lines += [
        "",
        f"## {'สรุป' if th else 'Summary'}",
        "",
        f"{'คะแนนตัวชี้วัดที่ 9 (ประมาณการ)' if th else 'Indicator 9 (estimate)'}: "
        f"**{s['indicator9_estimate']}** "
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
        f"## {'รายการ' if th else 'Items'}",
        "",
        "| " + (" | ".join(["ข้อ", "รายการ", "ผล", "เหตุผล", "วิธีแก้", "ผู้รับผิดชอบ", "หลักฐาน"])
                if th else " | ".join(["Code", "Item", "Verdict", "Reason", "Fix", "Owner",
                                       "Evidence"])) + " |",
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
