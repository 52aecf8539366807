"""The ``oit-audit`` command: audit a site, run the bundled demo, check dates or checklists.

Exit codes (documented in the README): 0 every item passes, 1 gaps found, 2 the audit could
not run (site down or blocking, bad checklist, bad arguments, another audit writing into the
same --out folder or auditing the same site).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import sys
import traceback
from datetime import date
from pathlib import Path

from rich.console import Console

from checklists.commands.console import load_or_report
from checklists.vocabulary import DEFAULT_CHECKLIST, EXIT_ERROR, TOOL_VERSION
from crawler.demo import DEMO_AS_OF, serve_demo
from crawler.nightly.paths import site_key as url_site_key
from crawler.nightly.runner import NightlyRun, add_options
from crawler.pathargs import path_problems
from crawler.run import AuditOptions, run_audit
from crawler.urlargs import url_problem
from reports import RENDERERS, file_name, output_folder
from reports.build import exit_code
from reports.outdir import OutputBusy
from reports.terminal import print_summary
from reports.units import add_option as add_units_option
from reports.units import units_ok

COMMAND_MODULES = ("checklists.thaidates.command", "checklists.commands", "crawler.nightly.command",
                   "reports.command", "crawler.rejudge", "crawler.batch.command",
                   "crawler.distributed.command")


def as_of_arg(value: str) -> str:
    """``--as-of YYYY-MM-DD``: the date, checked."""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"วันที่ไม่ถูกต้อง {value!r}: ใช้รูปแบบ ค.ศ. YYYY-MM-DD เช่น 2026-05-15 "
            "(invalid date; use YYYY-MM-DD)"
        ) from None


def _points(value: str) -> float:
    try:
        points = float(value)
    except ValueError:
        points = -1.0
    if not 0 <= points <= 100:
        raise argparse.ArgumentTypeError(
            f"คะแนนไม่ถูกต้อง {value!r}: ใช้ตัวเลข 0-100 เช่น 28.38 (invalid points; use a number "
            "from 0 to 100, e.g. 28.38)")
    return points


def add_fiscal_year(p: argparse.ArgumentParser) -> None:
    """``--fiscal-year``: the assessed fiscal year when it is not the as-of date's."""
    p.add_argument("--fiscal-year", type=int, default=0,
                   help="ปีงบประมาณ พ.ศ. ที่ประเมิน (assessed fiscal year, B.E.; default: from "
                        "the as-of date)")


def _add_audit_options(p: argparse.ArgumentParser, demo: bool = False) -> None:
    p.add_argument("--out", type=Path, default=Path("oit-audit-report"),
                   help="โฟลเดอร์สำหรับรายงาน (report folder; default: oit-audit-report)")
    p.add_argument("--as-of", type=as_of_arg, default=None,
                   help="ตรวจ ณ วันที่ YYYY-MM-DD (as-of date; default: "
                        + ("the demo's fixed date" if demo else "today") + ")")
    add_fiscal_year(p)
    p.add_argument("--checklist", default=DEFAULT_CHECKLIST,
                   help="แบบตรวจ: รหัสในตัว ปี ไฟล์ YAML หรือ auto (เลือกตามที่เว็บไซต์ระบุ) "
                        "(built-in id, year, YAML path, or auto: the site's own framework)")
    p.add_argument("--lang", choices=("th", "en"), default="th", help="ภาษารายงาน (language)")
    p.add_argument("--iit", type=_points, default=None, metavar="POINTS",
                   help="คะแนน IIT ปีที่แล้ว เช่น 28.38: รายงานแสดงคะแนนรวมและระดับโดยประมาณ "
                        "(last year's IIT points: the report estimates the total and its band)")
    p.add_argument("--eit", type=_points, default=None, metavar="POINTS",
                   help="คะแนน EIT ปีที่แล้ว เช่น 29.19 (last year's EIT points)")
    p.add_argument("--verbose", action="store_true", help="แสดง log ของ Scrapy (Scrapy log)")
    add_options(p, demo=demo)
    add_units_option(p)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="oit-audit",
        description="ตรวจเว็บไซต์หน่วยงานตามแบบตรวจ OIT ของการประเมิน ITA "
                    "(audit an office website against the ITA OIT checklist)",
    )
    parser.add_argument("--version", action="version", version=f"oit-audit {TOOL_VERSION}",
                        help="แสดงรุ่นของโปรแกรม (show the version)")
    sub = parser.add_subparsers(dest="command", required=True)

    audit = sub.add_parser("audit", help="ตรวจเว็บไซต์ (audit a website)")
    audit.add_argument("url", help="เว็บไซต์ของหน่วยงาน เช่น https://www.example.go.th")
    _add_audit_options(audit)
    audit.add_argument("--max-pages", type=int, default=0, help="จำนวนหน้าสูงสุด (page limit)")
    audit.add_argument("--max-depth", type=int, default=0, help="ความลึกสูงสุด (depth limit)")
    audit.add_argument("--ignore-robots", action="store_true",
                       help="ไม่ทำตาม robots.txt (only for your own site)")
    audit.add_argument("--full", action="store_true",
                       help="ตรวจทุกหน้าของเว็บไซต์ ไม่เลือกเฉพาะหน้าที่น่าจะมีหลักฐาน "
                            "(crawl every page instead of the focused crawl)")
    audit.add_argument("--no-external", action="store_true",
                       help="ไม่ตรวจลิงก์ภายนอก (do not check external links)")
    audit.add_argument("--allow-private", action="store_true",
                       help="ยอมให้เปิดที่อยู่เครือข่ายภายใน เช่น เว็บไซต์อินทราเน็ต (allow private, "
                            "loopback and link-local addresses, e.g. an intranet site)")
    audit.add_argument("-s", "--set", dest="settings", action="append", default=[],
                       metavar="NAME=VALUE",
                       help="ตั้งค่า Scrapy/OIT_* เช่น -s DOWNLOAD_TIMEOUT=60 "
                            "(override a setting; VALUE may be JSON)")
    audit.set_defaults(func=cmd_audit)

    demo = sub.add_parser("demo", help="ตรวจเว็บไซต์ตัวอย่างที่มากับโปรแกรม (audit the bundled demo)")
    _add_audit_options(demo, demo=True)
    demo.set_defaults(func=cmd_demo)

    for module in _command_modules():
        module.register(sub)
    return parser


