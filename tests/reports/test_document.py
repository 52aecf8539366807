"""reports/report.schema.json describes the typed report document (reports/document.py): the
same keys at every level, the same required keys, compatible JSON types and the same enums.
A key added to one and not the other fails here with its path."""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints, is_typeddict

from reports.document import Report
from reports.schema import report_problems, report_schema

PY_TO_JSON = {str: "string", int: "integer", float: "number", bool: "boolean",
              type(None): "null"}


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = _at(node["$ref"])
    return node


def _at(ref: str) -> dict[str, Any]:
    node: Any = report_schema()
    for part in ref.removeprefix("#/").split("/"):
        node = node[part] if part != "#" else node
    return node


def _alternatives(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The schemas a value may match: refs followed, oneOf/anyOf flattened, allOf merged."""
    node = _resolve(node)
    for key in ("oneOf", "anyOf"):
        if key in node:
            return [alt for sub in node[key] for alt in _alternatives(sub)]
    if "allOf" in node and "type" not in node and "properties" not in node:
        first, *rest = node["allOf"]
        merged = dict(_resolve(first))
        merged["required"] = sorted({*merged.get("required", []),
                                     *(r for sub in rest for r in sub.get("required", []))})
        return [merged]
    return [node]


def _schema_types(node: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for alt in _alternatives(node):
        if "type" in alt:
            out |= {alt["type"]} if isinstance(alt["type"], str) else set(alt["type"])
        elif "const" in alt:
            out.add(PY_TO_JSON[type(alt["const"])])
        elif "enum" in alt:
            out |= {PY_TO_JSON[type(v)] for v in alt["enum"]}
        elif "properties" in alt:
            out.add("object")
    return out


def _parts(tp: Any) -> list[Any]:
    return list(get_args(tp)) if get_origin(tp) in (Union, types.UnionType) else [tp]


def _json_types(tp: Any) -> set[str] | None:
    """JSON types of a Python annotation (None: anything)."""
    out: set[str] = set()
    for part in _parts(tp):
        origin = get_origin(part)
        if part is Any:
            return None
        if origin is Literal:
            out |= {PY_TO_JSON[type(v)] for v in get_args(part)}
        elif is_typeddict(part) or part is dict or origin is dict:
            out.add("object")
        elif origin is list:
            out.add("array")
        else:
            out.add(PY_TO_JSON[part])
    return out


def _literals(node: dict[str, Any]) -> set[Any] | None:
    values: set[Any] = set()
    for alt in _alternatives(node):
        if "const" in alt:
            values.add(alt["const"])
        elif "enum" in alt:
            values |= set(alt["enum"])
        elif alt.get("type") != "null":
            return None
    return values


def _compare(tp: Any, node: dict[str, Any], path: str, problems: list[str]) -> None:
    typed, described = _json_types(tp), _schema_types(node)
    if typed is not None and described:
        loose = typed - described - ({"integer"} if "number" in described else set())
        if loose:
            problems.append(f"{path}: typed {sorted(typed)}, schema {sorted(described)}")
    for part in _parts(tp):
        origin = get_origin(part)
        if origin is Literal:
            values = _literals(node)
            if values is not None and values != set(get_args(part)):
                problems.append(f"{path}: typed {get_args(part)}, schema enum {values}")
        elif is_typeddict(part):
            objects = [a for a in _alternatives(node) if "properties" in a]
            if not objects:
                problems.append(f"{path}: typed keys, the schema lists none")
            else:
                _compare_keys(part, objects[0], path, problems)
        elif origin is list:
            arrays = [a for a in _alternatives(node) if "items" in a]
            if arrays:
                _compare(get_args(part)[0], arrays[0]["items"], f"{path}/[]", problems)
            elif is_typeddict(get_args(part)[0]):
                problems.append(f"{path}: typed list of objects, the schema has no items")
        elif origin is dict and get_args(part)[1] is not Any:
            maps = [a for a in _alternatives(node) if isinstance(a.get("additionalProperties"),
                                                                  dict)]
            if maps:
                _compare(get_args(part)[1], maps[0]["additionalProperties"], f"{path}/*",
                         problems)


def _compare_keys(td: Any, node: dict[str, Any], path: str, problems: list[str]) -> None:
    hints = get_type_hints(td)
    described = node.get("properties", {})
    for key in sorted(set(hints) - set(described)):
        problems.append(f"{path}/{key}: typed, not in the schema")
    for key in sorted(set(described) - set(hints)):
        problems.append(f"{path}/{key}: in the schema, not typed")
    required = set(node.get("required", []))
    if required != set(td.__required_keys__):
        problems.append(f"{path}: required in the schema {sorted(required)}, typed as "
                        f"required {sorted(td.__required_keys__)}")
    for key in sorted(set(hints) & set(described)):
        _compare(hints[key], described[key], f"{path}/{key}", problems)


def test_the_schema_describes_the_typed_document():
    problems: list[str] = []
    _compare_keys(Report, report_schema(), "", problems)
    assert problems == []


def test_the_comparison_notices_a_key_the_schema_lacks():
    """The check itself: a typed key the schema does not have is named with its path."""
    class Extra(Report, total=False):
        extra_key: int

    problems: list[str] = []
    _compare_keys(Extra, report_schema(), "", problems)
    assert problems == ["/extra_key: typed, not in the schema"]


def test_the_demo_report_matches_both(demo_report):
    assert report_problems(demo_report) == []
    hints = get_type_hints(Report)
    assert set(demo_report) <= set(hints)
    assert set(Report.__required_keys__) <= set(demo_report)
    for item in demo_report["items"]:
        assert set(item) <= set(get_type_hints(typing.get_args(hints["items"])[0]))
