"""Costly pure loads kept between runs as plain JSON, keyed by everything they are made from.

Every ``oit-audit`` process used to validate the twelve shipped checklists and the topic map
(YAML with file positions, JSON Schema) and derive the sara-am repair table from the Thai
dictionary before its first request: about half a CPU-second, the same result every time
(issue 11).  :func:`remembered` keeps such a result in the user's cache folder as JSON under a
key made of the inputs' names, sizes and modification times (and the code that reads them),
so that an edited checklist, a new pythainlp or a changed loader is read afresh.  The cache
is best effort: a folder that cannot be written, a file that cannot be read or a value that
does not survive JSON unchanged only means the load is done as before.  A value with a binary
form of its own (a trie's image) is kept as bytes (:func:`remembered_bytes`), read back through
a reader that refuses bytes it cannot use.

``OIT_AUDIT_CACHE`` names another folder; ``OIT_AUDIT_CACHE=off`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

from checklists.atomicfile import write_bytes
from checklists.tool import TOOL, TOOL_VERSION

CACHE_ENV = "OIT_AUDIT_CACHE"


def cache_dir() -> Path | None:
    """Where results are kept (None: not kept)."""
    chosen = os.environ.get(CACHE_ENV, "")
    if chosen.lower() == "off":
        return None
    return Path(chosen).expanduser() if chosen else Path(user_cache_dir(TOOL, appauthor=False))


def files_key(paths: Iterable[Path], *extra: str) -> str:
    """A key that changes when any of ``paths`` is added, removed or changed (name, size,
    modification time), or when ``extra`` or the tool's version does."""
    digest = hashlib.blake2b(f"{TOOL_VERSION}\0{'|'.join(extra)}".encode(), digest_size=12)
    for path in sorted(paths):
        try:
            st = path.stat()
        except OSError:
            digest.update(f"\0{path}\0-".encode())
            continue
        digest.update(f"\0{path}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return digest.hexdigest()


def remembered(name: str, key: str, build: Callable[[], Any]) -> Any:
    """``build()``'s value, read back from the cache when it was kept under ``key``."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.json"
    with contextlib.suppress(OSError, ValueError):
        value = json.loads(path.read_text(encoding="utf-8"))
        mark_used(path)
        return value
    value = build()
    _keep(folder, name, path, value)
    return value


def remembered_bytes(name: str, key: str, build: Callable[[], bytes],
                     read: Callable[[bytes], Any]) -> Any:
    """``read(build())``, from the bytes kept under ``key`` when there are some that ``read``
    accepts (it raises ``ValueError`` for bytes it cannot use: they are built again): for a
    value kept in a binary form of its own (a trie's image), not as JSON."""
    folder = cache_dir()
    if folder is None:
        return read(build())
    path = folder / f"{name}-{key}.bin"
    with contextlib.suppress(OSError, ValueError):
        value = read(path.read_bytes())
        mark_used(path)
        return value
    data = build()
    value = read(data)
    _write(folder, name, path, data, ".bin")
    return value


def mark_used(path: Path) -> None:
    """Note that ``path`` was just read: its modification time becomes now, so that the
    eviction of :func:`_write` drops the least recently USED keys.  It dropped the oldest
    written: a key read every night but written long ago went before keys written once by
    another checkout sharing the folder (nightly45's note, issue 13).  Best effort: a file
    gone or a folder that cannot be written keeps its time."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _keep(folder: Path, name: str, path: Path, value: Any) -> None:
    """Write ``value`` atomically; nothing when it is not plain JSON (see :func:`_write`)."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        if json.loads(text) != value:  # tuples, non-string keys: kept only exact values
            return
    except (TypeError, ValueError):
        return
    _write(folder, name, path, text.encode("utf-8"), ".json")


def _write(folder: Path, name: str, path: Path, data: bytes, suffix: str) -> None:
    """Write ``data`` atomically (other processes may read or write it at the same time) and
    drop the least recently used keys of ``name`` past :data:`KEEP_KEYS` (a read marks its
    key used: :func:`mark_used`)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes(path, data)  # a failed write leaves no temp file (it did: a full disk)
    except OSError:
        return
    # older keys go, but not at once: several installations (or checkouts) of different
    # versions may share the folder, and each must keep finding its own
    trim(folder, f"{name}-*{suffix}")


def trim(folder: Path, pattern: str, keep: int | None = None) -> None:
    """Drop the files of ``folder`` matching ``pattern`` past the ``keep`` (default
    :data:`KEEP_KEYS`) most recently used (written, or read and marked: :func:`mark_used`);
    best effort."""
    kept = sorted(folder.glob(pattern), key=_mtime, reverse=True)
    for old in kept[KEEP_KEYS if keep is None else keep:]:
        with contextlib.suppress(OSError):
            old.unlink()


KEEP_KEYS = 8  # values kept per name, the most recently written or read


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
