"""Registry of freshness rules, keyed by the name used in checklist YAML."""

from __future__ import annotations

from types import ModuleType

from checklists.freshness import (
    current_fiscal_year,
    monthly_coverage,
    none,
    previous_fiscal_year,
    six_month_round,
    updated_within,
)
from checklists.freshness.base import Context, DatedMention, Outcome

RULES: dict[str, ModuleType] = {
    m.NAME: m
    for m in (
        none, current_fiscal_year, previous_fiscal_year, six_month_round, monthly_coverage,
        updated_within,
    )
}

__all__ = ["RULES", "Context", "DatedMention", "Outcome"]
