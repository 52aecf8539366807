"""One audit of a site at a time: an exclusive, non-blocking lock on a file per site.

The lock is a :class:`reports.filelock.FileLock` on ``locks/<site>.lock`` beside the history
database; the operating system releases it when the process ends, however it ends, so a
crashed run never leaves a stale lock behind.
"""

from __future__ import annotations

from reports.filelock import Busy, FileLock


class SiteBusy(Busy):
    """Another process holds the site's lock."""


class SiteLock(FileLock):
    """``with SiteLock(path):`` runs the block only when no other audit of the site runs."""

    busy = SiteBusy
