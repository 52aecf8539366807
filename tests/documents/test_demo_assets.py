"""The demo-site assets: an old scanned structure chart and a สขร.1 workbook missing February."""

from __future__ import annotations

import re

import pytest

from crawler.documents import DocLimits, extract_text
from tests.documents import fixtures as fx
from tests.documents import make_demo_assets as demo


@pytest.fixture(scope="module")
def assets(tmp_path_factory, docs):  # docs: skips without the Thai fonts
    return demo.build(tmp_path_factory.mktemp("demo"))


def test_structure_scan_is_image_only(assets) -> None:
    data = assets["structure-scan.pdf"].read_bytes()
    doc = extract_text(data, limits=DocLimits(ocr=False))
    assert doc.status == "image_only"
    assert doc.meta["created"] == "2023-10-02"


def test_structure_scan_ocr_reads_the_old_date(assets, need_ocr) -> None:
    doc = extract_text(assets["structure-scan.pdf"].read_bytes(), limits=fx.reading_limits())
    assert (doc.status, doc.method) == ("ok", "pdf-ocr")
    assert re.search(r"1\s*ตุลาคม\s*2566", doc.text)
    for group in ("กลุ่มอำนวยการ", "กลุ่มนโยบายและแผน", "กลุ่มบริหารงานบุคคล",
                  "หน่วยตรวจสอบภายใน"):
        assert group in doc.text


def test_procurement_summary(assets) -> None:
    doc = extract_text(assets["procurement-summary.xlsx"].read_bytes())
    assert doc.status == "ok" and doc.meta["modified"] == "2026-04-03"
    assert doc.meta["sheets"] == ["ต.ค. 2568", "พ.ย. 2568", "ธ.ค. 2568", "ม.ค. 2569", "มี.ค. 2569"]
    for month in ("ตุลาคม 2568", "พฤศจิกายน 2568", "ธันวาคม 2568", "มกราคม 2569", "มีนาคม 2569"):
        assert f"สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือน{month}" in doc.text
    assert "กุมภาพันธ์" not in doc.text and "ก.พ." not in doc.text
    assert "\t".join(demo.COLUMNS) in doc.text
    rows = [line for line in doc.text.split("\n") if re.match(r"^\d\t", line)]
    assert 10 <= len(rows) <= 20 and all(len(r.split("\t")) == 9 for r in rows)


def test_cli(tmp_path, docs) -> None:
    assert demo.main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "procurement-summary.xlsx", "structure-scan.pdf"]
    assert demo.main([]) == 2
