"""OCR: scanned PDFs, images, limits, and what happens without Tesseract."""

from __future__ import annotations

import re

from crawler.documents import DocLimits, extract_text, ocr_available
from tests.documents import fixtures as fx


def test_scanned_pdf_ocr_accuracy(scan_result) -> None:
    doc = scan_result
    assert (doc.status, doc.method, doc.pages) == ("ok", "pdf-ocr", len(fx.THAI_PAGES))
    assert doc.meta["ocr_pages"] == len(fx.THAI_PAGES)
    assert fx.cer(doc.text, fx.reference_text()) <= 0.08
    # the dates stay readable (a 'พ.ศ.' may come back as Latin look-alikes)
    assert re.search(r"15 ตุลาคม \S+ 2568", doc.text)
    assert "ข้อมูล ณ วันที่ 31 มีนาคม 2569" in doc.text


def test_ocr_page_limit(docs, need_ocr) -> None:
    doc = extract_text(docs["scan.pdf"].read_bytes(), limits=fx.reading_limits(ocr_page_limit=1))
    assert doc.status == "ok" and doc.method == "pdf-ocr"
    assert doc.meta["ocr_pages"] == 1 and doc.meta["ocr_skipped_pages"] == 2
    assert "ประกาศ" in doc.text and "มาตรการ" not in doc.text


def test_png_ocr(docs, need_ocr) -> None:
    doc = extract_text(docs["notice.png"].read_bytes(), content_type="image/png",
                       limits=fx.reading_limits())
    assert (doc.status, doc.method) == ("ok", "image-ocr")
    assert fx.cer(doc.text, fx.reference_text([fx.THAI_PAGES[0]])) <= 0.08


def test_ocr_timeout(docs, need_ocr) -> None:
    doc = extract_text(docs["scan.pdf"].read_bytes(), limits=DocLimits(time_limit_s=0.3))
    assert doc.status == "timeout" and doc.reason_th


def test_scanned_pdf_without_tesseract(docs, no_tesseract) -> None:
    assert not ocr_available()
    doc = extract_text(docs["scan.pdf"].read_bytes())
    assert (doc.status, doc.method, doc.text) == ("image_only", "none", "")
    assert "OCR" in doc.reason_th and "OCR not available" in doc.reason_en
    assert doc.meta["pages_without_text"] == 3


def test_image_without_tesseract(docs, no_tesseract) -> None:
    doc = extract_text(docs["notice.png"].read_bytes())
    assert doc.status == "ocr_unavailable"
    assert doc.reason_en == "OCR not available"
    assert doc.reason_th == "อ่านข้อความจากภาพไม่ได้ (ไม่มีโปรแกรม OCR)"


def test_ocr_turned_off(docs) -> None:
    doc = extract_text(docs["scan.pdf"].read_bytes(), limits=DocLimits(ocr=False))
    assert doc.status == "image_only" and "OCR" in doc.reason_en
    assert doc.meta["ocr"] == "off"


def test_image_pixel_bomb() -> None:
    doc = extract_text(fx.png_header_only(40_000, 40_000), filename="huge.png")
    assert doc.status == "bomb" and doc.reason_th


def test_text_pdf_is_not_ocred(docs, monkeypatch) -> None:
    from crawler.documents import pdf

    def fail(*args, **kwargs):
        raise AssertionError("OCR must not run on a PDF with a text layer")

    monkeypatch.setattr(pdf, "ocr_image", fail)
    assert extract_text(docs["text.pdf"].read_bytes()).method == "pdf"


def test_tesseract_without_thai_data(docs, tmp_path, monkeypatch) -> None:
    from crawler.documents import ocr

    fake = tmp_path / "tesseract"
    fake.write_text('#!/bin/sh\necho "List of available languages (2):"\necho eng\necho osd\n')
    fake.chmod(0o755)
    monkeypatch.setattr(ocr, "TESSERACT_CMD", str(fake))
    ocr._languages.cache_clear()
    try:
        assert not ocr_available()
        assert extract_text(docs["notice.png"].read_bytes()).status == "ocr_unavailable"
    finally:
        ocr._languages.cache_clear()


def test_ocr_page_limit_zero(docs, need_ocr) -> None:
    doc = extract_text(docs["scan.pdf"].read_bytes(), limits=DocLimits(ocr_page_limit=0))
    assert doc.status == "image_only" and doc.meta["ocr"] == "limit"
    assert "limit" in doc.reason_en


def test_multipage_tiff(docs, need_ocr) -> None:
    import io

    frames = [fx.render_page_image(fx.THAI_PAGES[i][:3], seed=i) for i in (0, 2)]
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", save_all=True, append_images=frames[1:], dpi=(300, 300))
    doc = extract_text(buf.getvalue(), limits=fx.reading_limits(ocr_page_limit=1))
    assert (doc.status, doc.method, doc.pages) == ("ok", "image-ocr", 2)
    assert doc.meta["ocr_skipped_pages"] == 1
    assert "ประกาศสำนักงานเขตพื้นที่" in doc.text
