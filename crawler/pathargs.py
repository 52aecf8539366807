"""Check the command line's file and folder options before anything runs.

A user who points ``--out`` at a file, or ``--units`` at a folder, gets one sentence saying
what is wrong with which option and what to do, and exit code 2, instead of a Python
traceback from deep inside the crawl. Options are found by their ``argparse`` destination, so
every sub-command that uses a name below is checked the same way.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path


def _existing_ancestor(path: Path) -> Path:
    """The nearest part of ``path`` that exists (the path itself if it does)."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(".")


def _say(option: str, path: Path, th: str, en: str) -> str:
    """One message about ``option``'s value: Thai, then English in brackets."""
    return f"{option} {path}: {th} ({option} {path}: {en})"


def _denied(option: str, path: Path, mode: int, what_th: str, what_en: str) -> str | None:
    """A message when this user lacks the ``mode`` access to ``path``."""
    if os.access(path, mode):
        return None
    return _say(option, path, f"ไม่มีสิทธิ์{what_th} ให้ระบุตำแหน่งที่คุณมีสิทธิ์",
                f"no permission to {what_en}; choose a location you may use")


def _creatable(option: str, path: Path, what_th: str, what_en: str) -> str | None:
    """Why ``path`` (missing) cannot be created under its nearest existing folder."""
    base = _existing_ancestor(path.parent if path.parent != path else path)
    if not base.is_dir():
        return _say(option, path, f"สร้าง{what_th}ไม่ได้ เพราะ {base} เป็นไฟล์ ไม่ใช่โฟลเดอร์ "
                    "ให้ระบุตำแหน่งอื่น", f"cannot create the {what_en}: {base} is a file, not a "
                    "folder; choose another location")
    return _denied(option, base, os.W_OK | os.X_OK, f"เขียนในโฟลเดอร์ {base}",
                   f"write in {base}")


def output_dir_problem(option: str, path: Path) -> str | None:
    """A folder the command writes into: it may be missing (it is created), never a file."""
    path = path.expanduser()
    if path.exists() and not path.is_dir():
        example = f"{path.with_suffix('')}-report"
        return _say(option, path, f"เป็นไฟล์ที่มีอยู่แล้ว ต้องระบุโฟลเดอร์ (เช่น {example})",
                    f"this is an existing file; give a folder, e.g. {example}")
    if path.is_dir():
        return _denied(option, path, os.W_OK | os.X_OK, "เขียนในโฟลเดอร์นี้",
                       "write in this folder")
    return _creatable(option, path, "โฟลเดอร์", "folder")


def database_problem(option: str, path: Path, what: tuple[str, str, str] = (
        "ไฟล์ฐานข้อมูล", "database file", "history.sqlite3")) -> str | None:
    """A file we create or update: an existing file, or one that can be created (folders
    included)."""
    what_th, what_en, example = what
    path = path.expanduser()
    if path.is_dir():
        return _say(option, path, f"เป็นโฟลเดอร์ ต้องระบุ{what_th} เช่น {path / example}",
                    f"this is a folder; give a {what_en}, e.g. {path / example}")
    if path.exists():
        return _denied(option, path, os.R_OK | os.W_OK, "อ่านและเขียนไฟล์นี้",
                       "read and write this file")
    return _creatable(option, path, what_th, what_en)


def new_file_problem(option: str, path: Path) -> str | None:
    """A file we write (a checklist from ``checklist new``)."""
    return database_problem(option, path, ("ไฟล์", "file", "my-office.yaml"))


def input_file_problem(option: str, path: Path) -> str | None:
    """A file the command reads: it must exist, be a file and be readable."""
    path = path.expanduser()
    if not path.exists():
        return _say(option, path, "ไม่พบไฟล์นี้ ตรวจชื่อและตำแหน่งไฟล์",
                    "file not found; check its name and folder")
    if path.is_dir():
        return _say(option, path, "เป็นโฟลเดอร์ ต้องระบุไฟล์", "this is a folder; give a file")
    return _denied(option, path, os.R_OK, "อ่านไฟล์นี้", "read this file")


def export_problem(option: str, path: Path) -> str | None:
    """Where ``report --export`` writes: a zip file (``.zip``) or a folder."""
    if path.suffix.lower() == ".zip":
        return database_problem(option, path, ("ไฟล์ zip", "zip file", "reports.zip"))
    if path.expanduser().is_file():
        return _say(option, path, "เป็นไฟล์ที่มีอยู่แล้ว ให้ระบุโฟลเดอร์ หรือชื่อไฟล์ที่ลงท้ายด้วย .zip",
                    "this is an existing file; give a folder or a name ending in .zip")
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
