"""Write the demo site's document assets: `python tests/documents/make_demo_assets.py OUTDIR`.

- structure-scan.pdf: a SCANNED (image-only, 300 dpi) organisation chart of a fictional
  Secondary Educational Service Area office, dated 'ข้อมูล ณ วันที่ 1 ตุลาคม 2566' (deliberately
  old), which OCRs back with the date readable.
- procurement-summary.xlsx: แบบ สขร.1 monthly procurement summaries for ปีงบประมาณ 2569, one
  sheet per month: ต.ค. 2568, พ.ย. 2568, ธ.ค. 2568, ม.ค. 2569 and มี.ค. 2569 (February 2569
  deliberately absent).
Output is byte-for-byte reproducible (fixed seed, fixed document dates and zip stamps).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.documents import fixtures as fx  # noqa: E402

OFFICE = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาตัวอย่าง"
CHART_TITLE = "โครงสร้าง" + OFFICE
CHART_DATE = "ข้อมูล ณ วันที่ 1 ตุลาคม 2566"
GROUPS = [
    ["กลุ่มอำนวยการ"],
    ["กลุ่มนโยบายและแผน"],
    ["กลุ่มบริหารงานการเงิน", "และสินทรัพย์"],
    ["กลุ่มบริหารงานบุคคล"],
    ["กลุ่มกฎหมายและคดี"],
    ["กลุ่มส่งเสริมการศึกษาทางไกล", "เทคโนโลยีสารสนเทศและการสื่อสาร"],
    ["หน่วยตรวจสอบภายใน"],
]

MONTHS = [  # (sheet name, heading month, rows)
    ("ต.ค. 2568", "ตุลาคม 2568", dt.date(2025, 10, 1)),
    ("พ.ย. 2568", "พฤศจิกายน 2568", dt.date(2025, 11, 1)),
    ("ธ.ค. 2568", "ธันวาคม 2568", dt.date(2025, 12, 1)),
    ("ม.ค. 2569", "มกราคม 2569", dt.date(2026, 1, 1)),
    ("มี.ค. 2569", "มีนาคม 2569", dt.date(2026, 3, 1)),
]
COLUMNS = [
    "ลำดับ", "งานที่จัดซื้อจัดจ้าง", "วงเงินงบประมาณ", "ราคากลาง", "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือกและราคาที่ตกลง", "เหตุผลที่คัดเลือก",
    "เลขที่และวันที่ของสัญญา",
]
ITEMS = [
    ("ซื้อวัสดุสำนักงาน", "ร้านสมใจพาณิชย์"),
    ("จ้างซ่อมแซมเครื่องปรับอากาศ", "ห้างหุ้นส่วนจำกัด เย็นฉ่ำแอร์เซอร์วิส"),
    ("ซื้อหมึกพิมพ์เครื่องพิมพ์เลเซอร์", "บริษัท ไอทีตัวอย่าง จำกัด"),
    ("จ้างเหมาบริการทำความสะอาดอาคาร", "นางสาวสมศรี ขยันงาน"),
    ("ซื้อน้ำมันเชื้อเพลิงรถราชการ", "หจก. ปั๊มน้ำมันตัวอย่าง"),
    ("จ้างพิมพ์เอกสารประกอบการประชุม", "ร้านก๊อปปี้เซ็นเตอร์"),
]
THAI_MONTH_ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
                   "ต.ค.", "พ.ย.", "ธ.ค."]


def _thai_date(day: dt.date) -> str:
    return f"{day.day} {THAI_MONTH_ABBR[day.month - 1]} {day.year + 543}"


def _chart_image():
    """The organisation chart as a 300-dpi landscape A4 greyscale 'scan'."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    width, height = 3508, 2480
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    big = ImageFont.truetype(fx.font_path(), 100)  # 24 pt
    body = ImageFont.truetype(fx.font_path(), 67)  # 16 pt

    def centred(y: int, text: str, font) -> None:
        draw.text((width / 2, y), text, font=font, fill=15, anchor="ma")

    def box(cx: int, top: int, lines: list[str], w: int) -> tuple[int, int]:
        h = 60 + 95 * len(lines)
        draw.rectangle((cx - w // 2, top, cx + w // 2, top + h), outline=15, width=6)
        for i, line in enumerate(lines):
            draw.text((cx, top + 30 + 95 * i), line, font=body, fill=15, anchor="ma")
        return top, top + h

    centred(120, CHART_TITLE, big)
    centred(270, CHART_DATE, body)
    _, director_bottom = box(width // 2, 420, ["ผู้อำนวยการ" + OFFICE], 2300)
    _, deputy_bottom = box(width // 2, director_bottom + 120, ["รองผู้อำนวยการ" + OFFICE], 2300)
    draw.line((width // 2, director_bottom, width // 2, director_bottom + 120), fill=15, width=6)
    rows = [GROUPS[:4], GROUPS[4:]]
    top = deputy_bottom + 200
    draw.line((width // 2, deputy_bottom, width // 2, top - 80), fill=15, width=6)
    for row in rows:
        slot = width // len(row)
        centres = [slot * i + slot // 2 for i in range(len(row))]
        draw.line((centres[0], top - 80, centres[-1], top - 80), fill=15, width=6)
        bottom = top
        for cx, lines in zip(centres, row, strict=True):
            draw.line((cx, top - 80, cx, top), fill=15, width=6)
            bottom = max(bottom, box(cx, top, lines, slot - 90)[1])
        top = bottom + 200
        if row is rows[0]:
            draw.line((width // 2, top - 280, width // 2, top - 80), fill=15, width=6)

    rng = random.Random(2566)
    img = img.rotate(0.35, resample=Image.BICUBIC, fillcolor=255).filter(
        ImageFilter.GaussianBlur(0.7))
    px = img.load()
    for _ in range(width * height // 300):
        px[rng.randrange(width), rng.randrange(height)] = rng.choice((40, 200, 255))
    return img


def make_structure_scan() -> bytes:
    """structure-scan.pdf bytes: one image-only page at 300 dpi."""
    import io

    buf = io.BytesIO()
    _chart_image().save(buf, format="PDF", resolution=300, title=CHART_TITLE,
                        creationDate=dt.datetime(2023, 10, 2, 9, 0).timetuple(),
                        modDate=dt.datetime(2023, 10, 2, 9, 0).timetuple())
    return buf.getvalue()


def make_procurement_summary() -> bytes:
    """procurement-summary.xlsx bytes (แบบ สขร.1, one sheet per month, February missing)."""
    import io

    import openpyxl
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.properties.title = "สรุปผลการดำเนินการจัดซื้อจัดจ้าง ปีงบประมาณ 2569"
    wb.properties.creator = OFFICE
    wb.properties.created = dt.datetime(2026, 4, 3, 9, 0)
    rng = random.Random(2569)
    number = 0
    for sheet, month, first in MONTHS:
        ws = wb.create_sheet(sheet)
        ws.append(["แบบ สขร.1"])
        ws.append([f"สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือน{month}"])
        ws.append([f"{OFFICE} ปีงบประมาณ 2569"])
        ws.append(COLUMNS)
        for cell in ws[1] + ws[2] + ws[3] + ws[4]:
            cell.font = Font(bold=True)
        for i in range(rng.randint(2, 4)):
            work, vendor = ITEMS[(number + i) % len(ITEMS)]
            budget = rng.randrange(5, 200) * 500
            price = budget - rng.randrange(0, 10) * 100
            signed = first + dt.timedelta(days=3 + 6 * i)
            number += 1
            ws.append([
                i + 1, work, budget, budget, "เฉพาะเจาะจง",
                f"{vendor} / {price:,.2f} บาท", f"{vendor} / {price:,.2f} บาท",
                "เป็นผู้มีคุณสมบัติครบถ้วนและเสนอราคาไม่เกินวงเงินงบประมาณ",
                f"ใบสั่งซื้อ/สั่งจ้าง เลขที่ {number}/2569 ลงวันที่ {_thai_date(signed)}",
            ])
            for col in (3, 4):
                ws.cell(ws.max_row, col).number_format = "#,##0.00"
        for letter, width in zip("ABCDEFGHI", (7, 34, 16, 16, 14, 40, 40, 44, 44), strict=True):
            ws.column_dimensions[letter].width = width
        for row in ws.iter_rows(min_row=4):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_stamps(buf.getvalue(), dt.datetime(2026, 4, 3, 9, 0))


def _fixed_stamps(xlsx: bytes, when: dt.datetime) -> bytes:
    """Rewrite the zip entry times and the core 'modified' date, so the bytes are reproducible."""
    import io
    import re
    import zipfile

    out = io.BytesIO()
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(io.BytesIO(xlsx)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(),
                              data)
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(entry, data)
    return out.getvalue()


def build(outdir: str | Path) -> dict[str, Path]:
    """Write both assets into outdir; return their paths by file name."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"structure-scan.pdf": out / "structure-scan.pdf",
             "procurement-summary.xlsx": out / "procurement-summary.xlsx"}
    paths["structure-scan.pdf"].write_bytes(make_structure_scan())
    paths["procurement-summary.xlsx"].write_bytes(make_procurement_summary())
    return paths


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python tests/documents/make_demo_assets.py OUTDIR", file=sys.stderr)
        return 2
    for path in build(args[0]).values():
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
