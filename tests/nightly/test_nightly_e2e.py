"""Done-when of the nightly issue: two audits of the demo site in a row, with one item changed
between them, give a diff naming exactly that item, an alert by e-mail and webhook, and a
history of two runs."""

from __future__ import annotations

import json
import shutil
from importlib.resources import as_file, files

from crawler.demo import DEMO_AS_OF, serve_directory
from tests.conftest import run_cli, run_main
from tests.nightly.sites import build_site

CHANGE_KEYS = ("regressed", "worsened", "new_missing_months", "fixed", "improved", "moved",
               "replaced", "added", "removed")


def _codes(changes: dict) -> dict[str, list[str]]:
    return {k: [e["code"] for e in changes.get(k) or []] for k in CHANGE_KEYS}


def test_two_nightly_runs_name_exactly_the_changed_item(tmp_path, state_home, smtp_server,
                                                       webhook_server, monkeypatch):
    host, port, inbox = smtp_server
    hook_url, hooks = webhook_server
    env = {"OIT_SMTP_HOST": host, "OIT_SMTP_PORT": str(port), "OIT_SMTP_SECURITY": "none",
           "OIT_ALERT_TO": "webmaster@example.go.th", "OIT_WEBHOOK_URL": hook_url}
    site = tmp_path / "site"
    with as_file(files("crawler.demo_site") / "site") as demo:
        shutil.copytree(demo, site)
    db = tmp_path / "state" / "history.sqlite3"
    args = ("--db", str(db), "--as-of", DEMO_AS_OF, "--no-external", "--fail-on", "regression")

    with serve_directory(site) as url:
        first = run_cli("audit", url, *args, out_dir=tmp_path / "r1", env=env)
        assert first.code == 0, first.stdout + first.stderr  # the baseline: nothing new
        assert first.report["changes"]["baseline"] is None
        mails_after_first = len(inbox.messages)

        (site / "files" / "action-plan-2569.pdf").unlink()  # O10's evidence disappears
        second = run_cli("audit", url, *args, out_dir=tmp_path / "r2", env=env)

    # exit code fits cron: 1 = new problems (with --fail-on regression)
    assert second.code == 1, second.stdout + second.stderr
    changes = second.report["changes"]
    assert changes["baseline"]["run_id"] == 1
    assert _codes(changes) == {**{k: [] for k in CHANGE_KEYS}, "regressed": ["O10"]}
    o10 = changes["regressed"][0]
    assert (o10["before"], o10["after"]) == ("pass", "broken")
    assert "O10" in second.stdout  # the terminal says what changed

    # the report's sections: markdown and HTML show the change and the score history
    md = (tmp_path / "r2" / "report.md").read_text(encoding="utf-8")
    assert "เปลี่ยนแปลงจากการตรวจครั้งก่อน" in md and "O10" in md
    html = (tmp_path / "r2" / "report.html").read_text(encoding="utf-8")
    assert 'id="changes"' in html and "history-chart" in html and "วันที่ตรวจ" in html
    assert [p["run_id"] for p in second.report["history"]] == [1, 2]

    # alerts: e-mail and webhook, naming the regressed item
    assert len(inbox.messages) > mails_after_first
    mail = inbox.messages[-1]
    assert mail["to"] == ["webmaster@example.go.th"]
    assert "O10" in mail["body"] and "ปัญหาใหม่" in mail["subject"]
    event = hooks[-1]["json"]["event"]
    assert [c["code"] for c in event["changes"]["regressed"]] == ["O10"]
    assert "O10" in hooks[-1]["json"]["text"]

    # history of two runs, and the diff command agrees with the report
    hist = run_main("history", url, "--db", str(db), "--json")
    runs = json.loads(hist.stdout)["runs"]
    assert [(r["id"], r["state"]) for r in runs] == [(2, "complete"), (1, "complete")]
    assert runs[0]["regressed"] == 1
    diff = run_main("diff", "--db", str(db), "--json")
    assert diff.code == 1
    assert _codes(json.loads(diff.stdout))["regressed"] == ["O10"]
    table = run_main("history", url, "--db", str(db))
    assert table.code == 0 and "\x1b" not in table.stdout


def test_cron_output_has_no_control_characters(tmp_path, state_home):
    """Under cron (no terminal) the output is plain lines: no colours, no cursor moves."""
    site = build_site(tmp_path / "site", news=3, pdf_pages=1, scans=False)
    with serve_directory(site) as url:
        result = run_cli("audit", url, "--as-of", DEMO_AS_OF, "--no-external",
                         out_dir=tmp_path / "out")
    assert result.code in (0, 1), result.stderr
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert "oit-audit done: pages=" in result.stderr  # the plain progress line
    # without --db the per-user database (here: OIT_AUDIT_HOME) keeps the history
    assert (state_home / "history.sqlite3").is_file()
