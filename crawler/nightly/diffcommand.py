"""``oit-audit diff``: what changed between two runs of a site (or two ``report.json`` files).

A module of its own in the CLI's registry (``crawler/cli.py``): the topic map
(``crawler.nightly.diff``: the checklists, the Thai date reader) and the report schema
(``reports.command``: jsonschema) are this command's alone, and ``history`` and ``schedule``
(``crawler/nightly/command.py``) no longer import them (startup49, issue 13).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from checklists.vocabulary import EXIT_ERROR, EXIT_GAPS, EXIT_OK
from crawler.nightly.command import db_help, open_history, resolve_site
from crawler.nightly.diff import diff, new_problems
from reports.changes import changes_lines, with_words
from reports.command import load_report
from reports.labels import both


def register(sub: Any) -> None:
    """Add ``diff`` to the ``oit-audit`` parser."""
    d = sub.add_parser("diff", description=both("runs", "diff"))
    d.add_argument("runs", nargs="*", metavar="RUN",
                   help="OLD NEW (run ids or report.json files); one RUN: it against the "
                        "complete run before it; none: the last two complete runs")
    d.add_argument("--site", help=both("runs", "site"))
    d.add_argument("--db", type=Path, default=None, help=db_help())
    d.add_argument("--json", action="store_true", help=both("runs", "json"))
    d.add_argument("--lang", choices=("th", "en"), default="th")
    d.set_defaults(func=cmd_diff)


def _load(ref: str, history: Any, console: Console) -> dict[str, Any] | None:
    if ref.isdigit():
        if history is None:
            return None
        report = history.report(int(ref))
        if report is None:
            console.print(both("runs", "no_run", ref=ref), highlight=False)
        return report
    report, problems = load_report(Path(ref))
    for line in problems:
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    return report


def cmd_diff(args: argparse.Namespace) -> int:
    """``oit-audit diff [OLD] [NEW]``."""
    console, err = Console(), Console(stderr=True)
    needs_db = len(args.runs) < 2 or any(r.isdigit() for r in args.runs)
    history = open_history(args.db, err) if needs_db else None
    if needs_db and history is None:
        return EXIT_ERROR
    try:
        if len(args.runs) >= 2:
            old, new = (_load(r, history, err) for r in args.runs[:2])
        elif len(args.runs) == 1:
            new = _load(args.runs[0], history, err)
            old = None
            if new is not None and history is not None and new.get("run_id"):
                run = history.run(new["run_id"])
                prev = history.last_complete(run["site_key"], run["checklist_id"],
                                             before=run["id"])
                old = history.report(prev["id"]) if prev else None
        else:
            key = resolve_site(history, args.site, err)
            if key is None:
                return EXIT_ERROR
            runs = history.runs(key, limit=2, states=("complete",))
            if not runs:
                err.print(both("runs", "no_complete", site=key), highlight=False)
                return EXIT_ERROR
            new = history.report(runs[0]["id"])
            old = history.report(runs[1]["id"]) if len(runs) > 1 else None
    finally:
        if history is not None:
            history.close()
    if new is None or (len(args.runs) >= 2 and old is None):
        return EXIT_ERROR
    changes = with_words(diff(old, new))
    if args.json:
        sys.stdout.write(json.dumps(changes, ensure_ascii=False, indent=2) + "\n")
    else:
        for line in changes_lines(changes, args.lang):
            console.print(line, highlight=False, markup=False)
    return EXIT_GAPS if new_problems(changes) else EXIT_OK
