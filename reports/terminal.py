"""The terminal summary table (rich), Thai first."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from checklists.vocabulary import JUDGED, VERDICT_LABELS
from reports.framing import checklist_lines, score_lines
from reports.labels import text, words
from reports.thaiwrap import wrap

_STYLE = {"pass": "green", "missing": "red", "broken": "red", "stale": "yellow",
          "unverified": "yellow"}


def _widths(console_width: int, lang: str) -> tuple[int, int]:
    """Cell widths of the item and reason columns: what the code and verdict columns and
    the table's borders (13 cells) leave, 2 parts to 3."""
    verdict = max(cell_len(label) for label in VERDICT_LABELS[lang].values())
    free = max(30, console_width - 13 - 4 - verdict)
    title = max(14, free * 2 // 5)
    return title, max(16, free - title)


def print_summary(report: dict[str, Any], console: Console, lang: str = "th") -> None:
    """Print one row per item and the summary line."""
    th = lang != "en"
    t = words("terminal", lang)
    if report["status"] not in JUDGED:
        console.print(f"[bold red]{words('status', lang)[report['status']]}[/]: "
                      f"{escape(text(report['message'], 'th' if th else 'en', lang))}")
        return
    table = Table(title=f"OIT · {escape(report['site'])} · {report['as_of']} · "
                        f"{t['fy']} {report['fiscal_year']}")
    title_w, reason_w = _widths(console.width, lang)
    for header, width in zip(t["header"], (None, title_w, None, reason_w), strict=True):
        table.add_column(header, width=width, no_wrap=True)
    for item in report["items"]:
        v = item["verdict"]
        title = wrap(text(item, "title_th" if th else "title_en", lang), title_w, 2)
        reason = wrap(text(item, "reason", lang), reason_w, 3)
        table.add_row(escape(item["code"]), escape("\n".join(title)),
                      f"[{_STYLE[v]}]{VERDICT_LABELS[lang][v]}[/]", escape("\n".join(reason)))
    console.print(table)
    s = report["summary"]
    counts = ", ".join(f"{VERDICT_LABELS[lang][v]} {s[v]}" for v in VERDICT_LABELS[lang])
    band = escape((s.get("band") or {}).get("label", "-"))
    if s.get("band_basis") == "total":  # the band is the total's: said on its own line below
        band = "-"
    console.print(f"{t['score']}: [bold]{s['indicator9_estimate']}[/] ({band}) · {counts}")
    for line in checklist_lines(report, lang) + score_lines(report, lang):
        console.print(escape(line), highlight=False)
    if report["status"] != "complete":  # judged, but not all of the site could be read
        console.print(f"[bold yellow]{words('status', lang)[report['status']]}[/]: "
                      f"{escape(text(report['message'], 'th' if th else 'en', lang))}")
