"""Page objects: what a person reads on an HTML page, extracted without Scrapy.

``read_page`` takes the body and URL of a page and returns its title, headings, visible text,
a CMS post date when the theme shows one, the breadcrumb trail and post categories, and every
link with the words around it (link text, title/alt/aria-label, the table row or list item, the
nearest heading of its own region, and the labels of the tabs, accordions or menus it sits in).

It reads the tree with lxml directly, in one pass that numbers the elements and finds each
one's navigation region (this runs on every page of every crawl: BeautifulSoup took five times
as long, see tests/benchmarks/crawl.py). The results are those of the earlier BeautifulSoup
reader: text is joined as ``get_text(" ", strip=True)`` joins it.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from cachetools import LRUCache
from lxml import etree

from checklists.safetext import CONTEXT_MAX, ELLIPSIS, LINK_TEXT_MAX, clean
from crawler.charset import decode_html

_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "#", "line:", "fb:")
_NOISE_TAGS = ("script", "style", "noscript", "template", "svg")
_SCRIPT_TAGS = ("script", "style", "template")  # what rendering's signs are read without
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
_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "caption"))
_PAGE_HEADINGS = frozenset(("h1", "h2", "h3"))  # a page's own headings (Page.headings)
_CARD_WORDS = re.compile(r"(?:^|[-_ ])(?:card|tile|box|panel|item|post)(?:$|[-_ ])", re.I)


def squash(text: str | None) -> str:
    """Collapse white space (including non-breaking spaces) to single spaces. ``str.split``
    splits at exactly the characters ``\\s`` matches in a ``str`` pattern (the non-breaking
    space among them), in a fraction of the regex's time on Thai text."""
    return " ".join(clean(text or "").split())


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

    def __post_init__(self) -> None:  # what a page shows is kept at a sane length
        self.text = clean(self.text, LINK_TEXT_MAX)
        self.context = clean(self.context, CONTEXT_MAX)
        self.heading = clean(self.heading, LINK_TEXT_MAX)
        self.section = clean(self.section, LINK_TEXT_MAX)

    def as_dict(self) -> dict[str, str]:
        return {"url": self.url, "text": self.text, "context": self.context,
                "heading": self.heading, "tag": self.tag, "section": self.section,
                "area": self.area}


def _cut(text: str, limit: int) -> str:
    """``clean(text, limit)`` of a text that is clean already (no hidden characters left)."""
    return text[: limit - 1].rstrip() + ELLIPSIS if len(text) > limit else text


