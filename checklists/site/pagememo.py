"""What gathering found on each page, kept on disk: a re-audit reads back the pages that did
not change instead of reading them again.

Gathering candidate evidence (:mod:`checklists.candidates`) is most of the judging, and it
is a function of each page taken alone: the page, the records its links lead to, how its
item codes are read, and the checklist, wording model and code that read them.
:func:`checklists.candidates.page_key` digests exactly those; this store maps the digest to
what the page gave (pickled candidates).  A focused crawl judges its records on the way
several times and a nightly re-audit of an unchanged site finds every page's digest from the
night before: only the pages that changed, or whose links now lead elsewhere, are read again.

The store is a SQLite file (one per site, next to its HTTP cache; a temporary one without a
history database).  :meth:`PageMemo.close` drops what this run did not use, so the file holds
one run's pages.  Pure (no Scrapy).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import weakref
from pathlib import Path

from checklists.atomicfile import own_only

PAGE_SIZE = 16384  # bytes: a first audit's 16,276 rows (48 MB) inserted in two thirds of the time
SCHEMA = """CREATE TABLE IF NOT EXISTS pages (key BLOB PRIMARY KEY, value BLOB NOT NULL,
                                              run INTEGER NOT NULL)"""


class PageMemo:
    """Per-page results by digest, in a SQLite file (``path``; None: a temporary file)."""

    def __init__(self, path: Path | str | None = None,
                 handed: tuple[int, bool, set[bytes]] | None = None) -> None:
        self.temporary = path is None
        if path is None:
            fd, name = tempfile.mkstemp(prefix="oit-pages-", suffix=".sqlite3")
            os.close(fd)
            path = name
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.temporary:  # an earlier version's store and folder: 0644 / 0755
            own_only(self.path, self.path.parent)
        self.db = _open(self.path)
        self._used: set[bytes] = set()  # found again this run (kept at close)
        if handed is not None:  # the same run, continued in another process (hand_over)
            self.run, self.temporary, self._used = handed
        else:
            self.run = int(self.db.execute("PRAGMA user_version").fetchone()[0]) + 1
            self.db.execute(f"PRAGMA user_version = {self.run}")
        self.hits = self.misses = 0
        # a store empty when opened (a site's first audit) holds only what this run put:
        # a key not put is not looked up (a query per page and per record, all missing)
        self._put: set[bytes] | None = None if handed is not None or self.db.execute(
            "SELECT 1 FROM pages LIMIT 1").fetchone() else set()
        # left open (a crawl that failed): closed when dropped, nothing of this run kept
        self._finalize = weakref.finalize(self, _discard, self.db,
                                          self.path if self.temporary else None)

    def get(self, key: bytes) -> bytes | None:
        if self._put is not None and key not in self._put:
            self.misses += 1
            return None
        row = self.db.execute("SELECT value FROM pages WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        self._used.add(key)
        return bytes(row[0])

    def put(self, key: bytes, value: bytes) -> None:
        if self._put is not None:
            self._put.add(key)
        self.db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?, ?)", (key, value, self.run))

    def hand_over(self) -> tuple[str, tuple[int, bool, set[bytes]]]:
        """Commit what this run wrote and close without dropping anything: the run goes on
        in another process, ``PageMemo(path, handed)`` with what this returns (that one
        drops what the whole run did not use, and removes a temporary file, at its close)."""
        handed = (self.run, self.temporary, set(self._used))
        self._finalize.detach()
        self.db.commit()
        self.db.close()
        return str(self.path), handed

    def discard(self) -> None:
        """Close keeping nothing of this run: what it wrote is rolled back, nothing it did not
        use is removed (a temporary file is removed)."""
        self._finalize()

    def close(self) -> None:
        """Keep only what this run used, and close (a temporary file is removed)."""
        if not self._finalize.alive:
            return
        try:
            if not self.temporary:
                self.db.executemany("UPDATE pages SET run = ? WHERE key = ?",
                                    ((self.run, k) for k in self._used))
                self.db.execute("DELETE FROM pages WHERE run < ?", (self.run,))
            self.db.commit()
        finally:
            self._finalize()


def _discard(db: sqlite3.Connection, temporary: Path | None) -> None:
    db.close()
    if temporary is not None:
        temporary.unlink(missing_ok=True)


def _open(path: Path) -> sqlite3.Connection:
    """The store at ``path``; a file that is no such store (damaged, another program's) is
    started afresh: it only ever saves time."""
    for attempt in range(2):
        try:
            db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA synchronous = OFF")  # a crash rolls the run back: no harm
            # a new file's pages (an existing file keeps its own): a page's reading is a
            # few kilobytes, in four times fewer pages' chains than at SQLite's 4,096 bytes
            db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            db.execute(SCHEMA)
            db.execute("BEGIN")
            return db
        except sqlite3.DatabaseError:
            if attempt:
                raise
            with contextlib.suppress(OSError):
                path.unlink()
    raise AssertionError("unreachable")
