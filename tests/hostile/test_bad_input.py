"""Bad input is refused cleanly (issue 12): each case exits 2 with a one-line error that
gives the position, and no traceback."""

from __future__ import annotations

import re

import pytest

from checklists.loader import ChecklistError, load_checklist
from tests.conftest import run_main
from tests.hostile.cases import yaml_cases

YAML_CASES = yaml_cases()


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
    for lang in ("th", "en"):  # the words (English) in English; one line in either
        result = run_main("checklist", "validate", str(path), "--lang", lang)
        assert result.code == 2 and "Traceback" not in result.stderr + result.stdout
        lines = [x for x in result.stdout.splitlines() if str(path) in x]
        assert len(lines) == 1 and f"{path}:{line}:" in lines[0]
    assert words in lines[0]


def test_units_file_alias_bomb_is_refused(tmp_path):
    from reports.units import UnitsError, load_units

    path = tmp_path / "units.yaml"
    path.write_bytes(YAML_CASES["alias-bomb"][0])
    with pytest.raises(UnitsError) as err:
        load_units(path)
    assert f"{path}:4:" in err.value.problems[0]
