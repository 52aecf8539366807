"""The nightly tests' and benchmarks' static server (tests/nightly/sites.py) answers as a real
office's web server: validators and 304s, and with ``keep_alive`` several requests on one
connection (Apache's and nginx's default), a connection per request otherwise."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

from tests.nightly.sites import serve_validating


def _requests(url: str) -> list[tuple[int, bool]]:
    """Status of a request and of its conditional repeat, each with whether the server
    closed the connection after it (http.client opens a new one when it did)."""
    conn = http.client.HTTPConnection(urlsplit(url).hostname, urlsplit(url).port, timeout=10)
    out = []
    try:
        etag = ""
        for _ in range(2):
            conn.request("GET", "/page.html", headers={"If-None-Match": etag} if etag else {})
            resp = conn.getresponse()
            etag = resp.getheader("ETag")
            resp.read()
            out.append((resp.status, resp.will_close))
    finally:
        conn.close()
    return out


def test_keep_alive_answers_requests_on_one_connection(tmp_path):
    (tmp_path / "page.html").write_text("<p>หน้า</p>", encoding="utf-8")
    with serve_validating(tmp_path, keep_alive=True) as (url, counts):
        answers = _requests(url)
    assert answers == [(200, False), (304, False)]
    assert counts == {"200": 1, "304": 1}


def test_by_default_each_request_has_its_connection(tmp_path):
    (tmp_path / "page.html").write_text("<p>หน้า</p>", encoding="utf-8")
    with serve_validating(tmp_path) as (url, _):
        answers = _requests(url)
    assert answers == [(200, True), (304, True)]
