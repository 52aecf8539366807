"""Estimated scores: item 100 or 0, sub-indicator = mean of items, indicator = mean of
sub-indicators.

Source: the seed's scoring table (sub-indicator score is the mean of its items; indicator
score the mean of its sub-indicators) and ../shared/reference/ita-oit.md ("Per item: yes (100)
or no (0) ... Treat any score the tool shows as an estimate").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from statistics import mean

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


def _key(sub: str) -> tuple[int, ...]:
    return tuple(int(p) for p in sub.split("."))
