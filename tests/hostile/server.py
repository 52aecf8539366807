"""Serve the hostile fixture site (tests/sites/hostile/) on 127.0.0.1 with its traps.

Static pages come from tests/sites/hostile/; on top of them:

* ``/trap/...``: redirect traps (a loop, a 30-hop chain, a redirect to a closed port, to cloud
  metadata, to another loopback address, to a private 10.x address, a meta refresh to
  metadata, a same-site move, a redirect to another local server);
* ``/enc/...``: pages whose declared encoding is wrong (UTF-8 bytes declared ISO-8859-1,
  windows-874 bytes declared UTF-8) or missing from the header (windows-874 declared only in
  a meta tag, or nowhere);
* ``/robots.txt`` from the ``robots`` argument;
* ``__SELF__``/``__OTHER__``/``__HANG__`` in HTML replaced by this server's port (on the name
  ``localhost``), another local server's netloc and a hanging server's port.

Every request is recorded (path and Host header), so a test can assert what was never asked.
"""

from __future__ import annotations

import functools
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.corpus.server import CorpusHandler, QuietServer

ROOT = Path(__file__).resolve().parents[1] / "sites" / "hostile"
CHAIN_LENGTH = 30
# Addresses the traps point to; none of them may ever be connected to.
FORBIDDEN_TARGETS = ("169.254.169.254", "127.0.0.2", "10.20.30.40")
ENCODINGS = {  # path -> (charset in the header, real encoding of the bytes)
    "/enc/latin1-header.html": ("ISO-8859-1", "utf-8"),
    "/enc/tis620-body.html": ("utf-8", "cp874"),
    "/enc/tis620-meta.html": (None, "cp874"),
    "/enc/tis620-none.html": (None, "cp874"),
}


def redirects(other: str) -> dict[str, str]:
    """Trap path -> Location."""
    table = {
        "/trap/loop-a": "/trap/loop-b",
        "/trap/loop-b": "/trap/loop-a",
        "/trap/unreachable": "http://127.0.0.1:1/ita/structure.html",
        "/trap/metadata": "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "/trap/loopback": "http://127.0.0.2:1/contact.html",
        "/trap/ten": "http://10.20.30.40/laws-2569.pdf",
        "/trap/moved": "/net/report-2568.html",
        "/trap/offsite": f"http://{other}/eservice.html",
    }
    for n in range(1, CHAIN_LENGTH):
        table[f"/trap/chain/{n}"] = f"/trap/chain/{n + 1}"
    table[f"/trap/chain/{CHAIN_LENGTH}"] = "/net/about.html"
    return table


META_REFRESH = (b'<html><head><meta http-equiv="refresh" content="0; url=http://169.254.169.254/'
                b'latest/meta-data/"><title>Social Network 2569</title></head><body></body></html>')


@dataclass
class Seen:
    """Requests a server answered: (Host header, path)."""

    requests: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, host: str, path: str) -> None:
        with self.lock:
            self.requests.append((host, path))

    def paths(self) -> list[str]:
        return [p for _, p in self.requests]

    def hosts(self) -> set[str]:
        return {h.split(":")[0] for h, _ in self.requests}


class HostileHandler(CorpusHandler):
    """Static pages of tests/sites/hostile/ plus the traps above (``_send`` from the corpus
    server)."""

    seen: Seen
    robots = ""
    replacements: dict[bytes, bytes] = {}
    table: dict[str, str] = {}

    def do_GET(self) -> None:  # noqa: N802
        path = urlsplit(self.path).path
        self.seen.add(self.headers.get("Host", ""), self.path)
        if path == "/robots.txt":
            return self._send(200, self.robots.encode(), "text/plain")
        if path in self.table:
            self.send_response(302)
            self.send_header("Location", self.table[path])
            self.send_header("Content-Length", "0")
            return self.end_headers()
        if path == "/trap/meta-refresh":
            return self._send(200, META_REFRESH)
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file() or file.suffix != ".html":
            return super().do_GET()
        text = file.read_bytes()
        for old, new in self.replacements.items():
            text = text.replace(old, new)
        declared, real = ENCODINGS.get(path, ("utf-8", "utf-8"))
        return self._send(200, text.decode("utf-8").encode(real),
                          f"text/html; charset={declared}" if declared else "text/html")


class PlainHandler(CorpusHandler):
    """Another local host (an "external" site): answers every GET with a small page."""

    seen: Seen

    def do_GET(self) -> None:  # noqa: N802
        self.seen.add(self.headers.get("Host", ""), self.path)
        self._send(200, b"<html><head><title>E-Service</title></head><body>ok</body></html>")


@dataclass
class HostileSite:
    """The running servers: the site, an external host and a hanging host."""

    url: str
    seen: Seen
    other_seen: Seen
    hang_connections: list[Any]

    @property
    def port(self) -> int:
        return int(urlsplit(self.url).port or 0)


def _start(handler: Any, stack: list) -> str:
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stack.append(server)
    return f"127.0.0.1:{server.server_address[1]}"


@contextmanager
def _hanging_host() -> Iterator[tuple[int, list[Any]]]:
    """A TCP port that accepts connections and never answers (until closed)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    accepted: list[Any] = []
    stop = threading.Event()

    def accept() -> None:
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(sock.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1], accepted
    finally:
        stop.set()
        thread.join()
        for conn in accepted:
            conn.close()
        sock.close()


@contextmanager
def serve_hostile(robots: str = "User-agent: *\nDisallow:\n") -> Iterator[HostileSite]:
    """Serve the hostile site; yield its servers and what each was asked."""
    servers: list[Any] = []
    seen, other_seen = Seen(), Seen()
    with _hanging_host() as (hang_port, hang_connections):
        try:
            other = _start(type("Other", (PlainHandler,), {"seen": other_seen}), servers)
            handler_class = type("Hostile", (HostileHandler,), {
                "seen": seen, "robots": robots, "table": redirects(other), "replacements": {}})
            netloc = _start(functools.partial(handler_class, directory=str(ROOT)), servers)
            port = netloc.rsplit(":", 1)[1]
            handler_class.replacements = {b"__SELF__": port.encode(),
                                          b"__OTHER__": other.encode(),
                                          b"__HANG__": str(hang_port).encode()}
            yield HostileSite(f"http://{netloc}/net/", seen, other_seen, hang_connections)
        finally:
            for server in servers:
                server.shutdown()
                server.server_close()
