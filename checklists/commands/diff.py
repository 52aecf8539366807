"""``oit-audit checklist diff A B``: items added, removed, renumbered, merged, split, retitled
and rule changed from A to B (following topics, not codes), then the changes each file in B's
``extends:`` chain says it made."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console

from checklists.commands.console import load_or_report
from checklists.diff import ItemChange, authors_changes, diff_checklists
from checklists.model import Checklist
from checklists.topics import TopicMap, load_topics
from checklists.vocabulary import EXIT_ERROR, EXIT_OK
from checklists.words import both, pick, words


def register(sub: Any) -> Any:
    p = sub.add_parser("diff", help=both("checklist_diff", "help"))
    p.add_argument("old", help=both("checklist_diff", "old"))
    p.add_argument("new", help=both("checklist_diff", "new"))
    return p


def run(args: argparse.Namespace) -> int:
    console = Console()
    old, new = load_or_report(args.old, console), load_or_report(args.new, console)
    if old is None or new is None:
        return EXIT_ERROR
    topics = load_topics()
    lang = args.lang
    console.print(f"[bold]{old.id} → {new.id}[/]", highlight=False)
    for change in diff_checklists(old, new, topics):
        console.print(describe(change, old, new, topics, lang), highlight=False, markup=False)
    written = authors_changes(old, new)
    if written:
        console.print(pick("checklist_diff", "stated", lang), highlight=False)
        for cid, change in written:
            console.print(f"  {cid}: {change.en if lang == 'en' else change.th}",
                          highlight=False, markup=False)
    return EXIT_OK


def describe(change: ItemChange, old: Checklist, new: Checklist, topics: TopicMap,
             lang: str) -> str:
    """One line for a change, Thai first (English with ``lang='en'``)."""
    label = words("checklist_changes", lang)[change.kind]
    en = lang == "en"

    def titles(checklist: Checklist, codes: tuple[str, ...]) -> str:
        items = [checklist.item(c) for c in codes]
        return "; ".join(f"{i.code} {i.title_en if en else i.title_th}" for i in items if i)

    names = ", ".join(topics.topics[t].name_en if en else topics.topics[t].name_th
                      for t in change.topics if t in topics.topics)
    if change.kind == "added":
        return f"{label}: {titles(new, change.new)}"
    if change.kind == "removed":
        return f"{label}: {titles(old, change.old)}"
    arrow = f"{' + '.join(change.old)} → {' + '.join(change.new)}"
    if change.kind in ("retitled", "rule_changed"):
        return f"{label}: {arrow}: {change.before} → {change.after}"
    if change.kind == "merged" and len(change.old) == 1:
        return f"{label}: {arrow} " + pick("checklist_diff", "covers", lang, names=names)
    return f"{label}: {arrow} ({names})"
