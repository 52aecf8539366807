"""diff(old, new): what changed between two reports of a site."""

from __future__ import annotations

import pytest

from crawler.nightly.diff import diff, is_empty, new_problems
from reports.changes import describe


def item(code: str, verdict: str, url: str = "", sha: str = "", months=(), status: int = 200):
    ev = [{"url": url, "role": "best", "status": status, "sha256": sha}] if url else []
    return {"code": code, "title_th": f"ข้อ {code}", "title_en": code, "verdict": verdict,
            "missing_months": list(months), "evidence": ev}


def rep(*items, site: str = "http://127.0.0.1:8001/", score: float | None = 50.0):
    return {"site": site, "as_of": "2026-05-15", "summary": {"indicator9_estimate": score},
            "items": list(items)}


def codes(changes, key):
    return [c["code"] for c in changes[key]]


@pytest.mark.parametrize("was,now,key", [
    ("pass", "missing", "regressed"), ("pass", "stale", "regressed"),
    ("pass", "broken", "regressed"), ("pass", "unverified", "regressed"),
    ("missing", "pass", "fixed"), ("stale", "broken", "worsened"),
    ("missing", "stale", "improved"),
])
def test_verdict_changes(was, now, key):
    changes = diff(rep(item("O1", was)), rep(item("O1", now)))
    assert codes(changes, key) == ["O1"]
    assert (changes[key][0]["before"], changes[key][0]["after"]) == (was, now)
    others = [k for k in ("regressed", "fixed", "worsened", "improved") if k != key]
    assert all(changes[k] == [] for k in others)
    assert new_problems(changes) == (1 if key in ("regressed", "worsened") else 0)


def test_no_earlier_run_is_the_baseline():
    changes = diff(None, rep(item("O1", "missing")))
    assert changes["baseline"] is None and new_problems(changes) == 0 and is_empty(changes)


def test_a_new_missing_month_is_a_new_problem():
    old = rep(item("O23", "stale", months=["ก.พ. 2569"]))
    new = rep(item("O23", "stale", months=["ก.พ. 2569", "เม.ย. 2569"]))
    changes = diff(old, new)
    assert changes["new_missing_months"][0]["months"] == ["เม.ย. 2569"]
    assert new_problems(changes) == 1


def test_moved_evidence_but_not_when_only_the_port_or_scheme_differs():
    old = rep(item("O1", "pass", "http://127.0.0.1:8001/files/a.pdf"))
    same = rep(item("O1", "pass", "http://127.0.0.1:9002/files/a.pdf"),
               site="http://127.0.0.1:9002/")
    assert diff(old, same)["moved"] == []
    moved = rep(item("O1", "pass", "http://127.0.0.1:8001/files/b.pdf"))
    entry = diff(old, moved)["moved"][0]
    assert entry["url_before"].endswith("a.pdf") and entry["url_after"].endswith("b.pdf")


def test_replaced_document_at_the_same_url():
    old = rep(item("O1", "pass", "http://127.0.0.1:8001/a.pdf", sha="1" * 64))
    new = rep(item("O1", "pass", "http://127.0.0.1:8001/a.pdf", sha="2" * 64))
    assert codes(diff(old, new), "replaced") == ["O1"]
    gone = rep(item("O1", "broken", "http://127.0.0.1:8001/a.pdf", sha="3" * 64, status=404))
    assert diff(old, gone)["replaced"] == []  # broken, not replaced


def test_checklist_changes_and_score():
    changes = diff(rep(item("O1", "pass"), item("O2", "pass"), score=50.0),
                   rep(item("O1", "pass"), item("O3", "missing"), score=40.5))
    assert codes(changes, "added") == ["O3"] and codes(changes, "removed") == ["O2"]
    assert changes["score"] == {"before": 50.0, "after": 40.5, "delta": -9.5}


def test_a_new_framework_year_is_followed_through_the_topic_map():
    """Last night with the 2568 list, tonight with 2569: the monthly summary is O11 now and
    was O12; the No Gift items merged (O21 + O22 -> O20) are not paired by code."""
    old = {**rep(item("O12", "stale"), item("O13", "pass"), item("O21", "pass"),
                 item("O22", "pass")), "checklist": {"id": "nacc-oit-2568"}}
    new = {**rep(item("O11", "pass"), item("O12", "missing"), item("O20", "pass"),
                 item("O21", "pass")), "checklist": {"id": "nacc-oit-2569"}}
    changes = diff(old, new)
    assert codes(changes, "fixed") == ["O11"] and changes["fixed"][0]["code_before"] == "O12"
    assert codes(changes, "regressed") == ["O12"]  # the annual report, 2568's O13
    assert changes["regressed"][0]["code_before"] == "O13"
    assert codes(changes, "added") == ["O20", "O21"]  # O21 is risk assessment in 2569
    assert codes(changes, "removed") == ["O21", "O22"]


def test_new_missing_months_in_english_are_english_labels():
    entry = {"code": "O23", "title_th": "สรุปผล", "title_en": "Procurement summary",
             "months": ["เม.ย. 2569"]}
    assert describe("new_missing_months", entry, "en") == "O23 Procurement summary: Apr 2026"
    assert describe("new_missing_months", entry, "th") == "O23 สรุปผล: เม.ย. 2569"
