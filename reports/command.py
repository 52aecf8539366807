"""``oit-audit report REPORT.json``: render a saved audit again, without crawling.

    oit-audit report out/report.json --format html --format itas --lang en --units units.yaml
    oit-audit report out/ --export reports.zip      (or --export a-folder/)

``--export`` renders nothing: it copies the files the folder shows as real files
(:mod:`reports.export`; the folder's own names are links into its current set).
The report is checked against ``reports/report.schema.json`` first; a missing or invalid file
exits 2 with a Thai (and English) message.  Without ``--out`` the files go next to the report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from checklists.safetext import clean_tree
from checklists.vocabulary import EXIT_ERROR, EXIT_OK
from reports import FORMATS, output_folder, renderers_for, write_reports
from reports.export import ExportError, export_set, is_zip
from reports.jsonfile import JsonFileError, read_json
from reports.labels import both, said, words
from reports.outdir import OutputBusy
from reports.schema import report_problems
from reports.units import UnitsError, load_units

_NAMES = (*FORMATS, "all")


def _formats(value: str) -> list[str]:
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    bad = [n for n in names if n not in _NAMES]
    if bad or not names:
        raise argparse.ArgumentTypeError(both("report", "unknown_format",
                                              bad=repr(", ".join(bad) or value),
                                              names=", ".join(_NAMES)))
    return names


def register(subparsers: Any) -> None:
    """Add the ``report`` sub-command."""
    p = subparsers.add_parser("report", description=both("commands", "report"))
    add_saved_report(p)
    p.add_argument("--format", dest="formats", type=_formats, action="append", default=None,
                   metavar="FORMAT", help=_help("format"))
    p.add_argument("--export", type=Path, default=None, metavar="DIR|FILE.zip",
                   help=_help("export"))
    p.set_defaults(func=run)


def add_saved_report(p: argparse.ArgumentParser) -> None:
    """The arguments of a command on a saved audit: the report (a report.json or its folder),
    ``--out`` (default: that folder), ``--lang`` and ``--units``."""
    p.add_argument("report", type=Path, help=_help("report"))
    p.add_argument("--out", type=Path, default=None, help=_help("out"))
    p.add_argument("--lang", choices=("th", "en"), default="th", help=both("audit_help", "lang"))
    p.add_argument("--units", type=Path, default=None, help=_help("units"))


def _help(key: str) -> str:
    """An option's help: its Thai, then its English in brackets (``words.yaml``)."""
    return both("report_help", key)


def fail(lines: list[str]) -> int:
    """Print each line on stderr; the exit code of a command that could not run."""
    for line in lines:
        print(line, file=sys.stderr)
    return EXIT_ERROR


def load_report(path: Path) -> tuple[dict[str, Any] | None, list[str]]:
    """The report at ``path`` (a file or a folder holding report.json), or why it is unusable."""
    if path.is_dir():
        path = path / "report.json"
    if not path.is_file():
        return None, [f"{both('report', 'not_found', path=path)}; "
                      f"{said('report', 'not_found_next')}"]
    try:
        report = read_json(path)
    except JsonFileError as exc:
        return None, [str(exc)]
    problems = report_problems(report)
    if problems:
        return None, [f"{path}: {both('report', 'invalid')}:"] + [
                          f"  {p}" for p in problems]
    return clean_tree(report), []


def export(args: argparse.Namespace) -> int:
    """Copy the files the output folder shows (``args.report``: the folder or its
    report.json) into ``args.export``, a folder or a zip file."""
    if args.formats or args.units or args.out:
        return fail([both("export", "alone")])
    source = args.report if args.report.is_dir() else args.report.parent
    try:
        written = export_set(output_folder(source), args.export)
    except ExportError as exc:
        return fail([both("export", exc.key, path=exc.path)])
    except OSError as exc:
        return fail([f"{both('export', 'failed', path=args.export)}: {exc}"])
    zipped = is_zip(args.export)
    print(words("export", args.lang)["zipped" if zipped else "written"].format(n=len(written)))
    for line in ([f"{args.export} ({', '.join(written)})"] if zipped
                 else [str(args.export / name) for name in written]):
        print(f"  {line}")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Render the saved report in the chosen formats (or export the folder's reports)."""
    if args.export is not None:
        return export(args)
    report, problems = load_report(args.report)
    if report is None:
        return fail(problems)
    if args.units:
        try:
            report = load_units(args.units).apply(report)
        except UnitsError as exc:
            return fail(exc.lines())
    names = [n for group in (args.formats or [["all"]]) for n in group]
    out_dir = args.out or (args.report if args.report.is_dir() else args.report.parent)
    try:
        with output_folder(out_dir) as folder:  # not while an audit writes there
            folder.recover()
            written = write_reports(report, out_dir, formats=renderers_for(names),
                                    lang=args.lang)
    except OutputBusy as exc:
        return fail([f"{both('report', 'busy', out=out_dir, holder=exc.holder)}; "
                      f"{both('report', 'busy_next')}"])
    except OSError as exc:
        return fail([f"{both('report', 'cannot_write', out=out_dir)}: {exc}"])
    print(words("report", args.lang)["written"])
    for path in written:
        print(f"  {path}")
    return EXIT_OK
