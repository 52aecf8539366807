"""An output folder holds one complete, consistent set of report files, written by one audit
at a time (issue 12).

A run writes every file (``crawl.jsonl`` as the crawl goes, then the reports) into
``OUT/.oit-staging/``; :meth:`OutputFolder.commit` publishes them with one atomic step:

- the staging folder (its files flushed to disk) is renamed to ``OUT/.oit-sets/ID/``, a
  complete set that is never changed afterwards;
- every name of a set in ``OUT`` is a relative symbolic link ``OUT/NAME ->
  .oit-current/NAME``, created once (a regular file found at such a name, from an older
  version or ``oit-audit report``, is first taken into the current set and then replaced by
  the link, so what a reader sees does not change);
- ``OUT/.oit-current`` is a symbolic link to the set shown; publishing replaces it
  (``os.replace`` of a new link: one rename, atomic on POSIX file systems), so every name
  switches to the new set at the same instant;
- then links of names the new set does not have (they now point at nothing: no file) and
  older sets are removed.

A run killed at any point leaves ``OUT`` showing either the previous complete set or the new
one, never files of two runs side by side, whether or not anything runs afterwards; the next
run (:meth:`OutputFolder.recover`) only tidies: it discards the staging folder and any set not
shown.  A folder cut in the middle of a commit by an older version (a journal
``.oit-staging/COMMIT``) is rolled forward.

A run stopped by a signal (an ``interrupted`` report, no items) never replaces the report of
a run that finished: :meth:`OutputFolder.commit_beside` publishes its set, the same way, in
the folder's own sub-folder ``OUT/interrupted/`` (:data:`PARTIAL`), and ``OUT`` keeps
showing the finished run's set.  The next set published in ``OUT`` itself removes that
sub-folder (it is then older than what ``OUT`` shows); ``--resume`` continues its records.

:meth:`OutputFolder.lock` is an exclusive ``fcntl.flock`` on ``OUT/.oit-audit.lock``: a
second audit (or ``oit-audit report``) into the same folder refuses at once with
:class:`OutputBusy` (the CLI exits 2).  The operating system releases the lock however the
holder ends, so a killed run never leaves a stale lock.

:meth:`OutputFolder.open_shown` opens every file the folder shows, all of one set, without
the lock (a nightly audit may hold it for an hour): ``oit-audit report --export`` copies
them as real files (:mod:`reports.export`).
"""

from __future__ import annotations

import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

from checklists.atomicfile import own_only, replacing
from reports.filelock import Busy, FileLock

STAGING = ".oit-staging"
SETS = ".oit-sets"
CURRENT = ".oit-current"
LOCK = ".oit-audit.lock"
JOURNAL = "COMMIT"  # written by versions that published file by file (rolled forward)
CRAWL_LOG = "crawl.jsonl"
_NEW = ".oit-new"  # suffix of a link being made, before it replaces the real name
PARTIAL = "interrupted"  # the sub-folder of a stopped run's set, kept beside the folder's own


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


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _fsync_files(paths: list[Path]) -> None:
    """Flush every file of ``paths`` to disk, all at once: one thread each, joined before
    this returns; an error is raised as one file's fsync raises it.  One after another, each
    fsync waited for a journal commit of its own (ext4): a set's ten files took 40-80 ms of
    wall time on this project's machine (2026-12-06, load 8), on the critical path of every
    audit and of a nightly batch's last office; together the file system commits them in
    one or two, 2-27 ms (median 7), the same guarantee (issue 13)."""
    if len(paths) < 2:
        for path in paths:
            _fsync_file(path)
        return
    with ThreadPoolExecutor(max_workers=len(paths), thread_name_prefix="oit-fsync") as pool:
        for _ in pool.map(_fsync_file, paths):
            pass


def _replace_with_link(path: Path, target: str) -> None:
    """Make ``path`` a symbolic link to ``target`` in one rename (it exists throughout)."""
    with replacing(path, temp=path.with_name(path.name + _NEW)) as temp:
        os.symlink(target, temp)


