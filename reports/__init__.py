"""Gap-report renderers: each takes the finished report document and returns text or bytes.

``RENDERERS`` maps a renderer id to its file name and function; ``FORMATS`` groups them under
the names users type (``oit-audit report REPORT.json --format html|md|csv|xlsx|junit|itas``).
Each renderer's module is imported when it first renders: importing this package (which
``reports.labels`` does, for the words of ``oit-audit --help``) pulls in neither openpyxl,
jinja2 nor the checklists.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from reports.outdir import CRAWL_LOG, OutputFolder

Render = Callable[[dict[str, Any], str], "str | bytes"]


def render_json(report: dict[str, Any], lang: str = "th") -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _renderer(module: str, name: str) -> Render:
    """``reports.MODULE.NAME``, its module imported on the first call."""
    def render(report: dict[str, Any], lang: str = "th") -> str | bytes:
        return getattr(importlib.import_module(f"reports.{module}"), name)(report, lang)
    render.__name__ = render.__qualname__ = f"{module}.{name}"
    return render


RENDERERS: dict[str, tuple[str, Render]] = {
    "json": ("report.json", render_json),
    "md": ("report.md", _renderer("markdown", "render")),
    "html": ("report.html", _renderer("html", "render")),
    "fixes-md": ("fixes.md", _renderer("fixlist", "render_md")),
    "fixes-csv": ("fixes.csv", _renderer("fixlist", "render_csv")),
    "fixes-xlsx": ("fixes.xlsx", _renderer("fixlist", "render_xlsx")),
    "itas-csv": ("itas.csv", _renderer("itas", "render_csv")),
    "itas-xlsx": ("itas.xlsx", _renderer("itas", "render_xlsx")),
    "junit": ("junit.xml", _renderer("junit", "render")),
}

# What each ``--format`` name writes.
FORMATS: dict[str, tuple[str, ...]] = {
    "html": ("html",),
    "md": ("md", "fixes-md"),
    "csv": ("fixes-csv",),
    "xlsx": ("fixes-xlsx",),
    "itas": ("itas-csv", "itas-xlsx"),
    "junit": ("junit",),
    "json": ("json",),
}
ALL_FORMATS = tuple(RENDERERS)
LANGS = ("th", "en")


def file_name(fmt: str, lang: str = "th") -> str:
    """The file a renderer writes in ``lang``: Thai keeps the plain name, another language
    adds its code before the extension (``report.en.html``), so rendering one language
    never overwrites the other's files; ``report.json`` has no language."""
    name = RENDERERS[fmt][0]
    if lang == "th" or fmt == "json":
        return name
    stem, _, ext = name.rpartition(".")
    return f"{stem}.{lang}.{ext}"


# Every file of one audit's set in an output folder, in either language (see reports.outdir):
# an audit's set replaces an older audit's files of both languages.
REPORT_SET = (*dict.fromkeys(file_name(f, lang) for lang in LANGS for f in RENDERERS), CRAWL_LOG)


def output_folder(path: str | Path) -> OutputFolder:
    """The output folder at ``path``, knowing which files make up a set."""
    return OutputFolder(path, REPORT_SET)


def read_report(out_dir: Path) -> dict[str, Any] | None:
    """The report.json an output folder shows (None when there is none or it cannot be
    read): a batch resumed after a stop reads the offices already done, an audit stopped
    half-way asks whether the folder shows a finished run's report."""
    try:
        report = json.loads((out_dir / RENDERERS["json"][0]).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return report if isinstance(report, dict) else None


def renderers_for(names: Iterable[str]) -> tuple[str, ...]:
    """Renderer ids for ``--format`` names (``all`` is every renderer but ``json``)."""
    out: list[str] = []
    for name in names:
        ids = tuple(r for r in ALL_FORMATS if r != "json") if name == "all" else FORMATS[name]
        out += [r for r in ids if r not in out]
    return tuple(out)


def write_reports(report: dict[str, Any], out_dir: Path,
                  formats: tuple[str, ...] = ALL_FORMATS, lang: str = "th") -> list[Path]:
    """Write each renderer's file atomically into ``out_dir``; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        render = RENDERERS[fmt][1]
        path = out_dir / file_name(fmt, lang)
        tmp = path.with_suffix(path.suffix + ".tmp")
        content = render(report, lang)
        if isinstance(content, bytes):
            tmp.write_bytes(content)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                fh.write(content)
        tmp.replace(path)
        written.append(path)
    return written
