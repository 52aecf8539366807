"""Bad input is refused cleanly (issue 12): each case exits 2 with a one-line error that
gives the position, and no traceback."""

from __future__ import annotations

import re

import pytest

from checklists.loader import ChecklistError, load_checklist
from tests.conftest import ROOT, run_cli

CHECKLIST = ROOT / "checklists" / "data" / "nacc-oit-2565.yaml"


def _checklist_text() -> str:
    return CHECKLIST.read_text(encoding="utf-8")


def _alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    return "\n".join(lines) + "\n"


def _days_in_words() -> str:
    text = _checklist_text()
    assert "days: 365" in text
    return text.replace("days: 365", 'days: "หนึ่งปี"', 1)


def _fifty_thousand_items() -> str:
    return _checklist_text() + "".join(
        f"  - code: X{i}\n    subindicator: '9.1'\n    title_th: t\n    title_en: t\n"
        f"    owner: admin\n" for i in range(50_000))


# name -> (file bytes, the line the error must name, words the error must contain)
YAML_CASES: dict[str, tuple[bytes, int, str]] = {
    "nul-byte": (b"id: x\nversion: 1\x00\n", 2, "#x0000"),
    "deep-brackets": (b"x: " + b"[" * 100_000 + b"\n", 1, "nesting"),
    "alias-bomb": (_alias_bomb().encode(), 4, "aliases expand"),
    "recursive-alias": (b"a: &a\n  b: *a\n", 2, "own enclosing node"),
    "not-utf8": (_checklist_text().encode("cp874", "replace"), 11, "not UTF-8"),
    "huge-file": (_fifty_thousand_items().encode(), 1, "file too large"),
    "days-in-words": (_days_in_words().encode(), 58, "wrong type"),
    "complex-key": (b"? [a, b]\n: c\n", 1, "plain scalar"),
    "impossible-date": (b"x: 2024-13-45\n", 1, "invalid value"),
}


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_bad_checklist_is_refused_at_its_line(tmp_path, case):
    data, line, words = YAML_CASES[case]
    path = tmp_path / f"{case}.yaml"
    path.write_bytes(data)
    with pytest.raises(ChecklistError) as err:
        load_checklist(path)
    assert len(err.value.problems) == 1
    assert re.match(rf"{re.escape(str(path))}:{line}:\d+: ", err.value.problems[0]), \
        err.value.problems
    assert words in err.value.problems[0]


@pytest.mark.parametrize("case", ["nul-byte", "alias-bomb", "days-in-words", "not-utf8"])
def test_checklist_validate_exits_2_with_one_line(tmp_path, case):
    data, line, words = YAML_CASES[case]
    path = tmp_path / f"{case}.yaml"
    path.write_bytes(data)
    result = run_cli("checklist", "validate", str(path))
    assert result.code == 2 and "Traceback" not in result.stderr + result.stdout
    lines = [x for x in result.stdout.splitlines() if str(path) in x]
    assert len(lines) == 1 and f"{path}:{line}:" in lines[0] and words in lines[0]


def test_units_file_alias_bomb_is_refused(tmp_path):
    from reports.units import UnitsError, load_units

    path = tmp_path / "units.yaml"
    path.write_text(_alias_bomb(), encoding="utf-8")
    with pytest.raises(UnitsError) as err:
        load_units(path)
    assert f"{path}:4:" in err.value.problems[0]
