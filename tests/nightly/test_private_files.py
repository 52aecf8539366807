"""What an audit writes about a site (the history database, the HTTP cache, the judging and
documents' caches, the output folder's reports) may hold an office's unpublished pages: it is
made readable by its user alone (files 0600, folders 0700) whatever the umask allows, a
stricter umask kept (crawler/cli.py ``private_files``).  Until nightly42 each was made with the
umask's mode: 0644 files and 0755 folders under the usual 022."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from checklists.atomicfile import own_only
from crawler.cli import private_files, writes_private
from crawler.demo import DEMO_AS_OF, serve_directory
from reports import output_folder
from tests.conftest import run_cli, run_main
from tests.integration.test_exit_codes import build_complete_site


@contextmanager
def umask(mask: int) -> Iterator[None]:
    """The process's umask (a subprocess inherits it) set to ``mask`` while inside."""
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def _modes(*roots: Path) -> dict[str, int]:
    """Every file and folder under ``roots`` (the roots too) -> its permission bits."""
    found = {}
    for root in roots:
        for path in [root, *root.rglob("*")]:
            found[str(path)] = stat.S_IMODE(path.lstat().st_mode)
    return found


@pytest.mark.parametrize("mask", [0o022, 0o027])
def test_an_audit_writes_its_history_caches_and_reports_for_its_user_alone(
        tmp_path, state_home, mask):
    build_complete_site(tmp_path / "site")
    db = state_home / "history.sqlite3"
    with serve_directory(tmp_path / "site") as url, umask(mask):
        result = run_cli("audit", url, "--db", str(db), "--as-of", DEMO_AS_OF,
                         "--no-external", out_dir=tmp_path / "out")
        # run 2: the HTTP cache answers, the history grows, the reports are replaced
        again = run_cli("audit", url, "--db", str(db), "--as-of", DEMO_AS_OF,
                        "--no-external", out_dir=tmp_path / "out")
    assert result.code in (0, 1) and again.code in (0, 1), result.stderr[-2000:]
    written = _modes(state_home, tmp_path / "out")
    names = {Path(p).name for p in written}
    # what the test is about was written: history, HTTP cache, reports
    assert {"history.sqlite3", "report.json", "report.html"} <= names, sorted(names)
    assert any("cache" in p for p in written), sorted(written)
    # the output folder shows its reports through symbolic links, whose own bits mean
    # nothing (0777): what they point to is among the files checked
    written = {p: m for p, m in written.items() if not Path(p).is_symlink()}
    shared = {p: oct(m) for p, m in written.items() if m & 0o077}
    assert not shared, shared
    assert all(m & 0o600 == 0o600 for m in written.values())  # its user reads and writes


def test_an_export_is_made_with_the_users_umask_to_be_sent_on(tmp_path):
    """``report --export`` copies the reports to send on: made as the user's umask says, as
    before (the output folder it reads stays private)."""
    out = tmp_path / "out"
    with umask(0o022):
        demo = run_cli("demo", out_dir=out)
        assert demo.code in (0, 1), demo.stderr[-2000:]
        exported = run_main("report", str(out), "--export", str(tmp_path / "sent"))
    assert exported.code == 0, exported.stderr
    assert {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "sent").iterdir()} == {0o644}
    assert stat.S_IMODE((out / "report.json").stat().st_mode) == 0o600


@pytest.mark.parametrize(("given", "kept"), [(0o022, 0o077), (0o002, 0o077), (0o077, 0o077),
                                              (0o277, 0o277), (0o000, 0o077)])
def test_the_umask_gains_group_and_other_bits_and_keeps_a_stricter_one(given, kept):
    with umask(given):
        with private_files():
            inside = os.umask(0o022)
            os.umask(inside)
        assert os.umask(given) == given  # put back after
    assert inside == kept


def test_which_commands_write_privately():
    from argparse import Namespace
    assert writes_private(Namespace(command="audit"))
    assert writes_private(Namespace(command="report", export=None))
    assert not writes_private(Namespace(command="report", export=Path("sent.zip")))
    assert not writes_private(Namespace(command="dates"))
    assert not writes_private(Namespace(command="checklist"))


def _reachable(roots: tuple[Path, ...], read: int, search: int) -> list[str]:
    """Files under ``roots`` whose ``read`` bit (group's 0o040 or others' 0o004) is set and
    every folder to them, each root included, has the matching ``search`` bit."""
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_symlink() or not path.is_file() or not path.stat().st_mode & read:
                continue
            folders = [path.parent, *(p for p in path.parent.parents if root in (p, *p.parents))]
            if all(folder.stat().st_mode & search for folder in folders):
                found.append(str(path.relative_to(root.parent)))
    return found


def _as_an_earlier_version_left_it(*roots: Path) -> None:
    """Files 0644 and folders 0755, as every version before nightly42 wrote them under the
    usual umask 022 (a file opened again, a folder written into, keeps its mode)."""
    for root in roots:
        for path in [root, *root.rglob("*")]:
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() else 0o644)


