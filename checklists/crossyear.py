"""The cross-year view: what an item was called in the previous year's list of its family
("this was O23 last year, O11 now"), through the topic map, never by code."""

from __future__ import annotations

from typing import Any

from checklists.model import Checklist
from checklists.topics import TopicMap


def previous_of(checklist: Checklist, topics: TopicMap) -> Checklist | None:
    """The shipped checklist of the same family with the latest earlier framework year."""
    earlier = [c for c in topics.checklists.values()
               if c.family == checklist.family and c.framework_year < checklist.framework_year]
    return max(earlier, key=lambda c: c.framework_year) if earlier else None


def last_year(topics: TopicMap, checklist: Checklist, previous: Checklist | None,
              code: str) -> dict[str, Any] | None:
    """``{checklist, framework_year, codes, renumbered}`` for ``code``: its code(s) in the
    previous list ([] when that list did not ask for it); None without a previous list."""
    if previous is None:
        return None
    mine = topics.map_id(checklist)
    if not topics.topics_of(mine, code):
        return None  # an item the topic map does not know (an office's own addition)
    codes = topics.translate(code, mine, previous.id)
    return {"checklist": previous.id, "framework_year": previous.framework_year,
            "codes": codes, "renumbered": codes != [code]}
