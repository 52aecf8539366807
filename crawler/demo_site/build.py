"""Build the bundled demo site (HTML pages and small Thai PDFs) into ``site/``.

A development script: the built files are committed and shipped; run it again after editing
(``python -m crawler.demo_site.build``).  It needs reportlab and a Thai TTF font
(fonts-thai-tlwg).  The content fits the demo's fixed as-of date (crawler.demo.DEMO_AS_OF,
fiscal year 2569) and carries the seed's weak items as deliberate gaps:
O1 out-of-date structure chart (a scan: its date is read by OCR), O11 no 6-month report, O14
dead document link, O15 undated statistics, O23 a month missing (monthly PDFs plus a
spreadsheet with a sheet per month), O25-O27 absent, O30 not linked from the home page, O31 a
Drive link that is not public.  O21 is a public Drive file behind the large-file confirmation
page.  Drive links are written ``__DRIVE__/file/d/ID/view``; the demo server fills in its fake
Drive (crawler/demo_drive.py).  The scan and the spreadsheet come from
tests/documents/make_demo_assets.py.
"""

from __future__ import annotations

import csv
import html
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SITE = Path(__file__).with_name("site")
ROWS_FILE = Path(__file__).with_name("ita_rows.tsv")
OFFICE = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาตัวอย่าง"
FONT_CANDIDATES = ("/usr/share/fonts/truetype/tlwg/Garuda.ttf",
                   "/usr/share/fonts/truetype/tlwg/Loma.ttf")

NAV = """<header class="site-header"><div class="brand"><img src="/static/logo.png" alt="ตราสัญลักษณ์">
<span>{office}</span></div></header>
<nav class="main-nav"><ul class="menu">
<li><a href="/">หน้าแรก</a></li>
<li class="has-sub"><a href="#">เกี่ยวกับเรา</a><ul class="sub-menu">
<li><a href="/about/history.html">ประวัติความเป็นมา</a></li>
<li><a href="/about/structure.html">โครงสร้างองค์กร</a></li>
<li><a href="/about/executives.html">ผู้บริหาร</a></li>
<li><a href="/about/authority.html">อำนาจหน้าที่</a></li></ul></li>
<li><a href="/news/">ข่าวประชาสัมพันธ์</a></li>
<li><a href="/ita/">ITA 2569</a></li>
<li><a href="/contact.html">ติดต่อเรา</a></li>
</ul></nav>"""
FOOTER = """<footer class="site-footer"><p>{office} เลขที่ 99 ถนนมิตรภาพ ตำบลในเมือง อำเภอเมือง
จังหวัดตัวอย่าง 40000 โทร. 0-4300-9867 โทรสาร 0-4325-5367</p>
<p>สงวนลิขสิทธิ์ {office}</p></footer>"""


