"""Candidate evidence: every link (and page) of a finished crawl that may be an item's
evidence, read as a person reads it, scored, and sorted per item.

Pure: it reads a :class:`checklists.site.snapshot.Snapshot` and the item matchers.  Which candidate
wins, and with what verdict, is decided in :mod:`checklists.engine`.
"""

from __future__ import annotations

import hashlib
import marshal
import pickle
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import takewhile
from pathlib import Path
from urllib.parse import urlsplit

import pythainlp
import w3lib

from checklists.hubscheme import Lexicon, Scheme, read_scheme, site_code_keys, site_codes
from checklists.matching import (
    EVENT_CHARS,
    LOW_CONFIDENCE,
    P_MODEL,
    P_MODEL_LEAST,
    P_MODEL_OF,
    P_MODEL_SERVICE,
    P_MODEL_SERVICE_LEAST,
    P_MODEL_SURE,
    SCORE_ALTERNATE_IN_CONTEXT,
    SCORE_CONTENT,
    SCORE_MODEL,
    SCORE_YEAR_SECTION,
    CodeReader,
    ItemMatcher,
    Match,
    MatcherIndex,
    content_lead,
    fold,
    is_activity_item,
    is_flipbook,
    is_generic,
    is_news_item,
    is_qa_item,
    page_texts,
    reads_as_event,
    section_year,
    title_block,
    url_year,
)
from checklists.ownevent import (
    LED,
    asks_for_held_activities,
    asks_for_led_activities,
    integrity_event,
    is_front_page,
)
from checklists.pagekinds import (
    about_another_agency,
    asks_for_statistics,
    asks_readers_question,
    boasts_an_update,
    catalogue_dataset,
    copied_from,
    counts_something,
    credits_in,
    describes_a_service,
    explains_the_assessment,
    filed_as_an_article,
    head_kinds,
    headed_by_history,
    is_public_host,
    is_qa_board,
    names_guidelines,
    national_portal,
    opens_as_a_story,
    press_headline,
    reports_a_result,
    speaks_of_laws,
    tells_an_online_service,
    tells_another_structure,
    third_party,
    writes_as_an_article,
)
from checklists.recent import Recent
from checklists.site.pagememo import PageMemo
from checklists.site.records import PageRecord, content_digest
from checklists.site.snapshot import Snapshot, url_key
from checklists.targets import Target, TargetStore, as_read, target_of
from checklists.textmodel import NONE_CLASS, PartReading, Prediction
from checklists.thaidates import find_dates
from checklists.thaitext import ContentPart, content_part, content_words, joined_content_words
from checklists.vocabulary import ANY_ITEM_CODE

OTHER_YEAR_PENALTY = 1.0
LEAD_HEADINGS = 2  # a page's title and first headings say what it is ("OIT14" / "คู่มือ...")
_INDICATOR = re.compile(r"ตัวชี้วัด(?:ย่อย)?(?:ที่)?[0-9๐-๙]+")  # on folded text
_CRUMBS = re.compile(r"\s*(?:›|»|>|\|)\s*")
# How strong a kind of match is: a passing candidate must be of the strongest kind present
MATCH_TIER = {"code": 3, "title": 2, "alternate wording": 1, "model": 1, "hub order": 1,
              "content": 0}
SCORE_HUB_ORDER = 2.0
SCORE_TITLE_TARGET = 3.0
SCORE_CODE_IN_PAGE = 3.0  # as matching.SCORE_CODE_IN_CONTEXT: a page headed by its item
TARGET_AGREES = 0.25  # a link whose target's own words name its item too (_PageReader._rows)
# The wording model's thresholds are probabilities of the softmax model (they sum to 1 over
# the items and "no item"), tuned together on dev by 5-fold cross-validation over domains
# (tests/benchmarks/tune_realworld.py) for the F0.5 (a wrong pass is worse than a missing one:
# issue 16), with the model trained with negatives weighted 3 (train_matcher.NONE_WEIGHT): 643
# dev samples, F0.5 0.795, recall 0.610, precision 0.860 (the F1 search's values, at P_MODEL
# 0.15, gave recall 0.715 and precision 0.732 on 626); a threshold whose grid moved nothing
# kept its value.
P_VETO = 0.85  # the wording model this sure of another item overrides a code or title ...
P_VETO_OWN = 0.15  # ... to which it gives at most this
P_KEEP = 0.1  # a weak match stands only if the wording model gives its item this much
P_OTHER = 0.3  # ... while another item (or no item) has this much (F0.5 0.797 at 0.2, 0.795 at
# 0.3, 0.790 at 0.4: kept at 0.3, since at 0.2 a flat reading, the model knowing nothing, vetoes
# "แผนผังองค์กร", the organisation chart of tests/checklists/test_matching.py)
P_PREFER = 0.1  # ... or the model prefers another (at least P_OTHER) by this much (F1 0.741 at
# 0, 0.738 at 0.1: within noise, and at 0 the corpus's "12. รายงานผลการดำเนินงานประจำปี" row,
# read O20 0.31 / O12 0.25, lost its title match)
P_DOUBT = 0.35  # a title match whose item the model gives under this while it reads the text
# as another item's (or no item's) from P_OTHER is flagged for review
P_MARGIN = 0.0  # the model alone names an item only by this much over its next reading
# (another item or no item; dev CV F0.5 0.795 at 0, 0.793 at 0.05 and 0.1, 0.791 at 0.2)
P_DUEL = 0.2  # a model file with item pairs' own regressions (train_matcher.Settings.duels)
# asks the pair's when its first two items are the pair and the second is read from this
# (model39, design folds 0-2 with the twelve pairs: net 5 at 0.05 and 0.1, G 3 R 4 L 2 A 0;
# net 5 at 0.2, G 3 R 3 L 1 A 0, chosen)
P_NONE = 0.5  # the wording model this sure that a text names no item: no weak match stands
P_OVER_NONE = 0.0  # the model alone names an item it reads this much above no item's reading
# off a Thai public body's host (pagekinds.is_public_host: an outlet's story, a clinic's or a
# tour firm's how-to, a firm's rules), the model alone names an item only from this floor
# (issue 16, finder47: the design folds' largest false-pass family, model-only passes on
# private hosts' negatives, 34 of 89, two thirds of them flagged for review; 0 keeps P_MODEL)
P_MODEL_OFF_PUBLIC = 0.7
P_EVENT_SURE = 0.5  # an event report off the news section stands from this (see _not_evidence;
# F1 0.742 at 0.5, 0.741 at 0.8)
MODEL_CHARS = 300  # of the target's text, as the corpus excerpts (its first lines)
MODEL_MIN_WORDS = 3  # naming words the model needs before it alone makes a link evidence
LINK_CACHE = 8192  # links whose reading is kept while gathering (menus repeat on every page)
# (item, target, URL, matched by, words, sure, led) -> _not_evidence() of it: a link is read
# again under another context or heading with the same words to the same page (on the
# generated 5,245-page site 2,683 of 8,787 asks; 2,580 with 256 kept, none more beyond 4,096)
NOT_EVIDENCE_KEPT = 1024
TARGET_PARTS_KEPT = 1024  # targets whose parts (_target_parts) are kept decoded: menu and hub
# targets are met on every page (on the generated 5,245-page site 10,870 readings of 5,777)
AHEAD_PAGES = 32  # pages whose links' model readings are worked out together (_read_window)
AHEAD_TEXTS = 512  # or fewer pages when their links give this many new model texts (the
# model keeps 2,048 predictions: textmodel._PREDICTED)


@dataclass
class Candidate:
    """A link or page that may be an item's evidence."""

    url: str
    text: str
    context: str
    found_on: str
    score: float
    matched_by: str
    signals: tuple[str, ...] = ()
    section: str = ""  # the year section label the link sits under ("ITA 2569")
    year: int | None = None  # the assessment year that section names
    self_page: bool = False  # the page itself, by its own title (not a link to it)
    area: str = ""  # 'chrome' for a link in a menu, header, footer or sidebar


@dataclass
class Gathered:
    """What gathering left out: per item code, the labels of other-year sections dropped."""

    other_years: dict[str, list[str]] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)  # assessment years of the site's sections


def _link_year(link: dict[str, str], page: PageRecord) -> tuple[int | None, str]:
    """The assessment year of the section a link sits in, and that section's label.

    Tabs, accordions and parent menu items first, then the nearest heading, the page's
    breadcrumb and its main heading (those must say ITA/OIT to count as a year section).
    """
    section = link.get("section", "")
    for part in reversed([p.strip() for p in section.split("›") if p.strip()]):
        year = section_year(part, strict=False)
        if year:
            return year, part
    if link.get("area") == "chrome":
        return None, ""  # a site-wide menu belongs to no year's section
    year, label = _page_year(page, link.get("heading", ""))
    if year is None:  # per-year paths: /ita-2568/ (the page), /ita-2568/o1.pdf (the target)
        for url in (page.final_url, link["url"]):
            year = url_year(url)
            if year:
                return year, f"ITA {year} ({urlsplit(url).path})"
    return year, label


def _page_year(page: PageRecord, heading: str = "") -> tuple[int | None, str]:
    """The assessment year a page belongs to, from its breadcrumb, main heading or title."""
    return _labels_year(heading, page.breadcrumb or "", page.headings[0] if page.headings
                        else None, page.title)


@lru_cache(maxsize=256)  # a page's links ask in a row (see below)
def _labels_year(heading: str, breadcrumb: str, main: str | None,
                 title: str) -> tuple[int | None, str]:
    """:func:`_page_year` of a page with this ``breadcrumb``, main heading (``main``, None
    without one) and ``title``, for a link under ``heading``: kept, as every content link of
    a page asks it again with the page's same labels (15,950 content links on the 5,245-page
    benchmark site). Its asks come page by page: on that site 14,662 asks of 9,392 labels,
    36 % answered by a kept one with 256 kept as with 16,384, while 8,192 kept labels held
    about 4.5 MB (the 9,392 weigh 5.1 MB; crawl38)."""
    crumbs = [c.strip() for c in _CRUMBS.split(breadcrumb) if c.strip()]
    for label in (heading, *reversed(crumbs), *(() if main is None else (main,)), title):
        year = section_year(label, strict=True)
        if year:
            return year, label
    return None, ""


def _self_year(page: PageRecord) -> tuple[int | None, str]:
    year, label = _page_year(page)
    if year is None:
        year = url_year(page.final_url)
        label = f"ITA {year} ({urlsplit(page.final_url).path})" if year else ""
    return year, label


