"""``oit-audit checklist show ID [CODE]``: a checklist's items, or one item in full with the code
it has in the other checklists of its family (the same topic across years)."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.table import Table

from checklists.commands.console import with_checklist
from checklists.model import Checklist, Item
from checklists.topics import TopicMap, load_topics
from checklists.vocabulary import EXIT_ERROR, EXIT_OK
from checklists.words import both, words


def register(sub: Any) -> Any:
    p = sub.add_parser("show", help=both("checklist_show", "help"))
    p.add_argument("checklist", help=both("checklist_show", "checklist"))
    p.add_argument("code", nargs="?", help=both("checklist_show", "code"))
    return p


@with_checklist("checklist")
def run(args: argparse.Namespace, checklist: Checklist, console: Console) -> int:
    lang = args.lang
    t = words("checklist_show", lang)
    if args.code:
        item = checklist.item(args.code.upper().replace("MOIT", "MOIT ").replace("  ", " ")) \
            or checklist.item(args.code)
        if item is None:
            console.print(t["no_item"].format(code=args.code, id=checklist.id)
                          + ", ".join(i.code for i in checklist.items), highlight=False)
            return EXIT_ERROR
        _item(console, checklist, item, load_topics(), lang)
        return EXIT_OK
    _header(console, checklist, lang)
    table = Table(box=None, pad_edge=False)
    for name in t["header"]:
        table.add_column(name)
    for item in checklist.items:
        title = item.title_en if lang == "en" else item.title_th
        table.add_row(item.code, item.subindicator, title, item.freshness.rule, item.owner,
                      t["provisional"] if item.provisional else "")
    console.print(table)
    return EXIT_OK


def _header(console: Console, c: Checklist, lang: str) -> None:
    t = words("checklist_show", lang)
    title = c.title_en if lang == "en" else c.title_th
    console.print(f"[bold]{c.id}[/] {title}", highlight=False)
    console.print(f"{t['family']}: {c.family}, {t['year']} {c.framework_year}, "
                  f"{t['version']} {c.version}, {len(c.items)} {t['items']}", highlight=False)
    if c.extends:
        console.print(f"{t['extends']}: {c.extends}", highlight=False)
    if c.provisional:
        console.print(t["provisional_items"].format(n=len(c.provisional_codes)),
                      highlight=False)
    for source in c.sources.values():
        console.print(f"  [{source.id}] {source.text} {source.url}".rstrip(), highlight=False,
                      markup=False)
    for change in c.changes:
        console.print("  - " + (change.en if lang == "en" else change.th), highlight=False)


def _item(console: Console, c: Checklist, item: Item, topics: TopicMap, lang: str) -> None:
    en = lang == "en"
    t = words("checklist_show", lang)
    rows = [
        (t["item_code"], f"{item.code} ({c.id}, {item.subindicator})"),
        (t["title"], item.title_en if en else item.title_th),
        (t["requires"], item.requires_en if en else item.requires_th),
        (t["owner"], c.unit(item.owner).en if en else c.unit(item.owner).th),
        (t["rule"],
         " ".join([item.freshness.rule, *(f"{k}={v}" for k, v in item.freshness.params.items())])),
        (t["reachability"], item.reachability.rule),
        (t["link_texts"], ", ".join(item.find.link_texts)),
        (t["notes"], item.notes),
        (t["sure"], t["provisional"] + f" ({', '.join(item.sources)})"
         if item.provisional else t["confirmed"]),
    ]
    for label, value in rows:
        if value:
            console.print(f"[bold]{label}[/]: ", end="", highlight=False)
            console.print(value, highlight=False, markup=False)
    mine = topics.map_id(c)
    names = topics.topics_of(mine, item.code)
    if not names:
        return
    console.print(f"[bold]{t['topics']}[/]: " + ", ".join(
        topics.topics[t].name_en if en else topics.topics[t].name_th for t in names),
        highlight=False)
    console.print(f"[bold]{t['elsewhere']}[/]:",
                  highlight=False)
    for cid in topics.checklists:
        if cid == mine:
            continue
        codes = topics.translate(item.code, mine, cid)
        if codes:
            console.print(f"  {cid}: {', '.join(codes)}", highlight=False)
