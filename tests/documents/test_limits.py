"""A document's time limit is counted in CPU seconds, never on the wall clock: a busy machine
makes a document take longer, not read differently (crawler/documents/limits.py)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from crawler.documents.limits import Deadline
from crawler.documents.worker import _died
from tests.conftest import ROOT


def _spin(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_waiting_spends_no_time_of_the_deadline():
    deadline = Deadline(0.2)
    time.sleep(0.4)  # what a loaded machine does to a reader: it waits for a core
    assert not deadline.expired() and deadline.remaining() > 0.15
    _spin(0.25)
    assert deadline.expired() and deadline.remaining() == 0.0


def test_the_cpu_of_a_process_run_for_the_document_is_charged():
    deadline = Deadline(5.0)
    deadline.charge(4.0)
    assert 0.9 < deadline.remaining() <= 1.0
    deadline.charge(1.5)
    assert deadline.expired()


def test_a_reader_past_its_cpu_limit_is_stopped_by_the_kernel():
    """Inside a long call that never returns to a check, the reader's own RLIMIT_CPU stops
    it (SIGXCPU), which the pool reports as a timeout, not a crash."""
    code = ("import time\nfrom crawler.documents.reader import cpu_limit\ncpu_limit(0.5)\n"
            "while True:\n    pass\n")
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=120, check=False)
    assert proc.returncode == -signal.SIGXCPU, proc.returncode
    assert time.monotonic() - started < 120
    doc = _died(proc.returncode, 1024)
    assert doc.status == "timeout" and "CPU limit" in doc.meta["detail"]
