"""Words people read in reports, Thai first, English available."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

WORDS_FILE = Path(__file__).with_name("words.yaml")


@cache
def words(renderer: str, lang: str) -> dict[str, Any]:
    """A renderer's words in ``lang`` (``th``, or ``en``) from ``words.yaml``, where each key
    has its Thai and its English side by side."""
    with WORDS_FILE.open(encoding="utf-8") as f:
        table = yaml.safe_load(f)[renderer]
    return {key: pair["en" if lang == "en" else "th"] for key, pair in table.items()}

MATCHED_BY = {
    "th": {"code": "รหัสข้อ", "title": "ชื่อรายการ", "alternate wording": "ถ้อยคำอื่น (ควรตรวจซ้ำ)",
           "content": "เนื้อหา", "": "-"},
    "en": {"code": "code", "title": "title", "alternate wording": "alternate wording",
           "content": "content", "": "-"},
}
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


# The crawl limits in words (report.md, report.html), Thai first.
_LIMITS = {
    "th": {"max_pages": "หน้าเว็บไม่เกิน {v:,} หน้า", "max_depth": "ลึกจากหน้าแรกไม่เกิน {v} คลิก",
           "max_documents": "เอกสารไม่เกิน {v:,} ไฟล์", "max_external": "ลิงก์ภายนอกไม่เกิน {v:,} ลิงก์",
           "max_rendered": "หน้าที่เปิดด้วยเบราว์เซอร์ไม่เกิน {v:,} หน้า"},
    "en": {"max_pages": "at most {v:,} pages", "max_depth": "at most {v} clicks from home",
           "max_documents": "at most {v:,} documents", "max_external": "at most {v:,} external links",
           "max_rendered": "at most {v:,} pages rendered in a browser"},
}
_EXTERNAL = {"th": ("เปิดตรวจลิงก์ภายนอก (เช่น Google Drive, Facebook)", "ไม่เปิดตรวจลิงก์ภายนอก"),
             "en": ("external links checked", "external links not checked")}


def limit_words(limits: dict, lang: str) -> list[str]:
    """The crawl limits as phrases a person reads (never a Python dict or ``x=False``)."""
    words = _LIMITS["en" if lang == "en" else "th"]
    out = []
    for key, value in limits.items():
        if key == "check_external":
            out.append(_EXTERNAL["en" if lang == "en" else "th"][0 if value else 1])
        elif key in words and isinstance(value, int):
            out.append(words[key].format(v=value))
        else:
            out.append(f"{key}: {value}")
    return out


def limit_hit_words(keys: list, lang: str) -> list[str]:
    """Which limits the crawl reached, in words."""
    names = {"th": {"max_pages": "จำนวนหน้าเว็บ", "max_depth": "ความลึก", "max_documents": "จำนวนเอกสาร",
                    "max_external": "จำนวนลิงก์ภายนอก", "max_rendered": "จำนวนหน้าที่เปิดด้วยเบราว์เซอร์"},
             "en": {"max_pages": "pages", "max_depth": "depth", "max_documents": "documents",
                    "max_external": "external links", "max_rendered": "rendered pages"}}
    table = names["en" if lang == "en" else "th"]
    return [table.get(str(k), str(k)) for k in keys]
