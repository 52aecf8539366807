"""A stopped ``oit-audit batch`` (SIGTERM from ``systemctl stop``, or Ctrl-C to its process
group) ends as a stopped audit does: exit 3, not 1 (gaps) or 2 (could not run); every office
finished before the stop keeps its report and its line in ``batch-state.jsonl``; the batch
report is written; the same command resumes with the offices not finished, never auditing a
finished one again."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests import patience, socketguard
from tests.conftest import AUDIT_HOME, ROOT, run_cli
from tests.integration.test_exit_codes import build_complete_site
from tests.nightly.sites import build_site, serve_validating

ARGS = ("--as-of", "2026-05-15", "--no-external")


def _offices(tmp_path: Path, stack: ExitStack, n: int, latency: float = 0.2,
             first: tuple[str, ...] = ()) -> Path:
    """``n`` complete office sites after the rows ``first``, each answer ``latency`` s late
    (a crawl of a few seconds)."""
    lines = ["name,url,checklist", *first]
    for i in range(n):
        root = tmp_path / f"office{i}"
        build_complete_site(root)
        url, _ = stack.enter_context(serve_validating(root, latency=latency))
        lines.append(f"office{i},{url},")
    csv = tmp_path / "offices.csv"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return csv


def _start(csv: Path, out: Path, *more: str, group: bool = False) -> subprocess.Popen:
    """The batch of ``csv`` one office at a time, started (``group``: in a process group of
    its own, as a terminal's foreground job)."""
    argv = [sys.executable, "-m", "crawler.cli", "batch", str(csv), "--out", str(out), *ARGS,
            "--parallel", "1", *more]
    env = {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT),
           "OIT_AUDIT_HOME": AUDIT_HOME}
    return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=group)


@pytest.mark.parametrize("how", ["sigterm", "ctrl-c"])
def test_a_stopped_batch_exits_3_keeps_finished_offices_and_resumes(tmp_path, how):
    out = tmp_path / "out"
    state = out / "batch-state.jsonl"
    with ExitStack() as stack:
        csv = _offices(tmp_path, stack, 3)
        proc = _start(csv, out, group=True)
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


def test_an_office_judged_while_the_batch_stops_is_kept_and_no_run_stays_running(tmp_path):
    """SIGTERM while the judging worker judges a finished crawl and the next office crawls:
    Scrapy ends the reactor once that crawl has stopped, before the worker answers.  The
    office the worker then publishes is recorded done (its batch-state line, its history run
    complete), the office stopped mid-crawl is recorded stopped (``incomplete``, 3), and no
    history run is left ``running``.  Before: the published office had no line (audited
    again on resume) and both runs stayed ``running``."""
    out, db = tmp_path / "out", tmp_path / "history.sqlite3"
    with ExitStack() as stack:
        # judged for seconds, while the next office is crawled
        big = build_site(tmp_path / "big", news=150, pdf_pages=1, scans=False)
        url, _ = stack.enter_context(serve_validating(big))
        csv = _offices(tmp_path, stack, 2, latency=0.3, first=(f"big,{url},",))
        proc = _start(csv, out, "--full", "--db", str(db))

        def folders() -> list[Path]:
            return sorted(d for d in out.iterdir() if d.is_dir()) if out.exists() else []

        # the second office's folder: the first office's crawl has ended and is being judged
        patience.until(lambda: proc.poll() is not None or len(folders()) >= 2, 240,
                       poll_s=0.02)
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = patience.communicate(proc, 240)
        assert proc.returncode == 3, stdout + stderr

        published = {d.name for d in folders() if (d / "report.json").exists() and json.loads(
            (d / "report.json").read_text(encoding="utf-8"))["status"] == "complete"}
        done = {json.loads(line)["key"]: json.loads(line)["status"]
                for line in (out / "batch-state.jsonl").read_text(encoding="utf-8")
                .splitlines()} if (out / "batch-state.jsonl").exists() else {}
        assert published and done == dict.fromkeys(published, "complete")
        with sqlite3.connect(db) as history:
            runs = history.execute("SELECT state, finish_reason, exit_code FROM runs "
                                   "ORDER BY id").fetchall()
        assert runs[0][0] == "complete" and ("incomplete", "interrupted", 3) in runs[1:]
        assert all(state != "running" for state, _, _ in runs), runs

        resumed = run_cli("batch", str(csv), "--out", str(out), *ARGS, "--full", "--db",
                          str(db), timeout=600)
    assert resumed.code in (0, 1), resumed.stdout + resumed.stderr
    keys = [json.loads(line)["key"] for line in (out / "batch-state.jsonl").read_text(
        encoding="utf-8").splitlines()]
    assert sorted(keys) == sorted(set(keys)) and len(keys) == 3  # each office once
