"""``oit-audit batch offices.csv``: audit many offices in one process (see ``runner``)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

# first, while few modules are loaded: see crawler/auditcommand.py
import scrapy.core.downloader.contextfactory  # noqa: F401
from rich.console import Console
from scrapy.utils.misc import load_object

from checklists.vocabulary import DEFAULT_CHECKLIST
from crawler.batch.offices import OfficesError, read_offices
from crawler.batch.runner import BatchOptions, run_batch
from crawler.cliargs import settings_overrides  # the audit command's -s NAME=VALUE parser

# A batch shared through Redis (--redis) is gathered by the coordinator, named by its dotted
# path as Scrapy names components: a batch audited in this process never imports it (nor the
# Redis client under it; a nightly batch pays every import of its start-up again each night)
SHARED_BATCH = "crawler.distributed.coordinator.run_shared_batch"

EXIT_OK, EXIT_GAPS, EXIT_ERROR = 0, 1, 2


def register(sub: Any) -> None:
    """Add ``batch`` to the ``oit-audit`` parser."""
    b = sub.add_parser(
        "batch",
        description="ตรวจเว็บไซต์หลายหน่วยงานในกระบวนการเดียว ไฟล์ CSV ต้องมีหัวคอลัมน์ "
                    "name,url และอาจมี checklist,units (a CSV with a header row: name,url and "
                    "optionally checklist,units). รันคำสั่งเดิมซ้ำเพื่อทำต่อหลังถูกหยุด "
                    "(run the same command again to resume).")
    b.add_argument("offices", type=Path, help="ไฟล์ CSV รายชื่อหน่วยงาน (offices CSV)")
    b.add_argument("--out", type=Path, default=Path("oit-audit-batch"),
                   help="โฟลเดอร์ผลรวม (batch folder; default: oit-audit-batch)")
    b.add_argument("--as-of", default=None,
                   help="ตรวจ ณ วันที่ YYYY-MM-DD (as-of date; default: today)")
    b.add_argument("--fiscal-year", type=int, default=0, help="ปีงบประมาณ พ.ศ. (fiscal year)")
    b.add_argument("--checklist", default=DEFAULT_CHECKLIST,
                   help="แบบตรวจเริ่มต้น (default checklist for rows without one)")
    b.add_argument("--full", action="store_true",
                   help="ตรวจทุกหน้า ไม่ตรวจแบบเจาะจง (crawl every page of every site)")
    b.add_argument("--parallel", type=int, default=4,
                   help="จำนวนเว็บไซต์ที่ตรวจพร้อมกัน (sites audited at once; default 4)")
    b.add_argument("--site-timeout", type=int, default=1800,
                   help="เวลาสูงสุดต่อเว็บไซต์ (seconds per site; default 1800)")
    b.add_argument("--max-pages", type=int, default=0, help="จำนวนหน้าสูงสุดต่อเว็บไซต์")
    b.add_argument("--no-external", action="store_true",
                   help="ไม่ตรวจลิงก์ภายนอก (do not check external links)")
    b.add_argument("--lang", choices=("th", "en"), default="th", help="ภาษารายงาน (language)")
    b.add_argument("--db", type=Path, default=None,
                   help="ฐานข้อมูลประวัติการตรวจ: บันทึกผลแต่ละหน่วยงาน และใช้แคชซ้ำ ตรวจซ้ำทุกคืนได้เร็ว "
                        "(history database: each office's run recorded, its caches reused)")
    b.add_argument("--redis", metavar="URL", default="",
                   help="แบ่งงานให้เครื่อง worker ผ่าน Redis แล้วรวบรวมผล (share the batch with "
                        "oit-audit worker processes through Redis, and gather the results)")
    b.add_argument("--batch", default="oit", help="ชื่อชุดงานบน Redis (batch name; default oit)")
    b.add_argument("--verbose", action="store_true", help="แสดง log ของ Scrapy (Scrapy log)")
    b.add_argument("-s", "--set", dest="settings", action="append", default=[],
                   metavar="NAME=VALUE", help="ตั้งค่า Scrapy/OIT_* ให้ทุกเว็บไซต์")
    b.set_defaults(func=cmd_batch)


def _as_of(value: str | None) -> str:
    try:
        return date.fromisoformat(value).isoformat() if value else date.today().isoformat()
    except ValueError:
        raise SystemExit(f"วันที่ไม่ถูกต้อง {value!r}: ใช้รูปแบบ YYYY-MM-DD "
                         "(invalid date; use YYYY-MM-DD)") from None


def cmd_batch(args: argparse.Namespace) -> int:
    console = Console()
    try:
        offices = read_offices(args.offices)
    except OfficesError as exc:
        console.print("[bold red]ไฟล์รายชื่อหน่วยงานไม่ถูกต้อง (offices file):[/]", highlight=False)
        for problem in exc.problems:
            console.print(f"  {problem}", highlight=False, markup=False)
        return EXIT_ERROR
    opts = BatchOptions(
        out_dir=args.out, as_of=_as_of(args.as_of), checklist=args.checklist,
        fiscal_year=args.fiscal_year, focused=not args.full, parallel=args.parallel,
        site_timeout=args.site_timeout, max_pages=args.max_pages,
        check_external=not args.no_external, lang=args.lang,
        log_level="INFO" if args.verbose else "CRITICAL", db=str(args.db or ""),
        extra_settings=settings_overrides(args.settings))

    def done(office: Any, status: str) -> None:
        console.print(f"  {office.name}: {status}", highlight=False, markup=False)

    console.print(f"ตรวจ {len(offices)} หน่วยงาน (auditing {len(offices)} offices) -> "
                  f"{args.out}", highlight=False)
    if args.redis:
        batch = load_object(SHARED_BATCH)(offices, opts, args.redis, args.batch, on_done=done)
    else:
        batch = run_batch(offices, opts, on_done=done)
    console.print(f"ตรวจแล้ว {batch['audited']}/{batch['offices']}; ตรวจไม่ได้ "
                  f"{batch['not_audited']}. รายงานรวม (batch report): {args.out}/batch.html",
                  highlight=False)
    if batch["audited"] == 0:
        return EXIT_ERROR
    gaps = batch["not_audited"] or any(r["pass"] < sum(
        r[v] for v in ("pass", "missing", "stale", "broken", "unverified"))
        for r in batch["ranking"])
    return EXIT_GAPS if gaps else EXIT_OK
