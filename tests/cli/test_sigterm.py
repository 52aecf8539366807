"""SIGTERM (``systemctl stop``, ``kill``) stops an audit as Ctrl-C does, whenever it comes:
before the crawl has taken the signals over too, the run's history row is settled and the
output folder keeps its last set; Python's default used to kill the process at once, its
history row left ``running``."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from crawler.cli import sigterm_as_ctrl_c
from tests import patience, socketguard
from tests.conftest import ROOT

UNITS = "units:\n  it: {th: งานไอที, en: IT}\nitems:\n  O1: it\n"


def test_sigterm_while_the_audit_starts_settles_its_run(tmp_path, serve_app):
    """The units file is a FIFO: the audit reads it to check it (the test writes it), then
    again while it sets the crawl up, after its history row is written; it waits there for
    a writer, and gets SIGTERM instead."""
    url, rec = serve_app(lambda path: (200, {}, b"<html><body>home</body></html>"))
    units = tmp_path / "units.yaml"
    os.mkfifo(units)
    home, out = tmp_path / "home", tmp_path / "out"
    argv = [sys.executable, "-m", "crawler.cli", "audit", url, "--units", str(units),
            "--out", str(out), "--as-of", "2026-05-15"]
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "OIT_AUDIT_HOME": str(home),
                                            "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT)})
    try:
        db_path = home / "history.sqlite3"
        for _ in range(5):  # each time the audit opens the units file to read it
            fd = _writer_when_read(units, proc)
            if db_path.exists() and _states(db_path) == [("running",)]:
                break  # read after the run began: left waiting for the text
            try:
                os.write(fd, UNITS.encode("utf-8"))
            except BrokenPipeError:  # an earlier reading's end, closed meanwhile
                pass
            os.close(fd)
            time.sleep(0.2)  # that reading closes its end before the next is looked for
        else:
            raise AssertionError("the audit never read its units after its run began")
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = patience.communicate(proc, 60)
        os.close(fd)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 3, stdout + stderr  # stopped (exit 2: could not run)
    assert "interrupted" in stderr or "หยุดโดยผู้ใช้" in stderr
    assert "Traceback" not in stderr
    assert _states(db_path, "state, finish_reason, exit_code") == [
        ("incomplete", "interrupted", 3)]
    assert not (out / "report.json").exists()  # nothing published, nothing half-written
    assert rec.paths == []  # stopped before any request


def _writer_when_read(fifo, proc: subprocess.Popen) -> int:
    """A write end of ``fifo`` once the audit has opened it to read (it then waits for text)."""
    fds: list[int] = []

    def opened() -> bool:
        if proc.poll() is not None:
            return True
        try:
            fds.append(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:  # ENXIO: nobody reads it yet
            return False
        return True

    assert patience.until(opened, 120) and fds, proc.communicate()
    return fds[0]


def _states(db_path, columns: str = "state") -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        return db.execute(f"SELECT {columns} FROM runs").fetchall()


def test_sigterm_as_ctrl_c_raises_keyboardinterrupt_and_puts_the_handler_back():
    before = signal.getsignal(signal.SIGTERM)
    raised = False
    with sigterm_as_ctrl_c():
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):  # the handler runs between two bytecodes
                pass
        except KeyboardInterrupt:
            raised = True
    assert raised and signal.getsignal(signal.SIGTERM) is before


def _settled_then_wait(ready) -> None:
    from crawler.batch.judgeworker import _settle

    _settle()
    ready.set()
    time.sleep(60)


def test_a_batch_judging_worker_forked_under_it_still_ends_on_sigterm():
    """A batch's judging worker is forked from the CLI's process: SIGTERM ends it (its offices
    go back to the batch), never raises KeyboardInterrupt inside an office's judging."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    with sigterm_as_ctrl_c():
        ready = ctx.Event()
        worker = ctx.Process(target=_settled_then_wait, args=(ready,))
        worker.start()
        try:
            assert ready.wait(patience.stretched(30))
            os.kill(worker.pid, signal.SIGTERM)
            worker.join(patience.stretched(30))
        finally:
            if worker.is_alive():
                worker.kill()
    assert worker.exitcode == -signal.SIGTERM


# A loop on stops_set's event, stopped by a SIGTERM of its own at once, many times: the signal
# handler (in the main thread) often runs while the loop's ``wait(0)`` holds the event's lock
STOPPED_IN_WAITS = """
import os, signal, sys, threading
from crawler.cli import stops_set
for _ in range(200):
    with stops_set() as stop:
        threading.Timer(0.001, os.kill, (os.getpid(), signal.SIGTERM)).start()
        while not stop.wait(0):
            pass
print("stopped 200 times")
"""


def test_a_stop_heard_while_waiting_on_stops_sets_event_never_hangs():
    """SIGTERM to a loop waiting on :func:`crawler.cli.stops_set`'s event (``oit-audit batch
    --redis`` gathering reports, 1-s waits) ends the loop whenever it comes.  Before
    (suite48), the handler's ``set`` could come while the loop's ``wait`` held the event's
    lock and waited for it for ever: the coordinator of
    tests/integration/test_distributed.py's stall test hung after SIGTERM now and then (fc54,
    session 47); a loop of ``wait(0)`` hung 13 times in 20."""
    proc = subprocess.Popen([sys.executable, "-c", STOPPED_IN_WAITS], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ,
                                 "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT)})
    try:
        stdout, stderr = patience.communicate(proc, 60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, stdout + stderr
    assert "stopped 200 times" in stdout
