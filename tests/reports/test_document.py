"""reports/report.schema.json describes the typed report document (reports/document.py): the
same keys at every level, the same required keys, compatible JSON types and the same enums;
and real reports (the checked-in demo report, a site that could not be judged) have no key
the types do not name.  A key added to one and not the others fails here with its path."""

from __future__ import annotations

import types
from datetime import date
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints, is_typeddict

from checklists.engine import audit
from checklists.loader import load_checklist
from checklists.site.snapshot import CrawlInfo, Snapshot
from checklists.vocabulary import DEFAULT_CHECKLIST
from reports.build import report_document
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


def _untyped(value: Any, tp: Any, path: str) -> list[str]:
    """Where ``value`` has a key its type does not name or lacks a required one, or a value
    of another JSON type (the built document against ``reports/document.py``)."""
    out: list[str] = []
    parts = _parts(tp)
    if Any in parts:
        return out
    if value is None:
        return [] if type(None) in parts else [f"{path}: null"]
    if isinstance(value, dict):
        typed = [p for p in parts if is_typeddict(p)]
        if typed:
            hints = get_type_hints(typed[0])
            out += [f"{path}/{k}: not typed" for k in value if k not in hints]
            out += [f"{path}/{k}: required, missing" for k in typed[0].__required_keys__
                    if k not in value]
            for key, sub in value.items():
                if key in hints:
                    out += _untyped(sub, hints[key], f"{path}/{key}")
        else:
            maps = [p for p in parts if get_origin(p) is dict]
            for key, sub in value.items():
                if maps and get_args(maps[0]):
                    out += _untyped(sub, get_args(maps[0])[1], f"{path}/{key}")
        return out
    if isinstance(value, list):
        lists = [p for p in parts if get_origin(p) is list]
        for n, sub in enumerate(value):
            out += _untyped(sub, get_args(lists[0])[0], f"{path}/{n}") if lists else []
        return out
    allowed = _json_types(tp) or set()
    kind = PY_TO_JSON.get(type(value), "?")
    if kind not in allowed and not (kind == "integer" and "number" in allowed):
        out.append(f"{path}: {kind}, typed {sorted(allowed)}")
    return out


def test_the_demo_report_matches_both(demo_report):
    """The checked-in demo report (a real audit): valid against the schema, and every key
    at every level typed, with the types it is typed as."""
    assert report_problems(demo_report) == []
    assert _untyped(demo_report, Report, "") == []


def test_a_site_that_could_not_be_judged_matches_both():
    snapshot = Snapshot([], CrawlInfo(start_url="http://down.example/"))
    verdicts = audit(load_checklist(DEFAULT_CHECKLIST), snapshot, date(2026, 5, 15))
    report = report_document(verdicts, snapshot)
    assert report["status"] == "site_unreachable" and report["items"] == []
    assert report_problems(report) == []
    assert _untyped(report, Report, "") == []


def test_the_type_check_notices_an_untyped_key(demo_report):
    report = {**demo_report, "crawl": {**demo_report["crawl"], "surprise": 1}}
    assert _untyped(report, Report, "") == ["/crawl/surprise: not typed"]
