"""Kinds of pages that are not an office's evidence, or are only one item's, told by their
address and title: a third party's copy (a news outlet's story, an encyclopedia entry, a law
library's copy of a law), a flip-book page export, a question-and-answer board.

Each rule comes from the false evidence of the real-world corpus's ``dev`` split
(tests/realworld/; issue 16: "news posts, flip-book shells and placeholder pages are not
evidence"): the samples it was read from are named beside it.  Pure functions of strings.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

# Second-level domains of Thai public bodies (government, education, organisations, military):
# a host under one of them is an agency's own, whatever its name says.
PUBLIC_SUFFIXES = (".go.th", ".ac.th", ".or.th", ".mi.th")
# An encyclopedia or wiki (th.m.wikipedia.org, wikipedia.classicistranieri.com, wiki.kpi.ac.th:
# dev s0281, s0110, s0257): its entry on an office or a law is nobody's publication.
_WIKI_HOST = re.compile(r"(?:^|[.\-])wiki", re.IGNORECASE)
# A news outlet or TV channel off the public domains (btripnews.net, chachoengsaonews.com,
# pitloknews.com, nokgrajoknews.com, tigernews.tv, thailandplus.tv, nationtv.tv, pptvhd36.com:
# dev s0847, s0445, s0520, s0340, s0444, s0769, s0708, s0135): its stories report other
# agencies' events, never an office's own news.
_OUTLET_HOST = re.compile(r"news|tv(?:hd)?[0-9]*(?:\.|$)|\.tv$", re.IGNORECASE)
# A law library or law firm off the public domains (sarutlawyer.com, lawinsider.com,
# hydrolaw.thaiwater.net, kodmhai.com "กฎหมาย": dev s0451, s0377, s0768, s0370): its copy of a
# law or a contract is not an office's list of the laws it works under (O6).
_LAW_HOST = re.compile(r"law|legal|kodmhai", re.IGNORECASE)

# A page exported from a flip-book program (FlipHTML5, FlippingBook: ".../files/basic-html/
# page68.html", titled "Page 68 - <the book's name>"): one page of a book, whose words are the
# book's body, not what the book is (dev s0042 "Page 68 - 2564", a quality report's page on
# satisfaction; s0753 and s0355 "Page 66 - kpi21371", a national survey's).  The book's name
# says what it is: "Page 10 - แผนปฏิบัติการประจำปี 2565" is an office's annual plan (dev
# s0423, s0654, s0367 are items by their books' names).
_PAGE_EXPORT_PATH = re.compile(r"/files/basic-html/page[0-9]+\.html?$", re.IGNORECASE)
_PAGE_EXPORT_TITLE = re.compile(r"^\s*Page\s+[0-9]+\s*[-–|:]\s*(.*)$", re.IGNORECASE)

# A question-and-answer board: a webboard, a forum, an FAQ (webboard.songhong.go.th
# /viewforum.php, finance.kku.ac.th/finforum2/index.php?topic=374.msg572,
# web1.dep.go.th/?q=th/questionanswer/..., languhospital.com/wordpress/ufaqs/...: dev s0217,
# s0493, s0462, s0280, all the Q&A item O8).  Its threads ask and answer; the rules of a
# webboard speak of "การแสดงความคิดเห็น", which is not the feedback channel (O32, dev s0217).
_QA_ADDRESS = re.compile(r"webboard|forum|questionanswer|kratoo|(?<![a-z])u?faqs?(?![a-z])|"
                         r"(?<![a-z])qa(?![a-z])|[?&;]topic=[0-9]", re.IGNORECASE)
_QA_TITLE = re.compile(r"เว็บบอร์ด|กระทู้|กระดานถาม|ถาม\s*-?\s*ตอบ|คำถามที่พบบ่อย|Q\s*&\s*A|\bFAQs?\b|"
                       r"webboard", re.IGNORECASE)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def is_public_host(url: str) -> bool:
    """Whether ``url`` is on a Thai public body's domain (:data:`PUBLIC_SUFFIXES`)."""
    host = _host(url)
    return any(host.endswith(s) or host == s[1:] for s in PUBLIC_SUFFIXES)


