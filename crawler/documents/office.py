"""DOCX (python-docx) and XLSX (openpyxl) text, after the zip-bomb check."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence

from .limits import Deadline, check_zip
from .model import DocProblem, DocText, result
from .normalize import normalize_thai

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_CELLS = 2_000_000


def cell_text(value: object) -> str:
    """Render one spreadsheet value: dates as ISO yyyy-mm-dd, whole floats without '.0'."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).replace("\t", " ").replace("\r\n", " ").replace("\n", " ").strip()


def row_text(values) -> str:
    """Join one row's cells with tabs, without trailing empty cells."""
    cells = [cell_text(v) for v in values]
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)


# ----------------------------------------------------------------------------- DOCX


def _paragraph_text(p) -> str:
    parts = []
    for el in p.iter():
        if el.tag == _W + "t":
            # skip the VML copy of a text box (mc:Fallback), which repeats mc:Choice
            if not any(a.tag == _MC_FALLBACK for a in el.iterancestors()):
                parts.append(el.text or "")
        elif el.tag in (_W + "tab",):
            parts.append("\t")
        elif el.tag in (_W + "br", _W + "cr"):
            parts.append("\n")
    return "".join(parts)


def _block_lines(element, deadline: Deadline) -> list[str]:
    lines: list[str] = []
    for child in element.iterchildren():
        if child.tag == _W + "p":
            lines.append(_paragraph_text(child))
        elif child.tag == _W + "tbl":
            deadline.check()
            for tr in child.iter(_W + "tr"):
                cells = []
                for tc in tr.iterchildren(_W + "tc"):
                    cells.append(" ".join(x for x in _block_lines(tc, deadline) if x.strip()))
                lines.append("\t".join(cells))
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                lines.extend(_block_lines(content, deadline))
    return lines


def _iso(value) -> str | None:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    return None


def _docx_pages(zf) -> int:
    """The page count Word saved in docProps/app.xml (1 when absent)."""
    try:
        app = zf.read("docProps/app.xml")[:100_000]
    except KeyError:
        return 1
    m = re.search(rb"<(?:\w+:)?Pages>(\d+)</", app)
    return max(1, int(m.group(1))) if m else 1


def extract_docx(data: bytes, deadline: Deadline) -> DocText:
    """Paragraphs, tables (cells tab-separated), headers and footers of a DOCX."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    zf = check_zip(data)
    pages = _docx_pages(zf)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise DocProblem("corrupt", f"docx: {exc}") from exc
    lines: list[str] = []
    for section in document.sections:
        for part in (section.header, section.first_page_header):
            if not part.is_linked_to_previous:
                lines.extend(_block_lines(part._element, deadline))
    lines.extend(_block_lines(document.element.body, deadline))
    for section in document.sections:
        if not section.footer.is_linked_to_previous:
            lines.extend(_block_lines(section.footer._element, deadline))
    props = document.core_properties
    meta = {k: v for k, v in (("title", (props.title or "").strip()),
                              ("created", _iso(props.created)),
                              ("modified", _iso(props.modified))) if v}
    text = normalize_thai("\n".join(lines))
    return result(text, pages, "docx", "ok" if text else "empty", meta=meta)


# ----------------------------------------------------------------------------- XLSX


def sheets_result(sheets: Iterable[tuple[str, Iterable[Sequence[object]]]], deadline: Deadline,
                  method: str, meta: dict | None = None) -> DocText:
    """A workbook's text: each sheet's name on a line, then one tab-joined line per non-empty
    row, an empty line after each sheet.  The deadline is checked every 200 rows; more than
    ``MAX_CELLS`` cells in all is a bomb.  ``meta`` gets the sheet names."""
    lines: list[str] = []
    names: list[str] = []
    cells = 0
    for name, rows in sheets:
        names.append(name)
        lines.append(name)
        for n, row in enumerate(rows):
            if n % 200 == 0:
                deadline.check(text=normalize_thai("\n".join(lines)), pages=len(names))
            cells += len(row)
            if cells > MAX_CELLS:
                raise DocProblem("bomb", f"more than {MAX_CELLS} cells")
            line = row_text(row)
            if line:
                lines.append(line)
        lines.append("")
    meta = {**(meta or {}), "sheets": names}
    text = normalize_thai("\n".join(lines))
    has_cells = any(line and line not in names for line in lines)
    return result(text, len(names), method, "ok" if has_cells else "empty", meta=meta)


def extract_xlsx(data: bytes, deadline: Deadline) -> DocText:
    """Every sheet (:func:`sheets_result`) and the workbook's title and dates."""
    import openpyxl

    check_zip(data)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types on damaged files
        raise DocProblem("corrupt", f"xlsx: {exc}") from exc
    try:
        props = wb.properties
        meta = {k: v for k, v in (("title", (props.title or "").strip()),
                                  ("created", _iso(props.created)),
                                  ("modified", _iso(props.modified))) if v}
        return sheets_result(((ws.title, ws.iter_rows(values_only=True)) for ws in wb.worksheets),
                             deadline, "xlsx", meta)
    finally:
        wb.close()