def _not_evidence(m: ItemMatcher, target: Target | None, url: str,
                  matched_by: str = "", said: str = "", sure: bool = False,
                  led: bool = False) -> bool:
    """News posts, flip-book shells, "in preparation" placeholders, third parties' copies
    and question-and-answer boards.

    A page of a third party (:func:`checklists.pagekinds.third_party`: a news outlet, an
    encyclopedia, a law library) is no office's evidence unless the office's link names the
    item by its code; a Q&A board (:func:`checklists.pagekinds.is_qa_board`) is the Q&A item's
    evidence, and another item's only by a code or a title; news of an assessment's score or
    award (:func:`checklists.pagekinds.reports_a_result`) is no item's but by its code.

    A post under a news section (its URL, breadcrumb or category) is not evidence when it
    (or ``said``, the link's text) reports an event
    (:func:`~checklists.matching.reads_as_event`): the decoys are posts that merely name an
    item.  Offices also publish their documents as posts ("?p=1767", a "news" module): a
    post that reports no event stands (tuned on the real-world dev split, where the URL
    alone threw out 14 item pages for 4 news posts).  An item matched only by the wording
    model or the content is not evidenced by a page that reports an event, on any URL,
    unless the item is itself an activity or news item, or the wording model is ``sure``
    (:data:`P_EVENT_SURE`) that the report is this item's: it learned from real sites which
    items offices evidence by reporting an act (a declaration of integrity read out at a
    meeting is O34's evidence).  Under a news section the report of an activity stands for
    an activity item (:func:`~checklists.matching.is_activity_item`, whose evidence is
    activities held) when the model alone names it, and is sure of it: a village forum
    posted under ``/news/activity/`` in its own words is the participation item's evidence
    (real-world dev split: it read 0.97 as O33, and no negative news post reached
    :data:`P_EVENT_SURE` for any item), while a post whose headline carries the item's title
    is a decoy that names it in passing.  A post the office labels with the item's code
    stays evidence.  A post under a news section that reports no event is no evidence of a
    document's item (neither news nor an activity) the wording model alone names without
    being sure of it (under :data:`P_EVENT_SURE`; issue 16, precision17): a post's words are
    a writer's account, read as the nearest document ("ด้วยกรมการปกครองอยู่ระหว่างการรับฟัง
    ความคิดเห็น..." relayed as news, dev s0440, read 0.30 as the opinion channel O32; a welfare
    rule posted at "?p=1247", dev s0463, read 0.36 as the laws O6, labelled the HR rules O27);
    a document an office posts is named by its title or read surely (on the cross-validated
    dev split, design folds 0-2: 2 wrong passes fewer, no right one lost; held-out folds 3-4
    unchanged).  A post reporting an integrity event its office's head leads (``led``:
    :func:`_led_event`) is the evidence of the activity items that ask for one.  A link the
    wording model alone reads as a statistics item, whose words count nothing
    (:func:`checklists.pagekinds.counts_something`), is a page about the service, not its
    statistics (issue 16, precision20).  The news item the wording model or the content
    alone names on a page off a news section that tells no news (:func:`_tells_news`) is
    none (issue 16, precision28).  (The target's flags:
    :func:`checklists.targets.flags_of`.)
    """
    news_ok = matched_by == "code"
    if not news_ok and third_party(url):
        return True  # a news outlet's story, an encyclopedia entry, a law library's copy
    if not news_ok and national_portal(url):
        return True  # a national portal's page on another agency's service (pagekinds)
    if not news_ok and catalogue_dataset(url):
        return True  # an open-data catalogue's entry describing a data set (pagekinds)
    if target is None:
        return is_flipbook(url)
    copy = "" if news_ok else copied_from(url, target.title, target.text)
    lead = f"{target.title} {target.text}"
    if copy and not (copy == "company" and matched_by == "title"):
        return True  # an encyclopedia's, a paper's, an outlet's or a firm's page, by its words
    if not news_ok and press_headline(target.title or said) and \
            not (is_news_item(m.item) and is_public_host(url)):
        return True  # a story in the press's words (an office's own news may use them)
    if matched_by not in ("code", "title") and not is_qa_item(m.item) and \
            not is_news_item(m.item) and not is_public_host(url) and \
            (asks_readers_question(target.title or said) or
             boasts_an_update(lead) or writes_as_an_article(lead)):
        # a how-to article answering the reader's question (dev s1038, s1057), boasting its
        # update or speaking to its reader (s1117); an office may title its own guide so
        # ("การขออนุญาตก่อสร้างอาคารต้องใช้เอกสารอะไรบ้าง" on a municipality's host, dev s1102),
        # hence off the public domains only
        return True
    if not news_ok and not is_activity_item(m.item) and filed_as_an_article(url):
        # an article or blog post off the public domains (dev s0987, s1141); a post is the
        # news and activity items' evidence (an office's own news so filed: dev s0743)
        return True
    if matched_by not in ("code", "title") and \
            headed_by_history(list(dict.fromkeys(h for h in (target.title, *target.headings)
                                                 if h))):
        return True  # a history page, read as an item by its words or its menu's
    if not news_ok and "โครงสร้าง" in m.item.title_th and \
            tells_another_structure(f"{said} {lead}"):
        return True  # a curriculum's, an ethics code's structure is not the office's (pagekinds)
    if not news_ok and not is_public_host(url) and \
            (matched_by != "title" or reads_as_event(f"{said} {target.title}", target.text)
             or opens_as_a_story(lead)) and about_another_agency(url, lead):
        # the owner test: an outlet's story of another agency's event, or a third party's
        # page about an agency (a journal's article, an aggregator's copy of an office's
        # page, a directory's entry: dev s0356, s0372, s0596, s0605, s0905) read as an item
        # by its words; off the public domains, 2 dev item pages of 60 that name an agency
        # name one their host does not spell (s0362), against 29 negatives
        return True
    if matched_by == "model" and asks_for_statistics(m.item.title_th) and \
            not counts_something(f"{said} {lead}"):
        return True  # a page about a service, not its statistics (dev s0607, s1011)
    if matched_by not in ("code", "title") and credits_in(target.title, target.text):
        return True  # another agency's words relayed ("ที่มา กรมการกงสุล": dev s1026)
    if matched_by not in ("code", "title") and not is_qa_item(m.item) and \
            is_qa_board(url, target.title):
        return True  # a Q&A board is the Q&A item's (the rules of a webboard are no feedback)
    if not news_ok and reports_a_result(target.title or said):
        return True  # news of an assessment's score or award
    if target.flipbook or target.placeholder:
        return True
    if is_news_item(m.item) and matched_by in ("model", "content") and target.ok and \
            not target.news_post and not _tells_news(f"{said} {target.title}", target.text):
        return True  # a page that tells no event, no story and no date is no year's news
    if news_ok or is_news_item(m.item):
        return False
    if target.news_post and matched_by == "model" and not sure and \
            not is_activity_item(m.item):
        return True  # a post the model alone, unsure, reads as a document's item
    if not target.ok or not reads_as_event(f"{said} {target.title}", target.text):
        return False
    if asks_for_statistics(m.item.title_th) and counts_something(f"{said} {lead}"):
        # a table of figures whose column says "กิจกรรม" (activity) reports no event: the
        # statistics item's page (dev s0271; issue 16, recall21: design folds 0-2 TP/FP/FN
        # 211/18/87 -> 212/18/86, held-out folds 3-4 unchanged, 150/21/70)
        return False
    activity = is_activity_item(m.item)
    if target.news_post:  # ``led``: the office's head leads the event (:func:`_led_event`)
        return not (activity and (sure and matched_by == "model" or led))
    return matched_by in ("model", "content") and not activity and not sure


def _tells_news(head: str, text: str) -> bool:
    """Whether a page, told by ``head`` (the link's words and the page's title) and ``text``
    (its first lines), reads as news: it reports an event
    (:func:`~checklists.matching.reads_as_event`), opens as a story
    (:func:`checklists.pagekinds.opens_as_a_story`) or carries a date in its first
    :data:`~checklists.matching.EVENT_CHARS` characters.

    The news item asks for "ข่าวประชาสัมพันธ์ของหน่วยงานในปีงบประมาณที่ประเมิน", the office's news of
    the assessed year (`/work/shared/reference/ita-oit.md`; the checklist's ``requires_th``):
    a page that tells no event, no story and no date cannot show a year's news, whatever
    the wording model reads in its words.  Of the 118 `dev` news items (O7), read as the
    real-world benchmark shows them (the hub's link words, the title and the first lines), 112
    show one of the three or sit under a news section and six do not (s0339, s0441, s0785,
    s0899, s1022, s1255); the cross-validated folds' right passes were the same with the
    rule (issue 16, precision28; a college's board of executives, dev s0925, the O2 item,
    was read as news by the model).
    """
    lead = f"{head} {text}"[:EVENT_CHARS]
    return reads_as_event(head, text) or opens_as_a_story(lead) or bool(find_dates(lead))


LED_EVENT = "own integrity event led by its head"


def _led_event(scored: dict[str, Match], role: str,
               matchers: list[ItemMatcher]) -> dict[str, Match]:
    """A post reporting an integrity event its office's head leads or takes part in (``role``:
    :func:`_event_role` of the link's target) is evidence, for a person to confirm, of the
    items that ask for such activities (:func:`checklists.ownevent.asks_for_led_activities`:
    2565 O35, O38) that nothing else named (issue 16, recall18: O35 was at recall 0 on
    cross-validated dev); O38, activities the office holds, only when its head presides or
    leads (:func:`checklists.ownevent.asks_for_held_activities`; issue 16, precision19).
    A site's front page (:func:`checklists.ownevent.is_front_page`: the caller gives it no
    role) lists several posts' headlines and reports no one event (issue 16, recall19)."""
    if not role:
        return scored
    added = {m.item.code: Match(SCORE_ALTERNATE_IN_CONTEXT, "alternate wording",
                                (LED_EVENT, LOW_CONFIDENCE))
             for m in matchers if asks_for_led_activities(m.item) and m.item.code not in scored
             and (role == LED or not asks_for_held_activities(m.item))}
    return {**scored, **added} if added else scored


def _event_role(target: Target | None) -> str:
    """How the head of the office takes part in the integrity event ``target`` reports
    (:func:`checklists.ownevent.integrity_event`; "" for none, or a target that did not
    answer)."""
    return integrity_event(target.title, target.text) if target is not None and target.ok \
        else ""


OWN_NEWS = "own news post"


def _own_news(url: str, target: Target | None, pred: Prediction | None,
              matchers: list[ItemMatcher], ruled_out: frozenset[str] = frozenset(),
              said: str = "") -> dict[str, Match]:
    """A post under a news section (:func:`~checklists.matching.is_news_post`: its URL,
    breadcrumb or categories) on a public body's host, which nothing named, is the news
    item's evidence, flagged for review, when the wording model reads it as the news item
    before any other item (from :data:`P_KEEP`, the least a weak match needs).

    An office's own post about its own doing is the news item's evidence
    (tests/realworld/LABELLING.md, "News"); the model, trained on a few of them among many
    documents, often reads such posts as news only at 0.15-0.3, under
    :data:`~checklists.matching.P_MODEL` (a vaccination drive, an outreach day, a welfare
    notice).  The owner and press tests of :func:`_not_evidence` still hold (an outlet's
    story, news of an assessment's score).  It is asked when nothing else named the post
    or what did was no evidence (dev s0296: a ministry's pledge relayed as a unit's news,
    named by O34's wording "ประกาศเจตนารมณ์" and left out as an event report; design folds
    199/19/99 -> 200/19/98, held-out unchanged).  Read off the cross-validated dev split's design
    folds 0-2 (issue 16, recall19): TP/FP/FN 190/21/108 -> 194/22/104; held-out folds 3-4
    146/22/74 -> 147/22/73.  The same for posts that report an event off a news section
    (an event's words, any URL) gave design 199/23/99 but held-out 149/26/71: left out.

    When the post reports an event (:func:`~checklists.matching.reads_as_event` of the
    link's words ``said``, its title and lines), the classes of ``ruled_out``, the items that
    named it and were left out as no evidence of it, are set aside in the comparison: the
    words that named the post are the words the model reads it by, so the item they name is
    read strongly (s0296's shape, read 0.27 as O34 against O7 0.21 by a model trained on
    2,021 dev samples, whose O34 sample s2052, a hospital's own pledge ceremony "...ใสสะอาด
    ร่วมต้านทุจริต", shares those words), and that reading was judged already: the report
    of an event that is no activity item's evidence is the office's news (LABELLING.md, News
    rule 2: staff or a unit attending another agency's event).  Any post (no event test):
    design folds 398/56/170 -> 398/57/170, a service notice under /news/ named as the
    guide item and left out (dev s1468) then the news item's (issue 16, model40).
    """
    if pred is None or target is None or not target.ok or not target.news_post or \
            not is_public_host(url):
        return {}
    news = [m for m in matchers if is_news_item(m.item)]
    judged = {c for m in matchers if m.item.code in ruled_out for c in m.classes} \
        if ruled_out and reads_as_event(f"{said} {target.title}", target.text) else set()
    best_item = max((p for c, p in pred.probs if c != NONE_CLASS and c not in judged),
                    default=0.0)
    return {m.item.code: Match(SCORE_ALTERNATE_IN_CONTEXT, "alternate wording",
                               (OWN_NEWS, f"wording model {p:.2f}", LOW_CONFIDENCE))
            for m in news if (p := pred.of_any(m.classes)) >= max(P_KEEP, best_item)}


def _qa_board(url: str, title: str, matchers: list[ItemMatcher]) -> dict[str, Match]:
    """A link nothing names, to a question-and-answer board on a public body's host, is the
    Q&A item's evidence (flagged for review): the item asks for "กระดานถาม-ตอบ", and the
    threads of the boards of dev (s0462 "questionanswer", s0493 "finforum" on public hosts)
    name nothing but their question; a private site's board (dev negative s0764, a test-prep
    site's webboard) is none."""
    if not is_public_host(url) or not is_qa_board(url, title):
        return {}
    return {m.item.code: Match(SCORE_ALTERNATE_IN_CONTEXT, "alternate wording",
                               ("Q&A board by its address", LOW_CONFIDENCE))
            for m in matchers if is_qa_item(m.item)}


def _model_sure(m: ItemMatcher, pred: Prediction | None) -> bool:
    """Whether the wording model is sure (:data:`P_EVENT_SURE`) that a link names ``m``'s
    item."""
    return pred is not None and max((pred.of(c) for c in m.classes), default=0.0) >= \
        P_EVENT_SURE


