"""Load, merge (``extends:``) and validate checklist YAML into a :class:`Checklist`.

Every problem is reported as ``file:line:col: at <path>: what is wrong``, and all problems of a
file are reported together, so a user fixes them in one pass.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonschema

from checklists import freshness, reachability
from checklists.model import Band, Checklist, FindSpec, Item, RuleSpec, Unit
from checklists.schema import BASE_SCHEMA, OVERLAY_SCHEMA
from checklists.vocabulary import DEFAULT_CHECKLIST
from checklists.yamlmarks import Mark, YamlSyntaxError, load_with_marks, nearest_mark

DATA_DIR = Path(__file__).with_name("data")
_LIST_KEYS = ("codes", "link_texts", "url_words", "keywords", "exclude")


class ChecklistError(Exception):
    """One or more problems in a checklist file, each with its file position."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def builtin_checklists() -> dict[str, Path]:
    """The checklists shipped with the tool, by id."""
    return {p.stem: p for p in sorted(DATA_DIR.glob("*.yaml"))}


def resolve(ref: str | Path, relative_to: Path | None = None) -> Path:
    """A checklist path from a built-in id or a file path."""
    text = str(ref)
    if text in builtin_checklists():
        return builtin_checklists()[text]
    path = Path(text)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    if not path.is_file():
        known = ", ".join(builtin_checklists())
        raise ChecklistError(
            [f"{text}: ไม่พบไฟล์ checklist (checklist file not found); built-in ids: {known}"]
        )
    return path


def load_checklist(ref: str | Path = DEFAULT_CHECKLIST) -> Checklist:
    """Load and validate a checklist by built-in id or path."""
    path = resolve(ref)
    data, marks = _load_merged(path, seen=())
    problems = _validate(data, marks, BASE_SCHEMA)
    if not problems:
        problems = _check_references(data, marks)
    if problems:
        raise ChecklistError(problems)
    return _build(data, str(path))


def _read(path: Path) -> tuple[Any, dict[tuple[Any, ...], Mark]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChecklistError([f"{path}: อ่านไฟล์ไม่ได้ (cannot read file): {exc}"]) from None
    try:
        data, marks = load_with_marks(text, str(path))
    except YamlSyntaxError as exc:
        raise ChecklistError([f"{exc.mark}: YAML ไม่ถูกต้อง (invalid YAML): {exc.message}"]) \
            from None
    if not isinstance(data, dict):
        raise ChecklistError([f"{path}:1:1: ต้องเป็น mapping (expected a mapping at top level)"])
    return data, marks


def _load_merged(path: Path, seen: tuple[Path, ...]) -> tuple[dict, dict]:
    data, marks = _read(path)
    if "extends" not in data:
        return data, marks
    problems = _validate(data, marks, OVERLAY_SCHEMA)
    if problems:
        raise ChecklistError(problems)
    base_path = resolve(data["extends"], relative_to=path.parent)
    if base_path.resolve() in seen:
        raise ChecklistError([f"{nearest_mark(marks, ('extends',))}: extends loops back"])
    base, base_marks = _load_merged(base_path, (*seen, path.resolve()))
    return _merge(base, base_marks, data, marks)


def _merge(base: dict, bmarks: dict, over: dict, omarks: dict) -> tuple[dict, dict]:
    """Apply an overlay: scalars replace, ``find`` lists append, units merge."""
    out, marks = copy.deepcopy(base), dict(bmarks)
    for key in ("id", "version", "title_th", "title_en"):
        if key in over:
            out[key] = over[key]
            marks[(key,)] = omarks[(key,)]
    if "id" not in over:
        out["id"] = f"{base['id']}+local"
    for unit_id, unit in over.get("units", {}).items():
        merged = {**out.get("units", {}).get(unit_id, {}), **unit}
        out.setdefault("units", {})[unit_id] = merged
        for k in unit:
            marks[("units", unit_id, k)] = omarks[("units", unit_id, k)]
    index = {item.get("code"): i for i, item in enumerate(out.get("items", []))}
    problems = []
    for code, patch in over.get("items", {}).items():
        if code not in index:
            problems.append(
                f"{nearest_mark(omarks, ('items', code))}: at items.{code}: ไม่มีข้อนี้ใน "
                f"checklist ที่ extends (no item {code!r} in the base checklist)"
            )
            continue
        i = index[code]
        item = out["items"][i]
        for key, value in patch.items():
            if key == "find":
                find = item.setdefault("find", {})
                for fkey, values in value.items():
                    find[fkey] = list(find.get(fkey, [])) + list(values)
            else:
                item[key] = value
            for path, mark in omarks.items():
                if path[:3] == ("items", code, key):
                    marks[("items", i, *path[2:])] = mark
    if problems:
        raise ChecklistError(problems)
    return out, marks


def _validate(data: Any, marks: dict, schema: dict) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path))):
        path = tuple(err.absolute_path)
        where = ".".join(str(p) for p in path) or "(top level)"
        message = err.message
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            mark = nearest_mark(marks, (*path, extra[0])) if extra else nearest_mark(marks, path)
            allowed = ", ".join(err.schema.get("properties", {}))
            message = f"ไม่รู้จักคีย์ (unknown key) {', '.join(extra)}; allowed: {allowed}"
        else:
            mark = nearest_mark(marks, path)
            if err.validator == "required":
                message = f"ขาดฟิลด์ที่ต้องมี (missing field): {message}"
        problems.append(f"{mark}: at {where}: {message}")
    return problems


