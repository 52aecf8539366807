"""``oit-audit checklist ...``: list, show, validate, diff and start checklists without reading
code. One module per sub-command, each with ``register(subparsers)`` (adds its parser and
returns it) and ``run(args)``; every sub-command gets ``--lang`` here."""

from __future__ import annotations

import importlib
from typing import Any

from checklists.words import both, pair

SUBCOMMANDS = ("catalog", "show", "validate", "diff", "new")


def register(subparsers: Any) -> None:
    """Add ``checklist`` and its sub-commands to the top-level ``subparsers``."""
    parser = subparsers.add_parser("checklist", description=" / ".join(pair("checklist", "help")))
    sub = parser.add_subparsers(dest="checklist_command", required=True)
    for name in SUBCOMMANDS:
        command = importlib.import_module(f"checklists.commands.{name}")
        parser = command.register(sub)
        add_lang(parser)
        parser.set_defaults(func=command.run)


def add_lang(parser: Any) -> None:
    """The ``--lang`` option every sub-command shares."""
    parser.add_argument("--lang", choices=("th", "en"), default="th",
                        help=both("checklist", "lang"))