def _command_modules() -> list:
    """Sub-commands that live beside the code they drive."""
    return [importlib.import_module(name) for name in COMMAND_MODULES]


def _load_checklist_or_exit(ref: str, console: Console):
    return load_or_report(ref, console)


def _finish(report: dict, out_dir: Path, lang: str, console: Console) -> int:
    print_summary(report, console, lang)
    names = [file_name(fmt, lang) for fmt in RENDERERS]
    console.print(f"{'รายงาน' if lang == 'th' else 'Reports'}: {out_dir}/{names[0]}, "
                  + ", ".join(names[1:]), highlight=False)
    return exit_code(report)


def _run(args: argparse.Namespace, url: str, as_of: str, extra: dict | None = None,
         check_external: bool = True, site_key: str = "") -> int:
    console = Console(stderr=False)
    checklist = _load_checklist_or_exit(args.checklist, Console(stderr=True))
    if checklist is None or not units_ok(getattr(args, "units", None), checklist, console):
        return EXIT_ERROR
    folder = _lock_output(args.out, console)
    if folder is None:
        return EXIT_ERROR
    try:
        nightly = NightlyRun(args, url, site_key or url_site_key(url), console)
        refused = nightly.start(args.checklist, as_of)
        if refused is not None:
            return refused
        try:  # the run's lock and history row are settled whatever happens
            extra = {**(extra or {}), **nightly.settings(), "OIT_OUTPUT_LOCK": False}
            return _audit(args, url, as_of, extra, check_external, console, nightly, checklist)
        finally:
            nightly.release()
    finally:
        folder.release()


def _lock_output(out: Path, console: Console):
    """The locked output folder, or None (after saying so) when another audit writes there."""
    folder = output_folder(out)
    try:
        folder.lock()
    except OutputBusy as exc:
        console.print(f"[bold red]โฟลเดอร์ {out} กำลังถูกใช้โดยการตรวจอื่น (process {exc.holder}); "
                      "ไม่เริ่มซ้ำ ใช้ --out โฟลเดอร์อื่น หรือรอให้การตรวจนั้นเสร็จ[/] (another audit "
                      "is writing into this --out folder: use another folder or wait)",
                      highlight=False)
        return None
    except OSError as exc:
        console.print(f"[bold red]ใช้โฟลเดอร์ {out} ไม่ได้ (cannot use the output folder): "
                      f"{exc.strerror or exc}[/]", highlight=False)
        return None
    return folder


