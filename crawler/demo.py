"""Serve the bundled demo site on 127.0.0.1 (a free port) for ``oit-audit demo``."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from crawler.demo_drive import hosts_for, serve_drive

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


class TemplatingHandler(QuietStaticHandler):
    """Static files, with ``__DRIVE__`` in HTML pages replaced by the fake Drive's base URL."""

    drive_base = ""

    def do_GET(self) -> None:  # noqa: N802
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return super().do_GET()
        body = path.read_text(encoding="utf-8").replace("__DRIVE__", self.drive_base).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_directory(root: Path, host: str = "127.0.0.1", drive_base: str = "") -> Iterator[str]:
    """Serve ``root`` over HTTP on a free port; yield the base URL."""
    handler_class = type("Handler", (TemplatingHandler,), {"drive_base": drive_base})
    handler = functools.partial(handler_class, directory=str(root))
    server = ThreadingHTTPServer((host, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_demo() -> Iterator[tuple[str, dict[str, Any]]]:
    """Serve the bundled demo site and its fake Drive; yield (home URL, crawler settings)."""
    demo = files("crawler.demo_site")
    with as_file(demo / "drive") as drive_root, serve_drive(drive_root) as netloc, \
            as_file(demo / "site") as root, \
            serve_directory(root, drive_base=f"http://{netloc}") as url:
        yield url, {"OIT_SHARING_HOSTS": hosts_for(netloc), "OIT_CHECK_EXTERNAL": False,
                    "OIT_ALLOW_PRIVATE": True}  # both servers are on 127.0.0.1