def _is_index(target: PageRecord | None) -> bool:
    """A page whose title block names several items' codes, or whose content links carry
    three or more, or whose title names an indicator or sub-indicator by its number: an ITA
    index page (or a sub-indicator's), not one item's evidence.

    An indicator's title that also names one item's code is that item's page: the
    public-health lists number each item as an indicator ("ตัวชี้วัดที่ 5 : EB13", real-world
    dev split), where "ตัวชี้วัดย่อยที่ 9.4 การบริหารทรัพยากรบุคคล" names none and lists several.
    """
    if target is None:
        return False
    linked = {c.upper() for link in target.links if link.get("area") != "chrome"
              for c in ANY_ITEM_CODE.findall(link.get("text", ""))}
    if len(linked) >= 3:
        return True
    lead = " ".join([target.title, *target.headings[:LEAD_HEADINGS], title_block(target.text)])
    named = " ".join([target.title, *target.headings[:1]])
    if _INDICATOR.search(fold(named)) and len(set(site_codes(named))) != 1:
        return True  # "ตัวชี้วัดย่อยที่ 9.4 ...": a (sub-)indicator's page lists its items
    return len({c.upper() for c in ANY_ITEM_CODE.findall(lead)}) >= 2


LISTED_ITEMS = 3  # a page whose content links name this many items by title lists them


def _lists_items(target: PageRecord, index: MatcherIndex) -> bool:
    """A page whose content links name :data:`LISTED_ITEMS` items or more by their titles (a
    "published documents" page listing the plan, the manual and the report): a listing of
    items, which the wording model alone does not make one item's evidence."""
    named: set[str] = set()
    for link in target.links:
        text = link.get("text", "")
        if link.get("area") == "chrome" or not text:
            continue
        named.update(m.item.code for m in index.candidates(text) if m.wording(text) == "title")
        if len(named) >= LISTED_ITEMS:
            return True
    return False


def _content_matches(matchers: list[ItemMatcher], target: PageRecord | None,
                     index: MatcherIndex | None = None,
                     is_index: bool | None = None) -> dict[str, Match]:
    """The items ``target``'s contents name (``is_index``: :func:`_is_index` of it, when the
    caller has it)."""
    if target is None or not target.ok or not (target.text or target.title):
        return {}
    if _is_index(target) if is_index is None else is_index:
        return {}  # an index of items (the ITA page itself), not one item's evidence
    out = {}
    if index is not None:  # only the items whose code or words the lead carries can score it
        matchers = index.candidates(content_lead(target.title, target.headings, target.text))
    for m in matchers:
        hit = m.score_content(target.title, target.headings, target.text)
        if hit is not None:
            out[m.item.code] = hit
    return out if len(out) <= 2 else {}


def targets_of(matchers: list[ItemMatcher], snapshot: Snapshot,
               index: MatcherIndex | None = None,
               also: Callable[[PageRecord], None] | None = None) -> TargetStore:
    """What a link's reading needs of each record (:mod:`checklists.targets`), read in one
    streamed pass over the records, once per snapshot and checklist (the verdicts and the
    due-soon look-ahead gather twice).  With a page memo the records' digests are worked out
    on the way (:func:`page_key` asks for every link's).  ``also`` is given each page that
    answered (:meth:`Snapshot.pages`), in order: on the way, or in a pass of its own when the
    targets are known already (each pass parses every record again: about 2 % of judging)."""
    memo = snapshot.memo.setdefault("targets", {})
    key = tuple(id(m.item) for m in matchers)
    if key in memo and also is not None:
        for page in snapshot.pages():
            also(page)
    if key not in memo:
        index = index or MatcherIndex(matchers)
        store = TargetStore(len(snapshot.records))
        pages: set[str] = set()
        kept = snapshot.page_memo
        scope = reading_scope(matchers, None) if kept is not None else b""
        for n, rec in snapshot.numbered():
            if also is not None and snapshot.answered_page(n):
                also(rec)
            if rec.kind == "page":  # pages at the same address (see _Found)
                address = url_key(rec.final_url)
                if address in pages:
                    store.repeated_pages.add(address)
                pages.add(address)
            if kept is None:
                store.add(n, rec, *_target_facts(matchers, rec, index))
            else:
                store.add(n, rec, *_kept_facts(kept, scope, snapshot.note_digest(n, rec),
                                               matchers, rec, index))
        store.done()
        memo[key] = (store, matchers)  # the matchers are kept so that their ids stay theirs
    return memo[key][0]


def _target_facts(matchers: list[ItemMatcher], rec: PageRecord,
                  index: MatcherIndex) -> tuple[dict[str, Match], bool]:
    """What gathering knows of ``rec`` as a link's target beyond the record itself: the items
    its contents name (as a link's reading sees it: :func:`checklists.targets.as_read`), and
    whether it is an index or a listing of items."""
    index_page = _is_index(rec)
    read = as_read(rec)  # rec itself but for a flip-book's page export
    return _content_matches(matchers, read, index, index_page if read is rec else None), \
        index_page or _lists_items(rec, index)


def _kept_facts(memo: PageMemo, scope: bytes, digest: bytes, matchers: list[ItemMatcher],
                rec: PageRecord, index: MatcherIndex) -> tuple[dict[str, Match], bool]:
    """:func:`_target_facts` through the page memo, under the record's content digest (the
    facts read only what the digest covers) and the reading scope: a record met again, by a
    later check of a focused crawl or by tonight's re-audit of an unchanged site, is not
    scored again."""
    key = hashlib.blake2b(b"target facts\0" + scope + digest, digest_size=16).digest()
    saved = memo.get(key)
    if saved is not None:
        return pickle.loads(saved)  # noqa: S301 - our own store of our own results
    facts = _target_facts(matchers, rec, index)
    memo.put(key, pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))
    return facts


def gather(matchers: list[ItemMatcher], snapshot: Snapshot, fiscal_year: int | None = None,
           gathered: Gathered | None = None,
           lexicon: Lexicon | None = None) -> dict[str, list[Candidate]]:
    """Candidates per item code (see :func:`_gather`), computed once per snapshot, checklist
    and fiscal year: the verdicts and the due-soon look-ahead of one audit both need them,
    and on a large site gathering is most of the judging."""
    memo = snapshot.memo.setdefault("gather", {})
    key = (tuple(id(m.item) for m in matchers), fiscal_year, id(lexicon.audited)
           if lexicon is not None else None)
    if key not in memo:
        extra = Gathered()
        memo[key] = (_gather(matchers, snapshot, fiscal_year, extra, lexicon), extra,
                     (matchers, lexicon))
    result, extra, _ = memo[key]  # the matchers are kept so that their ids stay theirs
    if gathered is not None:
        gathered.other_years.update({k: list(v) for k, v in extra.other_years.items()})
        gathered.years.update(extra.years)
    return {code: list(cands) for code, cands in result.items()}


def _gather(matchers: list[ItemMatcher], snapshot: Snapshot, fiscal_year: int | None = None,
            gathered: Gathered | None = None,
            lexicon: Lexicon | None = None) -> dict[str, list[Candidate]]:
    """Candidates per item code: every link (and page) that matches; a link goes to the
    item(s) it matches best.

    A link is read as a person reads it: its text, the row around it, the nearest heading,
    then, when those name nothing, the target's own title.  With ``fiscal_year``, links under
    a section of another assessment year are left out when the site has a section for the
    assessed year (and demoted when it has none).  With a ``lexicon``, the codes on each page
    are read in the page's own scheme (:mod:`checklists.hubscheme`) and an uncoded link
    between two coded ones takes the code between them.

    Each page is read alone (:class:`_PageReader`); with the snapshot's ``page_memo``
    (:mod:`checklists.site.pagememo`) what a page gave is kept under :func:`page_key` and
    read back while the page, its links' targets and the reading are the same.
    """
    memo = snapshot.page_memo
    schemes = _SchemeScan(lexicon) if lexicon is not None else None
    # the pages' code schemes are read in the targets' pass over the records
    reader = _PageReader(matchers, snapshot, schemes.see if schemes is not None else None)
    found = _Found(reader.targets.repeated_pages)
    scope = reading_scope(matchers, lexicon) if memo is not None else b""
    readers = schemes.readers() if schemes is not None else {}
    window: list[_Waiting] = []
    keys: set[bytes] = set()  # of the window's pages
    ahead = 0
    for number, page in snapshot.numbered_pages():
        if not (200 <= page.status < 300) or page.error:
            continue
        codes_in = readers.get(url_key(page.final_url))
        key, saved, later = b"", None, False
        if memo is not None:
            key = page_key(scope, page, snapshot, getattr(codes_in, "scheme", ""), number)
            # a page the same as one before it in the window is asked once that one is kept
            later = key in keys
            saved = None if later else memo.get(key)
            keys.add(key)
        window.append((number, page, codes_in, key, saved, later))
        if saved is None:
            ahead = reader.ahead(page)
        if len(window) >= AHEAD_PAGES or ahead >= AHEAD_TEXTS:
            _read_window(reader, window, memo, found)
            window, ahead = [], 0
            keys.clear()
    _read_window(reader, window, memo, found)
    out = found.lists()
    if fiscal_year:
        out = _apply_years(out, fiscal_year, gathered or Gathered())
    return {code: _one_per_url(_inherit(c, found.near), found.near) for code, c in out.items()}


# what _PageReader.ahead looked up of a link: its target's record number, the target, and the
# wording model's parts of the link (None when the model does not read it ahead)
_Noted = tuple[int, Target, "tuple[str, str] | None"]
# a page waiting to be read: record number, page, code reader, page memo key, what the memo
# gave, whether the memo is asked only when the pages before it are read (the same key)
_Waiting = tuple[int, PageRecord, "CodeReader | None", bytes, "bytes | None", bool]


