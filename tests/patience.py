"""Time limits of the tests that hold on a busy machine.

A test's limit on wall time is there to end a hang, never to measure speed (speed is measured by
the benchmarks under tests/benchmarks/).  On this shared 2-core machine other suites and
benchmarks often run beside the tests (load average 15 to 40): a process then gets a tenth of a
core or less, and a crawl that takes 30 s on a quiet machine takes minutes.  So these limits are
counted in *quiet seconds*: a second of wall time counts for the share of a core the machine
could give a runnable process during it (cores / load average, at most 1, at least
``MIN_SHARE``), sampled as the wait goes.  On a quiet machine a quiet second is a second; a hang
still ends, after at most ``1 / MIN_SHARE`` times the limit.

A crawl has limits on wall time of its own (a download's timeout, the browser's navigation
timeout...; a document's reading time is counted in CPU seconds, which a busy machine does
not spend, and is not stretched): on a busy machine a fixture server's answer or a reader
process could outlast them, and the site would be read as down or a document as unreadable.
The test session sets ``OIT_TEST_PATIENCE`` (tests/conftest.py); each test subprocess started
with the socket guard's ``PYTHONPATH`` then stretches those limits by :func:`slowness` at its
start (:func:`install`, from tests/_guard/sitecustomize.py): unchanged on a quiet machine, and
never a limit the test sets itself (``-s DOWNLOAD_TIMEOUT=1`` is given on the command line,
above the project's settings that are stretched).
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any

MIN_SHARE = 0.1  # a limit stretches at most tenfold under load
STEP_S = 2.0  # how often the load is sampled while waiting
ENV = "OIT_TEST_PATIENCE"
# A crawl's limits on wall time, by module: stretched in test subprocesses on a busy machine
STRETCHED = {
    # (OIT_DOCUMENT_TIME_LIMIT is counted in CPU seconds: a busy machine does not spend it)
    "crawler.settings": ("DOWNLOAD_TIMEOUT", "OIT_SECOND_CHANCE_TIMEOUT",
                         "OIT_EXTERNAL_HOST_BUDGET", "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT"),
    "crawler.documents.worker": ("START_TIMEOUT_S",),  # a reader process's start-up
}


def share() -> float:
    """The share of a core a runnable process can get now (1.0 on a quiet machine)."""
    load = os.getloadavg()[0]
    return max(MIN_SHARE, min(1.0, (os.cpu_count() or 1) / load)) if load > 0 else 1.0


def slowness() -> float:
    """How many wall seconds a quiet second takes now (1.0 on a quiet machine)."""
    return 1.0 / share()


def stretched(quiet_s: float) -> float:
    """``quiet_s`` quiet seconds as wall seconds at the machine's load now: for a limit that
    must be given up front (a document reader's deadline, a crawl setting)."""
    return quiet_s * slowness()


def communicate(proc: subprocess.Popen, quiet_s: float,
                input: str | bytes | None = None) -> tuple[str | bytes, str | bytes]:
    """``proc.communicate(input)`` within ``quiet_s`` quiet seconds; past them the process is
    killed and ``subprocess.TimeoutExpired`` raised, as ``subprocess.run(timeout=...)`` does."""
    spent = 0.0
    while True:
        started = time.monotonic()
        try:
            return proc.communicate(input, timeout=STEP_S)
        except subprocess.TimeoutExpired:
            input = None  # sent with the first call; a retry never loses output
            spent += (time.monotonic() - started) * share()
            if spent >= quiet_s:
                proc.kill()
                out, err = proc.communicate()
                raise subprocess.TimeoutExpired(proc.args, quiet_s, out, err) from None


def wait(proc: subprocess.Popen, quiet_s: float) -> int:
    """``proc.wait(quiet_s)`` in quiet seconds (``subprocess.TimeoutExpired`` past them; the
    process is left running, as ``Popen.wait`` leaves it)."""
    spent = 0.0
    while True:
        started = time.monotonic()
        try:
            return proc.wait(STEP_S)
        except subprocess.TimeoutExpired:
            spent += (time.monotonic() - started) * share()
            if spent >= quiet_s:
                raise subprocess.TimeoutExpired(proc.args, quiet_s) from None


def until(done: Callable[[], object], quiet_s: float, poll_s: float = 0.05) -> bool:
    """Poll ``done()`` every ``poll_s`` until it is true (True) or ``quiet_s`` quiet seconds
    have passed (False): a test waiting for a process to reach a point, not a sleep."""
    spent = 0.0
    while True:
        started = time.monotonic()
        if done():
            return True
        if spent >= quiet_s:
            return False
        time.sleep(poll_s)
        spent += (time.monotonic() - started) * share()


def run(argv: list[str], quiet_s: float, input: str | None = None, check: bool = False,
        **popen: Any) -> subprocess.CompletedProcess:
    """``subprocess.run(argv, capture_output=True, text=True, timeout=..., check=...)`` with
    the timeout in quiet seconds."""
    with subprocess.Popen(argv, stdin=subprocess.PIPE if input is not None else None,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          **popen) as proc:
        out, err = communicate(proc, quiet_s, input)
    done = subprocess.CompletedProcess(argv, proc.returncode, out, err)
    if check:
        done.check_returncode()
    return done


class _Stretcher(importlib.abc.MetaPathFinder):
    """Multiplies the ``STRETCHED`` names of a module by ``factor`` once it has been run."""

    def __init__(self, factor: float) -> None:
        self.factor = factor

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name not in STRETCHED:
            return None
        sys.meta_path.remove(self)  # the module's own spec, found by the other finders
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            for attr in STRETCHED[name]:
                value = getattr(module, attr)
                setattr(module, attr, type(value)(value * self.factor))

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def install() -> float:
    """In a test's subprocess (``OIT_TEST_PATIENCE`` set): stretch the crawl's limits on wall
    time by the machine's slowness now, when their modules are imported.  Returns the factor."""
    factor = slowness()
    if os.environ.get(ENV) and factor > 1.0:
        sys.meta_path.insert(0, _Stretcher(factor))
    return factor
