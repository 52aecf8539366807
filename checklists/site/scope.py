"""Which URLs belong to the audited site, and what kind of target a URL is."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import unquote, urlsplit

DOCUMENT_EXTENSIONS = frozenset(
    {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".csv",
     ".jpg", ".jpeg", ".png", ".gif", ".zip", ".rar"}
)
SKIP_EXTENSIONS = frozenset({".css", ".js", ".ico", ".svg", ".woff", ".woff2", ".ttf", ".mp4",
                             ".mp3", ".avi", ".exe", ".apk", ".dmg", ".iso"})
HTML_TYPES = ("text/html", "application/xhtml+xml")


def host_key(host: str) -> str:
    """A host without ``www.`` and port, lower-cased: www aliases count as the site."""
    host = (host or "").lower().split(":")[0]
    return host[4:] if host.startswith("www.") else host


@lru_cache(maxsize=8192)
def origin_key(url: str) -> str:
    """The site identity of a URL: host (www-less) plus any non-default port.  Memoised:
    every page's menus name the same URLs again, the spider asks about each link up to four
    times and the host budget about every request (issue 13)."""
    parts = urlsplit(url)
    port = parts.port
    key = host_key(parts.hostname or "")
    return f"{key}:{port}" if port and port not in (80, 443) else key


class SiteScope:
    """The set of hosts that count as the audited site (http/https, www, redirects)."""

    def __init__(self, start_url: str) -> None:
        self.keys = {origin_key(start_url)}

    def add(self, url: str) -> None:
        """Count the host of ``url`` as the site (after a same-site redirect of home)."""
        self.keys.add(origin_key(url))

    def contains(self, url: str) -> bool:
        return origin_key(url) in self.keys


def extension(url: str) -> str:
    """The lower-case file extension of the URL path ('' when none)."""
    return posixpath.splitext(urlsplit(url).path)[1].lower()


def is_document_url(url: str) -> bool:
    return extension(url) in DOCUMENT_EXTENSIONS


def is_skipped_url(url: str) -> bool:
    return extension(url) in SKIP_EXTENSIONS


def file_name(url: str) -> str:
    """The decoded last path segment, e.g. ``สขร ต.ค.68.pdf``."""
    return unquote(posixpath.basename(urlsplit(url).path))


def is_html(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() in HTML_TYPES
