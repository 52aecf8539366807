"""Recognise a response that is a sign-in wall rather than the requested content."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LOGIN_HOSTS = ("accounts.google.com", "login.microsoftonline.com", "login.live.com",
               "www.facebook.com/login")
_LOGIN_PATH = re.compile(r"(?:^|/)(?:login|signin|sign-in|servicelogin|wp-login\.php|"
                         r"user/login|auth)(?:[/?.]|$)", re.IGNORECASE)


def is_login_url(url: str, extra_hosts: tuple[str, ...] = ()) -> bool:
    """True when ``url`` is a sign-in page (known login host or a login path)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if any(host == h.split("/")[0] and parts.path.startswith("/" + "/".join(h.split("/")[1:]))
           for h in (*LOGIN_HOSTS, *extra_hosts)):
        return True
    return bool(_LOGIN_PATH.search(parts.path))


# Social networks show crawlers a sign-in page where people see the office's page: the link
# itself is the evidence (O9 Social Network), so their walls are not the office's fault.
SOCIAL_HOSTS = ("facebook.com", "fb.com", "instagram.com", "x.com", "twitter.com",
                "tiktok.com", "line.me", "youtube.com")


def is_social(url: str) -> bool:
    """True for a URL on a social network (or a subdomain of one)."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in SOCIAL_HOSTS)


def is_login_wall(requested: str, final: str, has_password_field: bool,
                  extra_hosts: tuple[str, ...] = ()) -> bool:
    """True when a request for ``requested`` ended on a sign-in page."""
    if requested == final:  # not redirected: the rules below give False (the link itself is
        return False  # a login page, or it is not and a password box alone is no wall)
    if is_social(requested):
        return False
    if is_login_url(requested, extra_hosts):
        return False  # the link itself points at a login page: not a wall in front of content
    # A password box counts only after a redirect: many CMS themes show a member login box
    # in the sidebar of every public page.
    redirected = requested.rstrip("/") != final.rstrip("/")
    return is_login_url(final, extra_hosts) or (has_password_field and redirected)
