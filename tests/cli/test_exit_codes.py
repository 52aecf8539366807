"""Every exit code has one meaning, listed by ``--help`` and the README: "stopped" (3) is told
apart from "could not run" (2), so a nightly timer knows whether to run again later or to
resume (tests/cli/test_sigterm.py and tests/nightly/test_stop_keeps_report.py exit 3 for
real; before, both were 2)."""

from __future__ import annotations

import re

from checklists.vocabulary import EXIT_ERROR, EXIT_GAPS, EXIT_OK, EXIT_STOPPED
from tests.conftest import ROOT, run_main

CODES = (EXIT_OK, EXIT_GAPS, EXIT_ERROR, EXIT_STOPPED)


def test_the_codes_are_distinct():
    assert len(set(CODES)) == 4 and EXIT_STOPPED == 3


def _listed(text: str) -> dict[int, str]:
    return {int(m[1]): m[2] for m in re.finditer(r"^  ([0-9])  (.+)$", text, re.M)}


def test_help_lists_every_exit_code():
    top = run_main("--help")
    assert top.code == 0 and set(_listed(top.stdout)) == set(CODES), top.stdout
    for command in ("audit", "demo"):
        english = run_main(command, "--lang", "en", "--help")
        listed = _listed(english.stdout)
        assert set(listed) == set(CODES), english.stdout
        assert listed[EXIT_STOPPED].startswith("stopped") and "--resume" in listed[EXIT_STOPPED]
        assert listed[EXIT_ERROR].startswith("could not run")


def test_the_readme_lists_every_exit_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    rows = {int(m[1]): m[2] for m in re.finditer(r"^\| ([0-9]) \| (.+) \|$", table, re.M)}
    assert set(rows) == set(CODES)
    assert rows[EXIT_STOPPED].startswith("it was stopped") and "stopped" not in rows[EXIT_ERROR]


def test_batch_and_worker_help_list_their_exit_codes():
    """``batch --help`` and ``worker --help`` end with their own codes, Thai first (before,
    neither said what its exit code meant: a nightly timer could not tell "fix and run
    again" (2) from "run again to resume" (3))."""
    batch = run_main("batch", "--help")
    listed = _listed(batch.stdout)
    assert batch.code == 0 and set(listed) == set(CODES), batch.stdout
    assert listed[EXIT_STOPPED].startswith("ถูกหยุด") and "(stopped" in listed[EXIT_STOPPED]
    assert "รหัสออก (exit codes):" in batch.stdout
    english = _listed(run_main("batch", "--lang", "en", "--help").stdout)
    assert "run the same command again" in english[EXIT_STOPPED]
    assert "Redis" in english[EXIT_ERROR] and "--resume" not in english[EXIT_STOPPED]
    worker = run_main("worker", "--lang", "en", "--help")
    listed = _listed(worker.stdout)
    assert worker.code == 0 and set(listed) == {EXIT_OK, EXIT_ERROR, EXIT_STOPPED}, worker.stdout
    assert listed[EXIT_STOPPED].startswith("stopped") and "given back" in listed[EXIT_STOPPED]
    assert listed[EXIT_ERROR].startswith("could not work") and "Redis" in listed[EXIT_ERROR]
