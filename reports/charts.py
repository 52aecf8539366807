"""Inline SVG charts for the HTML report (no scripts, no external files).

Every text that goes into the SVG is escaped with :func:`markupsafe.escape`; numbers are
formatted by us.  Colours match the verdict badges of the HTML report.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from markupsafe import Markup, escape

VERDICT_COLORS = {"pass": "#1a7f37", "missing": "#c92a2a", "broken": "#862e9c",
                  "stale": "#d9480f", "unverified": "#1864ab"}
# Best band to worst; a scale with fewer bands takes evenly spaced colours.
_BAND_COLORS = ("#1a7f37", "#37b24d", "#94d82d", "#fcc419", "#ff922b", "#f76707", "#e03131")


def num(value: Any) -> str:
    """A score without trailing zeros: ``68.42``, ``62.5``, ``100``."""
    if value is None:
        return "-"
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


def _text_width(text: str) -> float:
    """Rough width of ``text`` at 12px bold; Thai vowel and tone marks take no width."""
    return 8.0 * sum(1 for c in text if unicodedata.category(c) != "Mn")


def ink(background: str) -> str:
    """Dark or white text, whichever reads better on ``background`` (``#rrggbb``)."""
    r, g, b = (int(background[i:i + 2], 16) for i in (1, 3, 5))
    return "#212529" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "#ffffff"


def band_colors(n: int) -> list[str]:
    """``n`` colours from green (best band) to red (worst band)."""
    if n <= 1:
        return [_BAND_COLORS[0]] * n
    last = len(_BAND_COLORS) - 1
    return [_BAND_COLORS[round(i * last / (n - 1))] for i in range(n)]


def _same_range(scale: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: list[list[dict[str, Any]]] = []
    for band in scale:
        if groups and (groups[-1][0]["min"], groups[-1][0]["max"]) == (band["min"], band["max"]):
            groups[-1].append(band)
        else:
            groups.append([band])
    return groups


def scale_chart(scale: list[dict[str, Any]], score: float | None, pass_score: float | None,
                label: str, pass_label: str) -> Markup:
    """The framework's bands from 0 to 100 with a marker at ``score`` and the pass line."""
    width, x0, bar_y, bar_h = 600.0, 10.0, 26.0, 26.0
    span = width - 2 * x0

    def x(v: float) -> float:
        return x0 + span * max(0.0, min(100.0, v)) / 100.0

    parts = [f'<svg class="chart scale-chart" viewBox="0 0 {num(width)} 84" role="img" '
             f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">']
    colors = dict(zip((id(b) for b in scale), band_colors(len(scale)), strict=True))
    for group in _same_range(scale):  # labels that share a range (ผ่านดี, ผ่าน) share the bar
        left, right = x(group[0]["min"]), x(min(100.0, group[0]["max"] + 0.01))
        h = bar_h / len(group)
        for k, band in enumerate(group):
            tip = f"{band['label']} ({num(band['min'])}–{num(band['max'])})"
            parts.append(f'<rect x="{left:.1f}" y="{bar_y + k * h:.1f}" '
                         f'width="{max(0.0, right - left):.1f}" height="{h:.1f}" '
                         f'fill="{colors[id(band)]}"><title>{escape(tip)}</title></rect>')
        text = " / ".join(str(b["label"]) for b in group)
        if right - left >= _text_width(text) + 8:
            parts.append(f'<text x="{(left + right) / 2:.1f}" y="{bar_y + 17}" '
                         f'text-anchor="middle" class="band-label" '
                         f'fill="{ink(colors[id(group[0])])}">{escape(text)}</text>')
    if pass_score is not None:
        px = x(pass_score)
        parts.append(f'<line x1="{px:.1f}" y1="{bar_y - 4}" x2="{px:.1f}" y2="{bar_y + bar_h + 4}" '
                     'stroke="#212529" stroke-width="2" stroke-dasharray="4 3"/>')
        parts.append(f'<text x="{px:.1f}" y="{bar_y + bar_h + 18}" text-anchor="middle" '
                     f'class="axis">{escape(pass_label)} {num(pass_score)}</text>')
    if score is not None:
        sx = x(score)
        anchor = "start" if sx < 40 else "end" if sx > width - 40 else "middle"
        parts.append(f'<text x="{sx:.1f}" y="12" text-anchor="{anchor}" '
                     f'class="marker">{num(score)}</text>')
        parts.append(f'<path d="M{sx - 7:.1f},15 L{sx + 7:.1f},15 L{sx:.1f},{bar_y - 1} Z" '
                     'fill="#212529"/>')
    for v in (0, 100):
        parts.append(f'<text x="{x(v):.1f}" y="{bar_y + bar_h + 18}" '
                     f'text-anchor="{"start" if v == 0 else "end"}" class="axis">{v}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def subindicator_chart(items: list[dict[str, Any]], score: float, pass_score: float | None,
                       label: str, verdict_labels: dict[str, str], lang: str) -> Markup:
    """One square per item coloured by verdict, and the sub-indicator's score bar below."""
    width, gap = 300.0, 3.0
    n = max(1, len(items))
    w = (width - gap * (n - 1)) / n
    parts = [f'<svg class="chart sub-chart" viewBox="0 0 {num(width)} 62" role="img" '
             f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">']
    for i, item in enumerate(items):
        left = i * (w + gap)
        title = item["title_th"] if lang == "th" else item["title_en"]
        tip = f"{item['code']} {title}: {verdict_labels[item['verdict']]}"
        parts.append(f'<rect x="{left:.1f}" y="0" width="{w:.1f}" height="28" rx="3" '
                     f'fill="{VERDICT_COLORS[item["verdict"]]}" data-code="{escape(item["code"])}">'
                     f'<title>{escape(tip)}</title></rect>')
        if w >= 24:
            parts.append(f'<text x="{left + w / 2:.1f}" y="18" text-anchor="middle" '
                         f'class="cell-label">{escape(item["code"])}</text>')
    filled = width * max(0.0, min(100.0, score)) / 100.0
    ok = pass_score is None or score >= pass_score
    parts.append(f'<rect x="0" y="38" width="{num(width)}" height="12" rx="6" fill="#e9ecef"/>')
    parts.append(f'<rect x="0" y="38" width="{filled:.1f}" height="12" rx="6" '
                 f'fill="{"#1a7f37" if ok else "#d9480f"}"/>')
    if pass_score is not None:
        px = width * pass_score / 100.0
        parts.append(f'<line x1="{px:.1f}" y1="34" x2="{px:.1f}" y2="54" stroke="#212529" '
                     'stroke-width="1.5" stroke-dasharray="3 2"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def history_chart(points: list[dict[str, Any]], y_label: str, x_label: str,
                  dates: list[str]) -> Markup:
    """The indicator-9 estimate over the recorded audits: a line with labelled axes.

    ``points`` carry ``score``; ``dates`` are their labels (already formatted for the
    reader). The y axis shows its range and a middle tick; the x axis the first and last
    audit dates (and each point's date in its tooltip).
    """
    scores = [float(p["score"]) for p in points]
    lo = max(0.0, math.floor((min(scores) - 5) / 5) * 5)  # ticks on round numbers
    hi = min(100.0, math.ceil((max(scores) + 5) / 5) * 5)
    width, height, left, right, top, bottom = 420.0, 150.0, 44.0, 12.0, 14.0, 40.0
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(points) - 1)

    def y(v: float) -> float:
        return top + plot_h * (hi - v) / (hi - lo)

    parts = [f'<svg class="chart history-chart" viewBox="0 0 {num(width)} {num(height)}" '
             f'role="img" aria-label="{escape(y_label)} / {escape(x_label)}" '
             'xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#868e96"/>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
             'stroke="#868e96"/>']
    for v in (lo, (lo + hi) / 2, hi):
        parts.append(f'<line x1="{left - 4}" y1="{y(v):.1f}" x2="{width - right}" '
                     f'y2="{y(v):.1f}" stroke="#e9ecef"/>')
        parts.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" '
                     f'class="axis">{num(round(v, 1))}</text>')
    coords = [(left + i * step if len(points) > 1 else left + plot_w / 2, y(s))
              for i, s in enumerate(scores)]
    parts.append('<polyline fill="none" stroke="#1f5fa8" stroke-width="2" points="'
                 + " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords) + '"/>')
    for (cx, cy), s, d in zip(coords, scores, dates, strict=True):
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="#1f5fa8">'
                     f'<title>{escape(d)}: {num(s)}</title></circle>')
    base = top + plot_h + 16
    parts.append(f'<text x="{left}" y="{base}" text-anchor="start" class="axis">'
                 f'{escape(dates[0])}</text>')
    if len(dates) > 1:
        parts.append(f'<text x="{width - right}" y="{base}" text-anchor="end" class="axis">'
                     f'{escape(dates[-1])}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 4}" text-anchor="middle" '
                 f'class="axis-title">{escape(x_label)}</text>')
    parts.append(f'<text x="12" y="{top + plot_h / 2:.1f}" text-anchor="middle" '
                 f'class="axis-title" transform="rotate(-90 12 {top + plot_h / 2:.1f})">'
                 f'{escape(y_label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
