"""Words of the HTML report, Thai first, English available (``--lang en``): each key
with its Thai and English text, side by side."""

from __future__ import annotations

from typing import Any

WORDS: dict[str, tuple[Any, Any]] = {
    "title": (
        "รายงานผลการตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)",
        "OIT (open data) audit report",
    ),
    "site": (
        "เว็บไซต์",
        "Site",
    ),
    "as_of": (
        "ประเมินความเป็นปัจจุบัน ณ วันที่",
        "Judged as of",
    ),
    "crawled": (
        "เก็บข้อมูลจากเว็บไซต์เมื่อ",
        "Site crawled on",
    ),
    "fy": (
        "ปีงบประมาณ",
        "Fiscal year",
    ),
    "checklist": (
        "แบบตรวจ",
        "Checklist",
    ),
    "generated": (
        "สร้างรายงานเมื่อ",
        "Generated",
    ),
    "status": (
        "สถานะ",
        "Status",
    ),
    "summary": (
        "สรุปผล",
        "Summary",
    ),
    "score": (
        "คะแนนตัวชี้วัดที่ 9 การเปิดเผยข้อมูล",
        "Indicator 9, disclosure",
    ),
    "estimate": (
        "ประมาณการ",
        "estimate",
    ),
    "band": (
        "ระดับ",
        "Band",
    ),
    "scale_title": (
        "ระดับตามเกณฑ์ของกรอบการประเมินปี {year}",
        "Band on the scale of the {year} framework",
    ),
    "scale_note": (
        "ระดับนี้คิดจากคะแนนประมาณการของตัวชี้วัดที่ 9 เพียงตัวเดียว ผลจริงขึ้นกับคะแนน IIT EIT และ OIT ทั้งหมด",
        "The band is read from the indicator-9 estimate alone; the official result depends on the IIT, EIT and OIT scores together.",
    ),
    "scale_aria": (
        "ระดับคะแนนตามเกณฑ์ และตำแหน่งของคะแนนประมาณการ",
        "The framework's bands and where the estimate falls",
    ),
    "pass_line": (
        "เกณฑ์ผ่าน",
        "pass",
    ),
    "indicator10": (
        "ตัวชี้วัดที่ 10 การป้องกันการทุจริต (ประมาณการ)",
        "Indicator 10, corruption prevention (estimate)",
    ),
    "counts": (
        "จำนวนรายการตามผลการตรวจ",
        "Items per verdict",
    ),
    "items_total": (
        "รายการทั้งหมด",
        "Items",
    ),
    "to_fix": (
        "ต้องแก้ไข",
        "To fix",
    ),
    "sub_title": (
        "ผลรายตัวชี้วัดย่อย",
        "Sub-indicators",
    ),
    "indicator": (
        "ตัวชี้วัดที่",
        "Indicator",
    ),
    "passed_of": (
        "ผ่าน {passed} จาก {total} ข้อ",
        "{passed} of {total} items pass",
    ),
    "items_title": (
        "ผลการตรวจรายข้อ",
        "Items",
    ),
    "filter_verdict": (
        "ผลการตรวจ",
        "Verdict",
    ),
    "filter_all": (
        "ทั้งหมด",
        "all",
    ),
    "filter_fail": (
        "ยังไม่ผ่าน",
        "not passing",
    ),
    "filter_unit": (
        "หน่วยงาน",
        "Unit",
    ),
    "all_units": (
        "ทุกหน่วยงาน",
        "all units",
    ),
    "showing": (
        "แสดง",
        "Showing",
    ),
    "of": (
        "จาก",
        "of",
    ),
    "rows": (
        "รายการ",
        "items",
    ),
    "no_rows": (
        "ไม่มีรายการตามตัวกรองที่เลือก",
        "No item matches the filters",
    ),
    "h_code": (
        "ข้อ",
        "Code",
    ),
    "h_item": (
        "รายการ",
        "Item",
    ),
    "h_verdict": (
        "ผล",
        "Verdict",
    ),
    "h_evidence": (
        "หลักฐาน",
        "Evidence",
    ),
    "h_detail": (
        "เหตุผลและวิธีแก้",
        "Reason and fix",
    ),
    "h_unit": (
        "ผู้รับผิดชอบ / กำหนด",
        "Unit / deadline",
    ),
    "reason": (
        "เหตุผล",
        "Reason",
    ),
    "fix": (
        "วิธีแก้",
        "Fix",
    ),
    "due": (
        "กำหนด",
        "Deadline",
    ),
    "overdue": (
        "เลยกำหนด",
        "overdue",
    ),
    "seen": (
        "เก็บข้อมูลเมื่อ",
        "crawled",
    ),
    "date_in_doc": (
        "วันที่ในหลักฐาน",
        "date in evidence",
    ),
    "priority_title": (
        "สิ่งที่ควรแก้ก่อน",
        "Fix first",
    ),
    "priority_note": (
        "เรียงตาม: เลยกำหนด → ใกล้ครบกำหนด → คะแนนที่จะได้เพิ่มเมื่อแก้ข้อนั้นผ่าน",
        "Order: overdue, then due soon, then the points the fix would add",
    ),
    "priority_more": (
        "และอีก {n} ข้อในตารางผลการตรวจรายข้อด้านล่าง",
        "and {n} more in the item table below",
    ),
    "priority_none": (
        "ทุกข้อผ่านแล้ว ไม่มีสิ่งที่ต้องแก้",
        "Every item passes: nothing to fix",
    ),
    "urgency": (
        ["เลยกำหนด", "ใกล้ครบกำหนด", ""],
        ["overdue", "due soon", ""],
    ),
    "gain": (
        "+{points} คะแนน ตัวชี้วัดที่ {indicator}",
        "+{points} points, indicator {indicator}",
    ),
    "chart_score": (
        "คะแนน",
        "score",
    ),
    "chart_date": (
        "วันที่ตรวจ",
        "audit date",
    ),
    "no_evidence": (
        "ไม่พบหลักฐานบนเว็บไซต์",
        "No evidence found on the site",
    ),
    "role_part": (
        "ไฟล์ย่อย",
        "part",
    ),
    "role_runner_up": (
        "ตัวเลือกอื่น",
        "alternative",
    ),
    "needs_review": (
        "ควรตรวจซ้ำ: จับคู่จาก",
        "check again: matched by",
    ),
    "requires": (
        "สิ่งที่ต้องมี",
        "Required",
    ),
    "crawl_title": (
        "ข้อมูลการตรวจเว็บไซต์",
        "Crawl",
    ),
    "pages": (
        "หน้าเว็บ",
        "pages",
    ),
    "documents": (
        "เอกสาร",
        "documents",
    ),
    "external": (
        "ลิงก์ภายนอก",
        "external links",
    ),
    "errors": (
        "ข้อผิดพลาด",
        "errors",
    ),
    "limits": (
        "ขีดจำกัด",
        "limits",
    ),
    "limits_hit": (
        "ถึงขีดจำกัด",
        "limits hit",
    ),
    "robots": (
        "ทำตาม robots.txt",
        "robots.txt obeyed",
    ),
    "yes": (
        "ใช่",
        "yes",
    ),
    "no": (
        "ไม่",
        "no",
    ),
    "failed_title": (
        "ลิงก์ที่เปิดไม่ได้",
        "Links that did not open",
    ),
    "found_on": (
        "พบในหน้า",
        "found on",
    ),
    "not_rendered_title": (
        "หน้าที่ต้องแสดงผลด้วย JavaScript แต่แสดงผลไม่ได้ (อาจมีหลักฐานที่ตรวจไม่พบ)",
        "Pages built by JavaScript that could not be rendered (evidence there may have been missed)",
    ),
    "blocked_in_browser_title": (
        "สิ่งที่หน้าเว็บพยายามให้เบราว์เซอร์เปิด แต่ถูกกันไว้ (ชี้ไปยังที่อยู่เครือข่ายภายใน)",
        "Requests of rendered pages that were refused (they point to private addresses)",
    ),
    "footer": (
        "สร้างโดย {tool} {version}",
        "Made by {tool} {version}",
    ),
    "rerender": (
        "สร้างรายงานรูปแบบอื่นจาก report.json ได้โดยไม่ต้องตรวจใหม่: oit-audit report report.json --format html|md|csv|xlsx|junit|itas",
        "Render other formats from report.json without crawling again: oit-audit report report.json --format html|md|csv|xlsx|junit|itas",
    ),
    "not_audited": (
        "ตรวจเว็บไซต์ไม่ได้ จึงไม่มีผลรายข้อ",
        "The site could not be audited, so there are no item results",
    ),
    "filters": (
        "ตัวกรอง",
        "Filters",
    ),
    "units_file": (
        "ไฟล์หน่วยงาน",
        "Units file",
    ),
}

TEXT: dict[str, dict[str, Any]] = {
    lang: {key: pair[i] for key, pair in WORDS.items()} for i, lang in enumerate(("th", "en"))
}
