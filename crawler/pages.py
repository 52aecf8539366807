"""Page objects: what a person reads on an HTML page, extracted without Scrapy.

``read_page`` takes the body and URL of a page and returns its title, headings, visible text,
a CMS post date when the theme shows one, the breadcrumb trail and post categories, and every
link with the words around it (link text, title/alt/aria-label, the table row or list item, the
nearest heading of its own region, and the labels of the tabs, accordions or menus it sits in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from crawler.charset import decode_html

_SPACE = re.compile(r"\s+")
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "#", "line:", "fb:")
_NOISE_TAGS = ("script", "style", "noscript", "template", "svg")
_CHROME_TAGS = ("nav", "header", "footer", "aside")
_CHROME_WORDS = re.compile(r"(?:^|[-_ ])(?:nav|navbar|menu|footer|header|sidebar|breadcrumb)"
                           r"(?:$|[-_ ])", re.IGNORECASE)
_POST_DATE = re.compile(r"(?:โพสต์เมื่อ|ประกาศเมื่อ|วันที่ลง(?:ข่าว)?|เผยแพร่เมื่อ|Posted on)\s*:?\s*"
                        r"([^\n|]{4,40})")
_BREADCRUMB_WORDS = re.compile(r"breadcrumb|pathway|crumbs", re.IGNORECASE)
_TAB_TARGET_ATTRS = ("href", "data-bs-target", "data-target", "aria-controls", "data-tab")
MAX_TEXT = 200_000
MAX_CONTEXT = 300
MAX_SECTION = 160
_HEADING_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6", "caption"]
_CARD_WORDS = re.compile(r"(?:^|[-_ ])(?:card|tile|box|panel|item|post)(?:$|[-_ ])", re.I)


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
    section: str = ""  # labels of the tabs, accordions or parent menu items around the link
    area: str = ""  # 'chrome' for navigation, header, footer and sidebars; '' for content

    def as_dict(self) -> dict[str, str]:
        return {"url": self.url, "text": self.text, "context": self.context,
                "heading": self.heading, "tag": self.tag, "section": self.section,
                "area": self.area}


@dataclass
class Page:
    """The readable parts of an HTML page."""

    title: str = ""
    headings: list[str] = field(default_factory=list)
    text: str = ""
    links: list[Link] = field(default_factory=list)
    post_date: str = ""
    breadcrumb: str = ""
    categories: list[str] = field(default_factory=list)
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


def _is_card(tag: Tag) -> bool:
    if tag.name not in ("div", "article", "section"):
        return False
    return bool(_CARD_WORDS.search(" ".join(map(str, tag.get("class") or []))))


def _context(a: Tag) -> str:
    """The row, list item, paragraph or card around a link (what a person reads with it)."""
    holder = a.find_parent(["tr", "li", "p", "dd", "figure"])
    if holder is None:
        holder = a.find_parent(_is_card)
        if holder is None or len(squash(holder.get_text(" ", strip=True))) > MAX_CONTEXT:
            return ""
    return squash(holder.get_text(" ", strip=True))[:MAX_CONTEXT]


def _chrome_root(tag: Tag) -> Tag | None:
    """The outermost navigation/header/footer/sidebar element around ``tag`` (None: content)."""
    root = None
    for parent in tag.parents:
        if isinstance(parent, Tag) and parent.name not in ("html", "body", "[document]") \
                and _is_chrome(parent):
            root = parent
    return root


def _heading(a: Tag, region: Tag | None) -> str:
    """The nearest heading before ``a`` in the same region (content or one chrome block)."""
    h = a.find_previous(_HEADING_TAGS)
    for _ in range(40):
        if h is None:
            return ""
        if _chrome_root(h) is region:
            return squash(h.get_text(" ", strip=True))[:MAX_CONTEXT]
        h = h.find_previous(_HEADING_TAGS)
    return ""


def _own_label(holder: Tag) -> str:
    """The label of a menu item or accordion: its first link, button or summary text."""
    first = holder.find(["a", "button", "summary", "span", "strong"], recursive=False)
    if first is None:
        first = holder.find(["a", "button", "summary"])
    return squash(first.get_text(" ", strip=True)) if first is not None else ""


def _tab_labels(soup: BeautifulSoup) -> dict[str, str]:
    """Pane id -> the label of the tab (or accordion button) that shows it."""
    labels: dict[str, str] = {}
    for ctl in soup.find_all(["a", "button", "li", "div", "span"]):
        for attr in _TAB_TARGET_ATTRS:
            value = str(ctl.get(attr) or "").strip()
            if attr == "href" and not value.startswith("#"):
                continue
            pane = value.lstrip("#")
            if pane and pane not in labels:
                text = squash(ctl.get_text(" ", strip=True))
                if text:
                    labels[pane] = text[:80]
    return labels


def _section(a: Tag, tabs: dict[str, str], soup: BeautifulSoup) -> str:
    """Labels of the panes, accordions, fieldsets and parent menu items around ``a``."""
    parts: list[str] = []
    for parent in a.parents:
        if not isinstance(parent, Tag) or parent.name in ("html", "body", "[document]"):
            break
        pid = str(parent.get("id") or "")
        if pid and pid in tabs:
            parts.append(tabs[pid])
        labelled = str(parent.get("aria-labelledby") or "").split()
        for ref in labelled[:1]:
            el = soup.find(id=ref)
            if el is not None and el is not a and a not in el.descendants:
                parts.append(squash(el.get_text(" ", strip=True))[:80])
        if parent.name == "details":
            summary = parent.find("summary")
            if summary is not None and a not in summary.descendants:
                parts.append(squash(summary.get_text(" ", strip=True))[:80])
        elif parent.name == "fieldset":
            legend = parent.find("legend")
            if legend is not None:
                parts.append(squash(legend.get_text(" ", strip=True))[:80])
        elif parent.name == "li" and parent is not a.parent:
            label = _own_label(parent)
            if label and label != squash(a.get_text(" ", strip=True)):
                parts.append(label[:80])
    seen: list[str] = []
    for part in reversed(parts):  # outermost first: "ITA 2569 › 9.1 ข้อมูลพื้นฐาน"
        if part and part not in seen:
            seen.append(part)
    return " › ".join(seen)[:MAX_SECTION]


def _breadcrumb(soup: BeautifulSoup) -> str:
    """The breadcrumb trail ("หน้าแรก › ITA 2569 › O1"), when the theme shows one."""
    for tag in soup.find_all(True):
        if tag.name in ("html", "body"):
            continue
        names = " ".join([str(tag.get("id") or ""), *map(str, tag.get("class") or []),
                          str(tag.get("aria-label") or "")])
        if _BREADCRUMB_WORDS.search(names):
            items = [squash(li.get_text(" ", strip=True)) for li in tag.find_all("li")]
            text = " › ".join(i for i in items if i) if items else \
                squash(tag.get_text(" ", strip=True))
            return text[:MAX_CONTEXT]
    return ""


def _categories(soup: BeautifulSoup) -> list[str]:
    """Post categories and tags (WordPress ``rel="category tag"``, Joomla category links)."""
    out: list[str] = []
    for a in soup.find_all("a", rel=True):
        rel = " ".join(a.get("rel") or [])
        if "category" in rel or rel.strip() == "tag":
            text = squash(a.get_text(" ", strip=True))
            if text and text not in out:
                out.append(text)
    for tag in soup.find_all(class_=re.compile(r"^(?:category-name|cat-links|post-categories)$")):
        text = squash(tag.get_text(" ", strip=True))
        if text and text not in out:
            out.append(text)
    return out[:10]


def _absolute(base: str, href: str | None) -> str | None:
    href = (href or "").strip()
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return None
    try:
        url, _ = urldefrag(urljoin(base, href))
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError on a port out of range or not a number)
    except ValueError:
        return None  # a malformed link (broken IPv6 literal, bad port) leads nowhere
    return url if url.startswith(("http://", "https://")) and parts.hostname else None


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
    """Extract the readable parts of an HTML page at ``url`` (bytes are decoded in the
    encoding they are really in, which is not always the ``encoding`` declared)."""
    if isinstance(body, bytes):
        body = decode_html(body, encoding)[0]
    soup = BeautifulSoup(body, "lxml")
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
    page.breadcrumb = _breadcrumb(soup)
    page.categories = _categories(soup)
    tabs = _tab_labels(soup)
    for tag in soup.find_all(["a", "iframe", "embed"]):
        src = tag.get("href") if tag.name == "a" else tag.get("src")
        target = _absolute(base, src)
        if not target:
            continue
        region = _chrome_root(tag)
        text = _label(tag) if tag.name == "a" else squash(tag.get("title"))
        page.links.append(Link(target, text, _context(tag) if tag.name == "a" else "",
                               _heading(tag, region), tag.name, _section(tag, tabs, soup),
                               "chrome" if region is not None else ""))
    _drop_chrome(soup)
    if soup.head:
        soup.head.decompose()  # the title is kept apart; templates often put years in it
    page.text = squash(soup.get_text(" ", strip=True))[:MAX_TEXT]
    match = _POST_DATE.search(page.text)
    if match:
        page.post_date = squash(match.group(1))
    return page
