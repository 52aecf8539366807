"""A test-only hold on a worker's judging, so that a test's premise does not hang on the
machine's speed.

tests/integration/test_distributed.py's lease-renewal case needs a judging that outlasts the
worker's lease (``--lease 1``): it made the judging long by a large office (2,400 news posts,
then 4,800 once 2,400 were judged in 0.91 s on a quiet machine, fd91506a), a premise that a
faster machine or cheaper judging breaks again.  With ``OIT_TEST_HOLD_JUDGING`` set, a worker
process (tests/_guard/sitecustomize.py calls :func:`install`) holds each office's judging
(``crawler.distributed.worker.finish``, on the reactor as a long judging is) until the worker
has renewed its leases :data:`RENEWALS` times since the judging began and longer than their
lease has passed: the lease held when the judging began would have expired by then had it not
been renewed (it says so on stderr: :data:`SAID`).  The judging itself is then done as usual.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import os
import sys
import threading
import time
from types import ModuleType
from typing import Any

ENV = "OIT_TEST_HOLD_JUDGING"
MODULE = "crawler.distributed.worker"
RENEWALS = 2  # renewals seen during the judging (each renewal sets a new expiry)
SAID = "holdjudging: judging held"  # on stderr, for the test to see the hold took place
LIMIT_S = 300.0  # the hold ends by then whatever came (the test's assertions say what did)


class _Renewals:
    """When leases were renewed in this process, and for how long."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.seen: list[tuple[float, float]] = []  # (monotonic time, lease_s)

    def add(self, lease_s: float) -> None:
        with self.lock:
            self.seen.append((time.monotonic(), lease_s))

    def held_over(self, began: float) -> bool:
        """Renewed :data:`RENEWALS` times since ``began`` and past the longest lease."""
        with self.lock:
            since = [lease for at, lease in self.seen if at > began]
        return len(since) >= RENEWALS and time.monotonic() - began > max(since)


def _hold(module: ModuleType) -> None:
    """Wrap the worker module's ``finish`` and its jobs' ``renew``."""
    renewals = _Renewals()
    finish, renew = module.finish, module.BatchJobs.renew

    def renew_noted(self: Any, office_key: str, lease_s: float, holder: str = "") -> None:
        renew(self, office_key, lease_s, holder)  # the lease's holder: nightly49
        renewals.add(lease_s)

    def held_finish(*args: Any, **kwargs: Any) -> Any:
        began = time.monotonic()
        while not renewals.held_over(began) and time.monotonic() - began < LIMIT_S:
            time.sleep(0.02)
        print(f"{SAID} {time.monotonic() - began:.2f} s", file=sys.stderr, flush=True)
        return finish(*args, **kwargs)

    module.BatchJobs.renew = renew_noted
    module.finish = held_finish


class _AfterImport(importlib.abc.MetaPathFinder):
    """Runs :func:`_hold` on :data:`MODULE` once it has been run."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != MODULE:
            return None
        sys.meta_path.remove(self)  # the module's own spec, found by the other finders
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            _hold(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def install() -> None:
    """In a test's subprocess (``OIT_TEST_HOLD_JUDGING`` set): hold the worker's judgings."""
    if os.environ.get(ENV):
        sys.meta_path.insert(0, _AfterImport())
