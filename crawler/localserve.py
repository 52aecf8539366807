"""HTTP servers on a free port of this machine, for the demo (its site and its Drive
stand-in) and for the tests' fixture sites: one way to start, answer and stop them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing (the audit's output stays clean) and answers with
    :meth:`send`."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        """One whole response: status, type, length, ``headers``, then the body."""
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serving(handler: Any, host: str = "127.0.0.1") -> Iterator[ThreadingHTTPServer]:
    """Serve ``handler`` (a handler class, or a callable making one) on a free port of
    ``host`` from a thread; yield the server (``server.server_address[1]`` is its port) and
    stop it on exit."""
    server = ThreadingHTTPServer((host, 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
