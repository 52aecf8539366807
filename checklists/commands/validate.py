"""``oit-audit checklist validate FILE``: check a checklist (or the topic map) without crawling."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console

from checklists.commands import pick
from checklists.commands.console import load_or_report, report_problems
from checklists.loader import ChecklistError, read_yaml, resolve
from checklists.topics import load_topics
from checklists.vocabulary import EXIT_ERROR, EXIT_OK


def register(sub: Any) -> Any:
    p = sub.add_parser("validate", help="ตรวจไฟล์แบบตรวจหรือ topics.yaml (validate a file)")
    p.add_argument("file", help="ไฟล์ YAML หรือรหัสในตัว (a YAML file or a built-in id)")
    return p


def run(args: argparse.Namespace) -> int:
    console = Console()
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
        console.print(pick(args.lang, f"ถูกต้อง: แผนที่หัวข้อ {len(topics.topics)} หัวข้อ",
                           f"valid: topic map with {len(topics.topics)} topics"), highlight=False)
        return EXIT_OK
    checklist = load_or_report(args.file, console)
    if checklist is None:
        return EXIT_ERROR
    sure = (pick(args.lang, f", ชั่วคราว {len(checklist.provisional_codes)} ข้อ",
                 f", {len(checklist.provisional_codes)} provisional")
            if checklist.provisional else "")
    console.print(pick(args.lang, "ถูกต้อง (valid)", "valid")
                  + f": {checklist.id} {checklist.version} ({checklist.family} "
                  f"{checklist.framework_year}), {len(checklist.items)} items{sure}",
                  highlight=False)
    return EXIT_OK
