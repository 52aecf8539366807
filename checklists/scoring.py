"""Estimated scores as each framework computes them.

Source: the seed's scoring table (item 100 or 0, sub-indicator = mean of its items, indicator =
mean of its sub-indicators, OIT = mean of indicators 9 and 10, tools weighted IIT 30 / EIT 30 /
OIT 40) and ../shared/reference/ita-oit.md, "Scoring" (bands AA-F up to 2565; from 2566 the
labels ผ่านดีเยี่ยม / ผ่านดี also need IIT, EIT and OIT each at 95 / 85; "Treat any score the
tool shows as an estimate"). The seed's figures fit exactly: indicator 9 = 75.92, indicator
10 = 93.75, OIT = 40 x 84.835 / 100 = 33.93, total with IIT 28.38 and EIT 29.19 = 91.50, band A.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import mean

from checklists.model import Band, Checklist
from checklists.vocabulary import VERDICTS


def item_score(verdict: str) -> float:
    """100 for a pass, 0 otherwise (an unverified item is not counted as a yes)."""
    return 100.0 if verdict == "pass" else 0.0


def subindicator_scores(results: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Scores by sub-indicator from (sub-indicator, verdict) pairs."""
    groups: dict[str, list[float]] = defaultdict(list)
    for sub, verdict in results:
        groups[sub].append(item_score(verdict))
    return {sub: round(mean(scores), 2) for sub, scores in sorted(groups.items(),
                                                                   key=lambda kv: _key(kv[0]))}


def indicator_score(sub_scores: dict[str, float], indicator: int) -> float | None:
    """Mean of the sub-indicator scores of ``indicator`` (None when it has none)."""
    values = [v for k, v in sub_scores.items() if k.split(".")[0] == str(indicator)]
    return round(mean(values), 2) if values else None


def verdict_counts(verdicts: Iterable[str]) -> dict[str, int]:
    """How many items have each verdict (every verdict present, zero included)."""
    counts = dict.fromkeys(VERDICTS, 0)
    for v in verdicts:
        counts[v] += 1
    return counts


@dataclass(frozen=True)
class Estimate:
    """The scores the framework would compute from the items' verdicts (an estimate)."""

    indicators: dict[int, float]  # indicator number -> score (0-100)
    oit_percent: float | None  # mean of the OIT's indicators (0-100)
    oit_points: float | None  # the OIT's points out of its weight
    oit_weight: float
    iit: float | None = None  # points the coordinator gave (last year's)
    eit: float | None = None
    total: float | None = None  # IIT + EIT + OIT points, when IIT and EIT are given
    band: Band | None = None
    basis: str = "indicator9"  # what the band is read from: "total" or "indicator9"
    tool_percents: dict[str, float] = field(default_factory=dict)  # each tool out of 100
    held_back: Band | None = None  # a label the total reaches but a tool under its minimum


def band_of(checklist: Checklist, score: float, tool_percents: dict[str, float] | None = None
            ) -> tuple[Band, Band | None]:
    """The band of ``score`` and, when a label's per-tool condition fails, that label.

    Bands are tried best first (file order among equal minimums); a band with
    ``each_tool_min`` needs every tool at that percentage too. Without tool scores (a band
    read from indicator 9 alone) the per-tool condition cannot be checked and is not applied.
    """
    held_back = None
    for band in sorted(checklist.scale, key=lambda b: -b.min):
        if score < band.min:
            continue
        if band.each_tool_min is not None and tool_percents is not None and any(
                v < band.each_tool_min for v in tool_percents.values()):
            held_back = held_back or band
            continue
        return band, held_back
    return checklist.scale[-1], held_back


def estimate(checklist: Checklist, sub_scores: dict[str, float], iit: float | None = None,
             eit: float | None = None) -> Estimate:
    """The framework's scores from sub-indicator scores, with the total and its band when the
    coordinator gives last year's IIT and EIT points (``--iit 28.38 --eit 29.19``)."""
    scoring = checklist.scoring
    indicators = {n: s for n in sorted({int(k.split(".")[0]) for k in sub_scores})
                  if (s := indicator_score(sub_scores, n)) is not None}
    parts = [indicators[n] for n in scoring.oit_indicators if n in indicators]
    oit_percent = round(mean(parts), 2) if parts else None
    weight = scoring.tools["oit"]
    oit_points = round(weight * mean(parts) / 100, 2) if parts else None
    base = Estimate(indicators, oit_percent, oit_points, weight)
    if iit is not None and eit is not None and oit_points is not None:
        tools = {"iit": _percent(iit, scoring.tools["iit"]),
                 "eit": _percent(eit, scoring.tools["eit"]), "oit": mean(parts)}
        total = round(iit + eit + weight * mean(parts) / 100, 2)
        band, held = band_of(checklist, total, tools)
        return Estimate(indicators, oit_percent, oit_points, weight, iit, eit, total, band,
                        "total", {k: round(v, 2) for k, v in tools.items()}, held)
    ind9 = indicators.get(9)
    if ind9 is None:
        return base
    band, _ = band_of(checklist, ind9)
    return Estimate(indicators, oit_percent, oit_points, weight, iit, eit, None, band)


def _percent(points: float, weight: float) -> float:
    return 100 * points / weight if weight else 0.0


def _key(sub: str) -> tuple[int, ...]:
    return tuple(int(p) for p in sub.split("."))
