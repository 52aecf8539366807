"""Load, merge (``extends:``) and validate checklist YAML into a :class:`Checklist`.

Every problem is reported as ``file:line:col: at <path>: what is wrong``, and all problems of a
file are reported together, so a user fixes them in one pass.
"""

from __future__ import annotations

import copy
import importlib
from functools import cache
from pathlib import Path
from typing import Any

from checklists import freshness, reachability
from checklists.model import (
    Band,
    Change,
    Checklist,
    FindSpec,
    Item,
    RuleSpec,
    Scoring,
    Source,
    Unit,
)
from checklists.plaincache import files_key, remembered
from checklists.schema import BASE_SCHEMA, OVERLAY_REPLACES, OVERLAY_SCHEMA, SCORING_DEFAULTS
from checklists.vocabulary import DEFAULT_CHECKLIST
from checklists.words import both, example, expected, listed
from checklists.yamlmarks import FileProblems, Mark, nearest_mark, read_user_yaml

DATA_DIR = Path(__file__).with_name("data")
AUTO_CHECKLIST = "auto"  # --checklist auto: loads as the default until the site is read
TOPICS_FILE = "topics.yaml"  # the topic map beside the checklists (checklists/topics.py)
_LIST_KEYS = ("codes", "link_texts", "url_words", "keywords", "exclude")


class ChecklistError(FileProblems):
    """One or more problems in a checklist file, each with its file position."""


class UnknownChecklist(ChecklistError):
    """A checklist reference that is neither a built-in id nor an existing file."""

    def __init__(self, ref: str, known: list[str]) -> None:
        super().__init__([f"{ref}: {both('checklist_file', 'not_found')}; "
                          f"{listed('known', known)}"])
        self.ref = ref
        self.known = known

    def message(self) -> str:
        """What a user typing ``--checklist REF`` needs to read: the ids, the closest one."""
        import difflib

        close = difflib.get_close_matches(self.ref, self.known, n=1, cutoff=0.6)
        hint = " " + both("checklist_file", "did_you_mean", close=close[0]) if close else ""
        return both("checklist_file", "unknown", ref=self.ref, hint=hint,
                    known=", ".join(self.known))


def builtin_checklists() -> dict[str, Path]:
    """The checklists shipped with the tool, by id."""
    return {p.stem: p for p in sorted(DATA_DIR.glob("*.yaml")) if p.name != TOPICS_FILE}


def resolve(ref: str | Path, relative_to: Path | None = None) -> Path:
    """A checklist path from a built-in id, a bare year (``2569``: the NACC list of that year)
    or a file path."""
    text = str(ref)
    if text == AUTO_CHECKLIST:  # the crawl needs one; the audit picks (checklists.framework)
        text = DEFAULT_CHECKLIST
    if text.isdigit() and f"nacc-oit-{text}" in builtin_checklists():
        text = f"nacc-oit-{text}"
    if text in builtin_checklists():
        return builtin_checklists()[text]
    path = Path(text)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    if not path.is_file():
        raise UnknownChecklist(text, list(builtin_checklists()))
    return path


def load_checklist(ref: str | Path = DEFAULT_CHECKLIST) -> Checklist:
    """Load and validate a checklist by built-in id or path (a shipped checklist is read from
    the plain-data cache once it has been validated: :func:`validated_builtins`)."""
    path = resolve(ref)
    kept = validated_builtins().get(path.stem) if path.parent == DATA_DIR else None
    # a copy: the checklist built from it must not share dictionaries with the next one
    data, meta = copy.deepcopy((kept["data"], kept["meta"])) if kept else _validated(path)
    return _build(data, str(path), meta)


