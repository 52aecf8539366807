"""Shared test fixtures: serve fixture sites on 127.0.0.1 and run the real CLI.

Crawls run in a subprocess (`python -m crawler.cli ...`) because Twisted's reactor cannot be
restarted inside one pytest process; the subprocess is the same code path a user runs.

A crawl costs seconds, so the crawls many test files need run once per session here:
``demo_audit`` (``oit-audit demo`` in a history folder of its own), ``demo_next_year`` (the
demo a year later, with Scrapy's log and every Python warning shown) and ``refused_audit``
(a site whose port refuses connections).  Renderer tests need no crawl at all: they read
the checked-in report of ``tests/fixtures/report/`` (``REPORT_FIXTURE``).
"""

from __future__ import annotations

import io
import json
import os
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from crawler.cli import main as cli_main
from crawler.demo import serve_directory
from crawler.localserve import QuietHandler, serving
from tests import patience, socketguard

ROOT = Path(__file__).resolve().parents[1]
SITES = Path(__file__).with_name("sites")
# The report of one demo audit (tests/fixtures/make_report_fixture.py regenerates it).
REPORT_FIXTURE = Path(__file__).with_name("fixtures") / "report" / "report.json"
# History, locks and caches of CLI runs go to a throw-away folder, never the user's own.
AUDIT_HOME = tempfile.mkdtemp(prefix="oit-audit-home-")


@dataclass
class CliResult:
    """Exit code, output and the report written (if any)."""

    code: int
    stdout: str
    stderr: str
    out_dir: Path

    @property
    def report(self) -> dict[str, Any]:
        return json.loads((self.out_dir / "report.json").read_text(encoding="utf-8"))

    def verdicts(self) -> dict[str, str]:
        return {i["code"]: i["verdict"] for i in self.report["items"]}


def run_cli(*args: str, out_dir: Path | None = None, timeout: float = 240,
            env: dict[str, str] | None = None, stdin: str | None = None) -> CliResult:
    """Run ``oit-audit ARGS`` as a user would (``python -m crawler.cli``); ``timeout`` is in
    quiet seconds (tests/patience.py: it stretches while the machine is busy)."""
    argv = [sys.executable, "-m", "crawler.cli", *args]
    if out_dir is not None:
        argv += ["--out", str(out_dir)]
    full_env = {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT),
                "COLUMNS": "200",
                "OIT_AUDIT_HOME": os.environ.get("OIT_AUDIT_HOME", AUDIT_HOME), **(env or {})}
    proc = patience.run(argv, timeout, input=stdin, cwd=ROOT, env=full_env)
    return CliResult(proc.returncode, proc.stdout, proc.stderr, out_dir or ROOT)


