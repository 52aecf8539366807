"""Every message a command says follows its ``--lang``: Thai by default, English with
``--lang en`` (checklists/words.py ``speaking``); only the options' help and argparse's own
refusals, said before the command line is read, give both when ``--lang`` is not on it."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml

from checklists.words import WORDS_FILE, both, in_spoken, speaking, spoken
from crawler.cli import lang_given
from reports.labels import WORDS_FILE as REPORT_WORDS_FILE
from tests.conftest import run_main

THAI = re.compile("[\u0e00-\u0e7f]")
# the sections of the words files whose messages a command says (``both``): either side may
# now stand alone, so each must name every value the other does; the report's own sections
# (reasons, fixes, freshness...) are stored with both sides and may differ
SAID = {WORDS_FILE: ("checklist_file", "yaml_file", "glue", "checklist_problems", "topics_file",
                     "units"),
        REPORT_WORDS_FILE: ("audit", "report", "units", "jsonfile", "cli", "args", "nightly",
                            "rejudge", "worker", "runs", "batch_cmd", "crawl", "history_db",
                            "urls", "paths")}
# an unusable checklist: an unknown key, an unknown unit, a parameter of the wrong type
BAD_CHECKLIST = """extends: nacc-oit-2569
items:
  O11:
    owner: nobody
    freshness: {rule: updated_within, days: many}
colour: red
"""


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("path", list(SAID), ids=lambda p: p.parent.name)
def test_each_language_of_a_said_message_names_the_same_values(path: Path):
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    differ = [f"{section}.{key}: th {_names(pair['th'])}, en {_names(pair['en'])}"
              for section in SAID[path] if section in table
              for key, pair in table[section].items()
              if isinstance(pair, dict) and isinstance(pair.get("th"), str)
              and _names(pair["th"]) != _names(pair["en"])]
    assert not differ, differ


def test_speaking_chooses_one_language_and_none_gives_both():
    assert both("glue", "example", value=6) == "เช่น 6 (e.g. 6)"
    with speaking("en"):
        assert both("glue", "example", value=6) == "e.g. 6" and spoken() == "en"
        assert in_spoken("ไทย", "English") == "English"
        with speaking("th"):
            assert both("glue", "example", value=6) == "เช่น 6"
        assert spoken() == "en"
    assert spoken() == "th" and in_spoken("ไทย", "English", sep=" / ") == "ไทย / English"


@pytest.mark.parametrize(("argv", "lang"), [
    (["audit", "x", "--lang", "en"], "en"), (["audit", "--lang=en", "x"], "en"),
    (["audit", "x"], None), (["audit", "--lang", "fr"], None), (["audit", "--lang"], None),
    (["report", "--lang", "en", "--lang", "th"], "th"), (["audit", "--", "--lang", "en"], None),
])
def test_the_language_on_the_command_line_is_found_before_parsing(argv, lang):
    assert lang_given(argv) == lang


def _validate(path: Path, *lang: str) -> str:
    result = run_main("checklist", "validate", str(path), *lang)
    assert result.code == 2, (result.stdout, result.stderr)
    return result.stdout


def test_the_checklist_problems_follow_lang(tmp_path):
    """The header, every problem's words and what to do next in the language asked (issue:
    ``--lang en`` left the header Thai and each problem "Thai (English)")."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_CHECKLIST, encoding="utf-8")
    english = _validate(bad, "--lang", "en")
    assert english.startswith("invalid checklist:"), english
    assert f"{bad}:6:1: at (top level): unknown key colour; allowed: " in english
    assert "fix the file at the positions shown and run again" in english
    assert not THAI.search(english), english
    thai = _validate(bad)
    assert thai == _validate(bad, "--lang", "th")
    assert thai.startswith("แบบตรวจ (checklist) ไม่ถูกต้อง:"), thai
    assert f"{bad}:6:1: at (top level): ไม่รู้จักคีย์ colour; ใช้ได้: " in thai
    assert "(unknown key" not in thai and "invalid checklist" not in thai


def test_a_wrong_parameter_is_said_in_lang(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_CHECKLIST.replace("colour: red\n", ""), encoding="utf-8")
    english = _validate(bad, "--lang", "en")
    assert "unknown unit 'nobody'; known: " in english
    assert "wrong type: expected a whole number from 0, e.g. " in english
    assert "; found 'many'" in english and not THAI.search(english), english
    thai = _validate(bad)
    assert "ไม่รู้จักหน่วยงาน 'nobody'; ที่มี: " in thai
    assert "ค่าไม่ถูกชนิด: ต้องเป็น จำนวนเต็ม 0 ขึ้นไป, เช่น " in thai
    assert "แต่พบ 'many'" in thai and "found" not in thai, thai


def test_an_unknown_checklist_id_is_said_in_lang(tmp_path):
    english = run_main("checklist", "show", "nacc-oit-2556", "--lang", "en")
    assert english.code == 2 and "did you mean nacc-oit-25" in english.stderr
    assert not THAI.search(english.stderr), english.stderr
    thai = run_main("checklist", "show", "nacc-oit-2556")
    assert thai.code == 2 and "หมายถึง nacc-oit-25" in thai.stderr
    assert "did you mean" not in thai.stderr


def test_checklist_takes_lang_before_its_sub_command_too():
    """``oit-audit checklist --lang en show ...`` says the same as ``--lang en`` after the
    sub-command (it was refused: "invalid choice: 'en'"); a sub-command's default does not
    undo a ``--lang`` given before it."""
    before = run_main("checklist", "--lang", "en", "show", "nacc-oit-2556")
    after = run_main("checklist", "show", "nacc-oit-2556", "--lang", "en")
    assert before.code == after.code == 2, before.stderr
    assert before.stderr == after.stderr and "did you mean nacc-oit-25" in before.stderr
    listed = run_main("checklist", "--lang", "en", "list")
    assert listed.code == 0 and "family" in listed.stdout and not THAI.search(listed.stdout)
    assert THAI.search(run_main("checklist", "list").stdout)


@pytest.mark.parametrize("command", [["audit", "https://www.example.go.th"], ["report", "x"],
                                     ["checklist", "validate", "x"], ["schedule", "--cron"]])
def test_help_is_in_both_languages_without_lang_and_english_with_it(command):
    both_help = run_main(*command, "--help")
    assert both_help.code == 0 and THAI.search(both_help.stdout), both_help.stdout
    english = run_main(*command, "--lang", "en", "--help")
    assert english.code == 0 and english.stdout.startswith("usage:"), english.stdout
    assert not THAI.search(english.stdout), english.stdout
