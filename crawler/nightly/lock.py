"""One audit of a site at a time: an exclusive, non-blocking lock on a file per site.

The lock is ``fcntl.flock`` on ``locks/<site>.lock`` beside the history database; the
operating system releases it when the process ends, however it ends, so a crashed run never
leaves a stale lock behind. The file holds the holder's PID for people reading it.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType


class SiteBusy(Exception):
    """Another process holds the site's lock."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(f"{path} is held by process {holder or '?'}")
        self.path = path
        self.holder = holder


class SiteLock:
    """``with SiteLock(path):`` runs the block only when no other audit of the site runs."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`SiteBusy` at once (never waits)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise SiteBusy(self.path, holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> SiteLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
