"""The crawl benchmark's record of each run (tests/benchmarks/crawl.py): its CPU seconds and
the conditions it ran in, and ``--bytecode``'s compiled copy of the project
(tests/benchmarks/installed.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.benchmarks.crawl import conditions, measure
from tests.benchmarks.installed import PACKAGES, installed


def test_each_run_is_given_in_order_with_its_conditions(tmp_path: Path):
    spin = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.2: pass"
    runs = [measure([sys.executable, "-c", spin], dict(os.environ), tmp_path / f"{n}.log")
            for n in range(2)]
    for run in runs:
        assert run["cpu"] >= 0.2  # the child's own CPU seconds (os.wait4)
        assert run["load"] >= 0 and run["waits"] >= 0 and run["preempted"] >= 0
    figures = conditions(runs, runs[:1])
    assert figures["audit_cpu_each"] == [round(r["cpu"], 2) for r in runs]
    assert figures["plain_waits_each"] == [runs[0]["waits"]]
    assert set(figures) == {f"{kind}_{key}_each" for kind in ("audit", "plain")
                            for key in ("cpu", "load", "waits", "preempted")}


def test_the_installed_copy_has_every_module_compiled(tmp_path: Path):
    folder = installed(tmp_path / "installed")
    for package in PACKAGES:
        sources = list((folder / package).rglob("*.py"))
        assert sources
        for source in sources:
            cached = list((source.parent / "__pycache__").glob(f"{source.stem}.*.pyc"))
            assert cached, source
