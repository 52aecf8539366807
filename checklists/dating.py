"""Read dated mentions from every source of an evidence target, ranked by strength.

Sources (strongest first, see ``freshness.base.SOURCE_RANK``): the target's content, the link
text with its row, the file name, the CMS post date, and the HTTP ``Last-Modified`` header
(documents only: a page's header tells when the template was rendered). Every mention is kept
with its source; the freshness rules pick the strongest source that says what they need, and
the report names the source of the date it used.

``Last-Modified`` is a GMT time; it is read as a day in Thailand (UTC+7, no daylight saving),
so a file changed at 20:00 GMT on 30 September counts as changed on 1 October, in the next
fiscal year.
"""

from __future__ import annotations

import re
from datetime import UTC, date, timedelta, timezone
from email.utils import parsedate_to_datetime

from checklists.freshness.base import DatedMention
from checklists.site.records import PageRecord
from checklists.site.scope import file_name
from checklists.thaidates import DateMention, find_dates
from checklists.thaitext import text_memo

MAX_CONTENT = 100_000
THAILAND = timezone(timedelta(hours=7), "Asia/Bangkok")


def http_date_mention(value: str) -> DateMention | None:
    """A day mention from an HTTP date header (``Last-Modified``), as a day in Thailand."""
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:  # `-0000`: a UTC time of unknown origin (RFC 5322)
        moment = moment.replace(tzinfo=UTC)
    day = moment.astimezone(THAILAND).date()
    return DateMention(value, (0, len(value)), "day", day, day, "date")


# A bare year right after ITA/OIT (`ITA 2568`, `ITA2569_O11.pdf`, `OIT ปี 2568`) names the
# assessment round the office filed the document under, not the period the document covers.
_ASSESSMENT_BEFORE = re.compile(r"(?:ITA|OIT|ITAS)(?:\s*Online)?[\s_\-:]*(?:ประจำ)?\s*\Z",
                                re.IGNORECASE)


def is_assessment_label(text: str, m: DateMention) -> bool:
    """True when ``m`` is the year of an assessment round (`ITA 2568`), not a period."""
    return m.kind == "year" and bool(_ASSESSMENT_BEFORE.search(text[max(0, m.span[0] - 16):
                                                                     m.span[0]]))


def read_source(text: str) -> list[DateMention]:
    """The date mentions of one source's text. An assessment round's year (`ITA 2568`) gives
    way to the periods the same text names: in `แผนดำเนินงานประจำปี 2567 (ITA 2568)` the plan
    is of 2567, so only when nothing else is dated does the round's year stand for the period
    (real link texts carry both: issue 16, part 3)."""
    return list(_read_source(text))


@text_memo(4096)
def _read_source(text: str) -> tuple[DateMention, ...]:
    """:func:`read_source`, memoised: a site is judged at several dates (on the way, at the
    end, the due-soon search), each reading the same evidence texts."""
    found = find_dates(text)
    labels = [m for m in found if m.counts and is_assessment_label(text, m)]
    if labels and any(m.counts and m not in labels for m in found):
        return tuple(m for m in found if m not in labels)
    return tuple(found)


def mentions_for(url: str, link_text: str, target: PageRecord | None) -> list[DatedMention]:
    """All dated mentions about one evidence target, each tagged with its source."""
    out: list[DatedMention] = []

    def add(text: str, source: str) -> None:
        out.extend(DatedMention(m, source, url) for m in read_source(text))

    if target is not None and target.text:
        add(target.text[:MAX_CONTENT], "content")
    add(link_text, "link_text")
    add(file_name(target.final_url if target else url), "file_name")
    if target is not None and target.post_date:
        add(target.post_date, "post_date")
    if target is not None and target.kind == "document" and target.last_modified:
        m = http_date_mention(target.last_modified)
        if m is not None:
            out.append(DatedMention(m, "last_modified", url))
    return out


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
