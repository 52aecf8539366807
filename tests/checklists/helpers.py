"""Helpers shared by the checklist tests: write a YAML file, collect a loader's problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checklists.loader import ChecklistError, load_checklist


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path, load: Callable = load_checklist) -> list[str]:
    """The problems ``load(path)`` reports (it must refuse the file)."""
    with pytest.raises(ChecklistError) as exc:
        load(path)
    return exc.value.problems
