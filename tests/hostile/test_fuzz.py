"""Hypothesis fuzz tests (issue 12) for the checklist loader and the Thai date finder.

The loader, given any bytes or a mutated real checklist, either loads it or raises a
ChecklistError whose every problem starts with the file's position; the date finder, given
any text, returns sorted, non-overlapping mentions that are exact substrings and denote
proper intervals.  Neither ever raises anything else.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checklists.loader import ChecklistError, load_checklist
from checklists.model import Checklist
from checklists.thaidates import find_dates
from checklists.thaidates.mention import KINDS

CHECKLIST_LINES = (Path(__file__).resolve().parents[2] / "checklists" / "data" /
                   "nacc-oit-2565.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
HOSTILE_PIECES = ["\x00", "\u202e", "&a ", "*a", "[" * 50, "{", "? ", "!!python/object ",
                  ": ", "- ", "\t", "days: x", "'", '"', "\ufeff", "<<: *a", "2024-13-45",
                  "freshness: {rule: updated_within, days: -1}", "extends: nacc-oit-2565"]
_FUZZ = settings(max_examples=60, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _load(data: bytes) -> Checklist | None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.yaml"
        path.write_bytes(data)
        try:
            return load_checklist(path)
        except ChecklistError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert re.match(rf"{re.escape(str(path))}:\d+:\d+: ", problem) or \
                    problem.startswith(f"{path}: ") or ": extends" in problem or \
                    "nacc-oit" in problem, problem
                assert "\n" not in problem and "Traceback" not in problem
            return None


@_FUZZ
@given(st.binary(max_size=2000))
def test_loader_on_arbitrary_bytes(data):
    _load(data)


@_FUZZ
@given(st.text(max_size=2000))
def test_loader_on_arbitrary_text(text):
    _load(text.encode("utf-8"))


@st.composite
def mutated_checklist(draw) -> bytes:
    lines = list(CHECKLIST_LINES)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "replace_value",
                                       "cut"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "insert":
            piece = draw(st.sampled_from(HOSTILE_PIECES) | st.text(max_size=20))
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + piece + lines[i][at:]
        elif action == "replace_value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            value = draw(st.sampled_from(HOSTILE_PIECES) | st.text(max_size=20) |
                         st.integers().map(str) | st.floats().map(str))
            lines[i] = f"{key}: {value}\n"
        elif action == "cut":
            lines = lines[:i]
    return "".join(lines).encode("utf-8", "surrogatepass")


@_FUZZ
@given(mutated_checklist())
def test_loader_on_mutated_checklists(data):
    checklist = _load(data)
    if checklist is not None:  # what loads is usable: every item has typed rule parameters
        for item in checklist.items:
            for value in item.freshness.params.values():
                assert isinstance(value, int | float | str | bool)


THAI_DATE_PIECES = ["ต.ค.", "ตุลาคม", "พ.ศ.", "ปีงบประมาณ", "2569", "๒๕๖๙", "68", "1/10/2568",
                    "-", "–", " ถึง ", "ไตรมาส", "รอบ 6 เดือน", "ครั้งที่", "\u200b", "\u202e",
                    "\x00", " ", "31", "0", "9999", "ก.พ. 29"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(THAI_DATE_PIECES) | st.text(max_size=8), max_size=40)
       .map("".join))
def test_date_finder_never_breaks(text):
    mentions = find_dates(text)
    last_end = 0
    for m in mentions:
        a, b = m.span
        assert last_end <= a < b <= len(text)
        assert m.text == text[a:b]
        assert m.kind in KINDS and m.start <= m.end
        last_end = b


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_date_finder_on_arbitrary_text(text):
    for m in find_dates(text):
        assert m.text == text[m.span[0]:m.span[1]] and m.start <= m.end