def _read_window(reader: _PageReader, window: list[_Waiting], memo: PageMemo | None,
                 found: _Found) -> None:
    """Read the pages of ``window`` in order, the wording model's readings of their new
    links worked out together first (:meth:`_PageReader.read_ahead`)."""
    reader.read_ahead()
    for number, page, codes_in, key, saved, later in window:
        if later and memo is not None:
            saved = memo.get(key)  # the same as a page before it in the window
        if saved is None:
            kept = reader.read(page, codes_in, number)
            if memo is not None:
                memo.put(key, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
        else:
            kept = pickle.loads(saved)  # noqa: S301 - our own store of our own results
        found.add(page.final_url, kept, page.depth)
    reader.forget()


def _target_bytes(text: str, read: PartReading | None) -> bytes:
    """A target part's content words and the wording model's reading of it (``read``), as
    kept on disk (:meth:`_PageReader._target_parts`)."""
    return marshal.dumps((tuple(content_part(text)), tuple(read) if read else None))


_Key = tuple[str, int | None, str, bool, str]
_FAR = 1 << 30  # the depth of a page no candidate was kept from (a page's referer)
# a menu link's candidate but for the page it is found on: its URL, text, context, score,
# matched_by, signals, section, year and area (Candidate's fields in order, found_on and
# self_page out)
MenuRow = tuple[str, str, str, float, str, tuple[str, ...], str, "int | None", str]
# what a page gives (_PageReader.read): an item code with a candidate, or with a menu row
Kept = tuple[str, "Candidate | MenuRow"]
# _PageReader.read_link: a link's matches, the items its target's content names, the keyword
# bonus per item, and, for a menu link, its rows (code, row) per section
_LinkReading = tuple[dict[str, Match], frozenset[str], dict[str, float],
                     dict[str, tuple[tuple[str, MenuRow], ...]]]


def _candidate(row: MenuRow, page_url: str) -> Candidate:
    """The candidate of a menu link's ``row`` on the page at ``page_url``."""
    url, text, context, score, by, signals, section, year, area = row
    return Candidate(url, text, context, page_url, score, by, signals, section, year,
                     area=area)


class _Found:
    """The candidates gathering keeps, per item code: per link (its URL, year section, the
    page it is on, whether it is the page itself, its area) the best.

    Of equal candidates of one link on several pages (a menu, a section's pages linking the
    same document) the one chosen is the one on the page nearest home (:meth:`near`: the
    crawl's depth, then the address), the same on every crawl of an unchanged site; the
    order the pages answered in changes from run to run.  Equal candidates of different
    links come in that order too, then in their page's order (hygiene37: two links of one
    item on two pages were listed, and the first taken as the evidence, in crawl order).

    A menu link is on every page: on a 20,000-page site the same few menu candidates came
    140,000 times, each keeping its page's strings (100 MB, issue 13).  A menu link's
    candidate that is the same as one kept from another page but for the page it is on is
    not kept twice: only the one on the page nearest home could be chosen
    (:func:`_one_per_url` and :func:`_inherit` take the nearest of equal candidates, and
    menu links inherit nothing), and it says nothing :func:`_apply_years` does not already
    hear; a nearer page's takes the place of a farther one's.  Pages give a menu link's
    candidate as its row (:data:`MenuRow`), made once per link and section and the same on
    every page: the candidate is made only when it is kept.  Pages whose address another
    page shares (``repeated``) keep all theirs, as each page's candidates must then replace
    the other's.
    """

    def __init__(self, repeated: frozenset[str] | set[str] = frozenset()) -> None:
        self.slots: dict[str, dict[_Key, Candidate]] = {}
        # the menu rows kept, with their codes: the page holding each (its depth and address
        # key) and the slot key its candidate was first kept under
        self._menus: dict[tuple[str, MenuRow], tuple[tuple[int, str], _Key]] = {}
        self._repeated = repeated
        self._depths: dict[str, int] = {}  # the crawl's depth of the pages kept from (their
        # address keys)
        self._places: dict[_Key, int] = {}  # each candidate kept: its place in its page's order

    def near(self, cand: Candidate) -> tuple[int, str, int]:
        """Where ``cand`` is met walking from home: the page it is on (a page that is its
        own candidate: the page itself), by the crawl's depth, then its address, then the
        candidate's place in the order that page gave its candidates."""
        page = url_key(cand.url if cand.self_page else cand.found_on)
        return self._depths.get(page, _FAR), page, self._places.get(_key(cand), 0)

    def add(self, page_url: str, kept: list[Kept], depth: int = 0) -> None:
        """Keep the candidates of the page at ``page_url`` (the crawl's ``depth``), in the
        order it gave them."""
        page = url_key(page_url)
        if page in self._repeated:
            if kept:
                self._depths[page] = min(depth, self._depths.get(page, depth))
            order: dict[tuple, int] = {}  # each key's first place on the page
            for code, cand in kept:
                cand = _candidate(cand, page_url) if type(cand) is tuple else cand
                self._keep(self.slots.setdefault(code, {}), cand,
                           order.setdefault((code, *_key(cand)), len(order)), self._places)
            return
        # each of this page's keys is new (no other page has its address): the best of
        # the page's own candidates per key, in the page's order, then its menu repeats out
        here = (depth, page)
        mine: dict[tuple, tuple[float, Kept]] = {}
        for entry in kept:
            code, cand = entry
            if type(cand) is tuple:  # a menu row: the page's own link, not the page itself
                key: tuple = (code, *_row_key(cand, page))
                score = cand[3]
            else:
                key, score = (code, *_key(cand)), cand.score
            held = mine.get(key)
            if held is None or held[0] < score:
                mine[key] = (score, entry)
        for place, (_, entry) in enumerate(mine.values()):
            code, cand = entry
            if type(cand) is tuple:
                held = self._menus.get(entry)  # type: ignore[arg-type]
                if held is not None:
                    if held[0] > here:  # this page is nearer home: its candidate, in place
                        self._menus[entry] = (here, held[1])  # type: ignore[index]
                        nearer = self.slots[code][held[1]] = _candidate(cand, page_url)
                        self._places[_key(nearer)] = place
                        self._depths[page] = depth
                    continue
                cand = _candidate(cand, page_url)
                self._menus[entry] = (here, _key(cand))  # type: ignore[index]
            key = _key(cand)
            self.slots.setdefault(code, {})[key] = cand
            self._places[key] = place
            self._depths[page] = depth

    @staticmethod
    def _keep(slot: dict[_Key, Candidate], cand: Candidate, place: int,
              places: dict[_Key, int]) -> None:
        key = _key(cand)
        if key not in slot or slot[key].score < cand.score:
            slot[key] = cand
            places[key] = place

    def lists(self) -> dict[str, list[Candidate]]:
        return {code: list(slot.values()) for code, slot in self.slots.items()}


def _key(cand: Candidate) -> _Key:
    """The same link under two year sections, or on two pages, are kept apart."""
    return (url_key(cand.url), cand.year, url_key(cand.found_on), cand.self_page, cand.area)


def _row_key(row: MenuRow, page: str) -> _Key:
    """:func:`_key` of the candidate a menu ``row`` makes on the page whose address's key is
    ``page`` (:func:`_candidate`; a menu link is never the page itself), without making it."""
    url, _, _, _, _, _, _, year, area = row
    return (url_key(url), year, page, False, area)


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """A digest of the code and data that read pages (this package's modules, the shipped
    checklists, topic map and wording model) and of the libraries they rest on: results kept
    by another version are never read back."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{pythainlp.__version__}|{getattr(w3lib, '__version__', '')}".encode())
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".json", ".txt"):
            digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return digest.digest()


def reading_scope(matchers: list[ItemMatcher], lexicon: Lexicon | None) -> bytes:
    """A digest of how pages are read: the code, the items of the checklist and the scheme
    of the audited framework."""
    digest = hashlib.blake2b(code_fingerprint(), digest_size=16)
    digest.update(repr([m.item for m in matchers]).encode("utf-8"))
    digest.update(repr(lexicon.audited.id if lexicon is not None else None).encode("utf-8"))
    return digest.digest()


def page_key(scope: bytes, page: PageRecord, snapshot: Snapshot, scheme: str = "",
             number: int | None = None) -> bytes:
    """What a page gives depends on: how pages are read (``scope``), the page itself (with the
    link it was reached from: a page's own candidate names it), the records its links lead
    to, and the framework its codes are read in (``scheme``).  ``number``: the page's record
    number, whose digest the snapshot may know already (:func:`targets_of` works them out)."""
    digest = hashlib.blake2b(scope, digest_size=16)
    digest.update(content_digest(page) if number is None else snapshot.note_digest(number, page))
    digest.update(f"\0{page.referer}\0{scheme}\0".encode())
    for link in page.links:
        digest.update(snapshot.digest(link["url"]) or b"-")
    return digest.digest()


class _PageReader:
    """Reads one page's links and the page itself as candidates, in order (what
    :func:`_gather` keeps); what is known of each target is read once per gathering
    (:func:`targets_of`)."""

    def __init__(self, matchers: list[ItemMatcher], snapshot: Snapshot,
                 also: Callable[[PageRecord], None] | None = None) -> None:
        self.matchers = matchers
        self.snapshot = snapshot
        self.by_code = {m.item.code: m for m in matchers}
        self.index = MatcherIndex(matchers)
        self.by_class = self.index.by_class if all(
            self.by_code[m.item.code] is m for m in matchers) else None
        self.model = next((m.model for m in matchers if m.model is not None), None)
        self.targets = targets_of(matchers, snapshot, self.index, also)
        self._bonuses: dict[tuple[int, str], float] = {}
        self._keywords_in: dict[int, frozenset[str]] = {}
        self._links: Recent[tuple, _LinkReading] = Recent(LINK_CACHE)
        self._met: set[int] = set()  # hashes of the links read ahead (or passed over)
        self._ahead: dict[str, tuple[str, int, str]] = {}  # model text -> its parts, target
        # what ahead() looked up of a link (its target's number, the target, the model's
        # parts), handed to _read_link while the window is read (forget() clears it)
        self._noted: dict[tuple[str, str, str, str], _Noted] = {}
        self._roles: dict[int, str] = {}  # record number -> _event_role() of it as a target
        # record number -> the wording model's reading of the target's lead alone
        # (:meth:`_lead_reading`: asked only when a sure reading would leave out its title)
        self._leads: dict[int, Prediction] = {}
        # (record number, on a public host) -> low_floors() and service_floors() of a link to
        # it (a target's lead)
        self._low: dict[tuple[int, bool], tuple[bool, bool]] = {}
        # a menu link's section -> _link_year() of it (a menu's year is its section's alone)
        self._menu_years: dict[str, tuple[int | None, str]] = {}
        self._parts: Recent[int, tuple[ContentPart, PartReading | None]] = Recent(
            TARGET_PARTS_KEPT)  # record number -> _target_parts() of it, decoded
        self._refused: Recent[tuple, bool] = Recent(NOT_EVIDENCE_KEPT)  # _no_evidence()

    def ahead(self, page: PageRecord) -> int:
        """Note the wording model's texts of ``page``'s links not met before, to be read
        together (:meth:`read_ahead`); how many are noted.  The texts are those
        :meth:`_read_link` gives the model, for links to a target that answered, is no
        index and no flip-book page (those only a match sends to the model); one that
        is not asked for after all costs a share of one numpy pass."""
        model = self.model
        if model is None or model._arrays is None:
            return 0
        own, met, number_of = url_key(page.final_url), self._met, self.snapshot.number
        noted = self._noted
        for link in page.links:
            said = (link["text"], link.get("context", ""), link.get("heading", ""),
                    link["url"])
            sign = hash(said)
            if sign in met:
                continue
            met.add(sign)
            number = number_of(link["url"])
            if number is None or url_key(link["url"]) == own:
                continue
            target = self.targets.get(number)
            if not target.ok or target.is_index or target.page_export:
                noted[said] = (number, target, None)
                continue
            parts = _model_parts(link, target)
            noted[said] = (number, target, parts)
            mine, theirs = parts
            if mine and theirs:
                self._ahead[f"{mine} {theirs}"] = (mine, number, theirs)
        return len(self._ahead)

    def forget(self) -> None:
        """The window's pages are read: what :meth:`ahead` looked up of their links goes."""
        self._noted.clear()

    def read_ahead(self) -> None:
        """The wording model's readings of the texts :meth:`ahead` noted, worked out
        together: the targets' parts (kept, :meth:`_target_parts`), the links' parts and
        the joined predictions (kept by the model for :meth:`TextModel.predict_joined`)."""
        model, noted = self.model, self._ahead
        if model is None or not noted:
            return
        self._ahead = {}
        targets = {number: theirs for _, number, theirs in noted.values()
                   if not self.targets.has_derived(number)}
        for (number, theirs), read in zip(targets.items(), model.read_parts(
                list(targets.values())), strict=True):
            self.targets.derived(number, lambda t=theirs, r=read: _target_bytes(t, r))
        lefts = model.parts([mine for mine, _, _ in noted.values()])
        model.read_ahead([(left, self._target_parts(number, theirs)[1], text)
                          for left, (text, (_, number, theirs)) in zip(lefts, noted.items(),
                                                                         strict=True)])

    def contents_of(self, target: Target | None) -> dict[str, Match]:
        return {} if target is None else self.targets.contents.get(target.number, {})

    def content_bonus(self, m: ItemMatcher, target: Target | None) -> float:
        if target is None or not target.text:
            return 0.0
        key = (target.number, m.item.code)
        if key not in self._bonuses:
            if not m.reads_keywords:  # its bonus is the same whatever the text holds
                self._bonuses[key] = m.keyword_score(frozenset())
                return self._bonuses[key]
            present = self._keywords_in.get(target.number)
            if present is None:  # the target's text folded and searched once for all items
                present = self.index.keywords_in(self.targets.text(target.number))
                self._keywords_in[target.number] = present
            self._bonuses[key] = m.keyword_score(present)
        return self._bonuses[key]

    def read_link(self, link: dict[str, str], n: int, codes_in: CodeReader | None,
                  between: dict[int, tuple[tuple[str, ...], str]]) -> _LinkReading:
        """What a link is evidence of (its matches, the items its target's content names,
        the keyword bonus of its target per item, and a menu link's rows per section as
        :meth:`read` makes them): a pure function of the link's words and URL, its page's
        code reader and its place between coded links, kept per link (:data:`LINK_CACHE`):
        menus repeat the same links on every page."""
        key = (link["text"], link.get("context", ""), link.get("heading", ""), link["url"],
               link.get("area", ""), id(codes_in) if codes_in is not None else 0,
               between.get(n))
        read = self._links.get(key)  # the least recently read goes first: menus stay
        if read is None:
            read = self._links[key] = (*self._read_link(link, n, codes_in, between), {})
        return read

    def _read_link(self, link: dict[str, str], n: int, codes_in: CodeReader | None,
                   between: dict[int, tuple[tuple[str, ...], str]]
                   ) -> tuple[dict[str, Match], frozenset[str], dict[str, float]]:
        by_code, index, model = self.by_code, self.index, self.model
        text, context, heading = link["text"], link.get("context", ""), \
            link.get("heading", "")
        noted = self._noted.get((text, context, heading, link["url"]))
        if noted is not None:  # ahead() looked it up (the same record, the same parts)
            number, target, parts = noted
        else:
            number = self.snapshot.number(link["url"])
            target = None if number is None else self.targets.get(number)
            parts = None
        scored = {}
        for m in index.candidates(text, context, heading, codes_in=codes_in):
            s = m.score_link(text, context, link["url"], heading, link.get("area", ""),
                             codes_in)
            if s is not None:
                scored[m.item.code] = s
        scored = _trust_titles(scored, text, by_code)
        contents = self.contents_of(target)
        scored = _trust_target(scored, text, contents)
        if not scored and n in between:
            scored = {code: Match(SCORE_HUB_ORDER, "hub order",
                                  (f"between codes {between[n][1]}", LOW_CONFIDENCE))
                      for code in between[n][0]}
        if not scored:
            scored = contents
        pred = None
        # the model may add an item only for a link to no index, no flip-book's page (dev
        # s0871, s0792: the model alone read pages of a budget ordinance and of a commission's
        # report as items; s0423, s0654, s0367 are named by their books' names) and under no
        # year label: a link with no match that cannot be added to is not read by it at all
        addable = not (target is not None and (target.is_index or target.page_export)) and \
            section_year(text, strict=False) is None
        if model is not None and (scored or addable):
            mine, theirs = parts or _model_parts(link, target)
            said = " ".join(p for p in (mine, theirs) if p)
            named, read = None, None
            if mine and theirs and target is not None:
                # the link's words and the target's lines are read apart, each once: the
                # same words and probabilities as reading them joined (see _target_parts)
                named, read = self._target_parts(target.number, theirs)
                named = joined_content_words(content_part(mine), named)
            may_add = addable and len(content_words(said) if named is None
                                      else named) >= MODEL_MIN_WORDS
            if scored or may_add:  # else the model has nothing to keep, drop or add
                pred = model.predict_joined(model.part(mine), read, said) if read is not None \
                    else model.predict(said)
                pred = model.duel(pred, said, P_DUEL)
                # what the model reads among the items this link may be (the own-news
                # test below asks the whole reading)
                fits = _without_excluded(pred, mine, target, self.matchers, self.by_class,
                                         text)
                fits = _without_uncounted(fits, scored, text, target, self.matchers,
                                          self.by_class)
                scored = _code_of_another_scheme(scored, fits, text, by_code)
                # a title named in passing gives way before the model's say, so the model
                # may name what the whole line is (dev s0569, a village forum's report)
                scored = _title_in_passing(scored, fits, text, by_code)
                scored = _apply_model(scored, fits, self.matchers, by_code, may_add,
                                      self.by_class, *self._low_floors(target, link["url"]),
                                      lead=None if target is None else
                                      lambda: self._lead_reading(target),
                                      off_public=not is_public_host(link["url"]))
                scored = _content_over_words(scored, fits, text, by_code)
                scored = _model_excluded(scored, mine, target, by_code)
                scored = _online_service(scored, text, target, self.matchers, by_code)
        scored = _not_a_guideline(scored, text, target, by_code)
        if not scored and target is not None and target.ok:
            scored = _qa_board(link["url"], target.title, self.matchers)
        if target is None or is_front_page(link["url"]):
            role = ""  # a front page lists several posts' headlines: no one event
        else:  # worked out once per target, not per link
            role = self._roles.get(target.number)
            if role is None:
                role = self._roles[target.number] = _event_role(target)
        scored = _led_event(scored, role, self.matchers)
        naming = frozenset(scored)  # the items that named the link, before the tests below
        scored = {code: s for code, s in scored.items()
                  if not self._no_evidence(by_code[code], target, link["url"], s.matched_by,
                                           text, _model_sure(by_code[code], pred),
                                           s.signals[:1] == (LED_EVENT,))}
        if not scored:  # also when what named it was no evidence (a pledge's words in news)
            scored = {code: s for code, s in _own_news(link["url"], target, pred,
                                                         self.matchers, naming,
                                                         text).items()
                      if not _not_evidence(by_code[code], target, link["url"], s.matched_by,
                                           text)}
        bonuses = {code: self.content_bonus(by_code[code], target) for code in scored}
        return scored, frozenset(contents), bonuses

    def _no_evidence(self, m: ItemMatcher, target: Target | None, url: str, matched_by: str,
                     said: str, sure: bool, led: bool) -> bool:
        """:func:`_not_evidence`, kept for the last :data:`NOT_EVIDENCE_KEPT` asks: its answer
        is a function of the item, the target (one per record number while gathering) and the
        link's words and scores alone."""
        key = (m.item.code, -1 if target is None else target.number, url, matched_by, said,
               sure, led)
        refused = self._refused.get(key)
        if refused is None:
            refused = self._refused[key] = _not_evidence(m, target, url, matched_by, said,
                                                         sure, led)
        return refused

    def _rows(self, link: dict[str, str], page: PageRecord, read: _LinkReading
              ) -> Iterator[tuple[str, MenuRow]]:
        """The candidates a link gives on ``page`` (its reading ``read``), but for the page
        they are found on, in order: those within 0.01 of the best score, and those that name
        their item."""
        scored, contents, bonuses = read[0], read[1], read[2]
        best = max(s.score for s in scored.values())
        year, label = self._link_year(link, page)
        for code, s in scored.items():
            if s.score < best - 0.01 and not _names_it(s):
                continue
            signals = list(s.signals)
            bonus = bonuses[code]
            if bonus:
                signals.append("keywords in target")
            if code in contents and s.matched_by != "content":
                bonus += TARGET_AGREES
                signals.append("target agrees")
            yield code, (link["url"], link["text"], link.get("context", ""), s.score + bonus,
                         s.matched_by, tuple(signals), label, year, link.get("area", ""))

    def _lead_reading(self, target: Target) -> Prediction:
        """The wording model's reading of what ``target`` says it is, its lead alone
        (:func:`~checklists.matching.content_lead`, what a content match is read from), once
        per target (:func:`vetoes_weak`'s ``lead``)."""
        read = self._leads.get(target.number)
        if read is None:
            read = self._leads[target.number] = self.model.predict(
                content_lead(target.title, target.headings, target.text))
        return read

    def _low_floors(self, target: Target | None, url: str) -> tuple[bool, bool]:
        """:func:`low_floors` and :func:`service_floors`, worked out once per target and host
        kind, not once per link."""
        if target is None:
            return False, False
        key = (target.number, is_public_host(url))
        low = self._low.get(key)
        if low is None:
            floors = low_floors(target, url)  # service_floors() without its second low_floors()
            low = self._low[key] = (floors, floors and describes_a_service(_opening(target)))
        return low

    def _link_year(self, link: dict[str, str], page: PageRecord) -> tuple[int | None, str]:
        """:func:`_link_year`; a menu link's, which its section alone gives (a menu belongs
        to no page's year), once per section: menus repeat on every page."""
        if link.get("area") != "chrome":
            return _link_year(link, page)
        section = link.get("section", "")
        year = self._menu_years.get(section)
        if year is None:
            year = self._menu_years[section] = _link_year(link, page)
        return year

    def _target_parts(self, number: int, text: str) -> tuple[ContentPart, PartReading | None]:
        """What the wording model's text of a link reads in its target's part (``text``:
        the title and first lines of record ``number``): its content words and the model's
        reading, worked out once per target and kept on disk (:meth:`TargetStore.derived`),
        the last :data:`TARGET_PARTS_KEPT` read back kept decoded; a link joins its own
        words' (see :func:`checklists.thaitext.joins_cleanly`)."""
        model = self.model
        assert model is not None
        kept = self._parts.get(number)
        if kept is None:
            named, read = marshal.loads(self.targets.derived(  # noqa: S302 - ours
                number, lambda: _target_bytes(text, model.read_part(text))))
            kept = self._parts[number] = (ContentPart(*named),
                                          PartReading(*read) if read is not None else None)
        return kept

    def _own_title_in_passing(self, selves: dict[str, Match], page: PageRecord,
                              text: str) -> dict[str, Match]:
        """:func:`_title_in_passing` for a page named by a title in its own heading: the
        wording model reads the page's words (as a link's target) only when a title is under
        :data:`TITLE_SHARE` of that heading, which few pages are."""
        folded = fold(text)
        if self.model is None or not folded or not any(
                s.signals[:1] == ("title in page heading",) and
                max((len(t) for t in self.by_code[c].titles if t in folded), default=0)
                < TITLE_SHARE * len(folded) for c, s in selves.items()):
            return selves
        said = " ".join(p for p in (page.title, *page.headings[:2], page.text[:MODEL_CHARS]) if p)
        return _title_in_passing(selves, self.model.predict(said), text, self.by_code,
                                 "title in page heading")

    def read(self, page: PageRecord, codes_in: CodeReader | None,
             number: int) -> list[Kept]:
        """The (item code, candidate) pairs ``page`` (record ``number``) gives, in the order
        they are kept; a menu link's candidate as its :data:`MenuRow` (the same on every
        page: made once per link and section, see :class:`_Found`)."""
        out: list[Kept] = []
        index = self.index
        between = _between_codes(page, codes_in, self.matchers)
        own = url_key(page.final_url)
        for n, link in enumerate(page.links):
            if url_key(link["url"]) == own:
                continue
            read = self.read_link(link, n, codes_in, between)
            if not read[0]:
                continue
            if link.get("area") == "chrome":  # its year is its section's (_link_year)
                rows = read[3].get(link.get("section", ""))
                if rows is None:
                    rows = read[3][link.get("section", "")] = tuple(
                        self._rows(link, page, read))
                out.extend(rows)
                continue
            out.extend((code, _candidate(row, page.final_url))
                       for code, row in self._rows(link, page, read))
        year, label = _self_year(page)
        text = (page.headings[:1] or [page.title])[0]
        selves: dict[str, Match] = {}
        # only the items whose code or words the page's own names carry can score it
        itself = None
        for m in index.candidates(*page_texts(page.title, page.headings, page.breadcrumb),
                                  codes_in=codes_in):
            s = m.score_page(page.title, page.headings, page.breadcrumb, codes_in)
            if s is None:
                continue
            itself = itself or target_of(page, number)
            if not _not_evidence(m, itself, page.final_url, s.matched_by):
                selves[m.item.code] = s
        if selves:  # a page headed by a code of another item's title, or a bare code, is
            # named by its own title
            selves = _trust_titles(selves, text, self.by_code)
            selves = _trust_target(selves, text, self.targets.contents.get(number, {}))
            selves = self._own_title_in_passing(selves, page, text)
        for code, s in selves.items():
            if s.signals[:1] == ("title in target",):
                s = Match(SCORE_CODE_IN_PAGE, "title", ("title in page heading",
                                                        "code of another item"))
            out.append((code, Candidate(page.final_url, text, "", page.referer or page.final_url,
                                        s.score, s.matched_by, s.signals, label, year,
                                        self_page=True)))
        return out


def once_read(cand: Candidate) -> tuple[tuple[int, float], tuple[int, float]]:
    """The strongest kinds of match and scores (:data:`MATCH_TIER`, score) the candidate of
    a link whose target was not fetched could have for its item once its page is read: as
    the link (its own words' match, kept, or what reading the target gives a link nothing
    else names: the wording model's or the target's title, :data:`SCORE_MODEL` at most,
    in the assessed year's section at most; then "target agrees",
    :data:`TARGET_AGREES`, and the item's keywords in the target,
    :data:`~checklists.matching.SCORE_CONTENT`, :meth:`_PageReader._rows`), and as the page
    itself, by a code in its own heading in the assessed year's section
    (:meth:`_PageReader.read`: :data:`SCORE_CODE_IN_PAGE`, :func:`_apply_years`).

    A focused crawl fetches a held-back candidate only when one of these could change its
    item's verdict, or when another item could take the page (:meth:`checklists.engine.
    Judge.links_read`: for an item the link does not name, the bound of a candidate nothing
    names, a content match of score 0).  What the page's own links could lead to is not
    bounded here: the focused crawl follows a read page's links as any other's."""
    tier = max(MATCH_TIER.get(cand.matched_by, 0), MATCH_TIER["model"])
    link = max(cand.score, SCORE_MODEL + SCORE_YEAR_SECTION) + TARGET_AGREES + SCORE_CONTENT
    return (tier, link), (MATCH_TIER["code"], SCORE_CODE_IN_PAGE + SCORE_YEAR_SECTION)


def _trust_titles(scored: dict[str, Match], text: str,
                  by_code: dict[str, ItemMatcher]) -> dict[str, Match]:
    """When a link's code and its words disagree, trust the words (issue 16): a 2566-numbered
    "O23 ... ทรัพยากรบุคคล" is not the 2565 O23 monthly procurement summary.

    A code match whose text does not also name the item by its title gives way to an item
    the text names by title (the wording model may overrule both: :func:`_apply_model`): a
    title beats another wording, as everywhere (:data:`MATCH_TIER`).  A page's own heading
    is read the same way: "o10:คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่" on a college's 2567
    list is the 2565 O13 manual, not the O10 plan (real-world dev split).
    """
    bare = [c for c, s in scored.items() if s.matched_by == "code"
            and s.signals[:1] != ("code in heading",) and by_code[c].wording(text) != "title"]
    if not bare:
        return scored
    titled = [c for c, s in scored.items() if s.matched_by == "title"]
    if titled:
        return {c: s for c, s in scored.items() if c not in bare}
    return scored


def _model_text(link: dict[str, str], target: Target | None) -> str:
    """What the wording model reads for a link: as the corpus excerpts it learned from, the
    link's words and the target's title and first lines."""
    return " ".join(p for p in _model_parts(link, target) if p)


def _model_parts(link: dict[str, str], target: Target | None) -> tuple[str, str]:
    """The two parts of :func:`_model_text`, the link's words and the target's lines (each
    may be empty)."""
    mine = [link["text"]]
    if is_generic(link["text"]):
        mine.append(link.get("context", "") or link.get("heading", ""))
    theirs = [target.title, *target.headings[:2], target.text[:MODEL_CHARS]] \
        if target is not None and target.ok else []
    return " ".join(p for p in mine if p), " ".join(p for p in theirs if p)


def low_floors(target: Target | None, url: str) -> bool:
    """Whether the lower floors of a few items (:data:`~checklists.matching.P_MODEL_OF`) hold
    for a link to ``target`` at ``url``: a page on a public body's host
    (:func:`checklists.pagekinds.is_public_host`: private sites' how-to copies of service
    guides are those guides' decoys, dev s1033-s1044), that answered, does not open as a
    news report does
    (:func:`checklists.pagekinds.opens_as_a_story`: a notice of a registration round told as
    a story, "กรมประมงกำหนดห้วงเวลา... ระหว่างวันที่ ๑ ถึง ๑๕ มีนาคม", dev s0997, relayed by a
    navy unit) and does not explain the assessment
    (:func:`checklists.pagekinds.explains_the_assessment`, dev s0371).  Read off the
    cross-validated dev split's design folds 0-2 (issue 16, recall21; 555 dev sites): with the
    lower floors, TP/FP/FN 211/20/88 -> 211/18/88 (two wrong passes fewer, no right one lost);
    held-out folds 3-4 unchanged (150/21/70).  Asked of every model-only reading, not only
    those under P_MODEL, the story test loses a right pass (a pledge reported as news, O34).
    With the how-to negatives (567 dev sites), the public host test: design 210/20/88 ->
    209/20/89, held-out 148/23/72 -> 147/22/73."""
    if target is None or not target.ok or not is_public_host(url):
        return False
    lead = _opening(target)
    return not opens_as_a_story(lead) and not explains_the_assessment(lead)


def _opening(target: Target) -> str:
    """How ``target`` opens: its title and first lines (what the floors' page tests read)."""
    return f"{target.title} {target.text}"[:EVENT_CHARS]


def service_floors(target: Target | None, url: str) -> bool:
    """Whether the service guides' floor (:data:`~checklists.matching.P_MODEL_SERVICE`) holds
    for a link to ``target`` at ``url``: the lower floors hold (:func:`low_floors`) and the
    page's title and first lines tell how to obtain a service
    (:func:`checklists.pagekinds.describes_a_service`)."""
    return low_floors(target, url) and describes_a_service(_opening(target))


def _floor(m: ItemMatcher, low: bool) -> float:
    """The least probability at which the model alone names ``m``'s item: its class's lower
    floor (:data:`~checklists.matching.P_MODEL_OF`) when ``low``, else P_MODEL."""
    if not low:
        return P_MODEL
    return min((P_MODEL, *(P_MODEL_OF.get(c, P_MODEL) for c in m.classes)))


def vetoes_weak(pred: Prediction, classes: tuple[str, ...], items_only: bool = False,
                titled: bool = False, lead: Callable[[], Prediction] | None = None) -> bool:
    """Whether the wording model's reading ``pred`` leaves out a weak match (another wording,
    a title in the row only, the target's own words) of the item of ``classes``: it reads the
    text as no item's from :data:`P_NONE`, gives the item under :data:`P_KEEP` while another
    reading (an item or no item) has :data:`P_OTHER`, or prefers another reading of at least
    :data:`P_OTHER` by more than :data:`P_PREFER` (:func:`_apply_model`; misses.py counts with
    it which misses any wording of their item could find, finder36).

    ``items_only`` (an item's other wording, ``matched_by`` "alternate wording"): only another
    item's reading is weighed against it from :data:`P_OTHER`, no item's only from
    :data:`P_NONE`: a reading of a text the model knows next to nothing of is its prior, and
    as the corpus's negatives grew "none"'s prior passed P_OTHER (the organisation chart
    "แผนผังองค์กร" of tests/checklists/test_matching.py, O1's own link text, read "none" 0.33
    by the model trained on all 2,021 dev samples, 0.26 by the file before: its features
    lean to O1, the intercepts moved; issue 16, model40: design folds 0-2 398/56/170 (34) ->
    400/56/168 (34), G 2, R 0, L 0, A 0).

    ``titled`` (a match by the target's own words that are the item's checklist title, its
    title, main heading or a document's first lines: "title in target"): the document says
    what it is in the checklist's own words, and the model's preferring another item by
    :data:`P_PREFER` leaves it out only when that reading is one the model would give alone
    without a review flag (:data:`~checklists.matching.P_MODEL_SURE`, as "no item" leaves
    it out only from :data:`P_NONE`); another reading from :data:`P_OTHER` while the item has
    under :data:`P_KEEP` still does (issue 16, model42: a "ดาวน์โหลดเอกสาร" link to a PDF
    headed "การเปิดโอกาสให้เกิดการมีส่วนร่วม ประจำปีงบประมาณ พ.ศ. 2569" over an activity's
    date and attendance, O33 of the corpus site `other-wording`, read O33 0.38 / O7 0.30 by
    the file trained before, O7 0.42 / O33 0.32 by the file trained on all dev: O7 passed
    O33 + P_PREFER by 0.004, and the document's own title was set aside for a model-only O7
    the model itself flags for review; a plan evaluation notice read O12 0.81 still gives
    way, test_a_content_match_gives_way_to_the_item_the_model_reads).

    ``lead`` (with ``titled``: the model's reading of the target's lead alone, its title,
    first headings and title block, asked only when it could decide): a sure reading of
    another item leaves such a title out only when it is surer than the lead alone reads
    the item.  The reading of the whole weighs the lines under the title as much as the
    title, and a few lines of an activity's date and attendance read as news: the file
    trained on all 2,276 dev samples (model43) read the corpus document above O7 0.52 / O33
    0.27 as a whole, its lead alone O33 0.79; a lead that says another item (a notice under
    a news heading whose lead reads as the notice's item) still gives way (issue 16,
    model44)."""
    top, p_top = pred.best
    if top == NONE_CLASS and p_top >= P_NONE:
        return True
    mine = pred.of_any(classes)
    other = max((p for c, p in pred.probs if c not in classes and
                 not (items_only and c == NONE_CLASS)), default=0.0)
    return other >= P_OTHER and (mine < P_KEEP or other > mine + P_PREFER and (
        not titled or other >= P_MODEL_SURE and (lead is None or
                                                 lead().of_any(classes) < other)))


def _apply_model(scored: dict[str, Match], pred: Prediction, matchers: list[ItemMatcher],
                 by_code: dict[str, ItemMatcher], may_add: bool = True,
                 by_class: dict[str, list[ItemMatcher]] | None = None,
                 low: bool = False, service: bool = False,
                 lead: Callable[[], Prediction] | None = None,
                 off_public: bool = False) -> dict[str, Match]:
    """The wording model's say, learned from real sites (checklists/textmodel.py):

    - a weak match (another wording, a title in the row only, the target's own words: dev CV
      F1 0.708 from 0.705 with the last) stands unless the model
      gives its item under :data:`P_KEEP` and another at least :data:`P_OTHER`, or prefers
      another item (at least :data:`P_OTHER`) by :data:`P_PREFER`; a match by the target's
      own words alone (content) stands only if the model gives its item :data:`P_KEEP`,
      whatever it reads besides (issue 16, precision25: dev s0947, a contact page under a
      breadcrumb "หน้าแรก / E-Service / ติดต่อเทศบาล" read 0.09 as E-Service, its next reading
      0.26; on the cross-validated dev folds no right content match was read under 0.1, and
      design folds 0-2 TP/FP/FN 217/21/83 -> 217/20/83, held-out folds 3-4 157/22/67 ->
      157/21/67);
    - a match by a code or title the text does not otherwise back gives way to an item the
      model is sure of (:data:`P_VETO`) while doubting the matched one (:data:`P_VETO_OWN`);
    - nor when the model reads the text as no item's before any item's (:data:`P_NONE`:
      it learned news
      posts, viewers and unrelated pages from the corpus's negative samples; and see
      :func:`_content_over_words`);
    - a title match whose item the model doubts (:data:`P_DOUBT`) is flagged for review;
    - a link nothing else matched (``may_add``: its words are enough to go on, it is no
      year section's label such as "ITA 2569", and its target is not an index of items) is
      the evidence of the item the model gives :data:`~checklists.matching.P_MODEL` or more
      and reads best, by :data:`P_MARGIN` over its next reading (only that one item: the
      softmax's probabilities sum to 1, so a second item is never as sure; flagged for
      review under :data:`~checklists.matching.P_MODEL_SURE`); with ``low``
      (:func:`low_floors`), a few items from their own lower floors
      (:data:`~checklists.matching.P_MODEL_OF`); with ``off_public`` (the link's target is
      not on a Thai public body's host), from :data:`P_MODEL_OFF_PUBLIC` at least.

    ``by_class`` (class -> the matchers of that class; only when each matcher is its code's
    in ``by_code``) lets the last step look at the few items a class of :data:`P_MODEL` or
    more names instead of every item, with the same result.  ``lead`` is the model's reading
    of the target's lead alone, for a match by the target's own title (:func:`vetoes_weak`).
    """
    def prob(code: str) -> float:
        return pred.of_any(by_code[code].classes)

    def other(code: str) -> float:
        mine = by_code[code].classes
        return max((p for c, p in pred.probs if c not in mine), default=0.0)

    top, p_top = pred.best
    unrelated = top == NONE_CLASS and p_top >= P_NONE
    out = {}
    for code, s in scored.items():
        weak = s.matched_by in ("alternate wording", "content") or s.signals[:1] in (
            ("title in row",), ("alternate wording in row",), ("other wording in target",))
        titled = s.matched_by == "content" and s.signals[:1] == ("title in target",)
        if weak and vetoes_weak(pred, by_code[code].classes,
                                s.matched_by == "alternate wording", titled,
                                lead if titled else None):
            continue
        if s.matched_by == "content" and prob(code) < P_KEEP:
            continue  # the target's own words name it, but the model reading them hardly does
        out[code] = s
    bare = [c for c, s in out.items() if s.matched_by in ("code", "title")
            and "title agrees" not in s.signals and s.signals[:1] != ("code in heading",)]
    if bare and all(prob(c) <= P_VETO_OWN for c in bare):
        sure = [m.item.code for m in matchers if m.item.code not in out
                and prob(m.item.code) >= P_VETO]
        if sure:
            out = {c: s for c, s in out.items() if c not in bare}
            for c in sure:
                out[c] = Match(SCORE_MODEL, "model", (f"wording model {prob(c):.2f}",
                                                      "overrules the code or title"))
    for code, s in out.items():  # a title the model reads as another item's: a person checks
        if s.matched_by == "title" and LOW_CONFIDENCE not in s.signals and \
                prob(code) < P_DOUBT and other(code) >= P_OTHER:
            out[code] = Match(s.score, s.matched_by, (*s.signals, f"wording model {prob(code):.2f}",
                                                      LOW_CONFIDENCE))
    if out or unrelated or not may_add:
        return out
    ranked = pred.ranked
    p_best = ranked[0] if ranked else 0.0
    if len(ranked) > 1 and p_best - ranked[1] < P_MARGIN:
        return out  # torn between two readings (another item, or no item)
    least = P_MODEL_SERVICE_LEAST if service else P_MODEL_LEAST if low else P_MODEL
    if off_public:
        least = max(least, P_MODEL_OFF_PUBLIC)
    if p_best < least:
        return out  # no item reaches its floor (the loop below would add none)
    p_none = pred.of(NONE_CLASS)
    # a service page: the service guides' item read above every other item, "no item" aside
    p_item = next((p for c, p in pred.probs if c != NONE_CLASS), 0.0) if service else 1.0
    if by_class is not None:  # only the items of the classes that reach the least floor can
        high = {id(m) for c, _ in takewhile(lambda cp: cp[1] >= least, pred.probs)
                for m in by_class.get(c, ())}  # probs are best first: the few that reach it
        matchers = [m for m in matchers if id(m) in high]
    for m in matchers:
        p = prob(m.item.code)
        if p >= _floor(m, low) and p >= least and p - p_none >= P_OVER_NONE and p >= p_best or \
                p >= _service_floor(m, service) and p >= p_item:  # the best only
            signals = (f"wording model {p:.2f}",) + ((LOW_CONFIDENCE,) if p < P_MODEL_SURE
                                                     else ())
            out[m.item.code] = Match(SCORE_MODEL, "model", signals)
    return out


# the model's class of the service guides -> the online service's (the reference's codes)
ONLINE_OF = {"O14": "O17"}


def _online_service(scored: dict[str, Match], text: str, target: Target | None,
                    matchers: list[ItemMatcher],
                    by_code: dict[str, ItemMatcher]) -> dict[str, Match]:
    """A service guide the wording model alone names, whose link or target says the service
    is done online (:func:`checklists.pagekinds.tells_an_online_service`), is the online
    service's evidence too, flagged for review: the page that tells how to use an online
    service is that service's page on the site (the reference's O17, "ช่องทางการให้บริการ
    ออนไลน์"), and the wording model, which learned far more service guides than online
    services, reads such pages as guides (dev s1021 "...ส่งตัวอย่างดิน ... แบบออนไลน์": O14
    0.24, O17 0.12; s0438 "...ผ่านระบบอิเล็กทรอนิกส์": O14 0.34, O17 0.18).  The guide's
    reading stands beside it: offices' pages of one template are labelled either or both
    (dev s0466, s1356, s1374).  Issue 16, recall29, on 905 dev sites: design folds 0-2
    TP/FP/FN 266/32/102 -> 268/32/100, held-out folds 3-4 194/45/88 -> 196/45/86 (no right
    pass lost, false evidence 20 | 28 unchanged), of which the design folds' rule earns one:
    "ผ่านอินเทอร์เน็ต" was read off a held-out page (s1208; without it, on 963 dev sites,
    held-out 199/47/91 against 200/47/90: tests/benchmarks/README.md, recall29); the online
    service's reading in place of the guide's instead: design 267/30/101 (a guide lost)."""
    if target is None or not target.ok:
        return scored
    online = {ONLINE_OF[c] for code, s in scored.items() if s.matched_by == "model"
              for c in by_code[code].classes if c in ONLINE_OF}
    if not online or not tells_an_online_service(f"{text} {_opening(target)}"):
        return scored
    added = {m.item.code: Match(SCORE_MODEL, "model", ("a guide to an online service",
                                                       LOW_CONFIDENCE))
             for m in matchers if m.item.code not in scored and online & set(m.classes)}
    return {**scored, **added} if added else scored


def _service_floor(m: ItemMatcher, service: bool) -> float:
    """The least probability at which the model names ``m``'s item on a service page
    (:func:`service_floors`): its class's :data:`~checklists.matching.P_MODEL_SERVICE`, else
    never (above 1)."""
    if not service:
        return 2.0
    return min((2.0, *(P_MODEL_SERVICE.get(c, 2.0) for c in m.classes)))


MIN_SAID_WORDS = 2  # naming words beside a code before they can disagree with it ("ข้อ O1": one)


@lru_cache(maxsize=1024)
def _name_words(names: tuple[str, ...]) -> frozenset[str]:
    """The naming words of an item's names (its titles in every scheme and its wordings)."""
    return frozenset().union(*(content_words(n) for n in names))


def _code_of_another_scheme(scored: dict[str, Match], pred: Prediction, text: str,
                            by_code: dict[str, ItemMatcher]) -> dict[str, Match]:
    """A code in a link's text whose words name something (:data:`MIN_SAID_WORDS`), but no
    word of any of the code's item's names (its titles in every scheme, its wordings), and
    whose item the wording model, reading the link and its target, gives under
    :data:`P_KEEP`, is a code of another scheme or year: the code and the words disagree,
    and the words are trusted (as tests/realworld/LABELLING.md labels such pages).  "O25 1.การสรรหาและคัดเลือกบุคลากร", an
    ESA's HR rules coded by an OBEC list of another year, is not the 2565 O25 HR policy (dev
    s0972, read 0.005 as O25).  The code gives way; the model may still name the link's item
    (:func:`_apply_model`).  Issue 16, precision19: read off the cross-validated dev split's
    design folds 0-2 (TP/FP/FN 190/19/108 -> 190/18/108); held-out folds 3-4, whose mistakes
    were not read, 146/22/74 -> 147/21/73."""
    said = content_words(text)
    if len(said) < MIN_SAID_WORDS:
        return scored
    return {code: s for code, s in scored.items()
            if not (s.matched_by == "code" and s.signals[:1] == ("code in link text",)
                    and "title agrees" not in s.signals
                    and not said & _name_words(tuple(by_code[code].all_wordings))
                    and pred.of_any(by_code[code].classes) < P_KEEP)}


def _content_over_words(scored: dict[str, Match], pred: Prediction, text: str,
                        by_code: dict[str, ItemMatcher]) -> dict[str, Match]:
    """A link whose own words say what it is (not "ดาวน์โหลด") and which the wording model
    reads as no item's first is not made an item's evidence by its target's words (a
    content match) when the model doubts that item (:data:`P_DOUBT`): on the
    cross-validated real-world dev split such matches were two negatives (a news story on
    complaint statistics, a school's administration page) and no item.  Behind a generic
    link the target's words are all there is to go on, and stand."""
    top, _ = pred.best
    if top != NONE_CLASS or is_generic(text):
        return scored
    return {code: s for code, s in scored.items() if s.matched_by != "content"
            or pred.of_any(by_code[code].classes) >= P_DOUBT}


def _excluded_heads(mine: str, target: Target | None) -> str:
    """What a link's ``exclude`` words are looked for in: its words and its target's title
    and first heading."""
    heads = [mine] if target is None else [mine, target.title, *target.headings[:1]]
    return " ".join(h for h in heads if h)


def _without_excluded(pred: Prediction, mine: str, target: Target | None,
                      matchers: list[ItemMatcher],
                      by_class: dict[str, list[ItemMatcher]] | None = None,
                      text: str | None = None) -> Prediction:
    """The wording model's reading of a link without the readings, from :data:`P_OTHER`, of
    items the link cannot be evidence of: items whose ``exclude`` words the link or its
    target's head carry (see :func:`_model_excluded`), and, when the link's words
    (``text``) or its target's title head with a guideline's kind or a law, items a
    guideline or a law is no evidence of (see :func:`_not_a_guideline`).  Such an item
    neither outweighs a weak match of another item nor stands as the model's best (it would
    then be left out itself, and the link with nothing).  Dev s0159, "คู่มือการปฏิบัติงาน
    เกี่ยวกับเรื่องร้องเรียน/ร้องทุกข์", read O13 0.43 and O29 0.30, is the complaint procedure
    O29 its wording names (O13 excludes "ร้องเรียน"); dev s0433, "พ.ร.บ.ข้อมูลข่าวสาร พ.ศ.2540",
    read O13 0.31, is the laws item O6 its wording "พ.ร.บ." names (issue 16, recall20:
    cross-validated dev design folds 0-2 TP/FP/FN 201/19/97 -> 203/19/95 with the exclude
    words, -> 204/19/94 with the guideline and law heads; held-out folds 3-4 unchanged at
    148/21/72).  The own-news test still asks the whole reading (a contest's rules posted as
    an office's news, dev s0234, is read as news).  Only the readings that can decide
    (:data:`P_OTHER` and more: a few per link) are looked at.
    """
    said = None
    kinds = None
    dropped = []
    for cls, p in pred.probs:
        if p < P_OTHER:
            break
        if cls == NONE_CLASS:
            continue
        said = _excluded_heads(mine, target) if said is None else said
        kinds = _head_kinds(text, target) if kinds is None else kinds
        of_class = _of_class(cls, matchers, by_class)
        if of_class and all(m.excluded(said) or not _kind_fits(m, *kinds) for m in of_class):
            dropped.append(cls)
    return _without_classes(pred, dropped)


def _of_class(cls: str, matchers: list[ItemMatcher],
              by_class: dict[str, list[ItemMatcher]] | None) -> Sequence[ItemMatcher]:
    """The matchers of the wording model's class ``cls`` (``by_class`` when given)."""
    if by_class is not None:
        return by_class.get(cls, ())
    return [m for m in matchers if cls in m.classes]


def _without_classes(pred: Prediction, dropped: list[str]) -> Prediction:
    """``pred`` without the readings of the classes ``dropped`` (``pred`` itself if none)."""
    if not dropped:
        return pred
    return Prediction(tuple((c, p) for c, p in pred.probs if c not in dropped))


def _without_uncounted(pred: Prediction, scored: dict[str, Match], text: str,
                       target: Target | None, matchers: list[ItemMatcher],
                       by_class: dict[str, list[ItemMatcher]] | None = None) -> Prediction:
    """The wording model's reading of a link without the readings, from :data:`P_OTHER`, of
    statistics items (:func:`checklists.pagekinds.asks_for_statistics`) that no match of the
    link names, when neither the link's words (``text``) nor its target's title and lines
    count anything (:func:`checklists.pagekinds.counts_something`).  The model alone is no
    evidence of a statistics item on such a page (:func:`_not_evidence`: a page about a
    service, not its statistics), so that reading would stand as the model's best only to be
    left out, and the link with nothing; without it, the model's next reading may name what
    the page is, as :func:`_without_excluded` lets it for excluded items.  Dev s1011, the
    statistics office's service page ("Web Blog": how to ask for a copy of its data), read
    O15 0.45 and O14 0.27, and dev s0607's outpatient service terms ("ข้อกำหนดการให้บริการ
    งานผู้ป่วยนอก"), read O15 0.56 and O14 0.21, are both the service guides O14 (issue 16,
    recall23: cross-validated dev design folds 0-2 TP/FP/FN 212/19/88 -> 214/19/86,
    held-out folds 3-4 unchanged at 150/27/71).  A statistics item a match names keeps its
    reading (its weak match stands or falls by it, as before)."""
    if target is None:  # _not_evidence asks no more of a link to no page
        return pred
    counts = None
    dropped = []
    for cls, p in pred.probs:
        if p < P_OTHER:
            break
        of_class = _of_class(cls, matchers, by_class)
        if not of_class or any(m.item.code in scored or not asks_for_statistics(m.item.title_th)
                               for m in of_class):
            continue
        if counts is None:
            counts = counts_something(f"{text} {target.title} {target.text}")
        if counts:
            return pred
        dropped.append(cls)
    return _without_classes(pred, dropped)


def _model_excluded(scored: dict[str, Match], mine: str, target: Target | None,
                    by_code: dict[str, ItemMatcher]) -> dict[str, Match]:
    """The checklist's own ``exclude`` words hold for the wording model too: an item the
    model alone names is not named by a link whose words (``mine``) or whose target's title
    and first heading carry a word the item excludes ("คู่มือการปฏิบัติงาน เกี่ยวกับเรื่อง
    ร้องเรียน" is no O13 manual: O13 excludes "ร้องเรียน"), as a title or another wording
    would not be (:meth:`~checklists.matching.ItemMatcher.score_link`)."""
    said = _excluded_heads(mine, target)
    return {code: s for code, s in scored.items()
            if s.matched_by != "model" or not by_code[code].excluded(said)}


WEAK = ("alternate wording", "content", "model", "hub order")  # matches by no code or title


def _not_a_guideline(scored: dict[str, Match], text: str, target: Target | None,
                     by_code: dict[str, ItemMatcher]) -> dict[str, Match]:
    """A link whose words, or whose target's title, head with a guideline's kind ("แนวทาง
    การประกาศ...", :func:`checklists.pagekinds.guideline_head`) is no weak match's evidence
    for an item none of whose names is a guideline: a rule about doing a thing is not the
    record of it."""
    guide, law = _head_kinds(text, target)
    if not guide and not law:
        return scored
    return {code: s for code, s in scored.items() if s.matched_by not in WEAK
            or _kind_fits(by_code[code], guide, law)}


def _head_kinds(text: str | None, target: Target | None) -> tuple[bool, bool]:
    """Whether a link's words (``text``) or its target's title head with a guideline's kind,
    and whether with a law (:func:`_not_a_guideline`)."""
    kinds = [head_kinds(t) for t in (text, target.title if target is not None else "") if t]
    # a law: the laws' or duties' item only (pagekinds)
    return any(guide for guide, _ in kinds), any(law for _, law in kinds)


def _kind_fits(m: ItemMatcher, guide: bool, law: bool) -> bool:
    """Whether a guideline (``guide``) or a law (``law``) may be ``m``'s item's evidence."""
    return (not guide or names_guidelines(tuple(m.all_wordings))) and \
        (not law or speaks_of_laws(m.item.requires_th, tuple(m.all_wordings)))


TITLE_SHARE = 0.5  # of a link's folded text: a title shorter than this is named in passing


def _title_in_passing(scored: dict[str, Match], pred: Prediction, text: str,
                      by_code: dict[str, ItemMatcher],
                      signal: str = "title in link text") -> dict[str, Match]:
    """A link whose text carries an item's title as a small part of what it says (the
    title under :data:`TITLE_SHARE` of its folded text) is not that item's evidence when
    the wording model, reading all of it, gives the item under :data:`P_KEEP` and another
    item (or no item) at least :data:`P_OTHER`: one phrase of a longer line decides nothing
    the rest of the line contradicts ("นิเทศติดตามผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต
    ...ประจำปี 2561", a visit reported, is no anti-corruption plan; "เทศบาลตำบล... ข้อมูลการ
    ติดต่อ" over a village forum's report is no contact page: dev s0688, s0569, as another
    wording in a sentence names nothing, :meth:`~checklists.matching.ItemMatcher._covers`).
    A title that is most of the text ("โครงสร้างบริหารงาน") stands whatever the model reads.
    A page's own heading (``signal`` "title in page heading") is read the same way.
    Asked before the model's say (:func:`_apply_model`), so a link left with no match may
    still be named by the model's own reading (dev s0569 is the village forum's report of
    2565 O33, read 0.44 as it; issue 16, recall20: cross-validated dev design folds 0-2
    TP/FP/FN 200/19/98 -> 201/19/97, held-out folds 3-4 unchanged at 148/21/72)."""
    folded = fold(text)
    if not folded:
        return scored
    out = {}
    for code, s in scored.items():
        m = by_code[code]
        if s.signals[:1] == (signal,) and \
                pred.of_any(m.classes) < P_KEEP and \
                max((p for c, p in pred.probs if c not in m.classes), default=0.0) >= P_OTHER:
            longest = max((len(t) for t in m.titles if t in folded), default=len(folded))
            if longest < TITLE_SHARE * len(folded):
                continue
        out[code] = s
    return out


def _names_it(match: Match) -> bool:
    """A link whose own text names the item by code or title serves it even when it names
    another item better ("O1 โครงสร้างและอำนาจหน้าที่" is O1 and O3 of 2565)."""
    return match.matched_by in ("code", "title") and bool(match.signals) and \
        match.signals[0] in ("code in link text", "title in link text")


def _trust_target(scored: dict[str, Match], text: str,
                  contents: dict[str, Match]) -> dict[str, Match]:
    """A link that is a bare code ("O15") to a page whose own title names another item:
    the title is trusted over the code (the code may be of another framework)."""
    bare = [c for c, s in scored.items() if s.matched_by == "code"
            and "title agrees" not in s.signals]
    if not bare or content_words(text) or not contents:
        return scored
    titled = {c: m for c, m in contents.items() if m.signals[:1] == ("title in target",)}
    if not titled or any(c in titled for c in bare):
        return scored
    out = {c: s for c, s in scored.items() if c not in bare}
    for c in titled:
        out[c] = Match(SCORE_TITLE_TARGET, "title", ("title in target", "code of another item"))
    return out


class _SchemeScan:
    """Per page, how to read its codes when they belong to another framework than the
    audited checklist: the page's own scheme, else its referer's, else the site's.  The
    pages are handed to :meth:`see` one by one, in record order (in :func:`targets_of`'s
    pass over the records); :meth:`readers` then gives the code reader per page."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.schemes: dict[str, Scheme] = {}
        self.coded: list[tuple[str, str]] = []  # (final URL, referer) of pages with codes

    def see(self, page: PageRecord) -> None:
        entries = []
        for link in page.links:
            if link.get("area") == "chrome":
                continue
            in_text = site_code_keys(link["text"])
            for key in in_text or site_code_keys(link.get("context", ""))[:1]:
                entries.append((key, link["text"] if in_text else link.get("context", "")))
        for h in page.headings:
            entries.extend((key, h) for key in site_code_keys(h)[:1])
        if not entries:
            return
        self.coded.append((page.final_url, page.referer))
        labels = [page.title, *page.headings[:3], page.breadcrumb,
                  *{link.get("section", "") for link in page.links}]
        scheme = read_scheme(entries, self.lexicon, labels)
        if scheme is not None:
            self.schemes[url_key(page.final_url)] = scheme

    def readers(self) -> dict[str, CodeReader]:
        lexicon, schemes = self.lexicon, self.schemes
        votes: dict[str, int] = {}
        for sc in schemes.values():
            votes[sc.checklist_id] = votes.get(sc.checklist_id, 0) + sc.agree
        site = max(votes, key=lambda k: votes[k]) if votes else None
        readers: dict[str, CodeReader] = {}
        made: dict[str, CodeReader] = {}

        def reader(cid: str) -> CodeReader:
            if cid not in made:
                made[cid] = _reader(lexicon, cid)
            return made[cid]

        for final_url, referer in self.coded:
            key = url_key(final_url)
            sc = schemes.get(key) or schemes.get(url_key(referer)) if referer else \
                schemes.get(key)
            cid = sc.checklist_id if sc is not None else site
            if cid and cid != lexicon.audited.id:
                readers[key] = reader(cid)
        return readers


class _SchemeReader:
    """The audited items a code of framework ``scheme`` stands for (a
    :data:`~checklists.matching.CodeReader`, memoised)."""

    def __init__(self, lexicon: Lexicon, scheme: str) -> None:
        self.lexicon = lexicon
        self.scheme = scheme
        self._cache: dict[str, frozenset[str]] = {}

    def __call__(self, text: str) -> frozenset[str]:
        if text not in self._cache:
            self._cache[text] = self.lexicon.items_for(text, self.scheme)
        return self._cache[text]


def _reader(lexicon: Lexicon, cid: str) -> CodeReader:
    return _SchemeReader(lexicon, cid)


def _between_codes(page: PageRecord, codes_in: CodeReader | None,
                   matchers: list[ItemMatcher]) -> dict[int, tuple[tuple[str, ...], str]]:
    """Links with no code of their own between two coded links of a hub in framework order:
    between O12 and O14, a link is probably O13 of that framework (issue 16); as many uncoded
    links as the codes the numbering skips take them in order (between O12 and O15, the
    first is O13 and the second O14), and a run of another length says nothing.

    Index of the link -> (the audited items that code stands for, the code).
    """
    keyed = [(n, link, site_code_keys(link["text"]) or site_code_keys(link.get("context", "")))
             for n, link in enumerate(page.links) if link.get("area") != "chrome"]
    if sum(1 for _, _, keys in keyed if keys) < 2:
        return {}  # no two coded links for an uncoded one to lie between (most pages)
    seq: list[tuple[int, int | None, str]] = []  # (link index, number or None, prefix)
    for n, link, keys in keyed:
        if keys:
            prefix = keys[0].rstrip("0123456789")
            seq.append((n, int(keys[0][len(prefix):]), prefix))
        elif not site_code_keys(link.get("heading", "")) and not is_generic(link["text"]):
            seq.append((n, None, ""))
    return _codes_between(seq, codes_in, matchers)


def _codes_between(seq: list[tuple[int, int | None, str]], codes_in: CodeReader | None,
                   matchers: list[ItemMatcher]) -> dict[int, tuple[tuple[str, ...], str]]:
    """:func:`_between_codes` of a hub's sequence: (link index, code number or None for an
    uncoded link, code prefix) in page order."""
    out: dict[int, tuple[tuple[str, ...], str]] = {}
    for i, (n, number, _) in enumerate(seq):
        if number is not None:
            continue
        b = next((j for j in range(i - 1, -1, -1) if seq[j][1] is not None), None)
        a = next((j for j in range(i + 1, len(seq)) if seq[j][1] is not None), None)
        if b is None or a is None:
            continue
        before, after = seq[b], seq[a]
        if before[2] != after[2] or after[1] - before[1] - 1 != a - b - 1:
            continue  # the run is as long as the codes skipped, or says nothing
        number = before[1] + (i - b)
        code = f"{before[2]}{number}"
        if codes_in is not None:
            items = tuple(sorted(codes_in(code)))
        else:
            items = tuple(m.item.code for m in matchers if m.numbers and
                          number in m.numbers and before[2] == "O")
        if items:
            out[n] = (items, code)
    return out


Near = Callable[[Candidate], tuple[int, str, int]]  # :meth:`_Found.near`


def _one_per_url(cands: list[Candidate], near: Near) -> list[Candidate]:
    """The best candidate per link, of equal ones the one met first walking from home
    (``near``: :meth:`_Found.near`), best first, equal ones in that walk's order."""
    return _walked(_best_per_url(cands, near).values(), near)


