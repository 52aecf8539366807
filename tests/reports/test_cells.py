"""Spreadsheet cells that would run as formulas are neutralized; CSV opens in Excel as UTF-8."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from typing import Any

import pytest
from openpyxl import load_workbook

from reports import cells
from reports.cells import (
    DATE_FORMATS,
    neutralize,
    new_workbook,
    to_csv,
    workbook_bytes,
    write_table,
)


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


def _styles(cell) -> tuple:
    color = cell.font.color
    return (cell.font.bold, color.rgb if color is not None and color.type == "rgb" else None,
            cell.font.underline, cell.fill.fgColor.rgb, cell.alignment.wrap_text,
            cell.alignment.vertical, cell.number_format)


def test_every_cell_of_a_kind_has_its_styles_in_every_sheet_and_workbook():
    """The styles of a kind of cell are set on the workbook's first one and copied to the
    next ones (reports/cells.py ``_styled``): the header, text, links and dates of a second
    sheet and of another workbook read back as the first sheet's."""
    header = ["ข้อ", "ลิงก์", "วันที่"]
    rows = [["O1", "http://127.0.0.1/a", date(2026, 5, 15)],
            ["O2", "ไม่ใช่ลิงก์", date(2026, 6, 1)]]
    read = []
    for lang in ("th", "en", "th"):
        wb = new_workbook("2026-05-15T00:00:00+00:00")
        for name in ("s1", "s2"):
            write_table(wb.create_sheet(name), header, rows, widths=(10, 10, 10),
                        link_columns=(1,), lang=lang)
        back = load_workbook(io.BytesIO(workbook_bytes(wb)))
        read.append([[[_styles(c) for c in row] for row in back[name].iter_rows()]
                     for name in ("s1", "s2")])
    th, en, th_again = read
    assert th[0] == th[1] == th_again[0] == th_again[1] and en[0] == en[1]
    head, first, second = th[0]
    assert all(s[:5] == (True, "00FFFFFF", None, "001F3A5F", True) for s in head)
    assert first[0] == second[0] == (False, None, None, "00000000", True, "top", "General")
    assert first[1][1:3] == ("000563C1", "single") and second[1][1:3] == (None, None)
    assert first[2][-1] == second[2][-1] == DATE_FORMATS["th"]
    assert en[0][1][2][-1] == DATE_FORMATS["en"]


def _refused(*args: Any) -> None:
    raise AssertionError("the in-memory writer was used")


def _parts(data: bytes) -> list[tuple]:
    """Each zip entry of an XLSX file: its name, bytes and attributes (its time aside, and
    the workbook's time of saving blanked out of ``docProps/core.xml``)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, re.sub(rb"<dcterms:modified[^<]*</dcterms:modified>", b"",
                                    z.read(i)),
                 i.external_attr, i.compress_type, i.create_system, i.flag_bits,
                 i.extract_version, i.extra)
                for i in z.infolist()]


@pytest.mark.parametrize("copied", [True, False], ids=["in-memory", "other-openpyxl"])
def test_workbook_bytes_are_what_openpyxl_saves(monkeypatch: pytest.MonkeyPatch, copied: bool):
    """Worksheets built in memory (reports/cells.py ``_InMemoryWriter``) make the file
    openpyxl's own ``Workbook.save`` makes through its temporary files, part for part; with
    an openpyxl series the writer was not copied from, openpyxl's own path is taken."""
    monkeypatch.setattr(cells, "_WRITER_COPIED", copied)
    if not copied:
        monkeypatch.setattr(cells._InMemoryWriter, "write_worksheet", _refused)

    def workbook() -> Any:
        wb = new_workbook("2026-05-15T00:00:00+00:00")
        for name in ("รายการ", "s2"):
            write_table(wb.create_sheet(name), ["ข้อ", "ลิงก์", "วันที่"],
                        [["O1", "http://127.0.0.1/a", date(2026, 5, 15)],
                         ["O2", "=1+1", date(2026, 6, 1)]],
                        widths=(10, 40, 12), link_columns=(1,))
        return wb

    ours = workbook_bytes(workbook())
    theirs = io.BytesIO()
    workbook().save(theirs)
    assert _parts(ours) == _parts(theirs.getvalue())
    assert len(_parts(ours)) > 10
