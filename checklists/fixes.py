"""What would make an item pass, in Thai and English, by verdict.

Wording for webmasters: each fix names the item, the period the assessor expects and where
to put it.  A stale item's fix comes from its freshness rule (each rule module's
``fix_stale``); periods come from the as-of date through the rules, never the wall clock.
"""

from __future__ import annotations

from checklists import freshness
from checklists.model import Item
from checklists.words import pair


def fix_for(item: Item, verdict: str, fiscal_year: int, missing_months: list[str],
            unreachable: bool = False) -> tuple[str, str]:
    """(Thai fix, English fix) for an item with ``verdict``."""
    if verdict == "pass":
        return "", ""
    values = {"code": item.code, "title_th": item.title_th, "title_en": item.title_en,
              "requires_th": item.requires_th, "requires_en": item.requires_en,
              "fy": fiscal_year}
    if verdict == "broken" and unreachable:
        return pair("fixes", "unreachable", **values)
    if verdict in ("missing", "broken", "unverified"):
        return pair("fixes", verdict, **values)
    return freshness.RULES[item.freshness.rule].fix_stale(item, fiscal_year, missing_months)
