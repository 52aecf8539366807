"""Gap-report renderers: each takes the finished report document and returns text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reports import html, markdown


def render_json(report: dict[str, Any], lang: str = "th") -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, tuple[str, Callable[[dict[str, Any], str], str]]] = {
    "json": ("report.json", render_json),
    "md": ("report.md", markdown.render),
    "html": ("report.html", html.render),
}


def write_reports(report: dict[str, Any], out_dir: Path, formats: tuple[str, ...] = ("json",
                  "md", "html"), lang: str = "th") -> list[Path]:
    """Write each format atomically into ``out_dir``; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        name, render = RENDERERS[fmt]
        path = out_dir / name
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(render(report, lang), encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written
