"""Legacy Office binaries: XLS via xlrd, Word 97-2003 DOC via olefile (piece table)."""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterator

from .limits import Deadline
from .model import DocProblem, DocText, result
from .normalize import normalize_thai
from .office import sheets_result

_FIELD = re.compile(r"\x13[^\x13\x14\x15]*(?:\x14([^\x13\x15]*))?\x15")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def extract_xls(data: bytes, deadline: Deadline) -> DocText:
    """Every sheet of an .xls workbook; date cells as ISO yyyy-mm-dd."""
    try:
        import xlrd
    except ImportError:
        return result("", 0, "none", "unsupported", meta={"missing": "xlrd"})
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception as exc:  # noqa: BLE001 - xlrd raises many types on damaged files
        raise DocProblem("corrupt", f"xls: {exc}") from exc
    try:
        return sheets_result(_xls_sheets(xlrd, book), deadline, "xls")
    finally:
        book.release_resources()


def _xls_sheets(xlrd, book) -> Iterator[tuple[str, Iterator[list[object]]]]:
    """(name, rows) of each sheet, loaded one at a time (``on_demand``) and unloaded after."""
    for index in range(book.nsheets):
        sheet = book.sheet_by_index(index)
        yield sheet.name, (_xls_row(xlrd, book, sheet, r) for r in range(sheet.nrows))
        book.unload_sheet(index)


def _xls_row(xlrd, book, sheet, r: int) -> list[object]:
    """One row's values: dates as datetimes, empty and blank cells as None."""
    values: list[object] = []
    for c in range(sheet.ncols):
        cell = sheet.cell(r, c)
        if cell.ctype == xlrd.XL_CELL_DATE:
            try:
                values.append(xlrd.xldate_as_datetime(cell.value, book.datemode))
            except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                values.append(cell.value)
        elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            values.append(None)
        else:
            values.append(cell.value)
    return values


def _doc_pieces(word: bytes, table: bytes) -> list[tuple[int, int, bool]]:
    """(file offset, character count, compressed) of each piece of a Word 97 document."""
    fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x01A2)
    clx = table[fc_clx: fc_clx + lcb_clx]
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc entries precede the piece table
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 0x02:
        raise DocProblem("corrupt", "doc: no piece table")
    size = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5: pos + 5 + size]
    n = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces = []
    for i in range(n):
        fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
        compressed = bool(fc & 0x40000000)
        offset = (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF
        pieces.append((offset, cps[i + 1] - cps[i], compressed))
    return pieces


def extract_doc(data: bytes, deadline: Deadline) -> DocText:
    """Best-effort text of a Word 97-2003 .doc (piece table; fields reduced to their result)."""
    try:
        import olefile
    except ImportError:
        return result("", 0, "none", "unsupported", meta={"missing": "olefile"})
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001
        raise DocProblem("corrupt", f"doc: {exc}") from exc
    try:
        if not ole.exists("WordDocument"):
            raise DocProblem("unsupported", "OLE file without a WordDocument stream")
        word = ole.openstream("WordDocument").read()
        if len(word) < 0x01AA or struct.unpack_from("<H", word, 0)[0] != 0xA5EC:
            raise DocProblem("unsupported", "not a Word 97-2003 document")
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        if flags & 0x0100:  # fEncrypted
            raise DocProblem("encrypted", "encrypted .doc")
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            raise DocProblem("corrupt", f"doc: no {table_name} stream")
        table = ole.openstream(table_name).read()
    finally:
        ole.close()
    parts = []
    try:
        for offset, count, compressed in _doc_pieces(word, table):
            deadline.check()
            if compressed:
                parts.append(word[offset: offset + count].decode("cp1252", "replace"))
            else:
                parts.append(word[offset: offset + 2 * count].decode("utf-16-le", "replace"))
    except struct.error as exc:
        raise DocProblem("corrupt", f"doc: {exc}") from exc
    raw = "".join(parts)
    raw = _FIELD.sub(lambda m: m.group(1) or "", raw)
    # \x07 ends a table cell; two in a row end the row's last cell and the row itself
    raw = raw.replace("\x07\x07", "\n").replace("\x07", "\t")
    raw = raw.replace("\r", "\n").replace("\x0b", "\n")
    text = normalize_thai(_CONTROL.sub("", raw))
    return result(text, 1, "doc", "ok" if text else "empty")
