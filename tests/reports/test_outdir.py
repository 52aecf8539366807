"""The output folder: one complete set at a time, rolled forward after a crash in the
middle of a commit, and one writer at a time."""

from __future__ import annotations

import os

import pytest

from reports import REPORT_SET, output_folder
from reports.outdir import JOURNAL, OutputBusy


def _write_set(folder, tag: str, names=("report.json", "report.md", "crawl.jsonl")):
    staging = folder.begin()
    for name in names:
        (staging / name).write_text(f"{tag} {name}", encoding="utf-8")
    return folder.commit()


def _set_of(path):
    return {p.name: p.read_text(encoding="utf-8") for p in path.iterdir() if p.is_file()
            and p.name in REPORT_SET}


def test_commit_replaces_the_whole_set(tmp_path):
    folder = output_folder(tmp_path)
    _write_set(folder, "old", ("report.json", "report.md", "report.html", "crawl.jsonl"))
    _write_set(folder, "new")
    assert _set_of(tmp_path) == {n: f"new {n}" for n in ("report.json", "report.md",
                                                         "crawl.jsonl")}
    assert not folder.staging.exists()


def test_an_uncommitted_run_leaves_the_old_set(tmp_path):
    folder = output_folder(tmp_path)
    _write_set(folder, "old")
    staging = folder.begin()
    (staging / "report.json").write_text("half", encoding="utf-8")  # then: kill -9
    assert _set_of(tmp_path)["report.json"] == "old report.json"
    folder.recover()  # the next run
    assert not folder.staging.exists() and _set_of(tmp_path)["report.json"] == \
        "old report.json"


def test_a_commit_cut_between_renames_is_rolled_forward(tmp_path):
    folder = output_folder(tmp_path)
    _write_set(folder, "old", ("report.json", "report.md", "report.html", "crawl.jsonl"))
    staging = folder.begin()
    for name in ("report.json", "report.md", "crawl.jsonl"):
        (staging / name).write_text(f"new {name}", encoding="utf-8")
    (staging / JOURNAL).write_text("crawl.jsonl\nreport.json\nreport.md\n", encoding="utf-8")
    (staging / "crawl.jsonl").replace(tmp_path / "crawl.jsonl")  # killed after one rename
    folder.recover()
    assert _set_of(tmp_path) == {n: f"new {n}" for n in ("report.json", "report.md",
                                                         "crawl.jsonl")}


def test_a_second_writer_is_refused_while_the_first_holds_the_folder(tmp_path):
    with output_folder(tmp_path):  # across processes: tests/hostile/test_kill.py
        with pytest.raises(OutputBusy) as err:
            output_folder(tmp_path).lock()
        assert err.value.holder == str(os.getpid())
    with output_folder(tmp_path):  # released
        pass
