"""The terminal summary table (rich), Thai first."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from checklists.vocabulary import VERDICT_LABELS
from reports.framing import checklist_lines, score_lines
from reports.labels import STATUS, text

_STYLE = {"pass": "green", "missing": "red", "broken": "red", "stale": "yellow",
          "unverified": "yellow"}


def print_summary(report: dict[str, Any], console: Console, lang: str = "th") -> None:
    """Print one row per item and the summary line."""
    th = lang != "en"
    if report["status"] != "complete":
        console.print(f"[bold red]{STATUS[lang][report['status']]}[/]: "
                      f"{escape(text(report['message'], 'th' if th else 'en', lang))}")
        return
    table = Table(title=f"OIT · {escape(report['site'])} · {report['as_of']} · "
                        f"{'ปีงบประมาณ' if th else 'FY'} {report['fiscal_year']}")
    for header in (("ข้อ", "รายการ", "ผล", "เหตุผล") if th else ("Code", "Item", "Verdict",
                                                             "Reason")):
        table.add_column(header, overflow="fold")
    for item in report["items"]:
        v = item["verdict"]
        table.add_row(escape(item["code"]),
                      escape(text(item, "title_th" if th else "title_en", lang)[:40]),
                      f"[{_STYLE[v]}]{VERDICT_LABELS[lang][v]}[/]",
                      escape(text(item, "reason", lang)[:90]))
    console.print(table)
    s = report["summary"]
    counts = ", ".join(f"{VERDICT_LABELS[lang][v]} {s[v]}" for v in VERDICT_LABELS[lang])
    band = escape((s.get("band") or {}).get("label", "-"))
    if s.get("band_basis") == "total":  # the band is the total's: said on its own line below
        band = "-"
    console.print(f"{'คะแนนตัวชี้วัดที่ 9 (ประมาณการ)' if th else 'Indicator 9 (estimate)'}: "
                  f"[bold]{s['indicator9_estimate']}[/] ({band}) · {counts}")
    for line in checklist_lines(report, lang) + score_lines(report, lang):
        console.print(escape(line), highlight=False)
