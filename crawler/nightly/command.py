"""``oit-audit diff``, ``oit-audit history`` and ``oit-audit schedule``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from checklists.vocabulary import EXIT_ERROR, EXIT_GAPS, EXIT_OK
from crawler.nightly import paths
from crawler.nightly.diff import diff, new_problems
from crawler.nightly.extend import with_words
from crawler.nightly.history import History, HistoryError
from crawler.nightly.schedule import Plan, cron_lines, read_sites, systemd_units
from crawler.urlargs import url_problem
from reports.changes import changes_lines
from reports.command import load_report


def register(sub: Any) -> None:
    """Add the nightly sub-commands to the ``oit-audit`` parser."""
    db_help = f"ฐานข้อมูลประวัติ (history database; default {paths.default_db()})"

    d = sub.add_parser("diff", description="เทียบการตรวจครั้งล่าสุดกับครั้งก่อน หรือสองครั้งใด ๆ "
                                   "(RUN: หมายเลขการตรวจ หรือไฟล์ report.json)")
    d.add_argument("runs", nargs="*", metavar="RUN",
                   help="OLD NEW (run ids or report.json files); one RUN: it against the "
                        "complete run before it; none: the last two complete runs")
    d.add_argument("--site", help="เว็บไซต์ (site URL or key; needed when the database has many)")
    d.add_argument("--db", type=Path, default=None, help=db_help)
    d.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    d.add_argument("--lang", choices=("th", "en"), default="th")
    d.set_defaults(func=cmd_diff)

    h = sub.add_parser("history", description="ประวัติการตรวจของเว็บไซต์ (runs of a site)")
    h.add_argument("site", nargs="?", help="เว็บไซต์ (URL or key); none: list the sites")
    h.add_argument("--db", type=Path, default=None, help=db_help)
    h.add_argument("--limit", type=int, default=30, help="จำนวนครั้งล่าสุด (newest N runs)")
    h.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    h.add_argument("--lang", choices=("th", "en"), default="th")
    h.set_defaults(func=cmd_history)

    s = sub.add_parser("schedule", description="สร้างรายการตั้งเวลา cron/systemd (print "
                                                  "schedule entries)")
    kind = s.add_mutually_exclusive_group(required=True)
    kind.add_argument("--cron", action="store_true", help="บรรทัด crontab (crontab lines)")
    kind.add_argument("--systemd", action="store_true",
                      help="ไฟล์ service และ timer ของ systemd (unit files)")
    s.add_argument("sites", nargs="*", metavar="SITE", help="เว็บไซต์ (site URLs)")
    s.add_argument("--sites", dest="sites_file", type=Path,
                   help="ไฟล์รายชื่อเว็บไซต์ บรรทัดละหนึ่ง (a file with one URL per line)")
    s.add_argument("--at", default="02:30", help="เวลาเริ่ม HH:MM (start time; default 02:30)")
    s.add_argument("--stagger", type=int, default=10,
                   help="ระยะห่างระหว่างเว็บไซต์ (minutes between sites; default 10)")
    s.add_argument("--out-root", type=Path, default=Path.home() / "oit-audit",
                   help="โฟลเดอร์รายงาน (one report folder per site under it)")
    s.add_argument("--db", type=Path, default=None, help=db_help)
    s.add_argument("--alerts-config", type=Path, default=None,
                   help="ไฟล์ตั้งค่าการแจ้งเตือน (alert settings file)")
    s.add_argument("--fail-on", choices=("gaps", "regression"), default="regression")
    s.set_defaults(func=cmd_schedule)


def _history(db: Path | None, console: Console):
    path = Path(db or paths.default_db()).expanduser()
    if not path.exists():
        console.print(f"ยังไม่มีประวัติการตรวจ (no history yet): {path}", highlight=False)
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
        matches = history.site_matches(query)
        if len(matches) > 1:
            which = "\n".join(f"  {k}" for k in matches)
            console.print(f"{query!r} ตรงกับหลายเว็บไซต์ในประวัติ ระบุชื่อ (key) หนึ่งในรายการนี้ "
                          f"(several sites match; give one of these keys):\n{which}",
                          highlight=False, markup=False)
            return None
        if not matches:
            console.print(f"ไม่พบเว็บไซต์ {query!r} ในประวัติ ระบุ URL หรือชื่อหนึ่งในรายการนี้ "
                          f"(unknown site; give one of these URLs or keys):\n{known}",
                          highlight=False, markup=False)
            return None
        return matches[0]
    if len(sites) == 1:
        return sites[0]["site_key"]
    if not sites:
        console.print("ยังไม่มีประวัติการตรวจ (no runs recorded)", highlight=False)
        return None
    console.print("ฐานข้อมูลมีหลายเว็บไซต์ ระบุเว็บไซต์ที่ต้องการด้วย --site URL "
                  f"(the database holds several sites; choose one with --site URL):\n{known}",
                  highlight=False, markup=False)
    return None


def _load(ref: str, history: Any, console: Console) -> dict[str, Any] | None:
    if ref.isdigit():
        if history is None:
            return None
        report = history.report(int(ref))
        if report is None:
            console.print(f"ไม่พบการตรวจหมายเลข {ref} (no run {ref})", highlight=False)
        return report
    report, problems = load_report(Path(ref))
    for line in problems:
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    return report


def cmd_diff(args: argparse.Namespace) -> int:
    """``oit-audit diff [OLD] [NEW]``."""
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
                err.print(f"ยังไม่มีการตรวจที่สมบูรณ์ของ {key} (no complete run)",
                              highlight=False)
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
    th = args.lang != "en"
    with history:
        if not args.site:
            sites = history.sites()
            if args.json:
                sys.stdout.write(json.dumps(sites, ensure_ascii=False, indent=2) + "\n")
                return EXIT_OK
            table = Table(title="เว็บไซต์ที่มีประวัติ" if th else "Sites with history")
            for col in (("เว็บไซต์", "ครั้ง", "ล่าสุด") if th else ("Site", "Runs", "Last run")):
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
    table = Table(title=f"{'ประวัติการตรวจ' if th else 'Audit history'}: {key}",
                  box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, collapse_padding=True)
    heads = (("#", "เริ่ม (UTC)", "สถานะ", "คะแนน", "ผล*", "หน้า/ไฟล์", "รับ MB",
              "แย่ลง/แก้") if th else
             ("#", "Started (UTC)", "State", "Score", "Verdicts*", "Pages/docs", "MB in",
              "Worse/fix"))
    for n, col in enumerate(heads):
        table.add_column(col, no_wrap=n != 2, min_width=8 if n == 2 else None,
                         justify="right" if n in (0, 3, 6) else "left")
    table.caption = ("* ผ่าน/ไม่พบ/ไม่เป็นปัจจุบัน/เข้าถึงไม่ได้/ตรวจวันที่ไม่ได้ (ณ วันที่ตรวจ: --json)"
                     if th else "* pass/missing/stale/broken/unverified (as-of dates: --json)")
    for r in runs:
        counts = "/".join(str(r[f"n_{v}"]) if r[f"n_{v}"] is not None else "-"
                          for v in ("pass", "missing", "stale", "broken", "unverified"))
        received = f"{r['network_bytes'] / 1e6:.1f}" if r["network_bytes"] else "-"
        table.add_row(str(r["id"]), (r["started_at"] or "")[:16].replace("T", " "),
                      _state(r, th), "-" if r["score"] is None else f"{r['score']:.2f}",
                      counts, f"{r['pages'] or 0}/{r['documents'] or 0}", received,
                      f"{_n(r['regressed'])}/{_n(r['fixed'])}")
    console.print(table)
    return EXIT_OK


def _n(value: Any) -> str:
    return "-" if value is None else str(value)


def _state(run: dict[str, Any], th: bool) -> str:
    words = {"complete": "ครบ", "incomplete": "ค้าง (หยุด)", "failed": "ตรวจไม่ได้",
             "running": "กำลังตรวจ"}
    state = run["state"]
    text = words.get(state, state) if th else state
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
        print("ระบุเว็บไซต์อย่างน้อยหนึ่งแห่ง (give at least one site or --sites FILE)",
              file=sys.stderr)
        return EXIT_ERROR
    plan = Plan(sites=sites, at=args.at, stagger=args.stagger,
                out_root=args.out_root.expanduser().resolve(),
                db=args.db.expanduser().resolve() if args.db else None,
                alerts_config=args.alerts_config.expanduser().resolve()
                if args.alerts_config else None, fail_on=args.fail_on)
    sys.stdout.write(cron_lines(plan) if args.cron else systemd_units(plan))
    return EXIT_OK
