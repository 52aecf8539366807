"""Fixtures of the report tests: one real demo audit, shared by every report test."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import CliResult, run_cli


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> CliResult:
    """``oit-audit demo`` run once: its exit code, output and every report file."""
    result = run_cli("demo", out_dir=tmp_path_factory.mktemp("demo"))
    assert result.code == 1, result.stderr
    return result


@pytest.fixture(scope="session")
def demo_report(demo_run: CliResult) -> dict[str, Any]:
    """The demo's report.json."""
    return demo_run.report
