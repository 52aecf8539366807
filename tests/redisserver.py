"""A real redis-server on a free 127.0.0.1 port for the tests of shared batches (started per
test, no persistence, in the test's folder); the tests skip where it is not installed
(.ci/setup.sh installs it)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis

from tests import patience
from tests.conftest import free_port

REDIS = shutil.which("redis-server")
needs_redis = pytest.mark.skipif(REDIS is None, reason="redis-server not installed "
                                                       "(.ci/setup.sh installs it)")


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A redis-server answering at the URL yielded, stopped after."""
    port = free_port()
    proc = subprocess.Popen([REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port)

    def answers() -> bool:
        try:
            return bool(client.ping())
        except redis.ConnectionError:
            return False

    try:
        patience.until(answers, 5)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(10)
