"""``oit-audit checklist new --from ID --out FILE``: a commented starting file that extends a
built-in checklist, for an office (its units, extra link texts) or a new framework year."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.console import Console

from checklists.commands.console import report_problems, with_checklist
from checklists.loader import ChecklistError, load_checklist
from checklists.model import Checklist
from checklists.vocabulary import EXIT_ERROR, EXIT_OK
from checklists.words import both, pair, pick


def register(sub: Any) -> Any:
    p = sub.add_parser("new", help=both("checklist_new", "help"))
    p.add_argument("--from", dest="base", required=True, help=both("checklist_new", "from"))
    p.add_argument("--out", dest="out_file", type=Path, required=True,
                   help=both("checklist_new", "out"))
    p.add_argument("--id", default="", help=both("checklist_new", "id"))
    p.add_argument("--year", type=int, default=0, help=both("checklist_new", "year"))
    p.add_argument("--force", action="store_true", help=both("checklist_new", "force"))
    return p


@with_checklist("base")
def run(args: argparse.Namespace, base: Checklist, console: Console) -> int:
    if args.out_file.exists() and not args.force:
        console.print(pick("checklist_new", "exists", args.lang, out=args.out_file),
                      highlight=False)
        return EXIT_ERROR
    new_id = args.id or (f"{base.family}-oit-{args.year}" if args.year else f"{base.id}-office")
    args.out_file.parent.mkdir(parents=True, exist_ok=True)
    args.out_file.write_text(starter(base, new_id, args.year), encoding="utf-8")
    try:
        load_checklist(args.out_file)  # the starting file must itself be valid
    except ChecklistError as exc:
        report_problems(exc.problems, console)
        return EXIT_ERROR
    console.print(pick("checklist_new", "wrote", args.lang, out=args.out_file),
                  highlight=False)
    return EXIT_OK


def starter(base: Checklist, new_id: str, year: int = 0) -> str:
    """The text of a commented file that extends ``base`` (valid as written): its comments
    in English, the words an office replaces in Thai."""
    site_words = pick("checklist_new", "site_words", "th")
    lines = [
        "# " + pick("checklist_new", "heading", "th", id=base.id, title=base.title_th),
        f"# A checklist that extends {base.id}. Everything below the first lines is commented",
        "# out: remove the # of what you change. Check it: oit-audit checklist validate FILE",
        "# Field reference: checklists/README.md (Schema).",
        f"extends: {base.id}",
        f"id: {new_id}",
        'version: "1"',
    ]
    if year:
        changed_th, changed_en = pair("checklist_new", "changed", year=base.framework_year)
        lines += [
            f"framework_year: {year}",
            "provisional: true           # until the evaluator's manual confirms the list",
            "sources:",
            f"  manual: {{text: \"{both('checklist_new', 'source')}\"}}",
            "changes:                    # what this year changes (required for a new year)",
            f"  - th: \"{changed_th}\"",
            f"    en: \"{changed_en}\"",
            "# remove: [O12]             # codes of the old list that are dropped or merged",
        ]
    lines += [
        "",
        "# units:                     # rename your office's units (items name them by id)",
    ]
    lines += [f"#   {uid}: {{th: {unit.th}}}" for uid, unit in base.units.items()]
    lines += [
        "",
        "# items:                     # code -> the fields to change; lists under find: are added",
        "#   O11: {from: O12}         # a renumbered item starts from the old code (new year)",
        "#   O30: {from: new, subindicator: \"9.5\", title_th: ..., title_en: ..., owner: legal}",
    ]
    for item in base.items:
        lines.append(f"#   {item.code}:   # {item.title_th}")
        lines.append(f"#     owner: {item.owner}")
        lines.append(f"#     find: {{link_texts: [{site_words}]}}")
    return "\n".join(lines) + "\n"
