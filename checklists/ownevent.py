"""Whose event a news post reports: an office's own integrity event led by its head.

The 2565 checklist asks for "กิจกรรมต่อต้านการทุจริตที่ผู้บริหารเป็นผู้นำ" (O35) and
"กิจกรรมเสริมสร้างทัศนคติต่อต้านการทุจริต" (O38).  Offices show both by news posts of their
own events: the head presides over a pledge ceremony, leads the staff in an oath, takes part
in the ministry's anti-corruption day (tests/realworld/LABELLING.md, "News": the head leading
an anti-corruption activity is O35, with O38 when it builds the staff's integrity).  Such
posts name no item and the wording model, trained on a few of them, reads them as news or as
no item (issue 16: O35 at recall 0 on cross-validated dev).

A post is read as such an event when its title and first lines speak of integrity or
corruption (:data:`_THEME`) and name one of the office's heads presiding over, leading or
taking part in the event (:data:`_LED`), not handing it to someone else (:data:`_DELEGATED`:
"มอบหมายให้ ผู้จัดการ... เข้าร่วม" is a unit's attendance, news: dev s0296).  Whose office
it is, is not told here: a third party's story is left out by the owner tests of
:func:`checklists.candidates._not_evidence`.  Pure functions of text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from checklists.model import Item
from checklists.scriptregex import ByScript

LEAD_CHARS = 400  # of the title and first lines: the lead of a post says who did what
# the post speaks of integrity or corruption (Thai, with the spellings offices use)
_THEME = ByScript(r"ทุจริต|คอร์รัปชั|คอรัปชั|คอร์รัปชั่|สุจริต|เจตนารมณ์|ถวายสัตย์|คุณธรรม"
                  r"|โปร่งใส", r"no gift|anti-?corruption|integrity", re.I)
# an office's head or executive (a deputy is one too: "รองเลขาธิการ" contains "เลขาธิการ")
_HEAD = (r"(?:นายก(?:เทศมนตรี|องค์การบริหารส่วน)|ผู้อำนวยการ|ผอ\.|เลขาธิการ|อธิบดี|ผู้ว่าราชการ"
         r"|ผู้ว่าการ|นายอำเภอ|ปลัด|อธิการบดี|คณบดี|ผู้บัญชาการ|ผู้กำกับการ|ผู้บริหาร)")
# ... presiding, leading the staff, or giving them the policy ("ได้ถ่ายทอดนโยบายการประกาศ
# เจตนารมณ์ ... No Gift Policy": dev s0141) (the office holds the event) ...
_HOLDS = (r"(?:เป็นประธาน|นำคณะ|นำผู้บริหาร|นำข้าราชการ|นำบุคลากร|นำพนักงาน|นำเจ้าหน้าที่"
          r"|มอบนโยบาย|ถ่ายทอดนโยบาย)")
# ... or taking part in an event another body holds ("ร่วมงาน ศธ.ประกาศเจตนารมณ์": dev s0597)
_JOINS = r"(?:ร่วมงาน|ร่วมพิธี|ร่วมกิจกรรม)"
_LED = re.compile(rf"นำโดย\s*{_HEAD}|{_HEAD}[^\n]{{0,80}}?(?:{_HOLDS}|{_JOINS})")
_HELD = re.compile(rf"นำโดย\s*{_HEAD}|{_HEAD}[^\n]{{0,80}}?{_HOLDS}")
_DELEGATED = re.compile(r"มอบหมาย")

LED, JOINED = "led", "joined"  # the head presides or leads / only takes part


def integrity_event(title: str, text: str = "") -> str:
    """How an office's head takes part in the integrity or anti-corruption event a post's
    title and first lines report: :data:`LED` (presides over it or leads the staff: the
    office holds it), :data:`JOINED` (takes part in it only) or "" (no such event; see the
    module's doc)."""
    lead = f"{title}\n{text}"[:LEAD_CHARS]
    if not _THEME.search(lead) or not _LED.search(lead) or _DELEGATED.search(lead):
        return ""
    return LED if _HELD.search(lead) else JOINED


_FRONT_PATH = re.compile(r"/?(?:(?:index|default|home|main)(?:\.[a-z]{2,5})?)?/?", re.I)


# Asked of every link read (15,967 asks of 5,782 URLs on the 5,245-page benchmark site):
# 1,024 kept answer 32 % of them, 16,384 answered 64 % but held 16,384 URLs on a larger site
# (crawl38, bounding the peak memory at 20,000 pages).
@lru_cache(maxsize=1024)
def is_front_page(url: str) -> bool:
    """Whether ``url`` is a site's front page (``/``, ``/index.php``, no query): a list of
    several posts' headlines, whose text joins one headline's head with another's theme
    ("ผู้อำนวยการมอบนโยบาย..." beside "...ลงนามประกาศเจตจำนงสุจริต": tests/corpus
    news-decoys), never one post's report."""
    parts = urlsplit(url)
    return not parts.query and bool(_FRONT_PATH.fullmatch(parts.path))


def asks_for_held_activities(item: Item) -> bool:
    """An item whose evidence is activities the office itself holds to build its staff's
    attitudes (2565 O38, "กิจกรรมเสริมสร้างทัศนคติ..."), not the executives' part in one: a
    head who only takes part in another body's event (:data:`JOINED`) is the evidence of the
    executives' item (O35) alone (LABELLING.md, "News": O38 is "an activity the office holds";
    dev s0597, the Education Council's secretary-general joining the ministry's pledge
    ceremony, is O35; on the cross-validated dev split, design folds 0-2, it was O38's only
    false evidence by this rule)."""
    return asks_for_led_activities(item) and "ผู้บริหาร" not in item.requires_th


def asks_for_led_activities(item: Item) -> bool:
    """An item whose evidence is anti-corruption activities (its requirement says
    "กิจกรรม...ทุจริต") that the executives lead or that build the staff's attitudes
    (2565 O35 and O38; not O37, activities under the risk measures, whose evidence is the
    measures' report)."""
    req = item.requires_th
    return "กิจกรรม" in req and "ทุจริต" in req and ("ผู้บริหาร" in req or "ทัศนคติ" in req)
