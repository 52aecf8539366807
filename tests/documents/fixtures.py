"""Generate Thai evidence documents from KNOWN text, for tests and the benchmark.

Choices (measured, see tests/benchmarks/documents.py):
- Text PDFs are made with reportlab and a TLWG font. reportlab does not shape Thai (no GPOS mark
  positioning), which is fine for the text layer: the characters are stored in logical order.
- Scans are NOT made by rasterising those PDFs: unshaped tone marks float above the line, which
  no real scan of a Word/LibreOffice print-out shows, and Tesseract then reads them as a separate
  text line. Scans are typeset with Pillow, whose wheels bundle libraqm/HarfBuzz (proper Thai
  mark stacking), at 300 dpi on an A4 canvas, slightly degraded (grey, a little noise and
  rotation), and wrapped back into an image-only PDF with Pillow.
- The font is Laksaman (TLWG's libre clone of TH Sarabun PSK, the font Thai government documents
  are required to use) at 16 pt, the official body size.
"""

from __future__ import annotations

import datetime as dt
import glob
import io
import os
import random
import zipfile
from collections.abc import Sequence
from pathlib import Path

from crawler.documents import DocLimits

FONT_DIR = "/usr/share/fonts/truetype/tlwg"
FONT_NAME = "Laksaman"
A4_PT = (595.28, 841.89)
DPI = 300
SHARING_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sharing"

# OCR takes a few CPU-seconds a page: a document gets 30 CPU-seconds in an audit (DocLimits,
# OIT_DOCUMENT_TIME_LIMIT; counted in CPU, crawler/documents/limits.py, so a busy machine does
# not spend them before the pages are read).  The time limit itself is tested with limits of its
# own (test_ocr_timeout, test_timeout_between_pages, test_limits.py).
READ_S = 30.0


def reading_limits(**fields: object) -> DocLimits:
    """``DocLimits(**fields)`` with ``READ_S`` CPU seconds to read the document."""
    return DocLimits(**{"time_limit_s": READ_S, **fields})  # type: ignore[arg-type]


# Three pages of realistic announcement text; each inner list is one page, one string a line.
THAI_PAGES: list[list[str]] = [
    [
        "ประกาศสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาตัวอย่าง",
        "เรื่อง แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569",
        "ตามที่สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาตัวอย่าง",
        "ได้รับจัดสรรงบประมาณ ประจำปีงบประมาณ พ.ศ. 2569",
        "เพื่อใช้ในการบริหารจัดการศึกษา นั้น",
        "เพื่อให้การจัดซื้อจัดจ้างเป็นไปด้วยความโปร่งใส ตรวจสอบได้",
        "และเป็นไปตามพระราชบัญญัติการจัดซื้อจัดจ้าง",
        "และการบริหารพัสดุภาครัฐ พ.ศ. 2560",
        "จึงขอประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง",
        "รายละเอียดตามเอกสารแนบท้ายประกาศนี้",
        "ทั้งนี้ ผู้ที่สนใจสามารถติดตามข้อมูลได้ที่เว็บไซต์ www.example.go.th",
        "หรือระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP) ของกรมบัญชีกลาง",
        "ประกาศ ณ วันที่ 15 ตุลาคม พ.ศ. 2568",
        "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาตัวอย่าง",
    ],
    [
        "รายงานผลการดำเนินงานรอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. 2569",
        "ตั้งแต่วันที่ 1 ตุลาคม 2568 ถึงวันที่ 31 มีนาคม 2569",
        "1. โครงการพัฒนาคุณภาพผู้เรียน ดำเนินการแล้วเสร็จร้อยละ 85",
        "2. โครงการส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงาน",
        "ได้จัดอบรมบุคลากรจำนวน 120 คน เมื่อวันที่ 20 ธันวาคม 2568",
        "3. โครงการพัฒนาระบบเทคโนโลยีสารสนเทศเพื่อการบริหาร",
        "ใช้งบประมาณทั้งสิ้น 1,250,000 บาท คิดเป็นร้อยละ 62.50",
        "ปัญหาและอุปสรรค ได้แก่ ความล่าช้าในการเบิกจ่ายงบประมาณ",
        "ข้อเสนอแนะ ควรเร่งรัดการดำเนินงานให้เป็นไปตามแผนที่กำหนด",
        "ข้อมูล ณ วันที่ 31 มีนาคม 2569",
    ],
    [
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "เพื่อป้องกันการทุจริตและประพฤติมิชอบ",
        "และการขัดกันแห่งผลประโยชน์",
        "ให้บุคลากรทุกคนปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต ไม่เลือกปฏิบัติ",
        "เปิดโอกาสให้ประชาชนมีส่วนร่วมในการตรวจสอบ",
        "การดำเนินงานของหน่วยงาน",
        "ผ่านช่องทางร้องเรียน โทรศัพท์ 0 4324 5678",
        "หรืออีเมล saraban@example.go.th",
        "ผู้บริหารต้องกำกับ ติดตาม และรายงานผลการดำเนินการ",
        "ต่อคณะกรรมการ อย่างน้อยปีละ 2 ครั้ง",
        "และเผยแพร่ผลการดำเนินการให้สาธารณชนทราบ",
        "สั่ง ณ วันที่ 9 มกราคม พ.ศ. 2569",
    ],
]

