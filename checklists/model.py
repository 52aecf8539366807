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
    provisional: bool = False  # taken from a single agency's site, not the evaluator's manual
    sources: tuple[str, ...] = ()  # ids of the checklist's sources this item rests on
    origin: str = ""  # the base checklist's code it was renumbered from (``from:``), if any

    @property
    def indicator(self) -> int:
        """The indicator number (9 or 10) from the sub-indicator."""
        return int(self.subindicator.split(".")[0])


@dataclass(frozen=True)
class Source:
    """Where a checklist's contents come from."""

    id: str
    text: str
    url: str = ""
    single_agency: bool = False


@dataclass(frozen=True)
class Change:
    """One change a checklist makes to the one it extends, as its author wrote it."""

    th: str
    en: str


@dataclass(frozen=True)
class Band:
    """A grade band of the framework's scale."""

    label: str
    label_en: str
    min: float
    each_tool_min: float | None = None  # 2566+: IIT, EIT and OIT must each reach this too


@dataclass(frozen=True)
class Scoring:
    """How the framework computes its scores (checklist ``scoring:``)."""

    method: str = "bands"  # "bands" (to 2565) or "labels" (2566+)
    tools: dict[str, float] = field(default_factory=lambda: {"iit": 30, "eit": 30, "oit": 40})
    oit_indicators: tuple[int, ...] = (9, 10)


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
    sources: dict[str, Source] = field(default_factory=dict)
    changes: tuple[Change, ...] = ()
    extends: str = ""  # the id of the checklist this one extends ("" for a base file)
    removed: tuple[str, ...] = ()  # base codes this checklist dropped (``remove:``)
    scoring: Scoring = field(default_factory=Scoring)

    @property
    def provisional_codes(self) -> tuple[str, ...]:
        """Codes of the items whose contents are provisional."""
        return tuple(i.code for i in self.items if i.provisional)

    @property
    def provisional(self) -> bool:
        """Whether any item is provisional (the report says so)."""
        return bool(self.provisional_codes)

    def item(self, code: str) -> Item | None:
        """The item with ``code`` (None when this checklist has no such code)."""
        return next((i for i in self.items if i.code == code), None)

    def unit(self, unit_id: str) -> Unit:
        """The unit with ``unit_id`` (a placeholder unit when unknown)."""
        return self.units.get(unit_id) or Unit(unit_id, unit_id, unit_id)

    def band(self, score: float) -> Band:
        """The band that ``score`` falls in."""
        for band in sorted(self.scale, key=lambda b: -b.min):
            if score >= band.min:
                return band
        return self.scale[-1]
