"""What would make an item pass, in Thai and English, by verdict and rule.

Wording for webmasters: each fix names the item, the period the assessor expects and where
to put it.  Periods come from the as-of date through the rules, never from the wall clock.
"""

from __future__ import annotations

from checklists.fiscal import half_year_round_interval
from checklists.model import Item
from checklists.vocabulary import thai_month_label


def fix_for(item: Item, verdict: str, fiscal_year: int, missing_months: list[str],
            unreachable: bool = False) -> tuple[str, str]:
    """(Thai fix, English fix) for an item with ``verdict``."""
    code, title = item.code, item.title_th
    if verdict == "pass":
        return "", ""
    if verdict == "missing":
        return (
            f"จัดทำและเผยแพร่ “{title}” ({item.requires_th}) บนเว็บไซต์ของหน่วยงาน แล้วใส่ลิงก์ในหน้า "
            f"ITA/OIT โดยระบุรหัส {code} และชื่อรายการให้ตรงตามแบบตรวจ",
            f"Publish '{item.title_en}' ({item.requires_en}) on the office website and link it "
            f"from the ITA/OIT page, labelled {code} with the checklist title.",
        )
    if verdict == "broken":
        if unreachable:
            return (
                f"เพิ่มเมนูหรือแบนเนอร์ “{title}” บนหน้าแรกของเว็บไซต์ ให้คลิกถึงได้ทันที",
                f"Add a menu entry or banner for '{item.title_en}' on the home page.",
            )
        return (
            f"แก้ลิงก์ของ {code} ให้เปิดได้: อัปโหลดไฟล์ใหม่หรือแก้ URL และถ้าเป็น Google Drive ให้ตั้งค่า "
            f"“ทุกคนที่มีลิงก์” ดูได้",
            f"Fix the {code} link: upload the file again or correct the URL; for Google Drive, "
            "share it with 'anyone with the link'.",
        )
    if verdict == "unverified":
        return (
            f"ระบุวันที่หรือปีงบประมาณ {fiscal_year} ไว้ในหัวเรื่อง ชื่อลิงก์ หรือเนื้อหาของเอกสาร {code} "
            "ให้อ่านได้ชัดเจน",
            f"State the date or fiscal year {fiscal_year} in the title, link text or content of "
            f"{code}.",
        )
    rule = item.freshness.rule
    if rule == "monthly_coverage" and missing_months:
        months = ", ".join(missing_months)
        return (
            f"เผยแพร่ “{title}” ของเดือน {months} (เดือนละรายการ พร้อมรายละเอียดแต่ละรายการจัดซื้อจัดจ้าง)",
            f"Publish the monthly summaries for {months}, one per month with each "
            "procurement's details.",
        )
    if rule == "six_month_round":
        first, last = half_year_round_interval(fiscal_year)
        span = f"{thai_month_label(first.year, first.month)} – {thai_month_label(last.year, last.month)}"
        return (
            f"เผยแพร่ “{title}” ที่ครอบคลุม {span} (รอบ 6 เดือน ปีงบประมาณ {fiscal_year})",
            f"Publish the report covering October to March of fiscal year {fiscal_year}.",
        )
    if rule == "previous_fiscal_year":
        return (
            f"เผยแพร่ “{title}” ของปีงบประมาณ {fiscal_year - 1}",
            f"Publish the report of fiscal year {fiscal_year - 1}.",
        )
    if rule == "updated_within":
        return (
            f"ปรับปรุง “{title}” ให้เป็นปัจจุบัน และระบุวันที่ปรับปรุง (ข้อมูล ณ วันที่ ...)",
            f"Update '{item.title_en}' and state the date it was updated.",
        )
    return (
        f"เผยแพร่ “{title}” ฉบับปีงบประมาณ {fiscal_year} แทนฉบับเดิม",
        f"Publish the fiscal year {fiscal_year} version of '{item.title_en}'.",
    )