def _audit(args: argparse.Namespace, url: str, as_of: str, extra: dict,
           check_external: bool, console: Console, nightly, checklist) -> int:
    opts = AuditOptions(
        url=url, out_dir=args.out, as_of=as_of, checklist=args.checklist,
        fiscal_year=args.fiscal_year, lang=args.lang,
        max_pages=getattr(args, "max_pages", 0), max_depth=getattr(args, "max_depth", 0),
        obey_robots=not getattr(args, "ignore_robots", False),
        allow_private=getattr(args, "allow_private", False),
        check_external=check_external and not getattr(args, "no_external", False),
        # without --verbose Scrapy's log (tracebacks, warnings) stays out of the user's way:
        # the outcome and what to do are printed by oit-audit itself
        log_level="INFO" if args.verbose else "CRITICAL", extra_settings=extra,
        units_file=str(getattr(args, "units", None) or ""),
        iit=args.iit, eit=args.eit,
    )
    opts.extra_settings = {"OIT_FOCUSED": not getattr(args, "full", False),
                           **opts.extra_settings}
    try:
        report = run_audit(opts, checklist)
    except RuntimeError as exc:
        Console(stderr=True).print(f"[bold red]{exc}[/]", highlight=False)
        nightly.failed(str(exc))
        return EXIT_ERROR
    return nightly.finish(report, _finish(report, args.out, args.lang, console))


def cmd_audit(args: argparse.Namespace) -> int:
    """``oit-audit audit URL``."""
    return _run(args, args.url, args.as_of or date.today().isoformat(),
                extra=_settings_overrides(args.settings) or None)


def _settings_overrides(pairs: list[str]) -> dict:
    """``-s NAME=VALUE`` pairs as settings; a VALUE that parses as JSON is used as such."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise SystemExit(f"ค่าตั้งไม่ถูกต้อง {pair!r}: ใช้รูปแบบ NAME=VALUE "
                             "(invalid setting; use NAME=VALUE)")
        try:
            out[name.strip()] = json.loads(value)
        except ValueError:
            out[name.strip()] = value
    return out


def cmd_demo(args: argparse.Namespace) -> int:
    """``oit-audit demo``: serve the bundled site on 127.0.0.1 and audit it offline."""
    with serve_demo() as (url, settings):
        Console().print(f"เว็บไซต์ตัวอย่าง (demo site): {url}", highlight=False)
        return _run(args, url, args.as_of or DEMO_AS_OF, extra=settings, site_key="demo")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``oit-audit`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    problems = argument_problems(args)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return EXIT_ERROR
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("หยุดโดยผู้ใช้ (interrupted)", file=sys.stderr)
        return EXIT_ERROR
    except Exception:  # an unexpected failure must not look like "gaps found" (exit 1)
        _report_crash(getattr(args, "verbose", False))
        return EXIT_ERROR


def argument_problems(args: argparse.Namespace) -> list[str]:
    """What is wrong with the paths and site URLs given, before anything runs."""
    problems = path_problems(args)
    urls = [args.url] if getattr(args, "command", "") == "audit" else []
    urls += list(getattr(args, "sites", None) or [])
    return problems + [p for p in map(url_problem, urls) if p]


def _report_crash(verbose: bool) -> None:
    """A bug: the traceback on stderr with --verbose, otherwise in a file named on stderr."""
    import tempfile
    if verbose:
        traceback.print_exc()
        where = "ข้อความด้านบน (the message above)"
    else:
        with tempfile.NamedTemporaryFile("w", prefix="oit-audit-error-", suffix=".txt",
                                         delete=False, encoding="utf-8") as fh:
            traceback.print_exc(file=fh)
        where = f"ไฟล์ {fh.name} (the file {fh.name})"
    print(f"เกิดข้อผิดพลาดที่ไม่คาดคิดในโปรแกรม: โปรดส่ง{where}ให้ผู้ดูแลโปรแกรม "
          "(unexpected error in oit-audit; please report it)", file=sys.stderr)


def entry() -> int:
    """The ``oit-audit`` console script: :func:`main`, then a quick exit.

    An audit leaves millions of objects behind (the Thai word dictionary's trie, matchers,
    caches); the cyclic garbage collector walking them all again while the interpreter shuts
    down costs seconds after every run.  Freezing them (``gc.freeze``) skips that walk; the
    operating system frees the memory as the process ends.  In-process callers (tests) use
    :func:`main`, which leaves the collector alone.
    """
    code = main()
    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(entry())
