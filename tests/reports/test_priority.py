"""The order of "what to fix first" (reports/priority.py): overdue, due soon, points."""

from __future__ import annotations

import pytest

from reports.charts import history_chart
from reports.priority import DUE_SOON, LATER, OVERDUE, gains, priorities


def item(code, sub, verdict="missing", due=None):
    return {"code": code, "subindicator": sub, "verdict": verdict, "due": due or {}}


def report(items, due_soon=()):
    return {"status": "complete", "as_of": "2026-05-15", "items": items,
            "due_soon": [{"code": c} for c in due_soon]}


ITEMS = [item("O1", "9.1"), item("O2", "9.1", "pass"), item("O3", "9.2"),
         item("O4", "9.2", "pass"), item("O5", "9.2", "pass"), item("O6", "9.2", "pass"),
         item("O7", "10.1")]


def test_gain_is_the_items_share_of_its_indicator():
    # 9.1 has 2 items, indicator 9 has 2 sub-indicators: 100 / 2 / 2
    assert gains(report(ITEMS)) == {"O1": 25.0, "O3": 12.5, "O7": 100.0}


@pytest.mark.parametrize(("due", "soon", "expected"), [
    ({"overdue": True}, (), OVERDUE),
    ({"months": [{"date": "2026-03-15", "overdue": True}]}, (), OVERDUE),
    ({"date": "2026-05-20"}, (), DUE_SOON),
    ({"date": "2026-09-30"}, (), LATER),
    ({}, ("O3",), DUE_SOON),
    ({"kind": "asap"}, (), LATER),
])
def test_urgency(due, soon, expected):
    items = [item("O3", "9.2", due=due)]
    assert priorities(report(items, soon))[0]["urgency"] == expected


def test_order_overdue_then_due_soon_then_points():
    items = [item("O1", "9.1"), item("O2", "9.1", "pass"),
             item("O3", "9.2", due={"date": "2026-05-20"}), item("O4", "9.2", "pass"),
             item("O5", "9.2", due={"overdue": True}), item("O6", "9.2", "pass")]
    assert [r["item"]["code"] for r in priorities(report(items))] == ["O5", "O3", "O1"]


def test_no_priorities_for_a_site_not_audited():
    assert priorities({"status": "site_unreachable", "items": []}) == []


def test_history_chart_has_axes_and_labels():
    svg = history_chart([{"score": 60.0}, {"score": 72.5}], "คะแนน", "วันที่ตรวจ",
                        ["1 พ.ค. 2569", "2 พ.ค. 2569"])
    for text in ("คะแนน", "วันที่ตรวจ", "1 พ.ค. 2569", "2 พ.ค. 2569", ">55<", ">80<"):
        assert text in svg, text
    assert svg.count("<line") >= 5  # two axes and three ticks