def _check_references(data: dict, marks: dict) -> list[str]:
    problems, seen = [], {}
    units = data.get("units", {})
    for i, item in enumerate(data["items"]):
        code = item["code"]
        if code in seen:
            problems.append(f"{nearest_mark(marks, ('items', i, 'code'))}: at items.{i}.code: "
                            f"รหัสซ้ำ (duplicate code) {code!r}, first at item {seen[code]}")
        seen[code] = i
        if item["owner"] not in units:
            problems.append(f"{nearest_mark(marks, ('items', i, 'owner'))}: at items.{i}.owner: "
                            f"ไม่รู้จักหน่วยงาน (unknown unit) {item['owner']!r}; "
                            f"known: {', '.join(units)}")
        for key, registry in (("freshness", freshness.RULES), ("reachability",
                                                              reachability.RULES)):
            spec = item.get(key)
            if not spec:
                continue
            name = spec["rule"]
            if name not in registry:
                problems.append(f"{nearest_mark(marks, ('items', i, key, 'rule'))}: "
                                f"at items.{i}.{key}.rule: ไม่รู้จักกฎ (unknown rule) {name!r}; "
                                f"known: {', '.join(registry)}")
                continue
            allowed = _params_of(key, name)
            for param in spec:
                if param != "rule" and param not in allowed:
                    problems.append(f"{nearest_mark(marks, ('items', i, key, param))}: "
                                    f"at items.{i}.{key}.{param}: ไม่รู้จักพารามิเตอร์ "
                                    f"(unknown parameter) for {name}; allowed: "
                                    f"{', '.join(allowed) or '(none)'}")
    return problems


def _params_of(key: str, name: str) -> dict[str, Any]:
    if key == "freshness":
        return dict(freshness.RULES[name].PARAMS)
    return dict(reachability.RULES[name])


def _rule(spec: dict | None, default: str) -> RuleSpec:
    spec = dict(spec or {"rule": default})
    return RuleSpec(spec.pop("rule"), spec)


def _build(data: dict, source: str) -> Checklist:
    items = []
    for raw in data["items"]:
        find = raw.get("find", {})
        items.append(Item(
            code=raw["code"],
            subindicator=raw["subindicator"],
            title_th=raw["title_th"],
            title_en=raw["title_en"],
            requires_th=raw.get("requires_th", ""),
            requires_en=raw.get("requires_en", ""),
            owner=raw["owner"],
            find=FindSpec(
                codes=tuple(find.get("codes") or [raw["code"]]),
                **{k: tuple(find.get(k, [])) for k in _LIST_KEYS if k != "codes"},
            ),
            freshness=_rule(raw.get("freshness"), "none"),
            reachability=_rule(raw.get("reachability"), "any"),
            notes=raw.get("notes", ""),
        ))
    return Checklist(
        id=data["id"],
        version=str(data["version"]),
        family=data["family"],
        framework_year=data["framework_year"],
        title_th=data["title_th"],
        title_en=data.get("title_en", data["title_th"]),
        scale=tuple(Band(b["label"], b.get("label_en", b["label"]), float(b["min"]))
                    for b in data["scale"]),
        pass_score=float(data.get("pass_score", 85)),
        units={k: Unit(k, v["th"], v.get("en", v["th"])) for k, v in data["units"].items()},
        subindicators={k: {"th": v["th"], "en": v.get("en", v["th"])}
                       for k, v in data.get("subindicators", {}).items()},
        items=tuple(items),
        source=source,
    )
