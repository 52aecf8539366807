"""The HTML report as a person sees it, in real headless Chromium (Debian's chromium).

Checks that Thai text is drawn with an installed Thai font (fonts-thai-tlwg), that the page
logs no errors and asks for nothing from the network, that the verdict and unit filters work,
that print hides the filters; and saves docs/report-screenshot.png for the README.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
# The README's picture; refreshed only on request (OIT_UPDATE_SCREENSHOT=1) so that a test run
# leaves the working tree clean.
README_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "report-screenshot.png"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")


def thai_fonts() -> set[str]:
    """Families fontconfig says can draw Thai (fonts-thai-tlwg: Garuda, Loma, Waree...)."""
    if not shutil.which("fc-list"):
        pytest.skip("needs fontconfig's fc-list")
    out = subprocess.run(["fc-list", ":lang=th", "family"], capture_output=True, text=True,
                         check=True).stdout
    families = {name.strip() for line in out.splitlines() for name in line.split(",")}
    families.discard("")
    assert families, "no Thai font installed (apt install fonts-thai-tlwg)"
    return families


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, rendered):
    """The demo's report.html, with console errors and network requests recorded."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="th-TH")
    page.errors, page.requests = [], []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto((rendered / "report.html").as_uri(), wait_until="load")
    yield page
    page.close()


def visible_rows(page) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "tr[data-verdict]",
        "rows => rows.filter(r => r.offsetParent !== null)"
        ".map(r => ({code: r.id.slice(5), verdict: r.dataset.verdict, unit: r.dataset.unit}))")


def rendered_fonts(page, selector: str) -> dict[str, int]:
    """Font family -> glyph count that Chromium really used for ``selector``'s text."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, selector
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return {f["familyName"]: f["glyphCount"] for f in fonts}


@pytest.mark.parametrize("selector", ["h1", "#summary-h", "tr#item-O23 td:nth-child(2)"])
def test_thai_text_is_drawn_with_an_installed_thai_font(page, selector):
    used = rendered_fonts(page, selector)
    assert used and sum(used.values()) > 0, used
    assert set(used) <= thai_fonts(), f"{selector} drawn with {used}, not a Thai font"


def test_no_console_errors_and_no_network(page):
    page.wait_for_timeout(200)
    assert page.errors == []
    assert all(u.startswith(("file://", "data:")) for u in page.requests), page.requests


def test_verdict_filter_shows_only_that_verdict(page, demo_report):
    total = len(demo_report["items"])
    failing = [i["code"] for i in demo_report["items"] if i["verdict"] != "pass"]
    assert [r["code"] for r in visible_rows(page)] == failing  # opens on what needs work
    assert page.get_attribute("button[data-filter-verdict='fail']", "aria-pressed") == "true"
    page.click("button[data-filter-verdict='missing']")
    rows = visible_rows(page)
    assert rows and {r["verdict"] for r in rows} == {"missing"}
    assert len(rows) == demo_report["summary"]["missing"]
    assert page.text_content("#shown-count") == str(len(rows))
    assert page.get_attribute("button[data-filter-verdict='missing']", "aria-pressed") == "true"
    page.click("button[data-filter-verdict='fail']")
    assert {r["verdict"] for r in visible_rows(page)} == {
        i["verdict"] for i in demo_report["items"] if i["verdict"] != "pass"}
    page.click("button[data-filter-verdict='all']")
    assert len(visible_rows(page)) == total


def test_unit_filter_combines_with_verdict_filter(page, demo_report):
    finance = [i for i in demo_report["items"] if i["owner_id"] == "finance"]
    page.click("button[data-filter-verdict='all']")
    page.select_option("#filter-unit", "finance")
    rows = visible_rows(page)
    assert [r["code"] for r in rows] == [i["code"] for i in finance]
    page.click("button[data-filter-verdict='fail']")
    assert [r["code"] for r in visible_rows(page)] == [
        i["code"] for i in finance if i["verdict"] != "pass"]
    page.click("button[data-filter-verdict='broken']")
    page.select_option("#filter-unit", "hr")
    if not visible_rows(page):
        assert page.is_visible("#no-rows")


def test_print_hides_the_filters_and_fits_a4(page):
    page.emulate_media(media="print")
    assert not page.is_visible(".filters")
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_screenshot_for_the_readme(page, tmp_path):
    page.click("button[data-filter-verdict='fail']")
    page.evaluate("window.scrollTo(0, 0)")
    shot = README_SCREENSHOT if os.environ.get("OIT_UPDATE_SCREENSHOT") else \
        tmp_path / "report.png"
    shot.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(shot), full_page=True,
                    clip={"x": 0, "y": 0, "width": 1280, "height": 1700})
    assert shot.stat().st_size > 50_000
