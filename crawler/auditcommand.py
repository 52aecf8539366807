"""``oit-audit audit URL`` and ``oit-audit demo``: audit a site (or the bundled demo) and
write its reports.

Exit codes (documented in the README and ``--help``): 0 every item passes, 1 gaps found, 2
the audit could not run (site down or blocking, bad checklist, bad arguments, another audit
writing into the same --out folder or auditing the same site), 3 it was stopped (Ctrl-C,
SIGTERM).
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
# hundredths (issue 11), and none while crawler/scrapytls.py imports them
import crawler.scrapytls  # noqa: F401

# isort: split
from rich.console import Console

from checklists.commands.console import load_or_report
from checklists.vocabulary import DEFAULT_CHECKLIST, EXIT_ERROR
from crawler.cli import exit_codes_help
from crawler.cliargs import add_fiscal_year, as_of_arg, points_arg, settings_overrides
from crawler.nightly.paths import site_key as url_site_key
from crawler.nightly.runner import NightlyRun, add_options
from crawler.run import AuditOptions, run_audit
from reports import RENDERERS, file_name, output_folder
from reports.build import exit_code
from reports.labels import both, said, words
from reports.outdir import OutputBusy
from reports.terminal import print_summary
from reports.units import add_option as add_units_option
from reports.units import units_ok


def register(sub: Any) -> None:
    """Add ``audit`` to the top-level ``sub``-parsers (``demo``: ``crawler/democommand.py``)."""
    audit = sub.add_parser("audit", description=both("commands", "audit"), **shown())
    audit.add_argument("url", help=_help("url"))
    add_audit_options(audit)
    audit.add_argument("--max-pages", type=int, default=0, help=_help("max_pages"))
    audit.add_argument("--max-depth", type=int, default=0, help=_help("max_depth"))
    audit.add_argument("--ignore-robots", action="store_true", help=_help("ignore_robots"))
    audit.add_argument("--full", action="store_true", help=_help("full"))
    audit.add_argument("--no-external", action="store_true", help=_help("no_external"))
    audit.add_argument("--allow-private", action="store_true", help=_help("allow_private"))
    audit.add_argument("-s", "--set", dest="settings", action="append", default=[],
                       metavar="NAME=VALUE", help=_help("set"))
    audit.set_defaults(func=cmd_audit)



def shown() -> dict[str, Any]:
    """``audit``'s and ``demo``'s help: the exit codes at its end (a nightly timer tells
    "retry later" from "resume")."""
    return {"epilog": exit_codes_help(), "formatter_class": argparse.RawDescriptionHelpFormatter}


def add_audit_options(p: argparse.ArgumentParser, demo: bool = False) -> None:
    p.add_argument("--out", type=Path, default=Path("oit-audit-report"), help=_help("out"))
    p.add_argument("--as-of", type=as_of_arg, default=None,
                   help=_help("as_of_demo" if demo else "as_of_audit"))
    add_fiscal_year(p)
    p.add_argument("--checklist", default=DEFAULT_CHECKLIST, help=_help("checklist"))
    p.add_argument("--lang", choices=("th", "en"), default="th", help=_help("lang"))
    p.add_argument("--iit", type=points_arg, default=None, metavar="POINTS", help=_help("iit"))
    p.add_argument("--eit", type=points_arg, default=None, metavar="POINTS", help=_help("eit"))
    p.add_argument("--verbose", action="store_true", help=_help("verbose"))
    add_options(p, demo=demo)
    add_units_option(p)


def _help(key: str) -> str:
    """An option's help: its Thai, then its English in brackets (``words.yaml``)."""
    return both("audit_help", key)


def _load_checklist_or_exit(ref: str, console: Console):
    return load_or_report(ref, console)


def _finish(report: dict, out_dir: Path, lang: str, console: Console) -> int:
    print_summary(report, console, lang)
    names = [file_name(fmt, lang) for fmt in RENDERERS]
    partial = output_folder(out_dir).partial() if report.get("status") == "interrupted" else None
    console.print(f"{words('audit', lang)['reports']}: {partial or out_dir}/{names[0]}, "
                  + ", ".join(names[1:]), highlight=False)
    if partial is not None:  # published beside the last finished run's (crawler.judging)
        console.print(said("audit", "kept", partial=partial, out=out_dir), highlight=False)
    return exit_code(report)


def audit_site(args: argparse.Namespace, url: str, as_of: str, extra: dict | None = None,
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
        console.print(f"[bold red]{both('audit', 'busy', out=out, holder=exc.holder)}[/]",
                      highlight=False)
        return None
    except OSError as exc:
        console.print(f"[bold red]{both('audit', 'unusable', out=out)}: "
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
    return audit_site(args, args.url, args.as_of or date.today().isoformat(),
                extra=settings_overrides(args.settings) or None)
