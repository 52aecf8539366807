"""Shared pieces of the corpus builder: the office's documents per item, page templates in
the styles of common Thai office CMSs, and a site writer that records the labels.

Content is dated for the assessed fiscal year (default 2569, as of 2026-05-15): plans and
activity reports name the year, 6-month reports cover October to March, annual reports the
year before, the structure chart an update within the last year.
"""

from __future__ import annotations

import html
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from crawler.demo_site.build import write_pdf

CORPUS = Path(__file__).resolve().parent
AS_OF = "2026-05-15"
FY = 2569
MONTHS = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน"]

# code -> (file stem, checklist title, how sites usually title it)
ITEMS: dict[str, tuple[str, str, str]] = {
    "O1": ("structure", "โครงสร้าง", "โครงสร้างองค์กร"),
    "O2": ("executives", "ข้อมูลผู้บริหาร", "ข้อมูลผู้บริหาร"),
    "O3": ("authority", "อำนาจหน้าที่", "อำนาจหน้าที่"),
    "O4": ("strategic-plan", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "แผนพัฒนาการศึกษา"),
    "O5": ("contact", "ข้อมูลการติดต่อ", "ข้อมูลการติดต่อ"),
    "O6": ("laws", "กฎหมายที่เกี่ยวข้อง", "กฎหมายที่เกี่ยวข้อง"),
    "O7": ("news", "ข่าวประชาสัมพันธ์", "ข่าวประชาสัมพันธ์"),
    "O8": ("qa", "Q&A", "กระดานถาม-ตอบ"),
    "O9": ("social", "Social Network", "Facebook"),
    "O10": ("action-plan", "แผนดำเนินงานประจำปี", "แผนปฏิบัติการประจำปี"),
    "O11": ("operation-6month", "รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน",
            "รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน"),
    "O12": ("annual-report", "รายงานผลการดำเนินงานประจำปี", "รายงานผลการดำเนินงานประจำปี"),
    "O13": ("work-manual", "คู่มือหรือมาตรฐานการปฏิบัติงาน", "คู่มือการปฏิบัติงาน"),
    "O14": ("service-manual", "คู่มือหรือมาตรฐานการให้บริการ", "คู่มือการให้บริการ"),
    "O15": ("service-stats", "ข้อมูลเชิงสถิติการให้บริการ", "สถิติการให้บริการ"),
    "O16": ("satisfaction", "รายงานผลการสำรวจความพึงพอใจการให้บริการ",
            "ผลการสำรวจความพึงพอใจ"),
    "O17": ("eservice", "E-Service", "ระบบบริการออนไลน์"),
    "O18": ("budget-plan", "แผนการใช้จ่ายงบประมาณประจำปี", "แผนการใช้จ่ายงบประมาณประจำปี"),
    "O19": ("budget-6month", "รายงานการกำกับติดตามการใช้จ่ายงบประมาณ ประจำปี รอบ 6 เดือน",
            "รายงานการกำกับติดตามการใช้จ่ายงบประมาณ รอบ 6 เดือน"),
    "O20": ("budget-report", "รายงานผลการใช้จ่ายงบประมาณประจำปี",
            "รายงานผลการใช้จ่ายงบประมาณประจำปี"),
    "O21": ("procurement-plan", "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", "แผนการจัดซื้อจัดจ้าง"),
    "O22": ("procurement-notices", "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
            "ประกาศจัดซื้อจัดจ้าง"),
    "O23": ("procurement-summary", "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
            "สรุปผลการจัดซื้อจัดจ้างรายเดือน"),
    "O24": ("procurement-report", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
            "รายงานผลการจัดซื้อจัดจ้างประจำปี"),
    "O25": ("hr-policy", "นโยบายการบริหารทรัพยากรบุคคล", "นโยบายการบริหารทรัพยากรบุคคล"),
    "O26": ("hr-action", "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล",
            "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล"),
    "O27": ("hr-rules", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
            "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล"),
    "O28": ("hr-report", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
            "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี"),
    "O29": ("complaint-manual", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
            "คู่มือการจัดการเรื่องร้องเรียน"),
    "O30": ("complaint", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
            "แจ้งเรื่องร้องเรียนการทุจริต"),
    "O31": ("complaint-stats", "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบประจำปี",
            "สถิติเรื่องร้องเรียน"),
    "O32": ("feedback", "ช่องทางการรับฟังความคิดเห็น", "แสดงความคิดเห็น"),
    "O33": ("participation", "การเปิดโอกาสให้เกิดการมีส่วนร่วม", "การเปิดโอกาสให้เกิดการมีส่วนร่วม"),
    "O34": ("integrity-pledge", "เจตจำนงสุจริตของผู้บริหาร", "ประกาศเจตจำนงสุจริต"),
    "O35": ("executive-participation", "การมีส่วนร่วมของผู้บริหาร", "การมีส่วนร่วมของผู้บริหาร"),
    "O36": ("risk-assessment", "การประเมินความเสี่ยงการทุจริตประจำปี",
            "การประเมินความเสี่ยงการทุจริต"),
    "O37": ("risk-treatment", "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต",
            "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต"),
    "O38": ("culture", "การเสริมสร้างวัฒนธรรมองค์กร", "การเสริมสร้างวัฒนธรรมองค์กร"),
    "O39": ("anti-corruption-plan", "แผนปฏิบัติการป้องกันการทุจริต",
            "แผนปฏิบัติการป้องกันการทุจริต"),
    "O40": ("anti-corruption-6month",
            "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
            "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ 6 เดือน"),
    "O41": ("anti-corruption-report", "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี",
            "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี"),
    "O42": ("integrity-measures", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
    "O43": ("measures-action",
            "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
}
CODES = list(ITEMS)
SUBINDICATORS = {
    "9.1": ("ข้อมูลพื้นฐาน", CODES[0:9]), "9.2": ("การบริหารงาน", CODES[9:17]),
    "9.3": ("การบริหารเงินงบประมาณ", CODES[17:24]),
    "9.4": ("การบริหารและพัฒนาทรัพยากรบุคคล", CODES[24:28]),
    "9.5": ("การส่งเสริมความโปร่งใส", CODES[28:33]),
    "10.1": ("การดำเนินการเพื่อป้องกันการทุจริต", CODES[33:41]),
    "10.2": ("มาตรการภายในเพื่อป้องกันการทุจริต", CODES[41:43]),
}
PREVIOUS_YEAR = {"O12", "O16", "O20", "O24", "O28", "O41"}
SIX_MONTH = {"O11", "O19", "O40"}
CURRENT_YEAR = {"O4", "O7", "O10", "O15", "O18", "O21", "O22", "O25", "O26", "O31", "O33",
                "O34", "O35", "O36", "O37", "O38", "O39", "O42", "O43"}


def stem(code: str) -> str:
    return f"{code.lower()}-{ITEMS[code][0]}"


def content(code: str, office: str, year: int = FY) -> list[str]:
    """The text of an item's document for fiscal year ``year``: its title first."""
    title = ITEMS[code][1] if code not in ("O8", "O9", "O17") else ITEMS[code][2]
    prev = year - 1
    if code == "O1":
        return [f"แผนภูมิโครงสร้างการแบ่งส่วนราชการ {office}",
                "ผู้อำนวยการ รองผู้อำนวยการ กลุ่มอำนวยการ กลุ่มนโยบายและแผน",
                "กลุ่มบริหารงานการเงินและสินทรัพย์ กลุ่มบริหารงานบุคคล หน่วยตรวจสอบภายใน",
                f"ข้อมูล ณ วันที่ 1 ตุลาคม {prev}"]
    if code == "O2":
        return ["ข้อมูลผู้บริหาร", "นายสมชาย ใจดี ผู้อำนวยการ โทร. 0-4300-9867 ต่อ 101",
                "อีเมล director@example.go.th", "นางสาวสมหญิง รักเรียน รองผู้อำนวยการ โทร. ต่อ 102"]
    if code == "O3":
        return ["อำนาจหน้าที่", "ตามพระราชบัญญัติระเบียบบริหารราชการกระทรวงศึกษาธิการ พ.ศ. 2546",
                "มาตรา 37 กำหนดอำนาจหน้าที่ของสำนักงานเขตพื้นที่การศึกษา"]
    if code == "O4":
        return [f"แผนพัฒนาการศึกษา {office} ระยะ 5 ปี (พ.ศ. 2566 - 2570)",
                f"ฉบับทบทวน ประจำปีงบประมาณ พ.ศ. {year}",
                "วิสัยทัศน์ พันธกิจ เป้าประสงค์ กลยุทธ์ และตัวชี้วัด"]
    if code == "O5":
        return ["ข้อมูลการติดต่อ", f"{office} เลขที่ 99 ถนนมิตรภาพ ตำบลในเมือง",
                "โทร. 0-4300-9867 โทรสาร 0-4325-5367 อีเมล saraban@example.go.th",
                "แผนที่ตั้งสำนักงาน (Google Maps)"]
    if code == "O6":
        return ["กฎหมายที่เกี่ยวข้อง", "พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. 2542",
                "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
                "ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้าง พ.ศ. 2560"]
    if code == "O8":
        return ["กระดานถาม-ตอบ (Q&A)", "ถาม: ยื่นคำร้องขอย้ายได้เมื่อใด",
                "ตอบ: ยื่นได้ภายในเดือนมกราคมของทุกปี (กลุ่มบริหารงานบุคคล)"]
    if code == "O13":
        return ["คู่มือการปฏิบัติงาน กลุ่มบริหารงานการเงินและสินทรัพย์",
                "ขั้นตอนการเบิกจ่ายเงิน การตรวจสอบเอกสาร และการจัดเก็บหลักฐาน"]
    if code == "O14":
        return ["คู่มือการให้บริการ", "งานบริการขอหนังสือรับรอง ขั้นตอน ระยะเวลา 1 วันทำการ",
                "ผู้รับผิดชอบ กลุ่มอำนวยการ"]
    if code == "O17":
        return ["ระบบบริการออนไลน์ (E-Service)", "ขอหนังสือรับรองการทำงานออนไลน์",
                "จองห้องประชุมออนไลน์"]
    if code == "O23":
        months = [f"เดือน{m} {prev if i < 3 else year}" for i, m in enumerate(MONTHS)]
        return [f"สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน ปีงบประมาณ พ.ศ. {year}",
                *[f"แบบ สขร.1 {m} จัดซื้อวัสดุสำนักงาน วิธีเฉพาะเจาะจง" for m in months]]
    if code == "O27":
        return ["หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
                "การสรรหา การบรรจุ การแต่งตั้ง การพัฒนา การประเมินผล การให้รางวัล และการลงโทษทางวินัย"]
    if code == "O29":
        return ["แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                "ขั้นตอนการรับเรื่อง ผู้รับผิดชอบ และระยะเวลาดำเนินการ 15 วันทำการ"]
    if code == "O30":
        return ["ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                "กรอกแบบฟอร์มร้องเรียนออนไลน์ ข้อมูลของผู้ร้องจะถูกเก็บเป็นความลับ"]
    if code == "O32":
        return ["ช่องทางการรับฟังความคิดเห็น", "ท่านสามารถแสดงความคิดเห็นและข้อเสนอแนะได้ที่แบบฟอร์มนี้"]
    if code in PREVIOUS_YEAR:
        return [f"{title} ประจำปีงบประมาณ พ.ศ. {prev}", office,
                "ผลการดำเนินงาน ปัญหาอุปสรรค และข้อเสนอแนะ"]
    if code in SIX_MONTH:
        return [f"{title}", office, f"ตั้งแต่วันที่ 1 ตุลาคม {prev} ถึง 31 มีนาคม {year}",
                "ความก้าวหน้าของโครงการและงบประมาณที่ใช้"]
    if code in ("O33", "O35", "O38"):
        return [f"{title} ประจำปีงบประมาณ พ.ศ. {year}", office,
                f"กิจกรรมวันที่ 12 ธันวาคม {prev} ผู้เข้าร่วม 120 คน"]
    return [f"{title} ประจำปีงบประมาณ พ.ศ. {year}", office, "รายละเอียดตามเอกสารแนบ"]


@dataclass
class Site:
    """One corpus site being written: its files, labels and server behaviour."""

    name: str
    style: str
    office: str
    as_of: str = AS_OF
    fiscal_year: int = FY
    labels: dict[str, dict[str, Any]] = field(default_factory=dict)
    not_evidence: list[str] = field(default_factory=list)
    server: dict[str, Any] = field(default_factory=dict)
    drive: dict[str, dict[str, Any]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return CORPUS / self.name / "site"

    def reset(self) -> None:
        if (CORPUS / self.name).exists():
            shutil.rmtree(CORPUS / self.name)
        self.root.mkdir(parents=True)

    def write(self, path: str, text: str) -> str:
        """Write a file at URL path ``path`` ('/x/' means '/x/index.html'); return the path."""
        rel = path.lstrip("/")
        if not rel or rel.endswith("/"):
            rel += "index.html"
        target = self.root / rel.replace("?", "@")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return path

    def pdf(self, path: str, lines: list[str]) -> str:
        target = self.root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        write_pdf(target, lines)
        return path

    def drive_file(self, fid: str, name: str, lines: list[str]) -> str:
        """A PDF on the local stand-in for Google Drive; return its view-link path."""
        folder = CORPUS / self.name / "drive"
        folder.mkdir(parents=True, exist_ok=True)
        write_pdf(folder / name, lines)
        self.drive[fid] = {"file": name, "type": "application/pdf", "private": False,
                           "confirm": False}
        return f"/file/d/{fid}/view"

    def label(self, code: str, verdict: str, *urls: str) -> None:
        self.labels[code] = {"verdict": verdict, "urls": [u for u in urls if u]}

    def finish(self) -> None:
        for code in CODES:
            self.labels.setdefault(code, {"verdict": "missing", "urls": []})
        data = {"site": self.name, "style": self.style, "as_of": self.as_of,
                "fiscal_year": self.fiscal_year, "checklist": "nacc-oit-2565",
                "notes": self.notes, "settings": self.settings,
                "server": self.server, "items": {c: self.labels[c] for c in CODES},
                "not_evidence": sorted(set(self.not_evidence))}
        (CORPUS / self.name / "labels.yaml").write_text(
            "# Labelled answers for this corpus site (generated by tests/sites/corpus/build.py)\n"
            + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
            encoding="utf-8")
        if self.drive:
            (CORPUS / self.name / "drive" / "manifest.json").write_text(
                json.dumps(self.drive, ensure_ascii=False, indent=1), encoding="utf-8")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def doc_html(lines: list[str]) -> str:
    """An item's document as page content: a heading and paragraphs."""
    return f"<h1>{esc(lines[0])}</h1>" + "".join(f"<p>{esc(x)}</p>" for x in lines[1:])


def table_rows(rows: list[tuple[str, str, str]]) -> str:
    """<tr>s of (code cell, title cell, link cell html)."""
    return "".join(f"<tr><td>{esc(c)}</td><td>{esc(t)}</td><td>{link}</td></tr>"
                   for c, t, link in rows)


def a(href: str, text: str, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
    return f'<a href="{esc(href)}"{extra}>{esc(text)}</a>'
