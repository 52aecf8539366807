"""Checklist YAML is data users edit: every error points to file:line:col."""

from __future__ import annotations

import pytest

from checklists.loader import builtin_checklists, load_checklist
from tests.checklists.helpers import problems_of, write


@pytest.mark.parametrize("cid", ["nacc-oit-2565", "nacc-oit-2566", "nacc-oit-2567"])
def test_43_item_checklists_load(cid):
    checklist = load_checklist(cid)
    assert len(checklist.items) == 43
    indicator9 = [i for i in checklist.items if i.indicator == 9]
    assert len(indicator9) in (33, 30)  # 2565: O1-O33; 2566: O1-O30
    assert {i.subindicator for i in indicator9} == {"9.1", "9.2", "9.3", "9.4", "9.5"}


@pytest.mark.parametrize("cid", sorted(builtin_checklists()))
def test_every_shipped_checklist_loads_and_states_where_it_comes_from(cid):
    checklist = load_checklist(cid)
    assert checklist.id == cid and checklist.family and 2560 < checklist.framework_year < 2600
    assert all(i.owner in checklist.units for i in checklist.items)
    assert 9 in {i.indicator for i in checklist.items} <= {9, 10}
    if checklist.provisional:  # a provisional list names where its contents come from
        assert checklist.sources
    if checklist.extends:  # a new year's list says what changed
        base = load_checklist(checklist.extends)
        if base.framework_year != checklist.framework_year:
            assert checklist.changes


def test_shipped_checklists_validated_together_read_each_file_once(monkeypatch):
    """Validating every shipped checklist at once (what the plain-data cache keeps) reads and
    merges each file once, however many lists extend it, and gives what validating each
    list alone gives."""
    from checklists import loader

    alone = {cid: loader._validated(path) for cid, path in builtin_checklists().items()}
    reads: list[str] = []
    real = loader.read_yaml

    def counted(path, *args):
        reads.append(path.name)
        return real(path, *args)

    monkeypatch.setattr(loader, "read_yaml", counted)
    together = loader._validate_builtins()
    assert sorted(reads) == sorted(path.name for path in builtin_checklists().values())
    assert together == {cid: {"data": data, "meta": meta} for cid, (data, meta) in alone.items()}


def test_2565_items_follow_the_reference():
    c = load_checklist("nacc-oit-2565")
    by_code = {i.code: i for i in c.items}
    assert by_code["O23"].freshness.rule == "monthly_coverage"
    assert by_code["O11"].freshness.rule == "six_month_round"
    assert by_code["O12"].freshness.rule == "previous_fiscal_year"
    assert by_code["O30"].reachability.rule == "from_home"
    assert by_code["O23"].owner == "finance" and by_code["O30"].owner == "legal"
    assert [b.label for b in c.scale] == ["AA", "A", "B", "C", "D", "E", "F"]


def test_codes_differ_between_frameworks():
    old = {i.code: i.title_th for i in load_checklist("nacc-oit-2565").items}
    new = {i.code: i.title_th for i in load_checklist("nacc-oit-2566").items}
    assert old["O10"] == "แผนดำเนินงานประจำปี"
    assert new["O10"] == "นโยบายคุ้มครองข้อมูลส่วนบุคคล"
    assert new["O21"] == old["O23"]  # the monthly procurement summary moved


BASE = """id: t
version: "1"
family: test
framework_year: 2565
title_th: ทดสอบ
scale: [{label: A, min: 0}]
units: {u: {th: กลุ่ม}}
items:
  - code: O1
    subindicator: "9.1"
    title_th: โครงสร้าง
    title_en: Structure
    owner: u
"""



def test_minimal_checklist_gets_defaults(tmp_path):
    c = load_checklist(write(tmp_path, BASE))
    item = c.items[0]
    assert item.find.codes == ("O1",)
    assert item.freshness.rule == "none" and item.reachability.rule == "any"


@pytest.mark.parametrize(("text", "where", "words"), [
    (BASE + "  - code: [unclosed\n", ":15:", ("YAML",)),  # malformed YAML: its position
    (BASE + "    colour: red\n", ":14:5:", ("colour", "unknown key")),  # the key itself
    (BASE.replace("    owner: u\n", ""), ":9:", ("owner", "missing field")),  # named
    (BASE + "    freshness: {rule: montly_coverage}\n", ":14:",  # known rules listed
     ("montly_coverage", "monthly_coverage")),
], ids=["malformed-yaml", "unknown-key", "missing-field", "bad-rule-name"])
def test_one_problem_points_to_its_position(tmp_path, text, where, words):
    path = write(tmp_path, text)
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}{where}")
    assert all(word in problem for word in words), problem


@pytest.mark.parametrize("value", ["3", "true", "O1", "{O1: x}", "null"])
def test_items_of_the_wrong_kind_point_to_their_line(tmp_path, value):
    # `items: 3` once crashed the loader ("'int' object is not iterable") before validation
    head = BASE[:BASE.index("items:")]
    path = write(tmp_path, f"{head}items: {value}\n")
    problems = problems_of(path)
    assert problems and all(p.startswith(f"{path}:") for p in problems), problems
    assert any(p.startswith(f"{path}:8:") and "items" in p for p in problems), problems


def test_bad_rule_parameter_and_unit_reported_together(tmp_path):
    text = BASE.replace("owner: u", "owner: nobody") + "    freshness: {rule: none, days: 3}\n"
    problems = problems_of(write(tmp_path, text))
    assert len(problems) == 2
    assert any("nobody" in p for p in problems) and any("days" in p for p in problems)


def test_duplicate_key_is_an_error(tmp_path):
    path = write(tmp_path, BASE + "    owner: u\n")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:14:") and "duplicate" in problem


def test_extends_remaps_units_and_adds_link_texts(tmp_path):
    path = write(tmp_path, """extends: nacc-oit-2565
units:
  finance: {th: กลุ่มการเงิน สพม.ตัวอย่าง}
items:
  O23:
    find:
      link_texts: [รายงาน สขร. ประจำเดือน]
""")
    c = load_checklist(path)
    assert c.id == "nacc-oit-2565+local"
    assert c.unit("finance").th == "กลุ่มการเงิน สพม.ตัวอย่าง"
    o23 = next(i for i in c.items if i.code == "O23")
    assert "รายงาน สขร. ประจำเดือน" in o23.find.link_texts
    assert "สขร.1" in o23.find.link_texts  # the default's texts are kept




def test_missing_file_names_builtin_ids(tmp_path):
    (problem,) = problems_of(tmp_path / "nope.yaml")
    assert "nacc-oit-2565" in problem
