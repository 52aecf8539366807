"""Load YAML into plain data while keeping the file position of every node.

Errors in user-edited checklist YAML must point to ``file:line:col``; PyYAML's node tree
(``yaml.compose``) keeps those marks, so we build the data from it ourselves.

Hostile or broken files are refused before they cost anything (issue 12): a file over
``MAX_FILE_BYTES``, bytes that are not UTF-8 (with the line, not only the byte offset),
characters YAML forbids (a NUL byte), nesting deeper than ``MAX_DEPTH`` (100,000 brackets),
aliases that would expand to more than ``MAX_ALIAS_NODES`` nodes (a "billion laughs" bomb)
or that refer to their own enclosing node, and keys that are not text (``9.1:`` is a number: quote it).  The limits
are checked on PyYAML's event stream, which is read without recursion and without building
anything, so a refused file never grows in memory.

Parsing uses libyaml (``yaml.CSafeLoader``) when PyYAML was built with it: it gives the same
nodes and marks, about ten times faster (every audit reads a dozen checklists and the topic
map).  A file libyaml refuses is read again by the pure-Python loader, whose messages users
see, so errors are worded and placed the same either way.

PyYAML is imported when a file is first read, not with this module: the shipped checklists,
topic map and words are read back from the plain-data cache (:mod:`checklists.plaincache`)
in every run after the first, so a nightly re-audit never reads YAML and importing PyYAML
(its C loader and resolver, about 9 CPU-ms) was a cost of its start-up alone (issue 13).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checklists.words import both, in_spoken, pair, pick

if TYPE_CHECKING:
    import yaml

Path = tuple[Any, ...]
MAX_FILE_BYTES = 512 * 1024  # a full checklist is about 40 KB
MAX_DEPTH = 32  # a checklist nests 5 deep
MAX_ALIAS_NODES = 5_000  # nodes added by expanding aliases, over the whole file
MAX_NODES = 100_000
_REFUSED = object()  # libyaml could not read the file: the pure-Python loader says why


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
        message = " ".join(message.split())  # one line, whatever PyYAML said
        super().__init__(f"{mark}: {message}")
        self.mark = mark
        self.message = message


def position(text: str, index: int, filename: str) -> Mark:
    """The 1-based line and column of character ``index`` of ``text``."""
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    return Mark(filename, line, index - (text.rfind("\n", 0, index) + 1) + 1)


def read_yaml_file(path: str | os.PathLike[str]) -> tuple[Any, dict[Path, Mark]]:
    """Read a user's YAML file within the limits: (data, marks) or YamlSyntaxError.

    An unreadable file (missing, a folder) raises OSError for the caller to word.
    """
    name = str(path)
    with open(path, "rb") as fh:
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        size = os.path.getsize(path)
        raise YamlSyntaxError(Mark(name, 1, 1), both("yaml_file", "too_large_bytes", size=size,
                                                     limit=MAX_FILE_BYTES))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        line = head.count(b"\n") + 1
        col = len(head[head.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        raise YamlSyntaxError(Mark(name, line, col),
                              f"{both('yaml_file', 'not_utf8', byte=data[exc.start], offset=exc.start)}"
                              f"; {both('yaml_file', 'save_utf8')}") from None
    return load_with_marks(text, name)


class FileProblems(Exception):
    """One or more problems in a user's file, each a line that starts with its position."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_user_yaml(path: str | os.PathLike[str], error: type[FileProblems],
                   what: tuple[str, str] | None = None) -> tuple[Any, dict[Path, Mark]]:
    """:func:`read_yaml_file`, its failures worded as one problem of ``error``; ``what``
    names the file in Thai and English (default: the words' "file")."""
    try:
        return read_yaml_file(path)
    except OSError as exc:
        th, en = what or pair("yaml_file", "file")
        cannot = in_spoken(pick("yaml_file", "unreadable", "th", what=th),
                           pick("yaml_file", "unreadable", "en", what=en))
        raise error([f"{path}: {cannot}: {exc.strerror or exc}"]) from None
    except YamlSyntaxError as exc:
        raise error([f"{exc.mark}: {both('yaml_file', 'invalid')}: {exc.message}"]) from None


def _yaml() -> Any:
    """PyYAML, imported on the first file read (see the module's docstring)."""
    import yaml  # noqa: PLC0415 - not needed by a run that reads no YAML (issue 13)

    return yaml


def _fast_loader() -> type | None:
    """libyaml's loader; None when PyYAML was built without libyaml."""
    return getattr(_yaml(), "CSafeLoader", None)