def page(title: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>{html.escape(title)} - {OFFICE}</title>
<link rel="stylesheet" href="/static/style.css"></head>
<body>{NAV.format(office=OFFICE)}
<main id="content" class="content">
<div class="breadcrumb"><a href="/">หน้าแรก</a> › {html.escape(title)}</div>
{body}
</main>
{FOOTER.format(office=OFFICE)}</body></html>
"""


DRIVE_PUBLIC = "1DemoProcurementPlan2569xYz"
DRIVE_PRIVATE = "1DemoComplaintStats2569xYz"
# Files on the fake Drive: id -> (file, MIME type, private, large-file confirmation first)
DRIVE_FILES = {
    DRIVE_PUBLIC: ("procurement-plan-2569.pdf", "application/pdf", False, True),
    DRIVE_PRIVATE: ("complaint-stats-2569.pdf", "application/pdf", True, False),
}


def ita_rows() -> list[tuple[str, str, str | None, str]]:
    """The ITA page's table, ``ita_rows.tsv``: (code, title, link target or None, link
    text); ``{DRIVE_PUBLIC}`` and ``{DRIVE_PRIVATE}`` in a target name the fake Drive's
    files."""
    ids = {"DRIVE_PUBLIC": DRIVE_PUBLIC, "DRIVE_PRIVATE": DRIVE_PRIVATE}
    with ROWS_FILE.open(encoding="utf-8", newline="") as f:
        return [(row["code"], row["title"], row["target"].format_map(ids) or None,
                 row["link_text"]) for row in csv.DictReader(f, delimiter="\t")]


# PDF files: name -> lines of Thai text.  Missing on purpose: service-manual-2569.pdf (O14).
PDFS: dict[str, list[str]] = {
    "strategic-plan-2566-2570.pdf": [f"แผนพัฒนาการศึกษา {OFFICE}", "ระยะ 5 ปี พ.ศ. 2566 - 2570",
                                     "(ฉบับทบทวน ประจำปีงบประมาณ พ.ศ. 2569)",
                                     "วิสัยทัศน์ พันธกิจ เป้าประสงค์ กลยุทธ์ และตัวชี้วัด"],
    "action-plan-2569.pdf": ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569", OFFICE,
                             "โครงการ งบประมาณ และระยะเวลาดำเนินการ"],
    "annual-report-2568.pdf": ["รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2568", OFFICE,
                               "ผลการดำเนินงาน ปัญหา อุปสรรค และข้อเสนอแนะ"],
    "work-manual.pdf": ["คู่มือการปฏิบัติงาน กลุ่มบริหารงานบุคคล", OFFICE,
                        "ขั้นตอนการปฏิบัติงานและผู้รับผิดชอบ"],
    "satisfaction-2568.pdf": ["รายงานผลการสำรวจความพึงพอใจการให้บริการ ปีงบประมาณ พ.ศ. 2568",
                              "ผู้ตอบแบบสำรวจ 412 คน ความพึงพอใจร้อยละ 91.20"],
    "budget-plan-2569.pdf": ["แผนการใช้จ่ายงบประมาณประจำปีงบประมาณ พ.ศ. 2569", OFFICE],
    "budget-6month-2569.pdf": ["รายงานการกำกับติดตามการใช้จ่ายงบประมาณ รอบ 6 เดือน",
                               "ตั้งแต่ 1 ตุลาคม 2568 ถึง 31 มีนาคม 2569",
                               "เบิกจ่ายแล้วร้อยละ 52.40 ของงบประมาณที่ได้รับจัดสรร"],
    "budget-report-2568.pdf": ["รายงานผลการใช้จ่ายงบประมาณประจำปีงบประมาณ พ.ศ. 2568", OFFICE],
    "procurement-plan-2569.pdf": ["แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569", OFFICE],
    "procurement-report-2568.pdf": ["รายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2568",
                                    "สรุปผล ปัญหา อุปสรรค และแนวทางการปรับปรุง"],
    "hr-report-2568.pdf": ["รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปีงบประมาณ พ.ศ. 2568", OFFICE],
    "complaint-manual.pdf": ["คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                             "ขั้นตอนการรับเรื่อง การตรวจสอบ และระยะเวลาดำเนินการ 15 วันทำการ",
                             "ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540"],
    "complaint-stats-2569.pdf": ["สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ปีงบประมาณ พ.ศ. 2569",
                                 "ได้รับ 3 เรื่อง ดำเนินการแล้วเสร็จ 2 เรื่อง อยู่ระหว่างดำเนินการ 1 เรื่อง"],
    "participation-2569.pdf": ["รายงานการเปิดโอกาสให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วม",
                               "ประชุมคณะกรรมการ วันที่ 12 ธันวาคม 2568"],
    "integrity-pledge-2569.pdf": ["ประกาศเจตจำนงสุจริตในการบริหารงาน ประจำปีงบประมาณ พ.ศ. 2569",
                                  "ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2568"],
    "executive-participation-2569.pdf": ["การมีส่วนร่วมของผู้บริหารในการต่อต้านการทุจริต",
                                         "กิจกรรมวันที่ 9 ธันวาคม 2568"],
    "risk-assessment-2569.pdf": ["การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2569"],
    "risk-treatment-2569.pdf": ["การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต ปีงบประมาณ พ.ศ. 2569"],
    "culture-2569.pdf": ["กิจกรรมเสริมสร้างวัฒนธรรมองค์กร", "วันที่ 20 มกราคม 2569"],
    "anti-corruption-plan-2569.pdf": ["แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569"],
    "anti-corruption-6month-2569.pdf": ["รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ 6 เดือน",
                                        "ตุลาคม 2568 - มีนาคม 2569"],
    "anti-corruption-report-2568.pdf": ["รายงานผลการดำเนินการป้องกันการทุจริตประจำปีงบประมาณ พ.ศ. 2568"],
    "integrity-measures-2569.pdf": ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                                    "ประจำปีงบประมาณ พ.ศ. 2569",
                                    "การวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568"],
    "integrity-measures-action-2569.pdf": ["การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
                                           "ปีงบประมาณ พ.ศ. 2569 รอบ 6 เดือน"],
}
# O23: one PDF per month published; ม.ค. 2569 and ก.พ. 2569 are missing on purpose.
MONTHS = [("2568-10", "ตุลาคม 2568", "ต.ค. 68"), ("2568-11", "พฤศจิกายน 2568", "พ.ย. 68"),
          ("2568-12", "ธันวาคม 2568", "ธ.ค. 68"), ("2569-03", "มีนาคม 2569", "มี.ค. 69")]
for slug, full, _ in MONTHS:
    PDFS[f"skr1-{slug}.pdf"] = [
        f"แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือน{full}", OFFICE,
        "ลำดับ งานที่จัดซื้อจัดจ้าง วงเงินงบประมาณ ราคากลาง วิธีซื้อหรือจ้าง ผู้ได้รับการคัดเลือก",
        "1 จัดซื้อวัสดุสำนักงาน 12,500.00 12,500.00 เฉพาะเจาะจง ร้านตัวอย่างพาณิชย์",
    ]


def write_pdf(path: Path, lines: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = next(f for f in FONT_CANDIDATES if Path(f).exists())
    if "Thai" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Thai", font))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(lines[0])
    c.setFont("Thai", 16)
    y = 780
    for line in lines:
        c.drawString(60, y, line)
        y -= 28
    c.showPage()
    c.save()


def ita_page() -> str:
    rows = []
    for code, title, target, text in ita_rows():
        link = (f'<a href="{target}" target="_blank">{html.escape(text)}</a>' if target
                else html.escape(text))
        rows.append(f"<tr><td>{code}</td><td>{html.escape(title)}</td><td>{link}</td></tr>")
    return page("ITA 2569", f"""<h1>การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2569</h1>
