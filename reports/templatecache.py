"""Compiled report templates kept between runs.

Jinja2 compiles ``report.html.j2`` to Python on first use: about 0.09 CPU-s in every process
that writes an HTML report (each ``oit-audit audit``; a batch's judging worker), a fixed cost
of each nightly re-audit (issue 13).  Jinja2's own file cache of compiled templates
(:class:`jinja2.FileSystemBytecodeCache`: written atomically, each entry checked against a
checksum of the template's source and Python's version) is kept in the tool's cache folder
(:mod:`checklists.plaincache`; ``OIT_AUDIT_CACHE=off``: none).  A folder that cannot be
written or an entry that cannot be read only means compiling the template, as before.

Jinja2 names an entry by the template's name and file, so every copy of the tool (an
installation, a checkout, a benchmark's installed copy) adds one a template, and its own
files never trimmed the folder (nightly46's note).  Since nightly47 an entry read is marked
used and each entry written drops those past the :data:`KEEP_ENTRIES` most recently used,
as the rest of the cache folder keeps its keys (``plaincache.trim``).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from checklists.plaincache import KEEP_KEYS, cache_dir, mark_used, trim

KEEP_ENTRIES = KEEP_KEYS  # compiled templates kept, the most recently used: 8 copies' one


class KeptTemplates(FileSystemBytecodeCache):
    """Jinja2's file cache of compiled templates that never fails a report."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged entry: compiled again
            bucket.reset()
        if bucket.code is not None:  # read: kept before entries used less recently
            mark_used(Path(self._get_cache_filename(bucket)))

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
            trim(Path(self.directory), self.pattern % "*", KEEP_ENTRIES)


def kept_templates() -> KeptTemplates | None:
    """The cache of compiled templates in the tool's cache folder (None: no cache)."""
    folder = cache_dir()
    return None if folder is None else KeptTemplates(str(folder / "templates"))
