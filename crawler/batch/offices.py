"""The offices file of a batch: a CSV with a header row.

Columns: ``name`` and ``url`` (required), ``checklist`` (a built-in id or a YAML path;
default: the batch's ``--checklist``) and ``units`` (the office's units YAML; optional).
Errors name the file and line and say what was expected.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from crawler.urlargs import url_problem
from reports.labels import both

REQUIRED = ("name", "url")
KNOWN = ("name", "url", "checklist", "units")


class OfficesError(ValueError):
    """The offices file cannot be used; ``problems`` are 'file:line: message' strings and
    ``next`` what to do about them (words.yaml ``offices``: ``fix_next``, or
    ``unreadable_next`` for a file that could not be read at all)."""

    def __init__(self, problems: list[str], next_key: str = "fix_next") -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
        self.next = both("offices", next_key, known=",".join(KNOWN))


@dataclass(frozen=True)
class Office:
    """One row of the offices file."""

    name: str
    url: str
    checklist: str = ""
    units: str = ""
    line: int = 0

    @cached_property
    def key(self) -> str:
        """A folder name for the office: its host, with the row number for uniqueness (worked
        out once: a batch report of 20,000 offices asked for it 60,000 times, 0.3 s)."""
        host = urlsplit(self.url if "://" in self.url else f"http://{self.url}").netloc
        return f"{self.line:05d}-" + re.sub(r"[^A-Za-z0-9.-]+", "_", host or "site")


def read_offices(path: Path) -> list[Office]:
    """The rows of ``path``; raises :class:`OfficesError` listing every bad row."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise OfficesError([f"{path}: {both('offices', 'unreadable')}: {exc}"],
                           "unreadable_next") from exc
    reader = csv.DictReader(text.splitlines())
    header = [h.strip().lower() for h in reader.fieldnames or []]
    problems = []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        problems.append(f"{path}:1: " + both("offices", "header", required=", ".join(REQUIRED),
                                             known=", ".join(KNOWN), missing=", ".join(missing)))
    unknown = [h for h in header if h and h not in KNOWN]
    if unknown:
        problems.append(f"{path}:1: " + both("offices", "unknown_columns",
                                             unknown=", ".join(unknown), known=", ".join(KNOWN)))
    if problems:
        raise OfficesError(problems)
    offices, names = [], set()
    for row in reader:
        line = reader.line_num
        values = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if not any(values.values()):
            continue
        if not values.get("url"):
            problems.append(f"{path}:{line}: {both('offices', 'no_url')}")
            continue
        bad_url = url_problem(values["url"])  # a typo is caught before any crawl
        if bad_url:
            problems.append(f"{path}:{line}: {bad_url}")
            continue
        name = values.get("name") or values["url"]
        if name in names:
            problems.append(f"{path}:{line}: {both('offices', 'duplicate', name=name)}")
            continue
        names.add(name)
        offices.append(Office(name, values["url"], values.get("checklist", ""),
                              values.get("units", ""), line))
    if problems:
        raise OfficesError(problems)
    if not offices:
        raise OfficesError([f"{path}: {both('offices', 'empty')}"])
    return offices
