"""``oit-audit batch``: many offices in one process, a failing office never stops the others,
a batch report, and a killed batch resumes without auditing a finished office again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

from crawler.demo import serve_directory
from tests import patience, socketguard
from tests.conftest import AUDIT_HOME, ROOT, run_cli
from tests.integration.test_exit_codes import build_complete_site


def _offices(tmp_path: Path, stack: ExitStack, rows: list[tuple[str, str]]) -> Path:
    csv = tmp_path / "offices.csv"
    lines = ["name,url,checklist"]
    for name, skip in rows:
        if skip == "down":
            lines.append(f"{name},http://127.0.0.1:9/,")  # nothing listens on port 9
            continue
        root = tmp_path / name
        build_complete_site(root, skip=skip)
        url = stack.enter_context(serve_directory(root))
        lines.append(f"{name},{url},")
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return csv


def test_batch_report_ranks_offices_and_survives_a_dead_site(tmp_path):
    with ExitStack() as stack:
        csv = _offices(tmp_path, stack, [("ครบ", ""), ("ขาดโครงสร้าง", "O1"), ("ล่ม", "down")])
        result = run_cli("batch", str(csv), "--out", str(tmp_path / "out"), "--as-of",
                         "2026-05-15", "--no-external", "-s", "RETRY_TIMES=0", "-s",
                         "OIT_SECOND_CHANCE=false")
    assert result.code == 1, result.stdout + result.stderr
    batch = json.loads((tmp_path / "out" / "batch.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in batch["ranking"]] == ["ครบ", "ขาดโครงสร้าง"]
    assert batch["ranking"][0]["score"] > batch["ranking"][1]["score"]
    assert batch["items"][0]["code"] == "O1" and batch["items"][0]["offices_missing"] == 1
    assert [(f["name"], f["status"]) for f in batch["failed"]] == [("ล่ม", "site_unreachable")]
    for row in batch["ranking"]:
        assert (tmp_path / "out" / row["report"]).is_file()
    html = (tmp_path / "out" / "batch.html").read_text(encoding="utf-8")
    assert "สรุปผลการตรวจหลายหน่วยงาน" in html and batch["ranking"][1]["report"] in html


def test_bad_offices_file_points_to_the_line(tmp_path):
    """A bad offices file is told on stderr (was stdout, where a cron mail or a pipe took it
    for the batch's output): each problem at the start of a line as file:line, then what to
    do next; nothing is audited and no batch folder is written."""
    csv = tmp_path / "offices.csv"
    csv.write_text("name,url\nก,http://127.0.0.1:9/\nข,\nค,htps//x.go.th\n", encoding="utf-8")
    result = run_cli("batch", str(csv), "--out", str(tmp_path / "out"), "--lang", "en")
    assert result.code == 2
    assert result.stdout == "", result.stdout
    lines = result.stderr.splitlines()
    assert lines[0] == "the offices file cannot be used (2 problems); no office was audited:"
    assert lines[1] == f"{csv}:3: expected a website URL"
    assert lines[2].startswith(f"{csv}:4: not a site URL: 'htps//x.go.th'")
    assert lines[-1].startswith("fix the lines named above and run the same command again: "
                                "a header row (name,url,checklist,units; name and url required)")
    assert not (tmp_path / "out").exists()
    thai = run_cli("batch", str(tmp_path / "no-such.csv"), "--out", str(tmp_path / "out"))
    assert thai.code == 2 and thai.stdout == ""
    assert thai.stderr.splitlines()[1].startswith(f"{tmp_path / 'no-such.csv'}: อ่านไฟล์ไม่ได้")
    assert thai.stderr.splitlines()[-1].startswith("ตรวจชื่อและที่อยู่ของไฟล์")


def test_batch_whose_every_office_fails_before_crawling_exits(tmp_path):
    """Every office failing before the reactor starts (an unknown checklist) once left the
    batch running forever after its summary."""
    csv = tmp_path / "offices.csv"
    csv.write_text("name,url,checklist\nก,http://127.0.0.1:9/,no-such-checklist\n",
                   encoding="utf-8")
    result = run_cli("batch", str(csv), "--out", str(tmp_path / "out"), timeout=60)
    assert result.code == 2, result.stdout + result.stderr
    failed = json.loads((tmp_path / "out" / "batch.json").read_text(encoding="utf-8"))["failed"]
    assert [f["name"] for f in failed] == ["ก"] and "no-such-checklist" in failed[0]["message"]


def test_killed_batch_resumes_without_auditing_twice(tmp_path):
    out = tmp_path / "out"
    with ExitStack() as stack:
        csv = _offices(tmp_path, stack, [(f"office{n}", "") for n in range(3)])
        argv = [sys.executable, "-m", "crawler.cli", "batch", str(csv), "--out", str(out),
                "--as-of", "2026-05-15", "--no-external", "--parallel", "1"]
        env = {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT), "OIT_AUDIT_HOME": AUDIT_HOME}
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        state = out / "batch-state.jsonl"
        patience.until(lambda: proc.poll() is not None or state.exists() and
                       state.read_text(encoding="utf-8").count("\n") >= 1, 120, poll_s=0.2)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        first = [json.loads(line)["key"] for line in state.read_text().splitlines()]
        assert 1 <= len(first) < 3
        stamp = (out / first[0] / "report.json").stat().st_mtime_ns
        result = run_cli("batch", str(csv), "--out", str(out), "--as-of", "2026-05-15",
                         "--no-external")
    assert result.code == 0, result.stdout + result.stderr
    keys = [json.loads(line)["key"] for line in state.read_text().splitlines()]
    assert sorted(keys) == sorted(set(keys)) and len(keys) == 3  # each office once
    assert (out / first[0] / "report.json").stat().st_mtime_ns == stamp  # not audited again
    batch = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    assert batch["audited"] == 3 and not batch["failed"]


def test_nightly_batch_with_history_revalidates_and_records_each_office(tmp_path):
    db = tmp_path / "state" / "history.sqlite3"
    with ExitStack() as stack:
        csv = _offices(tmp_path, stack, [("office", "")])
        reports = []
        for night in (1, 2):
            out = tmp_path / f"night{night}"
            result = run_cli("batch", str(csv), "--out", str(out), "--as-of", "2026-05-15",
                             "--no-external", "--db", str(db))
            assert result.code == 0, result.stdout + result.stderr
            reports.append(json.loads(next(out.glob("*/report.json")).read_text("utf-8")))
    first, second = (r["crawl"]["network"] for r in reports)
    assert first["not_modified"] == 0 and second["not_modified"] == second["responses"] - 1
    assert second["bytes"] < first["bytes"] / 3  # robots.txt aside, every answer a 304
    assert [i["verdict"] for i in reports[1]["items"]] == \
        [i["verdict"] for i in reports[0]["items"]]
    assert len(reports[1]["history"]) == 2  # both nights recorded for the site
    assert "changes" in reports[1]
