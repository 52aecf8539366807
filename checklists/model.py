"""The checklist as typed data: what a YAML checklist file becomes after validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Unit:
    """A responsible unit of the office (a group or division)."""

    id: str
    th: str
    en: str


@dataclass(frozen=True)
class FindSpec:
    """How evidence of an item is recognised on a site."""

    codes: tuple[str, ...]
    link_texts: tuple[str, ...]
    url_words: tuple[str, ...]
    keywords: tuple[str, ...]
    exclude: tuple[str, ...]


@dataclass(frozen=True)
class RuleSpec:
    """A named rule with its parameters, e.g. ``monthly_coverage`` with ``grace_days``."""

    rule: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    """One disclosure item of the checklist."""

    code: str
    subindicator: str
    title_th: str
    title_en: str
    requires_th: str
    requires_en: str
    owner: str
    find: FindSpec
    freshness: RuleSpec
    reachability: RuleSpec
    notes: str = ""

    @property
    def indicator(self) -> int:
        """The indicator number (9 or 10) from the sub-indicator."""
        return int(self.subindicator.split(".")[0])


@dataclass(frozen=True)
class Band:
    """A grade band of the framework's scale."""

    label: str
    label_en: str
    min: float


@dataclass(frozen=True)
class Checklist:
    """A whole checklist: one evaluator family and framework year."""

    id: str
    version: str
    family: str
    framework_year: int
    title_th: str
    title_en: str
    scale: tuple[Band, ...]
    pass_score: float
    units: dict[str, Unit]
    subindicators: dict[str, dict[str, str]]
    items: tuple[Item, ...]
    source: str = ""

    def unit(self, unit_id: str) -> Unit:
        """The unit with ``unit_id`` (a placeholder unit when unknown)."""
        return self.units.get(unit_id) or Unit(unit_id, unit_id, unit_id)

    def band(self, score: float) -> Band:
        """The band that ``score`` falls in."""
        for band in sorted(self.scale, key=lambda b: -b.min):
            if score >= band.min:
                return band
        return self.scale[-1]
