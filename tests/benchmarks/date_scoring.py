"""Score the finder against a labelled set (tests/data/dates_labelled.yaml).

Matching rule (used by the accuracy test and by tests/benchmarks/dates.py):

- a label's span is found by looking its text up in the snippet, after the previous label's
  end (labels are listed in order);
- a predicted mention matches a label when both have the same ``context`` (so trap labels
  such as ``law`` or ``document_number`` count like dates do) and either their spans are
  equal, or their spans overlap and their kinds are equal (a word more or less at an edge,
  e.g. `(ปีงบประมาณ 2569)` with or without the bracket, is not an error);
- matching is one-to-one, labels in order, an equal span preferred;
- precision = matched / predicted, recall = matched / labelled, and exact = the share of
  matched pairs whose start and end dates are both right.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checklists.thaidates.mention import DateMention


@dataclass(frozen=True)
class Label:
    """One expected mention, with its span located in the snippet."""

    text: str
    span: tuple[int, int]
    kind: str
    start: datetime.date
    end: datetime.date
    context: str


@dataclass(frozen=True)
class Entry:
    """A snippet and its expected mentions."""

    text: str
    labels: tuple[Label, ...]


@dataclass
class Score:
    """Counts and the mismatches behind them (for messages that show expected vs found)."""

    predicted: int = 0
    labelled: int = 0
    matched: int = 0
    exact: int = 0
    missed: list[tuple[str, Label]] = field(default_factory=list)
    spurious: list[tuple[str, DateMention]] = field(default_factory=list)
    wrong_interval: list[tuple[str, Label, DateMention]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labelled if self.labelled else 1.0

    @property
    def exact_share(self) -> float:
        return self.exact / self.matched if self.matched else 1.0

    @property
    def exact_of_labelled(self) -> float:
        """Labelled mentions found with exactly the right interval, over all labelled ones."""
        return self.exact / self.labelled if self.labelled else 1.0

    def report(self, limit: int = 30) -> str:
        """Human-readable mismatches: expected X; found Y."""
        lines = []
        for text, label in self.missed[:limit]:
            lines.append(f"missed {label.text!r} ({label.kind}, {label.context}) in {text!r}")
        for text, mention in self.spurious[:limit]:
            lines.append(
                f"spurious {mention.text!r} ({mention.kind}, {mention.context}) in {text!r}"
            )
        for text, label, mention in self.wrong_interval[:limit]:
            lines.append(
                f"interval of {label.text!r}: expected {label.start}..{label.end}; "
                f"found {mention.start}..{mention.end} in {text!r}"
            )
        return "\n".join(lines)


def _as_date(value: Any) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def load_labelled(path: str | Path, split: str | None = None) -> list[Entry]:
    """Read the labelled YAML; a label whose text is not in its snippet is an error.

    With ``split`` (`dev` or `test`), only the entries of that part are returned (the real-world
    set, tests/data/dates_realworld.yaml, marks each entry's `split`).
    """
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    entries = []
    for index, item in enumerate(raw):
        if split is not None and item.get("split") != split:
            continue
        text = item["text"]
        labels, cursor = [], 0
        for spec in item.get("mentions") or ():
            at = text.find(spec["text"], cursor)
            if at < 0:
                raise ValueError(
                    f"{path}: entry {index}: label {spec['text']!r} not found in {text!r} "
                    f"after offset {cursor}"
                )
            cursor = at + len(spec["text"])
            labels.append(Label(
                text=spec["text"], span=(at, cursor), kind=spec["kind"],
                start=_as_date(spec["start"]), end=_as_date(spec["end"]),
                context=spec["context"],
            ))
        entries.append(Entry(text=text, labels=tuple(labels)))
    return entries


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pair(label: Label, found: list[DateMention], used: set[int]) -> int | None:
    candidates = [
        i for i, m in enumerate(found)
        if i not in used and m.context == label.context
        and (m.span == label.span or (m.kind == label.kind and _overlap(m.span, label.span)))
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda i: found[i].span != label.span)


def score(
    entries: Iterable[Entry], finder: Callable[[str], list[DateMention]]
) -> Score:
    """Run ``finder`` on every snippet and count matches by the rule in the module docstring."""
    result = Score()
    for entry in entries:
        found = finder(entry.text)
        result.predicted += len(found)
        result.labelled += len(entry.labels)
        used: set[int] = set()
        for label in entry.labels:
            i = _pair(label, found, used)
            if i is None:
                result.missed.append((entry.text, label))
                continue
            used.add(i)
            result.matched += 1
            if (found[i].start, found[i].end) == (label.start, label.end):
                result.exact += 1
            else:
                result.wrong_interval.append((entry.text, label, found[i]))
        result.spurious.extend(
            (entry.text, m) for i, m in enumerate(found) if i not in used
        )
    return result
