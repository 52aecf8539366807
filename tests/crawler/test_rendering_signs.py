"""Whether a page needs rendering is read in the page's own parse (issue 13): the same
reading and the same answer as parsing it a second time, on every fixture page with scripts."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from crawler.pages import read_page
from crawler.rendering import render_need, script_signs

ROOT = Path(__file__).resolve().parents[2]


def _pages_with_scripts() -> list[Path]:
    paths = sorted([*ROOT.glob("tests/**/*.html"), *ROOT.glob("crawler/demo_site/**/*.html")])
    return [p for p in paths if b"<script" in p.read_bytes().lower()]


def test_signs_read_with_the_page_give_the_same_reading_and_need() -> None:
    pages = _pages_with_scripts()
    assert len(pages) > 40
    needing = scripted = 0
    for path in pages:
        body = path.read_bytes()
        url = f"http://127.0.0.1/{path.name}"
        plain, signed = read_page(body, url), read_page(body, url, script_signs=script_signs)
        assert plain.script_signs is None
        assert (signed.script_signs is not None) == (signed.script_count > 0)
        scripted += signed.script_count > 0
        assert dataclasses.replace(signed, script_signs=None) == plain
        need = render_need(body, signed)
        assert need == render_need(body, plain)  # parsed again, as before
        needing += need is not None
    assert needing > 5 and scripted > 40


def test_a_page_without_scripts_has_no_signs() -> None:
    page = read_page(b"<html><body><nav class='menu'></nav><a href='/x'>x</a></body></html>",
                     "http://127.0.0.1/", script_signs=script_signs)
    assert page.script_count == 0 and page.script_signs is None
    assert render_need(b"", page) is None
