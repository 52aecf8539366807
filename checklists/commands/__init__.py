"""``oit-audit checklist ...``: list, show, validate, diff and start checklists without reading
code. One module per sub-command, each with ``register(subparsers)`` (adds its parser and
returns it) and ``run(args)``; every sub-command gets ``--lang`` here, and so does ``checklist``
itself (``oit-audit checklist --lang en list`` was refused: "invalid choice: 'en'")."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from checklists.words import both, pair

SUBCOMMANDS = ("catalog", "show", "validate", "diff", "new")


def register(subparsers: Any) -> None:
    """Add ``checklist`` and its sub-commands to the top-level ``subparsers``."""
    parser = subparsers.add_parser("checklist", description=" / ".join(pair("checklist", "help")))
    add_lang(parser)
    sub = parser.add_subparsers(dest="checklist_command", required=True)
    for name in SUBCOMMANDS:
        command = importlib.import_module(f"checklists.commands.{name}")
        child = command.register(sub)
        # given after the sub-command, or not at all: the default stays checklist's own (a
        # sub-parser's default would overwrite a --lang given before the sub-command)
        add_lang(child, default=argparse.SUPPRESS)
        child.set_defaults(func=command.run)


def add_lang(parser: Any, default: str = "th") -> None:
    """The ``--lang`` option every sub-command shares."""
    parser.add_argument("--lang", choices=("th", "en"), default=default,
                        help=both("checklist", "lang"))
