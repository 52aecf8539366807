"""Ctrl-C or SIGTERM while a page is being rendered: the browser finishes the page.

A terminal's Ctrl-C sends SIGINT to the whole foreground process group: the audit, its
document readers (crawler/readerstart.py ignores it there) and Playwright's driver, the Node
process that runs Chromium.  The audit's first Ctrl-C is a polite stop (the pages in flight
are finished, then the audit ends "interrupted" and publishes what it has beside the last
report); Playwright's driver, by default, closed Chromium on it and exited, so the page being
rendered failed ("Target page, context or browser has been closed").  The audit launches
Chromium with ``handle_sigint: False`` (crawler/settings.py): the audit, not the driver,
decides when the browser ends.  A real audit of a 127.0.0.1 site whose menu is built by a
script held by the server until the stop has been sent.  SIGTERM to the audit's process
group (``timeout``, a shell's ``kill %1``) reached the driver too, whose SIGTERM handler (or,
with it off, Node's default) closed Chromium the same way: the driver now ignores SIGTERM
(crawler/driverstart.js), and a browser that dies anyway under a stop (``systemctl stop``
signals every process of the unit, Chromium too) is said so in the report, not "the browser
could not load the page".
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from crawler.rendering import renderer_status
from crawler.run import project_settings
from tests import patience, socketguard
from tests.conftest import AUDIT_HOME, ROOT, Recorder, _serve_app

needs_chromium = pytest.mark.skipif(renderer_status(project_settings()) != "",
                                    reason="Chromium is not installed")

HOME = """<html><head><title>สำนักงานเขตพื้นที่การศึกษา</title></head>
<body><nav id="menu"></nav><script src="/menu.js"></script></body></html>"""
MENU_JS = (b'document.getElementById("menu").innerHTML = '
           b'\'<a href="/ita/structure.html">structure</a>\';')


def _descendants(pid: int) -> set[int]:
    """The processes started under ``pid``, at any depth (Chromium runs in a session of its
    own, but is still the driver's child)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text()
    except OSError:
        return ""


def _alive(pids: set[int]) -> set[int]:
    """Those of ``pids`` still running (not gone, not a zombie)."""
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _audit_stopped(tmp_path: Path, stop: Callable[[subprocess.Popen, set[int]], None],
                   *extra: str) -> tuple[subprocess.Popen, str, str, str, set[int], Path]:
    """An audit of a site whose home page's menu is built by a script the server holds until
    ``stop(proc, browser)`` has stopped the audit (``browser``: the driver and Chromium's
    processes); the process, what it printed, the site's URL, the browser's processes, and
    the output folder."""
    asked, answer = threading.Event(), threading.Event()

    def app(path: str) -> tuple[int, dict[str, str], bytes]:
        if path == "/":
            return 200, {}, HOME.encode()
        if path == "/menu.js":  # only the browser asks for it: the page is being rendered
            asked.set()
            answer.wait(120)
            return 200, {"Content-Type": "application/javascript"}, MENU_JS
        if path == "/ita/structure.html":
            return 200, {}, "<html><head><title>โครงสร้าง</title></head></html>".encode()
        return 404, {}, b"not here"

    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT),
           "OIT_AUDIT_HOME": os.environ.get("OIT_AUDIT_HOME", AUDIT_HOME)}
    with _serve_app(app, Recorder()) as url:
        proc = subprocess.Popen(  # in a group of its own, as a terminal's foreground job
            [sys.executable, "-m", "crawler.cli", "audit", url, "--as-of", "2026-05-15",
             "--no-history", "--lang", "en", "--out", str(out), *extra],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True)
        try:
            assert patience.until(lambda: asked.is_set() or proc.poll() is not None, 240)
            assert asked.is_set(), proc.communicate()
            browser = _descendants(proc.pid)
            assert any("chrom" in _name(p) for p in browser), browser  # rendering in it
            stop(proc, browser)
            answer.set()
            stdout, stderr = patience.communicate(proc, 240)
        finally:
            answer.set()
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.communicate()
    return proc, stdout, stderr, url, browser, out


def _home(out: Path, url: str) -> dict:
    records = [json.loads(line) for line in  # the folder's first run: published as its set
               (out / "crawl.jsonl").read_text(encoding="utf-8").splitlines()]
    return next(r for r in records if r["url"] == url)


def _heard(proc: subprocess.Popen, signum: int) -> bool:
    """``signum`` is no longer pending for ``proc``: its handler has been entered."""
    status = Path(f"/proc/{proc.pid}/status").read_text(encoding="utf-8")
    pending = [int(line.split(":\t")[1], 16) for line in status.splitlines()
               if "Pnd:" in line]
    return not any(mask & (1 << (signum - 1)) for mask in pending)


