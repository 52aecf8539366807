"""A real redis-server on a free 127.0.0.1 port for the tests of shared batches (started per
test, no persistence, in the test's folder); the tests skip where it is not installed
(.ci/setup.sh installs it)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

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


class StallablePath:
    """A TCP path from one client to a redis-server (``url``: the path's own, 127.0.0.1)
    that a test can stall for that client alone (:meth:`stall`, :meth:`resume`): while
    stalled the path takes connections and bytes but passes nothing either way, as a
    stalled server does (SIGSTOP), while the server answers its other clients; what was
    held passes on once it resumes.  nightly49: a worker whose lease expires in a stall
    while another worker claims its office (with SIGSTOP no one can claim during the
    stall, and who is first once it ends is a race)."""

    def __init__(self, server_url: str) -> None:
        parts = urlsplit(server_url)
        self.server = (parts.hostname or "127.0.0.1", parts.port or 6379)
        self.flowing = threading.Event()
        self.flowing.set()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"redis://127.0.0.1:{self.listener.getsockname()[1]}{parts.path}"
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def stall(self) -> None:
        self.flowing.clear()

    def resume(self) -> None:
        self.flowing.set()

    def close(self) -> None:
        self.flowing.set()
        for sock in [self.listener, *self.sockets]:
            sock.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
                server = socket.create_connection(self.server)
            except OSError:  # closed
                return
            self.sockets += [client, server]
            for src, dst in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(src, dst), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                data = b""
            self.flowing.wait()  # held in a stall, then passed on in order
            try:
                if not data:
                    dst.shutdown(socket.SHUT_WR)
                    return
                dst.sendall(data)
            except OSError:
                return