DOCX_PARAGRAPHS = [
    "ประกาศสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาตัวอย่าง",
    "เรื่อง นโยบายการบริหารทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2569",
    "ประกาศ ณ วันที่ 1 พฤศจิกายน พ.ศ. 2568",
]
DOCX_TABLE = [
    ["ลำดับ", "กิจกรรม", "ระยะเวลา"],
    ["1", "สรรหาและบรรจุแต่งตั้ง", "ต.ค. 68 - ธ.ค. 68"],
    ["2", "พัฒนาบุคลากร", "ม.ค. 69 - มี.ค. 69"],
]

XLSX_ROWS: list[list[object]] = [
    ["ลำดับ", "งานที่จัดซื้อจัดจ้าง", "วงเงิน (บาท)", "วันที่ทำสัญญา"],
    [1, "จ้างซ่อมแซมอาคารเรียน", 450000, dt.date(2025, 10, 15)],
    [2, "ซื้อวัสดุสำนักงาน", 12500.5, dt.datetime(2025, 11, 3)],
]


def all_lines() -> list[str]:
    """Every line of THAI_PAGES in reading order."""
    return [line for page in THAI_PAGES for line in page]


def reference_text(pages: Sequence[Sequence[str]] = THAI_PAGES) -> str:
    """The known text, whitespace-normalised (one space between all tokens)."""
    return " ".join(" ".join(line for page in pages for line in page).split())


def font_path(name: str = FONT_NAME) -> str:
    """Path of a TLWG Thai TTF; falls back to any TLWG font present."""
    path = os.path.join(FONT_DIR, f"{name}.ttf")
    if os.path.exists(path):
        return path
    found = sorted(glob.glob(os.path.join(FONT_DIR, "*.ttf")))
    if not found:
        raise FileNotFoundError("no Thai TTF in " + FONT_DIR + " (apt-get install fonts-thai-tlwg)")
    return found[0]


def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, font_path()))
    return FONT_NAME


def make_text_pdf(
    pages: Sequence[Sequence[str]] = THAI_PAGES,
    *,
    title: str = "แผนการจัดซื้อจัดจ้าง 2569",
    encrypt: str | None = None,
    size: float = 16,
) -> bytes:
    """A text PDF (real text layer) with one page per entry of `pages`."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    font = _register_font()
    buf = io.BytesIO()
    enc = None
    if encrypt is not None:
        enc = pdfencrypt.StandardEncryption(encrypt, ownerPassword=encrypt + "-owner", strength=128)
    c = canvas.Canvas(buf, pagesize=A4_PT, encrypt=enc)
    c.setTitle(title)
    c.setAuthor("oit-audit tests")
    for page in pages:
        c.setFont(font, size)
        y = A4_PT[1] - 72
        for line in page:
            c.drawString(72, y, line)
            y -= size * 1.6
        c.showPage()
    c.save()
    return buf.getvalue()


def make_blank_pdf(pages: int = 1) -> bytes:
    """A PDF whose pages carry neither text nor images."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4_PT)
    for _ in range(pages):
        c.showPage()
    c.save()
    return buf.getvalue()