class OutputFolder:
    """``OUT/`` with its staging folder, published sets, lock."""

    def __init__(self, path: str | os.PathLike[str], set_names: tuple[str, ...] = ()) -> None:
        self.path = Path(path)
        self.staging = self.path / STAGING
        self.sets = self.path / SETS
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
        """Tidy what an earlier run left, and return a fresh staging folder."""
        self.recover()
        # published sets an earlier version wrote with 0644 files in 0755 folders: out of
        # others' reach once the folder holding them is (own_only; the staging folder and
        # new sets are made under the command's private umask)
        own_only(self.sets, self.path / PARTIAL / SETS, self.path / LOCK)
        # and the folder itself (its names: the offices' report sets a batch keeps, when
        # and how a run stopped), as the state folders are, when it holds nothing but what
        # runs write: a folder of the user's own given as the output, with files of
        # theirs in it, keeps its mode (until nightly44 every output folder kept it)
        own_only(*(p for p in (self.path, self.path / PARTIAL) if self._runs_only(p)))
        self.staging.mkdir(parents=True)
        return self.staging

    def _runs_only(self, folder: Path) -> bool:
        """Whether ``folder`` holds only what an output folder's runs write (the set's
        names, the ``.oit-`` entries, a stopped run's folder, links being made)."""
        try:
            names = os.listdir(folder)
        except OSError:
            return False
        return all(name in self.set_names or name == PARTIAL or name.startswith(".oit-")
                   or name.endswith(_NEW) for name in names)

    def recover(self) -> None:
        """Discard an unpublished staging folder and sets not shown; roll forward a commit an
        older version left journalled."""
        journal = self.staging / JOURNAL
        if journal.is_file():
            names = [n for n in journal.read_text(encoding="utf-8").splitlines() if n]
            for name in names:
                if (self.staging / name).exists():  # absent: moved before the interruption
                    os.replace(self.staging / name, self.path / name)
            for name in set(self.set_names) - set(names):
                (self.path / name).unlink(missing_ok=True)
            self._adopt_files()
        if self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
        if self.path.is_dir():
            for entry in self.path.iterdir():
                if entry.name.endswith(_NEW) and entry.is_symlink():
                    entry.unlink(missing_ok=True)
        self._drop_unshown_sets()

    def commit(self) -> list[Path]:
        """Publish every file of the staging folder as the folder's set; return their paths."""
        names = sorted(p.name for p in self.staging.iterdir()
                       if p.is_file() and p.name != JOURNAL and not p.name.endswith(".tmp"))
        # the data must be on disk before the set is shown
        _fsync_files([self.staging / name for name in names])
        _fsync_dir(self.staging)
        self.sets.mkdir(exist_ok=True)
        new = self.sets / f"{time.time_ns():x}-{os.getpid()}"
        os.replace(self.staging, new)  # complete and never changed from here on
        _fsync_dir(self.sets)
        self._adopt_files()
        for name in names:
            self._link(name)
        _replace_with_link(self.path / CURRENT, os.path.join(SETS, new.name))  # the switch
        _fsync_dir(self.path)
        self._drop_links(names)
        self._drop_unshown_sets()
        partial = self.partial()
        if partial is not None:  # a stopped run's set, now older than the one shown
            shutil.rmtree(partial, ignore_errors=True)
        return [self.path / n for n in names]

    def commit_beside(self) -> list[Path]:
        """Publish the staging folder's files as the set of ``OUT/interrupted/`` (replacing a
        set an earlier stopped run left there), and leave the set ``OUT`` shows as it is."""
        beside = OutputFolder(self.path / PARTIAL, self.set_names)
        beside.path.mkdir(exist_ok=True)
        beside.recover()
        os.replace(self.staging, beside.staging)
        return beside.commit()

    def partial(self) -> Path | None:
        """``OUT/interrupted/`` when it holds a stopped run's set published beside (a folder
        of that name without one is the user's, and never touched)."""
        path = self.path / PARTIAL
        if (path / CURRENT).is_symlink() or (path / SETS).is_dir():
            return path
        return None

    # -- reading -------------------------------------------------------------------------

    def open_shown(self) -> dict[str, BinaryIO]:
        """Every file the folder shows, opened for reading (name -> file, in name order).

        The files of a link come from the set shown when the first was opened: a set is
        never changed, and a file opened stays readable after a later commit removes its set,
        so they are one whole set even while an audit publishes another (when that removes
        the set before everything is open, the new set is read instead).  A regular file at
        a set's name (``oit-audit report`` writes them until the next set takes them in) is
        shown as it is; a link whose set lacks its name shows nothing."""
        while True:
            shown, files = self._shown(), {}
            try:
                for name in sorted(self.set_names):
                    path = self.path / name
                    if path.is_symlink():
                        if shown is None:
                            continue
                        path = shown / name
                    elif not path.is_file():
                        continue
                    try:
                        files[name] = open(path, "rb")  # the caller closes them
                    except FileNotFoundError:
                        if self._shown() != shown:
                            raise
                return files
            except FileNotFoundError:  # another set was published meanwhile: read that one
                for fh in files.values():
                    fh.close()

    # -- helpers ---------------------------------------------------------------------------

    def _shown(self) -> Path | None:
        """The set ``OUT/.oit-current`` points at (None before the first commit)."""
        current = self.path / CURRENT
        if not current.is_symlink():
            return None
        return self.path / os.readlink(current)

    def _link(self, name: str) -> None:
        target = os.path.join(CURRENT, name)
        path = self.path / name
        if not (path.is_symlink() and os.readlink(path) == target):
            _replace_with_link(path, target)

    def _adopt_files(self) -> None:
        """Take each regular file at a set's name into the shown set and link it from there:
        the name shows the same bytes before and after, and switches with the next set."""
        files = [n for n in self.set_names
                 if (self.path / n).is_file() and not (self.path / n).is_symlink()]
        if not files:
            return
        shown = self._shown()
        if shown is None or not shown.is_dir():
            self.sets.mkdir(exist_ok=True)
            shown = self.sets / f"{time.time_ns():x}-{os.getpid()}-adopted"
            shown.mkdir()
            _replace_with_link(self.path / CURRENT, os.path.join(SETS, shown.name))
        for name in files:
            source, kept = self.path / name, shown / name
            with replacing(kept, temp=kept.with_name(name + _NEW)) as temp:
                try:
                    os.link(source, temp)
                except OSError:  # no hard links on this file system
                    shutil.copy2(source, temp)
            self._link(name)
        _fsync_dir(shown)
        _fsync_dir(self.path)

    def _drop_links(self, keep: list[str]) -> None:
        """Remove the links of names the shown set does not have."""
        for name in self.set_names:
            path = self.path / name
            if name not in keep and path.is_symlink() and not path.exists():
                path.unlink(missing_ok=True)

    def _drop_unshown_sets(self) -> None:
        if not self.sets.is_dir():
            return
        shown = self._shown()
        for entry in self.sets.iterdir():
            if shown is None or entry.name != shown.name:
                shutil.rmtree(entry, ignore_errors=True)
