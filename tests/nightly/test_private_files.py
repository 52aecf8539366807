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

from crawler.cli import private_files, writes_private
from crawler.demo import DEMO_AS_OF, serve_directory
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
