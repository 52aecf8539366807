"""Deadlines and the as-of date are real spreadsheet dates, shown the Thai way."""

from __future__ import annotations

import io
from datetime import date, datetime

from openpyxl import load_workbook

from reports import fixlist, itas
from reports.cells import DATE_FORMATS


def test_fix_list_deadlines_are_dates_in_thai_format(demo_report):
    wb = load_workbook(io.BytesIO(fixlist.render_xlsx(demo_report, "th")))
    ws = wb["finance"]
    header = [c.value for c in ws[1]]
    col = header.index("วันที่กำหนด") + 1
    o23 = next(row for row in ws.iter_rows(min_row=2) if row[2].value == "O23")
    cell = o23[col - 1]
    assert isinstance(cell.value, datetime) and cell.value.date() == date(2026, 3, 15)
    assert cell.number_format == DATE_FORMATS["th"] == "[$-107041E]d mmm yyyy"


def test_english_fix_list_dates(demo_report):
    wb = load_workbook(io.BytesIO(fixlist.render_xlsx(demo_report, "en")))
    cells = [c for ws in wb.worksheets[1:] for row in ws.iter_rows(min_row=2) for c in row
             if isinstance(c.value, datetime)]
    assert cells and {c.number_format for c in cells} == {"d mmm yyyy"}


def test_itas_sheet_as_of_is_a_date_and_status_is_words(demo_report):
    wb = load_workbook(io.BytesIO(itas.render_xlsx(demo_report, "th")))
    info = wb.worksheets[1]
    values = [c.value for c in info[2]]
    assert values[1] == datetime(2026, 5, 15)
    assert info.cell(row=2, column=2).number_format == DATE_FORMATS["th"]
    assert "complete" not in values and "ตรวจเสร็จสมบูรณ์" in values
