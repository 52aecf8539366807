"""A stopped audit never replaces the report users read: SIGTERM while crawling publishes the
run's partial (``interrupted``) report beside the last finished one, in ``OUT/interrupted/``,
and exits 3 (stopped), not 2 (could not run); ``--resume`` continues from it and its finished
report takes the folder's place.  Before: the partial report replaced OUT's complete one, and
the exit code was 2, as for a site that is down."""

from __future__ import annotations

import json
import signal
import sqlite3

from tests import patience
from tests.conftest import run_cli
from tests.nightly.sites import build_site, serve_validating
from tests.nightly.test_resume import _result, _start

SHOWN = ("report.json", "report.html", "report.md", "crawl.jsonl")


def _shown(out) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in SHOWN}


def test_a_stop_while_crawling_keeps_the_last_complete_report(tmp_path, state_home):
    site = build_site(tmp_path / "site", news=36, pdf_pages=1, scans=False)
    db = tmp_path / "state" / "history.sqlite3"
    out = tmp_path / "out"
    args = ("--db", str(db), "--as-of", "2026-05-15", "--no-external")
    with serve_validating(site, latency=0.1) as (url, _):
        first = run_cli("audit", url, *args, out_dir=out)
        assert first.code in (0, 1), first.stdout + first.stderr
        assert first.report["status"] == "complete"
        before = _shown(out)

        proc = _start(url, out, db)
        growing = out / ".oit-staging" / "crawl.jsonl"
        patience.until(lambda: proc.poll() is not None or growing.exists()
                       and growing.read_bytes().count(b"\n") >= 25, 90)
        proc.send_signal(signal.SIGTERM)  # systemctl stop: Scrapy stops gracefully
        stdout, stderr = patience.communicate(proc, 120)
        assert proc.returncode == 3, stdout + stderr  # stopped: not "could not run" (2)

        assert _shown(out) == before  # where users read it: the complete report, unchanged
        partial = json.loads((out / "interrupted" / "report.json").read_text(encoding="utf-8"))
        assert partial["status"] == "interrupted" and partial["items"] == []
        assert (out / "interrupted" / "report.html").is_file()
        assert str(out / "interrupted" / "report.json") in stdout.replace("\n", "")
        assert "--resume" in stdout
        recorded = len((out / "interrupted" / "crawl.jsonl").read_bytes().splitlines())

        resumed = run_cli("audit", url, *args, "--resume", out_dir=out)
    assert resumed.code in (0, 1), resumed.stdout + resumed.stderr
    assert resumed.report["status"] == "complete"
    assert not (out / "interrupted").exists()  # older than the report OUT now shows
    assert _result(out) == _result_of(before)
    urls = [json.loads(line)["url"] for line in (out / "crawl.jsonl").read_bytes().splitlines()]
    assert len(urls) == len(set(urls)) > recorded  # continued from the stopped run's records

    with sqlite3.connect(db) as history:  # history keeps both runs
        runs = history.execute("SELECT state, finish_reason, exit_code FROM runs ORDER BY id")
        assert runs.fetchall() == [("complete", "finished", first.code),
                                   ("incomplete", "shutdown", 3),
                                   ("complete", "finished", resumed.code)]


def _result_of(files: dict[str, bytes]) -> dict[str, tuple[str, list[str]]]:
    report = json.loads(files["report.json"])
    return {i["code"]: (i["verdict"], [e["url"] for e in i["evidence"]])
            for i in report["items"]}
