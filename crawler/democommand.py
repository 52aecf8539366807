"""``oit-audit demo``: audit the bundled demo office site, served on 127.0.0.1, offline.

A module of its own in the CLI's registry (``crawler/cli.py``): the demo's site and its Drive
stand-in (``crawler.demo``) are this command's alone, so ``oit-audit audit`` never imports
them (startup49, issue 13). Its options and run are ``audit``'s (``crawler/auditcommand.py``).
"""

from __future__ import annotations

import argparse
from typing import Any

# isort: split
from crawler.auditcommand import add_audit_options, audit_site, shown  # Scrapy's TLS first (there)

# isort: split
from rich.console import Console

from crawler.demo import DEMO_AS_OF, demo_site_key, serve_demo
from reports.labels import both


def register(sub: Any) -> None:
    """Add ``demo`` to the top-level ``sub``-parsers."""
    demo = sub.add_parser("demo", description=both("commands", "demo"), **shown())
    add_audit_options(demo, demo=True)
    demo.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    """``oit-audit demo``: serve the bundled site on 127.0.0.1 and audit it offline."""
    with serve_demo() as (url, settings):
        Console().print(f"{both('audit', 'demo_site')}: {url}", highlight=False)
        as_of = args.as_of or DEMO_AS_OF
        return audit_site(args, url, as_of, extra=settings, site_key=demo_site_key(as_of))


