"""The batch report: many offices' finished reports side by side.

Pure: takes each office's name, its report document (or why it could not be audited) and the
path of its own report, and builds ``batch.json``'s document; ``render_markdown`` and
``render_html`` write it for people (Thai first; English with ``lang="en"``): a ranking by
the indicator-9 estimate (words: ``words.yaml``, section ``batch``), a heat map of the items most offices miss (missing, stale or
broken, by item), and a link to each office's own report.
"""

from __future__ import annotations

import html as _html
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from checklists.vocabulary import JUDGED
from reports.labels import words

GAPS = ("missing", "stale", "broken")


@dataclass(frozen=True)
class OfficeResult:
    """One office of the batch as it ended."""

    name: str
    url: str
    report_path: str  # relative to the batch folder ('' when no report was written)
    report: dict[str, Any] | None
    error: str = ""  # why no report (an exception, a crash)


def summarise(offices: list[OfficeResult]) -> dict[str, Any]:
    """The batch document: a ranking, per-item gap counts and the offices not audited."""
    ranking, failed = [], []
    gaps: dict[str, Counter] = {}
    titles: dict[str, tuple[str, str]] = {}
    for office in offices:
        report = office.report
        if report is None or report.get("status") not in JUDGED:
            failed.append({"name": office.name, "url": office.url, "report": office.report_path,
                           "status": (report or {}).get("status", "error"),
                           "message": office.error or _message(report)})
            continue
        summary = report["summary"]
        ranking.append({"name": office.name, "url": office.url, "report": office.report_path,
                        "score": summary.get("indicator9_estimate"),
                        "band": (summary.get("band") or {}).get("label", ""),
                        **{v: summary.get(v, 0) for v in ("pass", *GAPS, "unverified")}})
        for item in report["items"]:
            titles.setdefault(item["code"], (item["title_th"], item["title_en"]))
            counter = gaps.setdefault(item["code"], Counter())
            if item["verdict"] in GAPS:
                counter[item["verdict"]] += 1
    ranking.sort(key=lambda r: (-(r["score"] or 0), r["name"]))
    for rank, row in enumerate(ranking, 1):
        row["rank"] = rank
    audited = len(ranking)
    heat = [{"code": code, "title_th": titles[code][0], "title_en": titles[code][1],
             "offices_missing": sum(c.values()), **{v: c.get(v, 0) for v in GAPS},
             "share": round(sum(c.values()) / audited, 3) if audited else 0.0}
            for code, c in gaps.items()]
    heat.sort(key=lambda h: (-h["offices_missing"], h["code"]))
    return {"offices": len(offices), "audited": audited, "not_audited": len(failed),
            "ranking": ranking, "items": heat, "failed": failed}


def render_json(batch: dict[str, Any]) -> str:
    """``batch.json``: the document's fields a line each, and each office or item of its
    lists on a line of its own (before, ``indent=1``: a line per field of every office, and
    Python's own encoder, 0.45 of the 1.5 s a batch report of 20,000 offices took; each line
    now comes from the C encoder)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode

    def value(v: Any) -> str:
        if isinstance(v, list) and v:
            return "[\n  " + ",\n  ".join(map(encode, v)) + "\n ]"
        return encode(v)

    fields = ",\n".join(f" {encode(k)}: {value(v)}" for k, v in batch.items())
    return "{\n" + fields + "\n}\n"


def _message(report: dict[str, Any] | None) -> str:
    if not report:
        return ""
    msg = report.get("message")
    return msg.get("th", "") if isinstance(msg, dict) else str(msg or "")


def _heat_colour(share: float) -> str:
    """White to red by the share of offices that miss the item."""
    level = int(255 - 175 * min(max(share, 0.0), 1.0))
    return f"rgb(255,{level},{level})"


def _gaps(row: dict[str, Any]) -> int:
    return sum(row[v] for v in GAPS)


def render_markdown(batch: dict[str, Any], lang: str = "th") -> str:
    t = words("batch", lang)
    lines = [f"# {t['title']}", "", t["summary"].format(**batch), "",
             f"| {t['rank']} | {t['office']} | {t['score']} | {t['band']} | {t['pass']} | "
             f"{t['gaps']} | {t['report']} |", "|---|---|---|---|---|---|---|"]
    for r in batch["ranking"]:
        lines.append(f"| {r['rank']} | {r['name']} | {r['score']} | {r['band']} | {r['pass']} | "
                     f"{_gaps(r)} | [{t['report']}]({r['report']}) |")
    lines += ["", f"## {t['heat']}", "",
              f"| {t['item']} | {t['offices']} | {t['missing']} | {t['stale']} | "
              f"{t['broken']} |", "|---|---|---|---|---|"]
    for h in batch["items"]:
        if h["offices_missing"]:
            title = h["title_en"] if lang == "en" else h["title_th"]
            lines.append(f"| {h['code']} {title} | {h['offices_missing']} | {h['missing']} | "
                         f"{h['stale']} | {h['broken']} |")
    if batch["failed"]:
        lines += ["", f"## {t['failed']}", ""]
        lines += [f"- {f['name']} ({f['url']}): {f['status']} {f['message']}".rstrip()
                  for f in batch["failed"]]
    return "\n".join(lines) + "\n"


def render_html(batch: dict[str, Any], lang: str = "th") -> str:
    t, e = words("batch", lang), _html.escape
    rows = "".join(
        f"<tr><td>{r['rank']}</td><td>{e(r['name'])}</td><td>{r['score']}</td>"
        f"<td>{e(r['band'])}</td><td>{r['pass']}</td><td>{_gaps(r)}</td>"
        f"<td><a href=\"{e(r['report'])}\">{t['report']}</a></td></tr>" for r in batch["ranking"])
    heat = "".join(
        f"<tr style=\"background:{_heat_colour(h['share'])}\"><td>{e(h['code'])} "
        f"{e(h['title_en'] if lang == 'en' else h['title_th'])}</td>"
        f"<td>{h['offices_missing']}</td><td>{h['missing']}</td><td>{h['stale']}</td>"
        f"<td>{h['broken']}</td></tr>" for h in batch["items"] if h["offices_missing"])
    failed = "".join(f"<li>{e(f['name'])} ({e(f['url'])}): {e(f['status'])} "
                     f"{e(f['message'])}</li>" for f in batch["failed"])
    return (f"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            f"<title>{t['title']}</title><style>body{{font-family:sans-serif}}"
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px}</style>"
            f"</head><body><h1>{t['title']}</h1><p>{e(t['summary'].format(**batch))}</p>"
            f"<table><tr><th>{t['rank']}</th><th>{t['office']}</th><th>{t['score']}</th>"
            f"<th>{t['band']}</th><th>{t['pass']}</th><th>{t['gaps']}</th>"
            f"<th>{t['report']}</th></tr>{rows}</table><h2>{t['heat']}</h2>"
            f"<table><tr><th>{t['item']}</th><th>{t['offices']}</th><th>{t['missing']}</th>"
            f"<th>{t['stale']}</th><th>{t['broken']}</th></tr>{heat}</table>"
            + (f"<h2>{t['failed']}</h2><ul>{failed}</ul>" if failed else "")
            + "</body></html>\n")
