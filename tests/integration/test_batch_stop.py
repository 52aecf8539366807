"""A stopped ``oit-audit batch`` (SIGTERM from ``systemctl stop``, or Ctrl-C to its process
group) ends as a stopped audit does: exit 3, not 1 (gaps) or 2 (could not run); every office
finished before the stop keeps its report and its line in ``batch-state.jsonl``; the batch
report is written; the same command resumes with the offices not finished, never auditing a
finished one again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests import patience, socketguard
from tests.conftest import AUDIT_HOME, ROOT, run_cli
from tests.integration.test_exit_codes import build_complete_site
from tests.nightly.sites import serve_validating

ARGS = ("--as-of", "2026-05-15", "--no-external")


def _offices(tmp_path: Path, stack: ExitStack, n: int) -> Path:
    """``n`` complete office sites, each answer 0.2 s late (a crawl of a few seconds)."""
    lines = ["name,url,checklist"]
    for i in range(n):
        root = tmp_path / f"office{i}"
        build_complete_site(root)
        url, _ = stack.enter_context(serve_validating(root, latency=0.2))
        lines.append(f"office{i},{url},")
    csv = tmp_path / "offices.csv"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return csv


@pytest.mark.parametrize("how", ["sigterm", "ctrl-c"])
def test_a_stopped_batch_exits_3_keeps_finished_offices_and_resumes(tmp_path, how):
    out = tmp_path / "out"
    state = out / "batch-state.jsonl"
    with ExitStack() as stack:
        csv = _offices(tmp_path, stack, 3)
        argv = [sys.executable, "-m", "crawler.cli", "batch", str(csv), "--out", str(out),
                *ARGS, "--parallel", "1"]
        env = {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT),
               "OIT_AUDIT_HOME": AUDIT_HOME}
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        patience.until(lambda: proc.poll() is not None or state.exists() and
                       state.read_text(encoding="utf-8").count("\n") >= 1, 180, poll_s=0.1)
        if how == "sigterm":
            proc.send_signal(signal.SIGTERM)
        else:  # the terminal sends Ctrl-C's SIGINT to the whole group (the judging worker too)
            os.killpg(proc.pid, signal.SIGINT)
        stdout, stderr = patience.communicate(proc, 180)
        assert proc.returncode == 3, stdout + stderr  # stopped: not gaps (1), not error (2)

        first = [json.loads(line) for line in state.read_text(encoding="utf-8").splitlines()]
        assert 1 <= len(first) < 3, first
        assert all(entry["status"] == "complete" for entry in first), first
        stamps = {}
        for entry in first:  # each finished office keeps its report
            report = json.loads((out / entry["key"] / "report.json").read_text(encoding="utf-8"))
            assert report["status"] == "complete"
            stamps[entry["key"]] = (out / entry["key"] / "report.json").stat().st_mtime_ns
        batch = json.loads((out / "batch.json").read_text(encoding="utf-8"))
        assert batch["audited"] == len(first)

        resumed = run_cli("batch", str(csv), "--out", str(out), *ARGS, timeout=300)
    assert resumed.code == 0, resumed.stdout + resumed.stderr
    keys = [json.loads(line)["key"] for line in state.read_text(encoding="utf-8").splitlines()]
    assert sorted(keys) == sorted(set(keys)) and len(keys) == 3  # each office once
    for key, stamp in stamps.items():  # not audited again
        assert (out / key / "report.json").stat().st_mtime_ns == stamp
    batch = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    assert batch["audited"] == 3 and not batch["failed"]
