"""A file replaced whole or not at all: written aside under a temporary name, then renamed.

:func:`replacing` gives the caller a temporary path beside the file (same folder, so same
file system) to make the new file at, by any means (bytes, a zip, a copy, a symbolic link);
when the block ends without an error the temporary path replaces the file in one
``os.replace`` (atomic on POSIX file systems: a reader sees the old file or the new one,
never a cut-short one).  On any failure (an error, a full disk, Ctrl-C's KeyboardInterrupt)
the temporary file is removed and the failure raised: nothing is left behind beside the
file.  Only a kill (SIGKILL, a power cut) can leave one, under a name that says what it is.

One helper for every writer (the report's export, the output folder's links, the batch
report, the plain-data cache, the document text cache, the focused crawl's last stop):
before, six modules each did it by hand, and two left their temporary file behind when the
write failed.  The standard library only, so the document reader processes and every
command can import it for nothing.  (The ``atomicwrites`` package did this and has not
been maintained since 2022.)
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

TEMP_SUFFIX = ".tmp"  # the end of every temporary name made here (readers of a folder skip it)


def temp_name(path: Path) -> Path:
    """A temporary path beside ``path``, its own to this process and call: hidden (a dot),
    the file's name, the process id and 8 random hex digits, then :data:`TEMP_SUFFIX`."""
    return path.with_name(f".{path.name}.{os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}")


@contextmanager
def replacing(path: str | os.PathLike[str], *, temp: Path | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; make the new file there.  On leaving the block
    without an error it replaces ``path``; on any failure it is removed (with whatever the
    block made there) and the failure raised.

    ``temp``: a fixed temporary name for a caller whose lock makes it the only writer (a
    leftover of a killed run is removed first, and an older version's tidying finds it);
    by default a name of its own (:func:`temp_name`), for writers that may run at once."""
    path = Path(path)
    if temp is None:
        temp = temp_name(path)
    else:
        temp.unlink(missing_ok=True)
    try:
        yield temp
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data``, whole or not at all (:func:`replacing`)."""
    with replacing(path) as temp:
        temp.write_bytes(data)


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with ``text`` in UTF-8, whole or not at all (:func:`replacing`)."""
    with replacing(path) as temp:
        temp.write_text(text, encoding="utf-8")


# Group and others: nothing.  The bits a command that writes what it reads of a site adds to
# the umask (crawler/cli.py ``private_files``), and the bits :func:`own_only` takes away.
OWN_ONLY = 0o077


def current_umask() -> int:
    """The process's umask, read without changing it (``/proc/self/status``, Linux 4.7+);
    elsewhere it is set and put back at once, to a value never looser than :data:`OWN_ONLY`
    adds (a file another thread makes meanwhile is at worst its user's alone)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(OWN_ONLY)
    os.umask(mask)
    return mask


def own_only(*paths: str | os.PathLike[str]) -> None:
    """Take group's and others' bits off each of ``paths`` that exists (a file, or a folder:
    what is inside a folder is then out of their reach too), when the command runs private
    (its umask takes those bits: :func:`crawler.cli.private_files`; not ``report --export``
    nor a caller of its own that set no such umask).  Only what its user owns, never through
    a symbolic link; a chmod refused is left as it is (the file still works).

    For state an earlier version wrote under the usual umask 022 (history, HTTP cache,
    judging and text caches, published report sets: 0644 files, 0755 folders), which a new
    umask never changes, since a file opened or a folder written into keeps its mode: until
    nightly43 they stayed readable by every account on the machine."""
    if current_umask() & OWN_ONLY != OWN_ONLY:
        return
    uid = os.getuid()
    for path in paths:
        try:
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode) or st.st_uid != uid or not st.st_mode & OWN_ONLY:
                continue
            os.chmod(path, stat.S_IMODE(st.st_mode) & ~OWN_ONLY)
        except OSError:
            continue