def _validated(path: Path, merged: dict[Path, tuple[dict, dict, dict]] | None = None
               ) -> tuple[dict, dict]:
    """The checklist file's data, merged with its ``extends:`` chain and validated, and what
    the merge changed (``merged``: see :func:`_load_merged`)."""
    data, marks, meta = _load_merged(path, seen=(), merged=merged)
    problems = schema_problems(data, marks, BASE_SCHEMA)
    if not problems:
        problems = _check_references(data, marks) + _check_overlay(data, marks, meta)
    if problems:
        raise ChecklistError(problems)
    return data, meta


def code_files() -> list[Path]:
    """The modules that read and validate checklist data (their changes change the cache key)."""
    here = Path(__file__).parent
    return [*here.glob("*.py"), *(here / "freshness").glob("*.py")]


def validated_builtins() -> dict[str, dict]:
    """Every shipped checklist that validates, as plain data (``data`` and ``meta`` by id),
    kept in the plain-data cache under a key of the data files and this code
    (:mod:`checklists.plaincache`); a checklist that does not validate is not kept, so that
    loading it reports its own problems."""
    key = files_key([*DATA_DIR.glob("*.yaml"), *code_files()])
    return _validated_builtins(key)


@cache
def _validated_builtins(key: str) -> dict[str, dict]:
    return remembered("checklists", key, _validate_builtins)


def _validate_builtins() -> dict[str, dict]:
    out = {}
    # each file read and merged once: eight of the twelve shipped checklists extend
    # nacc-oit-2565 (40 KB) through chains of up to four files, each chain read and merged
    # again for every file on it (a first audit with a new cache, issue 13)
    merged: dict[Path, tuple[dict, dict, dict]] = {}
    for cid, path in builtin_checklists().items():
        try:
            data, meta = _validated(path, merged)
        except ChecklistError:
            continue
        out[cid] = {"data": data, "meta": meta}
    return out


def read_yaml(path: Path, error: type[ChecklistError] = ChecklistError
              ) -> tuple[Any, dict[tuple[Any, ...], Mark]]:
    """A YAML mapping with the file position of every node; ``error`` on any problem."""
    data, marks = read_user_yaml(path, error)
    if not isinstance(data, dict):
        raise error([f"{path}:1:1: {both('checklist_file', 'top_mapping')}"])
    return data, marks


def _load_merged(path: Path, seen: tuple[Path, ...],
                 merged: dict[Path, tuple[dict, dict, dict]] | None = None
                 ) -> tuple[dict, dict, dict]:
    """The file's data with its ``extends:`` chain applied, its marks, and what it changed;
    with ``merged``, each file's result is kept there and given again (the same objects:
    :func:`_merge` copies a base before it changes anything, and validating reads only)."""
    if merged is None:
        return _read_merged(path, seen, None)
    key = path.resolve()
    if key not in merged:
        merged[key] = _read_merged(path, seen, merged)
    return merged[key]


def _read_merged(path: Path, seen: tuple[Path, ...],
                 merged: dict[Path, tuple[dict, dict, dict]] | None
                 ) -> tuple[dict, dict, dict]:
    data, marks = read_yaml(path)
    if "extends" not in data:
        default = data.get("provisional", False)
        items = data.get("items")
        for item in items if isinstance(items, list) else ():  # the schema reports others
            if isinstance(item, dict):
                item.setdefault("provisional", default)
        return data, marks, {"extends": "", "removed": [], "origins": {}, "base_year": None}
    problems = schema_problems(data, marks, OVERLAY_SCHEMA)
    if problems:
        raise ChecklistError(problems)
    try:
        base_path = resolve(data["extends"], relative_to=path.parent)
    except UnknownChecklist as exc:  # a problem of this file: say where
        raise ChecklistError([f"{nearest_mark(marks, ('extends',))}: extends: "
                              f"{exc.problems[0]}"]) from None
    if base_path.resolve() in seen:
        raise ChecklistError([f"{nearest_mark(marks, ('extends',))}: extends loops back"])
    base, base_marks, _ = _load_merged(base_path, (*seen, path.resolve()), merged)
    return _merge(base, base_marks, data, marks)


