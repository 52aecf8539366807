"""Words people read, Thai first, English available: the one loader of every words file.

A words file is YAML of sections; each key holds its Thai and its English side by side
(``key: {th: ..., en: ...}``), so no message a person reads is written in the code; an English
message that counts ``{n}`` things has its form for one beside it (``en_one``: :class:`Counted`).  This
module reads them for every layer: ``checklists/words.yaml`` (the checklists' reasons, fixes,
deadlines, validation messages and ``oit-audit checklist``/``dates``) through the functions
below, and the upper layers' own files through :class:`Words` (``reports/labels.py`` reads
``reports/words.yaml`` with it).

The language a message is said in is the command's ``--lang`` (Thai by default): the command
line's entry point (``crawler.cli.main``) runs the chosen command inside :func:`speaking`, and
:meth:`Words.both` and :func:`spoken` follow it, however deep the message is built (a problem
of a checklist file, a units file or an offices list, an alert line).  Where no language has
been chosen yet (the options' help and argparse's refusals when ``--lang`` is not on the
command line, or a library caller) a message is said in Thai with its English in brackets.
A context variable, not a parameter threaded through every loader: the problem messages are
built many calls below the command, in code shared by every command.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from checklists.plaincache import files_key, remembered

WORDS_FILE = Path(__file__).with_name("words.yaml")
LANGS = ("th", "en")
_SPOKEN: ContextVar[str | None] = ContextVar("oit_audit_spoken", default=None)


@contextmanager
def speaking(lang: str | None) -> Iterator[None]:
    """Messages built inside this block are said in ``lang`` (``th`` or ``en``); ``None``:
    in Thai with the English in brackets."""
    token = _SPOKEN.set(lang if lang in LANGS else None)
    try:
        yield
    finally:
        _SPOKEN.reset(token)


def spoken(default: str = "th") -> str:
    """The language messages are said in now (``default`` where none has been chosen)."""
    return _SPOKEN.get() or default


def in_spoken(th: str, en: str, sep: str | None = None) -> str:
    """A message given in both languages, said as :meth:`Words.both` says one (with no
    language chosen: ``th (en)``, or ``th``, ``sep``, ``en`` when ``sep`` is given)."""
    lang = _SPOKEN.get()
    if lang is not None:
        return en if lang == "en" else th
    return f"{th}{sep}{en}" if sep is not None else f"{th} ({en})"


@cache
def _table(path: Path) -> dict[str, dict[str, Any]]:
    """The file's sections, kept as plain data between runs under a key of the file, this
    module and PyYAML's version (:mod:`checklists.plaincache`): parsing the two shipped files
    took 5 and 9 CPU-ms of every process that says a message (2026-12-04, issue 13), reading
    them back under 1.  A table JSON would not give back unchanged is parsed every time.
    PyYAML's own files key it in place of its version, so that reading the table back does
    not import PyYAML (about 9 CPU-ms of every run's start; nightly46, issue 13)."""
    key = files_key([path, Path(__file__), *_yaml_files()], "words")
    return remembered("words", key, lambda: _parsed(path))


def _yaml_files() -> list[Path]:
    """PyYAML's package file and its libyaml binding's (found, not imported: a submodule's
    spec would import the package): another PyYAML installed changes their sizes or times."""
    spec = importlib.util.find_spec("yaml")
    if spec is None or not spec.origin:
        return []
    origin = Path(spec.origin)
    return [origin, *sorted(origin.parent.glob("_yaml*"))]


def _parsed(path: Path) -> dict[str, dict[str, Any]]:
    import yaml  # noqa: PLC0415 - only when the table is not kept (see _table)

    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class Counted(str):
    """An English message that counts ``n`` things, with its form for one beside it (a
    words file's ``en_one``): ``format(n=1)`` fills that one ("1 office finished here"),
    any other ``n`` the message itself ("2 offices finished here").  Thai has no plural: a
    Thai message is a plain ``str``.  Every caller formats a message with ``.format``, so the
    choice is made there, wherever the message is used (before, the worker said "1 offices
    finished here" and the nightly alert "1 new problem(s)")."""

    one: str

    def __new__(cls, many: str, one: str) -> Counted:
        message = super().__new__(cls, many)
        message.one = one
        return message

    def format(self, *args: Any, **values: Any) -> str:  # noqa: A003 - str.format's name
        return (self.one if values.get("n") == 1 else str(self)).format(*args, **values)


def _side(pair: dict[str, Any], side: str) -> Any:
    if side == "en" and "en_one" in pair:
        return Counted(pair["en"], pair["en_one"])
    return pair[side]


@cache
def _section(path: Path, section: str, lang: str) -> dict[str, Any]:
    side = "en" if lang == "en" else "th"
    return {key: _side(pair, side) for key, pair in _table(path)[section].items()}


class Words:
    """The words of one file, read once on first use (the dicts returned are shared: do not
    change them)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def words(self, section: str, lang: str) -> dict[str, Any]:
        """A section's words in ``lang`` (``th``, or ``en``)."""
        return _section(self.path, section, lang)

    def pair(self, section: str, key: str, /, **values: Any) -> tuple[str, str]:
        """A message in Thai and in English, each filled with ``values``."""
        return (self.words(section, "th")[key].format(**values),
                self.words(section, "en")[key].format(**values))

    def pick(self, section: str, key: str, lang: str, /, **values: Any) -> str:
        """A message in ``lang``, filled with ``values``."""
        return self.words(section, lang)[key].format(**values)

    def both(self, section: str, key: str, /, **values: Any) -> str:
        """A message in the language being spoken (:func:`speaking`: a command's ``--lang``);
        where none has been chosen (the options' help), in Thai, then in English in
        brackets."""
        lang = _SPOKEN.get()
        if lang is not None:
            return self.pick(section, key, lang, **values)
        return in_spoken(*self.pair(section, key, **values))

    def said(self, section: str, key: str, /, **values: Any) -> str:
        """A message in the language being spoken, Thai where none has been chosen (a line
        that has always been Thai only)."""
        return self.pick(section, key, spoken(), **values)

    def pairs(self, section: str) -> Pairs:
        """A section as a mapping of key -> (Thai, English), read on first use."""
        return Pairs(self, section)

    def side(self, section: str, lang: str) -> Side:
        """A section in one language as a mapping, read on first use."""
        return Side(self, section, lang)


class Pairs(Mapping[str, tuple[str, str]]):
    """A words section as key -> (Thai, English): a module's table of reasons (``REASONS =
    REPORT_WORDS.pairs("documents")``) that reads the file only when first looked up."""

    def __init__(self, words: Words, section: str) -> None:
        self._words = words
        self._section = section

    def _th_en(self) -> tuple[dict[str, Any], dict[str, Any]]:
        return self._words.words(self._section, "th"), self._words.words(self._section, "en")

    def __getitem__(self, key: str) -> tuple[str, str]:
        th, en = self._th_en()
        return th[key], en[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._th_en()[0])

    def __len__(self) -> int:
        return len(self._th_en()[0])


class Side(Mapping[Any, Any]):
    """A words section in one language: a module's table of words (``CAUSES_TH =
    CHECKLIST_WORDS.side("causes", "th")``) that reads the file only when first looked up."""

    def __init__(self, words: Words, section: str, lang: str) -> None:
        self._words = words
        self._section = section
        self._lang = lang

    def __getitem__(self, key: Any) -> Any:
        return self._words.words(self._section, self._lang)[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._words.words(self._section, self._lang))

    def __len__(self) -> int:
        return len(self._words.words(self._section, self._lang))


CHECKLIST_WORDS = Words(WORDS_FILE)
words = CHECKLIST_WORDS.words
pair = CHECKLIST_WORDS.pair
pick = CHECKLIST_WORDS.pick
both = CHECKLIST_WORDS.both
said = CHECKLIST_WORDS.said


def listed(key: str, names: Any) -> str:
    """``known: a, b`` (``key`` ``known``) or ``allowed: a, b``, ``(none)`` for none, in the
    language spoken: the glue of a problem in a user's file."""
    return both("glue", key, names=", ".join(map(str, names)) or both("glue", "none"))


def example(value: Any) -> str:
    """``e.g. VALUE`` in the language spoken."""
    return both("glue", "example", value=value)


def expected(want: str, value: Any) -> str:
    """``expected WANT; found VALUE`` in the language spoken (a wrong value in a file)."""
    return both("glue", "expected", want=want, found=value)


def found(value: Any) -> str:
    """``found VALUE`` in the language spoken."""
    return both("glue", "found", found=value)
