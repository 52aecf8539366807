"""When a benchmark's repeated pairs have settled (``--until-stable`` of nightly_rerun.py and
crawl.py): on this shared 2-core machine single runs straddle a target (a plain Scrapy crawl's
CPU varied 21.5-35.9 s within 15 minutes, 2026-12-04), so pairs are repeated until their
median ratio stops moving."""

from __future__ import annotations

import statistics

STABLE_WITHIN = 0.01  # the median ratio moves less than this with each of the last two pairs


def stable(ratios: list[float], pairs: int) -> bool:
    """Whether the median of ``ratios`` has settled: at least three pairs, and the median moved
    less than :data:`STABLE_WITHIN` with each of the last two; or ``pairs`` measured."""
    if len(ratios) >= pairs:
        return True
    medians = [statistics.median(ratios[:k]) for k in range(1, len(ratios) + 1)]
    return len(ratios) >= 3 and all(abs(a - b) < STABLE_WITHIN
                                    for a, b in zip(medians[-3:-1], medians[-2:], strict=True))
