"""``oit-audit history`` and ``oit-audit schedule``.

They read the history database and the sites given only; ``oit-audit diff``, which needs the
topic map and the report schema, is a module of its own (``crawler/nightly/diffcommand.py``),
so neither command imports those (0.39 -> 0.14 CPU-s a ``history``, startup49, issue 13;
``tests/cli/test_startup.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from checklists.commands import add_lang
from checklists.vocabulary import EXIT_ERROR, EXIT_OK
from crawler.nightly import paths
from crawler.nightly.history import History, HistoryError
from crawler.nightly.schedule import Plan, cron_lines, read_sites, systemd_units
from crawler.urlargs import url_problem
from reports.labels import both, words


def db_help() -> str:
    """The ``--db`` option's help line (every nightly command's)."""
    return both("runs", "db", db=paths.default_db())


def register(sub: Any) -> None:
    """Add ``history`` and ``schedule`` to the ``oit-audit`` parser."""

    h = sub.add_parser("history", description=both("commands", "history"))
    h.add_argument("site", nargs="?",
                   help=f"{both('runs', 'history_site')}; {words('runs', 'en')['no_site']}")
    h.add_argument("--db", type=Path, default=None, help=db_help())
    h.add_argument("--limit", type=int, default=30, help=both("runs", "limit"))
    h.add_argument("--json", action="store_true", help=both("runs", "json"))
    h.add_argument("--lang", choices=("th", "en"), default="th")
    h.set_defaults(func=cmd_history)

    s = sub.add_parser("schedule", description=both("commands", "schedule"))
    kind = s.add_mutually_exclusive_group(required=True)
    kind.add_argument("--cron", action="store_true", help=both("runs", "cron"))
    kind.add_argument("--systemd", action="store_true", help=both("runs", "systemd"))
    s.add_argument("sites", nargs="*", metavar="SITE", help=both("runs", "sites"))
    s.add_argument("--sites", dest="sites_file", type=Path, help=both("runs", "sites_file"))
    s.add_argument("--at", default="02:30", help=both("runs", "at"))
    s.add_argument("--stagger", type=int, default=10, help=both("runs", "stagger"))
    s.add_argument("--out-root", type=Path, default=Path.home() / "oit-audit",
                   help=both("runs", "out_root"))
    s.add_argument("--db", type=Path, default=None, help=db_help())
    s.add_argument("--alerts-config", type=Path, default=None, help=both("runs", "alerts"))
    s.add_argument("--fail-on", choices=("gaps", "regression"), default="regression")
    add_lang(s)
    s.set_defaults(func=cmd_schedule)


def open_history(db: Path | None, console: Console):
    path = Path(db or paths.default_db()).expanduser()
    if not path.exists():
        console.print(f"{both('runs', 'no_history')}: {path}", highlight=False)
        return None
    try:
        return History(path)
    except HistoryError as exc:
        console.print(f"[bold red]{exc}[/]", highlight=False)
        return None


def resolve_site(history: Any, query: str | None, console: Console) -> str | None:
    """The site key meant by ``query`` (a URL or a key); without one, the only site. When
    several sites could be meant, list them and ask (never pick one silently)."""
    sites = history.sites()
    known = "\n".join(f"  {s['site_key']}  {s['site_url'] or ''}".rstrip() for s in sites)
    if query:
        mine = paths.own_key(query)  # a key typed without its @MARK: this copy's (the demo)
        matches = [mine] if mine in {s["site_key"] for s in sites} else \
            history.site_matches(query)
        if len(matches) > 1:
            which = "\n".join(f"  {k}" for k in matches)
            console.print(f"{query!r} {both('runs', 'several')}:\n{which}",
                          highlight=False, markup=False)
            return None
        if not matches:
            console.print(f"{both('runs', 'unknown_site', query=query)}:\n{known}",
                          highlight=False, markup=False)
            return None
        return matches[0]
    if len(sites) == 1:
        return sites[0]["site_key"]
    if not sites:
        console.print(both("runs", "no_runs"), highlight=False)
        return None
    console.print(f"{both('runs', 'many_sites')}:\n{known}",
                  highlight=False, markup=False)
    return None


def cmd_history(args: argparse.Namespace) -> int:
    """``oit-audit history [SITE]``."""
    console, err = Console(), Console(stderr=True)
    history = open_history(args.db, err)
    if history is None:
        return EXIT_ERROR
    t = words("runs", "en" if args.lang == "en" else "th")
    with history:
        if not args.site:
            sites = history.sites()
            if args.json:
                sys.stdout.write(json.dumps(sites, ensure_ascii=False, indent=2) + "\n")
                return EXIT_OK
            table = Table(title=t["sites_title"])
            for col in t["sites_header"]:
                table.add_column(col)
            for s in sites:
                table.add_row(s["site_key"], str(s["runs"]), f"#{s['last_run']}")
            console.print(table)
            return EXIT_OK
        key = resolve_site(history, args.site, err)
        if key is None:
            return EXIT_ERROR
        runs = history.runs(key, limit=args.limit)
    if args.json:
        sys.stdout.write(json.dumps({"site": key, "runs": runs}, ensure_ascii=False, indent=2)
                         + "\n")
        return EXIT_OK
    table = Table(title=f"{t['history_title']}: {key}",
                  box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, collapse_padding=True)
    for n, col in enumerate(t["history_header"]):
        table.add_column(col, no_wrap=n != 2, min_width=8 if n == 2 else None,
                         justify="right" if n in (0, 3, 6) else "left")
    table.caption = t["caption"]
    for r in runs:
        counts = "/".join(str(r[f"n_{v}"]) if r[f"n_{v}"] is not None else "-"
                          for v in ("pass", "missing", "stale", "broken", "unverified"))
        received = f"{r['network_bytes'] / 1e6:.1f}" if r["network_bytes"] else "-"
        table.add_row(str(r["id"]), (r["started_at"] or "")[:16].replace("T", " "),
                      _state(r, t), "-" if r["score"] is None else f"{r['score']:.2f}",
                      counts, f"{r['pages'] or 0}/{r['documents'] or 0}", received,
                      f"{_n(r['regressed'])}/{_n(r['fixed'])}")
    console.print(table)
    return EXIT_OK


def _n(value: Any) -> str:
    return "-" if value is None else str(value)


def _state(run: dict[str, Any], t: dict[str, Any]) -> str:
    state = run["state"]
    text = t["states"].get(state, state)
    if state == "failed" and run.get("report_status"):
        text += f" ({run['report_status']})"
    return text


def cmd_schedule(args: argparse.Namespace) -> int:
    """``oit-audit schedule --cron|--systemd SITE... | --sites FILE``."""
    sites = list(args.sites)
    if args.sites_file:
        listed = read_sites(args.sites_file)
        bad = [f"{args.sites_file}: {p}" for p in map(url_problem, listed) if p]
        if bad:  # the URLs given on the command line were checked before this command ran
            print("\n".join(bad), file=sys.stderr)
            return EXIT_ERROR
        sites += listed
    if not sites:
        print(both("runs", "give_site"), file=sys.stderr)
        return EXIT_ERROR
    plan = Plan(sites=sites, at=args.at, stagger=args.stagger,
                out_root=args.out_root.expanduser().resolve(),
                db=args.db.expanduser().resolve() if args.db else None,
                alerts_config=args.alerts_config.expanduser().resolve()
                if args.alerts_config else None, fail_on=args.fail_on)
    sys.stdout.write(cron_lines(plan) if args.cron else systemd_units(plan))
    return EXIT_OK
