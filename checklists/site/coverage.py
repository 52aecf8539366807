"""Which parts of the site the crawler was kept out of by robots.txt, in words.

An item whose evidence lies behind a ``Disallow`` line was not checked: it is neither missing
nor broken.  The engine marks such items ``unverified`` ("not checked: robots.txt disallows
/ita/") and the report's status is ``incomplete``.  Paths that hold no public information
(admin and login pages, which WordPress and Joomla disallow by default) do not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from checklists.words import pair

NOT_PUBLIC = re.compile(r"^/(?:wp-admin|wp-login|administrator|admin|login|user/login|cgi-bin"
                        r"|wp-json|xmlrpc|feed)(?:[/.?]|$)", re.IGNORECASE)
MAX_SHOWN = 3


def robots_disallowed(records: Iterable[Any]) -> list[str]:
    """Paths of site pages and documents robots.txt kept the crawler out of, shortest
    first, a path under another one left out (``/ita/`` covers ``/ita/o1.html``)."""
    paths = {urlsplit(r.url).path or "/" for r in records
             if r.error == "robots" and r.kind != "external"}
    kept: list[str] = []
    for path in sorted(paths, key=lambda p: (len(p), p)):
        if not NOT_PUBLIC.match(path) and not any(path.startswith(k) for k in kept):
            kept.append(path)
    return kept


def shown(paths: list[str]) -> str:
    """``/ita/, /docs/`` (at most a few, then how many more)."""
    more = len(paths) - MAX_SHOWN
    return ", ".join(paths[:MAX_SHOWN]) + (f" (+{more})" if more > 0 else "")


def not_checked(paths: list[str]) -> tuple[str, str]:
    """The per-item reason, Thai and English."""
    where = shown(paths)
    return pair("robots", "not_checked", where=where)


def not_checked_fix(paths: list[str]) -> tuple[str, str]:
    where = shown(paths)
    return pair("robots", "fix", where=where)


def incomplete_message(paths: list[str]) -> dict[str, str]:
    """The report's message for a run kept out of part of the site."""
    where = shown(paths)
    th, en = pair("robots", "incomplete", where=where)
    return {"th": th, "en": en,
            "cause": "robots"}