def render_page_image(lines: Sequence[str], *, size: float = 16, seed: int = 0, noise: bool = True):
    """Typeset `lines` on an A4 page at 300 dpi (shaped Thai) and return a greyscale PIL image."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    scale = DPI / 72
    width, height = int(A4_PT[0] * scale), int(A4_PT[1] * scale)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(font_path(), int(size * scale))
    y = 72 * scale
    for line in lines:
        draw.text((72 * scale, y), line, font=font, fill=20)
        y += size * 1.6 * scale
    if noise:
        rng = random.Random(seed)
        img = img.rotate(rng.uniform(-0.4, 0.4), resample=Image.BICUBIC, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(0.6))
        px = img.load()
        for _ in range(width * height // 400):
            x, yy = rng.randrange(width), rng.randrange(height)
            px[x, yy] = rng.choice((0, 255))
    return img


def images_to_pdf(images: Sequence, dpi: int = DPI) -> bytes:
    """Wrap page images into an image-only PDF (what a scanner produces)."""
    buf = io.BytesIO()
    first, *rest = [im.convert("L") for im in images]
    first.save(buf, format="PDF", save_all=True, append_images=rest, resolution=dpi)
    return buf.getvalue()


def make_scanned_pdf(pages: Sequence[Sequence[str]] = THAI_PAGES, *, size: float = 16) -> bytes:
    """An image-only PDF: each page typeset, degraded like a scan, 300 dpi."""
    return images_to_pdf([render_page_image(p, size=size, seed=i) for i, p in enumerate(pages)])


def make_png(lines: Sequence[str] = THAI_PAGES[0], *, size: float = 16) -> bytes:
    """A PNG 'photo of a notice' at 300 dpi, cropped to the text."""
    img = render_page_image(lines, size=size, seed=7)
    img = img.crop((0, 0, img.width, int((72 + size * 1.6 * (len(lines) + 1)) * DPI / 72)))
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(DPI, DPI))
    return buf.getvalue()


def make_docx(paragraphs: Sequence[str] = DOCX_PARAGRAPHS, table=DOCX_TABLE) -> bytes:
    """A DOCX with Thai paragraphs, one table, a header and core properties."""
    import docx

    d = docx.Document()
    d.core_properties.title = "นโยบายการบริหารทรัพยากรบุคคล"
    d.core_properties.created = dt.datetime(2025, 11, 1, 9, 0)
    d.core_properties.modified = dt.datetime(2025, 11, 2, 10, 30)
    d.sections[0].header.paragraphs[0].text = "เอกสารเผยแพร่"
    for text in paragraphs:
        d.add_paragraph(text)
    t = d.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    d.add_paragraph("ลงชื่อ ผู้อำนวยการ")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_xlsx(sheets: dict[str, list[list[object]]] | None = None) -> bytes:
    """An XLSX workbook; default one Thai sheet with numbers and real date cells."""
    import openpyxl

    sheets = sheets or {"ต.ค. 68": XLSX_ROWS}
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, (dt.date, dt.datetime)):
                    cell.number_format = "d mmm yyyy"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def make_xls(rows: list[list[object]] = XLSX_ROWS) -> bytes | None:
    """A legacy XLS workbook via xlwt (test-only dependency); None when xlwt is missing."""
    try:
        import xlwt
    except ImportError:
        return None
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("สขร")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, (dt.date, dt.datetime)):
                ws.write(r, c, value, date_style)
            else:
                ws.write(r, c, value)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def make_zip_bomb_docx(uncompressed_mb: int = 210, member: str = "word/document.xml") -> bytes:
    """A DOCX-shaped zip whose document.xml inflates to `uncompressed_mb` MB of zeros (an
    XLSX-shaped one with ``member="xl/worksheets/sheet1.xml"``)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open(member, "w", force_zip64=True) as f:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(uncompressed_mb):
                f.write(chunk)
    return buf.getvalue()


