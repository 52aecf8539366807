"""Pages whose navigation or content is built by JavaScript: detect them and say whether they
can be rendered in headless Chromium (through scrapy-playwright).

Pure functions over the HTML the server sent; the spider asks :func:`render_need` for every
HTML page and re-requests only the pages that need it (``meta['playwright'] = True``), so that
plain sites never start a browser page.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.pages import Element, Page, drop_tree, parse_html, text_of
from reports.labels import WORDS

# http/https: Scrapy's client, and the browser for meta['playwright'] (crawler/renderhandler.py)
PLAYWRIGHT_HANDLER = "crawler.renderhandler.RenderingDownloadHandler"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
# How the browser is launched (Playwright's launch options): the project's, under whatever
# ``-s PLAYWRIGHT_LAUNCH_OPTIONS=...`` gives (:func:`launch_options`).
BROWSER_LAUNCH: dict[str, Any] = {
    "executable_path": DEFAULT_CHROMIUM,  # Debian's chromium; never a downloaded browser
    "headless": True,
    "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"],
    # Ctrl-C reaches Playwright's driver (the Node process that runs Chromium: it is in the
    # terminal's foreground process group) and it closed Chromium on it, so a page being
    # rendered at the audit's polite stop failed ("render_failed"); the audit, not the
    # driver, ends the browser (as crawler/readerstart.py's readers: hygiene40).  SIGTERM to
    # the audit's process group (``timeout``, a shell's ``kill %1``) did the same through the
    # driver's SIGTERM handler; without it Node's default ends the driver, so the driver is
    # started with crawler/driverstart.js, which ignores SIGTERM (hygiene41)
    "handle_sigint": False,
    "handle_sigterm": False,
}
FEW_LINKS = 3
SHORT_TEXT = 500
_MENU_WORDS = re.compile(r"(?:^|[-_ ])(?:nav|navbar|navigation|menu|mainmenu|main-menu|topmenu|"
                         r"sidebar-menu|megamenu)(?:$|[-_ ])", re.IGNORECASE)
_LOADING = re.compile(r"กำลังโหลด|โปรดรอสักครู่|กรุณารอสักครู่|loading\.\.\.|please wait",
                      re.IGNORECASE)
_NOSCRIPT = re.compile(r"เปิด(?:การใช้งาน)?\s*javascript|enable javascript|javascript is "
                       r"(?:disabled|required)", re.IGNORECASE)
_APP_IDS = ("app", "root", "__next", "__nuxt")
_BREADCRUMB = re.compile(r"breadcrumb|pathway|crumbs", re.IGNORECASE)

# Why a page needed rendering: key (stable) -> (Thai, English) words for people
# (reports/words.yaml, section rendering).
REASONS = WORDS.pairs("rendering")


@dataclass(frozen=True)
class RenderNeed:
    """Why a page needs rendering, and the signature of its empty menus (to render a shared
    script-built menu once per site rather than on every page)."""

    reasons: tuple[str, ...]
    signature: str = ""

    @property
    def menu_only(self) -> bool:
        """Only a script-built menu (which also explains few links): render it once."""
        return "empty_menu" in self.reasons and set(self.reasons) <= {"empty_menu", "few_links"}

    def describe(self) -> tuple[str, str]:
        words = [REASONS[r] for r in self.reasons]
        return "; ".join(th for th, _ in words), "; ".join(en for _, en in words)


def _names(tag: Element) -> str:
    return " ".join([tag.get("id") or "", *(tag.get("class") or "").split()]).strip()


def _is_menu_container(tag: Element) -> bool:
    if tag.tag in ("nav",) or tag.get("role") in ("navigation", "menubar", "menu"):
        return True
    return tag.tag in ("div", "ul", "section", "header", "aside") and bool(
        _MENU_WORDS.search(_names(tag)))


def _empty_menus(root: Element) -> list[str]:
    """Signatures of menu containers that hold no link at all."""
    out = []
    for tag in root.iter():
        if not isinstance(tag.tag, str) or not _is_menu_container(tag):
            continue
        if _BREADCRUMB.search(_names(tag) + " " + (tag.get("aria-label") or "")):
            continue
        text = text_of(tag)
        has_link = any(a.get("href") is not None for a in tag.iterdescendants("a"))
        if not has_link and (len(text) <= 2 or _LOADING.search(text)):
            out.append(f"{tag.tag}#{_names(tag) or '-'}")
    return out


def script_signs(root: Element) -> tuple[tuple[str, ...], bool, bool, bool]:
    """What :func:`render_need` looks for in a page's tree (its scripts, styles and templates
    dropped): the signatures of its empty menus, a 'loading' placeholder, an empty app root,
    a notice asking to enable JavaScript.  Plain data (kept with the page's reading)."""
    menus = tuple(_empty_menus(root))
    body_tag = root.find("body")
    scope = body_tag if body_tag is not None else root
    loading = any(_LOADING.search(text) and len(text) < 80
                  for t in scope.iterdescendants("div", "section", "main", "p", "td", "span")
                  for text in (text_of(t),))
    ids = {}
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("id") in _APP_IDS:
            ids.setdefault(el.get("id"), el)
    app_shell = False
    for app_id in _APP_IDS:
        app = ids.get(app_id)
        if app is not None and not text_of(app) and next(app.iterdescendants("a"), None) is None:
            app_shell = True
            break
    noscript_text = " ".join(text_of(n) for n in root.iter("noscript"))
    return menus, loading, app_shell, bool(_NOSCRIPT.search(noscript_text))


def render_need(body: bytes | str, page: Page, encoding: str | None = None) -> RenderNeed | None:
    """Does this page's navigation or content come from JavaScript?  None: the HTML is enough.

    Signs: a menu container with no links, a 'loading' placeholder, an empty app root, a
    notice asking to enable JavaScript, or almost no links at all; each only counts on a page
    that runs scripts.
    """
    if page.script_count == 0:
        return None
    signs = page.script_signs  # read with the page (crawler.pages.read_page), else here
    if signs is None:
        root = parse_html(body, encoding)
        if root is None:
            return RenderNeed(("few_links",)) if len(page.links) < FEW_LINKS and \
                len(page.text) < SHORT_TEXT else None
        for tag in list(root.iter("script", "style", "template")):
            drop_tree(tag)
        signs = script_signs(root)
    menus, loading, app_shell, noscript = signs
    reasons: list[str] = []
    if menus:
        reasons.append("empty_menu")
    if loading:
        reasons.append("loading_placeholder")
    if app_shell:
        reasons.append("app_shell")
    if noscript and len(page.links) < 10:
        reasons.append("noscript")
    if len(page.links) < FEW_LINKS and len(page.text) < SHORT_TEXT:
        reasons.append("few_links")  # little to read and nothing to follow: a script shell
    if not reasons:
        return None
    return RenderNeed(tuple(reasons), "|".join(sorted(set(menus))))


def needs_render(page: Page, body: bytes | str) -> bool:
    """True when the page's links or content are built by script (see :func:`render_need`)."""
    return render_need(body, page) is not None


def renderer_status(settings: Any) -> str:
    """'' when pages can be rendered, else the key saying why not (its words are
    ``checklists.site.crawlnotes.NOTES_TH``)."""
    if not settings.getbool("OIT_RENDER_JS", True):
        return "disabled"
    handlers = settings.getdict("DOWNLOAD_HANDLERS")
    if PLAYWRIGHT_HANDLER not in handlers.values() or \
            importlib.util.find_spec("scrapy_playwright") is None:
        return "playwright_missing"
    path = chromium_path(settings)
    if not path:
        return "chromium_missing"
    return ""


def launch_options(settings: Any) -> dict[str, Any]:
    """The browser's launch options: :data:`BROWSER_LAUNCH` with the setting's over them.

    ``-s PLAYWRIGHT_LAUNCH_OPTIONS={"timeout": 60000}`` replaced the whole setting, so the
    browser was launched without the project's ``executable_path`` (Playwright then looked
    for a browser of its own download: every page "render_failed") and without
    ``handle_sigint``/``handle_sigterm``.  Now each key given replaces the project's, and
    ``args`` are added after the project's (a flag given twice is kept once); a key given
    as ``null`` takes Playwright's own default."""
    given = settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")
    launch = {**BROWSER_LAUNCH, **given}
    if "args" in given and given["args"] is not None:
        launch["args"] = list(dict.fromkeys([*BROWSER_LAUNCH["args"], *given["args"]]))
    return {key: value for key, value in launch.items() if value is not None}


def chromium_path(settings: Any) -> str:
    """The Chromium executable that Playwright launches ('' when absent)."""
    launch = launch_options(settings)
    path = str(launch.get("executable_path") or "")
    if path:
        return path if Path(path).is_file() else ""
    return shutil.which("chromium") or shutil.which("chromium-browser") or ""


def playwright_download_handlers() -> dict[str, str]:
    """``DOWNLOAD_HANDLERS`` for rendering when scrapy-playwright is installed, else {}.

    The handler serves ordinary requests with Scrapy's own HTTP client; only requests with
    ``meta['playwright']`` go through the browser, whose handler is imported and built, and
    the browser started, on the first such request (:mod:`crawler.renderhandler`,
    :mod:`crawler.playwright_handler`).
    """
    if importlib.util.find_spec("scrapy_playwright") is None:
        return {}
    return {"http": PLAYWRIGHT_HANDLER, "https": PLAYWRIGHT_HANDLER}


def abort_request(request: Any) -> bool:
    """Do not let the browser fetch images, fonts and media (only scripts and data matter).
    Every other request passes the address guard (:mod:`crawler.browserguard`)."""
    return request.resource_type in ("image", "media", "font")


def render_meta(timeout_ms: int) -> dict[str, Any]:
    """Request meta that renders a page and waits until its scripts have fetched their data."""
    return {"playwright": True,
            "playwright_page_goto_kwargs": {"wait_until": "networkidle", "timeout": timeout_ms}}
