"""The site's own framework: a hub labelled "ITA 2569" whose links carry the 2569 codes is
detected as such; the report names the checklist that fits and the command, and
``--checklist auto`` uses it."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from checklists.loader import load_checklist
from crawler.demo import serve_directory
from tests.conftest import run_cli


def _page(title: str, body: str) -> str:
    return (f"<!doctype html><html lang='th'><head><meta charset='utf-8'><title>"
            f"{html.escape(title)}</title></head><body><nav><a href='/'>หน้าแรก</a> "
            f"<a href='/ita-2569/'>ITA 2569</a></nav><h1>{html.escape(title)}</h1>{body}"
            "</body></html>")


@pytest.fixture(scope="module")
def site_2569(tmp_path_factory) -> Path:
    """An office that publishes the 2569 list (O1-O26) under an "ITA 2569" hub."""
    root = tmp_path_factory.mktemp("site2569")
    rows = []
    for item in load_checklist("nacc-oit-2569").items:
        name = f"{item.code.lower()}.html"
        (root / name).write_text(_page(item.title_th, "<p>ประจำปีงบประมาณ พ.ศ. 2569</p>"),
                                 encoding="utf-8")
        rows.append(f"<li><a href='/{name}'>{item.code} {html.escape(item.title_th)}</a></li>")
    (root / "ita-2569").mkdir()
    (root / "ita-2569" / "index.html").write_text(
        _page("การประเมินคุณธรรมและความโปร่งใส ITA 2569", f"<ul>{''.join(rows)}</ul>"),
        encoding="utf-8")
    (root / "index.html").write_text(_page("หน้าแรก", "<p>ยินดีต้อนรับ</p>"), encoding="utf-8")
    return root


def _audit(root: Path, out: Path, checklist: str):
    with serve_directory(root) as url:
        return run_cli("audit", url, "--as-of", "2026-05-15", "--checklist", checklist,
                       "--no-external", "--full", out_dir=out), url


def test_a_2569_hub_is_detected_and_the_fitting_checklist_named(site_2569, tmp_path):
    result, url = _audit(site_2569, tmp_path, "nacc-oit-2565")
    framework = result.report["framework"]
    assert framework["declared_year"] == 2569 and framework["code_scheme"] == "O"
    assert framework["suggested"] == "nacc-oit-2569"
    assert framework["command"] == f"oit-audit audit {url} --checklist nacc-oit-2569"
    assert "--checklist nacc-oit-2569" in result.stdout  # the terminal tells the user too


def test_checklist_auto_uses_the_sites_framework(site_2569, tmp_path):
    result, _ = _audit(site_2569, tmp_path, "auto")
    report = result.report
    assert report["checklist"]["id"] == "nacc-oit-2569" and report["checklist"]["provisional"]
    assert report["framework"]["picked"] == "nacc-oit-2569"
    assert len(report["items"]) == 26
    o11 = next(i for i in report["items"] if i["code"] == "O11")
    assert o11["last_year"]["checklist"] == "nacc-oit-2568"
    assert "ชั่วคราว" in result.stdout  # the report says the list is provisional