@lru_cache(maxsize=8192)
def third_party(url: str) -> str:
    """What third party ``url`` belongs to: "encyclopedia", "news outlet", "law library", or ""
    for none (an office's own host, as far as its address tells)."""
    parts = urlsplit(url)
    host = _host(url)
    if _WIKI_HOST.search(host) or "/wiki/" in parts.path.lower():
        return "encyclopedia"
    if is_public_host(url):
        return ""
    if _OUTLET_HOST.search(host):
        return "news outlet"
    if _LAW_HOST.search(host):
        return "law library"
    return ""


def page_export_book(url: str, title: str = "") -> str | None:
    """The book's name of a flip-book page export (see :data:`_PAGE_EXPORT_PATH`), "" when its
    title names none; None when the page is no such export."""
    path = unquote(urlsplit(url).path)
    named = _PAGE_EXPORT_TITLE.match(title or "")
    if not _PAGE_EXPORT_PATH.search(path) and not (named and "/basic-html/" in path.lower()):
        return None
    return named.group(1).strip() if named else ""


def is_qa_board(url: str, title: str = "") -> bool:
    """Whether the page at ``url`` titled ``title`` is a question-and-answer board."""
    parts = urlsplit(url)
    address = unquote(f"{parts.hostname or ''}{parts.path}?{parts.query}")
    return bool(_QA_ADDRESS.search(address) or _QA_TITLE.search(title or ""))


# A headline that reports an assessment's result or award ("กสศ.ยกระดับเป็นองค์กรเกรด A จากการ
# ประเมิน... (ITA) ปี 64", "กรมประชาสัมพันธ์ผ่านการประเมินค่า (ITA) ด้วยคะแนนเฉลี่ย 86.48", "ธ.ออมสิน
# รับรางวัล...ระดับ AA", "ธอส. รับรางวัล ITA Awards", "สำนักงาน ป.ป.ช. ประกาศผลคะแนนการประเมิน...":
# dev negatives s0677, s0658, s0705, s0707, s0673, s0374, s0706, s0841, s0659): news of a score,
# not the measures an office takes on it (O42) nor any other item.  A headline that names the
# measures ("ผลการประเมิน... ปี 2563 พร้อมมาตรการส่งเสริมคุณธรรม...", dev O42 item s0687) or a
# memo that opens "ตามที่... ได้ประกาศผลคะแนน..." (dev O43 item s0657) is not such news.
_RESULT_NEWS = re.compile(r"รับรางวัล|ITA\s*Awards?|ผ่านการประเมิน|คว้าคะแนน|ด้วยคะแนน|ได้รับผลคะแนน|"
                          r"ได้คะแนน|ระดับ\s*AA|เกรด\s*A(?![A-Za-z])|ยกระดับเป็นองค์กร|"
                          r"ประกาศผล(?:คะแนน)?การประเมิน|ประกาศรางวัล|เชิดชูเกียรติ|"
                          r"แถลงข่าวผลการประเมิน", re.IGNORECASE)


def reports_a_result(headline: str) -> bool:
    """Whether ``headline`` (a page's title or first line) reports an assessment's result or
    an award (see :data:`_RESULT_NEWS`)."""
    text = (headline or "").strip()
    return bool(_RESULT_NEWS.search(text)) and not text.startswith("ตามที่") and \
        "มาตรการ" not in text


# --- Copies and stories told by the page's own shape (any host; issue 16, ownerck) ----------
# The host-name rules above catch only the hosts of dev; these read what the page itself says,
# so a test or real site's outlet, wiki mirror or journal named anything is caught as well.
# Each was checked against every dev sample: it fires on the negatives named and on no item.
#
# An encyclopedia's copy, wherever it is kept: "จากวิกิพีเดีย สารานุกรมเสรี" on a mirror
# (dev s0110) and on a municipality's own host (dev s0872, hindadcity.go.th "เทศบาลเมือง
# คืออะไร"), "หน้าแก้ความกำกวมวิกิมีเดีย" (dev s0206).
_ENCYCLOPEDIA_TEXT = re.compile(r"จากวิกิพีเดีย|สารานุกรมเสรี|แก้ความกำกวม|วิกิมีเดีย|"
                                r"From Wikipedia", re.IGNORECASE)
