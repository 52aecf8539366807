"""The words people read that the checklists layer (and the crawler's helpers) write are data
(checklists/words.yaml, Thai and English side by side), read by one loader
(checklists/words.py) that reports/labels.py reuses: no Thai message is left in the code."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
import yaml

from checklists.words import WORDS_FILE, Words, both, pair, pick, words
from reports import labels

ROOT = Path(__file__).resolve().parents[2]
THAI = re.compile("[\u0e00-\u0e7f]")

# Modules whose messages moved to a words file; Thai left in them is data a pattern reads
# (a regular expression's source), a docstring, or listed here with why.
MOVED = ["checklists/engine.py", "checklists/fixes.py", "checklists/deadlines.py",
         "checklists/framework.py", "checklists/commands/__init__.py",
         "checklists/commands/catalog.py", "checklists/commands/console.py",
         "checklists/commands/diff.py", "checklists/commands/new.py",
         "checklists/commands/show.py", "checklists/commands/validate.py",
         "checklists/thaidates/command.py", "checklists/loader.py",
         "checklists/site/crawlnotes.py", "checklists/site/coverage.py",
         "checklists/site/health.py", "checklists/reachability.py", "checklists/unreadable.py",
         "checklists/freshness/base.py", "checklists/freshness/current_fiscal_year.py",
         "checklists/freshness/previous_fiscal_year.py", "checklists/freshness/updated_within.py",
         "checklists/freshness/monthly_coverage.py", "checklists/freshness/quarterly.py",
         "checklists/freshness/six_month_round.py", "checklists/yamlmarks.py",
         "checklists/topics.py", "checklists/vocabulary.py",
         "reports/batch.py", "reports/changes.py", "reports/labels.py", "reports/html.py",
         "reports/markdown.py", "reports/export.py", "reports/framing.py", "reports/terminal.py",
         "reports/junit.py", "reports/command.py", "reports/units.py", "reports/jsonfile.py",
         "crawler/auditcommand.py", "crawler/cli.py", "crawler/cliargs.py",
         "crawler/pathargs.py", "crawler/nightly/runner.py", "crawler/rejudge.py",
         "crawler/distributed/command.py", "crawler/nightly/command.py",
         "crawler/nightly/diffcommand.py", "crawler/democommand.py",
         "crawler/batch/command.py", "crawler/nightly/alerts.py", "crawler/nightly/duesoon.py",
         "crawler/batch/offices.py", "crawler/rendering.py", "crawler/documents/model.py",
         "crawler/documents/ocr.py", "crawler/documents/pdf.py", "crawler/documents/sharing.py",
         "crawler/progress.py", "crawler/judging.py", "crawler/nightly/history.py",
         "crawler/spiders/oit.py"]
DATA: dict[str, set[str]] = {
    # a quarter's label as missing_months stores it (relabel_month reads it back): data
    "checklists/vocabulary.py": {"ไตรมาส "},
    # the titles of Google's and Microsoft's sign-in pages in Thai: what a page says, matched
    "crawler/documents/sharing.py": {"<title>ลงชื่อเข้าใช้ - บัญชี google</title>",
                                     "<title>ต้องมีสิทธิ์เข้าถึง</title>"},
}


def thai_literals(path: Path) -> list[str]:
    """The Thai string literals of a module a person could read: not docstrings and not the
    patterns given to ``re`` (``re.compile(r"ข้อ\\s*...")`` is data, not a message)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(body, list) and body and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)):
            skip.add(id(body[0].value))
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.args):
            skip.update(id(n) for n in ast.walk(node.args[0]))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and THAI.search(node.value) and id(node) not in skip]


@pytest.mark.parametrize("path", MOVED)
def test_no_thai_message_is_left_in_the_code(path):
    left = [text for text in thai_literals(ROOT / path) if text not in DATA.get(path, set())]
    assert not left, (f"{path}: Thai words in the code {left}: move a message to "
                      "checklists/words.yaml (or reports/words.yaml above the checklists "
                      "layer); list data a pattern reads in DATA, saying why")


