"""The office's units file: validated with file:line positions, applied to any report."""

from __future__ import annotations

import copy

import pytest

from reports.units import UnitsError, apply_units_file, load_units

GOOD = """\
units:
  pr: {th: งานประชาสัมพันธ์, en: Public relations}
  finance: {th: กลุ่มการเงิน}
items:
  O7: pr
  O23: finance
"""


def write(tmp_path, text: str):
    path = tmp_path / "units.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_apply_renames_units_and_moves_items(tmp_path, demo_report):
    before = copy.deepcopy(demo_report)
    report = apply_units_file(demo_report, write(tmp_path, GOOD))
    assert demo_report == before  # the input is not changed
    items = {i["code"]: i for i in report["items"]}
    assert (items["O7"]["owner_id"], items["O7"]["owner"], items["O7"]["owner_en"]) == (
        "pr", "งานประชาสัมพันธ์", "Public relations")
    assert items["O23"]["owner"] == "กลุ่มการเงิน" and items["O23"]["owner_en"] == "กลุ่มการเงิน"
    assert items["O18"]["owner"] == "กลุ่มการเงิน"  # renamed unit, item not listed
    assert items["O1"]["owner_id"] == "ict"  # untouched
    assert report["units"]["pr"] == {"th": "งานประชาสัมพันธ์", "en": "Public relations"}
    assert report["units_file"].endswith("units.yaml")


def test_no_file_leaves_the_report_alone(demo_report):
    assert apply_units_file(demo_report, None) is demo_report


@pytest.mark.parametrize("text, position, words", [
    ("units:\n  pr: {en: PR}\n", ":2:", "th"),
    ("units:\n  pr: {th: ประชาสัมพันธ์, colour: red}\n", ":2:", "colour"),
    ("unit:\n  pr: {th: ก}\n", ":1:", "unit"),
    ("items:\n  O7: [pr]\n", ":2:", "รหัสหน่วยงาน"),
    ("units:\n  'p r': {th: ก}\n", ":2:", "รหัสหน่วยงาน"),
    ("units: [a, b]\n", ":1:", "mapping"),
    ("units:\n  pr: {th: ก\n", ":", "YAML"),
])
def test_structure_errors_name_the_line(tmp_path, text, position, words):
    with pytest.raises(UnitsError) as exc:
        load_units(write(tmp_path, text))
    problem = exc.value.problems[0]
    assert "units.yaml" + position in problem and words in problem, problem


def test_unknown_item_or_unit_is_an_error_at_its_line(tmp_path, demo_report):
    path = write(tmp_path, "units:\n  pr: {th: ก}\nitems:\n  O99: pr\n  O7: nobody\n")
    with pytest.raises(UnitsError) as exc:
        apply_units_file(demo_report, path)
    first, second = exc.value.problems
    assert "units.yaml:4:" in first and "O99" in first
    assert "units.yaml:5:" in second and "nobody" in second


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(UnitsError, match="อ่านไฟล์หน่วยงานไม่ได้"):
        load_units(tmp_path / "nope.yaml")
