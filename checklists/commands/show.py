"""``oit-audit checklist show ID [CODE]``: a checklist's items, or one item in full with the code
it has in the other checklists of its family (the same topic across years)."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.table import Table

from checklists.commands import pick
from checklists.commands.console import with_checklist
from checklists.model import Checklist, Item
from checklists.topics import TopicMap, load_topics
from checklists.vocabulary import EXIT_ERROR, EXIT_OK


def register(sub: Any) -> Any:
    p = sub.add_parser("show", help="แสดงแบบตรวจหรือข้อเดียว (show a checklist or one item)")
    p.add_argument("checklist", help="รหัสในตัว ปี หรือไฟล์ (built-in id, year or file)")
    p.add_argument("code", nargs="?", help="รหัสข้อ เช่น O23 (an item code)")
    return p


@with_checklist("checklist")
def run(args: argparse.Namespace, checklist: Checklist, console: Console) -> int:
    lang = args.lang
    if args.code:
        item = checklist.item(args.code.upper().replace("MOIT", "MOIT ").replace("  ", " ")) \
            or checklist.item(args.code)
        if item is None:
            console.print(pick(lang, f"ไม่มีข้อ {args.code} ใน {checklist.id}; มี: ",
                               f"no item {args.code} in {checklist.id}; it has: ")
                          + ", ".join(i.code for i in checklist.items), highlight=False)
            return EXIT_ERROR
        _item(console, checklist, item, load_topics(), lang)
        return EXIT_OK
    _header(console, checklist, lang)
    table = Table(box=None, pad_edge=False)
    for th, en in (("ข้อ", "code"), ("ตัวชี้วัดย่อย", "sub"), ("ชื่อ", "title"),
                   ("ความเป็นปัจจุบัน", "period rule"), ("ผู้รับผิดชอบ", "owner"), ("", "")):
        table.add_column(pick(lang, th, en))
    for item in checklist.items:
        title = item.title_en if lang == "en" else item.title_th
        table.add_row(item.code, item.subindicator, title, item.freshness.rule, item.owner,
                      pick(lang, "ชั่วคราว", "provisional") if item.provisional else "")
    console.print(table)
    return EXIT_OK


def _header(console: Console, c: Checklist, lang: str) -> None:
    title = c.title_en if lang == "en" else c.title_th
    console.print(f"[bold]{c.id}[/] {title}", highlight=False)
    console.print(pick(lang, "กลุ่มผู้ประเมิน", "family") + f": {c.family}, "
                  + pick(lang, "ปี", "year") + f" {c.framework_year}, "
                  + pick(lang, "รุ่นข้อมูล", "version") + f" {c.version}, "
                  + f"{len(c.items)} " + pick(lang, "ข้อ", "items"), highlight=False)
    if c.extends:
        console.print(pick(lang, "ต่อยอดจาก", "extends") + f": {c.extends}", highlight=False)
    if c.provisional:
        console.print(pick(lang, f"ชั่วคราว {len(c.provisional_codes)} ข้อ: มาจากเว็บไซต์ของ"
                                 "หน่วยงานเดียว ไม่ใช่คู่มือของผู้ประเมิน",
                           f"{len(c.provisional_codes)} provisional items: taken from one "
                           "agency's site, not the evaluator's manual"), highlight=False)
    for source in c.sources.values():
        console.print(f"  [{source.id}] {source.text} {source.url}".rstrip(), highlight=False,
                      markup=False)
    for change in c.changes:
        console.print("  - " + (change.en if lang == "en" else change.th), highlight=False)


def _item(console: Console, c: Checklist, item: Item, topics: TopicMap, lang: str) -> None:
    en = lang == "en"
    rows = [
        (pick(lang, "ข้อ", "code"), f"{item.code} ({c.id}, {item.subindicator})"),
        (pick(lang, "ชื่อ", "title"), item.title_en if en else item.title_th),
        (pick(lang, "สิ่งที่ต้องมี", "requires"), item.requires_en if en else item.requires_th),
        (pick(lang, "ผู้รับผิดชอบ", "owner"),
         c.unit(item.owner).en if en else c.unit(item.owner).th),
        (pick(lang, "ความเป็นปัจจุบัน", "period rule"),
         " ".join([item.freshness.rule, *(f"{k}={v}" for k, v in item.freshness.params.items())])),
        (pick(lang, "การเข้าถึง", "reachability"), item.reachability.rule),
        (pick(lang, "คำที่ใช้ค้นหา", "link texts"), ", ".join(item.find.link_texts)),
        (pick(lang, "หมายเหตุ", "notes"), item.notes),
        (pick(lang, "ความแน่นอน", "sure?"),
         pick(lang, "ชั่วคราว", "provisional") + f" ({', '.join(item.sources)})"
         if item.provisional else pick(lang, "ยืนยันแล้ว", "confirmed")),
    ]
    for label, value in rows:
        if value:
            console.print(f"[bold]{label}[/]: ", end="", highlight=False)
            console.print(value, highlight=False, markup=False)
    mine = topics.map_id(c)
    names = topics.topics_of(mine, item.code)
    if not names:
        return
    console.print(f"[bold]{pick(lang, 'หัวข้อ', 'topics')}[/]: " + ", ".join(
        topics.topics[t].name_en if en else topics.topics[t].name_th for t in names),
        highlight=False)
    console.print(f"[bold]{pick(lang, 'ข้อเดียวกันในแบบตรวจอื่น', 'the same item elsewhere')}[/]:",
                  highlight=False)
    for cid in topics.checklists:
        if cid == mine:
            continue
        codes = topics.translate(item.code, mine, cid)
        if codes:
            console.print(f"  {cid}: {', '.join(codes)}", highlight=False)
