"""The audit's meta refresh middleware answers as Scrapy's does, page for page.

``AuditMetaRefreshMiddleware`` passes a page on when w3lib finds no refresh in it without
the page's base address (which Scrapy works out first); these pages, with and without a
refresh, in the places Scrapy's reading looks and ignores, get the same answer from both:
the same response passed on, or a request for the same address.
"""

from __future__ import annotations

import pytest
from scrapy import Spider
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.utils.test import get_crawler

from crawler.middlewares.redirects import AuditMetaRefreshMiddleware

URL = "http://office.example/a/page.html"
REFRESH = '<meta http-equiv="refresh" content="0; url={}">'
THAI = "ข่าวประชาสัมพันธ์ องค์การบริหารส่วนตำบล " * 40  # ~1,600 characters, 4,800 bytes

PAGES = {
    "no refresh": "<html><head><title>x</title></head><body>hello</body></html>",
    "refresh": f"<html><head>{REFRESH.format('/b/next.html')}</head></html>",
    "refresh, relative to a base": f'<html><head><base href="http://office.example/c/">'
                                   f"{REFRESH.format('next.html')}</head></html>",
    "refresh, content first": '<html><head><meta content="5;URL=\'/d.html\'" '
                              'http-equiv="Refresh"></head></html>',
    "refresh in a comment": f"<html><head><!-- {REFRESH.format('/e.html')} --></head></html>",
    "refresh in noscript": f"<html><head><noscript>{REFRESH.format('/f.html')}</noscript>"
                           "</head></html>",
    "refresh in a script": f"<html><head><script>var s = '{REFRESH.format('/g.html')}';"
                           "</script></head></html>",
    "refresh by entities": '<html><head><meta http-equiv="&#114;efresh" '
                           'content="0; url=/h.html"></head></html>',
    "refresh too late": f"<html><head></head><body>{'x' * 5000}"
                        f"{REFRESH.format('/i.html')}</body></html>",
    "refresh after Thai text": f"<html><head><title>{THAI}</title>"
                               f"{REFRESH.format('/j.html')}</head></html>",
    "refresh cut at 4,096 characters": f"<html><head><title>{'y' * (4096 - 40)}</title>"
                                       f"{REFRESH.format('/k.html')}</head></html>",
    "refresh with too long a delay": '<html><head><meta http-equiv="refresh" '
                                     'content="500; url=/l.html"></head></html>',
    "refresh with no address": '<html><head><meta http-equiv="refresh" content="30">'
                               "</head></html>",
    "http-equiv of another kind": '<html><head><meta http-equiv="content-type" '
                                  'content="text/html; charset=utf-8"></head></html>',
    "refresh to another scheme": f"<html><head>{REFRESH.format('ftp://office.example/m')}"
                                 "</head></html>",
}


@pytest.fixture(scope="module")
def middlewares():
    crawler = get_crawler(Spider, {"METAREFRESH_IGNORE_TAGS": ["noscript"]})
    crawler.spider = Spider("oit")
    audit = AuditMetaRefreshMiddleware.from_crawler(crawler)
    # the hop as found: the chain's own checks (loops, seen pages, off-site hops) need a
    # running engine and are tested with the redirects (tests/crawler/test_site_target.py)
    audit._redirect = lambda redirected, request, reason: redirected
    return MetaRefreshMiddleware.from_crawler(crawler), audit


def _answer(middleware, html: str, encoding: str, cls=HtmlResponse) -> str:
    response = cls(URL, body=html.encode(encoding), encoding=encoding)
    out = middleware.process_response(Request(URL), response)
    return "passed on" if out is response else f"request for {out.url}"


@pytest.mark.parametrize("encoding", ["utf-8", "cp874", "utf-16"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_same_answer_as_scrapy(middlewares, name, encoding):
    html = PAGES[name]
    scrapy_mw, audit_mw = middlewares
    assert _answer(audit_mw, html, encoding) == _answer(scrapy_mw, html, encoding)


def test_the_table_has_both_answers(middlewares):
    """The table above is no check unless some pages refresh and some do not."""
    scrapy_mw, _ = middlewares
    answers = {_answer(scrapy_mw, html, "utf-8") for html in PAGES.values()}
    assert "passed on" in answers and "request for http://office.example/c/next.html" in answers


def test_a_text_response_is_not_html(middlewares):
    """Scrapy reads only HTML responses for a refresh; so does the audit's middleware."""
    scrapy_mw, audit_mw = middlewares
    html = PAGES["refresh"]
    assert _answer(audit_mw, html, "utf-8", TextResponse) == "passed on" == \
        _answer(scrapy_mw, html, "utf-8", TextResponse)
