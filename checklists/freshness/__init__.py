"""Registry of freshness rules, keyed by the name used in checklist YAML.

A rule is a module with ``NAME``, ``PARAMS`` and ``check``; it may also define what it does
differently from most rules (its fix as ``FIX_STALE``/``FIX_STALE_ALL`` templates or a
``fix_stale`` function, ``deadline``, ``MAX_CANDIDATES``,
``ACROSS_CANDIDATES``, ``reads_row_context``, ``combine``, ``param_problem``); :class:`Rule` fills in the rest
from ``base.py``, so the engine asks every rule the same questions and names none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from types import ModuleType
from typing import Any

from checklists.freshness import (
    base,
    current_fiscal_year,
    monthly_coverage,
    none,
    previous_fiscal_year,
    quarterly,
    six_month_round,
    updated_within,
)
from checklists.freshness.base import Context, DatedMention, Outcome

DEFAULTS: dict[str, Any] = {
    "deadline": base.no_deadline,
    "MAX_CANDIDATES": base.MAX_CANDIDATES,
    "ACROSS_CANDIDATES": base.ACROSS_CANDIDATES,
    "reads_row_context": base.reads_any_context,
    "combine": base.combine_all,
    "param_problem": base.any_param_value,
}


@dataclass(frozen=True)
class Rule:
    """A rule module with the defaults of what it does not define."""

    NAME: str
    PARAMS: dict[str, object]
    check: Callable[..., Outcome]
    fix_stale: Callable[..., tuple[str, str]]  # default: from FIX_STALE and FIX_STALE_ALL
    deadline: Callable[..., dict[str, Any] | None]
    MAX_CANDIDATES: int
    ACROSS_CANDIDATES: bool
    reads_row_context: Callable[[str], bool]
    combine: Callable[..., list[DatedMention]]
    param_problem: Callable[[str, Any], str]

    @classmethod
    def of(cls, module: ModuleType) -> Rule:
        values = {f.name: getattr(module, f.name, DEFAULTS.get(f.name)) for f in fields(cls)}
        if values["fix_stale"] is None:
            fix_stale = getattr(module, "FIX_STALE", base.FIX_STALE)
            values["fix_stale"] = base.fix_from(fix_stale,
                                                getattr(module, "FIX_STALE_ALL", fix_stale))
        return cls(**values)


RULES: dict[str, Rule] = {
    m.NAME: Rule.of(m)
    for m in (
        none, current_fiscal_year, previous_fiscal_year, six_month_round, monthly_coverage,
        updated_within, quarterly,
    )
}

__all__ = ["RULES", "Context", "DatedMention", "Outcome", "Rule"]
