"""``oit-audit audit URL`` and ``oit-audit demo``: audit a site (or the bundled demo) and
write its reports.

Exit codes (documented in the README): 0 every item passes, 1 gaps found, 2 the audit could
not run (site down or blocking, bad checklist, bad arguments, another audit writing into the
same --out folder or auditing the same site).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

# Imported before anything else of the crawl: Scrapy's TLS modules define deprecated aliases
# with create_deprecated_class, which calls inspect.stack(), and inspect scans every loaded
# module for each frame it cannot place; imported by the downloader mid-crawl (2,000 modules
# loaded, a deep stack) that took a few tenths of a CPU-second of every audit, here a few
# hundredths (issue 11)
import scrapy.core.downloader.contextfactory  # noqa: F401
from rich.console import Console

from checklists.commands.console import load_or_report
from checklists.vocabulary import DEFAULT_CHECKLIST, EXIT_ERROR
from crawler.cliargs import add_fiscal_year, as_of_arg, points_arg, settings_overrides
from crawler.demo import DEMO_AS_OF, demo_site_key, serve_demo
from crawler.nightly.paths import site_key as url_site_key
from crawler.nightly.runner import NightlyRun, add_options
from crawler.run import AuditOptions, run_audit
from reports import RENDERERS, file_name, output_folder
from reports.build import exit_code
from reports.outdir import OutputBusy
from reports.terminal import print_summary
from reports.units import add_option as add_units_option
from reports.units import units_ok


def register(sub: Any) -> None:
    """Add ``audit`` and ``demo`` to the top-level ``sub``-parsers."""
    audit = sub.add_parser("audit", description="ตรวจเว็บไซต์ (audit a website)")
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

    demo = sub.add_parser("demo", description="ตรวจเว็บไซต์ตัวอย่างที่มากับโปรแกรม (audit the bundled "
                                               "demo)")
    _add_audit_options(demo, demo=True)
    demo.set_defaults(func=cmd_demo)


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
    p.add_argument("--iit", type=points_arg, default=None, metavar="POINTS",
                   help="คะแนน IIT ปีที่แล้ว เช่น 28.38: รายงานแสดงคะแนนรวมและระดับโดยประมาณ "
                        "(last year's IIT points: the report estimates the total and its band)")
    p.add_argument("--eit", type=points_arg, default=None, metavar="POINTS",
                   help="คะแนน EIT ปีที่แล้ว เช่น 29.19 (last year's EIT points)")
    p.add_argument("--verbose", action="store_true", help="แสดง log ของ Scrapy (Scrapy log)")
    add_options(p, demo=demo)
    add_units_option(p)


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
                extra=settings_overrides(args.settings) or None)


def cmd_demo(args: argparse.Namespace) -> int:
    """``oit-audit demo``: serve the bundled site on 127.0.0.1 and audit it offline."""
    with serve_demo() as (url, settings):
        Console().print(f"เว็บไซต์ตัวอย่าง (demo site): {url}", highlight=False)
        as_of = args.as_of or DEMO_AS_OF
        return _run(args, url, as_of, extra=settings, site_key=demo_site_key(as_of))


