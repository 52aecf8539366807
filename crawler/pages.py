"""Page objects: what a person reads on an HTML page, extracted without Scrapy.

``read_page`` takes the body and URL of a page and returns its title, headings, visible text,
a CMS post date when the theme shows one, and every link with the words around it (link text,
title/alt/aria-label, the table row or list item, the nearest heading).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup, Tag

_SPACE = re.compile(r"\s+")
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "#", "line:", "fb:")
_NOISE_TAGS = ("script", "style", "noscript", "template", "svg")
_CHROME_TAGS = ("nav", "header", "footer", "aside")
_CHROME_WORDS = re.compile(r"(?:^|[-_ ])(?:nav|navbar|menu|footer|header|sidebar|breadcrumb)"
                           r"(?:$|[-_ ])", re.IGNORECASE)
_POST_DATE = re.compile(r"(?:โพสต์เมื่อ|ประกาศเมื่อ|วันที่ลง(?:ข่าว)?|เผยแพร่เมื่อ|Posted on)\s*:?\s*"
                        r"([^\n|]{4,40})")
MAX_TEXT = 200_000
MAX_CONTEXT = 300


def squash(text: str | None) -> str:
    """Collapse white space (including non-breaking spaces) to single spaces."""
    return _SPACE.sub(" ", (text or "").replace("\xa0", " ")).strip()


@dataclass
class Link:
    """A link as a person sees it."""

    url: str
    text: str
    context: str = ""
    heading: str = ""
    tag: str = "a"

    def as_dict(self) -> dict[str, str]:
        return {"url": self.url, "text": self.text, "context": self.context,
                "heading": self.heading, "tag": self.tag}


@dataclass
class Page:
    """The readable parts of an HTML page."""

    title: str = ""
    headings: list[str] = field(default_factory=list)
    text: str = ""
    links: list[Link] = field(default_factory=list)
    post_date: str = ""
    has_password_field: bool = False
    script_count: int = 0


def _label(a: Tag) -> str:
    parts = [a.get_text(" ", strip=True)]
    for attr in ("title", "aria-label"):
        if a.get(attr):
            parts.append(str(a[attr]))
    for img in a.find_all("img"):
        if img.get("alt"):
            parts.append(str(img["alt"]))
    return squash(" ".join(p for p in parts if p))


def _context(a: Tag) -> str:
    holder = a.find_parent(["tr", "li", "p", "dd", "figure"])
    if holder is None:
        return ""
    return squash(holder.get_text(" ", strip=True))[:MAX_CONTEXT]


def _heading(a: Tag) -> str:
    h = a.find_previous(["h1", "h2", "h3", "h4", "caption"])
    return squash(h.get_text(" ", strip=True))[:MAX_CONTEXT] if h else ""


def _absolute(base: str, href: str | None) -> str | None:
    href = (href or "").strip()
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return None
    url, _ = urldefrag(urljoin(base, href))
    return url if url.startswith(("http://", "https://")) else None


def _is_chrome(tag: Tag) -> bool:
    if tag.name in _CHROME_TAGS or tag.get("role") in ("navigation", "banner", "contentinfo"):
        return True
    names = " ".join([str(tag.get("id") or ""), *map(str, tag.get("class") or [])])
    return bool(names.strip()) and bool(_CHROME_WORDS.search(names))


def _drop_chrome(soup: BeautifulSoup) -> None:
    """Remove navigation, header, footer and sidebars: their dates are not the page's."""
    for tag in soup.find_all(_is_chrome):
        if not tag.decomposed:
            tag.decompose()


def read_page(body: bytes | str, url: str, encoding: str | None = None) -> Page:
    """Extract the readable parts of an HTML page at ``url``."""
    soup = BeautifulSoup(body, "lxml", from_encoding=encoding if isinstance(body, bytes) else None)
    base_tag = soup.find("base", href=True)
    base = urljoin(url, str(base_tag["href"])) if base_tag else url
    page = Page(script_count=len(soup.find_all("script")))
    page.has_password_field = soup.find("input", attrs={"type": "password"}) is not None
    for tag in soup.find_all(_NOISE_TAGS):
        tag.decompose()
    if soup.title:
        page.title = squash(soup.title.get_text())
    page.headings = [squash(h.get_text(" ", strip=True)) for h in soup.find_all(["h1", "h2", "h3"])]
    page.headings = [h for h in page.headings if h][:50]
    for a in soup.find_all("a", href=True):
        target = _absolute(base, a.get("href"))
        if target:
            page.links.append(Link(target, _label(a), _context(a), _heading(a)))
    for frame in soup.find_all(["iframe", "embed"], src=True):
        target = _absolute(base, frame.get("src"))
        if target:
            page.links.append(Link(target, squash(frame.get("title")), "", _heading(frame),
                                   frame.name))
    _drop_chrome(soup)
    page.text = squash(soup.get_text(" ", strip=True))[:MAX_TEXT]
    match = _POST_DATE.search(page.text)
    if match:
        page.post_date = squash(match.group(1))
    return page
