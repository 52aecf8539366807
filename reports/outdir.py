"""An output folder holds one complete, consistent set of report files, written by one audit
at a time (issue 12).

A run writes every file (``crawl.jsonl`` as the crawl goes, then the reports) into
``OUT/.oit-staging/`` and :meth:`OutputFolder.commit` publishes them: it writes a journal
``.oit-staging/COMMIT`` naming the files (flushed to disk), renames each file over its final
name, removes files of an older set that this run did not write, then the staging folder.
A run killed before the journal exists leaves the previous set untouched (the next run
discards its staging folder); killed during the renames, the next run rolls the commit
forward before anything else (:meth:`OutputFolder.recover`), so a reader never finds two
runs' files side by side for longer than that.

:meth:`OutputFolder.lock` is an exclusive ``fcntl.flock`` on ``OUT/.oit-audit.lock``: a
second audit (or ``oit-audit report``) into the same folder refuses at once with
:class:`OutputBusy` (the CLI exits 2).  The operating system releases the lock however the
holder ends, so a killed run never leaves a stale lock.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from reports.filelock import Busy, FileLock

STAGING = ".oit-staging"
LOCK = ".oit-audit.lock"
JOURNAL = "COMMIT"
CRAWL_LOG = "crawl.jsonl"


class OutputBusy(Busy):
    """Another process is writing into the output folder."""


class _FolderLock(FileLock):
    busy = OutputBusy


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class OutputFolder:
    """``OUT/`` with its staging folder, journal and lock."""

    def __init__(self, path: str | os.PathLike[str], set_names: tuple[str, ...] = ()) -> None:
        self.path = Path(path)
        self.staging = self.path / STAGING
        self.set_names = set_names  # every file name a set may hold (older ones are removed)
        self._lock = _FolderLock(self.path / LOCK)

    # -- lock ------------------------------------------------------------------------------

    def lock(self) -> None:
        """Take the folder's lock or raise :class:`OutputBusy` at once (never waits)."""
        self._lock.acquire()

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> OutputFolder:
        self.lock()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    # -- staging and commit ----------------------------------------------------------------

    def begin(self) -> Path:
        """Finish or discard what an earlier run left, and return a fresh staging folder."""
        self.recover()
        self.staging.mkdir(parents=True)
        return self.staging

    def recover(self) -> None:
        """Roll a journalled commit forward; discard an uncommitted staging folder."""
        journal = self.staging / JOURNAL
        if journal.is_file():
            names = [n for n in journal.read_text(encoding="utf-8").splitlines() if n]
            self._publish(names)
        if self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)

    def commit(self) -> list[Path]:
        """Publish every file of the staging folder as the folder's set; return their paths."""
        names = sorted(p.name for p in self.staging.iterdir()
                       if p.is_file() and p.name != JOURNAL and not p.name.endswith(".tmp"))
        journal = self.staging / JOURNAL
        with open(journal.with_suffix(".tmp"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(names) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        for name in names:  # the data must be on disk before the journal says it is
            with open(self.staging / name, "rb") as fh:
                os.fsync(fh.fileno())
        os.replace(journal.with_suffix(".tmp"), journal)
        _fsync_dir(self.staging)
        self._publish(names)
        shutil.rmtree(self.staging, ignore_errors=True)
        return [self.path / n for n in names]

    def _publish(self, names: list[str]) -> None:
        for name in names:
            source = self.staging / name
            if source.exists():  # absent: already moved before an interruption
                os.replace(source, self.path / name)
        for name in self.set_names:
            if name not in names:
                (self.path / name).unlink(missing_ok=True)
        _fsync_dir(self.path)
