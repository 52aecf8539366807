"""Redirects that end nowhere are failures with their chain, never silent drops.

Scrapy's redirect middlewares follow a chain until ``REDIRECT_MAX_TIMES`` and then drop the
request with a bare "max redirections reached"; a loop is cut by the duplicate filter without
any failure at all, so the link's item looked fine.  These subclasses (registered in place of
Scrapy's) fail a redirect back into its own chain with :class:`RedirectLoop`, a chain too long
with :class:`TooManyRedirects` (both carry the chain), never lets the duplicate filter drop a
hop (the link would be left without any record) nor fetches a hop already seen (the link's
record points to the target's, see ``PageRecord.same_as``), and, with ``OIT_CHECK_EXTERNAL`` off
(``--no-external``), do not follow a site link that redirects to another host.  Every hop is
a new request that passes the address guard again.

Stats: ``oit/redirects/loop``, ``oit/redirects/already_seen``, ``oit/redirects/too_many``, ``oit/redirects/offsite_skipped``.
"""

from __future__ import annotations

from typing import Any

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response
from w3lib.html import get_meta_refresh
from w3lib.url import canonicalize_url

from crawler.addresses import host_of
from crawler.failures import OffsiteRedirect, RedirectLoop, RedirectToSeen, TooManyRedirects
from crawler.resolver import installed_policy
from crawler.runcontext import AuditRun

CHAIN_SEPARATOR = " → "


def chain_of(request: Request) -> list[str]:
    """The URLs a request went through, first to last (``request.url`` included)."""
    return [*request.meta.get("redirect_urls", []), request.url]


class _ChainChecks:
    """Loop, length and off-site checks over Scrapy's ``_redirect``."""

    crawler: Any

    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        chain = chain_of(request)
        stats = self.crawler.stats
        if canonicalize_url(redirected.url) in {canonicalize_url(u) for u in chain}:
            stats.inc_value("oit/redirects/loop")
            raise RedirectLoop(CHAIN_SEPARATOR.join([*chain, redirected.url]))
        if self._leaves_site(redirected, request):
            stats.inc_value("oit/redirects/offsite_skipped")
            raise OffsiteRedirect(f"{request.url} redirects off the site to {redirected.url}")
        try:
            hop = super()._redirect(redirected, request, reason)  # type: ignore[misc]
        except IgnoreRequest:
            stats.inc_value("oit/redirects/too_many")
            raise TooManyRedirects(
                f"{len(chain)} redirects: " + CHAIN_SEPARATOR.join([*chain, redirected.url])
            ) from None
        # The duplicate filter must not drop a hop silently (a link redirecting to a page
        # already seen still needs its own record): a hop to a URL already fetched or
        # scheduled fails with RedirectToSeen, whose record points to the target's; any
        # other hop is marked seen, so a later link to it is not fetched again.  A hop to a
        # refused address goes on to the address guard, which fails it with its own reason.
        hop.dont_filter = True
        policy = installed_policy()
        if policy is not None and policy.check(host_of(hop.url)):
            return hop
        seen = getattr(getattr(self.crawler.engine, "scheduler", None), "df", None)
        if seen is not None and seen.request_seen(hop):
            stats.inc_value("oit/redirects/already_seen")
            raise RedirectToSeen(hop.url)
        return hop

    def _leaves_site(self, redirected: Request, request: Request) -> bool:
        if self.crawler.settings.getbool("OIT_CHECK_EXTERNAL", True):
            return False
        meta = request.meta
        if meta.get("oit_home") or meta.get("oit_kind", "page") not in ("page", "document"):
            return False  # home may move to a new domain; shared files are fetched anyway
        target = AuditRun.of(self.crawler).target
        return target is not None and not target.scope.contains(redirected.url)


class AuditRedirectMiddleware(_ChainChecks, RedirectMiddleware):
    """Scrapy's ``RedirectMiddleware`` (3xx) with the checks above."""


class AuditMetaRefreshMiddleware(_ChainChecks, MetaRefreshMiddleware):
    """Scrapy's ``MetaRefreshMiddleware`` with the checks above.

    Scrapy works out a page's ``<base>`` address (a regex and ``safe_url_string``) before it
    looks for a refresh, which most pages never declare: a page is first read for a refresh
    as Scrapy reads it but for that address, which only joins the refresh's URL, and one that
    declares none is passed on (a first audit of the 5,245-page benchmark site spent about
    0.17 CPU-s on those addresses, tests/benchmarks/crawl.py)."""

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if isinstance(response, HtmlResponse) and not _may_refresh(response, self._ignore_tags):
            return response
        return super().process_response(request, response)


def _may_refresh(response: HtmlResponse, ignore_tags: list[str]) -> bool:
    """Whether Scrapy's ``get_meta_refresh`` finds a refresh in ``response``: the same w3lib
    reading of the same first 4,096 characters (the decoded text is kept on the response),
    with no base address, on which the answer does not depend."""
    return get_meta_refresh(response.text[0:4096], "", response.encoding,
                            ignore_tags=ignore_tags) != (None, None)
