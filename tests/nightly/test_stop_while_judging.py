"""Ctrl-C or SIGTERM once the crawl has ended, while the audit judges, stops it at once with a
stop's guarantees (tests/nightly/test_stop_keeps_report.py): exit 3, the folder keeps the last
finished report, the stopped run's partial report and records go to OUT/interrupted/, the
history row is ``incomplete``, and ``--resume`` ends with the same verdicts without fetching
anything twice.  Before: Scrapy's handlers, left in place after its crawl, did nothing, so the
signal was ignored until the judging had ended (measured: exit 1, a complete report)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading

from tests import patience, socketguard
from tests.conftest import ROOT, run_cli
from tests.nightly.sites import build_site, serve_validating
from tests.nightly.test_resume import _result
from tests.nightly.test_stop_keeps_report import _result_of, _shown


def _stopped_at_crawl_end(url: str, out, db, signum: int) -> tuple[int, str, str]:
    """An audit (``--verbose``: Scrapy logs its spider's close) sent ``signum`` as soon as its
    crawl has ended."""
    argv = [sys.executable, "-m", "crawler.cli", "audit", url, "--out", str(out), "--db",
            str(db), "--as-of", "2026-05-15", "--no-external", "--verbose"]
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH":
                                            socketguard.subprocess_pythonpath(ROOT)})
    errors: list[str] = []
    output: list[str] = []
    sent: list[bool] = []

    def watch() -> None:  # this thread alone reads stderr (communicate would race it)
        for line in proc.stderr:
            errors.append(line)
            if "Spider closed" in line and not sent:
                proc.send_signal(signum)
                sent.append(True)

    readers = [threading.Thread(target=watch),
               threading.Thread(target=lambda: output.append(proc.stdout.read()))]
    for reader in readers:
        reader.start()
    try:
        proc.wait(patience.stretched(180))
    finally:
        if proc.poll() is None:
            proc.kill()
        for reader in readers:
            reader.join()
    assert sent, "".join(errors)
    return proc.returncode, "".join(output), "".join(errors)


def test_a_stop_while_judging_ends_the_audit_as_a_stop(tmp_path, state_home):
    site = build_site(tmp_path / "site", news=36, pdf_pages=1, scans=False)
    db = tmp_path / "state" / "history.sqlite3"
    out = tmp_path / "out"
    args = ("--db", str(db), "--as-of", "2026-05-15", "--no-external")
    with serve_validating(site) as (url, _):
        first = run_cli("audit", url, *args, out_dir=out)
        assert first.code in (0, 1), first.stdout + first.stderr
        before = _shown(out)

        code, stdout, stderr = _stopped_at_crawl_end(url, out, db, signal.SIGTERM)
        assert code == 3, stdout + stderr  # was 1: the signal waited for the judging
        assert "Traceback" not in stderr
        assert _shown(out) == before
        partial = json.loads((out / "interrupted" / "report.json").read_text(encoding="utf-8"))
        assert partial["status"] == "interrupted" and partial["items"] == []
        assert "--resume" in stdout
        recorded = len((out / "interrupted" / "crawl.jsonl").read_bytes().splitlines())
        assert recorded == len(before["crawl.jsonl"].splitlines())  # the whole crawl is kept

        resumed = run_cli("audit", url, *args, "--resume", out_dir=out)
    assert resumed.code == first.code, resumed.stdout + resumed.stderr
    assert resumed.report["status"] == "complete"
    assert not (out / "interrupted").exists()
    assert _result(out) == _result_of(before)
    urls = [json.loads(line)["url"] for line in (out / "crawl.jsonl").read_bytes().splitlines()]
    assert len(urls) == len(set(urls)) == recorded  # nothing fetched twice
    with sqlite3.connect(db) as history:
        runs = history.execute("SELECT state, exit_code FROM runs ORDER BY id").fetchall()
    assert runs == [("complete", first.code), ("incomplete", 3), ("complete", first.code)]
