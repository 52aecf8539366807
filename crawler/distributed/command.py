"""``oit-audit worker --redis URL``: audit the offices of a shared batch (see ``worker``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

# first, while few modules are loaded: see crawler/auditcommand.py
import scrapy.core.downloader.contextfactory  # noqa: F401
from rich.console import Console

from crawler.distributed.worker import Worker

DEFAULT_BATCH = "oit"


def register(sub: Any) -> None:
    """Add ``worker`` to the ``oit-audit`` parser."""
    w = sub.add_parser(
        "worker",
        description="รับงานตรวจจาก Redis ที่สั่งด้วย oit-audit batch --redis จนหมด "
                    "(audit offices of a batch submitted with oit-audit batch --redis); "
                    "SIGTERM/Ctrl-C: finish the pages in flight, give the rest back, exit")
    w.add_argument("--redis", required=True, metavar="URL",
                   help="เซิร์ฟเวอร์ Redis เช่น redis://10.0.0.5:6379/0 (Redis URL)")
    w.add_argument("--batch", default=DEFAULT_BATCH, help="ชื่อชุดงาน (batch name; default oit)")
    w.add_argument("--parallel", type=int, default=2,
                   help="จำนวนเว็บไซต์ที่ตรวจพร้อมกัน (sites at once; default 2)")
    w.add_argument("--lease", type=float, default=60,
                   help="วินาทีก่อนงานของเครื่องที่หยุดไปถูกส่งให้เครื่องอื่น (seconds; default 60)")
    w.add_argument("--work-dir", type=Path, default=None,
                   help="โฟลเดอร์ทำงานชั่วคราว (scratch folder; default: a temporary one)")
    w.add_argument("--once", action="store_true",
                   help="ออกเมื่อไม่มีงานรอ (exit when nothing is pending)")
    w.set_defaults(func=cmd_worker)


def cmd_worker(args: argparse.Namespace) -> int:
    console = Console()
    worker = Worker(args.redis, args.batch, args.parallel, args.lease, args.work_dir, args.once)
    console.print(f"worker {worker.name}: batch {args.batch} on {args.redis}", highlight=False)
    done = worker.run()
    console.print(f"ตรวจเสร็จ {len(done)} หน่วยงาน (offices finished here)", highlight=False)
    return 0
