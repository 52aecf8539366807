"""``oit-audit checklist list|show|validate|diff|new``: authoring without reading code."""

from __future__ import annotations

import pytest

from checklists.loader import builtin_checklists
from crawler.cli import main


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(["checklist", *argv])
    return code, capsys.readouterr().out


def test_list_names_family_year_and_how_sure(capsys):
    code, out = run(capsys, "list", "--lang", "en")
    assert code == 0
    for cid in ("nacc-oit-2565", "nacc-oit-2569", "ovec-oit-2569", "moph-moit-2569",
                "obec-oit-2564", "police-oit-2568"):
        assert cid in out
    assert "provisional" in out and "confirmed" in out


@pytest.mark.parametrize("cid", sorted(builtin_checklists()))
def test_validate_passes_every_shipped_checklist(capsys, cid):
    code, out = run(capsys, "validate", cid)
    assert code == 0, out


def test_list_shows_the_obec_lists_and_how_sure(capsys):
    code, out = run(capsys, "list", "--lang", "en")
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert "provisional, 43 items" in rows["obec-oit-2566"] and "nacc-oit-2566" in rows["obec-oit-2566"]
    assert "provisional, 26 items" in rows["obec-oit-2568"]
    assert "confirmed" in rows["obec-oit-2564"]


def test_show_item_follows_the_topic_across_years(capsys):
    code, out = run(capsys, "show", "2569", "O11")
    assert code == 0 and "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน" in out
    assert "nacc-oit-2565: O23" in out and "nacc-oit-2566: O21" in out
    assert "ชั่วคราว" in out  # the 2569 list is provisional


def test_show_unknown_code_lists_the_codes(capsys):
    code, out = run(capsys, "show", "nacc-oit-2568", "O40")
    assert code == 2 and "O26" in out


def test_diff_2565_2569_names_the_moves_and_merges(capsys):
    code, out = run(capsys, "diff", "2565", "2569", "--lang", "en")
    assert code == 0
    assert "renumbered: O23 → O11 (Monthly procurement summary)" in out
    assert "merged: O38 → O20 now covers:" in out and "No Gift Policy" in out
    assert "merged: O1 + O3 → O1" in out
    assert "nacc-oit-2569: The two No Gift items (old O21 and O22) merged into one, O20" in out


def test_validate_points_to_file_line(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: nacc-oit-2569\nitems:\n  O11:\n    owner: nobody\n", encoding="utf-8")
    code, out = run(capsys, "validate", str(bad))
    assert code == 2 and f"{bad}:4:" in out and "nobody" in out
    code, out = run(capsys, "validate", "checklists/data/topics.yaml", "--lang", "en")
    assert code == 0 and "topic map" in out


def test_new_writes_a_valid_commented_file(capsys, tmp_path):
    out_file = tmp_path / "office.yaml"
    code, _ = run(capsys, "new", "--from", "nacc-oit-2569", "--out", str(out_file))
    assert code == 0
    text = out_file.read_text(encoding="utf-8")
    assert text.startswith("# ") and "extends: nacc-oit-2569" in text
    assert "#   O11:   # สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน" in text
    code, out = run(capsys, "validate", str(out_file))
    assert code == 0 and "nacc-oit-2569-office" in out
    code, out = run(capsys, "new", "--from", "nacc-oit-2569", "--out", str(out_file))
    assert code == 2 and "--force" in out  # never overwrites by accident


def test_new_year_file_says_what_changed(capsys, tmp_path):
    out_file = tmp_path / "2570.yaml"
    code, _ = run(capsys, "new", "--from", "2569", "--out", str(out_file), "--year", "2570")
    assert code == 0
    code, out = run(capsys, "show", str(out_file), "--lang", "en")
    assert code == 0 and "nacc-oit-2570" in out and "year 2570" in out
