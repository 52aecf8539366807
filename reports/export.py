"""``oit-audit report OUT --export DIR|FILE.zip``: the folder's current reports as real files.

An output folder shows its reports through relative symbolic links into ``OUT/.oit-sets/``
(:mod:`reports.outdir`: a set is published in one atomic step).  A person who copies or zips
a few of those names by hand may get links that point nowhere.  An export writes the bytes
of every file the folder shows, all of one set, into a plain folder or into one zip file, to
send on as they are.  The output folder itself is only read, so an export runs even while a
nightly audit writes there: it copies the set shown when it starts.
"""

from __future__ import annotations

import os
import shutil
import time
import zipfile
from pathlib import Path
from typing import BinaryIO

from checklists.atomicfile import replacing
from reports.outdir import CURRENT, SETS, OutputFolder


class ExportError(Exception):
    """The export cannot be made: the words' key in ``words.yaml`` (section ``export``)."""

    def __init__(self, key: str, path: Path) -> None:
        super().__init__(f"{key}: {path}")
        self.key = key
        self.path = path


def is_zip(dest: Path) -> bool:
    """Whether ``dest`` names a zip file (``.zip``, any case) rather than a folder."""
    return dest.suffix.lower() == ".zip"


def export_set(folder: OutputFolder, dest: Path) -> list[str]:
    """Write the files ``folder`` shows into ``dest`` (a folder, made if missing, or a
    ``.zip`` file); return their names.  Each file, and the zip, appears whole or not at all
    (written aside, then renamed: :func:`checklists.atomicfile.replacing`)."""
    if (dest / CURRENT).is_symlink() or (dest / SETS).is_dir():
        raise ExportError("into_output", dest)  # its links would be replaced by files
    files = folder.open_shown()
    try:
        if not files:
            raise ExportError("empty", folder.path)
        if is_zip(dest):
            _write_zip(files, dest)
        else:
            _write_folder(files, dest)
        return list(files)
    finally:
        for fh in files.values():
            fh.close()


def _mtime(fh: BinaryIO) -> float:
    return os.fstat(fh.fileno()).st_mtime


def _zip_time(mtime: float) -> tuple[int, int, int, int, int, int]:
    """A file time as zip holds it: local time, none before 1980 (zip's first year; a file
    dated earlier, e.g. by a reproducible build, would make the zip fail)."""
    return max(time.localtime(mtime)[:6], (1980, 1, 1, 0, 0, 0))


def _write_folder(files: dict[str, BinaryIO], dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for name, fh in files.items():
        with replacing(dest / name) as temp:
            with open(temp, "wb") as out:
                shutil.copyfileobj(fh, out)
            os.utime(temp, (time.time(), _mtime(fh)))


def _write_zip(files: dict[str, BinaryIO], dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with replacing(dest) as temp, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, fh in files.items():
            info = zipfile.ZipInfo(name, _zip_time(_mtime(fh)))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16  # a plain file, readable by everyone
            with archive.open(info, "w") as out:
                shutil.copyfileobj(fh, out)
