"""``oit-audit worker --redis URL``: audit the offices of a shared batch (see ``worker``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

# first, while few modules are loaded: see crawler/auditcommand.py, crawler/scrapytls.py
import crawler.scrapytls  # noqa: F401

# isort: split
from rich.console import Console

from checklists.commands import add_lang
from checklists.vocabulary import EXIT_ERROR, EXIT_OK, EXIT_STOPPED
from crawler.cli import exit_codes_help
from crawler.cliargs import redis_url
from crawler.distributed.jobs import RedisUnreachable
from crawler.distributed.worker import REDIS_WAIT_S, StoppedInStall, Worker
from reports.labels import both, words

DEFAULT_BATCH = "oit"


def register(sub: Any) -> None:
    """Add ``worker`` to the ``oit-audit`` parser."""
    w = sub.add_parser(
        "worker",
        description=f"{both('worker', 'description')}; {words('worker', 'en')['stop']}",
        epilog=exit_codes_help("worker", (EXIT_OK, EXIT_ERROR, EXIT_STOPPED)),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    w.add_argument("--redis", required=True, metavar="URL", type=redis_url,
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
    w.add_argument("--redis-wait", type=float, default=REDIS_WAIT_S, metavar="SECONDS",
                   help=both("worker", "redis_wait"))
    add_lang(w)
    w.set_defaults(func=cmd_worker)


def cmd_worker(args: argparse.Namespace) -> int:
    console = Console()
    try:
        worker = Worker(args.redis, args.batch, args.parallel, args.lease, args.work_dir,
                        args.once, args.redis_wait)
        console.print(both("worker", "started", name=worker.name, batch=args.batch,
                           redis=args.redis), highlight=False)
        done = worker.run()
    except StoppedInStall as exc:  # stopped while Redis stalled: stopped, as README says
        print(exc, file=sys.stderr)
        return EXIT_STOPPED
    except RedisUnreachable as exc:  # what to do next, not a crash report
        print(exc, file=sys.stderr)
        return EXIT_ERROR
    console.print(both("worker", "finished", n=len(done)), highlight=False)
    if worker.lost_offices:  # left to the worker that took their leases (nightly49)
        console.print(both("worker", "lost_summary", n=len(worker.lost_offices),
                           names=", ".join(worker.names.get(k, k) for k in worker.lost_offices)),
                      highlight=False)
    if worker.stop_asked:  # as a stopped audit: 3, and what happens to the rest
        # "given back" only when one was (before, said after every office had been finished)
        console.print(both("worker", "stopped" if worker.given_back else "stopped_none"),
                      highlight=False)
        return EXIT_STOPPED
    return EXIT_OK
