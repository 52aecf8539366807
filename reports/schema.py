"""The JSON Schema of ``report.json`` (``reports/report.schema.json``, Draft 2020-12)."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match


@cache
def report_schema() -> dict[str, Any]:
    """The schema document."""
    return json.loads((files("reports") / "report.schema.json").read_text(encoding="utf-8"))


def report_problems(report: Any, limit: int = 20) -> list[str]:
    """What is wrong with ``report``, each as ``at <path>: <message>`` (empty when valid)."""
    validator = Draft202012Validator(report_schema())
    errors = sorted(validator.iter_errors(report), key=lambda e: list(map(str, e.path)))
    out = []
    for error in errors[:limit]:
        if error.context:  # oneOf/anyOf: the closest alternative says more
            error = best_match(error.context)
        path = "/".join(str(p) for p in error.absolute_path) or "(root)"
        message = error.message if len(error.message) <= 160 else error.message[:157] + "..."
        line = f"at {path}: {message}"
        if line not in out:
            out.append(line)
    return out
