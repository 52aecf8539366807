"""A user's own mistakes on the command line: one clear message on stderr, exit code 2,
nothing crawled and nothing recorded (no traceback, no "unexpected error")."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from crawler.urlargs import from_thai_keyboard, suggest, url_problem
from reports import output_folder
from reports.labels import words
from tests.conftest import run_cli, run_main


def assert_user_error(result, *needles: str) -> None:
    assert result.code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
    assert result.stdout == "", result.stdout  # messages about the command line: stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


THAI = re.compile("[\u0e00-\u0e7f]")


def assert_user_error_in_each_language(args: list[str], th: tuple[str, ...],
                                       en: tuple[str, ...], *common: str) -> None:
    """The refusal of ``oit-audit ARGS`` in Thai (the default ``--lang``), and with
    ``--lang en`` in English only: the same ``common`` parts (paths, URLs) in both."""
    thai = run_main(*args)
    assert_user_error(thai, *common, *th)
    assert not any(needle in thai.stderr for needle in en), thai.stderr
    english = run_main(*args, "--lang", "en")
    assert_user_error(english, *common, *en)
    assert not THAI.search(english.stderr), english.stderr


@pytest.fixture
def a_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("x", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["audit", "https://www.example.go.th"], ["demo"]])
def test_out_is_an_existing_file(command, a_file):
    assert_user_error_in_each_language([*command, "--out", str(a_file)],
                                       ("เป็นไฟล์ที่มีอยู่แล้ว",), ("give a folder",),
                                       f"--out {a_file}")


def test_out_under_a_file(a_file):
    assert_user_error_in_each_language(["demo", "--out", str(a_file / "sub" / "report")],
                                       (f"{a_file} เป็นไฟล์",), ("is a file, not a folder",),
                                       "--out")


def test_report_out_is_a_file(tmp_path, a_file):
    result = run_main("report", str(tmp_path), "--out", str(a_file))
    assert_user_error(result, f"--out {a_file}")


def test_db_is_a_folder(tmp_path):
    result = run_main("demo", "--db", str(tmp_path), "--out", str(tmp_path / "o"))
    assert_user_error(result, f"--db {tmp_path}", "history.sqlite3")
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("option", ["--alerts-config", "--units"])
def test_input_file_missing_or_a_folder(tmp_path, option):
    missing = run_main("demo", option, str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "o"))
    assert missing.code == 2 and "Traceback" not in missing.stderr
    assert "nope.yaml" in missing.stderr
    folder = run_main("demo", option, str(tmp_path), "--out", str(tmp_path / "o"))
    assert folder.code == 2 and "Traceback" not in folder.stderr


def test_schedule_sites_file_missing(tmp_path):
    assert_user_error_in_each_language(["schedule", "--cron", "--sites",
                                        str(tmp_path / "sites.txt")], ("ไม่พบไฟล์นี้",),
                                       ("file not found",), "--sites")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_folder(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert_user_error_in_each_language(["demo", "--out", str(locked / "report")],
                                       ("ไม่มีสิทธิ์เขียน",), ("no permission to write",))


@pytest.mark.parametrize(("typed", "meant"), [
    ("htps://www.example.go.th", "https://www.example.go.th"),
    ("http//www.example.go.th/", "http://www.example.go.th/"),
    ("https:/example.go.th", "https://example.go.th"),
    ("www.example.go.th/ ita", "www.example.go.th/ita"),
    ("ไไไใำปฟทยสำใเนใะ้", "www.example.go.th"),  # typed with the keyboard in Thai mode
    ("ร้ะยหซฝฝไไไใำปฟทยสำใเนใะ้", "https://www.example.go.th"),
])
def test_malformed_url_suggests_the_intended_one(typed, meant):
    assert suggest(typed) == meant
    assert meant in url_problem(typed)


@pytest.mark.parametrize("good", ["https://www.example.go.th", "example.go.th/office1",
                                  "http://127.0.0.1:8080/", "https://รัฐบาล.ไทย/",
                                  "https://www.example.go.th/หน้าแรก"])
def test_good_urls_pass(good):
    assert url_problem(good) is None


@pytest.mark.parametrize("bad", ["ftp://example.go.th", "http://example", "http://a..go.th",
                                 "http://example.go.th:99999/", "", "http://[::1",
                                 "[::1/"])
def test_other_malformed_urls(bad):
    assert url_problem(bad)


def test_thai_keyboard_keeps_ascii():
    assert from_thai_keyboard("ไไไใเนใะ้/ita") == "www.go.th/ita"


def test_malformed_url_is_neither_crawled_nor_recorded(tmp_path):
    db = tmp_path / "h.sqlite3"
    assert_user_error_in_each_language(["audit", "htps://www.example.go.th", "--db", str(db),
                                        "--out", str(tmp_path / "o")], ("หมายถึง",),
                                       ("did you mean",), "https://www.example.go.th")
    assert not (tmp_path / "o").exists()
    if db.exists():
        assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 0


def test_schedule_rejects_a_malformed_site():
    result = run_main("schedule", "--cron", "http//www.example.go.th")
    assert_user_error(result, "http://www.example.go.th")


def test_unknown_checklist_id(tmp_path):
    args = ["audit", "https://www.example.go.th", "--checklist", "nacc-oit-2556",
            "--out", str(tmp_path / "o"), "--no-history"]
    assert_user_error_in_each_language(args, ("หมายถึง nacc-oit-25",),
                                       ("did you mean nacc-oit-25",),
                                       "nacc-oit-2565", "nacc-oit-2566")
    for lang in ("th", "en"):
        result = run_main(*args, "--lang", lang)
        assert "positions" not in result.stderr and "ตำแหน่ง" not in result.stderr


def test_version():
    result = run_cli("--version")  # the entry point, as a user starts it
    assert result.code == 0
    assert result.stdout.startswith("oit-audit ") and result.stdout.strip()[-1].isdigit()


def test_schedule_sites_file_with_a_malformed_url(tmp_path):
    sites = tmp_path / "sites.txt"
    sites.write_text("https://www.example.go.th\nhtps://www.other.go.th  # typo\n",
                     encoding="utf-8")
    result = run_main("schedule", "--cron", "--sites", str(sites))
    assert_user_error(result, "https://www.other.go.th", str(sites))


def test_batch_csv_with_a_malformed_url(tmp_path):
    offices = tmp_path / "offices.csv"
    offices.write_text("name,url\nA,https://www.example.go.th\nB,http//www.other.go.th\n",
                       encoding="utf-8")
    result = run_main("batch", str(offices), "--out", str(tmp_path / "out"))
    assert result.code == 2 and "Traceback" not in result.stderr
    assert f"{offices}:3" in result.stdout + result.stderr
    assert "http://www.other.go.th" in result.stdout + result.stderr


@pytest.mark.parametrize("lang", ["th", "en"])
def test_an_audit_into_a_folder_another_audit_writes_exits_2_in_its_language(tmp_path, lang):
    """The refusal is words.yaml's (section ``audit``), in the ``--lang`` asked for."""
    held = output_folder(tmp_path / "out")
    held.lock()  # as a running audit holds it
    try:
        result = run_main("demo", "--lang", lang, out_dir=tmp_path / "out")
    finally:
        held.release()
    assert result.code == 2, (result.stdout, result.stderr)
    said = "".join(result.stdout.split())  # as wrapped on the terminal or not

    def bare(text: str) -> str:
        return "".join(text.split())

    other = "en" if lang == "th" else "th"
    busy = {k: words("audit", k)["busy"].format(out=tmp_path / "out", holder=os.getpid())
            for k in ("th", "en")}
    assert bare(busy[lang]) in said and bare(busy[other]) not in said
    assert not (tmp_path / "out" / "report.json").exists()
