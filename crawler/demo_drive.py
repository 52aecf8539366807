"""A local stand-in for Google Drive, for the offline demo and the tests.

It reproduces the responses the crawler meets on the real service: a file's view page, the
download endpoint (with the large-file confirmation page first when a file is marked
``confirm``), and a redirect to the sign-in page for a file that is not public.  The
crawler reaches it through ``OIT_SHARING_HOSTS``: the same code runs against the real hosts.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from crawler.localserve import QuietHandler, serving

SIGN_IN = ("<html><head><title>Sign in - Google Accounts</title></head><body><form "
           'action="/signin/v2/identifier"><input type="email" id="identifierId"></form>'
           "</body></html>")
CONFIRM = ("<html><head><title>Google Drive - Virus scan warning</title></head><body>"
           "<p>{name} is too large for Google to scan for viruses.</p>"
           '<form id="download-form" action="/uc?export=download&amp;id={fid}" method="get">'
           '<input type="hidden" name="confirm" value="t"><input type="hidden" name="uuid" '
           'value="demo-uuid"><input type="submit" value="Download anyway"></form></body></html>')
VIEW = ("<html><head><title>{name} - Google Drive</title></head><body>"
        '<div class="ndfHFb-c4YZDc">{name}</div></body></html>')


def origin_form(path: str) -> str:
    """The path and query of a request line; a request sent to a proxy names the whole URL
    (``GET http://demo-office.localhost/ita/ HTTP/1.1``)."""
    if "://" not in path:
        return path
    parts = urlsplit(path)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def etag_of(body: bytes) -> str:
    """A strong validator of a response body (the HTTP cache revalidates with it)."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def not_modified(handler: Any, etag: str) -> bool:
    """Answer ``304 Not Modified`` when the client already holds this ``etag``."""
    if etag not in (handler.headers.get("If-None-Match") or ""):
        return False
    handler.send_response(304)
    handler.send_header("ETag", etag)
    handler.end_headers()
    return True


def make_handler(root: Path) -> type[BaseHTTPRequestHandler]:
    """A handler serving the files listed in ``root/manifest.json``."""
    manifest: dict[str, dict] = json.loads((root / "manifest.json").read_text("utf-8"))

    class DriveHandler(QuietHandler):
        def _to_sign_in(self) -> None:
            self.send(302, headers={"Location": "/ServiceLogin?continue=" + quote(self.path)})

        def do_GET(self) -> None:  # noqa: N802
            self.path = origin_form(self.path)
            parts = urlsplit(self.path)
            query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            if parts.path in ("/ServiceLogin", "/signin/v2/identifier"):
                return self.send(200, SIGN_IN.encode())
            fid = query.get("id", "")
            if parts.path.startswith("/file/d/"):
                fid = parts.path.split("/")[3]
            entry = manifest.get(fid)
            if entry is None:
                return self.send(404, b"<html><title>Not Found</title></html>")
            if entry.get("private"):
                return self._to_sign_in()
            name = html.escape(entry["file"])
            if parts.path.startswith("/file/d/"):
                return self.send(200, VIEW.format(name=name).encode())
            if parts.path == "/uc":
                if entry.get("confirm") and query.get("confirm") != "t":
                    return self.send(200, CONFIRM.format(name=name, fid=fid).encode())
                data = (root / entry["file"]).read_bytes()
                if not_modified(self, etag_of(data)):
                    return None
                return self.send(200, data, entry["type"], {
                    "ETag": etag_of(data),
                    "Content-Disposition": f"attachment; filename*=UTF-8''{quote(entry['file'])}"})
            return self.send(404, b"")

    return DriveHandler


@contextmanager
def serve_drive(root: Path, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve the fake Drive; yield ``host:port`` (what OIT_SHARING_HOSTS needs)."""
    with serving(make_handler(root), host) as server:
        yield f"{host}:{server.server_address[1]}"


def hosts_for(netloc: str) -> dict[str, object]:
    """OIT_SHARING_HOSTS that send every Google host to the fake Drive at ``netloc``."""
    return {"drive": netloc, "docs": netloc, "accounts": netloc, "scheme": "http",
            "login_hosts": [netloc]}