<p>การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ตัวชี้วัดที่ 9 และ 10</p>
<table class="ita-table"><thead><tr><th>ข้อ</th><th>ข้อมูล</th><th>ลิงก์</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>""")


def o23_page() -> str:
    items = "".join(
        f'<li><a href="/files/skr1-{slug}.pdf">สรุปผลการจัดซื้อจัดจ้าง ประจำเดือน{full} (สขร.1 {short})</a></li>'
        for slug, full, short in MONTHS)
    items += ('<li><a href="/files/procurement-summary.xlsx">สรุปผลการจัดซื้อจัดจ้าง แบบ สขร.1 '
              "(ไฟล์ Excel แยกแผ่นงานรายเดือน)</a></li>")
    return page("สรุปผลการจัดซื้อจัดจ้างรายเดือน", f"""<h1>สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน
ปีงบประมาณ พ.ศ. 2569</h1><ul class="doc-list">{items}</ul>""")


PAGES: dict[str, tuple[str, str]] = {
    "about/history.html": ("ประวัติความเป็นมา", f"<h1>ประวัติความเป็นมา</h1><p>{OFFICE} "
                           "จัดตั้งขึ้นตามพระราชบัญญัติระเบียบบริหารราชการกระทรวงศึกษาธิการ พ.ศ. 2546</p>"),
    "about/structure.html": ("โครงสร้างองค์กร", '<h1>โครงสร้างองค์กร</h1><p><img src="/static/chart.png" '
                             'alt="แผนผังโครงสร้าง"></p><p><a href="/files/structure-scan.pdf">'
                             "ดาวน์โหลดแผนผังโครงสร้าง (PDF)</a></p>"),
    "about/executives.html": ("ผู้บริหาร", "<h1>ข้อมูลผู้บริหาร</h1><ul><li>นายสมชาย ใจดี "
                              "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา โทร. 0-4300-9867 ต่อ 1101</li>"
                              "<li>นางสาวสมหญิง รักเรียน รองผู้อำนวยการ โทร. 0-4300-9867 ต่อ 1102</li></ul>"),
    "about/authority.html": ("อำนาจหน้าที่", "<h1>อำนาจหน้าที่</h1><p>ตามพระราชบัญญัติระเบียบบริหารราชการ"
                             "กระทรวงศึกษาธิการ พ.ศ. 2546 มาตรา 37 สำนักงานเขตพื้นที่การศึกษามีอำนาจหน้าที่ ...</p>"),
    "about/laws.html": ("กฎหมายที่เกี่ยวข้อง", "<h1>กฎหมายที่เกี่ยวข้อง</h1><ul>"
                        "<li>พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. 2542</li>"
                        "<li>พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540</li></ul>"),
    "contact.html": ("ติดต่อเรา", f"<h1>ข้อมูลการติดต่อ</h1><p>{OFFICE} เลขที่ 99 ถนนมิตรภาพ "
                     "โทร. 0-4300-9867 อีเมล saraban@example.go.th</p>"),
    "qa.html": ("ถาม-ตอบ", "<h1>กระดานถาม-ตอบ (Q&amp;A)</h1><p>ถาม: สมัครครูผู้ช่วยได้ที่ไหน "
                "ตอบ: ดูประกาศรับสมัครที่หน้าข่าวประชาสัมพันธ์</p><form><textarea name=q></textarea></form>"),
    "feedback.html": ("แสดงความคิดเห็น", "<h1>ช่องทางการรับฟังความคิดเห็น</h1>"
                      "<form><textarea name=opinion></textarea><button>ส่ง</button></form>"),
    "eservice/index.html": ("ระบบบริการออนไลน์", "<h1>ระบบบริการออนไลน์ (E-Service)</h1><ul>"
                            "<li>ขอหนังสือรับรองการทำงานออนไลน์</li></ul>"),
    "complaint/index.html": ("แจ้งเรื่องร้องเรียน", "<h1>ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h1>"
                             "<form><input name=subject><textarea name=detail></textarea></form>"),
    "ita/service-stats.html": ("สถิติการให้บริการ", "<h1>ข้อมูลเชิงสถิติการให้บริการ</h1><table>"
                               "<tr><th>งานบริการ</th><th>จำนวนครั้ง</th></tr>"
                               "<tr><td>ขอหนังสือรับรอง</td><td>154</td></tr></table>"),
    "ita/procurement-notices.html": ("ประกาศจัดซื้อจัดจ้าง", "<h1>ประกาศจัดซื้อจัดจ้าง</h1><ul>"
                                     "<li>ประกาศผู้ชนะการเสนอราคา จัดซื้อวัสดุสำนักงาน ลงวันที่ 3 พ.ย. 2568</li>"
                                     "<li>ประกาศเชิญชวน จ้างซ่อมแซมอาคาร ลงวันที่ 15 ม.ค. 2569</li></ul>"),
    "news/index.html": ("ข่าวประชาสัมพันธ์", "<h1>ข่าวประชาสัมพันธ์</h1><ul>"
                        '<li><a href="/news/2569-05-ita.html">ประชุมชี้แจงการประเมิน ITA</a> 8 พ.ค. 2569</li>'
                        '<li><a href="/news/2569-04-sport.html">แข่งขันกีฬานักเรียน</a> 2 เม.ย. 2569</li></ul>'),
    "news/2569-05-ita.html": ("ประชุมชี้แจงการประเมิน ITA", "<h1>ประชุมชี้แจงการประเมิน ITA</h1>"
                              "<p>โพสต์เมื่อ 8 พ.ค. 2569</p><p>ผู้อำนวยการมอบหมายให้ทุกกลุ่มตรวจสอบข้อมูล "
                              "เช่น รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน และนโยบายการบริหารทรัพยากรบุคคล "
                              "ให้แล้วเสร็จ</p>"),
    "news/2569-04-sport.html": ("แข่งขันกีฬานักเรียน", "<h1>แข่งขันกีฬานักเรียน</h1>"
                                "<p>โพสต์เมื่อ 2 เม.ย. 2569</p><p>การแข่งขันกีฬานักเรียนประจำปี</p>"),
}


def home_page() -> str:
    return page("หน้าแรก", """<h1>ยินดีต้อนรับ</h1>