# A research paper or thesis about offices (its abstract): a journal's page on a satisfaction
# survey of a provincial administration (dev s0041 "การวิจัยครั้งนี้มีวัตถุประสงค์", s0356),
# a research blog (dev s0184 "บทคัดย่อ"), a graduate conference paper (dev s0435 "Abstract").
# An office's own satisfaction survey (O16) reports its results, not a study's aims: no dev
# item carries these words.
_RESEARCH_TEXT = re.compile(r"บทคัดย่อ|การวิจัยครั้งนี้|วัตถุประสงค์(?:ของ)?การวิจัย|ผู้วิจัย|"
                            r"วิทยานิพนธ์|(?<![A-Za-z])Abstract(?![A-Za-z])|"
                            r"(?<![A-Za-z])ISSN(?![A-Za-z])", re.IGNORECASE)
# A news outlet's marks beside its story, off the public domains: "เผยแพร่: โดย: MGR Online",
# "โดย: ทีมข่าวอาชญากรรม" (dev s0752, s0366 mgronline.com), "มีผู้อ่านข่าวนี้แล้ว 598 ครั้ง"
# (dev s0837 khaoratchakarn.com), "ที่มา : หนังสือพิมพ์ไทยรัฐ" (dev s0278), "date 2025-12-02"
# (dev s0868), a desk and a time stamp "การเมือง 20 ก.ย. 65 06:17", "ในประเทศ | 30 มกราคม
# 2557 15:22" (dev s0177 thaipbs.or.th, s0853 publicpostonline.com).  An office's own news
# carries reader counts and bylines too ("ผู้เข้าชม", "เรื่องโดย :", dev O7 items s0830,
# s0475), so these count off the public domains only.
_OUTLET_MARKS = re.compile(
    r"เผยแพร่\s*:.{0,40}?โดย\s*:|โดย\s*:?\s*ทีมข่าว|มีผู้อ่าน(?:ข่าวนี้)?แล้ว|"
    r"ที่มา\s*:?\s*(?:หนังสือพิมพ์|สำนักข่าว)|^\s*date\s+[0-9]{4}-[0-9]{2}-[0-9]{2}|"
    r"(?:การเมือง|เศรษฐกิจ|ในประเทศ|ต่างประเทศ|อาชญากรรม|ภูมิภาค|สังคม)\s*[|/]?\s*"
    r"[0-9]{1,2}\s*[ก-๙.]+\s*[0-9]{2,4}\s*[|/]?\s*[0-9]{1,2}[:.][0-9]{2}", re.IGNORECASE)


def copied_from(url: str, title: str = "", text: str = "") -> str:
    """What third party the page at ``url`` (its ``title`` and first lines ``text``) is a
    copy of, by what it says: "encyclopedia", "research paper", "news outlet" (off the public
    domains only), or "" for none."""
    lead = f"{title} {text}"
    if _ENCYCLOPEDIA_TEXT.search(lead):
        return "encyclopedia"
    if _RESEARCH_TEXT.search(lead):
        return "research paper"
    if not is_public_host(url) and _OUTLET_MARKS.search(lead):
        return "news outlet"
    return ""


# A headline in the press's words: an agency "reveals" (เผย, not เปิดเผย/เผยแพร่), "announces"
# (แถลง, not a policy statement คำแถลงนโยบาย), "launches" (ผุด), "opens / peeks at the
# figures" (เปิดสถิติ, ส่องสถิติ), "tops" (ขึ้นแท่น), "wins" (คว้า), "sums up its results"
# (สรุปผลงาน): "ป.ป.ช. เผยสถิติร้องเรียน...", "สธ.เผยผลสำรวจ...", "‘คมนาคม’ ผุด 3 ช่องทางติดต่อใหม่",
# "สตช.แถลงสถิติ...", "ส่องสถิติ...", "ธ.ก.ส.ขึ้นแท่น...", "สรุปผลงานศูนย์ดำรงธรรม..." (dev
# negatives s0708, s0136, s0278, s0397, s0118, s0366, s0420, s0706, s0752).  A story about an
# agency's statistics, survey or channels, not the agency's own statistics, survey or channel
# page; no dev item's title has these words (an office titles its page by the document).
_PRESS_HEADLINE = re.compile(r"(?<!เปิด)เผย(?!แพร่)|(?<!คำ)แถลง(?!นโยบาย|การณ์)|ผุด|"
                             r"เปิดสถิติ|ส่องสถิติ|ขึ้นแท่น|คว้า|สรุปผลงาน|กระหน่ำ")


def press_headline(headline: str) -> bool:
    """Whether ``headline`` (a page's title or first line) is worded as the press words a
    story (see :data:`_PRESS_HEADLINE`)."""
    return bool(_PRESS_HEADLINE.search((headline or "")[:200]))
