"""An audit killed with ``kill -9`` at random points (seeded) never loses the previous
complete report set, never mixes two runs' files, and leaves the history database whole
(issue 12).  A second audit into the same --out folder is refused (exit 2)."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reports import RENDERERS
from tests import patience, socketguard
from tests.conftest import ROOT, run_cli
from tests.nightly.sites import build_site, serve_validating

SEEDS = (1, 2, 3, 4, 5, 6)
TEXT_RENDERERS = [k for k, (name, _) in RENDERERS.items() if not name.endswith(".xlsx")]


def _argv(url: str, out: Path, db: Path, as_of: str) -> list[str]:
    return [sys.executable, "-m", "crawler.cli", "audit", url, "--out", str(out), "--db",
            str(db), "--as-of", as_of, "--no-external"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT), "COLUMNS": "200"}


def check_complete_set(out: Path) -> dict:
    """The folder's set is whole and from one run: every file renders from its report.json,
    and crawl.jsonl holds the records the report counts."""
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    for key in TEXT_RENDERERS:
        name, render = RENDERERS[key]
        assert (out / name).read_bytes() == render(report, "th").encode("utf-8"), name
    for name, _ in RENDERERS.values():
        assert (out / name).stat().st_size > 0, name
    records = (out / "crawl.jsonl").read_text(encoding="utf-8").splitlines()
    crawl = report["crawl"]
    assert len(records) == crawl["pages"] + crawl["documents"] + crawl["external"]
    return report


def check_history(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return con.execute("SELECT id, state, as_of FROM runs ORDER BY id").fetchall()
    finally:
        con.close()


def test_kill_9_at_random_points_keeps_the_last_complete_set(tmp_path, audit_home):
    site = build_site(tmp_path / "site", news=12, pdf_pages=1, scans=False)
    out, db = tmp_path / "out", tmp_path / "state" / "history.sqlite3"
    with serve_validating(site, latency=0.02) as (url, _):
        started = time.monotonic()
        first = patience.run(_argv(url, out, db, "2026-05-01"), 300, cwd=ROOT, env=_env())
        duration = time.monotonic() - started
        assert first.returncode in (0, 1), first.stdout + first.stderr
        assert check_complete_set(out)["as_of"] == "2026-05-01"
        completed = {"2026-05-01"}
        for seed in SEEDS:
            rng = random.Random(seed)
            as_of = f"2026-05-{seed + 1:02d}"
            proc = subprocess.Popen(_argv(url, out, db, as_of), cwd=ROOT, env=_env(),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    start_new_session=True)
            time.sleep(rng.uniform(0.2, duration * 1.1))
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)  # the audit and its document reader
            else:
                completed.add(as_of)  # it finished before the kill: its set is the one
            proc.wait()
            report = check_complete_set(out)
            assert report["status"] == "complete"
            # the previous complete set, or this run's when it was killed after its commit
            assert report["as_of"] in completed | {as_of}
            completed.add(report["as_of"])
            if proc.returncode in (0, 1):
                assert report["as_of"] == as_of
            runs = check_history(db)
            assert runs and runs[0][1] == "complete"
        last = run_cli("audit", url, "--db", str(db), "--as-of", "2026-05-20",
                       "--no-external", out_dir=out)
    assert last.code in (0, 1), last.stdout + last.stderr
    assert check_complete_set(out)["as_of"] == "2026-05-20"
    assert not (out / ".oit-staging").exists()
    runs = check_history(db)
    assert runs[-1][1:] == ("complete", "2026-05-20")
    assert all(state != "running" for _, state, _ in runs)  # killed runs were settled


def test_second_audit_into_the_same_folder_is_refused(tmp_path, audit_home):
    site = build_site(tmp_path / "site", news=8, pdf_pages=1, scans=False)
    out = tmp_path / "out"
    with serve_validating(site, latency=0.05) as (url, _):
        first = subprocess.Popen(_argv(url, out, tmp_path / "a.sqlite3", "2026-05-15"),
                                 cwd=ROOT, env=_env(), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        patience.until((out / ".oit-staging").exists, 60)
        other = build_site(tmp_path / "other", news=1, pdf_pages=1, scans=False)
        with serve_validating(other) as (url2, _):
            second = run_cli("audit", url2, "--db", str(tmp_path / "b.sqlite3"),
                             "--as-of", "2026-05-15", "--no-external", out_dir=out)
        stdout, stderr = patience.communicate(first, 300)
    assert second.code == 2 and "Traceback" not in second.stdout + second.stderr
    assert "--out" in second.stdout and str(first.pid) in second.stdout
    assert first.returncode in (0, 1), stdout + stderr
    report = check_complete_set(out)
    assert report["site"].startswith(url.rstrip("/"))
