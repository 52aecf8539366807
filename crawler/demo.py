"""Serve the bundled demo site on 127.0.0.1 (a free port) for ``oit-audit demo``.

The demo's site and its Drive stand-in keep the same names on every run
(``http://demo-office.localhost/``, ``http://demo-drive.localhost``): the crawler reaches the
servers behind them, whatever free ports they got, through Scrapy's HTTP proxy support
(``OIT_HOST_ALIASES``, :mod:`crawler.middlewares.hostalias`). So a second demo run compares
with the first by the same URLs ("no change"), and its HTTP cache revalidates each file
(``ETag``) instead of downloading it again.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.demo_drive import etag_of, hosts_for, not_modified, origin_form, serve_drive
from crawler.localserve import serving
from crawler.nightly.paths import own_key

# The demo's content is of fiscal year 2569; auditing it at this fixed date keeps its verdicts
# the same whatever day it runs (override with --as-of).
DEMO_AS_OF = "2026-05-15"
DEMO_SITE_HOST = "demo-office.localhost"  # RFC 6761: never a real host on the Internet
DEMO_SITE_KEY = "demo"  # the demo's key in the history (crawler/nightly/history.py)
DEMO_DRIVE_HOST = "demo-drive.localhost"


def demo_site_key(as_of: str) -> str:
    """The history key of the demo audited as of ``as_of``: ``demo@MARK`` at its fixed date,
    ``demo-YYYY-MM-DD@MARK`` at another (``--as-of``).  The demo's pages never change, so a
    demo at another date is another audit, not the same site later: each keeps a history of
    its own (run twice, each says "no change"), never compared with the other's.  ``MARK``
    (:func:`crawler.nightly.paths.install_mark`) is this copy of oit-audit's: the demo site
    comes with the code, so another clone or installation (perhaps of another version, with
    another demo site) starts its own history, and its first demo reads as a first run, not
    as a later run of a demo another copy made (the history is the user's, shared by every
    copy).  ``oit-audit history demo`` and ``diff --site demo`` mean this copy's."""
    name = DEMO_SITE_KEY if as_of == DEMO_AS_OF else f"{DEMO_SITE_KEY}-{as_of}"
    return own_key(name)


class QuietStaticHandler(SimpleHTTPRequestHandler):
    """Static files without access logs and without file-system Last-Modified dates (the
    checkout time is not a publication date)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() != "last-modified":
            super().send_header(keyword, value)


class TemplatingHandler(QuietStaticHandler):
    """Static files, with ``__DRIVE__`` in HTML pages replaced by the fake Drive's base URL,
    each with an ``ETag`` (and ``304`` when it still matches)."""

    drive_base = ""

    def do_GET(self) -> None:  # noqa: N802
        self.path = origin_form(self.path)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the redirect to the folder's URL with a slash
            path = path / "index.html"
        if not path.is_file():
            return super().do_GET()
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8").replace("__DRIVE__", self.drive_base)
            body, ctype = text.encode(), "text/html; charset=utf-8"
        else:
            body, ctype = path.read_bytes(), self.guess_type(str(path))
        etag = etag_of(body)
        if not_modified(self, etag):
            return None
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_directory(root: Path, host: str = "127.0.0.1", drive_base: str = "") -> Iterator[str]:
    """Serve ``root`` over HTTP on a free port; yield the base URL."""
    handler_class = type("Handler", (TemplatingHandler,), {"drive_base": drive_base})
    handler = functools.partial(handler_class, directory=str(root))
    with serving(handler, host) as server:
        yield f"http://{host}:{server.server_address[1]}/"


@contextmanager
def serve_demo() -> Iterator[tuple[str, dict[str, Any]]]:
    """Serve the bundled demo site and its fake Drive; yield (home URL, crawler settings).

    The URL and the Drive links carry the demo's stable host names, not the servers' ports.
    """
    demo = files("crawler.demo_site")
    with as_file(demo / "drive") as drive_root, serve_drive(drive_root) as drive_netloc, \
            as_file(demo / "site") as root, \
            serve_directory(root, drive_base=f"http://{DEMO_DRIVE_HOST}") as url:
        aliases = {DEMO_SITE_HOST: urlsplit(url).netloc, DEMO_DRIVE_HOST: drive_netloc}
        yield f"http://{DEMO_SITE_HOST}/", {
            "OIT_SHARING_HOSTS": hosts_for(DEMO_DRIVE_HOST), "OIT_CHECK_EXTERNAL": False,
            "OIT_HOST_ALIASES": aliases,
            "OIT_ALLOW_PRIVATE": True}  # both servers are on 127.0.0.1
