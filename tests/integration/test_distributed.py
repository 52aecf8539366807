"""Distributed batches on scrapy-redis: two workers share one batch through a real
redis-server (started here on a free 127.0.0.1 port); one is killed mid-run (SIGKILL: no
chance to clean up, as on a power loss or the OOM killer). Every office is finished, none is
audited twice, and no page is fetched twice, except the requests the killed worker had in
flight, whose answers died with it (robots.txt aside: each worker reads it once)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis

from tests import patience, socketguard
from tests.conftest import AUDIT_HOME, ROOT
from tests.integration.test_exit_codes import build_complete_site

REDIS = shutil.which("redis-server")
LEASE_S = 4  # a killed worker's office goes back to the queue after this
pytestmark = pytest.mark.skipif(REDIS is None, reason="redis-server not installed "
                                                      "(.ci/setup.sh installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    port = _free_port()
    proc = subprocess.Popen([REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    def answers() -> bool:
        try:
            return bool(client.ping())
        except redis.ConnectionError:
            return False

    patience.until(answers, 5)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(10)


def _static(root: Path, latency: float):
    """An app for ``serve_app``: the files under ``root``, each answer after ``latency``."""
    def app(path: str) -> tuple[int, dict[str, str], bytes]:
        time.sleep(latency)
        target = root / path.lstrip("/")
        target = target / "index.html" if target.is_dir() else target
        return (200, {}, target.read_bytes()) if target.is_file() else (404, {}, b"")
    return app


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "crawler.cli", *args]


def test_two_workers_one_killed_mid_run(tmp_path, redis_url, serve_app):
    env = {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT), "OIT_AUDIT_HOME": AUDIT_HOME}
    recorders = {}
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    with ExitStack() as stack:
        rows = ["name,url"]
        for n in range(4):
            build_complete_site(tmp_path / f"site{n}")
            url, recorders[url] = serve_app(_static(tmp_path / f"site{n}", 0.3))
            rows.append(f"office{n},{url}")
        (tmp_path / "offices.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        out = tmp_path / "out"
        coordinator = subprocess.Popen(
            _cli("batch", str(tmp_path / "offices.csv"), "--redis", redis_url, "--batch", "t",
                 "--out", str(out), "--as-of", "2026-05-15", "--no-external", "-s",
                 "AUTOTHROTTLE_ENABLED=false"), cwd=ROOT, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True)
        def worker(n: int) -> subprocess.Popen:
            return subprocess.Popen(
                _cli("worker", "--redis", redis_url, "--batch", "t", "--parallel", "1",
                     "--lease", str(LEASE_S), "--work-dir", str(tmp_path / f"w{n}")),
                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

        # the coordinator has submitted the batch
        patience.until(lambda: client.hlen("oit:batch:t:offices") == 4, 60, poll_s=0.1)
        victim = worker(0)
        stack.callback(_kill, [coordinator, victim])
        # the second worker joins once the first is part-way through an office; then the
        # first is killed
        stopped: list[str] = []

        def part_way() -> bool:
            for key in client.zrange("oit:batch:t:leases", 0, -1):
                if client.llen(f"oit:batch:t:site:{key}:records") >= 3 and \
                        not client.hexists("oit:batch:t:done", key):
                    stopped.append(key)
                    return True
            return victim.poll() is not None

        patience.until(part_way, 180)
        stopped_key = stopped[0] if stopped else None
        assert stopped_key, "the first worker never got part-way through an office"
        other = worker(1)
        workers = [victim, other]
        stack.callback(_kill, [other])
        victim.send_signal(signal.SIGKILL)
        assert patience.wait(victim, 60) == -signal.SIGKILL
        assert not client.hexists("oit:batch:t:done", stopped_key)  # left unfinished
        # what the killed worker had asked for and not recorded: made again by the other
        in_flight = {urlsplit(u).path for u in
                     client.hkeys(f"oit:batch:t:site:{stopped_key}:inflight")}
        recorded = client.llen(f"oit:batch:t:site:{stopped_key}:records")
        stopped_url = json.loads(client.hget("oit:batch:t:offices", stopped_key))["url"]
        code = patience.wait(coordinator, 240)
        log = coordinator.stdout.read()
        patience.wait(workers[1], 60)
    assert code == 0, log
    batch = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    assert batch["audited"] == 4 and not batch["failed"]
    done = {k: json.loads(v) for k, v in client.hgetall("oit:batch:t:done").items()}
    assert done[stopped_key]["worker"].endswith(f":{workers[1].pid}")  # continued by the other
    fetches = Counter((url, path) for url, rec in recorders.items() for path in rec.paths)
    homes = {url: fetches[(url, "/")] for url in recorders}
    assert set(homes.values()) == {1}, (homes, done)  # each office audited once
    twice = {k: n for k, n in fetches.items() if n > 1 and k[1] != "/robots.txt"}
    assert all(n == 2 and path in in_flight for (_, path), n in twice.items()), \
        (twice, in_flight)
    assert len(in_flight) <= 16 and recorded >= 3
    # the records the killed worker stored count: the other continued, not restarted
    report = json.loads((out / stopped_key / "report.json").read_text(encoding="utf-8"))
    assert report["crawl"]["pages"] + report["crawl"]["documents"] == \
        len({p for (u, p) in fetches if u == stopped_url and p != "/robots.txt"})
    state = [json.loads(line)["key"] for line in (out / "batch-state.jsonl").read_text()
             .splitlines()]
    assert len(state) == len(set(state)) == 4


def _kill(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


