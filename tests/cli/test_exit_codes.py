"""Every exit code has one meaning, listed by ``--help`` and the README: "stopped" (3) is told
apart from "could not run" (2), so a nightly timer knows whether to run again later or to
resume (tests/cli/test_sigterm.py and tests/nightly/test_stop_keeps_report.py exit 3 for
real; before, both were 2)."""

from __future__ import annotations

import re

from checklists.vocabulary import EXIT_ERROR, EXIT_GAPS, EXIT_OK, EXIT_STOPPED
from crawler.cli import COMMAND_EXITS, COMMANDS
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


def test_every_command_help_lists_its_exit_codes():
    """Every command's ``--help`` (and each ``checklist`` sub-command's) ends with its exit
    codes, Thai first with the English in brackets, or in English alone with ``--lang en``
    (before, ``rejudge``, ``report``, ``diff``, ``history``, ``schedule``, ``dates`` and
    ``checklist`` said nothing of theirs: a script could not tell "could not run" from
    "stopped")."""
    assert set(COMMAND_EXITS) | {"audit", "demo", "batch", "worker"} == set(COMMANDS)
    helps = [((name,), COMMAND_EXITS[name]) for name in COMMAND_EXITS]
    helps += [(("checklist", sub), COMMAND_EXITS["checklist"])
              for sub in ("list", "show", "validate", "diff", "new")]
    for words, codes in helps:
        thai = run_main(*words, "--help")
        listed = _listed(thai.stdout)
        assert thai.code == 0 and tuple(listed) == codes, (words, thai.stdout)
        assert "รหัสออก (exit codes):" in thai.stdout, words
        for line in listed.values():  # Thai, then its English in brackets
            assert re.match(r"^[^(a-z]*[\u0e00-\u0e7f].* \([a-z].+\)$", line), (words, line)
        assert listed[EXIT_STOPPED].startswith("ถูกหยุด"), (words, listed)
        # --help first: ``dates`` and ``checklist`` itself have no --lang of their own
        english = _listed(run_main(*words, "--help", "--lang", "en").stdout)
        assert tuple(english) == codes, words
        assert english[EXIT_STOPPED] == ("stopped by Ctrl-C or SIGTERM before it finished: "
                                         "run the same command again"), english
        assert "run again" in english[EXIT_ERROR], english
    rejudge = _listed(run_main("rejudge", "--lang", "en", "--help").stdout)
    assert rejudge[EXIT_GAPS] == "gaps found at the new date"
    assert rejudge[EXIT_ERROR].startswith("could not judge: report.json or crawl.jsonl")
    diff = _listed(run_main("diff", "--lang", "en", "--help").stdout)
    assert diff[EXIT_GAPS].startswith("new problems")
