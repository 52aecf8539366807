"""What would make an item pass, in Thai and English, by verdict.

Wording for webmasters: each fix names the item, the period the assessor expects and where
to put it.  A stale item's fix comes from its freshness rule (each rule module's
``fix_stale``); periods come from the as-of date through the rules, never the wall clock.
"""

from __future__ import annotations

from checklists import freshness
from checklists.model import Item


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
    return freshness.RULES[item.freshness.rule].fix_stale(item, fiscal_year, missing_months)
