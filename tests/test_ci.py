"""CI runs what the README tells a newcomer to run, and the suite benchmark times that."""

from __future__ import annotations

import shlex

from tests.benchmarks.suite import readme_test_args
from tests.conftest import ROOT

START = "bash .ci/setup.sh && "


def _readme_command() -> str:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line.startswith(START))


def test_ci_runs_exactly_the_readme_test_command():
    lines = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines[-1] == _readme_command()


def test_suite_benchmark_times_the_readme_test_command():
    argv = shlex.split(_readme_command().removeprefix(START))
    assert argv[:3] == [".venv/bin/python", "-m", "pytest"]
    assert readme_test_args() == argv[3:]
