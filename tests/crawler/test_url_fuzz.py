"""Fuzzing the URL canonicalizer (hypothesis): the keys that match a link to its record and a
URL to the audited site (checklists/site/snapshot.py ``url_key``, checklists/site/scope.py ``origin_key``)."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from checklists.site.scope import SiteScope, host_key, origin_key
from checklists.site.snapshot import url_key

LABEL = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=12)
HOST = st.lists(LABEL, min_size=1, max_size=4).map(".".join)
THAI = st.text("กขคงจฉชซญดตถทธนบปผพภมยรลวศสหอฮะาิีึืุูเแโใไ่้๊๋์ๆ๐๑๒๓๔๕๖๗๘๙", max_size=10)
SEGMENT = st.one_of(LABEL, THAI, st.sampled_from(["%E0%B8%81", "a b", "x%20y", "..", "."]))
PATH = st.lists(SEGMENT, max_size=5).map(lambda parts: "/" + "/".join(parts))
PARAM = st.tuples(LABEL, st.one_of(LABEL, THAI, st.just("")))
QUERY = st.lists(PARAM, max_size=4, unique_by=lambda p: p[0])


def _url(scheme: str, host: str, port: int | None, path: str, query: list) -> str:
    netloc = f"{host}:{port}" if port else host
    q = "&".join(f"{k}={v}" for k, v in query)
    return f"{scheme}://{netloc}{path}" + (f"?{q}" if q else "")


URL = st.builds(_url, st.sampled_from(["http", "https"]), HOST,
                st.one_of(st.none(), st.integers(1, 65535)), PATH, QUERY)


@settings(max_examples=300, deadline=None)
@given(URL)
def test_canonical_key_is_idempotent(url):
    assert url_key(url_key(url)) == url_key(url)


@settings(max_examples=300, deadline=None)
@given(URL, LABEL)
def test_fragment_never_changes_the_key(url, fragment):
    assert url_key(f"{url}#{fragment}") == url_key(url)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["http", "https"]), HOST, PATH, QUERY)
def test_query_order_never_changes_the_key(scheme, host, path, query):
    assert url_key(_url(scheme, host, None, path, query)) == \
        url_key(_url(scheme, host, None, path, list(reversed(query))))


@settings(max_examples=300, deadline=None)
@given(URL)
def test_thai_path_percent_encoded_or_not_is_one_key(url):
    from urllib.parse import quote, urlsplit, urlunsplit

    parts = urlsplit(url)
    encoded = urlunsplit(parts._replace(path=quote(parts.path, safe="/%")))
    assert url_key(encoded) == url_key(url)


@settings(max_examples=300, deadline=None)
@given(HOST, PATH, PATH, st.booleans(), st.booleans(), st.sampled_from([None, 80, 443]))
def test_site_key_ignores_scheme_www_case_and_default_port(host, p1, p2, www1, www2, port):
    a = _url("http", ("www." if www1 else "") + host.upper(), port, p1, [])
    b = _url("https", ("www." if www2 else "") + host, None, p2, [])
    assert origin_key(a) == origin_key(b) == host_key(host)
    assert SiteScope(a).contains(b)


@settings(max_examples=300, deadline=None)
@given(HOST, st.integers(1, 65535).filter(lambda p: p not in (80, 443)), PATH)
def test_another_port_is_another_site(host, port, path):
    assert not SiteScope(f"http://{host}/").contains(f"http://{host}:{port}{path}")


HREF = st.one_of(
    st.text(max_size=60),
    st.builds(lambda host, port, path: f"http://{host}:{port}{path}", HOST,
              st.one_of(st.integers(0, 10**8), st.text(string.ascii_letters, max_size=4)),
              PATH),
    st.builds(lambda inner: f"http://[{inner}/x", st.text(string.hexdigits + ":", max_size=12)),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(HREF, min_size=1, max_size=5))
def test_any_href_on_a_page_gives_links_that_get_keys(hrefs):
    """A page with malformed links (bad ports, broken IPv6 literals, junk) is still read, and
    every link it yields can be keyed and scoped (the spider would crash on one that cannot)."""
    from html import escape

    from crawler.pages import read_page

    body = "".join(f'<a href="{escape(h)}">ลิงก์</a>' for h in hrefs).encode()
    for link in read_page(body, "http://office.example.go.th/ita/").links:
        assert isinstance(url_key(link.url), str)
        assert isinstance(origin_key(link.url), str)
