"""Hostile documents (issue 12): files that cannot be read, or that would take the machine
down if read naively.  Each builder returns bytes; a year in the link text points to each."""

from __future__ import annotations

import zlib

from tests.documents.fixtures import corrupt, make_text_pdf, make_zip_bomb_docx

INFLATE_BOMB_MB = 1024  # the content stream inflates to 1 GiB from about 1 MB


def pdf_with_stream(content: bytes | None = None, *, inflate_mb: int = 0) -> bytes:
    """A one-page PDF whose FlateDecode content stream is ``content`` (or ``inflate_mb`` of
    spaces after a short text: a decompression bomb)."""
    if content is None:
        comp = zlib.compressobj(9)
        head = b"BT /F1 12 Tf 72 700 Td (2569) Tj ET\n"
        parts = [comp.compress(head)]
        block = b" " * (1024 * 1024)
        for _ in range(inflate_mb):
            parts.append(comp.compress(block))
        parts.append(comp.flush())
        data = b"".join(parts)
    else:
        data = zlib.compress(content, 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data
            + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref)
    return bytes(out)


def hostile_documents() -> dict[str, bytes]:
    """File name -> bytes of every hostile document, each linked as a 2569 item."""
    text_pdf = make_text_pdf()
    return {
        "corrupt-2569.pdf": corrupt(text_pdf),
        "encrypted-2569.pdf": make_text_pdf(encrypt="secret"),
        "bomb-2569.docx": make_zip_bomb_docx(),
        "bomb-2569.xlsx": make_zip_bomb_docx(member="xl/worksheets/sheet1.xml"),
        "inflate-2569.pdf": pdf_with_stream(inflate_mb=INFLATE_BOMB_MB),
    }
