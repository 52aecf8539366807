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


def test_every_file_is_flushed_to_disk_before_the_set_is_published(tmp_path, monkeypatch):
    """The staged files are flushed together (one thread each, issue 13), and every one of
    them before the staging folder becomes a set: a crash after the switch never shows a
    file whose data never reached the disk."""
    folder = output_folder(tmp_path)
    _write_set(folder, "old")
    staging = folder.begin()
    names = ("report.json", "report.md", "report.html", "crawl.jsonl", "fixes.csv")
    for name in names:
        (staging / name).write_text(f"new {name}", encoding="utf-8")
    synced: list[str] = []
    at_publish: list[set[str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    def replace(source, target):
        if os.path.basename(source) == ".oit-staging":
            at_publish.append(set(synced))
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    folder.commit()
    assert len(at_publish) == 1
    assert {str(staging / n) for n in names} <= at_publish[0]
    assert _set_of(tmp_path) == {n: f"new {n}" for n in names}


def test_a_failed_flush_publishes_nothing(tmp_path, monkeypatch):
    """A file that cannot be flushed (a disk error) fails the commit as before, and the
    folder keeps showing the old set."""
    folder = output_folder(tmp_path)
    _write_set(folder, "old")
    staging = folder.begin()
    for name in NEW:
        (staging / name).write_text(f"new {name}", encoding="utf-8")
    real_fsync = os.fsync

    def fsync(fd):
        if os.readlink(f"/proc/self/fd/{fd}").endswith("report.md"):
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError, match="Input/output"):
        folder.commit()
    assert _set_of(tmp_path) == {n: f"old {n}" for n in NEW}


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


class _Killed(BaseException):
    """The process dies here: nothing after this point runs (not even ``finally`` cleanup
    that matters: the test reads the folder as it was left)."""


_STEPS = ("replace", "rename", "symlink", "link", "unlink", "rmdir", "mkdir")


def _die_at(monkeypatch, step: int) -> list[int]:
    """Make the ``step``-th file-system change raise :class:`_Killed`; return the count."""
    done = [0]
    for name in _STEPS:
        real = getattr(os, name)

        def change(*args, _real=real, **kwargs):
            if done[0] == step:
                raise _Killed
            done[0] += 1
            return _real(*args, **kwargs)
        monkeypatch.setattr(os, name, change)
    return done


def _shown(path, names=REPORT_SET):
    """What a reader sees: each name's content, read through whatever links are there."""
    return {n: (path / n).read_text(encoding="utf-8") for n in names if (path / n).exists()}


OLD = ("report.json", "report.md", "report.html", "crawl.jsonl")
NEW = ("report.json", "report.md", "crawl.jsonl")


@pytest.mark.parametrize("legacy", [False, True], ids=["sets", "plain-files"])
def test_a_commit_killed_at_any_step_shows_one_whole_set_without_recovery(
        tmp_path, monkeypatch, legacy):
    """Every file-system change of a commit is, in turn, the last one before a kill -9: a
    reader who comes next (before any recovery) sees the old set or the new one, whole.
    ``plain-files``: the old set is regular files (an older version, ``oit-audit report``)."""
    old_set = {n: f"old {n}" for n in OLD}
    new_set = {n: f"new {n}" for n in NEW}
    step = 0
    while True:
        out = tmp_path / f"cut-{step}"
        folder = output_folder(out)
        if legacy:
            out.mkdir()
            for name, text in old_set.items():
                (out / name).write_text(text, encoding="utf-8")
        else:
            _write_set(folder, "old", OLD)
        staging = folder.begin()
        for name in NEW:
            (staging / name).write_text(f"new {name}", encoding="utf-8")
        with monkeypatch.context() as patch:
            done = _die_at(patch, step)
            try:
                folder.commit()
                finished = True
            except _Killed:
                finished = False
        seen = _shown(out)
        assert seen in (old_set, new_set), (step, seen)
        output_folder(out).recover()  # the next run tidies; what is shown does not change
        assert _shown(out) == seen
        assert not (out / ".oit-staging").exists()
        current = out / ".oit-current"  # only the shown set is kept
        kept = sorted(p.name for p in (out / ".oit-sets").glob("*"))
        assert kept == ([os.path.basename(os.readlink(current))] if current.is_symlink()
                        else [])
        if finished:
            assert seen == new_set and done[0] == step
            break
        step += 1
    assert step >= 8  # the cut fell on every change of a real commit


def test_a_published_name_is_a_link_into_the_shown_set(tmp_path):
    folder = output_folder(tmp_path)
    _write_set(folder, "old", OLD)
    first = os.readlink(tmp_path / ".oit-current")
    _write_set(folder, "new")
    assert os.readlink(tmp_path / "report.json") == os.path.join(".oit-current", "report.json")
    assert os.readlink(tmp_path / ".oit-current") != first
    assert not (tmp_path / "report.html").is_symlink()  # the new set has none: no dead link
    assert [p.name for p in (tmp_path / ".oit-sets").iterdir()] == \
        [os.path.basename(os.readlink(tmp_path / ".oit-current"))]


def test_files_rewritten_by_the_report_command_are_replaced_by_the_next_set(tmp_path):
    folder = output_folder(tmp_path)
    _write_set(folder, "old", OLD)
    (tmp_path / "report.md").unlink()  # oit-audit report writes a regular file in its place
    (tmp_path / "report.md").write_text("rendered again", encoding="utf-8")
    folder.recover()
    assert _shown(tmp_path)["report.md"] == "rendered again"
    _write_set(folder, "new")
    assert _shown(tmp_path) == {n: f"new {n}" for n in NEW}


def test_a_set_published_beside_leaves_the_shown_set_until_the_next_commit(tmp_path):
    """A stopped run's set goes to OUT/interrupted/ (crawler.judging.publish): OUT keeps
    showing the finished run's; a later stop replaces it there; the next set published in OUT
    itself removes it."""
    folder = output_folder(tmp_path)
    _write_set(folder, "done")
    for tag in ("stopped", "stopped again"):
        staging = folder.begin()
        for name in ("report.json", "crawl.jsonl"):
            (staging / name).write_text(f"{tag} {name}", encoding="utf-8")
        folder.commit_beside()
        assert _set_of(tmp_path) == {n: f"done {n}" for n in ("report.json", "report.md",
                                                              "crawl.jsonl")}
        assert folder.partial() == tmp_path / "interrupted"
        assert _set_of(tmp_path / "interrupted") == {n: f"{tag} {n}" for n in
                                                     ("report.json", "crawl.jsonl")}
        assert not folder.staging.exists()
    folder.recover()  # the next run's start leaves it
    assert folder.partial() is not None
    _write_set(folder, "resumed")
    assert folder.partial() is None and not (tmp_path / "interrupted").exists()
    assert _set_of(tmp_path)["report.json"] == "resumed report.json"


def test_a_folder_named_interrupted_that_is_not_a_set_is_never_removed(tmp_path):
    (tmp_path / "interrupted").mkdir()
    (tmp_path / "interrupted" / "notes.txt").write_text("mine", encoding="utf-8")
    folder = output_folder(tmp_path)
    assert folder.partial() is None
    _write_set(folder, "done")
    assert (tmp_path / "interrupted" / "notes.txt").read_text(encoding="utf-8") == "mine"
