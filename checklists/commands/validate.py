"""``oit-audit checklist validate FILE``: check a checklist (or the topic map) without crawling."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console

from checklists.commands.console import load_or_report, report_problems
from checklists.loader import ChecklistError, read_yaml, resolve
from checklists.topics import load_topics
from checklists.vocabulary import EXIT_ERROR, EXIT_OK
from checklists.words import both, words


def register(sub: Any) -> Any:
    p = sub.add_parser("validate", help=both("checklist_validate", "help"))
    p.add_argument("file", help=both("checklist_validate", "file"))
    return p


def run(args: argparse.Namespace) -> int:
    console = Console()
    t = words("checklist_validate", args.lang)
    try:
        data, _ = read_yaml(resolve(args.file))
    except ChecklistError as exc:
        report_problems(exc.problems, console)
        return EXIT_ERROR
    if "topics" in data:  # the topic map has its own format (TOPICS_FORMAT.md)
        try:
            topics = load_topics(args.file)
        except ChecklistError as exc:
            report_problems(exc.problems, console)
            return EXIT_ERROR
        console.print(t["topics"].format(n=len(topics.topics)), highlight=False)
        return EXIT_OK
    checklist = load_or_report(args.file, console)
    if checklist is None:
        return EXIT_ERROR
    sure = t["provisional"].format(n=len(checklist.provisional_codes)) \
        if checklist.provisional else ""
    console.print(t["valid"]
                  + f": {checklist.id} {checklist.version} ({checklist.family} "
                  f"{checklist.framework_year}), {len(checklist.items)} items{sure}",
                  highlight=False)
    return EXIT_OK
