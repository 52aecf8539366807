"""Through an HTTP proxy the proxy resolves names, so the address guard resolves and checks
them itself (crawler/middlewares/addressguard.py, ``ProxyTargetMiddleware``).

One 127.0.0.1 server is both the audited site and the proxy (``http_proxy``): every request
reaches it as a proxy request with the full URL.  The site links to ``localhost`` (a name
resolving to loopback), which the proxy would happily fetch: it must never be asked for it.
"""

from __future__ import annotations

import pytest

from tests.hostile.appsite import AppCrawl, audit_app

HOME = """<html><head><title>สำนักงานเขตพื้นที่การศึกษา</title></head><body>
<a href="/ita.html">ITA 2569</a>
<a href="http://localhost:{port}/secret/plan.html">แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน 2566-2570</a>
<a href="http://metadata.google.internal/computeMetadata/v1/">ข้อมูลการติดต่อ 2569</a>
</body></html>"""


def _app(path: str, port: int) -> tuple[int, dict[str, str], bytes]:
    if path.endswith("/ita.html"):
        return 200, {}, b"<html><head><title>ITA 2569</title></head></html>"
    if path.endswith(f":{port}/"):
        return 200, {}, HOME.format(port=port).encode()
    return 404, {}, b"not here"


@pytest.fixture(scope="module")
def proxied(tmp_path_factory) -> AppCrawl:
    return audit_app(_app, tmp_path_factory.mktemp("proxy"), as_proxy=True)


def test_requests_went_through_the_proxy(proxied):
    assert proxied.result.code in (0, 1), proxied.result.stderr
    assert proxied.base in proxied.paths  # a proxy request carries the full URL
    assert proxied.base + "ita.html" in proxied.paths


def test_a_name_resolving_to_loopback_is_refused_through_the_proxy(proxied):
    assert not [p for p in proxied.paths if "/secret" in p or "localhost" in p]
    rec = next(r for r in proxied.records if "localhost" in r["url"])
    assert rec["error"] == "private" and "localhost (127.0.0.1)" in rec["error_detail"]


def test_a_metadata_name_is_refused_through_the_proxy(proxied):
    assert not [p for p in proxied.paths if "metadata" in p]
    rec = next(r for r in proxied.records if "metadata.google.internal" in r["url"])
    assert rec["error"] == "private"
