"""The lock file's holder (``reports.filelock``): written over the last holder's PID in place,
at a fixed width, never by truncating the file (an ext4 journal transaction, and a flush at
close, on every acquisition: 0.15-3.8 ms each on this machine, nightly44)."""

from __future__ import annotations

import os

import pytest

from reports.filelock import PID_WIDTH, Busy, FileLock


def test_the_holder_is_written_over_an_earlier_versions_longer_pid(tmp_path):
    path = tmp_path / "site.lock"
    path.write_bytes(b"4194304\n")  # an earlier version's holder: a PID and a newline
    mine = FileLock(path)
    mine.acquire()
    try:
        assert path.read_bytes().strip() == str(os.getpid()).encode()
        with pytest.raises(Busy) as busy:
            FileLock(path).acquire()
        assert busy.value.holder == str(os.getpid())
    finally:
        mine.release()
    assert path.stat().st_size == PID_WIDTH


def test_the_lock_file_is_never_truncated(tmp_path, monkeypatch):
    path = tmp_path / "site.lock"
    earlier = FileLock(path)  # an earlier run's holder, ended
    earlier.acquire()
    earlier.release()
    monkeypatch.setattr(os, "ftruncate", lambda *a: pytest.fail("truncated"))
    again = FileLock(path)
    again.acquire()
    again.release()
    assert path.read_bytes() == f"{os.getpid()}\n".ljust(PID_WIDTH).encode()
