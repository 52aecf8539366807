"""Words for the crawl section of the report: why a page failed, which pages were rendered
in a browser and which could not be (Thai first, English available)."""

from __future__ import annotations

from typing import Any

from checklists.site.records import PageRecord
from checklists.words import CHECKLIST_WORDS, pair

# Why a request failed (keys from ``crawler.failures.classify`` and the spider), why a page
# that needed rendering was not rendered, and the HTTP statuses with their own words:
# checklists/words.yaml (sections causes, render_notes, http), read on first use.
CAUSES_TH = CHECKLIST_WORDS.side("causes", "th")
CAUSES_EN = CHECKLIST_WORDS.side("causes", "en")
NOTES_TH = CHECKLIST_WORDS.side("render_notes", "th")
NOTES_EN = CHECKLIST_WORDS.side("render_notes", "en")
HTTP_TH = CHECKLIST_WORDS.side("http", "th")
HTTP_EN = CHECKLIST_WORDS.side("http", "en")


def failure_reason(record: PageRecord) -> tuple[str, str]:
    """Why ``record`` failed, in Thai and English, with the attempts made when retried."""
    if record.error:
        th = CAUSES_TH.get(record.error, record.error)
        en = CAUSES_EN.get(record.error, record.error)
    else:
        http_th, http_en = pair("reasons", "http", status=record.status)
        th = HTTP_TH.get(str(record.status), http_th)
        en = HTTP_EN.get(str(record.status), http_en)
    if "attempts" in record.error_detail:
        attempts = record.error_detail.split("attempts", 1)[0].split()[-1]
        more_th, more_en = pair("crawl_notes", "attempts", n=attempts)
        th += more_th
        en += more_en
    return th, en


def blocked_in_browser(records: list[PageRecord]) -> list[dict[str, str]]:
    """Requests of rendered pages (scripts, XHR, frames, redirects) that the address guard
    refused (crawler/browserguard.py): the page, the URL refused and why."""
    out = []
    for r in records:
        for entry in r.blocked:
            url, _, why = entry.partition(": ")
            out.append({"page": r.final_url or r.url, "url": url, "detail": why,
                        "reason": CAUSES_TH["private"], "reason_en": CAUSES_EN["private"]})
    return out


def rendering_lists(records: list[PageRecord]) -> tuple[list[str], list[dict[str, Any]]]:
    """Pages rendered in the browser, and pages that needed it but were not rendered."""
    rendered = [r.final_url or r.url for r in records if r.rendered]
    not_rendered = []
    for r in records:
        if not r.render_note:
            continue
        key, _, why = r.render_note.partition(":")
        not_rendered.append({"url": r.final_url or r.url, "cause": key,
                             "reason": NOTES_TH.get(key, key), "reason_en": NOTES_EN.get(key, key),
                             "detail": why.strip()})
    return rendered, not_rendered