def _walked(cands: Iterable[Candidate], near: Near) -> list[Candidate]:
    """``cands`` best first, equal ones in the order they are met walking from home
    (``near``), not the crawl's: the first is the item's evidence, the same on every run of
    an unchanged site."""
    return sorted(cands, key=lambda c: (-c.score, near(c)))


def _best_per_url(cands: list[Candidate], near: Near) -> dict[str, Candidate]:
    best: dict[str, Candidate] = {}
    for c in cands:
        key = url_key(c.url)
        held = best.get(key)
        if held is None or held.score < c.score or (held.score == c.score
                                                    and near(c) < near(held)):
            best[key] = c
    return best


def _inherit(cands: list[Candidate], near: Near) -> list[Candidate]:
    """A document linked from the item's own page stands as strong as that page: the
    assessor opens the page labelled "O10" and then its download link."""
    pages = _best_per_url(cands, near)
    for c in _walked(cands, near):
        parent = pages.get(url_key(c.found_on))
        if parent is None or parent is c or c.area == "chrome" or c.self_page:
            continue  # the menus of an item's page link everywhere
        if parent.score - 0.25 > c.score and parent.matched_by in ("code", "title"):
            c.score = parent.score - 0.25
            c.signals = (*c.signals, "linked from the item's page")
            if MATCH_TIER.get(parent.matched_by, 0) > MATCH_TIER.get(c.matched_by, 0):
                c.matched_by = parent.matched_by
    return sorted(cands, key=lambda c: -c.score)


def _apply_years(found: dict[str, list[Candidate]], fy: int,
                 gathered: Gathered) -> dict[str, list[Candidate]]:
    """Prefer the assessed year's section; leave out other years' when it exists."""
    site_has_year = any(c.year == fy for cands in found.values() for c in cands)
    gathered.years.update(c.year for cands in found.values() for c in cands if c.year)
    out: dict[str, list[Candidate]] = {}
    for code, cands in found.items():
        kept = []
        dropped = {url_key(c.url) for c in cands if c.year not in (None, fy) and site_has_year}
        for c in cands:
            if c.self_page and c.year is None and url_key(c.url) in dropped:
                continue  # a page reached only from another year's section
            if c.year == fy:
                c.score += SCORE_YEAR_SECTION
                c.signals = (*c.signals, "assessed-year section")
            elif c.year is not None:
                if site_has_year:
                    labels = gathered.other_years.setdefault(code, [])
                    if c.section not in labels:
                        labels.append(c.section)
                    continue
                c.score -= OTHER_YEAR_PENALTY
                c.signals = (*c.signals, "other-year section")
            kept.append(c)
        if kept:
            out[code] = kept
    return out