def _natural(code: str) -> tuple[str, int]:
    """Sort key of an item code: ``O2`` before ``O10``, ``MOIT 3`` after ``MOIT 2``."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return "".join(ch for ch in code if not ch.isdigit()).strip().upper(), int(digits or 0)


def _merge(base: dict, bmarks: dict, over: dict, omarks: dict) -> tuple[dict, dict, dict]:
    """Apply an overlay: top-level values replace, units/subindicators/sources merge, items are
    patched, renumbered (``from:``), added (``from: new``) or dropped (``remove:``)."""
    out = copy.deepcopy(base)
    marks = {k: v for k, v in bmarks.items() if not k or k[0] != "items"}
    out.pop("changes", None)  # a file's changes describe that file only
    for key in OVERLAY_REPLACES:
        if key in over:
            out[key] = over[key]
            marks.update({k: v for k, v in omarks.items() if k[:1] == (key,)})
    if "id" not in over:
        out["id"] = f"{base['id']}+local"
    for section in ("units", "subindicators", "sources"):
        for key, value in over.get(section, {}).items():
            out.setdefault(section, {})[key] = {**out.get(section, {}).get(key, {}), **value}
            marks.update({k: v for k, v in omarks.items() if k[:2] == (section, key)})
    base_items = out.get("items", [])
    index = {item.get("code"): i for i, item in enumerate(base_items)}
    patches: dict[str, dict] = over.get("items", {})
    removed = list(over.get("remove", []))
    origins = {code: p["from"] for code, p in patches.items() if p.get("from") not in (None, "new")}
    problems = _overlay_problems(base_items, index, patches, removed, origins, omarks)
    if problems:
        raise ChecklistError(problems)
    built: list[tuple[dict, dict]] = []  # (item, its marks relative to the item)
    taken = set(removed) | set(origins.values()) | set(patches)
    for i, item in enumerate(base_items):
        if item["code"] not in taken:
            built.append((item, _relative(bmarks, ("items", i))))
    for code, patch in patches.items():
        src = patch.get("from", code)
        item = {} if src == "new" else copy.deepcopy(base_items[index[src]])
        rel = {} if src == "new" else _relative(bmarks, ("items", index[src]))
        if src not in ("new", code):
            item.get("find", {}).pop("codes", None)  # the base's code forms are not this code's
        item["code"] = code
        for key, value in patch.items():
            if key == "from":
                continue
            if key == "find" and src != "new":
                find = item.setdefault("find", {})
                for fkey, values in value.items():
                    find[fkey] = list(find.get(fkey, [])) + list(values)
            else:
                item[key] = value
        rel.update(_relative(omarks, ("items", code)))
        built.append((item, rel))
    if "provisional" in over:  # the file's default for every item it does not decide itself
        for item, _ in built:
            if "provisional" not in patches.get(item["code"], {}):
                item["provisional"] = over["provisional"]
    built.sort(key=lambda pair: _natural(pair[0]["code"]))
    out["items"] = []
    for j, (item, rel) in enumerate(built):
        out["items"].append(item)
        marks.update({("items", j, *k): v for k, v in rel.items()})
    meta = {"extends": base["id"], "removed": removed, "origins": origins,
            "base_year": base.get("framework_year")}
    return out, marks, meta


def _relative(marks: dict, prefix: tuple) -> dict:
    n = len(prefix)
    return {k[n:]: v for k, v in marks.items() if k[:n] == prefix}


def _overlay_problems(base_items: list, index: dict, patches: dict, removed: list,
                      origins: dict, omarks: dict) -> list[str]:
    problems = []

    def say(path: tuple, text: str) -> None:
        problems.append(f"{nearest_mark(omarks, path)}: at {'.'.join(map(str, path))}: {text}")

    for k, code in enumerate(removed):
        if code not in index:
            say(("remove", k), both("checklist_file", "no_item", code=code))
        elif code in origins.values():
            say(("remove", k), f"{code} {both('checklist_file', 'renumbered')}")
        elif code in patches and "from" not in patches[code]:
            say(("remove", k), f"{code} {both('checklist_file', 'patched')}")
    for code, src in origins.items():
        if src not in index:
            say(("items", code, "from"), both("checklist_file", "no_source_item", code=src))
    for code, patch in patches.items():
        src = patch.get("from")
        if src is None and code not in index:
            say(("items", code), f"{both('checklist_file', 'no_item', code=code)}; "
                                 f"{both('checklist_file', 'new_item')}")
        if code in index and src is not None and src != code:
            if code not in removed and code not in origins.values():
                title = base_items[index[code]].get("title_th", "")
                say(("items", code), both("checklist_file", "replaced", code=code, title=title))
    return problems


@cache
def _validator_class() -> Any:
    """jsonschema's Draft 2020-12 validator, imported when a checklist file is first
    validated: an audit of the shipped checklists reads them validated from the plain-data
    cache (:mod:`checklists.plaincache`) and never needs it, and its import was a few
    hundredths of a CPU-second of every nightly run (issue 13)."""
    return importlib.import_module("jsonschema").Draft202012Validator


def schema_problems(data: Any, marks: dict, schema: dict) -> list[str]:
    validator = _validator_class()(schema)
    problems = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path))):
        path = tuple(err.absolute_path)
        where = ".".join(str(p) for p in path) or "(top level)"
        message = err.message
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            mark = nearest_mark(marks, (*path, extra[0])) if extra else nearest_mark(marks, path)
            message = f"{both('checklist_file', 'unknown_key')} {', '.join(extra)}; " \
                      f"{listed('allowed', err.schema.get('properties', {}))}"
        else:
            mark = nearest_mark(marks, path)
            if err.validator == "required":
                message = f"{both('checklist_file', 'missing_field')}: {message}"
        problems.append(f"{mark}: at {where}: {message}")
    return problems


def _check_references(data: dict, marks: dict) -> list[str]:
    problems, seen = [], {}
    units = data.get("units", {})
    for i, item in enumerate(data["items"]):
        code = item["code"]
        if code in seen:
            problems.append(f"{nearest_mark(marks, ('items', i, 'code'))}: at items.{i}.code: "
                            f"{both('checklist_file', 'duplicate_code')} {code!r}, "
                            f"{both('checklist_file', 'first_at', n=seen[code])}")
        seen[code] = i
        for k, ref in enumerate(item.get("sources", [])):
            if ref not in data.get("sources", {}):
                problems.append(f"{nearest_mark(marks, ('items', i, 'sources', k))}: "
                                f"at items.{i}.sources.{k}: "
                                f"{both('checklist_file', 'unknown_source')} "
                                f"{ref!r}; {listed('known', data.get('sources', {}))}")
        if item["owner"] not in units:
            problems.append(f"{nearest_mark(marks, ('items', i, 'owner'))}: at items.{i}.owner: "
                            f"{both('checklist_file', 'unknown_unit')} {item['owner']!r}; "
                            f"{listed('known', units)}")
        for key, registry in (("freshness", freshness.RULES), ("reachability",
                                                              reachability.RULES)):
            spec = item.get(key)
            if not spec:
                continue
            name = spec["rule"]
            if name not in registry:
                problems.append(f"{nearest_mark(marks, ('items', i, key, 'rule'))}: "
                                f"at items.{i}.{key}.rule: "
                                f"{both('checklist_file', 'unknown_rule')} {name!r}; "
                                f"{listed('known', registry)}")
                continue
            allowed = _params_of(key, name)
            for param, value in spec.items():
                where = f"{nearest_mark(marks, ('items', i, key, param))}: " \
                        f"at items.{i}.{key}.{param}"
                if param == "rule":
                    continue
                if param not in allowed:
                    problems.append(f"{where}: {both('checklist_file', 'unknown_parameter')} "
                                    f"{both('checklist_file', 'for_rule', name=name)}; "
                                    f"{listed('allowed', allowed)}")
                elif (wrong := param_problem(value, allowed[param])
                      or _rule_param_problem(key, name, param, value)):
                    problems.append(f"{where}: {wrong}")
    return problems


def param_problem(value: Any, default: Any) -> str:
    """Why ``value`` cannot stand for a rule parameter whose default is ``default`` ('' when
    it can): the type of the default is the parameter's type, and counts of days or clicks
    are whole numbers from 0 (so ``days: "หนึ่งปี"`` fails at load, not in the audit)."""
    if isinstance(default, bool):
        ok, want = isinstance(value, bool), both("checklist_file", "want_bool")
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100_000
        want = f"{both('checklist_file', 'want_int')}, {example(default)}"
    elif isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and \
            value == value and abs(value) != float("inf")
        want = f"{both('checklist_file', 'want_number')}, {example(default)}"
    else:
        ok, want = isinstance(value, str), both("checklist_file", "want_text")
    return "" if ok else \
        f"{both('checklist_file', 'wrong_type')}: {expected(want, value)}"



def _check_overlay(data: dict, marks: dict, meta: dict) -> list[str]:
    """A new framework year written as an overlay must say what changed."""
    if meta["extends"] and data["framework_year"] != meta["base_year"] and not data.get("changes"):
        return [f"{nearest_mark(marks, ('framework_year',))}: at framework_year: "
                f"{both('checklist_file', 'new_year', base=meta['extends'])}"]
    return []


def _rule_param_problem(key: str, name: str, param: str, value: Any) -> str:
    """What a freshness rule itself says is wrong with a value of the right type."""
    return freshness.RULES[name].param_problem(param, value) if key == "freshness" else ""


def _params_of(key: str, name: str) -> dict[str, Any]:
    if key == "freshness":
        return dict(freshness.RULES[name].PARAMS)
    return dict(reachability.RULES[name])


def _rule(spec: dict | None, default: str) -> RuleSpec:
    spec = dict(spec or {"rule": default})
    return RuleSpec(spec.pop("rule"), spec)


def _scoring(raw: dict) -> Scoring:
    spec = {**SCORING_DEFAULTS, **raw}
    return Scoring(spec["method"], {k: float(v) for k, v in spec["tools"].items()},
                   tuple(spec["oit_indicators"]))


def _build(data: dict, source: str, meta: dict) -> Checklist:
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
            provisional=bool(raw.get("provisional", False)),
            sources=tuple(raw.get("sources", [])),
            origin=meta["origins"].get(raw["code"], ""),
        ))
    return Checklist(
        id=data["id"],
        version=str(data["version"]),
        family=data["family"],
        framework_year=data["framework_year"],
        title_th=data["title_th"],
        title_en=data.get("title_en", data["title_th"]),
        scale=tuple(Band(b["label"], b.get("label_en", b["label"]), float(b["min"]),
                         b.get("each_tool_min"))
                    for b in data["scale"]),
        scoring=_scoring(data.get("scoring", {})),
        pass_score=float(data.get("pass_score", 85)),
        units={k: Unit(k, v["th"], v.get("en", v["th"])) for k, v in data["units"].items()},
        subindicators={k: {"th": v["th"], "en": v.get("en", v["th"])}
                       for k, v in data.get("subindicators", {}).items()},
        items=tuple(items),
        source=source,
        sources={k: Source(k, v["text"], v.get("url", ""), bool(v.get("single_agency", False)))
                 for k, v in data.get("sources", {}).items()},
        changes=tuple(Change(c["th"], c.get("en", c["th"])) for c in data.get("changes", [])),
        extends=meta["extends"],
        removed=tuple(meta["removed"]),
    )
