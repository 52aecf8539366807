"""The office's own responsible units: a small YAML that renames units, adds units and moves
items to another unit, applied to a report document (``--units FILE``, ``OIT_UNITS_FILE``).

Format (every key optional)::

    units:                       # unit id -> names; overrides the checklist's unit of that id
      finance: {th: THAI NAME, en: Finance and assets group}
      pr: {th: THAI NAME}        # a new unit; en defaults to th
    items:                       # item code -> unit id
      O7: pr

Problems are reported together, each as ``file:line:col: ...`` in Thai and English (the
words: section ``units`` of ``words.yaml``).
"""

from __future__ import annotations

import argparse
import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checklists.yamlmarks import FileProblems, Mark, nearest_mark, read_user_yaml
from reports.labels import both, said, words

_TOP_KEYS = ("units", "items")
_UNIT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_UNIT_KEYS = ("th", "en")


class UnitsError(FileProblems):
    """Problems in a units file, each with its file position."""

    def lines(self) -> list[str]:
        """What a user is shown: a heading, then each problem indented."""
        return [f"{both('units', 'invalid')}:", *[f"  {p}" for p in self.problems]]


@dataclass
class UnitMap:
    """A validated units file: unit names and item reassignments, with their positions."""

    path: str
    units: dict[str, dict[str, str]] = field(default_factory=dict)
    items: dict[str, str] = field(default_factory=dict)
    marks: dict[tuple[Any, ...], Mark] = field(default_factory=dict)

    def problems(self, item_codes: set[str], unit_ids: set[str]) -> list[str]:
        """References to item codes or unit ids that neither the checklist nor this file has."""
        known = unit_ids | set(self.units)
        out = []
        for code, unit in self.items.items():
            if code not in item_codes:
                out.append(f"{self._at('items', code)}: {both('units', 'unknown_item', code=code)}")
            elif unit not in known:
                out.append(f"{self._at('items', code)}: "
                           + both("units", "unknown_unit", unit=unit,
                                  known=", ".join(sorted(known))))
        return out

    def check_against(self, item_codes: set[str], unit_ids: set[str]) -> None:
        """Raise :class:`UnitsError` when the file names unknown items or units."""
        problems = self.problems(item_codes, unit_ids)
        if problems:
            raise UnitsError(problems)

    def apply(self, report: dict[str, Any]) -> dict[str, Any]:
        """A copy of ``report`` with the units renamed and the items reassigned."""
        out = copy.deepcopy(report)
        units = {uid: dict(u) for uid, u in (out.get("units") or {}).items()}
        for i in out.get("items") or []:  # reports made before `units` existed
            if i.get("owner_id") and i["owner_id"] not in units:
                units[i["owner_id"]] = {"th": i["owner"], "en": i.get("owner_en") or i["owner"]}
        if out.get("items"):  # a site that was not audited has no items to check
            self.check_against({i["code"] for i in out["items"]}, set(units))
        for uid, names in self.units.items():
            units[uid] = {"th": names["th"], "en": names.get("en") or names["th"]}
        out["units"] = units
        for item in out.get("items") or []:
            uid = self.items.get(item["code"], item.get("owner_id", ""))
            if uid in units:
                item["owner_id"] = uid
                item["owner"] = units[uid]["th"]
                item["owner_en"] = units[uid]["en"]
        out["units_file"] = self.path
        return out

    def _at(self, *path: Any) -> Mark:
        return nearest_mark(self.marks, path)


def load_units(path: str | Path) -> UnitMap:
    """Read and validate the structure of a units file."""
    path = Path(path)
    data, marks = read_user_yaml(path, UnitsError,
                                 (words("units", "th")["file"], words("units", "en")["file"]))
    # recorded in the report as an absolute path: a later `oit-audit rejudge` of the saved
    # audit, from any folder, applies the same file again
    unit_map = UnitMap(str(path.absolute()), marks=marks)
    problems = _validate(data, unit_map)
    if problems:
        raise UnitsError(problems)
    return unit_map


def _mapping(data: dict, key: str, um: UnitMap, problems: list[str]) -> dict:
    """``data[key]`` when it is a mapping (missing: empty); otherwise a problem, and empty."""
    value = data.get(key) or {}
    if isinstance(value, dict):
        return value
    problems.append(f"{um._at(key)}: {both('units', f'{key}_mapping')}")
    return {}


def _validate(data: Any, um: UnitMap) -> list[str]:
    if data is None:
        return []
    if not isinstance(data, dict):
        return [f"{um._at()}: {both('units', 'not_mapping')}"]
    problems = [f"{um._at(k)}: {both('units', 'unknown_key', name=k)}"
                for k in data if k not in _TOP_KEYS]
    units = _mapping(data, "units", um, problems)
    for uid, names in units.items():
        problems += _check_unit(uid, names, um)
    items = _mapping(data, "items", um, problems)
    for code, uid in items.items():
        if not isinstance(uid, str) or not uid.strip():
            problems.append(f"{um._at('items', code)}: {both('units', 'unit_expected')}")
        else:
            um.items[str(code)] = uid.strip()
    return problems


def _check_unit(uid: Any, names: Any, um: UnitMap) -> list[str]:
    at = um._at("units", uid)
    if not isinstance(uid, str) or not _UNIT_ID.match(uid):
        return [f"{at}: {both('units', 'bad_unit_id', uid=uid)}"]
    if isinstance(names, str):  # shorthand: `pr: THAI NAME`
        names = {"th": names}
    if not isinstance(names, dict):
        return [f"{at}: {both('units', 'names_expected')}"]
    problems = [f"{um._at('units', uid, k)}: {both('units', 'unknown_name_key', name=k)}"
                for k in names if k not in _UNIT_KEYS]
    th = names.get("th")
    if not isinstance(th, str) or not th.strip():
        problems.append(f"{at}: {both('units', 'thai_required')}")
    en = names.get("en", "")
    if not isinstance(en, str):
        problems.append(f"{um._at('units', uid, 'en')}: {both('units', 'en_text')}")
    if not problems:
        um.units[uid] = {"th": th.strip(), "en": (en or "").strip()}
    return problems


def apply_units_file(report: dict[str, Any], path: str | Path | None) -> dict[str, Any]:
    """``report`` remapped by the units file at ``path`` (unchanged when no path is given)."""
    if not path:
        return report
    return load_units(path).apply(report)


def _units_arg(value: str) -> str:
    """``--units FILE``: the file must exist and be well formed (checked before crawling)."""
    try:
        load_units(value)
    except UnitsError as exc:
        raise argparse.ArgumentTypeError("\n".join(exc.lines())) from None
    return value


def add_option(parser: Any) -> None:
    """Add ``--units FILE`` to an argparse parser (``audit``, ``demo``)."""
    parser.add_argument("--units", type=_units_arg, default=None, metavar="FILE",
                        help=both("units", "help"))


def units_ok(path: str | Path | None, checklist: Any, console: Any) -> bool:
    """False (after printing each problem) when the units file names unknown items or units."""
    if not path:
        return True
    try:
        load_units_for(path, checklist)
    except UnitsError as exc:
        console.print(f"[bold red]{said('units', 'invalid_console')}:[/]", highlight=False)
        for problem in exc.problems:
            console.print(f"  {problem}", highlight=False, markup=False, soft_wrap=True)
        return False
    return True


def load_units_for(path: str | Path, checklist: Any) -> UnitMap:
    """The units file at ``path``, checked against ``checklist``'s item codes and unit ids
    (:class:`UnitsError` when it names items or units neither has)."""
    units = load_units(path)
    units.check_against({i.code for i in checklist.items}, set(checklist.units))
    return units
