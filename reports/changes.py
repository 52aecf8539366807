"""Words for the nightly sections: what changed, what is due soon, the score over time.
Used by the terminal, ``report.md``, ``oit-audit diff`` and (as ``text_th``/``text_en`` of
each change) ``report.html``, whose template draws the score chart.  The words themselves are
in ``words.yaml`` (section ``changes``).
"""

from __future__ import annotations

from typing import Any

from checklists.vocabulary import VERDICT_LABELS, relabel_month
from reports.labels import words
from reports.mdtext import md_text

ORDER = ("regressed", "worsened", "new_missing_months", "fixed", "improved", "moved",
         "replaced", "added", "removed")


def _title(entry: dict[str, Any], lang: str) -> str:
    return entry.get("title_en") if lang == "en" and entry.get("title_en") else \
        entry.get("title_th", "")


def describe(key: str, entry: dict[str, Any], lang: str) -> str:
    """One change in words."""
    v = VERDICT_LABELS[lang]
    head = f"{entry['code']} {_title(entry, lang)}"
    if key in ("regressed", "worsened", "fixed", "improved"):
        reason = entry.get("reason_en" if lang == "en" else "reason") or ""
        arrow = f"{v.get(entry['before'], entry['before'])} → {v.get(entry['after'], entry['after'])}"
        return f"{head}: {arrow}" + (f" ({reason})" if reason and key != "fixed" else "")
    if key == "new_missing_months":
        return f"{head}: " + ", ".join(relabel_month(m, lang) for m in entry["months"])
    if key == "moved":
        return f"{head}: {entry['url_before']} → {entry['url_after']}"
    if key == "replaced":
        return f"{head}: {entry['url']}"
    return head


def with_words(changes: dict[str, Any]) -> dict[str, Any]:
    """Give every change a Thai and an English sentence (``text_th`` / ``text_en``).

    Here, not in ``crawler.nightly.extend`` (which imports the judging engine): ``oit-audit
    diff`` needs the words, not the engine (startup49, issue 13)."""
    for key in ORDER:
        for entry in changes.get(key) or []:
            entry["text_th"] = describe(key, entry, "th")
            entry["text_en"] = describe(key, entry, "en")
    return changes


def baseline_label(base: dict[str, Any]) -> str:
    """``#12 (2026-05-14)``, or the report's date when it did not come from the history."""
    when = base.get("as_of") or ""
    if base.get("run_id") is not None:
        return f"#{base['run_id']} ({when})"
    return f"{when} ({str(base.get('generated_at') or '')[:16].replace('T', ' ')})"


def changes_lines(changes: dict[str, Any] | None, lang: str = "th") -> list[str]:
    """Plain lines for the terminal and ``oit-audit diff`` (empty without a comparison)."""
    if changes is None:
        return []
    h = words("changes", lang)
    if changes.get("baseline") is None:
        return [f"{h['changes']}: {h['first']}"]
    lines = [f"{h['changes']} ({h['baseline']} {baseline_label(changes['baseline'])}):"]
    body = [f"  {h[key]}: {describe(key, e, lang)}" for key in ORDER
            for e in changes.get(key) or []]
    score = changes.get("score") or {}
    if score.get("delta"):
        body.append(f"  {h['score']}: {score['before']} → {score['after']} "
                    f"({score['delta']:+})")
    return lines + (body or [f"  {h['none']}"])


def due_soon_lines(due: list[dict[str, Any]] | None, lang: str = "th") -> list[str]:
    if not due:
        return []
    key = "message_en" if lang == "en" else "message_th"
    return [f"{words('changes', lang)['due']}:"] + [f"  {d[key]}" for d in due]


def markdown_section(report: dict[str, Any], lang: str = "th") -> list[str]:
    """Markdown lines: changes, due soon and the score history (nothing when absent)."""
    h = words("changes", lang)
    out: list[str] = []
    changes = report.get("changes")
    if changes is not None:
        out += ["", f"## {h['changes']}", ""]
        if changes.get("baseline") is None:
            out.append(h["first"])
        else:
            out.append(f"{h['baseline']} {baseline_label(changes['baseline'])}")
            out.append("")
            rows = [f"- **{h[key]}**: {md_text(describe(key, e, lang))}" for key in ORDER
                    for e in changes.get(key) or []]
            out += rows or [f"- {h['none']}"]
            score = changes.get("score") or {}
            if score.get("delta") is not None:
                out.append(f"- {h['score']}: {score['before']} → {score['after']} "
                           f"({score['delta']:+})")
    if report.get("due_soon"):
        out += ["", f"## {h['due']}", ""]
        out += [f"- {md_text(d['message_en' if lang == 'en' else 'message_th'])}"
                for d in report["due_soon"]]
    points = [p for p in report.get("history") or [] if p.get("score") is not None]
    if len(points) > 1:
        out += ["", f"## {h['history']}", ""]
        out += ["| " + " | ".join(h["history_header"]) + " |", "|---|---|---|"]
        out += [f"| {p['date']} | {p['as_of']} | {p['score']} |" for p in points]
    return out
