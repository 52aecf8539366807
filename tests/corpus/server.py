"""Serve a corpus site on 127.0.0.1 the way office servers behave.

Beyond static files: URLs with a query (``ita.php?sub=9.1``) map to files named with ``@``
(``ita.php@sub=9.1``); extension-less and ``.php`` files are HTML; ``__DRIVE__`` in HTML is the
local Google Drive stand-in's base URL; ``labels.yaml``'s ``server`` section adds delays per
path, a dropped connection on the first request to a path, and forced HTTP statuses.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from crawler.demo import QuietStaticHandler

CORPUS = Path(__file__).resolve().parents[1] / "sites" / "corpus"
HTML_SUFFIXES = ("", ".html", ".htm", ".php")


class CorpusHandler(QuietStaticHandler):
    """Static files with queries, PHP-like pages, templating and server misbehaviour."""

    drive_base = ""
    pace = 1.0  # delays are multiplied by it (a test's timeouts stretched alike on a busy machine)
    behaviour: dict[str, Any] = {}
    seen: set[str] = set()
    lock = threading.Lock()

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        rules = self.behaviour
        delay = float(rules.get("delays", {}).get(path, 0)) * self.pace
        if delay:
            time.sleep(delay)
        if path in rules.get("drop_first", []):
            with self.lock:
                first = path not in self.seen
                self.seen.add(path)
            if first:
                self.close_connection = True
                return  # no response at all: the client sees the connection drop
        status = rules.get("status", {}).get(path)
        if status:
            return self._send(int(status), b"<html><body><h1>Internal Server Error</h1></body>"
                                            b"</html>")
        file = Path(self.translate_path(parts.path))
        if parts.query:
            candidate = file.with_name(f"{file.name}@{parts.query}")
            if candidate.is_file():
                file = candidate
        if file.is_dir():
            if not parts.path.endswith("/"):
                return super().do_GET()  # the usual redirect to the slash form
            file = file / "index.html"
        base = file.name.split("@")[0]
        if file.is_file() and Path(base).suffix in HTML_SUFFIXES:
            body = file.read_bytes().replace(b"__DRIVE__", self.drive_base.encode())
            return self._send(200, body)
        return super().do_GET()

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    """No tracebacks when the crawler gives up on a slow response and hangs up."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


def load_labels(name: str) -> dict[str, Any]:
    return yaml.safe_load((CORPUS / name / "labels.yaml").read_text(encoding="utf-8"))


def site_names() -> list[str]:
    return sorted(p.parent.name for p in CORPUS.glob("*/labels.yaml"))


@contextmanager
def serve_site(name: str, extra_behaviour: dict[str, Any] | None = None, pace: float = 1.0) -> \
        Iterator[tuple[str, dict[str, Any], str]]:
    """Serve corpus site ``name``; yield (home URL, settings for the audit, drive netloc).
    ``pace`` multiplies the server's delays."""
    from crawler.demo_drive import hosts_for, serve_drive

    labels = load_labels(name)
    behaviour = {**(labels.get("server") or {})}
    for key, value in (extra_behaviour or {}).items():
        behaviour[key] = {**behaviour.get(key, {}), **value} if isinstance(value, dict) \
            else [*behaviour.get(key, []), *value]
    with ExitStack() as stack:
        settings: dict[str, Any] = {}
        netloc = ""
        if (labels.get("settings") or {}).get("drive"):
            netloc = stack.enter_context(serve_drive(CORPUS / name / "drive"))
            settings["OIT_SHARING_HOSTS"] = hosts_for(netloc)
        handler_class = type("Handler", (CorpusHandler,), {
            "drive_base": f"http://{netloc}" if netloc else "", "behaviour": behaviour,
            "pace": pace,
            "seen": set(), "lock": threading.Lock()})
        handler = functools.partial(handler_class, directory=str(CORPUS / name / "site"))
        server = QuietServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/", settings, netloc
        finally:
            server.shutdown()
            server.server_close()
