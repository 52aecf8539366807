"""Load YAML into plain data while keeping the file position of every node.

Errors in user-edited checklist YAML must point to ``file:line:col``; PyYAML's node tree
(``yaml.compose``) keeps those marks, so we build the data from it ourselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[Any, ...]


@dataclass(frozen=True)
class Mark:
    """A 1-based position in a file."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class YamlSyntaxError(Exception):
    """Malformed YAML, with the position PyYAML reported."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(f"{mark}: {message}")
        self.mark = mark
        self.message = message


def load_with_marks(text: str, filename: str) -> tuple[Any, dict[Path, Mark]]:
    """Parse ``text`` and return (data, marks by path into the data)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        pm = exc.problem_mark or exc.context_mark
        mark = Mark(filename, pm.line + 1, pm.column + 1) if pm else Mark(filename, 1, 1)
        raise YamlSyntaxError(mark, str(exc.problem or exc)) from None
    marks: dict[Path, Mark] = {}
    if node is None:
        return None, {(): Mark(filename, 1, 1)}
    constructor = yaml.SafeLoader("")  # used only to resolve scalar tags to Python values

    def build(n: yaml.Node, path: Path) -> Any:
        marks.setdefault(path, Mark(filename, n.start_mark.line + 1, n.start_mark.column + 1))
        if isinstance(n, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in n.value:
                key = constructor.construct_object(key_node, deep=True)
                if key in out:
                    km = key_node.start_mark
                    raise YamlSyntaxError(
                        Mark(filename, km.line + 1, km.column + 1), f"duplicate key {key!r}"
                    )
                # A mapping entry is reported at its key: that is the line a user looks for.
                km = key_node.start_mark
                marks[(*path, key)] = Mark(filename, km.line + 1, km.column + 1)
                out[key] = build(value_node, (*path, key))
            return out
        if isinstance(n, yaml.SequenceNode):
            return [build(child, (*path, i)) for i, child in enumerate(n.value)]
        return constructor.construct_object(n, deep=True)

    return build(node, ()), marks


def nearest_mark(marks: dict[Path, Mark], path: Path) -> Mark:
    """The mark of ``path`` or of its closest ancestor that has one."""
    p = tuple(path)
    while p not in marks and p:
        p = p[:-1]
    return marks.get(p) or next(iter(marks.values()))
