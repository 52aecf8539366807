"""Words people read in reports, Thai first, English available."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checklists.words import Words

WORDS_FILE = Path(__file__).with_name("words.yaml")
WORDS = Words(WORDS_FILE)  # the crawler reads its own tables of reasons through it


def words(section: str, lang: str) -> dict[str, Any]:
    """A section's words in ``lang`` (``th``, or ``en``) from ``words.yaml``, where each key
    has its Thai and its English side by side: a renderer's (``fixlist``, ``itas``,
    ``batch``, ``changes``, ``html``, ``markdown``), one every report shares (``status``,
    ``matched_by``, ``limits``, ``limits_hit``) or a command's (``export``, ``audit``,
    ``audit_help``).  Read once (by :mod:`checklists.words`, the one loader of words files);
    the dict returned is shared: do not change it."""
    return WORDS.words(section, lang)


def both(section: str, key: str, **values: Any) -> str:
    """A message of ``words.yaml`` in the language being spoken (a command's ``--lang``:
    :func:`checklists.words.speaking`); where none has been chosen (the options' help), in
    Thai, then in English in brackets."""
    return WORDS.both(section, key, **values)


def said(section: str, key: str, **values: Any) -> str:
    """A message of ``words.yaml`` in the language being spoken, Thai where none has been
    chosen."""
    return WORDS.said(section, key, **values)


def text(item: dict, key: str, lang: str) -> str:
    """``item[key]`` in Thai, or ``item[key + '_en']`` in English when present."""
    if lang == "en" and item.get(f"{key}_en"):
        return str(item[f"{key}_en"])
    return str(item.get(key) or "")


def limit_words(limits: dict, lang: str) -> list[str]:
    """The crawl limits as phrases a person reads (never a Python dict or ``x=False``)."""
    t = words("limits", lang)
    out = []
    for key, value in limits.items():
        if key == "check_external":
            out.append(t["external_checked" if value else "external_not_checked"])
        elif key in t and isinstance(value, int):
            out.append(t[key].format(v=value))
        else:
            out.append(f"{key}: {value}")
    return out


def limit_hit_words(keys: list, lang: str) -> list[str]:
    """Which limits the crawl reached, in words."""
    table = words("limits_hit", lang)
    return [table.get(str(k), str(k)) for k in keys]