def corrupt(data: bytes, keep: float = 0.4) -> bytes:
    """Truncate a file (a broken download)."""
    return data[: int(len(data) * keep)]


def levenshtein(a: str, b: str) -> int:
    """Edit distance (rapidfuzz when installed, else a plain dynamic programme)."""
    try:
        from rapidfuzz.distance import Levenshtein
    except ImportError:
        Levenshtein = None
    if Levenshtein is not None:
        return Levenshtein.distance(a, b)
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(hypothesis: str, reference: str) -> float:
    """Character error rate after collapsing whitespace: distance / reference length."""
    hyp = " ".join(hypothesis.split())
    ref = " ".join(reference.split())
    return levenshtein(hyp, ref) / max(1, len(ref))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header declares width x height pixels but carries one tiny IDAT (a bomb)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


DOC_TEXT_UNICODE = (
    "บันทึกข้อความ\rเรื่อง รายงานผลการจัดซื้อจัดจ้าง เดือนตุลาคม 2568\r"
    "ลำดับ\x07รายการ\x07\x07"
    "1\x07ซื้อวัสดุ\x07\x07"
    "ดูรายละเอียดที่ \x13 HYPERLINK \"https://www.example.go.th\" \x14เว็บไซต์\x15\r"
)
DOC_TEXT_ASCII = "Ref. ITA O12\r"


def _cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (v3, 512-byte sectors) holding the given streams.

    Each stream is padded with zeros to >= 4096 bytes (its recorded size too), so that it
    lives in the regular FAT and no mini stream is needed.
    """
    import struct

    sector = 512
    end, free, fatsect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    names = list(streams)
    data = {n: streams[n].ljust(max(4096, len(streams[n])), b"\0") for n in names}
    fat = [fatsect, end]  # sector 0: the FAT, sector 1: the directory
    starts = {}
    for n in names:
        count = -(-len(data[n]) // sector)
        starts[n] = len(fat)
        fat.extend(range(len(fat) + 1, len(fat) + count))
        fat.append(end)
    assert len(fat) <= sector // 4
    fat.extend([free] * (sector // 4 - len(fat)))

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB3I", len(raw), kind, 1, left, right, child)
                + b"\0" * 36 + struct.pack("<IQ", start, size))

    nostream = free
    # a tiny tree: root -> names[0]; names[0].left -> names[1]; names[1].left -> names[2] ...
    dirs = [entry("Root Entry", 5, nostream, nostream, 1, end, 0)]
    for i, n in enumerate(names):
        left = i + 2 if i + 1 < len(names) else nostream
        dirs.append(entry(n, 2, left, nostream, nostream, starts[n], len(data[n])))
    directory = b"".join(dirs).ljust(sector, b"\0")
    assert len(directory) == sector
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == sector
    body = b"".join(data[n].ljust(-(-len(data[n]) // sector) * sector, b"\0") for n in names)
    return header + struct.pack(f"<{sector // 4}I", *fat) + directory + body


def make_doc(unicode_text: str = DOC_TEXT_UNICODE, ascii_text: str = DOC_TEXT_ASCII) -> bytes:
    """A Word 97 .doc: FIB + two pieces (UTF-16 Thai, then 8-bit) in a piece table."""
    import struct

    text_offset, ascii_offset = 0x800, 0x1800
    word = bytearray(0x2000)
    struct.pack_into("<HH", word, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", word, 0x0A, 0x0200)  # fWhichTblStm: the table is '1Table'
    encoded = unicode_text.encode("utf-16-le")
    word[text_offset: text_offset + len(encoded)] = encoded
    word[ascii_offset: ascii_offset + len(ascii_text)] = ascii_text.encode("cp1252")
    n1, n2 = len(unicode_text), len(ascii_text)
    cps = struct.pack("<3I", 0, n1, n1 + n2)
    pcds = (struct.pack("<HIH", 0, text_offset, 0)
            + struct.pack("<HIH", 0, (ascii_offset * 2) | 0x40000000, 0))
    plc = cps + pcds
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", word, 0x01A2, 0, len(clx))
    return _cfb({"WordDocument": bytes(word), "1Table": clx})
