"""``oit-audit rejudge DIR --as-of YYYY-MM-DD``: judge a saved crawl again at another date,
without visiting the site.

DIR is an audit's folder: ``crawl.jsonl`` (what was seen) and ``report.json`` (how the crawl
went: start URL, limits, times).  The crawl is judged by the same function as every audit
(``crawler.judging.judge``), e.g. to see what the report will say once the fiscal year turns
on 1 October, or with another checklist.  The new set of reports (with the same
``crawl.jsonl``) goes to ``--out``, by default DIR itself.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console

from checklists.commands.console import load_or_report
from checklists.site.snapshot import Snapshot
from checklists.vocabulary import EXIT_ERROR
from crawler.judging import judge, publish
from crawler.runcontext import AuditRun, RunOutput
from reports.build import crawl_info_of, exit_code
from reports.command import load_report
from reports.outdir import CRAWL_LOG, OutputBusy
from reports.terminal import print_summary
from reports.units import UnitsError, load_units


def _as_of(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"วันที่ไม่ถูกต้อง {value!r}: ใช้รูปแบบ ค.ศ. YYYY-MM-DD เช่น 2026-10-01 "
            "(invalid date; use YYYY-MM-DD)") from None


def register(subparsers: Any) -> None:
    """Add the ``rejudge`` sub-command."""
    p = subparsers.add_parser(
        "rejudge", help="ตัดสินผลการตรวจที่บันทึกไว้ใหม่ ณ วันที่อื่น โดยไม่เข้าเว็บไซต์ซ้ำ "
                        "(judge a saved crawl again at another date, without crawling)")
    p.add_argument("saved", type=Path,
                   help="โฟลเดอร์ผลการตรวจที่มี report.json และ crawl.jsonl (an audit's folder)")
    p.add_argument("--as-of", type=_as_of, required=True,
                   help="ตัดสิน ณ วันที่ YYYY-MM-DD (the as-of date to judge at)")
    p.add_argument("--fiscal-year", type=int, default=0,
                   help="ปีงบประมาณ พ.ศ. ที่ประเมิน (assessed fiscal year, B.E.; default: from "
                        "the as-of date)")
    p.add_argument("--checklist", default=None,
                   help="แบบตรวจ (checklist id or YAML file; default: the one the saved audit "
                        "used)")
    p.add_argument("--units", type=Path, default=None,
                   help="ไฟล์ YAML หน่วยงานของสำนักงาน (the office's units YAML)")
    p.add_argument("--due-soon-days", type=int, default=14,
                   help="เตือนล่วงหน้ากี่วัน (warn this many days ahead; default 14)")
    p.add_argument("--out", type=Path, default=None,
                   help="โฟลเดอร์ปลายทาง (output folder; default: the saved audit's folder)")
    p.add_argument("--lang", choices=("th", "en"), default="th", help="ภาษารายงาน (language)")
    p.set_defaults(func=run)


def _fail(lines: list[str]) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    return EXIT_ERROR


def run(args: argparse.Namespace) -> int:
    """Judge the saved crawl at ``--as-of`` and write the reports."""
    folder = args.saved if args.saved.is_dir() else args.saved.parent
    saved, problems = load_report(folder)
    if saved is None:
        return _fail(problems)
    records = folder / CRAWL_LOG
    if not records.is_file():
        return _fail([f"ไม่พบ {records} (no saved crawl beside the report): ตรวจใหม่ด้วย "
                      "oit-audit audit"])
    checklist = load_or_report(args.checklist or saved["checklist"]["id"], Console(stderr=True))
    if checklist is None:
        return EXIT_ERROR
    try:
        units = load_units(args.units) if args.units else None
        if units is not None:
            units.check_against({i.code for i in checklist.items}, set(checklist.units))
    except UnitsError as exc:
        return _fail(["ไฟล์หน่วยงานไม่ถูกต้อง (invalid units file):",
                      *[f"  {p}" for p in exc.problems]])
    out = args.out or folder
    run = AuditRun(checklist, args.as_of, checklist.id, args.fiscal_year, args.lang, units,
                   due_soon_days=args.due_soon_days,
                   output=RunOutput(out, resume=True, previous=records))
    snapshot = Snapshot.load(records, crawl_info_of(saved))
    try:
        run.output.open_records().close()  # the saved crawl goes into the new set
    except OutputBusy as exc:
        return _fail([f"โฟลเดอร์ {out} กำลังถูกใช้โดยการตรวจอื่น (another audit is writing into it: "
                      f"process {exc.holder}); รอให้เสร็จแล้วรันใหม่ (wait and retry)"])
    try:
        report = judge(run, snapshot)
        publish(run, report)
    finally:
        run.output.close()
    print_summary(report, Console(), args.lang)
    return exit_code(report)
