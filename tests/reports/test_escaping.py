"""Untrusted text from the audited site stays inert in every report format.

tests/sites/hostile/ puts ``<script>`` in link texts, titles and a URL, ``javascript:`` links,
and link texts that a spreadsheet would run as formulas (``=HYPERLINK``, ``+cmd``, ``-2+3``,
``@SUM``, a tab before ``=``).  The site is audited for real and each report is read back.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from lxml import html as lxml_html
from openpyxl import load_workbook

from tests.conftest import SITES, run_cli

FORMULA = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_TEXTS = {  # item code -> link text on the hostile ITA page
    "O3": '=HYPERLINK("http://evil.example/","อำนาจหน้าที่")',
    "O5": "+cmd|' /C calc'!A0 ข้อมูลการติดต่อ",
    "O6": "-2+3 กฎหมายที่เกี่ยวข้อง",
    "O7": "@SUM(1+1) ข่าวประชาสัมพันธ์",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    from crawler.demo import serve_directory

    out = tmp_path_factory.mktemp("hostile")
    with serve_directory(SITES / "hostile") as url:
        result = run_cli("audit", url, "--as-of", "2026-05-15", "--no-history", out_dir=out)
    assert result.code == 1, result.stdout + result.stderr
    return out


def test_the_fixture_really_carries_hostile_text(hostile):
    report = (hostile / "report.json").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" in report  # a link text
    assert "<script>alert(4)</script>" in report  # inside an evidence URL
    assert '=HYPERLINK(\\"http://evil.example/' in report


def test_html_report_escapes_everything(hostile):
    text = (hostile / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"<script>\s*alert", text, re.IGNORECASE)
    assert "<img src=x" not in text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # shown, as text
    doc = lxml_html.fromstring(text)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and not scripts[0].get("src")  # only the report's own filter code
    for el in doc.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name in ("href", "src", "action", "formaction"):
                assert value.startswith(("http://", "https://", "#", "data:,")), (name, value)
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", text, re.IGNORECASE)


def test_html_csp_allows_only_the_report_script(hostile):
    doc = lxml_html.fromstring((hostile / "report.html").read_text(encoding="utf-8"))
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    script = doc.xpath("//script")[0].text
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp


@pytest.mark.parametrize("name", ["report.md", "fixes.md"])
def test_markdown_has_no_raw_html_or_script_links(hostile, name):
    text = (hostile / name).read_text(encoding="utf-8")
    assert "<script" not in text.lower() and "<img" not in text.lower()
    assert not re.search(r"(?<!\\)\]\(javascript:", text, re.IGNORECASE)  # \] is no link
    assert "\\[click\\](javascript:alert(5))" in text or name == "fixes.md"
    assert "<javascript:" not in text.lower()


def test_junit_is_well_formed(hostile):
    root = ET.parse(hostile / "junit.xml").getroot()
    assert root.tag == "testsuites" and int(root.get("tests")) == 43


def _csv_cells(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _xlsx_cells(path: Path):
    wb = load_workbook(path)
    return [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row]


@pytest.mark.parametrize("name", ["itas.csv", "fixes.csv"])
def test_csv_cells_are_neutralized(hostile, name):
    for row in _csv_cells(hostile / name):
        for value in row:
            assert not value.startswith(FORMULA), (name, value)


@pytest.mark.parametrize("name", ["itas.xlsx", "fixes.xlsx"])
def test_xlsx_cells_are_neutralized(hostile, name):
    for cell in _xlsx_cells(hostile / name):
        assert cell.data_type != "f", (name, cell.coordinate, cell.value)
        if isinstance(cell.value, str):
            assert not cell.value.startswith(FORMULA), (name, cell.coordinate, cell.value)
        if cell.hyperlink is not None:
            assert cell.hyperlink.target.startswith(("http://", "https://"))


def test_hostile_link_texts_reach_the_itas_sheet_quoted(hostile):
    rows = _csv_cells(hostile / "itas.csv")
    header, body = rows[0], rows[1:]
    col = header.index("ข้อความลิงก์บนเว็บไซต์")
    texts = {r[1]: r[col] for r in body}
    for code, raw in HOSTILE_TEXTS.items():
        assert texts[code] == "'" + raw, code
    cells = {(c.value or "") for c in _xlsx_cells(hostile / "itas.xlsx")}
    for raw in HOSTILE_TEXTS.values():
        assert "'" + raw in cells
