"""The topic map: which item of each checklist speaks of the same disclosure topic.

Item codes change between framework years and evaluator families (the monthly procurement
summary is O23 in 2565, O21 in 2566, O11 in 2569), so history, diff, the report's cross-year view
and evidence wording follow a *topic*, never a code. The map is data
(``checklists/data/topics.yaml``, format in TOPICS_FORMAT.md); every problem in it is reported
as ``file:line:col: at <path>: what is wrong``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from checklists.loader import (
    DATA_DIR,
    DEFAULT_CHECKLIST,
    TOPICS_FILE,
    ChecklistError,
    builtin_checklists,
    code_files,
    load_checklist,
    read_yaml,
    schema_problems,
)
from checklists.model import Checklist
from checklists.plaincache import files_key, remembered
from checklists.words import both
from checklists.yamlmarks import nearest_mark

TOPICS_PATH = DATA_DIR / TOPICS_FILE
REFERENCE_CHECKLIST = DEFAULT_CHECKLIST  # every one of its items belongs to a topic

_CODES = {"anyOf": [{"type": "string", "minLength": 1},
                    {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}]}
SCHEMA = {
    "type": "object",
    "required": ["topics"],
    "additionalProperties": False,
    "properties": {
        "topics": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": r"^[a-z][a-z0-9_]*$"},
            "additionalProperties": {
                "type": "object",
                "required": ["name_th", "name_en", "items"],
                "additionalProperties": False,
                "properties": {
                    "name_th": {"type": "string", "minLength": 1},
                    "name_en": {"type": "string", "minLength": 1},
                    "items": {"type": "object", "minProperties": 1,
                              "additionalProperties": _CODES},  # checklist id -> code(s)
                    "wordings": {"type": "array",  # default: []
                                 "items": {"type": "string", "minLength": 1}},
                    "everyday": {"type": "array",  # default: []
                                 "items": {"type": "string", "minLength": 1}},
                },
            },
        },
    },
}


class TopicsError(ChecklistError):
    """One or more problems in the topic map, each with its file position."""


@dataclass(frozen=True)
class Topic:
    """One disclosure topic and its code(s) in each checklist."""

    id: str
    name_th: str
    name_en: str
    codes: dict[str, tuple[str, ...]]  # checklist id -> codes
    extra_wordings: tuple[str, ...] = ()
    # how offices name the topic in their own words (real sites' link texts and page titles):
    # matched as other wordings, never taught to the wording model (train_matcher), which
    # learns everyday wording from the corpus samples; so this lexicon is edited without
    # retraining the shipped model
    everyday: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicMap:
    """The loaded topic map, with the checklists it was validated against."""

    topics: dict[str, Topic]
    checklists: dict[str, Checklist] = field(default_factory=dict, repr=False)
    source: str = ""

    def topics_of(self, checklist_id: str, code: str) -> list[str]:
        """The topics the item ``code`` of ``checklist_id`` belongs to (map order)."""
        return list(self._by_code.get((self.map_id(checklist_id), code), ()))

    @cached_property
    def _by_code(self) -> dict[tuple[str, str], list[str]]:
        """(checklist id, code) -> its topics in map order (every checklist's lexicon asks
        for every item's topics: thousands of lookups per audit)."""
        out: dict[tuple[str, str], list[str]] = {}
        for t in self.topics.values():
            for cid, codes in t.codes.items():
                for code in codes:
                    found = out.setdefault((cid, code), [])
                    if t.id not in found:
                        found.append(t.id)
        return out

    def codes_of(self, topic: str, checklist_id: str) -> list[str]:
        """The codes of ``topic`` in ``checklist_id`` ([] when that list does not ask for it)."""
        t = self.topics.get(topic)
        return list(t.codes.get(self.map_id(checklist_id), ())) if t else []

    def wordings(self, topic: str) -> list[str]:
        """Every Thai title the topic's items carry in the shipped checklists, then the map's
        own ``wordings:`` (no duplicates, first seen first)."""
        t = self.topics.get(topic)
        if t is None:
            return []
        out: list[str] = []
        for cid, codes in t.codes.items():
            checklist = self.checklists.get(cid)
            for code in codes:
                item = checklist.item(code) if checklist else None
                if item is not None:
                    out.append(item.title_th)
        out.extend(t.extra_wordings)
        return list(dict.fromkeys(out))

    def translate(self, code: str, from_checklist: str, to_checklist: str) -> list[str]:
        """The codes in ``to_checklist`` that share a topic with ``code`` of ``from_checklist``,
        in checklist order (several for a split; [] when the topic was dropped)."""
        target = self.map_id(to_checklist)
        found: set[str] = set()
        for topic in self.topics_of(from_checklist, code):
            found.update(self.topics[topic].codes.get(target, ()))
        order = self.checklists.get(target)
        if order is not None:
            rank = {item.code: i for i, item in enumerate(order.items)}
            return sorted(found, key=lambda c: rank.get(c, len(rank)))
        return sorted(found)

    def map_id(self, checklist: str | Checklist) -> str:
        """The map's id for a checklist: its own, or for an office's ``extends:`` file (or an
        id ending in ``+local``) the built-in list it extends."""
        if isinstance(checklist, Checklist):
            if checklist.id in self.checklists or not checklist.extends:
                return checklist.id
            return self.map_id(checklist.extends)
        return checklist.removesuffix("+local")


def load_topics(path: str | Path | None = None) -> TopicMap:
    """The topic map (default: the shipped file, loaded once per process)."""
    return _load(str(Path(path).resolve()) if path is not None else None)


@cache
def _load(path: str | None) -> TopicMap:
    file = Path(path) if path is not None else TOPICS_PATH
    checklists = {cid: load_checklist(cid) for cid in builtin_checklists()}
    if path is None:  # the shipped map, once validated, from the plain-data cache
        key = files_key([TOPICS_PATH, *DATA_DIR.glob("*.yaml"), *code_files()])
        data = remembered("topics", key, lambda: _validated(file, checklists))
    else:
        data = _validated(file, checklists)
    topics, _ = _build(data, {}, checklists)
    return TopicMap(topics, checklists, str(file))


def _validated(file: Path, checklists: dict[str, Checklist]) -> dict:
    """The topic map file's data, checked against its schema and the checklists."""
    data, marks = read_yaml(file, TopicsError)
    problems = schema_problems(data, marks, SCHEMA)
    if not problems:
        problems = _build(data, marks, checklists)[1]
    if problems:
        raise TopicsError(problems)
    return data


def _build(data: dict, marks: dict, checklists: dict[str, Checklist]
           ) -> tuple[dict[str, Topic], list[str]]:
    topics, problems = {}, []
    covered: set[str] = set()
    for tid, raw in data["topics"].items():
        codes: dict[str, tuple[str, ...]] = {}
        for cid, value in raw["items"].items():
            where = ("topics", tid, "items", cid)
            listed = (value,) if isinstance(value, str) else tuple(value)
            checklist = checklists.get(cid)
            if checklist is None:
                problems.append(f"{nearest_mark(marks, where)}: at {'.'.join(where)}: "
                                f"{both('topics_file', 'unknown_checklist')} {cid!r}; known: "
                                f"{', '.join(checklists)}")
                continue
            for k, code in enumerate(listed):
                if checklist.item(code) is None:
                    at = where if isinstance(value, str) else (*where, k)
                    problems.append(f"{nearest_mark(marks, at)}: at {'.'.join(map(str, at))}: "
                                    + both("topics_file", "no_item", cid=cid, code=code))
                elif cid == REFERENCE_CHECKLIST:
                    covered.add(code)
            codes[cid] = listed
        topics[tid] = Topic(tid, raw["name_th"], raw["name_en"], codes,
                            tuple(raw.get("wordings", [])), tuple(raw.get("everyday", [])))
    reference = checklists.get(REFERENCE_CHECKLIST)
    if reference is not None:
        missing = [i.code for i in reference.items if i.code not in covered]
        if missing:
            problems.append(f"{nearest_mark(marks, ('topics',))}: at topics: "
                            f"{both('topics_file', 'uncovered', ref=REFERENCE_CHECKLIST)}; "
                            f"missing: {', '.join(missing)}")
    return topics, problems
