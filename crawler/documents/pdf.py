"""PDF text via PDFium (pypdfium2), with OCR of pages that carry only images.

pypdfium2 was measured against pdfminer.six on reportlab Thai PDFs (tests/benchmarks/
documents.py): same characters (pdfminer also splits lines at stacked zero-width marks,
which normalize_thai repairs) and about five times the speed. PDFium is not thread-safe,
so calls are serialised with a lock.
"""

from __future__ import annotations

import re
import threading

from reports.labels import WORDS

from .limits import Deadline
from .model import DocLimits, DocProblem, DocText, result
from .normalize import normalize_thai
from .ocr import OCR_DPI, ocr_available, ocr_image

MIN_PAGE_CHARS = 20  # fewer non-space characters than this on a page with images -> OCR it
MAX_RENDER_PIXELS = 40_000_000  # cap for one rendered page (absurd page sizes)
_PDFIUM_LOCK = threading.Lock()
_IMAGE_ONLY_REASONS = {  # 'unavailable' uses the default reason of model.REASONS
    "off": "scan_off", "limit": "scan_limit",  # reports/words.yaml, section documents_ocr
}
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _pdf_date(value: str | None) -> str | None:
    m = _PDF_DATE.match((value or "").strip())
    if not m:
        return None
    year, month, day = m.group(1), m.group(2) or "01", m.group(3) or "01"
    return f"{year}-{month}-{day}"


def _metadata(doc) -> dict:
    try:
        raw = doc.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 - metadata is optional
        return {}
    meta = {}
    if raw.get("Title", "").strip():
        meta["title"] = normalize_thai(raw["Title"].strip())
    for key, name in (("CreationDate", "created"), ("ModDate", "modified")):
        date = _pdf_date(raw.get(key))
        if date:
            meta[name] = date
    return meta


def _open(data: bytes):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4:  # FPDF_ERR_PASSWORD; "" was already tried
            raise DocProblem("encrypted", str(exc)) from exc
        raise DocProblem("corrupt", str(exc)) from exc


def _has_images(page) -> bool:
    import pypdfium2.raw as pdfium_c

    try:
        return next(iter(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])), None) is not None
    except Exception:  # noqa: BLE001
        return False


def _render(page):
    width, height = page.get_size()
    scale = OCR_DPI / 72
    pixels = width * height * scale * scale
    if pixels > MAX_RENDER_PIXELS:
        scale *= (MAX_RENDER_PIXELS / pixels) ** 0.5
    return page.render(scale=scale, grayscale=True).to_pil()


def extract_pdf(data: bytes, limits: DocLimits, deadline: Deadline) -> DocText:
    """Extract a PDF's text; OCR image-only pages within the limits.

    PDFium work (text, rendering) runs under a lock; Tesseract runs after it is released.
    """
    with _PDFIUM_LOCK:
        doc = _open(data)
        try:
            read = _read_pages(doc, limits, deadline)
        finally:
            doc.close()
    texts, scanned, images, meta, total = read
    method = "pdf"
    if scanned and not images:
        meta["pages_without_text"] = len(scanned)
        if not any(t.strip() for t in texts):
            state = "off" if not limits.ocr else ("unavailable" if not ocr_available() else "limit")
            meta["ocr"] = state
            key = _IMAGE_ONLY_REASONS.get(state)
            reason = WORDS.pairs("documents_ocr")[key] if key else None
            return result("", total, "none", "image_only", meta=meta, reason=reason)
    if images:
        method = "pdf-ocr"
        for i, image in images:
            try:
                texts[i] = normalize_thai(ocr_image(image, deadline))
            except DocProblem as exc:
                if exc.status == "timeout":
                    exc.text = "\n\n".join(t for t in texts if t.strip())
                    exc.pages = total
                raise
        meta["ocr_pages"] = len(images)
        if len(scanned) > len(images):
            meta["ocr_skipped_pages"] = len(scanned) - len(images)
    text = "\n\n".join(t for t in texts if t.strip())
    if not text:
        return result("", total, method, "empty", meta=meta)
    return result(text, total, method, meta=meta)


def _read_pages(doc, limits: DocLimits, deadline: Deadline):
    """Text of each page; which pages are scans; rendered images of those to OCR."""
    import pypdfium2 as pdfium

    total = len(doc)
    count = min(total, limits.max_pages)
    meta = _metadata(doc)
    if count < total:
        meta["truncated"] = True
    texts: list[str] = []
    scanned: list[int] = []
    bad = 0
    for i in range(count):
        deadline.check(text="\n\n".join(t for t in texts if t.strip()), pages=total)
        try:
            page = doc[i]
        except pdfium.PdfiumError:
            bad += 1
            texts.append("")
            continue
        try:
            textpage = page.get_textpage()
            text = normalize_thai(textpage.get_text_range())
            textpage.close()
            if len("".join(text.split())) < MIN_PAGE_CHARS and _has_images(page):
                scanned.append(i)
            texts.append(text)
        except pdfium.PdfiumError:
            bad += 1
            texts.append("")
        finally:
            page.close()
    if bad:
        meta["bad_pages"] = bad
    images = []
    if scanned and limits.ocr and ocr_available():
        for i in scanned[: max(0, limits.ocr_page_limit)]:
            deadline.check(text="\n\n".join(t for t in texts if t.strip()), pages=total)
            page = doc[i]
            try:
                images.append((i, _render(page)))
            finally:
                page.close()
    return texts, scanned, images, meta, total
