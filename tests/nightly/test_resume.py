"""An audit stopped by a signal continues with --resume, to the result of an uninterrupted run;
the incremental cache makes a second audit of an unchanged site cheap."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests import patience, socketguard
from tests.conftest import ROOT, run_cli, run_main
from tests.nightly.sites import build_site, serve_validating


def _result(out: Path) -> dict[str, tuple[str, list[str]]]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {i["code"]: (i["verdict"], [e["url"] for e in i["evidence"]])
            for i in report["items"]}


def _start(url: str, out: Path, db: Path) -> subprocess.Popen:
    argv = [sys.executable, "-m", "crawler.cli", "audit", url, "--out", str(out), "--db",
            str(db), "--as-of", "2026-05-15", "--no-external"]
    return subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT)})


def test_interrupted_audit_resumes_to_the_same_result(tmp_path, state_home):
    site = build_site(tmp_path / "site", news=36, pdf_pages=1, scans=False)  # ~60 pages, ~60 documents
    db = tmp_path / "state" / "history.sqlite3"
    out = tmp_path / "interrupted"
    with serve_validating(site, latency=0.1) as (url, _):  # slow-ish: time to interrupt
        proc = _start(url, out, db)
        jsonl = out / "crawl.jsonl"
        growing = out / ".oit-staging" / "crawl.jsonl"  # published when the run ends
        # Count whole lines in bytes: the file is being written, and its last line may end
        # in half a Thai character.
        patience.until(lambda: proc.poll() is not None or growing.exists()
                       and growing.read_bytes().count(b"\n") >= 25, 90)
        proc.send_signal(signal.SIGINT)  # Scrapy stops gracefully and keeps its JOBDIR
        stdout, stderr = patience.communicate(proc, 120)
        assert proc.returncode == 3, stdout + stderr  # stopped (exit 2: could not run)
        stopped = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert stopped["status"] == "interrupted" and stopped["items"] == []
        assert "--resume" in stdout
        recorded = len(jsonl.read_text(encoding="utf-8").splitlines())

        resumed = run_cli("audit", url, "--db", str(db), "--as-of", "2026-05-15",
                          "--no-external", "--resume", out_dir=out)
        reference = run_cli("audit", url, "--no-history", "--as-of", "2026-05-15",
                            "--no-external", out_dir=tmp_path / "reference")

    assert resumed.code in (0, 1), resumed.stdout + resumed.stderr
    assert reference.code in (0, 1), reference.stdout + reference.stderr
    assert resumed.report["status"] == "complete"
    assert _result(out) == _result(tmp_path / "reference")
    urls = [json.loads(line)["url"] for line in
            (out / "crawl.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(urls) == len(set(urls)) > recorded  # continued, nothing fetched twice
    assert not (out / ".oit-job").exists()  # a finished run leaves no job to resume

    history = json.loads(run_main("history", url, "--db", str(db), "--json").stdout)["runs"]
    assert [(r["state"], r["resumed_from"]) for r in history] == [("complete", 1),
                                                                   ("incomplete", None)]


def test_second_audit_of_an_unchanged_site_revalidates(tmp_path, state_home):
    site = build_site(tmp_path / "site", news=6, pdf_pages=2, scans=False)
    db = tmp_path / "state" / "history.sqlite3"
    args = ("--db", str(db), "--as-of", "2026-05-15", "--no-external")
    with serve_validating(site) as (url, counts):
        first = run_cli("audit", url, *args, out_dir=tmp_path / "r1")
        full_answers = counts.get("200", 0)
        second = run_cli("audit", url, *args, out_dir=tmp_path / "r2")
    n1, n2 = first.report["crawl"]["network"], second.report["crawl"]["network"]
    assert n2["not_modified"] >= n1["responses"] - 4  # all but 404s and robots.txt
    assert counts["200"] - full_answers <= 4
    assert n2["bytes"] < 0.1 * n1["bytes"]
    assert n2["text_cache_hits"] >= second.report["crawl"]["documents"] - 5
    assert _result(tmp_path / "r1") == _result(tmp_path / "r2")
