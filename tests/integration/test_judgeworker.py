"""A batch's judging worker (crawler/batch/judgeworker.py): a worker killed in the middle of
an office's judging never costs that office (nor a later one) its report, and a set the
worker renamed but never showed is taken back to be published."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import ExitStack

from crawler.batch.judgeworker import _take_back_staging
from crawler.demo import serve_directory
from reports import output_folder
from reports.outdir import CRAWL_LOG, SETS
from tests import socketguard
from tests.conftest import AUDIT_HOME, ROOT
from tests.integration.test_exit_codes import build_complete_site

# oit-audit batch, with the worker's judging replaced by a kill -9 of the worker itself
DIES_IN_WORKER = """
import os, signal, sys
import crawler.batch.judgeworker as jw
parent, real = os.getpid(), jw.judge_and_publish

def dies_in_worker(run, info):
    if os.getpid() != parent:  # in the forked worker: killed while judging
        os.kill(os.getpid(), signal.SIGKILL)
    return real(run, info)

jw.judge_and_publish = dies_in_worker
from crawler.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_killed_worker_loses_no_office_report(tmp_path):
    driver = tmp_path / "driver.py"
    driver.write_text(DIES_IN_WORKER, encoding="utf-8")
    with ExitStack() as stack:
        lines = ["name,url"]
        for name, skip in (("ครบ", ""), ("ขาดโครงสร้าง", "O1"), ("ขาดแผน", "O10")):
            build_complete_site(tmp_path / name, skip=skip)
            lines.append(f"{name},{stack.enter_context(serve_directory(tmp_path / name))}")
        (tmp_path / "offices.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT),
               "OIT_AUDIT_HOME": os.environ.get("OIT_AUDIT_HOME", AUDIT_HOME)}
        proc = subprocess.run(
            [sys.executable, str(driver), "batch", str(tmp_path / "offices.csv"), "--out",
             str(tmp_path / "out"), "--as-of", "2026-05-15", "--no-external", "--parallel",
             "1", "--verbose"], capture_output=True, text=True, timeout=600, cwd=ROOT, env=env)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # two offices have a gap
    assert "the judging worker died" in proc.stderr  # at the first office: judged here
    batch = json.loads((tmp_path / "out" / "batch.json").read_text(encoding="utf-8"))
    assert batch["audited"] == 3 and not batch["failed"]
    missing = {r["name"]: r["missing"] for r in batch["ranking"]}
    assert missing == {"ครบ": 0, "ขาดโครงสร้าง": 1, "ขาดแผน": 1}
    state = [json.loads(line) for line in
             (tmp_path / "out" / "batch-state.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(e["status"] for e in state) == ["complete"] * 3
    for row in batch["ranking"]:
        report = json.loads((tmp_path / "out" / row["report"]).with_name("report.json")
                            .read_text(encoding="utf-8"))
        assert report["status"] == "complete" and report["items"]


def test_a_set_renamed_but_never_shown_becomes_the_staging_folder_again(tmp_path):
    folder = output_folder(tmp_path / "office")
    staging = folder.begin()
    (staging / CRAWL_LOG).write_text('{"url": "http://x/"}\n', encoding="utf-8")
    (tmp_path / "office" / SETS).mkdir()
    os.replace(staging, tmp_path / "office" / SETS / "1-2")  # the worker died right here
    _take_back_staging(tmp_path / "office")
    assert (staging / CRAWL_LOG).read_text(encoding="utf-8") == '{"url": "http://x/"}\n'
    _take_back_staging(tmp_path / "office")  # a staging folder with its records stays
    assert (staging / CRAWL_LOG).is_file()
    assert not list((tmp_path / "office" / SETS).iterdir())
