"""Check the command line's file and folder options before anything runs.

A user who points ``--out`` at a file, or ``--units`` at a folder, gets one sentence saying
what is wrong with which option and what to do, and exit code 2, instead of a Python
traceback from deep inside the crawl (the words: section ``paths`` of ``words.yaml``). Options are found by their ``argparse`` destination, so
every sub-command that uses a name below is checked the same way.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

from checklists.words import in_spoken
from reports.labels import words


def _existing_ancestor(path: Path) -> Path:
    """The nearest part of ``path`` that exists (the path itself if it does)."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(".")


def _say(option: str, path: Path, key: str, **values: str | tuple[str, str]) -> str:
    """One message about ``option``'s value (``paths.KEY`` of ``words.yaml``) in the language
    spoken (:func:`checklists.words.in_spoken`); a value given as a (Thai, English) pair goes
    into each language's."""
    th, en = (words("paths", lang)[key].format(**{
        name: value[i] if isinstance(value, tuple) else value for name, value in values.items()})
        for i, lang in enumerate(("th", "en")))
    return in_spoken(f"{option} {path}: {th}", f"{option} {path}: {en}")


def _what(key: str, **values: str) -> tuple[str, str]:
    """``paths.KEY`` (what a message names) in Thai and in English."""
    return words("paths", "th")[key].format(**values), words("paths", "en")[key].format(**values)


def _denied(option: str, path: Path, mode: int, what: tuple[str, str]) -> str | None:
    """A message when this user lacks the ``mode`` access to ``path``."""
    if os.access(path, mode):
        return None
    return _say(option, path, "denied", what=what)


def _creatable(option: str, path: Path, what: tuple[str, str]) -> str | None:
    """Why ``path`` (missing) cannot be created under its nearest existing folder."""
    base = _existing_ancestor(path.parent if path.parent != path else path)
    if not base.is_dir():
        return _say(option, path, "under_a_file", what=what, base=str(base))
    return _denied(option, base, os.W_OK | os.X_OK, _what("write_in", base=str(base)))


def output_dir_problem(option: str, path: Path) -> str | None:
    """A folder the command writes into: it may be missing (it is created), never a file."""
    path = path.expanduser()
    if path.exists() and not path.is_dir():
        return _say(option, path, "file_not_folder", example=f"{path.with_suffix('')}-report")
    if path.is_dir():
        return _denied(option, path, os.W_OK | os.X_OK, _what("write_here"))
    return _creatable(option, path, _what("folder"))


def database_problem(option: str, path: Path, what: str = "database",
                     example: str = "history.sqlite3") -> str | None:
    """A file we create or update (``what``: its kind, a ``paths`` key of ``words.yaml``):
    an existing file, or one that can be created (folders included)."""
    kind = _what(what)
    path = path.expanduser()
    if path.is_dir():
        return _say(option, path, "folder_not_file", what=kind, example=str(path / example))
    if path.exists():
        return _denied(option, path, os.R_OK | os.W_OK, _what("read_write"))
    return _creatable(option, path, kind)


def new_file_problem(option: str, path: Path) -> str | None:
    """A file we write (a checklist from ``checklist new``)."""
    return database_problem(option, path, "file", "my-office.yaml")


def input_file_problem(option: str, path: Path) -> str | None:
    """A file the command reads: it must exist, be a file and be readable."""
    path = path.expanduser()
    if not path.exists():
        return _say(option, path, "not_found")
    if path.is_dir():
        return _say(option, path, "folder_give_file")
    return _denied(option, path, os.R_OK, _what("read"))


def export_problem(option: str, path: Path) -> str | None:
    """Where ``report --export`` writes: a zip file (``.zip``) or a folder."""
    if path.suffix.lower() == ".zip":
        return database_problem(option, path, "zip", "reports.zip")
    if path.expanduser().is_file():
        return _say(option, path, "file_not_export")
    return output_dir_problem(option, path)


# argparse dest -> (option as typed, its check): a folder we write into (created if missing),
# a file we create or update, a file we only read, a file we write.
PATH_OPTIONS: dict[str, tuple[str, Callable[[str, Path], str | None]]] = {
    "out": ("--out", output_dir_problem),
    "out_root": ("--out-root", output_dir_problem),
    "db": ("--db", database_problem),
    "units": ("--units", input_file_problem),
    "alerts_config": ("--alerts-config", input_file_problem),
    "sites_file": ("--sites", input_file_problem),
    "out_file": ("--out", new_file_problem),  # checklist new
    "export": ("--export", export_problem),  # report --export
}


def path_problems(args: argparse.Namespace) -> list[str]:
    """One message per path option of ``args`` that cannot be used as the command needs."""
    problems = []
    for dest, (option, check) in PATH_OPTIONS.items():
        value = getattr(args, dest, None)
        if value is None or value == "":
            continue
        problem = check(option, Path(value))
        if problem:
            problems.append(problem)
    return problems
