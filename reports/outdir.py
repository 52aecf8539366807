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

import fcntl
import os
import shutil
from pathlib import Path

STAGING = ".oit-staging"
LOCK = ".oit-audit.lock"
JOURNAL = "COMMIT"
CRAWL_LOG = "crawl.jsonl"


class OutputBusy(Exception):
    """Another process is writing into the output folder."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(f"{path} is being written by process {holder or '?'}")
        self.path = path
        self.holder = holder


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
        self._fd: int | None = None

    # -- lock ------------------------------------------------------------------------------

    def lock(self) -> None:
        """Take the folder's lock or raise :class:`OutputBusy` at once (never waits)."""
        self.path.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise OutputBusy(self.path, holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

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
