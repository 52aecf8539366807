"""A large regular expression compiled once per installation instead of once per process.

Python compiles a pattern in pure Python (``re._parser`` and ``re._compiler``) and keeps it
only for the life of the process.  The Thai date finder's one pattern of every date form
(``checklists/thaidates/patterns/``, about 27,000 characters) took about 0.2 CPU-s to
compile in every ``oit-audit`` process, a tenth of a nightly re-audit's start-up (issue 13).
:func:`kept_pattern` keeps what the compiler made of it (SRE's code words, the group
numbers and names: plain lists and dicts) in the user's cache folder
(:mod:`checklists.plaincache`) under a key of the pattern, its flags, the Python version and
SRE's magic number, and gives it to ``_sre.compile`` as ``re.compile`` itself does;
``_sre.compile`` checks the code before it accepts it.  Anything unexpected (another Python,
a damaged file, no cache folder) compiles the pattern as before.

:func:`keep_compiled` does the same for every other pattern an ``oit-audit`` process compiles
(ours and its libraries': Scrapy's, Twisted's, w3lib's...): about 680 patterns in an audit,
0.14-0.18 CPU-s of each process's start-up (load 8), as much as a twelfth of a nightly
re-audit's CPU (issue 13).  They are kept together, one file per Python version
(:data:`BUNDLE`), each under its text, type and flags, and given to ``_sre.compile`` as
``re._compiler.compile`` would give them; a pattern not yet kept is compiled as before and
kept when the process ends.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import hashlib
import json
import re
import sys
import time
from array import array
from typing import Any

from checklists.plaincache import _write, cache_dir, mark_used, remembered

try:  # CPython's own compiler: what re.compile runs (Python 3.11 and later)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another implementation: re.compile only
    _sre = None


def _compiled_parts(pattern: str | bytes, flags: int) -> dict[str, Any]:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, as plain data."""
    parsed = _parser.parse(pattern, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return {"flags": flags | parsed.state.flags, "code": list(_compiler._code(parsed, flags)),
            "groups": parsed.state.groups - 1, "groupindex": groupindex,
            "indexgroup": indexgroup}


def kept_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its compiled form read from the cache when kept.

    The code words are kept as the base64 of their 32-bit words, as :data:`BUNDLE` keeps
    them: the date pattern's 120,000 words as a JSON list took 17-38 ms to read back in
    every process (2026-12-06, load 8), as one string 3-15 ms (issue 13)."""
    if _sre is None or flags & re.DEBUG or _sre.CODESIZE != array("I").itemsize:
        return re.compile(pattern, flags)
    key = hashlib.blake2b(f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0b64\0{flags}\0"
                          f"{pattern}".encode("utf-8", "surrogatepass"),
                          digest_size=12).hexdigest()
    try:
        parts = remembered("regex", key, lambda: _kept_parts(pattern, flags))
        code = array("I")
        code.frombytes(base64.b64decode(parts["code"], validate=True))
        return _sre.compile(pattern, parts["flags"], code.tolist(), parts["groups"],
                            parts["groupindex"], tuple(parts["indexgroup"]))
    except Exception:  # noqa: BLE001 - a foreign or damaged entry: compile it here
        return re.compile(pattern, flags)


def _kept_parts(pattern: str, flags: int) -> dict[str, Any]:
    """:func:`_compiled_parts` with the code words as base64 text (see :func:`kept_pattern`)."""
    parts = _compiled_parts(pattern, flags)
    parts["code"] = base64.b64encode(array("I", parts["code"]).tobytes()).decode("ascii")
    return parts


BUNDLE = "regexes"  # the cache's name for the patterns keep_compiled() keeps
BUNDLE_MAX = 4000  # patterns kept at most (patterns made from a site's data come and go)
# a process rewrites the bundle only when what it compiled anew took this long: a few
# patterns differ from process to process (built from a set, in the hash seed's order: two
# of the standard library's or a library's in every audit), and rewriting the whole bundle
# for them in every process would cost more than compiling them
WORTH_KEEPING_S = 0.01
# pattern text, whether it is bytes, flags -> what _sre.compile takes after the pattern (the
# code words as the bytes of 32-bit words in base64: read back in half the time of a list)
_Parts = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_Row = list[Any]  # a bundle's entry as kept: text, is bytes, flags, then _Parts (code: str)
_kept: dict[tuple[str, bool, int], _Row] = {}  # read from the bundle, not asked for yet
_known: set[tuple[str, bool, int]] = set()  # in the bundle (asked for, or not)
_new: dict[tuple[str, bool, int], _Parts] = {}  # compiled by this process, not kept yet
_plain_compile: Any = None  # re._compiler.compile, once keep_compiled() has replaced it
_new_cpu = [0.0]  # CPU-s this process spent compiling the patterns of _new


def _bundle_path() -> Any:
    folder = cache_dir()
    if folder is None or _sre is None or _sre.CODESIZE != array("I").itemsize:
        return None
    key = hashlib.blake2b(f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode(),
                          digest_size=12).hexdigest()
    return folder / f"{BUNDLE}-{key}.json"


def _key(pattern: str | bytes, flags: int) -> tuple[str, bool, int]:
    if isinstance(pattern, bytes):
        return pattern.decode("latin-1"), True, flags
    return pattern, False, flags


def _kept_compile(pattern: Any, flags: int = 0) -> Any:
    """``re._compiler.compile``: a pattern kept is handed to ``_sre.compile`` as that function
    hands it (the same code words, groups and flags: the same Pattern); one not kept is
    compiled as there, and noted to be kept."""
    if not isinstance(pattern, str | bytes) or flags & re.DEBUG:
        return _plain_compile(pattern, flags)
    key = _key(pattern, flags)
    row = _kept.pop(key, None)  # compiled once: re keeps it, or compiles it again below
    if row is not None:
        try:
            code = array("I")
            code.frombytes(base64.b64decode(row[4], validate=True))
            return _sre.compile(pattern, row[3], code.tolist(), row[5], row[6],
                                tuple(row[7]))
        except Exception:  # noqa: BLE001 - a damaged entry: compiled afresh, kept anew
            _known.discard(key)
    started = time.process_time()
    try:
        made = _compiled_parts(pattern, flags)
        parts = (made["flags"], made["code"], made["groups"], made["groupindex"],
                 tuple(made["indexgroup"]))
        compiled = _sre.compile(pattern, *parts)
    except re.error:
        raise  # a bad pattern: the error re.compile gives
    except Exception:  # noqa: BLE001 - re's private parts changed: compile as re does
        return _plain_compile(pattern, flags)
    if key not in _known:
        _new[key] = parts
        _new_cpu[0] += time.process_time() - started
    return compiled


def keep_compiled() -> None:
    """Compile this process's regular expressions from the kept bundle (see the module
    docstring), and keep those it compiles anew when it ends.  Once per process; nothing
    when there is no cache folder or no CPython ``_sre``."""
    global _plain_compile
    path = _bundle_path()
    if path is None or _plain_compile is not None:
        return
    with contextlib.suppress(OSError, ValueError, TypeError, IndexError):
        _kept.update(((row[0], row[1], row[2]), row) for row in json.loads(path.read_bytes()))
        mark_used(path)
    _known.update(_kept)
    _plain_compile = _compiler.compile
    _compiler.compile = _kept_compile
    atexit.register(_keep_new)


def _keep_new() -> None:
    """Add what this process compiled anew to the bundle (read again first: other processes
    may have added theirs), this process's patterns first when it is full; not when they
    took less than :data:`WORTH_KEEPING_S` to compile."""
    path = _bundle_path()
    if path is None or not _new or _new_cpu[0] < WORTH_KEEPING_S:
        return
    rows = [[*key, flags, base64.b64encode(array("I", code).tobytes()).decode("ascii"),
             *rest] for key, (flags, code, *rest) in _new.items()]
    new = set(_new)
    _new.clear()
    with contextlib.suppress(OSError, ValueError, TypeError, IndexError):
        rows += [row for row in json.loads(path.read_bytes()) if tuple(row[:3]) not in new]
    data = json.dumps(rows[:BUNDLE_MAX], separators=(",", ":")).encode("ascii")
    _write(path.parent, BUNDLE, path, data, ".json")