def _check_events(text: str, filename: str, loader: type | None = None) -> None:
    """Refuse deep nesting, alias bombs and recursive aliases from the event stream
    (``loader``: PyYAML's pure-Python one by default)."""
    yaml = _yaml()
    collection_start = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    collection_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    stack: list[list[Any]] = []  # [nodes inside, anchor] per open collection
    sizes: dict[str, int] = {}
    expanded = total = 0

    def fail(event: yaml.Event, message: str) -> None:
        m = event.start_mark
        raise YamlSyntaxError(Mark(filename, m.line + 1, m.column + 1), message)

    for event in yaml.parse(text, Loader=loader or yaml.SafeLoader):
        if isinstance(event, collection_start):
            if len(stack) >= MAX_DEPTH:
                fail(event, both("yaml_file", "too_deep", depth=MAX_DEPTH))
            stack.append([1, event.anchor])
        elif isinstance(event, collection_end):
            count, anchor = stack.pop()
            if anchor:
                sizes[anchor] = count
            if stack:
                stack[-1][0] += count
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            if stack:
                stack[-1][0] += 1
        elif isinstance(event, yaml.AliasEvent):
            if any(anchor == event.anchor for _, anchor in stack):
                fail(event, both("yaml_file", "self_alias", anchor=event.anchor))
            size = sizes.get(event.anchor, 1)
            expanded += size
            if expanded > MAX_ALIAS_NODES:
                fail(event, both("yaml_file", "alias_bomb", n=MAX_ALIAS_NODES))
            if stack:
                stack[-1][0] += size
        else:
            continue
        total += 1
        if total > MAX_NODES:
            fail(event, both("yaml_file", "too_many_nodes", n=MAX_NODES))


def load_with_marks(text: str, filename: str) -> tuple[Any, dict[Path, Mark]]:
    """Parse ``text`` and return (data, marks by path into the data)."""
    if len(text) > MAX_FILE_BYTES:
        raise YamlSyntaxError(Mark(filename, 1, 1), both("yaml_file", "too_large_chars",
                                                         size=len(text), limit=MAX_FILE_BYTES))
    node = _compose_fast(text, filename)
    if node is _REFUSED:
        node = _compose(text, filename)
    return _build(node, filename)


def _compose_fast(text: str, filename: str) -> Any:
    """The node tree read by libyaml, or ``_REFUSED`` when the pure-Python loader must read
    ``text`` (no libyaml, or a problem to report in its words)."""
    fast = _fast_loader()
    if fast is None:
        return _REFUSED
    yaml = _yaml()
    try:
        yaml.reader.Reader(text)  # characters YAML forbids, found the way users are told
        _check_events(text, filename, fast)
        return yaml.compose(text, Loader=fast)
    except (yaml.YAMLError, YamlSyntaxError, ValueError):
        return _REFUSED


def _compose(text: str, filename: str) -> Any:
    """The node tree read by PyYAML's pure-Python loader, or YamlSyntaxError."""
    yaml = _yaml()
    try:
        _check_events(text, filename)
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        pm = exc.problem_mark or exc.context_mark
        mark = Mark(filename, pm.line + 1, pm.column + 1) if pm else Mark(filename, 1, 1)
        raise YamlSyntaxError(mark, str(exc.problem or exc)) from None
    except yaml.reader.ReaderError as exc:  # a NUL byte or another forbidden character
        raise YamlSyntaxError(position(text, exc.position, filename),
                              both("yaml_file", "bad_character", code=exc.character)) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(Mark(filename, 1, 1), str(exc).splitlines()[0]) from None


def _build(node: yaml.Node | None, filename: str) -> tuple[Any, dict[Path, Mark]]:
    """Plain data from the node tree, and the mark of every path into it."""
    marks: dict[Path, Mark] = {}
    if node is None:
        return None, {(): Mark(filename, 1, 1)}
    yaml = _yaml()
    constructor = yaml.SafeLoader("")  # used only to resolve scalar tags to Python values

    def build(n: yaml.Node, path: Path) -> Any:
        marks.setdefault(path, Mark(filename, n.start_mark.line + 1, n.start_mark.column + 1))
        if isinstance(n, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in n.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    km = key_node.start_mark
                    raise YamlSyntaxError(Mark(filename, km.line + 1, km.column + 1),
                                          both("yaml_file", "key_not_scalar"))
                key = scalar(key_node)
                if not isinstance(key, str):  # `9.1:` is a number, `~:` nothing, `no:` False
                    km = key_node.start_mark
                    raise YamlSyntaxError(Mark(filename, km.line + 1, km.column + 1),
                                          both("yaml_file", "key_not_text", key=key_node.value))
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
        return scalar(n)

    def scalar(n: yaml.Node) -> Any:
        """A key's or value's Python value; a tag it cannot have (``!!python/object``,
        bad ``!!binary``) or a bad value (date 2569-13-45) is the user's error, at its mark."""
        try:
            return constructor.construct_object(n, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError) as exc:
            m = n.start_mark
            why = getattr(exc, "problem", None) or str(exc)
            raise YamlSyntaxError(Mark(filename, m.line + 1, m.column + 1),
                                  both("yaml_file", "bad_value", value=n.value, why=why)) from None

    return build(node, ()), marks


def nearest_mark(marks: dict[Path, Mark], path: Path) -> Mark:
    """The mark of ``path`` or of its closest ancestor that has one."""
    p = tuple(path)
    while p not in marks and p:
        p = p[:-1]
    return marks.get(p) or next(iter(marks.values()))
