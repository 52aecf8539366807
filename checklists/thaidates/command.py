"""The `oit-audit dates` sub-command: print the date mentions found in a text as JSON lines.

Reads the text from ``--text`` or from standard input and prints one JSON object per mention:
``{"text", "start", "end", "kind", "context"}`` (dates as YYYY-MM-DD, Thai kept as is). With
``--lines`` every input line is a text of its own and each object also carries ``"line"``
(1-based). Mentions that do not count for freshness are printed too, with their context, so
that a user can see why a date was ignored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from checklists.thaidates.finder import find_dates
from checklists.thaidates.mention import DateMention
from checklists.words import pair


def _help(key: str) -> str:
    """The words' ``dates`` ``key`` as "Thai / English"."""
    return " / ".join(pair("dates", key))


def register(subparsers: Any) -> None:
    """Add the `dates` sub-command to an argparse ``subparsers`` object."""
    parser = subparsers.add_parser("dates", description=_help("description"))
    parser.add_argument("--text", default=None, help=_help("text"))
    parser.add_argument("--lines", action="store_true", help=_help("lines"))
    parser.set_defaults(func=run)


def _record(mention: DateMention) -> dict[str, Any]:
    return {
        "text": mention.text,
        "start": mention.start.isoformat(),
        "end": mention.end.isoformat(),
        "kind": mention.kind,
        "context": mention.context,
    }


def records(text: str, by_line: bool = False) -> Iterator[dict[str, Any]]:
    """The JSON-ready records for ``text`` (per line when ``by_line``)."""
    if not by_line:
        yield from (_record(m) for m in find_dates(text))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        for mention in find_dates(line):
            yield {**_record(mention), "line": number}


def run(args: argparse.Namespace, stdin: TextIO | None = None,
        stdout: TextIO | None = None) -> int:
    """Print the mentions of ``args.text`` (or of standard input); always returns 0."""
    source = stdin if stdin is not None else sys.stdin
    out = stdout if stdout is not None else sys.stdout
    text = args.text if getattr(args, "text", None) is not None else source.read()
    for record in records(text, by_line=getattr(args, "lines", False)):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the sub-command alone: ``python -m checklists.thaidates.command --text ...``."""
    parser = argparse.ArgumentParser(prog="oit-audit")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["dates", *(sys.argv[1:] if argv is None else argv)])
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
