"""The cyclic garbage collector held back while a process starts (``crawler/collector.py``):
importing a command's modules and setting a batch up run no collection, the collector runs
again once the crawl has settled, and the judging worker forked meanwhile collects its own
garbage."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.batch.judgeworker import JudgeWorker
from crawler.collector import held
from tests.conftest import ROOT


def _child(code: str, *argv: str) -> str:
    """The last line ``code`` prints in a fresh interpreter (start-up is what is tested)."""
    out = subprocess.run(
        [sys.executable, "-c", code, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    return out.splitlines()[-1]


def test_held_restores_the_collector_as_it_was() -> None:
    assert gc.isenabled()
    with held():
        assert not gc.isenabled()
        with held():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still holds it
    assert gc.isenabled()
    with pytest.raises(RuntimeError), held():
        raise RuntimeError("a failed start-up")
    assert gc.isenabled()
    gc.disable()
    try:
        with held():
            pass
        assert not gc.isenabled()  # held by someone else before: left so
    finally:
        gc.enable()


def test_importing_a_crawl_command_runs_no_collection() -> None:
    """``oit-audit batch`` imports about 1,200 modules; the collector used to walk them some
    270 times (twice in full) while they loaded.  Once loaded they are frozen, so the first
    collection after does not walk them all either."""
    code = (
        "import gc, sys\nfrom crawler import cli\nruns = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'stop' and runs.append(1))\n"
        "cli.run = lambda args: print(len(runs), 'scrapy' in sys.modules, gc.isenabled(),"
        " gc.get_freeze_count() > 0) or 0\n"
        "sys.argv = ['oit-audit', 'batch', 'offices.csv']\ncli.entry()"
    )
    assert _child(code).split() == ["0", "True", "True", "True"]


def test_a_batch_is_set_up_with_the_collector_held_and_settles_with_it_running(
    tmp_path: Path,
) -> None:
    """From the checklists' loading to the first crawler built, no collection; once settled
    (``crawler.run.settle_start_up``: what was loaded frozen) the collector runs again."""
    offices = tmp_path / "offices.csv"
    offices.write_text("name,url\nsite0,http://127.0.0.1:9/\n", encoding="utf-8")
    code = (
        "import gc, sys\nimport crawler.run\nreal = crawler.run.settle_start_up\nseen = []\n"
        "def settle():\n    seen.append(gc.isenabled())\n    real()\n"
        "crawler.run.settle_start_up = settle\nfrom crawler.cli import main\n"
        "main(['batch', sys.argv[1], '--out', sys.argv[2], '--as-of', '2026-05-15',"
        " '--no-external'])\n"
        "print(seen, gc.isenabled(), gc.get_freeze_count() > 0)"
    )
    assert _child(code, str(offices), str(tmp_path / "out")) == "[False] True True"


def test_a_worker_forked_while_the_collector_is_held_collects_its_garbage() -> None:
    """Python's documentation of gc.freeze: disable early in the parent, enable in the
    children; the judging worker would otherwise run a whole batch without a collection."""
    with held():
        worker = JudgeWorker({}, lambda f: f())
    try:
        assert worker.pool is not None
        assert worker.pool.submit(gc.isenabled).result(timeout=60) is True
    finally:
        worker.close()
    assert gc.isenabled()


def test_judging_holds_the_collector_back(monkeypatch, tmp_path) -> None:
    """A crawl is judged with the collector held back (``crawler.judging.judge``: it makes
    next to no cyclic garbage) and the collector runs again once the report is made."""
    from crawler import judging
    from tests.cli.test_rejudge import _audit

    during: list[bool] = []
    real = judging._judged

    def judged(run, snapshot):
        during.append(gc.isenabled())
        return real(run, snapshot)

    monkeypatch.setattr(judging, "_judged", judged)
    assert gc.isenabled()
    out = _audit(tmp_path / "audit")
    assert during == [False]
    assert gc.isenabled()
    assert (out / "report.json").is_file()
