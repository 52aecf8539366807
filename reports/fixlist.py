"""Fix lists per responsible unit: ``fixes.md``, ``fixes.csv`` and ``fixes.xlsx``.

Each line says which item, what is wrong, where (URL), what would make it pass and a
suggested deadline tied to the item's rule.  Units come from the report (the checklist's
owners, remapped by the office's units file); the most urgent lines come first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from checklists.deadlines import urgency
from checklists.vocabulary import JUDGED, VERDICT_LABELS, en_date, thai_date
from reports.cells import new_workbook, sheet_title, to_csv, workbook_bytes, write_table
from reports.labels import text, words
from reports.mdtext import anchor, md_text, md_url


@dataclass(frozen=True)
class FixLine:
    """One line of a unit's fix list."""

    unit_id: str
    unit: str
    code: str
    title: str
    verdict: str
    wrong: str
    where: str
    fix: str
    due: str
    due_date: str
    overdue: bool
    found: bool


def ita_page(report: dict[str, Any]) -> str:
    """The page that links most of the evidence (usually the office's ITA/OIT page)."""
    pages = Counter(ev["found_on"] for item in report.get("items") or []
                    for ev in item["evidence"][:1] if ev.get("found_on"))
    return pages.most_common(1)[0][0] if pages else ""


def _where(item: dict[str, Any], index_page: str) -> str:
    if item["evidence"]:
        return item["evidence"][0]["url"]
    return index_page


def lines(report: dict[str, Any], lang: str = "th") -> dict[str, list[FixLine]]:
    """Failing items grouped by unit id (units in the report's unit order), most urgent first."""
    index_page = ita_page(report)
    units = report.get("units") or {}
    grouped: dict[str, list[tuple[Any, FixLine]]] = {}
    for item in report.get("items") or []:
        if item["verdict"] == "pass":
            continue
        due = item.get("due") or {}
        uid = item.get("owner_id") or ""
        line = FixLine(
            unit_id=uid, unit=text(item, "owner", lang), code=item["code"],
            title=text(item, "title_th" if lang == "th" else "title_en", lang),
            verdict=VERDICT_LABELS[lang][item["verdict"]], wrong=text(item, "reason", lang),
            where=_where(item, index_page), fix=text(item, "fix", lang),
            due=str(due.get("th" if lang == "th" else "en") or ""),
            due_date=str(due.get("date") or ""), overdue=bool(due.get("overdue")),
            found=bool(item["evidence"]),
        )
        grouped.setdefault(uid, []).append(((urgency(due), item.get("order", 0)), line))
    order = {uid: n for n, uid in enumerate(units)}
    return {uid: [line for _, line in sorted(rows, key=lambda r: r[0])]
            for uid, rows in sorted(grouped.items(), key=lambda kv: (order.get(kv[0], 999),
                                                                      kv[0]))}


def _row(line: FixLine, t: dict[str, Any], real_dates: bool = False) -> list[Any]:
    due: Any = line.due_date
    if real_dates and due:  # a spreadsheet date (sorts, filters), not text
        due = date.fromisoformat(due)
    return [line.unit, line.unit_id, line.code, line.title, line.verdict, line.wrong, line.where,
            line.fix, line.due, due, t["yes"] if line.overdue else t["no"]]


def render_md(report: dict[str, Any], lang: str = "th") -> str:
    """All units' fix lists in one Markdown file, a section per unit."""
    t = words("fixlist", lang)
    as_of = date.fromisoformat(report["as_of"])
    out = [f"# {t['title']}: {md_text(report['site'])}", "",
           f"{t['as_of']} {thai_date(as_of) if lang == 'th' else en_date(as_of)} · "
           f"{t['fy']} {report['fiscal_year']} · "
           f"{t['checklist']} {md_text(report['checklist']['id'])}", ""]
    if report["status"] not in JUDGED:
        out += [f"**{words('status', lang).get(report['status'], report['status'])}**: {t['not_audited']}",
                ""]
        return "\n".join(out)
    grouped = lines(report, lang)
    total = sum(len(v) for v in grouped.values())
    if not total:
        return "\n".join(out + [t["none"], ""])
    out += [t["total"].format(n=total, u=len(grouped)), ""]
    for uid, unit_lines in grouped.items():
        out.append(f"- [{md_text(unit_lines[0].unit)}](#unit-{anchor(uid)}) — "
                   f"{t['items_n'].format(n=len(unit_lines))}")
    out.append("")
    for uid, unit_lines in grouped.items():
        out += [f'<a id="unit-{anchor(uid)}"></a>', "",
                f"## {md_text(unit_lines[0].unit)} ({md_text(uid)})", ""]
        for line in unit_lines:
            out += [f"### {md_text(line.code)} {md_text(line.title)} — {line.verdict}", "",
                    f"- **{t['wrong']}:** {md_text(line.wrong)}",
                    f"- **{t['where']}:** {md_url(line.where)}"
                    + ("" if line.found or not line.where else f" ({t['add_here']})"),
                    f"- **{t['fix']}:** {md_text(line.fix)}",
                    f"- **{t['due']}:** {md_text(line.due)}", ""]
    clear = [u.get(lang, u.get("th", uid)) for uid, u in (report.get("units") or {}).items()
             if uid not in grouped]
    if clear:
        out += [f"## {t['clear']}", ""] + [f"- {md_text(name)}" for name in clear] + [""]
    return "\n".join(out)


def render_csv(report: dict[str, Any], lang: str = "th") -> str:
    """One CSV row per line to fix, with the unit in the first columns (filter by unit)."""
    t = words("fixlist", lang)
    rows = [_row(line, t) for unit_lines in lines(report, lang).values() for line in unit_lines]
    return to_csv(t["header"], rows)


_WIDTHS = (28, 10, 7, 36, 14, 48, 40, 56, 40, 12, 9)


def render_xlsx(report: dict[str, Any], lang: str = "th") -> bytes:
    """A summary sheet and one sheet per unit (sheet names are the unit ids)."""
    t = words("fixlist", lang)
    wb = new_workbook(report.get("generated_at", ""))
    grouped = lines(report, lang)
    used: set[str] = set()
    summary = wb.create_sheet(sheet_title(t["summary_sheet"], used))
    write_table(summary, t["summary_header"],
                [[ls[0].unit, uid, len(ls), sum(1 for x in ls if x.overdue)]
                 for uid, ls in grouped.items()], widths=(48, 14, 14, 10))
    for uid, unit_lines in grouped.items():
        ws = wb.create_sheet(sheet_title(uid or "-", used))
        write_table(ws, t["header"], [_row(line, t, real_dates=True) for line in unit_lines],
                    _WIDTHS, link_columns=(6,), lang=lang)
    return workbook_bytes(wb)
