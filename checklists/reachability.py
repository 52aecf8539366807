"""Reachability rules, keyed by the name used in checklist YAML.

``any``: evidence anywhere on the site counts.  ``from_home``: the evidence must be at most
``max_clicks`` clicks from the home page (the seed: O30's channel must be reachable from, or
linked to, the office's main website).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checklists.words import pick

RULES: dict[str, dict[str, Any]] = {"any": {}, "from_home": {"max_clicks": 1}}


@dataclass(frozen=True)
class Reach:
    """Whether evidence meets the rule, and why not."""

    ok: bool
    reason_th: str = ""
    reason_en: str = ""


def check(rule: str, params: dict[str, Any], clicks: int | None) -> Reach:
    """Decide ``rule`` for evidence ``clicks`` clicks from home (None: not linked at all)."""
    if rule == "any":
        return Reach(True)
    limit = int(params.get("max_clicks", RULES["from_home"]["max_clicks"]))
    if clicks is not None and clicks <= limit:
        return Reach(True)
    where = "not_linked" if clicks is None else "clicks_away"
    return Reach(False, *(
        pick("reachability", "too_far", lang, n=limit,
             where=pick("reachability", where, lang, n=clicks))
        for lang in ("th", "en")))
