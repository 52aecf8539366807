"""tests/patience.py: test time limits counted in quiet seconds, and a crawl's own limits
stretched in test subprocesses on a busy machine."""

from __future__ import annotations

import importlib
import subprocess
import sys
import time

import pytest

from tests import patience

SLEEPER = [sys.executable, "-c", "import sys, time; print(sys.stdin.read()); time.sleep(60)"]


def test_a_process_past_its_quiet_seconds_is_killed_with_what_it_wrote(monkeypatch):
    monkeypatch.setattr(patience, "share", lambda: 1.0)  # a quiet machine
    monkeypatch.setattr(patience, "STEP_S", 0.2)
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired) as err:
        patience.run(SLEEPER, 1.0, input="hello")
    assert time.monotonic() - started < 30
    assert "hello" in err.value.output


def test_a_busy_machine_stretches_the_wait(monkeypatch):
    monkeypatch.setattr(patience, "share", lambda: 0.25)  # a quiet second takes four
    monkeypatch.setattr(patience, "STEP_S", 0.2)
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        patience.run(SLEEPER, 0.5)
    assert time.monotonic() - started >= 2.0


def test_a_finished_process_is_returned_as_subprocess_run_would():
    done = patience.run([sys.executable, "-c", "import sys; sys.exit(3)"], 60)
    assert (done.returncode, done.stdout, done.stderr) == (3, "", "")


def test_share_of_a_core_by_load(monkeypatch):
    monkeypatch.setattr(patience.os, "cpu_count", lambda: 2)
    for load, share in ((0.5, 1.0), (2.0, 1.0), (8.0, 0.25), (400.0, patience.MIN_SHARE)):
        monkeypatch.setattr(patience.os, "getloadavg", lambda load=load: (load, 0.0, 0.0))
        assert patience.share() == share
        assert patience.stretched(30) == pytest.approx(30 / share)


def test_a_modules_limits_are_stretched_once_it_is_imported(monkeypatch, tmp_path):
    (tmp_path / "oit_fake_limits.py").write_text("TIMEOUT = 30\nBUDGET = 2.5\nOTHER = 7\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(patience.STRETCHED, "oit_fake_limits", ("TIMEOUT", "BUDGET"))
    monkeypatch.setattr(sys, "meta_path", [patience._Stretcher(3.0), *sys.meta_path])
    monkeypatch.delitem(sys.modules, "oit_fake_limits", raising=False)
    module = importlib.import_module("oit_fake_limits")
    try:
        assert (module.TIMEOUT, module.BUDGET, module.OTHER) == (90, 7.5, 7)
        assert isinstance(module.TIMEOUT, int)
    finally:
        sys.modules.pop("oit_fake_limits", None)


@pytest.mark.parametrize(("env", "share", "installed"), [
    ("1", 0.25, True), ("1", 1.0, False), ("", 0.25, False)])
def test_install_only_when_asked_and_busy(monkeypatch, env, share, installed):
    monkeypatch.setenv(patience.ENV, env)
    monkeypatch.setattr(patience, "share", lambda: share)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    assert patience.install() == 1 / share
    assert any(isinstance(f, patience._Stretcher) for f in sys.meta_path) == installed


def test_the_crawls_limits_are_the_stretched_names():
    import crawler.documents.worker as worker
    import crawler.settings as settings

    for module, names in ((settings, patience.STRETCHED["crawler.settings"]),
                          (worker, patience.STRETCHED["crawler.documents.worker"])):
        for name in names:
            assert isinstance(getattr(module, name), int | float), name