def _link(url: str, text: str, context: str, heading: str, tag: str, section: str,
          area: str) -> Link:
    """A :class:`Link` of texts this module read (:func:`squash` cleaned them): cut to
    length like ``Link.__post_init__``, without cleaning them a second time."""
    link = Link.__new__(Link)
    short = LINK_TEXT_MAX
    link.__dict__.update(
        url=url, text=text if len(text) <= short else _cut(text, short),
        context=context if len(context) <= CONTEXT_MAX else _cut(context, CONTEXT_MAX),
        heading=heading if len(heading) <= short else _cut(heading, short), tag=tag,
        section=section if len(section) <= short else _cut(section, short), area=area)
    return link


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
    # what crawler.rendering looks for in a page that runs scripts, read in the same parse
    # (its scripts, styles and templates dropped): crawler.rendering.script_signs; None: not
    # read (no scripts, or no reader of signs was given)
    script_signs: Any = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled as its fields' values, each link as a tuple of its own: the page memo
        keeps every page's reading (:mod:`crawler.readmemo`), and a :class:`Link` object
        pickled as an object (its class, its ``__dict__``) took about three times as long
        to write and to read back as the same values in a tuple."""
        values = [getattr(self, name) for name in _PAGE_FIELDS]
        values[_LINKS_AT] = [_link_values(link) for link in self.links]
        return _unpickle_page, tuple(values)


_PAGE_FIELDS = tuple(Page.__dataclass_fields__)
_LINKS_AT = _PAGE_FIELDS.index("links")
_LINK_FIELDS = tuple(Link.__dataclass_fields__)
_link_values = attrgetter(*_LINK_FIELDS)


def _unpickle_page(*values: Any) -> Page:
    """The :class:`Page` :meth:`Page.__reduce__` pickled."""
    page = Page(**dict(zip(_PAGE_FIELDS, values, strict=True)))
    page.links = _links_of(page.links)
    return page


def _links_of(rows: list[tuple[str, ...]]) -> list[Link]:
    """The :class:`Link` objects of ``rows``, each a link's fields (:data:`_LINK_FIELDS`)
    as read already (cut and cleaned: not cleaned again)."""
    links = []
    for row in rows:
        link = Link.__new__(Link)
        link.__dict__.update(zip(_LINK_FIELDS, row, strict=True))
        links.append(link)
    return links


Element = etree._Element
_CONTEXT_TAGS = frozenset(("tr", "li", "p", "dd", "figure"))
_SECTION_STOP = frozenset(("html", "body"))
_TAB_TAGS = frozenset(("a", "button", "li", "div", "span"))
_LINK_TAGS = frozenset(("a", "iframe", "embed"))
_OWN_LABEL_TAGS = frozenset(("a", "button", "summary", "span", "strong"))
_OWN_LABEL_DEEP = frozenset(("a", "button", "summary"))
_CARD_TAGS = frozenset(("div", "article", "section"))
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def text_of(el: Element) -> str:
    """Text of an element and its descendants, as BeautifulSoup's get_text(" ", strip=True).

    The pieces are joined as they are: :func:`squash` collapses the spaces a piece starts or
    ends with, and drops those of pieces that are only white space, as stripping each piece
    first did (half the time of reading a page went into stripping pieces twice).  An
    element with no child node (most links and headings) has its own text for all its text:
    ``itertext()``, an iterator made for it, is not needed."""
    if not len(el):  # no child element, comment or processing instruction
        return squash(el.text)
    return squash(" ".join(el.itertext()))


def _names(el: Element) -> str:
    return " ".join([el.get("id") or "", *(el.get("class") or "").split()])


def _is_chrome(el: Element) -> bool:
    if el.tag in _CHROME_TAGS or el.get("role") in ("navigation", "banner", "contentinfo"):
        return True
    if el.get("id") is None and el.get("class") is None:
        return False  # most elements: nothing to read
    names = _names(el)
    return bool(names.strip()) and bool(_CHROME_WORDS.search(names))


def _is_card(el: Element) -> bool:
    return el.tag in _CARD_TAGS and bool(_CARD_WORDS.search(" ".join(
        (el.get("class") or "").split())))


def _label(a: Element) -> str:
    parts = [text_of(a)]
    for attr in ("title", "aria-label"):
        if a.get(attr):
            parts.append(a.get(attr))
    for img in a.iterdescendants("img") if len(a) else ():  # most links hold only text
        if img.get("alt"):
            parts.append(img.get("alt"))
    if len(parts) == 1:
        return parts[0]  # squashed already (squash gives the same text twice)
    return squash(" ".join(p for p in parts if p))


def _context(a: Element) -> str:
    """The row, list item, paragraph or card around a link (what a person reads with it)."""
    holder = next((p for p in a.iterancestors() if p.tag in _CONTEXT_TAGS), None)
    if holder is None:
        holder = next((p for p in a.iterancestors() if _is_card(p)), None)
        if holder is None or len(text_of(holder)) > MAX_CONTEXT:
            return ""
    return text_of(holder)[:MAX_CONTEXT]


def _own_label(holder: Element) -> str:
    """The label of a menu item or accordion: its first link, button or summary text."""
    first = next((c for c in holder if c.tag in _OWN_LABEL_TAGS), None)
    if first is None:
        first = next((d for d in holder.iterdescendants() if d.tag in _OWN_LABEL_DEEP), None)
    return text_of(first) if first is not None else ""


class _Tree:
    """One parsed page, read in one walk: elements in document order, each one's navigation
    region, and what the page's reading needs from the whole tree (headings, links, the
    breadcrumb, category links and boxes, tab controls, the outermost navigation blocks)."""

    def __init__(self, root: Element) -> None:
        self.root = root
        self.order: dict[Element, int] = {}
        self.chrome: dict[Element, Element | None] = {}  # outermost chrome ancestor
        self.ids: dict[str, Element] = {}
        self.headings: list[Element] = []
        self.links: list[Element] = []  # a, iframe, embed
        self.outer_chrome: list[Element] = []  # chrome elements outside any other
        self.breadcrumb: Element | None = None  # the first element named like a breadcrumb
        self.category_links: list[Element] = []  # rel="category tag" and the like
        self.category_boxes: list[Element] = []  # class="cat-links" and the like
        self.tab_controls: list[Element] = []  # elements that may show a pane
        self._walk(root)
        self._heading_pos = [self.order[h] for h in self.headings]

    def _walk(self, root: Element) -> None:
        """Every element in document order (lxml's own iteration); a navigation block's
        region ends after its last descendant (counted when the block is found)."""
        order, chrome, ids = self.order, self.chrome, self.ids
        region: Element | None = None
        region_end = -1
        for n, node in enumerate(root.iter(etree.Element)):
            if n >= region_end:
                region = None
            order[node] = n
            chrome[node] = region
            tag = node.tag
            get = node.get
            ident, classes = get("id"), get("class")
            if ident and ident not in ids:
                ids[ident] = node
            if tag in _HEADING_TAGS:
                self.headings.append(node)
            if tag in _LINK_TAGS:
                self.links.append(node)
                if tag == "a" and _is_category_rel(get("rel")):
                    self.category_links.append(node)
            if tag in _TAB_TAGS:
                keys = node.keys()
                if keys and (("href" in keys and "#" in get("href"))
                             or not _TAB_PANE_ATTRS.isdisjoint(keys)):
                    self.tab_controls.append(node)  # may show a pane (_tab_labels reads it)
            if classes is not None and _CATEGORY_CLASSES.intersection(classes.split()):
                self.category_boxes.append(node)
            if (self.breadcrumb is None and tag not in _SECTION_STOP
                    and (ident is not None or classes is not None or get("aria-label"))
                    and _BREADCRUMB_WORDS.search(f"{_names(node)} {get('aria-label') or ''}")):
                self.breadcrumb = node
            if region is None and _is_chrome(node):
                self.outer_chrome.append(node)
                if tag not in _SECTION_STOP:
                    region = node
                    region_end = n + sum(1 for _ in node.iter(etree.Element))

    def heading(self, a: Element) -> str:
        """The nearest heading before ``a`` in the same region (content or one chrome block)."""
        pos = bisect_left(self._heading_pos, self.order[a])
        region = self.chrome[a]
        for h in reversed(self.headings[max(0, pos - 40):pos]):
            if self.chrome[h] is region:
                return text_of(h)[:MAX_CONTEXT]
        return ""

    def section(self, a: Element, tabs: dict[str, str]) -> str:
        """Labels of the panes, accordions, fieldsets and parent menu items around ``a``."""
        parts: list[str] = []
        for parent in a.iterancestors():
            if parent.tag in _SECTION_STOP:
                break
            pid = parent.get("id") or ""
            if pid and pid in tabs:
                parts.append(tabs[pid])
            for ref in (parent.get("aria-labelledby") or "").split()[:1]:
                el = self.ids.get(ref)
                if el is not None and el is not a and not _contains(el, a):
                    parts.append(text_of(el)[:80])
            if parent.tag == "details":
                summary = next(parent.iterdescendants("summary"), None)
                if summary is not None and not _contains(summary, a):
                    parts.append(text_of(summary)[:80])
            elif parent.tag == "fieldset":
                legend = next(parent.iterdescendants("legend"), None)
                if legend is not None:
                    parts.append(text_of(legend)[:80])
            elif parent.tag == "li" and parent is not a.getparent():
                label = _own_label(parent)
                if label and label != text_of(a):
                    parts.append(label[:80])
        seen: list[str] = []
        for part in reversed(parts):  # outermost first: "ITA 2569 › 9.1 ข้อมูลพื้นฐาน"
            if part and part not in seen:
                seen.append(part)
        return " › ".join(seen)[:MAX_SECTION]


def _contains(outer: Element, inner: Element) -> bool:
    return any(p is outer for p in inner.iterancestors())


_TAB_PANE_ATTRS = frozenset(_TAB_TARGET_ATTRS) - {"href"}


def _tab_labels(controls: list[Element]) -> dict[str, str]:
    """Pane id -> the label of the tab (or accordion button) that shows it."""
    labels: dict[str, str] = {}
    for ctl in controls:
        for attr in _TAB_TARGET_ATTRS:
            value = (ctl.get(attr) or "").strip()
            if attr == "href" and not value.startswith("#"):
                continue
            pane = value.lstrip("#")
            if pane and pane not in labels:
                text = text_of(ctl)
                if text:
                    labels[pane] = text[:80]
    return labels


def _breadcrumb(tag: Element | None) -> str:
    """The breadcrumb trail ("หน้าแรก › ITA 2569 › O1"), when the theme shows one."""
    if tag is None:
        return ""
    items = [text_of(li) for li in tag.iterdescendants("li")]
    text = " › ".join(i for i in items if i) if items else text_of(tag)
    return text[:MAX_CONTEXT]


_CATEGORY_CLASSES = frozenset(("category-name", "cat-links", "post-categories"))


def _is_category_rel(rel: str | None) -> bool:
    if rel is None:
        return False
    rel = " ".join(rel.split())
    return "category" in rel or rel == "tag"


def _categories(tree: _Tree) -> list[str]:
    """Post categories and tags (WordPress ``rel="category tag"``, Joomla category links)."""
    out: list[str] = []
    for tag in (*tree.category_links, *tree.category_boxes):
        text = text_of(tag)
        if text and text not in out:
            out.append(text)
    return out[:10]


def _absolute(base: str, origin: str, href: str | None) -> str | None:
    """The absolute URL a link leads to (None: nowhere a crawler goes). ``origin`` is the
    scheme and host of ``base``: what a link from the site's root ("/about/") or an absolute
    one resolves against, so that menus repeated on every page are resolved once."""
    href = (href or "").strip()
    if href.startswith("/") or href[:8].lower().startswith(("http://", "https://")):
        return _resolved(origin, href)
    return _resolve(base, href)


@lru_cache(maxsize=8192)
def _resolved(origin: str, href: str) -> str | None:
    return _resolve(origin, href)


def _resolve(base: str, href: str) -> str | None:
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return None
    try:
        url, _ = urldefrag(urljoin(base, href))
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError on a port out of range or not a number)
    except ValueError:
        return None  # a malformed link (broken IPv6 literal, bad port) leads nowhere
    return url if url.startswith(("http://", "https://")) and parts.hostname else None


def parse_html(body: bytes | str, encoding: str | None = None) -> Element | None:
    """The lxml tree of an HTML page (None: nothing to parse)."""
    if isinstance(body, bytes):
        body = decode_html(body, encoding)[0]
    body = _XML_DECL.sub("", body, count=1)
    if not body.strip():
        return None
    try:
        root = etree.fromstring(body, _PARSER)
    except (etree.ParserError, ValueError):
        return None
    return root  # None: an empty document


# lxml.html's parser, but with lxml's own element classes: lxml.html looks each element's
# class up in Python (a call per element a page's reading touches); nothing here needs
# HtmlElement's methods (drop_tree is :func:`drop_tree`)
_PARSER = etree.HTMLParser()


def drop_tree(el: Element) -> None:
    """Remove ``el`` and what it holds, keeping the text that follows it (lxml.html's
    ``HtmlElement.drop_tree``)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


_drop = drop_tree


# a link's words as read_page reads them: its label, context, heading and section
_Reading = tuple[str, str, str, str]


def _reading(tree: _Tree, tag: Element, tabs: dict[str, str]) -> _Reading:
    """The words of link ``tag`` (an ``a``, ``iframe`` or ``embed``): its label, the row
    around it, its nearest heading and the labels of the sections it sits in."""
    if tag.tag != "a":
        return squash(tag.get("title")), "", tree.heading(tag), tree.section(tag, tabs)
    return _label(tag), _context(tag), tree.heading(tag), tree.section(tag, tabs)


# links of the navigation blocks whose readings are kept (_kept_block), the least recently
# met going first: a site has a few menus, met on every page, and blocks that change from
# page to page (the benchmark site's breadcrumbs: 5,118 blocks of its 5,245 pages) come and
# go; about a kilobyte a link
BLOCK_LINKS_KEPT = 4096
BLOCK_LINKS_MIN = 4  # a block of fewer links is read link by link (a breadcrumb trail)
_Kept = tuple[list[_Reading], dict[str, list[tuple[str, ...]]] | None]
# a block's markup digest and the page's tab labels -> the readings of its links (every
# link element, in order), and, when no link of it resolves against the page's own address,
# its links' fields (those that lead somewhere) by the origin they were resolved against
_BLOCKS: LRUCache[tuple[bytes, tuple[tuple[str, str], ...]], _Kept] = LRUCache(
    maxsize=BLOCK_LINKS_KEPT, getsizeof=lambda kept: len(kept[0]) + 1)


def _kept_block(tree: _Tree, region: Element, tabs: dict[str, str], base: str,
                origin: str) -> list[Link] | None:
    """The links of the navigation block ``region`` (an outermost menu, header, footer or
    sidebar), read as :func:`read_page` reads each, from a reading kept by the block's
    markup: a site's menus are the same on every page, and reading their links again was
    most of reading a page (on the 5,245-page benchmark site 84 % of the links are in such
    blocks). None when a link's reading may depend on more than the block's markup and the
    page's tab labels: an element around the block that a reading looks at (a row, list
    item, card, details, fieldset, labelled or tab-pane element), or an
    ``aria-labelledby`` in it (its label may be anywhere on the page). Links are resolved
    against the page's address, or only its origin when none of the block's is relative."""
    elements = list(region.iter(*_LINK_TAGS))
    if len(elements) < BLOCK_LINKS_MIN:
        return None  # read as it is: keeping it costs more than reading its links
    for above in region.iterancestors():
        if above.tag in _CONTEXT_TAGS or above.tag in _SECTION_TAGS or _is_card(above) \
                or above.get("aria-labelledby") is not None \
                or (above.get("id") or "") in tabs:
            return None
    try:
        markup = etree.tostring(region, with_tail=False)
    except (ValueError, etree.LxmlError):
        return None
    if b"aria-labelledby" in markup:
        return None
    key = (hashlib.blake2b(markup, digest_size=16).digest(), tuple(sorted(tabs.items())))
    kept = _BLOCKS.get(key)
    if kept is None:
        relative = any(_is_relative(_href(a)) for a in elements)
        kept = ([_reading(tree, a, tabs) for a in elements], None if relative else {})
        if len(elements) < BLOCK_LINKS_KEPT:
            _BLOCKS[key] = kept
    readings, by_origin = kept
    fields = by_origin.get(origin) if by_origin is not None else None
    if fields is None:
        fields = []
        for a, (text, context, heading, section) in zip(elements, readings, strict=True):
            target = _absolute(base, origin, _href(a))
            if target:
                fields.append(_link_values(_link(target, text, context, heading, a.tag,
                                                 section, "chrome")))
        if by_origin is not None:
            by_origin[origin] = fields
    return _links_of(fields)


def _href(tag: Element) -> str | None:
    """Where link ``tag`` leads, as written (an ``a``'s href, an iframe's or embed's src)."""
    return tag.get("href") if tag.tag == "a" else tag.get("src")


def _is_relative(href: str | None) -> bool:
    """Whether :func:`_absolute` resolves ``href`` against the page's own address (not only
    its origin, and not to nowhere whatever the address)."""
    href = (href or "").strip()
    return bool(href) and not href.startswith("/") and \
        not href[:8].lower().startswith(("http://", "https://")) and \
        not href.lower().startswith(_SKIP_SCHEMES)


_SECTION_TAGS = frozenset(("details", "fieldset"))  # what Tree.section reads around a link


def read_page(body: bytes | str, url: str, encoding: str | None = None,
              script_signs: Callable[[Element], Any] | None = None) -> Page:
    """Extract the readable parts of an HTML page at ``url`` (bytes are decoded in the
    encoding they are really in, which is not always the ``encoding`` declared).  With
    ``script_signs``, a page that runs scripts also gets ``script_signs(tree)`` of its tree
    without scripts, styles and templates (the page is parsed once, not again to tell whether
    it needs rendering)."""
    root = parse_html(body, encoding)
    if root is None:
        return Page()
    base_tag = next((b for b in root.iter("base") if b.get("href") is not None), None)
    base = urljoin(url, base_tag.get("href")) if base_tag is not None else url
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}"
    page = Page(script_count=sum(1 for _ in root.iter("script")))
    page.has_password_field = any(i.get("type") == "password" for i in root.iter("input"))
    if page.script_count and script_signs is not None:
        # those three first, the rest of the noise below: the same tree in the end
        for tag in list(root.iter(*_SCRIPT_TAGS)):
            _drop(tag)
        page.script_signs = script_signs(root)
    for tag in list(root.iter(*_NOISE_TAGS)):
        _drop(tag)
    title = next(root.iter("title"), None)
    if title is not None:
        page.title = clean(squash("".join(title.itertext())), LINK_TEXT_MAX)
    tree = _Tree(root)
    page.headings = [clean(text_of(h), LINK_TEXT_MAX) for h in tree.headings
                     if h.tag in _PAGE_HEADINGS]
    page.headings = [h for h in page.headings if h][:50]
    page.breadcrumb = _breadcrumb(tree.breadcrumb)
    page.categories = _categories(tree)
    tabs = _tab_labels(tree.tab_controls)
    kept: dict[Element, bool] = {}  # navigation block -> its links were read as kept
    for tag in tree.links:
        region = tree.chrome[tag]
        if region is not None:
            if region not in kept:  # the block's first link: all its links at once
                links = _kept_block(tree, region, tabs, base, origin)
                kept[region] = links is not None
                page.links.extend(links or ())
            if kept[region]:
                continue
        target = _absolute(base, origin, _href(tag))
        if not target:
            continue
        text, context, heading, section = _reading(tree, tag, tabs)
        page.links.append(_link(target, text, context, heading, tag.tag, section,
                                "chrome" if region is not None else ""))
    for tag in tree.outer_chrome:
        _drop(tag)
    head = next(root.iter("head"), None)
    if head is not None:
        _drop(head)  # the title is kept apart; templates often put years in it
    page.text = text_of(root)[:MAX_TEXT]
    match = _POST_DATE.search(page.text)
    if match:
        page.post_date = squash(match.group(1))
    return page
