"""Loading a checklist for a command: its problems printed with their file positions."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from rich.console import Console

from checklists.loader import ChecklistError, UnknownChecklist, load_checklist
from checklists.model import Checklist
from checklists.vocabulary import EXIT_ERROR
from checklists.words import both, said


def load_or_report(ref: str, console: Console) -> Checklist | None:
    """The checklist, or ``None`` after saying what is wrong with it: an unknown id (with the
    closest built-in one) on stderr, a file's problems on ``console`` (stderr when they stop an
    audit), one line each however long."""
    try:
        return load_checklist(ref)
    except UnknownChecklist as exc:
        Console(stderr=True).print(f"[bold red]{exc.message()}[/]", highlight=False)
        return None
    except ChecklistError as exc:
        report_problems(exc.problems, console)
        return None


def with_checklist(arg: str) -> Callable[[Callable[..., int]], Callable[[Any], int]]:
    """A sub-command's ``run(args, checklist, console)`` as ``run(args)``: the checklist named
    by ``args.<arg>`` is loaded first; when it cannot be, what is wrong is said
    (:func:`load_or_report`) and the exit code is ``EXIT_ERROR``."""

    def wrap(run: Callable[..., int]) -> Callable[[Any], int]:
        @functools.wraps(run)
        def loaded(args: Any) -> int:
            console = Console()
            checklist = load_or_report(getattr(args, arg), console)
            if checklist is None:
                return EXIT_ERROR
            return run(args, checklist, console)

        return loaded

    return wrap


def report_problems(problems: list[str], console: Console) -> None:
    """Every problem of a file, then what to do."""
    console.print(f"[bold red]{said('checklist_problems', 'invalid')}[/]", highlight=False)
    for problem in problems:
        console.print(f"  {problem}", highlight=False, markup=False, soft_wrap=True)
    console.print(both("checklist_problems", "fix"), highlight=False)
