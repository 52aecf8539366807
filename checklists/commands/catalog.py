"""``oit-audit checklist list``: the shipped checklists with family, year, items and how sure."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.table import Table

from checklists.commands import pick
from checklists.loader import builtin_checklists, load_checklist
from checklists.vocabulary import EXIT_OK


def register(sub: Any) -> Any:
    return sub.add_parser("list", help="แบบตรวจที่มากับโปรแกรม (the shipped checklists)")


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    table = Table(box=None, pad_edge=False)
    for th, en in (("รหัส", "id"), ("กลุ่มผู้ประเมิน", "family"), ("ปี", "year"),
                   ("จำนวนข้อ", "items"), ("ความแน่นอน", "sure?"), ("ต่อยอดจาก", "extends")):
        table.add_column(pick(lang, th, en))
    for cid in builtin_checklists():
        c = load_checklist(cid)
        sure = (pick(lang, f"ชั่วคราว {len(c.provisional_codes)} ข้อ",
                     f"provisional, {len(c.provisional_codes)} items")
                if c.provisional else pick(lang, "ยืนยันแล้ว", "confirmed"))
        table.add_row(cid, c.family, str(c.framework_year), str(len(c.items)), sure,
                      c.extends or "-")
    console = Console()
    console.print(table)
    console.print(pick(lang, "ดูรายละเอียด: oit-audit checklist show รหัส [ข้อ]; ใช้ตรวจ: "
                             "oit-audit audit URL --checklist รหัส",
                       "Details: oit-audit checklist show ID [CODE]; audit with: "
                       "oit-audit audit URL --checklist ID"), highlight=False)
    return EXIT_OK
