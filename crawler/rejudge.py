"""``oit-audit rejudge DIR --as-of YYYY-MM-DD``: judge a saved crawl again at another date,
without visiting the site.

DIR is an audit's folder: ``crawl.jsonl`` (what was seen) and ``report.json`` (how the crawl
went: start URL, limits, times).  The crawl is judged by the same function as every audit
(``crawler.judging.judge``), e.g. to see what the report will say once the fiscal year turns
on 1 October, or with another checklist.  The new set of reports (with the same
``crawl.jsonl``) goes to ``--out``, by default DIR itself.  The office's units file the saved
audit used (its ``units_file``) applies again, so the per-unit fix lists stay the office's;
``--units FILE`` gives another.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from rich.console import Console

from checklists.commands.console import load_or_report
from checklists.framework import load_declaring
from checklists.vocabulary import EXIT_ERROR
from crawler.cliargs import add_fiscal_year, as_of_arg
from crawler.judging import judge, publish
from crawler.runcontext import AuditRun, RunOutput
from reports.build import crawl_info_of, exit_code
from reports.command import add_saved_report, fail, load_report
from reports.labels import both, said
from reports.outdir import CRAWL_LOG, OutputBusy
from reports.terminal import print_summary
from reports.units import UnitsError, load_units_for


def register(subparsers: Any) -> None:
    """Add the ``rejudge`` sub-command."""
    p = subparsers.add_parser("rejudge", description=both("commands", "rejudge"))
    add_saved_report(p)  # the saved audit's report.json (crawl.jsonl beside it), --out...
    p.add_argument("--as-of", type=as_of_arg, required=True,
                   help=both("rejudge", "as_of"))
    add_fiscal_year(p)
    p.add_argument("--checklist", default=None,
                   help=both("rejudge", "checklist"))
    p.add_argument("--due-soon-days", type=int, default=14,
                   help=both("nightly", "due_soon_days"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Judge the saved crawl at ``--as-of`` and write the reports."""
    folder = args.report if args.report.is_dir() else args.report.parent
    saved, problems = load_report(folder)
    if saved is None:
        return fail(problems)
    records = folder / CRAWL_LOG
    if not records.is_file():
        return fail([f"{both('rejudge', 'no_crawl', records=records)}: "
                      f"{said('rejudge', 'no_crawl_next')}"])
    checklist = load_or_report(args.checklist or saved["checklist"]["id"], Console(stderr=True))
    if checklist is None:
        return EXIT_ERROR
    units_file = args.units or saved.get("units_file")  # the saved audit's, unless given
    try:
        units = load_units_for(units_file, checklist) if units_file else None
    except UnitsError as exc:
        again = [] if args.units else [both("rejudge", "saved_units")]
        return fail(exc.lines() + again)
    out = args.out or folder
    run = AuditRun(checklist, date.fromisoformat(args.as_of), checklist.id, args.fiscal_year, args.lang, units,
                   due_soon_days=args.due_soon_days,
                   output=RunOutput(out, resume=True, previous=records))
    snapshot = load_declaring(records, crawl_info_of(saved))  # with what its pages declare
    try:
        run.output.open_records().close()  # the saved crawl goes into the new set
    except OutputBusy as exc:
        return fail([f"{both('report', 'busy', out=out, holder=exc.holder)}; "
                      f"{both('report', 'busy_next')}"])
    try:
        report = judge(run, snapshot)
        publish(run, report)
    finally:
        run.output.close()
    print_summary(report, Console(), args.lang)
    return exit_code(report)
