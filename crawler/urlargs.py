"""Check a site URL typed on the command line before anything is crawled or recorded.

A mistyped scheme (``htps://``, ``http//``), spaces, or a host typed with the keyboard still
in Thai mode (``ไไไใ...`` for ``www....``) would otherwise be read as a host name, fail on DNS
after seconds and be saved in the history as a site. :func:`url_problem` says what is wrong
and suggests the URL most likely meant.
"""

from __future__ import annotations

import difflib
import ipaddress
import re
from typing import Any
from urllib.parse import urlsplit

from reports.labels import both, said

SCHEMES = ("http", "https")
# The Thai Kedmanee layout (TIS 820-2538), unshifted and shifted, to the US keys typed.
_TH_KEYS = ("ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ"
            "+๑๒๓๔ู฿๕๖๗๘๙๐\"ฎฑธํ๊ณฯญฐ,ฅฤฆฏโฌ็๋ษศซ.()ฉฮฺ์?ฒฬฦ")
_US_KEYS = ("1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./"
            "!@#$%^&*()_+qwertyuiop{}|asdfghjkl:\"zxcvbnm<>?")
# Only Thai letters are mapped: ASCII symbols on Thai keys (``/``, ``-``, ``.``) are kept.
_THAI_KEYBOARD = {th: us for th, us in zip(_TH_KEYS, _US_KEYS, strict=True) if ord(th) > 127}
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_SCHEME_TYPO = re.compile(r"^([a-z]{2,6})(:/{0,3}|/{1,3}|:?\\{1,2})(?=[^/\\])", re.I)
# Thai public agencies may use Thai-script domains under .ไทย (e.g. รัฐบาล.ไทย).
THAI_TLD = "ไทย"


def from_thai_keyboard(text: str) -> str:
    """``text`` as it would have been typed with the keyboard in English mode."""
    return "".join(_THAI_KEYBOARD.get(ch, ch) for ch in text)


def _host_problem(host: str) -> str | None:
    """Why ``host`` cannot be a web site's host name (``None`` when it can)."""
    if not host:
        return "empty"
    try:
        ipaddress.ip_address(host.strip("[]"))
        return None
    except ValueError:
        pass
    if host == "localhost":
        return None
    if _THAI.search(host):
        if host.endswith("." + THAI_TLD):
            try:
                host.encode("idna")
                return None
            except UnicodeError:
                return "thai"
        return "thai"
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return "chars"
    if not re.fullmatch(r"[a-z]{2,63}|xn--[a-z0-9-]+", labels[-1]):
        return "tld"
    return None


def _fix_scheme(text: str) -> tuple[str, bool]:
    """``text`` with a mistyped scheme repaired (``htps://``, ``http//``, ``https:/``)."""
    match = _SCHEME_TYPO.match(text)
    if not match:
        return text, False
    typed, separator = match.group(1), match.group(2)
    lowered = typed.lower()
    if lowered in SCHEMES and separator == "://":
        return text, False
    if lowered in SCHEMES:
        scheme = lowered
    else:
        close = difflib.get_close_matches(lowered, SCHEMES, n=1, cutoff=0.6)
        if not close:
            return text, False
        scheme = close[0]
    return f"{scheme}://{text[match.end():]}", True


def suggest(text: str) -> str:
    """The URL most likely meant by ``text`` (``text`` itself when nothing better is known)."""
    fixed = re.sub(r"\s+", "", text)
    try:
        host = urlsplit(_with_scheme(fixed)).netloc
    except ValueError:  # an unclosed IPv6 bracket ("http://[::1")
        host = ""
    if _THAI.search(host or fixed.split("/")[0]):
        fixed = from_thai_keyboard(fixed)
    fixed, _ = _fix_scheme(fixed)
    return fixed


def _with_scheme(text: str) -> str:
    return text if "://" in text else f"https://{text}"


def url_problem(text: str) -> str | None:
    """Why ``text`` is not a usable site URL, with the likely intended URL; ``None`` if it is.

    A URL without a scheme is fine (the crawler tries https, then http).
    """
    raw = text.strip()
    if not raw:
        return both("urls", "empty")
    reason, values = _reason(raw)
    if reason is None:
        return None
    guess = suggest(raw)
    hint = ""
    if guess != raw and _reason(guess)[0] is None:
        hint = f" {both('urls', 'did_you_mean', guess=guess)}"
    return (f"{said('urls', 'invalid', raw=raw)}: "
            f"{both('urls', reason, **values)}{hint} {said('urls', 'retype')}")


def _reason(raw: str) -> tuple[str | None, dict[str, Any]]:
    """What is wrong with ``raw``: a key of words.yaml's ``urls`` and its values, or None."""
    if re.search(r"\s", raw):
        return "spaces", {}
    fixed, changed = _fix_scheme(raw)
    if changed:
        return "mistyped_scheme", {}
    match = re.match(r"^([a-z][a-z0-9+.-]*)://", raw, re.I)
    if match and match.group(1).lower() not in SCHEMES:
        return "other_scheme", {"scheme": match.group(1)}
    try:
        parts = urlsplit(_with_scheme(raw))
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "bad_port", {}
    problem = _host_problem(host)
    if problem == "thai":
        return "thai_host", {}
    if problem == "empty":
        return "no_host", {}
    if problem:
        return "bad_host", {}
    return None, {}
