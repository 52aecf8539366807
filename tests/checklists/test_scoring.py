"""Scores as each framework computes them (checklists/scoring.py, `scoring:` in the files)."""

from __future__ import annotations

import pytest

from checklists.loader import load_checklist
from checklists.scoring import band_of, estimate

# The seed's sub-indicators with its weak items failing (ita-oit.md, "Scoring").
SEED = {"9.1": 88.89, "9.2": 75.0, "9.3": 85.71, "9.4": 50.0, "9.5": 80.0, "10.1": 87.5,
        "10.2": 100.0}


@pytest.mark.parametrize("cid", ["nacc-oit-2565", "obec-oit-2564"])
def test_the_seeds_published_figures(cid):
    e = estimate(load_checklist(cid), SEED, iit=28.38, eit=29.19)
    assert e.indicators == {9: 75.92, 10: 93.75}
    assert (e.oit_points, e.oit_weight, e.total) == (33.93, 40, 91.5)
    assert e.band.label == "A" and e.basis == "total" and e.held_back is None


def test_without_iit_and_eit_the_band_is_read_from_indicator_9():
    e = estimate(load_checklist("nacc-oit-2565"), SEED)
    assert e.total is None and e.basis == "indicator9" and e.band.label == "B"
    assert e.oit_points == 33.93


def test_labels_need_every_tool_at_their_minimum():
    c = load_checklist("nacc-oit-2568")
    # the 2568 case in the reference: 94.64 in total, EIT under 85 -> ผ่าน, not ผ่านดี
    band, held = band_of(c, 94.64, {"iit": 95.0, "eit": 84.0, "oit": 97.0})
    assert (band.label, held.label) == ("ผ่าน", "ผ่านดี")
    band, held = band_of(c, 96.0, {"iit": 96.0, "eit": 95.5, "oit": 97.0})
    assert band.label == "ผ่านดีเยี่ยม" and held is None
    assert band_of(c, 72.0)[0].label == "ต้องปรับปรุง"
    assert band_of(c, 50.0)[0].label == "ต้องปรับปรุงโดยด่วน"


def test_every_shipped_checklist_says_how_it_scores():
    assert load_checklist("nacc-oit-2565").scoring.method == "bands"
    for cid in ("nacc-oit-2566", "nacc-oit-2569", "ovec-oit-2569", "moph-moit-2569"):
        scoring = load_checklist(cid).scoring
        assert scoring.method == "labels" and scoring.tools["oit"] == 40
