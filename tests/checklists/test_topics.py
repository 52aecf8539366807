"""The topic map: follows an item across code changes, validated with file:line errors."""

from __future__ import annotations

from checklists.loader import builtin_checklists, load_checklist
from checklists.topics import load_topics
from checklists.train_matcher import reference_titles
from tests.checklists.helpers import problems_of, write


def test_shipped_map_loads_and_covers_every_shipped_item():
    topics = load_topics()
    for cid in builtin_checklists():
        for item in load_checklist(cid).items:
            assert topics.topics_of(cid, item.code), f"{cid} {item.code} has no topic"


def test_monthly_summary_across_years():
    topics = load_topics()
    assert topics.translate("O23", "nacc-oit-2565", "nacc-oit-2566") == ["O21"]
    assert topics.translate("O23", "nacc-oit-2565", "nacc-oit-2569") == ["O11"]
    assert topics.codes_of("monthly_procurement_summary", "nacc-oit-2568") == ["O12"]
    assert topics.codes_of("procurement_plan", "nacc-oit-2569") == []
    assert "สขร.1" in topics.wordings("monthly_procurement_summary")
    assert "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน" in topics.wordings(
        "monthly_procurement_summary")


def test_everyday_wordings_are_matched_but_not_taught_to_the_model():
    """``everyday:`` wordings (offices' own words) are the matcher's, not the wording model's
    training titles: the lexicon is edited without retraining the shipped model."""
    topics = load_topics()
    assert "ราคากลาง" in topics.topics["procurement_notices"].everyday
    assert "ราคากลาง" not in topics.wordings("procurement_notices")
    assert "ราคากลาง" not in reference_titles()["O22"]


def test_merges_and_splits():
    topics = load_topics()
    assert topics.topics_of("nacc-oit-2568", "O1") == ["org_structure", "powers_duties"]
    assert topics.translate("O1", "nacc-oit-2568", "nacc-oit-2565") == ["O1", "O3"]
    assert topics.translate("O20", "nacc-oit-2569", "nacc-oit-2568") == ["O21", "O22"]


def test_office_overlay_ids_map_to_their_base():
    assert load_topics().topics_of("nacc-oit-2565+local", "O23") == [
        "monthly_procurement_summary"]




def test_unknown_code_and_checklist_point_to_their_line(tmp_path):
    path = write(tmp_path, """topics:
  org_structure:
    name_th: โครงสร้าง
    name_en: Structure
    items:
      nacc-oit-2565: O99
      nacc-oit-2999: O1
""")
    problems = problems_of(path, load_topics)
    assert any(p.startswith(f"{path}:6:") and "O99" in p for p in problems)
    assert any(p.startswith(f"{path}:7:") and "nacc-oit-2999" in p for p in problems)
    assert any("missing: O1," in p for p in problems)  # the reference must be covered


def test_bad_key_points_to_it(tmp_path):
    path = write(tmp_path, "topics:\n  x:\n    name_th: a\n    name_en: b\n    items: {}\n"
                           "    colour: red\n")
    problems = problems_of(path, load_topics)
    assert any(p.startswith(f"{path}:6:") and "colour" in p for p in problems)
