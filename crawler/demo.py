"""Serve the bundled demo site on 127.0.0.1 (a free port) for ``oit-audit demo``."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import as_file, files
from pathlib import Path

# The demo's content is of fiscal year 2569; auditing it at this fixed date keeps its verdicts
# the same whatever day it runs (override with --as-of).
DEMO_AS_OF = "2026-05-15"


class QuietStaticHandler(SimpleHTTPRequestHandler):
    """Static files without access logs and without file-system Last-Modified dates (the
    checkout time is not a publication date)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() != "last-modified":
            super().send_header(keyword, value)


@contextmanager
def serve_directory(root: Path, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``root`` over HTTP on a free port; yield the base URL."""
    handler = functools.partial(QuietStaticHandler, directory=str(root))
    server = ThreadingHTTPServer((host, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_demo() -> Iterator[str]:
    """Serve the bundled demo site; yield its home URL."""
    with as_file(files("crawler.demo_site") / "site") as root, serve_directory(root) as url:
        yield url
