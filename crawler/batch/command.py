"""``oit-audit batch offices.csv``: audit many offices in one process (see ``runner``)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

# first, while few modules are loaded: see crawler/auditcommand.py, crawler/scrapytls.py
import crawler.scrapytls  # noqa: F401

# isort: split
from scrapy.utils.misc import load_object

from checklists.vocabulary import DEFAULT_CHECKLIST, EXIT_ERROR, EXIT_GAPS, EXIT_OK, EXIT_STOPPED
from crawler.batch.offices import OfficesError, read_offices
from crawler.batch.runner import BatchOptions, run_batch, say
from crawler.cli import exit_codes_help
from crawler.cliargs import redis_url, settings_overrides  # -s NAME=VALUE as the audit's
from crawler.distributed.jobs import RedisUnreachable, StoppedInStall
from reports.labels import both, said

# A batch shared through Redis (--redis) is gathered by the coordinator, named by its dotted
# path as Scrapy names components: a batch audited in this process never imports it (nor the
# Redis client under it; a nightly batch pays every import of its start-up again each night)
SHARED_BATCH = "crawler.distributed.coordinator.run_shared_batch"


def register(sub: Any) -> None:
    """Add ``batch`` to the ``oit-audit`` parser."""
    b = sub.add_parser(
        "batch",
        description=f"{both('batch_cmd', 'about')}. {both('batch_cmd', 'resume')}.",
        # a nightly timer tells "fix and run again" (2) from "run again to resume" (3)
        epilog=exit_codes_help("batch_cmd"), formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("offices", type=Path, help=_help("offices"))
    b.add_argument("--out", type=Path, default=Path("oit-audit-batch"), help=_help("out"))
    b.add_argument("--as-of", default=None, help=both("audit_help", "as_of_audit"))
    b.add_argument("--fiscal-year", type=int, default=0, help=_help("fiscal_year"))
    b.add_argument("--checklist", default=DEFAULT_CHECKLIST, help=_help("checklist"))
    b.add_argument("--full", action="store_true", help=_help("full"))
    b.add_argument("--parallel", type=int, default=4, help=_help("parallel"))
    b.add_argument("--site-timeout", type=int, default=1800, help=_help("site_timeout"))
    b.add_argument("--max-pages", type=int, default=0, help=_help("max_pages"))
    b.add_argument("--no-external", action="store_true", help=both("audit_help", "no_external"))
    b.add_argument("--lang", choices=("th", "en"), default="th", help=both("audit_help", "lang"))
    b.add_argument("--db", type=Path, default=None, help=_help("db"))
    b.add_argument("--redis", metavar="URL", default=None, type=redis_url, help=_help("redis"))
    b.add_argument("--batch", default="oit", help=_help("batch"))
    b.add_argument("--redis-wait", type=float, default=60.0, metavar="SECONDS",
                   help=_help("redis_wait"))
    b.add_argument("--verbose", action="store_true", help=both("audit_help", "verbose"))
    b.add_argument("-s", "--set", dest="settings", action="append", default=[],
                   metavar="NAME=VALUE", help=_help("set"))
    b.set_defaults(func=cmd_batch)


def _help(key: str) -> str:
    """An option's help: its Thai, then its English in brackets (``words.yaml``)."""
    return both("batch_cmd", key)


def _as_of(value: str | None) -> str:
    try:
        return date.fromisoformat(value).isoformat() if value else date.today().isoformat()
    except ValueError:
        raise SystemExit(both("batch_cmd", "bad_date", value=value)) from None


def cmd_batch(args: argparse.Namespace) -> int:
    try:
        offices = read_offices(args.offices)
    except OfficesError as exc:  # on stderr, each problem at its file:line, then what to do
        print(f"{both('batch_cmd', 'bad_offices', n=len(exc.problems))}:", file=sys.stderr)
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(exc.next, file=sys.stderr)
        return EXIT_ERROR
    opts = BatchOptions(
        out_dir=args.out, as_of=_as_of(args.as_of), checklist=args.checklist,
        fiscal_year=args.fiscal_year, focused=not args.full, parallel=args.parallel,
        site_timeout=args.site_timeout, max_pages=args.max_pages,
        check_external=not args.no_external, lang=args.lang,
        log_level="INFO" if args.verbose else "CRITICAL", db=str(args.db or ""),
        extra_settings=settings_overrides(args.settings))

    def done(office: Any, status: str) -> None:
        say(f"  {office.name}: {status}")

    say(f"{both('batch_cmd', 'auditing', n=len(offices))} -> {args.out}")
    if args.redis:
        try:
            batch = load_object(SHARED_BATCH)(offices, opts, args.redis, args.batch,
                                              on_done=done, redis_wait_s=args.redis_wait)
        except StoppedInStall as exc:  # stopped while Redis stalled: 3, as any stop (2
            print(exc, file=sys.stderr)  # until nightly43, where the README said 3)
            return EXIT_STOPPED
        except RedisUnreachable as exc:  # what to do next, not a crash report
            print(exc, file=sys.stderr)
            return EXIT_ERROR
    else:
        batch = run_batch(offices, opts, on_done=done)
    counts = said("batch_cmd", "counts",
        audited=batch["audited"], offices=batch["offices"], failed=batch["not_audited"])
    say(f"{counts} {both('batch_cmd', 'report')}: {args.out}/batch.html")
    if batch.get("stopped"):  # Ctrl-C or SIGTERM: as a stopped audit, whatever was finished
        if batch.get("submitted") is not None:  # stopped while putting the batch on Redis
            say(both("batch_cmd", "submit_stopped", submitted=batch["submitted"],
                     n=len(offices)))
        say(f"{both('cli', 'interrupted')}: {both('batch_cmd', 'resume')}")
        if args.redis:  # the coordinator only gathers: the workers go on
            say(both("batch_cmd", "shared_stopped"))
        return EXIT_STOPPED
    if batch["audited"] == 0:
        return EXIT_ERROR
    gaps = batch["not_audited"] or any(r["pass"] < sum(
        r[v] for v in ("pass", "missing", "stale", "broken", "unverified"))
        for r in batch["ranking"])
    return EXIT_GAPS if gaps else EXIT_OK
