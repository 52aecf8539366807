"""``oit-audit diff``, ``oit-audit history`` and ``oit-audit schedule``.

``history`` and ``schedule`` read the history database and the sites list only: the topic
map (``crawler.nightly.diff``: the checklists, the Thai date reader) and the report schema
(``reports.command``: jsonschema) are imported by ``diff`` when it runs (0.33 -> 0.2 CPU-s
a ``history``, startup49, issue 13; ``tests/cli/test_startup.py``).
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
from checklists.vocabulary import EXIT_ERROR, EXIT_GAPS, EXIT_OK
from crawler.nightly import paths
from crawler.nightly.history import History, HistoryError
from crawler.nightly.schedule import Plan, cron_lines, read_sites, systemd_units
from crawler.urlargs import url_problem
from reports.changes import changes_lines, with_words
from reports.labels import both, words


def register(sub: Any) -> None:
    """Add the nightly sub-commands to the ``oit-audit`` parser."""
    db_help = both("runs", "db", db=paths.default_db())

    d = sub.add_parser("diff", description=both("runs", "diff"))
    d.add_argument("runs", nargs="*", metavar="RUN",
                   help="OLD NEW (run ids or report.json files); one RUN: it against the "
                        "complete run before it; none: the last two complete runs")
    d.add_argument("--site", help=both("runs", "site"))
    d.add_argument("--db", type=Path, default=None, help=db_help)
    d.add_argument("--json", action="store_true", help=both("runs", "json"))
    d.add_argument("--lang", choices=("th", "en"), default="th")
    d.set_defaults(func=cmd_diff)

    h = sub.add_parser("history", description=both("commands", "history"))
    h.add_argument("site", nargs="?",
                   help=f"{both('runs', 'history_site')}; {words('runs', 'en')['no_site']}")
    h.add_argument("--db", type=Path, default=None, help=db_help)
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
    s.add_argument("--db", type=Path, default=None, help=db_help)
    s.add_argument("--alerts-config", type=Path, default=None, help=both("runs", "alerts"))
    s.add_argument("--fail-on", choices=("gaps", "regression"), default="regression")
    add_lang(s)
    s.set_defaults(func=cmd_schedule)


def _history(db: Path | None, console: Console):
    path = Path(db or paths.default_db()).expanduser()
    if not path.exists():
        console.print(f"{both('runs', 'no_history')}: {path}", highlight=False)
        return None
    try:
        return History(path)
    except HistoryError as exc:
        console.print(f"[bold red]{exc}[/]", highlight=False)
        return None


def _resolve_site(history: Any, query: str | None, console: Console) -> str | None:
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


def _load(ref: str, history: Any, console: Console) -> dict[str, Any] | None:
    if ref.isdigit():
        if history is None:
            return None
        report = history.report(int(ref))
        if report is None:
            console.print(both("runs", "no_run", ref=ref), highlight=False)
        return report
    from reports.command import load_report  # a report file: validated by its schema

    report, problems = load_report(Path(ref))
    for line in problems:
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    return report


def cmd_diff(args: argparse.Namespace) -> int:
    """``oit-audit diff [OLD] [NEW]``."""
    from crawler.nightly.diff import diff, new_problems  # the topic map: this command's own

    console, err = Console(), Console(stderr=True)
    needs_db = len(args.runs) < 2 or any(r.isdigit() for r in args.runs)
    history = _history(args.db, err) if needs_db else None
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
            key = _resolve_site(history, args.site, err)
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


def cmd_history(args: argparse.Namespace) -> int:
    """``oit-audit history [SITE]``."""
    console, err = Console(), Console(stderr=True)
    history = _history(args.db, err)
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
        key = _resolve_site(history, args.site, err)
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
