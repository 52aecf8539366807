"""sniff_kind: magic bytes beat the Content-Type, which beats the file name."""

from __future__ import annotations

import pytest

from crawler.documents import sniff_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [("text.pdf", "pdf"), ("scan.pdf", "pdf"), ("policy.docx", "docx"), ("sheet.xlsx", "xlsx"),
     ("legacy.doc", "doc"), ("notice.png", "image"), ("bomb.docx", "docx")],
)
def test_magic(docs, name: str, kind: str) -> None:
    data = docs[name].read_bytes()
    assert sniff_kind(data, "application/octet-stream", "download") == kind


def test_xls_magic(docs) -> None:
    if "sheet.xls" not in docs:
        pytest.skip("xlwt (test-only) is not installed")
    assert sniff_kind(docs["sheet.xls"].read_bytes(), None, None) == "xls"


def test_html_error_page_served_as_pdf() -> None:
    body = b"<!DOCTYPE html><html><body>404</body></html>"
    assert sniff_kind(body, "application/pdf", "report.pdf") == "html"


@pytest.mark.parametrize(
    ("data", "ctype", "name", "kind"),
    [
        (b"\xff\xd8\xff\xe0JFIF", None, None, "image"),
        ("ประกาศ".encode(), "text/plain; charset=utf-8", None, "text"),
        ("ประกาศ".encode("cp874"), None, "a.txt", "text"),
        (b"a,b\n1,2\n", "text/csv", None, "text"),
        (b"\x00\x01\x02\x03", None, "x.bin", "unknown"),
        (b"\x00\x01\x02\x03", "application/pdf", None, "pdf"),  # extractor then says corrupt
        (b"PK\x03\x04broken", None, "a.xlsx", "xlsx"),
        (b"", None, "a.docx", "docx"),
    ],
)
def test_hints(data: bytes, ctype, name, kind: str) -> None:
    assert sniff_kind(data, ctype, name) == kind
