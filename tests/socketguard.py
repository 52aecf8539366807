"""A socket guard for the test suite: no connection may leave 127.0.0.1.

``install(log)`` wraps ``socket.socket.connect``/``connect_ex`` so that a TCP/UDP connection
to any address other than the allowed loopback hosts is refused (``ECONNREFUSED``) and written
to ``log``, one ``host:port`` a line.  The test session installs it in its own process
(tests/conftest.py) and, through ``tests/_guard/sitecustomize.py`` and the
``OIT_TEST_SOCKET_GUARD`` environment variable, in every ``oit-audit`` subprocess it starts;
each test then fails if the log grew while it ran.  Chromium (JavaScript rendering) is not a
Python process and is not covered.
"""

from __future__ import annotations

import errno
import os
import socket
import threading
from pathlib import Path
from typing import Any

ENV = "OIT_TEST_SOCKET_GUARD"
ALLOWED_HOSTS = frozenset({"127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"})
GUARD_DIR = Path(__file__).with_name("_guard")  # holds sitecustomize.py for subprocesses
_lock = threading.Lock()


def _outside(sock: socket.socket, address: Any) -> str:
    """``host:port`` when ``address`` is outside the allowed hosts ('' when allowed)."""
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or not isinstance(address, tuple):
        return ""  # Unix sockets, socketpairs
    host = str(address[0]).lower()
    return "" if host in ALLOWED_HOSTS else f"{host}:{address[1]}"


def install(log: str | os.PathLike[str]) -> None:
    """Refuse and log connections outside 127.0.0.1 in this process (idempotent)."""
    if getattr(socket.socket, "_oit_guarded", False):
        return
    path = Path(log)
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def record(target: str) -> None:
        with _lock, path.open("a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {target}\n")

    def guarded_connect(self: socket.socket, address: Any) -> None:
        target = _outside(self, address)
        if target:
            record(target)
            raise ConnectionRefusedError(errno.ECONNREFUSED, f"socket guard: {target}")
        return connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        target = _outside(self, address)
        if target:
            record(target)
            return errno.ECONNREFUSED
        return connect_ex(self, address)

    socket.socket.connect = guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = guarded_connect_ex  # type: ignore[method-assign]
    socket.socket._oit_guarded = True  # type: ignore[attr-defined]


def violations(log: str | os.PathLike[str], start: int = 0) -> list[str]:
    """Connections refused since byte ``start`` of the log."""
    path = Path(log)
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        fh.seek(start)
        return [line.split(" ", 1)[1].strip() for line in fh if line.strip()]


def log_size(log: str | os.PathLike[str]) -> int:
    path = Path(log)
    return path.stat().st_size if path.exists() else 0


def subprocess_pythonpath(root: Path) -> str:
    """PYTHONPATH for a child Python that should carry the guard (sitecustomize first)."""
    return os.pathsep.join([str(GUARD_DIR), str(root)])