@needs_chromium
@pytest.mark.parametrize("stops", [1, 2], ids=["ctrl-c", "ctrl-c twice"])
def test_ctrl_c_while_a_page_renders_lets_the_browser_finish_it(tmp_path: Path,
                                                                 stops: int) -> None:
    """Once: the page being rendered is finished and kept.  Twice: the audit ends at once,
    and the browser with it (none of its processes outlives the audit)."""
    def ctrl_c(proc: subprocess.Popen, browser: set[int]) -> None:
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: every process of the group
        patience.until(lambda: proc.poll() is not None, 2)  # what the driver did, done
        if stops == 2:
            os.killpg(proc.pid, signal.SIGINT)

    proc, stdout, stderr, url, browser, out = _audit_stopped(tmp_path, ctrl_c)
    assert patience.until(lambda: not _alive(browser), 30), _alive(browser)
    if stops == 2:
        return
    assert proc.returncode == 3, stdout + stderr  # stopped, as any stopped audit
    home = _home(out, url)
    assert home.get("rendered") and not home.get("error"), home  # the browser finished it
    assert url + "ita/structure.html" in [link["url"] for link in home["links"]], home  # menu
    assert "closed" not in stderr, stderr


@needs_chromium
def test_sigterm_to_the_group_lets_the_browser_finish_with_launch_options_given(
        tmp_path: Path) -> None:
    """SIGTERM to the audit's process group (``timeout``, ``kill %1``), with launch options
    of the user's own (``-s PLAYWRIGHT_LAUNCH_OPTIONS``, layered over the project's): the
    page being rendered is finished and kept, the audit ends "stopped" (exit 3), and no
    process of the browser outlives it.  On 298bc3b the driver closed Chromium ("render_failed:
    ... Failed to open a new tab"), and the options given replaced the project's: Chromium's
    path with them, so no page could be rendered."""
    def sigterm(proc: subprocess.Popen, browser: set[int]) -> None:
        os.killpg(proc.pid, signal.SIGTERM)
        patience.until(lambda: proc.poll() is not None, 2)  # what the driver did, done

    proc, stdout, stderr, url, browser, out = _audit_stopped(
        tmp_path, sigterm, "-s", 'PLAYWRIGHT_LAUNCH_OPTIONS={"timeout": 60000}')
    assert patience.until(lambda: not _alive(browser), 30), _alive(browser)
    assert proc.returncode == 3, stdout + stderr
    home = _home(out, url)
    assert home.get("rendered") and not home.get("error"), home
    assert url + "ita/structure.html" in [link["url"] for link in home["links"]], home
    assert "closed" not in stderr, stderr


@needs_chromium
def test_a_browser_that_dies_under_a_stop_is_said_so_and_the_report_is_written(
        tmp_path: Path) -> None:
    """SIGTERM, then Chromium killed, and every Chromium started again to render the page
    killed too, until the audit ends (``systemctl stop`` signals every process of the unit,
    Chromium too; after ``TimeoutStopSec`` it kills them): the audit still finishes its
    report (exit 3), the page kept as the server sent it, and the report says it was not
    rendered because the audit was stopped (on 298bc3b: "the browser could not load the
    page", as for a page the browser failed on).  (Killed once, the render is retried in a
    new browser and the page is rendered.)"""
    def sigterm_then_kill_chromium(proc: subprocess.Popen, browser: set[int]) -> None:
        os.killpg(proc.pid, signal.SIGTERM)
        assert patience.until(lambda: _heard(proc, signal.SIGTERM), 30)
        patience.until(lambda: proc.poll() is not None, 2)  # the stop under way

        def kill_chromium() -> None:
            while proc.poll() is None:
                for pid in _descendants(proc.pid):
                    if "chrom" in _name(pid):
                        try:
                            os.kill(pid, signal.SIGKILL)
                        except OSError:
                            pass
                patience.until(lambda: proc.poll() is not None, 0.05, poll_s=0.01)

        threading.Thread(target=kill_chromium, daemon=True).start()

    proc, stdout, stderr, url, browser, out = _audit_stopped(tmp_path,
                                                             sigterm_then_kill_chromium)
    assert patience.until(lambda: not _alive(browser), 30), _alive(browser)
    assert proc.returncode == 3, stdout + stderr
    home = _home(out, url)
    assert not home.get("rendered") and home["render_note"].startswith("stopped:"), home
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    note = next(n for n in report["crawl"]["not_rendered"] if n["url"] == url)
    assert note["cause"] == "stopped", note
    assert "was stopped" in note["reason_en"] and "ถูกหยุด" in note["reason"], note
