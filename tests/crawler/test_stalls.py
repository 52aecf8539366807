"""``worker.Stalls`` counts the calls waiting out a Redis stall together, to say "waiting"
once when the first meets it and "answers again" once the last is answered (nightly47,
f03db0ca).  Plain code: calls that time out are stand-ins raising ``redis.TimeoutError``."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
import redis

from crawler.distributed.worker import Stalls

URL = "redis://127.0.0.1:9/0"


def _answers(*tries: BaseException | str) -> Callable[[], str]:
    """A call whose tries raise or return, in turn, what ``tries`` holds."""
    left: Iterator[BaseException | str] = iter(tries)

    def call() -> str:
        answer = next(left)
        if isinstance(answer, BaseException):
            raise answer
        return answer
    return call


def test_a_call_leaving_a_stall_by_another_error_is_counted_back(capsys):
    """A call counted among those waiting out a stall (its read timed out) that then leaves
    by another error (the connection refused or reset) is counted back: the next stall is
    said to end once its call is answered.  Before (c39ace3b, stalls47-balance), it stayed
    counted for ever and "answers again" was never said after (the coordinator's test waits
    for that line to send its SIGTERM)."""
    patient = Stalls(URL, threading.Event(), 60.0)
    with pytest.raises(redis.ConnectionError):
        patient(_answers(redis.TimeoutError("read"), redis.ConnectionError("reset")))
    assert patient.stalled_calls == 0
    capsys.readouterr()
    assert patient(_answers(redis.TimeoutError("read"), "ok")) == "ok"
    said = capsys.readouterr().err
    assert "has not answered for 5 s (stalled)" in said, said
    assert "answers again after a stall of" in said, said
    assert patient.stalled_calls == 0


def test_a_call_met_by_a_stall_under_way_and_left_by_another_error_is_counted_back(capsys):
    """The same for a call whose first try timed out in a stall already under way
    (:meth:`Stalls.after`: a worker's crawls' calls, moved off the reactor): it leaves by
    another error, counted back; the next such call, answered, says "answers again"."""
    patient = Stalls(URL, threading.Event(), 60.0)
    began = 1.0  # when the stall began (time.monotonic's clock)
    with pytest.raises(redis.ConnectionError):
        patient.after(_answers(redis.ConnectionError("reset")), began)
    assert patient.stalled_calls == 0
    capsys.readouterr()
    assert patient.after(_answers("ok"), began) == "ok"
    said = capsys.readouterr().err
    assert said.count("answers again after a stall of") == 1, said
    assert patient.stalled_calls == 0
