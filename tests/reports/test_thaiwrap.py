"""The terminal table cuts Thai text between words, never inside one."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.console import Console

from reports.terminal import print_summary
from reports.thaiwrap import ELLIPSIS, words, wrap

REASON = ("ต้องปรับปรุงภายใน 365 วันก่อนวันที่ตรวจ แต่วันที่ล่าสุดที่พบคือ “1 ตุลาคม 2566” "
          "(เนื้อหาเอกสาร/หน้าเว็บ)")
TITLE = "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน"


def word_set(text: str) -> set[str]:
    return {w for w in words(text) if w.strip()}


@pytest.mark.parametrize("width", [12, 18, 25, 40])
def test_lines_end_at_word_boundaries(width):
    lines = wrap(REASON, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == REASON.replace(" ", "")
    known = word_set(REASON)
    for line in lines:  # each line is made of whole words
        assert set(w for w in words(line) if w.strip()) <= known, line
    assert not any(line.endswith(("(", "“")) for line in lines)


def test_short_text_is_untouched():
    assert wrap("ผ่าน", 10) == ["ผ่าน"]
    assert wrap("", 10) == []


def test_max_lines_ends_with_an_ellipsis_at_a_word():
    lines = wrap(REASON, 20, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith(ELLIPSIS)
    assert set(w for w in words(lines[-1][:-1]) if w.strip()) <= word_set(REASON)


def test_title_is_not_cut_inside_a_word():
    assert wrap(TITLE, 18) == ["แผนยุทธศาสตร์หรือแผน", "พัฒนาหน่วยงาน"]
    assert wrap(TITLE, 22) == ["แผนยุทธศาสตร์หรือแผนพัฒนา", "หน่วยงาน"]


def test_terminal_table_keeps_words_whole(demo_report):
    console = Console(width=80, record=True, color_system=None)
    print_summary(demo_report, console, "th")
    out = console.export_text()
    assert "หน่วยง\n" not in out and "หน่วยง " not in out
    for line in out.splitlines():
        assert "พัฒนาหน่วยง " not in line
    assert "หน่วยงาน" in out and "เนื้อหาเอกสาร/หน้าเว็บ" in out