class _UniqueKeys(yaml.SafeLoader):
    """A loader that refuses a key given twice (plain YAML keeps the last one silently)."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        twice = {k for k in keys if keys.count(k) > 1}
        assert not twice, f"{node.start_mark}: {sorted(map(str, twice))} given twice"
        return super().construct_mapping(node, deep=deep)


@pytest.mark.parametrize("path", [WORDS_FILE, labels.WORDS_FILE], ids=["checklists", "reports"])
def test_no_word_is_given_twice(path):
    assert yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)


@pytest.mark.parametrize("path", [WORDS_FILE, labels.WORDS_FILE], ids=["checklists", "reports"])
def test_every_word_has_its_thai_and_its_english(path):
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    for section, keys in table.items():
        for key, two in keys.items():
            # en_one: an English message's form for one thing counted (checklists.words.Counted)
            assert set(two) - {"en_one"} == {"th", "en"}, (section, key)
            if "en_one" in two:
                assert "{n}" in two["en"] and not THAI.search(two["en_one"]), (section, key)
            assert type(two["th"]) is type(two["en"]), (section, key)
            if isinstance(two["th"], list):
                assert len(two["th"]) == len(two["en"]), (section, key)
            elif isinstance(two["en"], str):
                assert not THAI.search(two["en"]), (section, key)


def test_one_loader_reads_every_words_file():
    """reports/labels.py reads reports/words.yaml through checklists.words.Words."""
    assert labels.words("status", "en") is Words(labels.WORDS_FILE).words("status", "en")
    assert labels.both("export", "failed", path="/x") == \
        Words(labels.WORDS_FILE).both("export", "failed", path="/x")


def test_a_message_in_each_language():
    assert pair("deadlines", "asap", fy=2569) == (
        "โดยเร็วที่สุด ก่อนการประเมิน ITA ปีงบประมาณ 2569",
        "As soon as possible, before the ITA assessment of fiscal year 2569")
    assert pick("reasons", "broken", "en", cause="HTTP 404") == \
        "evidence link does not open: HTTP 404"
    assert both("reasons", "not_fetched") == \
        "พบลิงก์ (ไม่ได้เปิดตรวจปลายทาง) (link found (target not fetched))"
    # a value named like the loader's own arguments is still a value
    assert pair("reasons", "other_section", section="ปี 2567", fy=2569)[1] == \
        "found only under 'ปี 2567', not the assessed year 2569"
    assert words("fixes", "th") is words("fixes", "th")


def test_words_files_are_read_back_from_the_plain_data_cache_as_parsed(tmp_path,
                                                                       monkeypatch) -> None:
    """Each shipped words file survives the plain-data cache unchanged (its keys are text),
    so a process after the first reads it back instead of parsing the YAML (issue 13)."""
    from checklists import words as module

    monkeypatch.setenv("OIT_AUDIT_CACHE", str(tmp_path))
    files = (WORDS_FILE, labels.WORDS_FILE)
    try:
        for read in ("kept", "read back"):
            module._table.cache_clear()
            for path in files:
                assert module._table(path) == module._parsed(path), (read, path)
            assert len(list(tmp_path.glob("words-*.json"))) == len(files)
    finally:
        module._table.cache_clear()


def test_an_http_status_is_named_from_the_words_file() -> None:
    """The http section's codes are text keys; a record's status (an int) finds its words."""
    from checklists.site.crawlnotes import failure_reason
    from checklists.site.records import PageRecord

    record = PageRecord(url="https://example.go.th/a", final_url="https://example.go.th/a",
                        kind="page", status=404, depth=1, fetched_at="2026-12-04T18:00:00")
    assert failure_reason(record) == (words("http", "th")["404"], words("http", "en")["404"])


@pytest.mark.parametrize("path", [WORDS_FILE, labels.WORDS_FILE], ids=["checklists", "reports"])
def test_a_message_for_one_thing_fills_the_same_values(path):
    fields = {}
    for section, keys in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        for key, two in keys.items():
            if "en_one" in two:
                fields[section, key] = [{f for _, f, _, _ in string.Formatter().parse(two[w])
                                         if f} for w in ("en", "en_one")]
    assert fields
    assert {k: v for k, v in fields.items() if v[1] - {"n"} != v[0] - {"n"}} == {}


def test_an_english_message_counts_one_thing_in_the_singular():
    said = Words(labels.WORDS_FILE)
    assert said.pick("worker", "finished", "en", n=1) == "1 office finished here"
    assert said.pick("worker", "finished", "en", n=2) == "2 offices finished here"
    assert said.pick("worker", "finished", "en", n=0) == "0 offices finished here"
    assert said.pick("worker", "finished", "th", n=1) == "ตรวจเสร็จ 1 หน่วยงาน"  # no plural
    # a caller that formats the words itself gets the same choice
    assert labels.words("due_soon", "en")["days_left"].format(n=1) == "1 day left"
    assert labels.words("due_soon", "en")["days_left"].format(n=3) == "3 days left"
    assert said.pair("alerts", "new_problems", n=1)[1] == "1 new problem"
    assert pick("checklist_list", "provisional", "en", n=1) == "provisional, 1 item"
    # a count beside another value: the one that says how many things the noun counts
    assert "0 of 1 office submitted" in said.pick("batch_cmd", "submit_stopped", "en",
                                                  submitted=0, n=1)
    assert "3 of 20 offices submitted" in said.pick("batch_cmd", "submit_stopped", "en",
                                                    submitted=3, n=20)
    assert "ส่งแล้ว 0 จาก 1 หน่วยงาน" in said.pick("batch_cmd", "submit_stopped", "th",
                                                  submitted=0, n=1)
