"""DOCX, XLSX, XLS and DOC extraction, and zip bombs."""

from __future__ import annotations

import io
import zipfile

import pytest

from crawler.documents import DocLimits, extract_text
from tests.documents import fixtures as fx


def test_docx(docs) -> None:
    doc = extract_text(docs["policy.docx"].read_bytes())
    assert (doc.status, doc.method) == ("ok", "docx")
    lines = doc.text.split("\n")
    for paragraph in fx.DOCX_PARAGRAPHS:
        assert paragraph in lines
    assert "1\tสรรหาและบรรจุแต่งตั้ง\tต.ค. 68 - ธ.ค. 68" in lines
    assert lines[0] == "เอกสารเผยแพร่"  # the page header comes first
    assert doc.meta["title"] == "นโยบายการบริหารทรัพยากรบุคคล"
    assert (doc.meta["created"], doc.meta["modified"]) == ("2025-11-01", "2025-11-02")


def test_xlsx_rows_and_iso_dates(docs) -> None:
    doc = extract_text(docs["sheet.xlsx"].read_bytes())
    assert (doc.status, doc.method, doc.pages) == ("ok", "xlsx", 1)
    lines = doc.text.split("\n")
    assert lines[0] == "ต.ค. 68"  # the sheet name
    assert "ลำดับ\tงานที่จัดซื้อจัดจ้าง\tวงเงิน (บาท)\tวันที่ทำสัญญา" in lines
    assert "1\tจ้างซ่อมแซมอาคารเรียน\t450000\t2025-10-15" in lines
    assert "2\tซื้อวัสดุสำนักงาน\t12500.5\t2025-11-03" in lines
    assert doc.meta["sheets"] == ["ต.ค. 68"]


def test_xlsx_every_sheet() -> None:
    data = fx.make_xlsx({"ต.ค. 68": [["ก", 1]], "พ.ย. 68": [["ข", 2]], "ว่าง": []})
    doc = extract_text(data)
    assert doc.meta["sheets"] == ["ต.ค. 68", "พ.ย. 68", "ว่าง"] and doc.pages == 3
    assert "ก\t1" in doc.text and "ข\t2" in doc.text


def test_xls(docs) -> None:
    if "sheet.xls" not in docs:
        pytest.skip("xlwt (test-only, writes the fixture) is not installed")
    doc = extract_text(docs["sheet.xls"].read_bytes(), filename="sheet.xls")
    assert (doc.status, doc.method) == ("ok", "xls")
    assert "1\tจ้างซ่อมแซมอาคารเรียน\t450000\t2025-10-15" in doc.text.split("\n")


def test_doc_piece_table(docs) -> None:
    doc = extract_text(docs["legacy.doc"].read_bytes(), content_type="application/msword")
    assert (doc.status, doc.method) == ("ok", "doc")
    lines = doc.text.split("\n")
    assert "เรื่อง รายงานผลการจัดซื้อจัดจ้าง เดือนตุลาคม 2568" in lines
    assert "1\tซื้อวัสดุ" in lines
    assert "ดูรายละเอียดที่ เว็บไซต์" in lines  # field code dropped, field result kept
    assert lines[-1] == "Ref. ITA O12"  # the 8-bit piece


def test_zip_bomb_docx(docs) -> None:
    doc = extract_text(docs["bomb.docx"].read_bytes(), filename="bomb.docx")
    assert (doc.status, doc.method) == ("bomb", "none")
    assert doc.reason_th and "bomb" in doc.reason_en


def test_high_ratio_zip_is_a_bomb() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))
    doc = extract_text(buf.getvalue(), filename="a.docx")
    assert doc.status == "bomb"


def test_truncated_docx_is_corrupt(docs) -> None:
    data = fx.corrupt(docs["policy.docx"].read_bytes())
    doc = extract_text(data, filename="policy.docx")
    assert doc.status == "corrupt"


def test_zip_that_is_not_office() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "hello")
    assert extract_text(buf.getvalue(), filename="x.zip").status == "unsupported"


def test_xlsx_timeout() -> None:
    rows = [[i, "แถว", i * 2] for i in range(500)]
    doc = extract_text(fx.make_xlsx({"ข้อมูล": rows}), limits=DocLimits(time_limit_s=0))
    assert doc.status == "timeout"


def test_plain_text_and_html() -> None:
    assert extract_text("ประกาศ ณ วันที่ 1".encode("cp874")).text == "ประกาศ ณ วันที่ 1"
    html = "<html><head><title>t</title><style>p{}</style></head><body><p>ประจํา</p></body></html>"
    doc = extract_text(html.encode(), content_type="text/html")
    assert (doc.status, doc.method, doc.text) == ("ok", "text", "ประจำ")