def test_state_an_earlier_version_left_readable_is_closed_by_the_next_audit(
        tmp_path, state_home):
    """History, HTTP cache, judging and text caches and published reports written 0644 in
    0755 folders (an earlier version): the next audit makes them its user's alone, each
    database file 0600 and each state folder 0700, so no file is readable by group or others
    through its folders.  Before (nightly42), the new umask left them as they were: the
    history, the HTTP cache's pages and the reports stayed readable by every account."""
    build_complete_site(tmp_path / "site")
    db = state_home / "history.sqlite3"
    out = tmp_path / "out"
    with serve_directory(tmp_path / "site") as url, umask(0o022):
        first = run_cli("audit", url, "--db", str(db), "--as-of", DEMO_AS_OF, "--no-external",
                        out_dir=out)
        assert first.code in (0, 1), first.stderr[-2000:]
        _as_an_earlier_version_left_it(state_home, out)
        assert _reachable((state_home, out), 0o004, 0o001)  # what the test is about
        again = run_cli("audit", url, "--db", str(db), "--as-of", DEMO_AS_OF,
                        "--no-external", out_dir=out)
    assert again.code in (0, 1), again.stderr[-2000:]
    for read, search in ((0o004, 0o001), (0o040, 0o010)):  # others, group
        assert not _reachable((state_home, out), read, search), (oct(read), sorted(
            _modes(state_home, out).items()))
    mode = {p.name: stat.S_IMODE(p.stat().st_mode) for p in [
        state_home, db, *state_home.iterdir(), *(state_home / "httpcache").rglob("*.sqlite3"),
        *(state_home / "judging").rglob("*.sqlite3")]}
    assert mode["history.sqlite3"] == 0o600 and mode["httpcache"] == 0o700, mode
    assert mode["judging"] == 0o700 and mode[state_home.name] == 0o700, mode
    assert not {k: oct(m) for k, m in mode.items() if m not in (0o600, 0o700)}
    assert stat.S_IMODE((out / ".oit-sets").stat().st_mode) == 0o700
    assert stat.S_IMODE(out.stat().st_mode) == 0o700  # 0755 until nightly44


def test_an_output_folder_an_earlier_version_made_is_closed_and_a_users_own_keeps_its_mode(
        tmp_path):
    """An output folder holding only what runs write (report links, ``.oit-`` entries, a
    stopped run's ``interrupted``), left 0755 by an earlier version: made its user's alone
    when a run begins, ``interrupted`` too, under the command's private umask (not under
    the user's own: ``report --export``).  A folder of the user's own given as the output,
    with a file of theirs in it, keeps its mode (its report sets are closed all the same).
    Until nightly44 every output folder kept its mode."""
    made, theirs, exported = tmp_path / "out", tmp_path / "theirs", tmp_path / "export"
    for folder in (made, theirs, exported):
        (folder / ".oit-sets" / "1").mkdir(parents=True)
        (folder / "interrupted").mkdir()
        (folder / "report.json").symlink_to(".oit-sets/1/report.json")
    (theirs / "notes.txt").write_text("mine", encoding="utf-8")
    _as_an_earlier_version_left_it(made, theirs, exported)
    with umask(0o022):
        output_folder(exported).begin()  # the user's umask: as it is
        with private_files():
            output_folder(made).begin()
            output_folder(theirs).begin()

    def mode(path: Path) -> int:
        return stat.S_IMODE(path.stat().st_mode)

    assert (mode(made), mode(made / "interrupted"), mode(made / ".oit-sets")) == (
        0o700, 0o700, 0o700)
    assert (mode(theirs), mode(theirs / ".oit-sets")) == (0o755, 0o700)
    assert (mode(exported), mode(exported / ".oit-sets")) == (0o755, 0o755)


def test_own_only_tightens_only_under_a_private_umask_and_never_through_a_link(tmp_path):
    shared, folder = tmp_path / "a.sqlite3", tmp_path / "cache"
    shared.write_bytes(b"x")
    folder.mkdir()
    for path, mode in ((shared, 0o644), (folder, 0o755)):
        path.chmod(mode)
    (tmp_path / "link").symlink_to(shared)
    with umask(0o022):  # report --export, or a caller of its own: as it is
        own_only(shared, folder)
    assert (stat.S_IMODE(shared.stat().st_mode), stat.S_IMODE(folder.stat().st_mode)) == (
        0o644, 0o755)
    with umask(0o022), private_files():
        own_only(tmp_path / "link", tmp_path / "missing")
        assert stat.S_IMODE(shared.stat().st_mode) == 0o644  # not through the link
        own_only(shared, folder)
    assert (stat.S_IMODE(shared.stat().st_mode), stat.S_IMODE(folder.stat().st_mode)) == (
        0o600, 0o700)
