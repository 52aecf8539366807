"""``oit-audit worker --redis URL``: audit the offices of a shared batch (see ``worker``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

# first, while few modules are loaded: see crawler/auditcommand.py, crawler/scrapytls.py
import crawler.scrapytls  # noqa: F401

# isort: split
from rich.console import Console

from checklists.commands import add_lang
from crawler.distributed.worker import Worker
from reports.labels import both, words

DEFAULT_BATCH = "oit"


def register(sub: Any) -> None:
    """Add ``worker`` to the ``oit-audit`` parser."""
    w = sub.add_parser(
        "worker",
        description=f"{both('worker', 'description')}; {words('worker', 'en')['stop']}")
    w.add_argument("--redis", required=True, metavar="URL",
                   help=both("worker", "redis"))
    w.add_argument("--batch", default=DEFAULT_BATCH, help=both("worker", "batch"))
    w.add_argument("--parallel", type=int, default=2,
                   help=both("worker", "parallel"))
    w.add_argument("--lease", type=float, default=60,
                   help=both("worker", "lease"))
    w.add_argument("--work-dir", type=Path, default=None,
                   help=both("worker", "work_dir"))
    w.add_argument("--once", action="store_true",
                   help=both("worker", "once"))
    add_lang(w)
    w.set_defaults(func=cmd_worker)


def cmd_worker(args: argparse.Namespace) -> int:
    console = Console()
    worker = Worker(args.redis, args.batch, args.parallel, args.lease, args.work_dir, args.once)
    console.print(both("worker", "started", name=worker.name, batch=args.batch,
                       redis=args.redis), highlight=False)
    done = worker.run()
    console.print(both("worker", "finished", n=len(done)), highlight=False)
    return 0
