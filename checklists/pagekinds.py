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