def run_main(*args: str, out_dir: Path | None = None,
             env: dict[str, str] | None = None) -> CliResult:
    """``oit-audit ARGS`` run by the console script's entry point (``crawler.cli.main``) in
    this process, with the same environment as :func:`run_cli`: for commands that crawl
    nothing (a refused command line, ``report``, ``diff``, ``history``, ``schedule``,
    ``checklist``), without paying a Python and Scrapy start-up each.  A crawl needs
    :func:`run_cli`: Twisted's reactor cannot be restarted in one process."""
    argv = [*args, *(["--out", str(out_dir)] if out_dir is not None else [])]
    stdout, stderr = io.StringIO(), io.StringIO()
    full_env = {"COLUMNS": "200", "OIT_AUDIT_HOME": os.environ.get("OIT_AUDIT_HOME", AUDIT_HOME),
                **(env or {})}
    with mock.patch.dict(os.environ, full_env), redirect_stdout(stdout), \
            redirect_stderr(stderr):
        try:
            code = cli_main(argv)
        except SystemExit as exc:  # argparse refusing the command line
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return CliResult(code, stdout.getvalue(), stderr.getvalue(), out_dir or ROOT)


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (connections to it are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class DemoAudit:
    """One ``oit-audit demo`` run and the private history folder (``env``) it recorded in."""

    result: CliResult
    home: Path

    @property
    def env(self) -> dict[str, str]:
        return {"OIT_AUDIT_HOME": str(self.home)}


@pytest.fixture(scope="session")
def demo_audit(tmp_path_factory: pytest.TempPathFactory) -> DemoAudit:
    """``oit-audit demo``, run once per session as a first audit in a history folder of its
    own (tests/cli/test_demo_twice.py runs the second one there)."""
    home = tmp_path_factory.mktemp("demo-home")
    result = run_cli("demo", out_dir=tmp_path_factory.mktemp("demo"),
                     env={"OIT_AUDIT_HOME": str(home)})
    return DemoAudit(result, home)


NEXT_YEAR_UNITS = "units:\n  it: {th: งานไอที, en: IT}\nitems:\n  O1: it\n"


def next_year_units(out_dir: Path) -> Path:
    """The units file ``demo_next_year`` was given (beside its output folder)."""
    return out_dir.parent / f"{out_dir.name}-units.yaml"


@pytest.fixture(scope="session")
def demo_next_year(tmp_path_factory: pytest.TempPathFactory) -> CliResult:
    """``oit-audit demo --as-of 2027-05-15 --verbose --units UNITS`` with every Python
    warning shown; UNITS (``NEXT_YEAR_UNITS``) gives O1 to a unit "it" (งานไอที)."""
    out = tmp_path_factory.mktemp("demo-2027")
    units = next_year_units(out)
    units.write_text(NEXT_YEAR_UNITS, encoding="utf-8")
    return run_cli("demo", "--as-of", "2027-05-15", "--verbose", "--units", str(units),
                   out_dir=out, env={"PYTHONWARNINGS": "always"})


@pytest.fixture(scope="session")
def refused_audit(tmp_path_factory: pytest.TempPathFactory) -> CliResult:
    """``oit-audit audit URL --no-history`` where URL's port refuses every connection."""
    return run_cli("audit", f"http://127.0.0.1:{free_port()}/", "--no-history",
                   out_dir=tmp_path_factory.mktemp("refused"))


GUARD_LOG = Path(AUDIT_HOME) / "socket-guard.log"


def _shared_fixtures(item: pytest.Item) -> set[str]:
    """What a test shares with others: the module for a module- or class-scoped fixture of
    this project's tests, the fixture's name for a session-scoped one (asked for by the test
    or by the fixtures it asks for; autouse fixtures are everyone's and left out)."""
    info = getattr(item, "_fixtureinfo", None)  # pytest's record of the fixtures asked for
    if info is None:
        return set()
    defs = info.name2fixturedefs
    todo, seen, keys = list(info.argnames), set(), set()
    while todo:
        name = todo.pop()
        if name in seen or name not in defs:
            continue
        seen.add(name)
        fixture = defs[name][-1]
        todo += fixture.argnames
        if fixture.scope == "function" or not fixture.func.__module__.startswith("tests."):
            continue
        keys.add(item.module.__name__ if fixture.scope in ("module", "class") else
                 f"{fixture.scope}:{name}")
    return keys


def _name_group(item: pytest.Item, group: str) -> None:
    """Put ``item`` in xdist group ``group``: the marker, and the group at the end of its node
    id (``ID@group``), which is all pytest-xdist's ``loadgroup`` scheduler reads.  pytest-xdist
    3.8 writes the suffix to ``item._nodeid``, which pytest 9.2 no longer reads (its id is the
    structured ``item._id``), so the groups never reached the scheduler and every worker ran
    every shared crawl (pytest-dev/pytest-xdist#1386): the id is set here for either pytest."""
    item.add_marker(pytest.mark.xdist_group(group))
    if not getattr(item.config.option, "loadgroup", False):  # not a loadgroup worker
        return
    named = f"{item.nodeid}@{group}"
    if item.nodeid.endswith(f"@{group}"):
        return
    if hasattr(item, "_id"):  # pytest >= 9.2: a NodeId
        item._id = type(item._id).parse(named)
    else:
        item._nodeid = named


@pytest.hookimpl(trylast=True)  # after pytest-xdist's own hook, whichever id it wrote
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under ``pytest -n`` (pytest-xdist, ``--dist loadgroup``), tests that share a module- or
    session-scoped fixture, directly or through each other, run on one worker: each shared
    crawl runs once per suite, as without workers."""
    if not config.pluginmanager.hasplugin("xdist"):
        return
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    keyed = [(item, sorted(_shared_fixtures(item))) for item in items]
    for _, keys in keyed:
        for key in keys[1:]:
            parent[root(key)] = root(keys[0])
    for item, keys in keyed:
        if keys:
            _name_group(item, root(keys[0]))


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: no error without it
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``--dist loadgroup`` (the README's ``pytest -n auto``) with the suite's longest tests
    handed out first (tests/longfirst.py)."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from tests.longfirst import LongFirstScheduling  # imports pytest-xdist: only under -n

    return LongFirstScheduling(config, log)


@pytest.fixture(scope="session", autouse=True)
def _socket_guard() -> Iterator[Path]:
    """No test, and no CLI subprocess of a test, connects outside 127.0.0.1."""
    os.environ[socketguard.ENV] = str(GUARD_LOG)
    socketguard.install(GUARD_LOG)
    yield GUARD_LOG


@pytest.fixture(scope="session", autouse=True)
def _bytecode_cache() -> Iterator[None]:
    """CLI subprocesses share the project's compiled bytecode in a throw-away folder
    (PYTHONPYCACHEPREFIX), never beside the sources: with PYTHONDONTWRITEBYTECODE set, each
    one would compile every module of the project again."""
    with mock.patch.dict(os.environ, {"PYTHONPYCACHEPREFIX": str(Path(AUDIT_HOME) / "pyc")}):
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        yield


@pytest.fixture(scope="session", autouse=True)
def _patient_subprocesses() -> Iterator[None]:
    """Test subprocesses stretch a crawl's limits on wall time by the machine's load at their
    start (tests/patience.py): a busy machine is not read as a dead site."""
    with mock.patch.dict(os.environ, {patience.ENV: "1"}):
        yield


@pytest.fixture(autouse=True)
def _no_connection_outside(_socket_guard: Path) -> Iterator[None]:
    start = socketguard.log_size(_socket_guard)
    yield
    outside = socketguard.violations(_socket_guard, start)
    if outside:
        pytest.fail(f"connections outside 127.0.0.1 were attempted: {sorted(set(outside))}")


@pytest.fixture
def serve() -> Iterator[Callable[[Path], str]]:
    """``serve(path)`` serves a directory on 127.0.0.1 and returns its base URL."""
    with ExitStack() as stack:
        yield lambda root: stack.enter_context(serve_directory(Path(root)))


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    return run_cli


class Recorder:
    """Requests seen by an app server: paths and user agents."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.agents: list[str] = []


@contextmanager
def _serve_app(app: Callable[[str], tuple[int, dict[str, str], bytes]], rec: Recorder):
    class Handler(QuietHandler):
        def do_GET(self) -> None:  # noqa: N802
            rec.paths.append(self.path)
            rec.agents.append(self.headers.get("User-Agent", ""))
            status, headers, body = app(self.path)
            headers = dict(headers)
            self.send(status, body, headers.pop("Content-Type", "text/html; charset=utf-8"),
                      headers)

    with serving(Handler) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture
def serve_app():
    """``serve_app(app)`` -> (url, recorder); ``app(path) -> (status, headers, body)``."""
    with ExitStack() as stack:
        def start(app):
            rec = Recorder()
            return stack.enter_context(_serve_app(app, rec)), rec
        yield start
