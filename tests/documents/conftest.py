"""Session fixtures: Thai documents generated once from known text into a temp directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crawler.documents import ocr_available
from tests.documents import fixtures as fx


def _need_font() -> None:
    if not os.path.isdir(fx.FONT_DIR):
        pytest.skip("fonts-thai-tlwg is not installed (no Thai TTF to build fixtures)")


@pytest.fixture(scope="session")
def docs(tmp_path_factory) -> dict[str, Path]:
    """Generated documents by name -> file path (bytes on disk, as the crawler would get)."""
    _need_font()
    out = tmp_path_factory.mktemp("documents")
    makers = {
        "text.pdf": fx.make_text_pdf,
        "encrypted.pdf": lambda: fx.make_text_pdf(encrypt="secret"),
        "owner-only.pdf": lambda: fx.make_text_pdf(encrypt=""),
        "blank.pdf": fx.make_blank_pdf,
        "scan.pdf": fx.make_scanned_pdf,
        "notice.png": fx.make_png,
        "policy.docx": fx.make_docx,
        "sheet.xlsx": fx.make_xlsx,
        "legacy.doc": fx.make_doc,
        "bomb.docx": fx.make_zip_bomb_docx,
    }
    files = {}
    for name, make in makers.items():
        path = out / name
        path.write_bytes(make())
        files[name] = path
    xls = fx.make_xls()
    if xls is not None:
        files["sheet.xls"] = out / "sheet.xls"
        files["sheet.xls"].write_bytes(xls)
    files["truncated.pdf"] = out / "truncated.pdf"
    files["truncated.pdf"].write_bytes(fx.corrupt(files["text.pdf"].read_bytes()))
    return files


@pytest.fixture(scope="session")
def need_ocr() -> None:
    """Skip when Tesseract with Thai data is missing (CI installs it)."""
    if not ocr_available():
        pytest.skip("tesseract-ocr with tesseract-ocr-tha is not installed")


@pytest.fixture(scope="session")
def scan_result(docs, need_ocr):
    """The scanned PDF read once with OCR (shared by several tests; OCR is slow)."""
    from crawler.documents import extract_text

    return extract_text(docs["scan.pdf"].read_bytes(), filename="scan.pdf",
                        limits=fx.reading_limits())


@pytest.fixture()
def sharing_html():
    """Read a saved sharing-service page from tests/fixtures/sharing."""

    def read(name: str) -> str:
        return (fx.SHARING_FIXTURES / name).read_text(encoding="utf-8")

    return read


@pytest.fixture()
def no_tesseract(monkeypatch):
    """Make OCR look absent (a missing command)."""
    from crawler.documents import ocr

    monkeypatch.setattr(ocr, "TESSERACT_CMD", "tesseract-missing-for-tests")
    ocr._languages.cache_clear()
    yield
    ocr._languages.cache_clear()

