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
"""

from __future__ import annotations

import hashlib
import re
import sys
from typing import Any

from checklists.plaincache import remembered

try:  # CPython's own compiler: what re.compile runs (Python 3.11 and later)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another implementation: re.compile only
    _sre = None


def _compiled_parts(pattern: str, flags: int) -> dict[str, Any]:
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
    """``re.compile(pattern, flags)``, its compiled form read from the cache when kept."""
    if _sre is None or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = hashlib.blake2b(f"{sys.version}\0{_sre.MAGIC}\0{flags}\0{pattern}".encode(
        "utf-8", "surrogatepass"), digest_size=12).hexdigest()
    try:
        parts = remembered("regex", key, lambda: _compiled_parts(pattern, flags))
        return _sre.compile(pattern, parts["flags"], parts["code"], parts["groups"],
                            parts["groupindex"], tuple(parts["indexgroup"]))
    except Exception:  # noqa: BLE001 - a foreign or damaged entry: compile it here
        return re.compile(pattern, flags)
