"""`oit-audit dates`: JSON lines out of Thai text, from --text or stdin, whole or per line."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import pytest

from checklists.thaidates.command import register, run
from tests import patience

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "สขร.1 ประจำเดือน ต.ค. 68\nพ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ. 2540\nโทร. 0-4300-9867\n"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="oit-audit")
    register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def run_with_stdin(argv: list[str], stdin: str) -> tuple[int, list[dict]]:
    args = parse(argv)
    out = io.StringIO()
    code = args.func(args, stdin=io.StringIO(stdin), stdout=out)
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def test_register_sets_run_and_bilingual_help() -> None:
    parser = argparse.ArgumentParser(prog="oit-audit")
    sub = parser.add_subparsers(dest="command")
    register(sub)
    args = parser.parse_args(["dates"])
    assert args.func is run
    help_text = sub.choices["dates"].format_help()
    assert help_text.index("ข้อความ") < help_text.index("text to read")  # Thai first


def test_reads_stdin_and_prints_json_lines() -> None:
    code, records = run_with_stdin(["dates"], "โพสต์เมื่อ 12 พ.ย. 2568 ปีงบประมาณ 2569")
    assert code == 0
    assert records == [
        {"text": "12 พ.ย. 2568", "start": "2025-11-12", "end": "2025-11-12", "kind": "day",
         "context": "date"},
        {"text": "ปีงบประมาณ 2569", "start": "2025-10-01", "end": "2026-09-30",
         "kind": "fiscal_year", "context": "date"},
    ]


def test_text_option_wins_over_stdin() -> None:
    code, records = run_with_stdin(["dates", "--text", "ต.ค. - มี.ค. 69"], "ปี 2500")
    assert code == 0
    assert [(r["kind"], r["start"], r["end"]) for r in records] == [
        ("range", "2025-10-01", "2026-03-31")]


def test_lines_numbers_each_line_and_shows_ignored_contexts() -> None:
    code, records = run_with_stdin(["dates", "--lines"], SAMPLE)
    assert code == 0
    assert [(r["line"], r["text"], r["context"]) for r in records] == [
        (1, "ต.ค. 68", "date"), (2, "พ.ศ. 2540", "law")]


@pytest.mark.parametrize("argv", [["dates"], ["dates", "--lines"], ["dates", "--text", ""]])
def test_empty_input_prints_nothing(argv: list[str]) -> None:
    assert run_with_stdin(argv, "") == (0, [])


def test_subprocess_keeps_thai_unescaped() -> None:
    """The real program, as a user runs it: Thai text in, ensure_ascii=False JSON out."""
    done = patience.run([sys.executable, "-m", "checklists.thaidates.command", "--lines"], 60,
                        input=SAMPLE, encoding="utf-8", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        '{"text": "ต.ค. 68", "start": "2025-10-01", "end": "2025-10-31", "kind": "month", '
        '"context": "date", "line": 1}'
    )
    assert json.loads(lines[1])["context"] == "law"
    assert len(lines) == 2


def test_oit_audit_cli_offers_dates(capsys: pytest.CaptureFixture[str]) -> None:
    """The project's CLI registers this sub-command (crawler.cli.COMMANDS)."""
    from crawler.cli import build_parser

    argv = ["dates", "--text", "ไตรมาส 2 ปีงบประมาณ 2569"]
    args = build_parser(argv).parse_args(argv)
    assert args.func(args) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["kind"], record["start"], record["end"]) == (
        "quarter", "2026-01-01", "2026-03-31")
