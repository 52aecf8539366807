"""The address guard inside the browser (crawler/browserguard.py).

A 127.0.0.1 site whose home page is built by JavaScript is audited for real, rendered in
Chromium: its script, XHR, iframes and redirects inside the page point to a name resolving to
loopback (``localhost``), to cloud metadata and, through same-site redirects, to both.  None of
them may be fetched (the server would see a ``/secret`` path), the page must still render
(its menu comes from a script reached through an allowed same-site redirect), and the report
lists what was refused.
"""

from __future__ import annotations

import asyncio

import pytest

from crawler.addresses import AddressPolicy
from crawler.browserguard import BrowserGuard
from crawler.rendering import renderer_status
from crawler.run import project_settings
from tests.hostile.appsite import AppCrawl, audit_app

needs_chromium = pytest.mark.skipif(renderer_status(project_settings()) != "",
                                    reason="Chromium is not installed")

HOME = """<html><head><title>สำนักงานเขตพื้นที่การศึกษา</title>
<script src="/hop/script"></script>
<script src="http://127.0.0.1:1/dead.js"></script>
<script src="http://localhost:{port}/secret-script.js"></script>
</head><body><nav id="menu"></nav>
<script src="/hop/menu"></script>
<iframe src="http://169.254.169.254/latest/meta-data/"></iframe>
<iframe src="/hop/frame"></iframe>
<script>fetch("http://localhost:{port}/secret-xhr").catch(function () {{}});
fetch("/hop/xhr").catch(function () {{}});</script>
</body></html>"""
MENU_JS = (b'document.getElementById("menu").innerHTML = '
           b'\'<a href="/ita/structure.html">\\u0e42\\u0e04\\u0e23\\u0e07\\u0e2a\\u0e23\\u0e49'
           b'\\u0e32\\u0e07\\u0e2d\\u0e07\\u0e04\\u0e4c\\u0e01\\u0e23</a>\';')
SECRET_TARGETS = {"script": "secret-hop-script.js", "frame": "secret-hop-frame.html",
                  "xhr": "secret-hop-xhr"}


def _app(path: str, port: int) -> tuple[int, dict[str, str], bytes]:
    if path == "/":
        return 200, {}, HOME.format(port=port).encode()
    if path == "/hop/menu":
        return 302, {"Location": "/menu.js"}, b""
    if path.startswith("/hop/"):
        kind = path.rsplit("/", 1)[1]
        return 302, {"Location": f"http://localhost:{port}/{SECRET_TARGETS[kind]}"}, b""
    if path == "/menu.js":
        return 200, {"Content-Type": "application/javascript"}, MENU_JS
    if path == "/ita/structure.html":
        return 200, {}, "<html><head><title>โครงสร้าง</title></head></html>".encode()
    return 404, {}, b"not here"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> AppCrawl:
    return audit_app(_app, tmp_path_factory.mktemp("browser-guard"))


@needs_chromium
def test_the_page_is_rendered_through_an_allowed_redirect(rendered):
    assert rendered.result.code in (0, 1), rendered.result.stderr
    home = next(r for r in rendered.records if r["url"] == rendered.base)
    assert home["rendered"] is True
    assert any(link["url"].endswith("/ita/structure.html") for link in home["links"])
    assert "/menu.js" in rendered.paths  # the same-site redirect was followed


@needs_chromium
def test_no_request_of_the_page_reached_a_private_address(rendered):
    assert "/hop/script" in rendered.paths and "/hop/frame" in rendered.paths
    assert [p for p in rendered.paths if p.startswith("/secret")] == []


@needs_chromium
def test_the_report_lists_what_the_browser_was_refused(rendered):
    home = next(r for r in rendered.records if r["url"] == rendered.base)
    port = rendered.port
    refused = {entry.partition(": ")[0] for entry in home["blocked"]}
    assert refused >= {f"http://localhost:{port}/secret-script.js",
                       f"http://localhost:{port}/secret-xhr",
                       "http://169.254.169.254/latest/meta-data/",
                       *(f"http://localhost:{port}/{t}" for t in SECRET_TARGETS.values())}
    blocked = rendered.result.report["crawl"]["blocked_in_browser"]
    assert {b["url"] for b in blocked} == refused
    assert all(b["page"] == rendered.base and b["reason_en"] == "points to a private address"
               for b in blocked)
    assert any("localhost (127.0.0.1)" in b["detail"] for b in blocked)
    html = (rendered.result.out_dir / "report.html").read_text("utf-8")
    assert "ถูกกันไว้" in html and "169.254.169.254/latest/meta-data/" in html


@pytest.mark.parametrize(("url", "refused"), [
    ("http://169.254.169.254/latest/meta-data/", True),
    ("http://metadata.google.internal/x", True),
    ("http://127.0.0.2:6379/", True),
    ("http://10.0.0.5/api", True),
    ("http://localhost:8000/", True),  # a name resolving to loopback
    ("http://127.0.0.1:8000/menu.json", False),  # the private start host itself
    ("https://203.0.113.7/app.js", True),  # documentation range: not public either
    ("data:text/plain,x", False),
])
def test_browser_guard_decisions(url, refused):
    policy = AddressPolicy()
    policy.add_start("http://127.0.0.1:8000/")
    guard = BrowserGuard(lambda: policy, stats=None)
    assert bool(asyncio.run(guard.refusal(url))) is refused
