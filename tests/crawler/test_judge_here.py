"""When a batch judges an office in its own process instead of waiting for its busy judging
worker (``JudgeWorker.sooner_here``, crawler/batch/judgeworker.py)."""

from __future__ import annotations

import time

import pytest

from crawler.batch.judgeworker import HERE_START_S, JudgeWorker


def worker(pending: int, took: list[float], running_for: float = 0.0,
           judged_here: int = 0, spent: list[tuple[float, float]] | None = None) -> JudgeWorker:
    """A worker's bookkeeping as the batch sees it (no process: the choice reads only it);
    ``spent``: each office's wall and CPU seconds in the worker (default: as many seconds
    of each, a quiet machine's)."""
    w = JudgeWorker.__new__(JudgeWorker)
    w.pool = object()  # type: ignore[assignment]
    w.pending, w.took, w.judged_here = pending, took, judged_here
    w.spent = [(t, t) for t in took] if spent is None else spent
    w._since = time.monotonic() - running_for
    return w


def test_an_idle_worker_takes_the_office() -> None:
    assert not worker(0, [5.0]).sooner_here()
    idle = worker(1, [])
    idle.pool = None  # the worker is gone: finish() judges here anyway
    assert not idle.sooner_here()


def test_before_any_answer_the_office_is_judged_here() -> None:
    assert worker(1, []).sooner_here()


@pytest.mark.parametrize(("pending", "took", "running_for", "here"), [
    (1, [0.1, 0.12], 0.0, False),  # a nightly re-audit's short judging: wait for it
    (1, [3.0], 0.5, True),  # a long judging under way: judged here meanwhile
    (1, [3.0], 2.95, False),  # ... unless it is about to end
    (3, [0.15], 0.0, True),  # two queued behind it: longer than the renderers' imports
])
def test_the_office_waits_when_the_worker_would_start_it_sooner(
        pending: int, took: list[float], running_for: float, here: bool) -> None:
    assert HERE_START_S == pytest.approx(0.3)
    assert worker(pending, took, running_for).sooner_here() is here


def test_once_judged_here_the_renderers_are_imported_and_the_office_stays_here() -> None:
    assert worker(1, [0.1], judged_here=1).sooner_here()


@pytest.mark.parametrize(("spent", "slowdown", "here"), [
    ([(0.1, 0.1)], 1.0, True),  # a quiet machine: 0.6 s of wait against 0.3 s here
    ([(0.2, 0.1), (0.3, 0.1)], 2.5, False),  # busy: the imports here take 0.75 s
    ([(0.05, 0.1)], 1.0, True),  # never faster than its CPU time
    ([], 1.0, True),  # no CPU time known yet: a quiet machine's
])
def test_on_a_busy_machine_the_first_judging_here_waits_for_its_share_too(
        spent: list[tuple[float, float]], slowdown: float, here: bool) -> None:
    """The renderers' imports take HERE_START_S of CPU time, and as long in wall time as
    the worker's judging takes for its CPU time: the office waits for a worker 0.6 s
    from starting it on a busy machine, not on a quiet one."""
    w = worker(2, [0.3], spent=spent)
    assert w.slowdown() == pytest.approx(slowdown)
    assert w.sooner_here() is here
