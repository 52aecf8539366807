"""Words people read in reports, Thai first, English available."""

from __future__ import annotations

VERDICT_LABELS = {
    "th": {"pass": "ผ่าน", "missing": "ไม่พบ", "stale": "ไม่เป็นปัจจุบัน", "broken": "เข้าถึงไม่ได้",
           "unverified": "ตรวจวันที่ไม่ได้"},
    "en": {"pass": "pass", "missing": "missing", "stale": "stale", "broken": "broken",
           "unverified": "unverified"},
}
MATCHED_BY = {
    "th": {"code": "รหัสข้อ", "title": "ชื่อรายการ", "alternate wording": "ถ้อยคำอื่น (ควรตรวจซ้ำ)",
           "content": "เนื้อหา", "": "-"},
    "en": {"code": "code", "title": "title", "alternate wording": "alternate wording",
           "content": "content", "": "-"},
}
# Report statuses whose report carries item verdicts ("incomplete": robots.txt kept the
# crawler out of part of the site; the items that may be there are "unverified").
JUDGED = ("complete", "incomplete")
STATUS = {
    "th": {"complete": "ตรวจเสร็จสมบูรณ์", "incomplete": "ตรวจไม่ครบ",
           "site_unreachable": "เข้าเว็บไซต์ไม่ได้",
           "blocked": "เว็บไซต์ไม่อนุญาตให้ตรวจ", "interrupted": "การตรวจถูกหยุดกลางคัน"},
    "en": {"complete": "complete", "incomplete": "incomplete",
           "site_unreachable": "site unreachable",
           "blocked": "blocked by the site", "interrupted": "interrupted"},
}


def text(item: dict, key: str, lang: str) -> str:
    """``item[key]`` in Thai, or ``item[key + '_en']`` in English when present."""
    if lang == "en" and item.get(f"{key}_en"):
        return str(item[f"{key}_en"])
    return str(item.get(key) or "")
