"""The project's own modules kept compiled in the plain-data cache when Python writes no
bytecode: imported first by ``crawler.cli``, which is what installs it.

With ``PYTHONDONTWRITEBYTECODE`` set (containers often set it; this machine's environment
does) a checkout's 130-odd modules of ``checklists``, ``crawler`` and ``reports`` were
compiled from source by every ``oit-audit`` process: 0.1-0.2 CPU-s of the 0.8-1.0 that a
batch's imports took, paid again each night by a re-audit (issue 13;
``tests/benchmarks/nightly_rerun.py``, whose ``--bytecode`` measures an installed package).
Python only reads and writes bytecode beside the source (``__pycache__``), which that
setting forbids; the tool's cache folder (:mod:`checklists.plaincache`, already holding the
date finder's compiled pattern and the report template compiled by Jinja2) is its own.

Each module's code object is kept under a key of its file's path, size and modification
time and of Python's bytecode magic number, as Python keys its own ``.pyc`` files (path,
size, time), with a digest of the marshalled code in front of it: a damaged entry is
compiled again.  A module that has a ``.pyc`` of Python's own (an installed package) is
loaded by Python as always, as is everything when Python writes bytecode itself or the cache
is off (``OIT_AUDIT_CACHE=off``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec, PathFinder, SourceFileLoader
from types import CodeType, ModuleType

from checklists.plaincache import cache_dir, remembered_bytes

PACKAGES = ("checklists", "crawler", "reports")  # pyproject.toml's packages
DIGEST_SIZE = 16


class KeptCodeLoader(SourceFileLoader):
    """A source module's loader whose code comes from the plain-data cache when kept."""

    def get_code(self, fullname: str) -> CodeType | None:
        path = self.get_filename(fullname)
        try:
            pyc = importlib.util.cache_from_source(path)
            if os.path.exists(pyc):  # Python's own bytecode (an installed package)
                return super().get_code(fullname)
            st = os.stat(path)
        except (NotImplementedError, OSError):
            return super().get_code(fullname)
        key = hashlib.blake2b(
            f"{path}\0{st.st_size}\0{st.st_mtime_ns}".encode() + importlib.util.MAGIC_NUMBER,
            digest_size=12,
        ).hexdigest()
        return remembered_bytes(f"code-{fullname}", key, lambda: _kept(self, fullname, path), _code)


def _kept(loader: SourceFileLoader, fullname: str, path: str) -> bytes:
    """The module compiled from its source, marshalled behind its digest."""
    code = loader.source_to_code(loader.get_data(path), path)
    data = marshal.dumps(code)
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest() + data


def _code(kept: bytes) -> CodeType:
    """The code object of :func:`_kept`'s bytes; ``ValueError`` for bytes that are not."""
    digest, data = kept[:DIGEST_SIZE], kept[DIGEST_SIZE:]
    if hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest() != digest:
        raise ValueError("damaged kept code")
    try:
        code = marshal.loads(data)
    except (EOFError, TypeError) as exc:
        raise ValueError(f"no kept code: {exc}") from exc
    if not isinstance(code, CodeType):
        raise ValueError("no kept code")
    return code


class KeptCodeFinder(MetaPathFinder):
    """Finds the project's modules as Python does, loading their source through
    :class:`KeptCodeLoader`."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname.partition(".")[0] not in PACKAGES:
            return None
        spec = PathFinder.find_spec(fullname, path, target)
        if spec is None or type(spec.loader) is not SourceFileLoader or not spec.origin:
            return spec
        spec.loader = KeptCodeLoader(fullname, spec.origin)
        return spec


def install() -> bool:
    """Put :class:`KeptCodeFinder` first on ``sys.meta_path`` when Python writes no bytecode
    and the cache is on; whether it is there."""
    if any(isinstance(f, KeptCodeFinder) for f in sys.meta_path):
        return True
    if not sys.dont_write_bytecode or cache_dir() is None:
        return False
    sys.meta_path.insert(0, KeptCodeFinder())
    return True


install()
