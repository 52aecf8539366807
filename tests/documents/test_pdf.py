"""Text PDFs and the damage cases: encrypted, truncated, blank, limits."""

from __future__ import annotations

from crawler.documents import DocLimits, extract_text
from tests.documents import fixtures as fx


def test_text_pdf_matches_known_text(docs) -> None:
    doc = extract_text(docs["text.pdf"].read_bytes(), content_type="application/pdf")
    assert (doc.status, doc.method, doc.pages) == ("ok", "pdf", len(fx.THAI_PAGES))
    assert doc.reason_th == doc.reason_en == ""
    assert fx.cer(doc.text, fx.reference_text()) <= 0.01
    assert "ประกาศ ณ วันที่ 15 ตุลาคม พ.ศ. 2568" in doc.text
    assert "saraban@example.go.th" in doc.text


def test_pdf_metadata(docs) -> None:
    doc = extract_text(docs["text.pdf"].read_bytes())
    assert doc.meta["title"] == "แผนการจัดซื้อจัดจ้าง 2569"
    assert len(doc.meta["created"]) == 10 and doc.meta["created"][4] == "-"
    assert doc.meta["kind"] == "pdf"


def test_max_pages_truncates(docs) -> None:
    doc = extract_text(docs["text.pdf"].read_bytes(), limits=DocLimits(max_pages=1))
    assert doc.status == "ok" and doc.meta["truncated"] is True
    assert doc.pages == 3
    assert "รายงานผลการดำเนินงาน" not in doc.text  # page 2 not read
    assert "ประกาศสำนักงานเขตพื้นที่" in doc.text


def test_encrypted_pdf(docs) -> None:
    doc = extract_text(docs["encrypted.pdf"].read_bytes())
    assert (doc.status, doc.method, doc.text) == ("encrypted", "none", "")
    assert "รหัสผ่าน" in doc.reason_th and "password" in doc.reason_en


def test_pdf_with_empty_user_password_opens(docs) -> None:
    doc = extract_text(docs["owner-only.pdf"].read_bytes())
    assert doc.status == "ok" and "ประกาศ" in doc.text


def test_truncated_pdf_is_corrupt(docs) -> None:
    doc = extract_text(docs["truncated.pdf"].read_bytes(), filename="a.pdf")
    assert doc.status == "corrupt"
    assert doc.reason_th and doc.reason_en == "The file is damaged or incomplete"


def test_garbage_labelled_pdf_is_corrupt() -> None:
    doc = extract_text(b"%PDF-1.7\n this is not a pdf at all")
    assert doc.status == "corrupt"


def test_blank_pdf_is_empty(docs) -> None:
    doc = extract_text(docs["blank.pdf"].read_bytes())
    assert (doc.status, doc.text) == ("empty", "")
    assert doc.reason_th


def test_too_large(docs) -> None:
    data = docs["text.pdf"].read_bytes()
    doc = extract_text(data, limits=DocLimits(max_bytes=len(data) - 1))
    assert (doc.status, doc.method) == ("too_large", "none")
    assert doc.meta["bytes"] == len(data) and doc.meta["kind"] == "pdf"
    assert doc.reason_th and doc.reason_en


def test_timeout_between_pages(docs) -> None:
    doc = extract_text(docs["text.pdf"].read_bytes(), limits=DocLimits(time_limit_s=0))
    assert doc.status == "timeout"
    assert doc.reason_en == "Reading the file took longer than the time limit"


def test_never_raises_on_junk() -> None:
    for data in (b"", b"\x00" * 10, b"PK\x03\x04" + b"\x00" * 50, b"\xd0\xcf\x11\xe0" * 40):
        doc = extract_text(data)
        assert doc.status in ("empty", "unsupported", "corrupt")