<section class="banners"><a href="/ita/"><img src="/static/ita.png" alt="ITA 2569 การประเมินคุณธรรมและความโปร่งใส"></a>
<a href="/eservice/">ระบบบริการออนไลน์</a> <a href="/qa.html">ถาม-ตอบ</a>
<a href="https://www.facebook.com/sesa.example">Facebook</a></section>
<section class="news"><h2>ข่าวล่าสุด</h2><ul>
<li><a href="/news/2569-05-ita.html">ประชุมชี้แจงการประเมิน ITA</a></li>
<li><a href="/news/2569-04-sport.html">แข่งขันกีฬานักเรียน</a></li></ul></section>""")


def make_assets(out: Path) -> None:
    """The scanned chart and the spreadsheet, from the documents test fixtures' generator."""
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, str(root / "tests/documents/make_demo_assets.py"), str(out)],
                   check=True, cwd=root)


def build_drive(drive: Path, files_dir: Path) -> None:
    if drive.exists():
        shutil.rmtree(drive)
    drive.mkdir()
    manifest = {}
    for fid, (name, mime, private, confirm) in DRIVE_FILES.items():
        shutil.move(str(files_dir / name), drive / name)
        manifest[fid] = {"file": name, "type": mime, "private": private, "confirm": confirm}
    (drive / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))


def build(site: Path = SITE) -> None:
    if site.exists():
        shutil.rmtree(site)
    (site / "files").mkdir(parents=True)
    (site / "static").mkdir()
    (site / "index.html").write_text(home_page(), encoding="utf-8")
    (site / "ita").mkdir()
    (site / "ita" / "index.html").write_text(ita_page(), encoding="utf-8")
    (site / "ita" / "o23.html").write_text(o23_page(), encoding="utf-8")
    for rel, (title, body) in PAGES.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(title, body), encoding="utf-8")
    for name, lines in PDFS.items():
        write_pdf(site / "files" / name, lines)
    (site / "static" / "style.css").write_text("body{font-family:Garuda,sans-serif}\n")
    with tempfile.TemporaryDirectory() as tmp:
        make_assets(Path(tmp))
        for name in ("structure-scan.pdf", "procurement-summary.xlsx"):
            shutil.copy(Path(tmp) / name, site / "files" / name)
    build_drive(site.with_name("drive"), site / "files")
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n")


if __name__ == "__main__":
    build()
    print(f"built {SITE}")
