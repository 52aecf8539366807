"""Which pages need JavaScript rendering (pure detection on the corpus's saved pages) and
whether this machine can render them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.settings import Settings

from crawler.pages import read_page
from crawler.renderhandler import RenderingDownloadHandler
from crawler.rendering import (
    BROWSER_LAUNCH,
    REASONS,
    chromium_path,
    launch_options,
    needs_render,
    playwright_download_handlers,
    render_need,
    renderer_status,
)
from crawler.run import project_settings

CORPUS = Path(__file__).resolve().parents[1] / "sites" / "corpus"
ROOT = Path(__file__).resolve().parents[2]


def need(rel: str, url: str = "http://office.example/"):
    body = (CORPUS / rel).read_bytes()
    return render_need(body, read_page(body, url))


def test_script_built_menu_and_table_need_rendering():
    home = need("js-menu/site/index.html")
    assert home is not None and "empty_menu" in home.reasons and home.menu_only
    ita = need("js-menu/site/ita/index.html", "http://office.example/ita/")
    assert ita is not None and "loading_placeholder" in ita.reasons and not ita.menu_only
    # every page shares the same empty menu: the spider renders it once
    doc = need("js-menu/site/ita/docs/o2-executives.html")
    assert doc is not None and doc.menu_only and doc.signature == home.signature


@pytest.mark.parametrize("rel", [
    "wordpress-table/site/2026/01/15/ita-2569/index.html",  # jQuery, a text breadcrumb
    "joomla-nested/site/index.html",
    "google-sites-drive/site/view/nwv-ita/ita-2569/9-1",
    "two-clicks/site/oit2569/index.html",
])
def test_plain_pages_are_not_rendered(rel):
    body = (CORPUS / rel).read_bytes()
    assert not needs_render(read_page(body, "http://office.example/"), body)


@pytest.mark.parametrize("html,reason", [
    ('<nav class="main-menu"></nav><script src="m.js"></script><p>สวัสดี</p>', "empty_menu"),
    ('<div id="app"></div><script src="app.js"></script>', "app_shell"),
    ('<div>Loading...</div><script>load()</script><a href="/a">a</a><a href="/b">b</a>'
     '<a href="/c">c</a>', "loading_placeholder"),
    ('<noscript>กรุณาเปิด JavaScript</noscript><script>x()</script>', "noscript"),
])
def test_reasons(html, reason):
    body = f"<html><body>{html}</body></html>"
    got = render_need(body, read_page(body, "http://office.example/"))
    assert got is not None and reason in got.reasons
    th, en = got.describe()
    assert REASONS[reason][0] in th and REASONS[reason][1] in en


def test_no_scripts_no_rendering():
    body = '<html><body><nav class="menu"></nav><p>ข้อความ</p></body></html>'
    assert render_need(body, read_page(body, "http://office.example/")) is None


def test_renderer_status():
    s = Settings({"DOWNLOAD_HANDLERS": {}, "PLAYWRIGHT_LAUNCH_OPTIONS": {}})
    assert renderer_status(s) == "playwright_missing"
    s = Settings({"OIT_RENDER_JS": False})
    assert renderer_status(s) == "disabled"
    pytest.importorskip("scrapy_playwright")
    handlers = {"http": "crawler.renderhandler.RenderingDownloadHandler"}
    s = Settings({"DOWNLOAD_HANDLERS": handlers,
                  "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": "/nonexistent/chromium"}})
    assert renderer_status(s) == "chromium_missing"


def test_the_browser_handler_is_imported_only_when_a_page_needs_a_browser():
    """http/https go through Scrapy's HTTP client; scrapy-playwright (and Playwright's client
    API under it, a few tenths of a CPU-second) is imported and its handler built on the
    first request with meta['playwright'] (tests/hostile/test_browser_guard.py renders one)."""
    pytest.importorskip("scrapy_playwright")
    code = (
        "import sys\n"
        "from scrapy.utils.reactor import install_reactor\n"
        "install_reactor('twisted.internet.asyncioreactor.AsyncioSelectorReactor')\n"
        "from scrapy.utils.test import get_crawler\n"
        "from crawler.renderhandler import RenderingDownloadHandler\n"
        "from crawler.run import project_settings\n"
        "crawler = get_crawler(settings_dict=project_settings().copy_to_dict())\n"
        "handler = RenderingDownloadHandler(crawler)\n"
        "print('playwright' in sys.modules, 'scrapy_playwright' in sys.modules)\n"
        "print(type(handler.browser).__name__, handler.browser is handler.browser)\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out == ["False", "False", "LazyPlaywrightDownloadHandler", "True"]
    assert playwright_download_handlers()["http"] == \
        f"{RenderingDownloadHandler.__module__}.{RenderingDownloadHandler.__name__}"


def test_launch_options_given_are_layered_over_the_projects():
    """``-s PLAYWRIGHT_LAUNCH_OPTIONS=...`` replaced the whole setting: Chromium's path and
    ``handle_sigint``/``handle_sigterm`` went with it.  Each key given replaces the
    project's; ``args`` are added after the project's; ``null`` takes Playwright's default."""
    assert launch_options(project_settings()) == BROWSER_LAUNCH
    s = Settings({"PLAYWRIGHT_LAUNCH_OPTIONS": '{"timeout": 60000, "headless": false}'})
    launch = launch_options(s)
    assert launch == {**BROWSER_LAUNCH, "timeout": 60000, "headless": False}
    assert launch["handle_sigint"] is False and launch["handle_sigterm"] is False
    assert chromium_path(s) == (BROWSER_LAUNCH["executable_path"] if Path(
        BROWSER_LAUNCH["executable_path"]).is_file() else "")
    s = Settings({"PLAYWRIGHT_LAUNCH_OPTIONS": {"args": ["--lang=th", "--no-sandbox"]}})
    assert launch_options(s)["args"] == [*BROWSER_LAUNCH["args"], "--lang=th"]
    s = Settings({"PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": None, "handle_sigint": True}})
    launch = launch_options(s)
    assert "executable_path" not in launch and launch["handle_sigint"] is True
    assert BROWSER_LAUNCH["handle_sigint"] is False  # the project's are left as they were


def test_the_driver_is_started_with_its_sigterm_preload_and_node_options_put_back(
        monkeypatch):
    """Playwright copies this process's environment for its driver: while it starts,
    NODE_OPTIONS (the user's kept) loads crawler/driverstart.js; after, it is as it was."""
    pytest.importorskip("scrapy_playwright")
    from crawler.playwright_handler import DRIVER_START, driver_preload

    assert "SIGTERM" in DRIVER_START.read_text(encoding="utf-8")
    monkeypatch.delenv("NODE_OPTIONS", raising=False)
    with driver_preload():
        assert os.environ["NODE_OPTIONS"] == f'--require "{DRIVER_START}"'
    assert "NODE_OPTIONS" not in os.environ
    monkeypatch.setenv("NODE_OPTIONS", "--max-old-space-size=512")
    with driver_preload():
        assert os.environ["NODE_OPTIONS"] == \
            f'--max-old-space-size=512 --require "{DRIVER_START}"'
    assert os.environ["NODE_OPTIONS"] == "--max-old-space-size=512"
