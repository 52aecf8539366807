"""A document that cannot be read is never an item's dated evidence (issue 12): the year in
its link text does not make the item pass."""

from __future__ import annotations

import pytest

from crawler.documents.model import REASONS
from tests.checklists.test_engine import doc, site, verdicts

URL = "http://office.example/plan-2569.pdf"


def _unreadable(status: str):
    record = doc(URL, "")
    th, en = REASONS[status]
    record.doc_status, record.doc_reason = status, f"{th} ({en})"
    return record


@pytest.mark.parametrize("status,verdict", [
    ("corrupt", "broken"), ("encrypted", "broken"), ("bomb", "broken"),
    ("too_large", "unverified"), ("timeout", "unverified"), ("memory", "unverified"),
    ("crashed", "unverified"), ("budget", "unverified"), ("image_only", "unverified"),
    ("ocr_unavailable", "unverified"),
])
def test_unreadable_document_never_passes_on_its_link_text(status, verdict):
    r = verdicts(site([(URL, "O10 แผนปฏิบัติการประจำปี 2569", "")], [_unreadable(status)]))["O10"]
    assert r.verdict == verdict
    th, en = REASONS[status]
    assert th in r.reason_th and en in r.reason_en
    assert r.evidence[0].url == URL and r.evidence[0].date is None


def test_a_readable_copy_still_wins():
    good = "http://office.example/plan-2569-copy.pdf"
    r = verdicts(site([(URL, "O10 แผนปฏิบัติการประจำปี 2569", ""),
                       (good, "O10 แผนปฏิบัติการประจำปี 2569 (สำเนา)", "")],
                      [_unreadable("corrupt"),
                       doc(good, "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569")]))["O10"]
    assert r.verdict == "pass" and r.evidence[0].url == good
