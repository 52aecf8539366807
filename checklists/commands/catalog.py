"""``oit-audit checklist list``: the shipped checklists with family, year, items and how sure."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.table import Table

from checklists.loader import builtin_checklists, load_checklist
from checklists.vocabulary import EXIT_OK
from checklists.words import both, words


def register(sub: Any) -> Any:
    return sub.add_parser("list", help=both("checklist_list", "help"))


def run(args: argparse.Namespace) -> int:
    t = words("checklist_list", args.lang)
    table = Table(box=None, pad_edge=False)
    for name in t["header"]:
        table.add_column(name)
    for cid in builtin_checklists():
        c = load_checklist(cid)
        sure = (t["provisional"].format(n=len(c.provisional_codes))
                if c.provisional else t["confirmed"])
        table.add_row(cid, c.family, str(c.framework_year), str(len(c.items)), sure,
                      c.extends or "-")
    console = Console()
    console.print(table)
    console.print(t["next"], highlight=False)
    return EXIT_OK
