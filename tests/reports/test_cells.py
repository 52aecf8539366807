"""Spreadsheet cells that would run as formulas are neutralized; CSV opens in Excel as UTF-8."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from reports.cells import neutralize, new_workbook, to_csv, workbook_bytes, write_table


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(1+1)", "'@SUM(1+1)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("  =1+1", "'  =1+1"),
    ("โครงสร้าง", "โครงสร้าง"),
    ("http://127.0.0.1/a?x=-1", "http://127.0.0.1/a?x=-1"),
    ("O23", "O23"),
    ("", ""),
    (None, None),
    (-5, -5),
    (68.42, 68.42),
])
def test_neutralize(value, expected):
    assert neutralize(value) == expected


def test_csv_has_bom_and_neutral_cells():
    text = to_csv(["ข้อ", "ข้อความ"], [["O1", "=1+1"], ["O2", "ปกติ"]])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows == [["ข้อ", "ข้อความ"], ["O1", "'=1+1"], ["O2", "ปกติ"]]


def test_xlsx_cells_are_text_never_formulas():
    wb = new_workbook("2026-05-15T00:00:00+00:00")
    ws = wb.create_sheet("s")
    write_table(ws, ["a", "b", "c"], [["=1+1", "javascript:alert(1)", "ok\x07bell"],
                                      ["http://127.0.0.1/x", 3, "@SUM(A1)"]],
                widths=(10, 10, 10), link_columns=(0, 1))
    ws = load_workbook(io.BytesIO(workbook_bytes(wb)))["s"]
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert values == [["'=1+1", "javascript:alert(1)", "okbell"],
                      ["http://127.0.0.1/x", 3, "'@SUM(A1)"]]
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws["B2"].hyperlink is None  # only http(s) cells link
    assert ws["A3"].hyperlink.target == "http://127.0.0.1/x"
