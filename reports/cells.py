"""Spreadsheet output that is safe to open: CSV (UTF-8 with BOM, so Excel reads Thai) and XLSX.

Text from the audited site is untrusted.  A cell that starts with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return) could run as a formula in Excel or LibreOffice (CSV/formula
injection), so :func:`neutralize` prefixes it with a single quote ``'``; XLSX cells are also
always written as text and lose the control characters that XML cannot hold.
"""

from __future__ import annotations

import csv
import io
import stat
import time
import zipfile
from collections.abc import Callable, Hashable, Iterable, Sequence
from copy import copy
from datetime import UTC, date, datetime
from typing import Any
from weakref import WeakKeyDictionary

import openpyxl
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Dates are real dates, shown the Thai way: [$-xxyyzzzz] with xx=01 Western digits, yy=07 the
# Thai (Buddhist-era) calendar, zzzz=041E Thai, so 2026-03-15 reads "15 มี.ค. 2569".
DATE_FORMATS = {"th": "[$-107041E]d mmm yyyy", "en": "d mmm yyyy"}
_HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
# one instance of each style, assigned to every cell that uses it (a new one per cell was half
# the cost of writing a sheet; openpyxl stores each distinct style once either way)
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_WRAP_TOP = Alignment(vertical="top", wrap_text=True)
_LINK_FONT = Font(color="0563C1", underline="single")
# Each style set on a cell is looked up in the workbook's lists by the style object's hash,
# which openpyxl works out afresh every time: a third of writing a sheet.  The styles a kind
# of cell ends with (its indices into those lists) are copied instead once the workbook's
# first cell of that kind has set them (issue 13): the same file, part for part.
_KEPT_STYLES: WeakKeyDictionary[Workbook, dict[Hashable, StyleArray]] = WeakKeyDictionary()
_SHEET_BAD = str.maketrans({c: " " for c in "[]:*?/\\"})


def neutralize(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would read as a formula.

    Numbers, booleans and None pass through; text is checked also after leading spaces,
    which some spreadsheet programs strip before parsing.
    """
    if value is None or isinstance(value, bool | int | float):
        return value
    text = str(value)
    if text.startswith(FORMULA_START) or text.lstrip(" ").startswith(FORMULA_START):
        return "'" + text
    return text


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL, else None (no ``javascript:`` hyperlinks)."""
    url = str(url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV text with a BOM; every cell neutralized."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([neutralize(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else neutralize(v) for v in row])
    return "\ufeff" + buf.getvalue()


def new_workbook(created: str = "") -> Workbook:
    """An empty workbook (no default sheet) with a reproducible creation time."""
    wb = Workbook()
    wb.remove(wb.active)
    if created:
        try:
            stamp = datetime.fromisoformat(created).replace(tzinfo=None)
            wb.properties.created = wb.properties.modified = stamp
        except ValueError:
            pass
    return wb


def sheet_title(text: str, used: set[str]) -> str:
    """A valid, unique sheet title (at most 31 characters, no ``[]:*?/\\``)."""
    base = (str(text).translate(_SHEET_BAD).strip().strip("'") or "sheet")[:31]
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def xlsx_text(value: Any) -> Any:
    """A neutralized cell value without XML-illegal control characters."""
    value = neutralize(value)
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def write_table(ws: Worksheet, header: Sequence[str], rows: Iterable[Sequence[Any]],
                widths: Sequence[int], link_columns: Sequence[int] = (),
                lang: str = "th") -> None:
    """A header row and data rows; text cells wrap; http(s) cells in ``link_columns`` link;
    ``date`` values are real dates in ``DATE_FORMATS[lang]``.

    Strings are stored as text (``data_type='s'``) so no cell can become a formula.
    """
    ws.append([xlsx_text(h) for h in header])
    for cell in ws[1]:
        _styled(cell, "header", _header_styles)
    date_format = DATE_FORMATS.get(lang, DATE_FORMATS["en"])
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            is_date = isinstance(value, date)
            cell.value = value if is_date else xlsx_text(value)
            if isinstance(cell.value, str):
                cell.data_type = "s"
            url = safe_url(value) if c - 1 in link_columns else None
            linked = bool(url) and "\n" not in str(value)
            if linked:
                cell.hyperlink = url
            _styled(cell, ("cell", date_format if is_date else None, linked), _cell_styles)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    if ws.max_row > 1:
        ws.auto_filter.ref = ws.dimensions


def _header_styles(cell: Cell, kind: Hashable) -> None:
    cell.font = _HEADER_FONT
    cell.fill = _HEADER_FILL
    cell.alignment = _WRAP_TOP


def _cell_styles(cell: Cell, kind: Hashable) -> None:
    _, date_format, linked = kind
    if date_format:
        cell.number_format = date_format
    cell.alignment = _WRAP_TOP
    if linked:
        cell.font = _LINK_FONT


def _styled(cell: Cell, kind: Hashable, apply: Callable[[Cell, Hashable], None]) -> None:
    """Give ``cell`` the styles of ``kind``: set by ``apply`` on the workbook's first cell of
    that kind, copied to the next ones (their indices into the workbook's style lists, as
    openpyxl's own ``WorksheetCopy`` copies them)."""
    kept = _KEPT_STYLES.setdefault(cell.parent.parent, {})
    if kind in kept:
        cell._style = copy(kept[kind])
        return
    apply(cell, kind)
    kept[kind] = copy(cell._style)


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook as XLSX bytes: what ``wb.save`` writes (``openpyxl.writer.excel.
    save_workbook``), byte for byte, with each worksheet's XML built in memory."""
    if wb.write_only or wb.read_only or not _WRITER_COPIED:
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()
    buf = io.BytesIO()
    archive = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    wb.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
    _InMemoryWriter(wb, archive).save()
    return buf.getvalue()


# _InMemoryWriter copies openpyxl 3.1's ExcelWriter.write_worksheet (private names: _writer,
# _drawing, _rels); any other series saves through openpyxl's own path
_WRITER_COPIED = openpyxl.__version__.startswith("3.1.")


class _InMemoryWriter(ExcelWriter):
    """openpyxl's writer, each worksheet's XML written to memory.  openpyxl writes a
    worksheet to a temporary file of its own (``NamedTemporaryFile``), copies it into the
    zip and removes it.  The two XLSX reports of an audit of the nightly benchmark's site
    (tests/benchmarks/nightly_rerun.py; nine sheets), alternately in one process: 30.4 ->
    26.0 ms of CPU at load 1.3; 48 -> 39 ms of CPU and 113 -> 82 ms of wall time at load 6,
    where creating and removing the files waits on the disk (issue 13: a nightly re-audit
    writes every report again).  The zip entry is the one ``ZipFile.write`` makes of such a
    file (a regular file, mode 0600, stamped now)."""

    def write_worksheet(self, ws: Worksheet) -> None:
        # openpyxl 3.1's ExcelWriter.write_worksheet for a workbook that is not write-only,
        # with ``out`` in memory instead of a temporary file
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        out = io.BytesIO()
        writer = WorksheetWriter(ws, out=out)
        writer.write()
        ws._rels = writer._rels
        entry = zipfile.ZipInfo(ws.path[1:], time.localtime()[:6])
        entry.external_attr = (stat.S_IFREG | 0o600) << 16
        entry.compress_type = self._archive.compression
        self._archive.writestr(entry, out.getvalue())
        self.manifest.append(ws)
