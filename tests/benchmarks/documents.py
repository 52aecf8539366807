"""Benchmark of document text extraction: accuracy (CER) and speed.

Run from the repository root: `python tests/benchmarks/documents.py`.
Prints a few explanatory lines, then as its LAST line exactly one JSON object:
{"cer_text": ..., "cer_scan": ..., "text_pages_per_s": ...}
Targets: cer_text <= 0.01, cer_scan <= 0.08, text_pages_per_s >= 20 (one core).

- cer_text: a 3-page Thai text PDF (reportlab, Laksaman 16 pt) read back with extract_text.
- cer_scan: the same text typeset with shaping at 300 dpi, degraded like a scan, wrapped as
  an image-only PDF and read back with OCR (Tesseract tha+eng). See tests/documents/fixtures.py
  for why scans are not rasterised reportlab output; that variant is printed for reference.
- text_pages_per_s: a 60-page text PDF, whole extract_text (incl. normalisation), one core.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crawler.documents import extract_text, normalize_thai, ocr_available  # noqa: E402
from tests.documents import fixtures as fx  # noqa: E402


def _one_core() -> None:
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    except (AttributeError, OSError):
        pass


def _pdftoppm_scan(pdf: bytes) -> bytes | None:
    """Rasterise a PDF with pdftoppm at 300 dpi and wrap the pages as an image-only PDF."""
    if not shutil.which("pdftoppm"):
        return None
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(src), f"{tmp}/p"],
                       check=True, timeout=120)
        pages = [Image.open(p) for p in sorted(Path(tmp).glob("p-*.png"))]
        return fx.images_to_pdf(pages)


def _pdfminer(pdf: bytes, ref: str, pages: int) -> str:
    try:
        from pdfminer.high_level import extract_text as miner_text
    except ImportError:
        return "pdfminer.six not installed"
    start = time.perf_counter()
    raw = miner_text(io.BytesIO(pdf))
    elapsed = time.perf_counter() - start
    return (f"pdfminer.six for comparison: CER raw {fx.cer(raw, ref):.4f}, after normalize_thai "
            f"{fx.cer(normalize_thai(raw), ref):.4f}, {pages / elapsed:.1f} pages/s")


def main() -> dict:
    """Run the benchmark and return the JSON summary."""
    _one_core()
    ref = fx.reference_text()
    text_pdf = fx.make_text_pdf()
    doc = extract_text(text_pdf)
    cer_text = fx.cer(doc.text, ref)
    print(f"text PDF: {doc.pages} pages, status {doc.status}, method {doc.method}, "
          f"CER {cer_text:.4f}")

    many = fx.THAI_PAGES * 20
    big = fx.make_text_pdf(many)
    extract_text(big)  # warm-up (imports, font caches)
    start = time.perf_counter()
    runs = 3
    for _ in range(runs):
        result = extract_text(big)
    elapsed = (time.perf_counter() - start) / runs
    pages_per_s = len(many) / elapsed
    print(f"speed: {len(many)}-page text PDF in {elapsed:.3f} s = {pages_per_s:.1f} pages/s "
          f"(one core, status {result.status})")
    print(_pdfminer(big, fx.reference_text(many), len(many)))

    cer_scan = None
    if ocr_available():
        start = time.perf_counter()
        scan = extract_text(fx.make_scanned_pdf())
        took = time.perf_counter() - start
        cer_scan = fx.cer(scan.text, ref)
        print(f"scanned PDF (300 dpi, shaped, degraded): status {scan.status}, method "
              f"{scan.method}, CER {cer_scan:.4f}, {took / max(1, scan.pages):.2f} s/page")
        raster = _pdftoppm_scan(text_pdf)
        if raster is not None:
            unshaped = extract_text(raster)
            print(f"for reference, pdftoppm -r 300 of the unshaped reportlab PDF: CER "
                  f"{fx.cer(unshaped.text, ref):.4f} (tone marks float; see fixtures.py)")
    else:
        print("OCR not available: install tesseract-ocr and tesseract-ocr-tha for cer_scan")

    summary = {"cer_text": round(cer_text, 4),
               "cer_scan": None if cer_scan is None else round(cer_scan, 4),
               "text_pages_per_s": round(pages_per_s, 1)}
    print(json.dumps(summary))
    return summary


if __name__ == "__main__":
    main()
