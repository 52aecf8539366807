"""The demo keeps a stable identity across runs: the second run reports no change, downloads
nothing again, and is recorded in the default history; history/diff take the site's URL and
ask which site when several could be meant."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys

import pytest

from crawler.demo import DEMO_AS_OF, demo_site_key
from tests import patience, socketguard
from tests.conftest import ROOT, run_cli, run_main

NO_CHANGE = "ไม่มีการเปลี่ยนแปลง"


@pytest.fixture(scope="module")
def twice(demo_audit, tmp_path_factory):
    """The session's demo run (the first in its history folder), then a second one there."""
    home, env = demo_audit.home, demo_audit.env
    second = run_cli("demo", out_dir=tmp_path_factory.mktemp("two"), env=env)
    return home, env, demo_audit.result, second


def test_demo_records_history_by_default(twice):
    home, _, first, second = twice
    assert (first.code, second.code) == (1, 1), second.stderr
    db = sqlite3.connect(home / "history.sqlite3")
    key = demo_site_key(DEMO_AS_OF)
    assert key.startswith("demo@")
    assert db.execute("SELECT COUNT(*) FROM runs WHERE site_key = ?", (key,)).fetchone()[0] == 2


def test_second_run_shows_no_change(twice):
    _, _, first, second = twice
    assert "127.0.0.1" not in json.dumps(second.report)  # no server port in any URL
    assert "http://demo-office.localhost/" in second.stdout
    assert "ย้ายไป URL ใหม่" not in second.stdout and NO_CHANGE in second.stdout
    assert second.report["changes"]["regressed"] == []
    assert first.verdicts() == second.verdicts()


def test_second_run_downloads_nothing_again(twice):
    home, *_ = twice
    db = sqlite3.connect(home / "history.sqlite3")
    (b1, r1, n1), (b2, r2, n2) = db.execute(
        "SELECT network_bytes, requests, not_modified FROM runs ORDER BY id").fetchall()
    assert b1 > 500_000 and b2 < b1 / 20, (b1, b2)
    assert n1 == 0 and n2 >= 40 and r2 == r1, (r1, n1, r2, n2)


def test_diff_and_history_take_the_url(twice):
    _, env, *_ = twice
    diff = run_main("diff", env=env)
    assert diff.code == 0 and NO_CHANGE in diff.stdout, diff.stdout + diff.stderr
    for site in ("http://demo-office.localhost/", "demo-office.localhost", "demo"):
        history = run_main("history", site, env=env)
        assert history.code == 0 and "64.42" in history.stdout, history.stderr


def test_diff_asks_which_site_when_several(twice, tmp_path, serve_app):
    _, env, *_ = twice
    url, _ = serve_app(lambda path: (200, {}, b"<html><title>x</title><body>hi</body></html>"))
    run_cli("audit", url, "--as-of", "2026-05-15", out_dir=tmp_path, env=env)
    result = run_main("diff", env=env)
    assert result.code == 2 and result.stdout == ""
    assert "--site" in result.stderr and "demo" in result.stderr and "127.0.0.1" in result.stderr
    chosen = run_main("diff", "--site", "http://demo-office.localhost/", env=env)
    assert chosen.code == 0 and NO_CHANGE in chosen.stdout
    unknown = run_main("history", "https://nowhere.example.go.th", env=env)
    assert unknown.code == 2 and "demo" in unknown.stderr and unknown.stdout == ""


def test_another_copy_of_the_tool_starts_its_own_demo_history(twice, tmp_path):
    """The history is the user's, shared by every copy of oit-audit; the demo's site comes
    with the code, so another clone's first demo is a first run (it once compared itself
    with run "#15" of another clone), and this copy's history is left as it was."""
    home, env, first, _ = twice
    shared = tmp_path / "home"
    shutil.copytree(home, shared)  # the user's history after this copy's two demos
    clone = tmp_path / "clone"
    for package in ("checklists", "crawler", "reports"):
        shutil.copytree(ROOT / package, clone / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path / "out"
    proc = patience.run([sys.executable, "-m", "crawler.cli", "demo", "--out", str(out)], 240,
                        cwd=clone, env={**os.environ, "COLUMNS": "200",
                                        "PYTHONPATH": socketguard.subprocess_pythonpath(clone),
                                        "OIT_AUDIT_HOME": str(shared)})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["changes"]["baseline"] is None and NO_CHANGE not in proc.stdout
    assert {i["code"]: i["verdict"] for i in report["items"]} == first.verdicts()
    db = sqlite3.connect(shared / "history.sqlite3")
    runs = db.execute("SELECT site_key, network_bytes FROM runs WHERE site_url LIKE ? "
                      "ORDER BY id", ("%demo-office.localhost%",)).fetchall()
    mine = demo_site_key(DEMO_AS_OF)
    assert [key for key, _ in runs[:2]] == [mine, mine]
    (theirs, received), = runs[2:]
    assert theirs.startswith("demo@") and theirs != mine
    assert received > 500_000  # downloaded as a first run: no cache of this copy's taken
    history = run_main("history", "demo", env={**env, "OIT_AUDIT_HOME": str(shared)})
    assert history.code == 0, history.stdout + history.stderr  # this copy's, not a question
    assert mine in history.stdout and theirs not in history.stdout
