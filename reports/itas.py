"""The ITAS link sheet (``itas.csv``, ``itas.xlsx``): per item, in assessment order, the
URL(s) to submit and the verdict, ready to copy into the assessment system.

The URL to submit is the best evidence; parts (e.g. each month's file of a monthly summary)
follow in the next column, one per line.  Items without a usable URL say what to do first.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from checklists.vocabulary import VERDICT_LABELS
from reports.cells import new_workbook, sheet_title, to_csv, workbook_bytes, write_table
from reports.labels import text, words


def rows(report: dict[str, Any], lang: str = "th") -> list[list[Any]]:
    """One row per item in checklist (assessment) order."""
    t = words("itas", lang)
    out = []
    items = sorted(report.get("items") or [], key=lambda i: i.get("order", 0))
    for n, item in enumerate(items, start=1):
        submit = [e for e in item["evidence"] if e.get("role") in ("best", "part")]
        main = submit[0] if submit else None
        more = "\n".join(e["url"] for e in submit[1:])
        ready = item["verdict"] == "pass"
        if not main:
            note = t["no_url"]
        elif ready:
            note = text(item, "reason", lang)
        else:
            note = t["fix_first"] + text(item, "fix", lang)
        out.append([
            item.get("order", n), item["code"], item["subindicator"],
            text(item, "title_th" if lang == "th" else "title_en", lang),
            main["url"] if main else "", more, main.get("text", "") if main else "",
            main.get("found_on", "") if main else "",
            VERDICT_LABELS[lang][item["verdict"]], t["ready"] if ready else t["not_ready"],
            note, text(item, "owner", lang),
        ])
    return out


def render_csv(report: dict[str, Any], lang: str = "th") -> str:
    """The ITAS sheet as CSV (UTF-8 with BOM)."""
    return to_csv(words("itas", lang)["header"], rows(report, lang))


def render_xlsx(report: dict[str, Any], lang: str = "th") -> bytes:
    """The ITAS sheet as XLSX, with a second sheet naming the audit it comes from."""
    t = words("itas", lang)
    wb = new_workbook(report.get("generated_at", ""))
    used: set[str] = set()
    ws = wb.create_sheet(sheet_title(t["sheet"], used))
    write_table(ws, t["header"], rows(report, lang),
                (7, 7, 11, 44, 48, 48, 30, 36, 16, 12, 56, 30), link_columns=(4, 7))
    info = wb.create_sheet(sheet_title(t["info_sheet"], used))
    cl = report["checklist"]
    write_table(info, t["info"], [[report["site"], date.fromisoformat(report["as_of"]),
                                   report["fiscal_year"], f"{cl['id']} ({cl['version']})",
                                   words("status", lang).get(report["status"], report["status"])]],
                (40, 14, 12, 30, 16), link_columns=(0,), lang=lang)
    return workbook_bytes(wb)
