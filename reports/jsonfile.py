"""Read a JSON file a user hands us (a saved report.json) within limits, or say where it is
wrong in one line: ``file:line:col: what``.

Refused (issue 12): a file over ``MAX_BYTES``, bytes that are not UTF-8, nesting deeper than
``MAX_DEPTH`` (a report is 6 deep; 100,000 brackets would exhaust the parser's recursion),
and ``NaN``/``Infinity``, which Python's json accepts but JSON does not (a score of NaN
would make every comparison false).  Depth and constants are found by one regular-expression
pass that skips strings, before any object is built.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from reports.labels import both

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]|NaN|-?Infinity', re.S)


class JsonFileError(Exception):
    """A one-line problem with its position."""


def _where(text: str, index: int, name: str) -> str:
    line = text.count("\n", 0, index) + 1
    return f"{name}:{line}:{index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def check_text(text: str, name: str) -> None:
    """Raise JsonFileError at the first bracket nested too deep or the first NaN/Infinity."""
    depth = 0
    for m in _TOKENS.finditer(text):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise JsonFileError(f"{_where(text, m.start(), name)}: "
                                    + both("jsonfile", "too_deep", depth=MAX_DEPTH))
        elif token in "]}":
            depth -= 1
        elif token[0] != '"':
            raise JsonFileError(f"{_where(text, m.start(), name)}: "
                                + both("jsonfile", "constant", token=token))


def _refuse_constant(token: str) -> Any:
    raise ValueError(f"{token} is not a JSON number")


def read_json(path: Path) -> Any:
    """The parsed file, or JsonFileError with the position of the problem."""
    name = str(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise JsonFileError(f"{name}: {both('jsonfile', 'unreadable')}: "
                            f"{exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise JsonFileError(f"{name}: {both('jsonfile', 'too_large', size=MAX_BYTES)}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        where = _where(head.decode("utf-8", "replace"), len(head.decode("utf-8", "replace")),
                       name)
        raise JsonFileError(f"{where}: {both('jsonfile', 'not_utf8', offset=exc.start)}") \
            from None
    check_text(text, name)
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise JsonFileError(f"{name}:{exc.lineno}:{exc.colno}: {both('jsonfile', 'invalid')}: "
                            f"{exc.msg}") from None
    except (ValueError, RecursionError) as exc:  # backstops of the checks above
        raise JsonFileError(f"{name}: {both('jsonfile', 'invalid')}: {exc}") from None
