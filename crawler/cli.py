"""The ``oit-audit`` command: a registry of sub-commands, each imported only when chosen.

``oit-audit --version`` or ``oit-audit dates`` must not pay for Scrapy, Twisted, the Thai
dictionary and the wording model that an audit needs (issue 11: every sub-command's modules
were imported at start, about 2.5 s before anything ran).  :data:`COMMANDS` names, for each
sub-command, the module whose ``register(subparsers)`` adds its parser and the one line the
command list shows; only the module of the command on the command line is imported.

Exit codes (documented in the README and ``oit-audit --help``): 0 every item passes, 1 gaps
found, 2 the audit could not run (site down or blocking, bad checklist, bad arguments, another
audit writing into the same --out folder or auditing the same site), 3 it was stopped (Ctrl-C,
SIGTERM; an audit stopped while crawling continues with ``--resume``).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from checklists.atomicfile import OWN_ONLY
from checklists.keptregex import keep_compiled
from checklists.vocabulary import EXIT_ERROR, EXIT_GAPS, EXIT_OK, EXIT_STOPPED, TOOL_VERSION
from checklists.words import LANGS, speaking
from crawler.collector import held
from crawler.pathargs import path_problems
from crawler.urlargs import url_problem
from reports.labels import both, words


class Command(NamedTuple):
    module: str  # its ``register(subparsers)`` adds the command's parser
    help: str  # the command's line in ``oit-audit --help``


# each command's module; its line is words.yaml's (section commands), "Thai (English)", or
# "Thai / English" for the commands whose line has always read so
_MODULES = {
    "audit": "crawler.auditcommand", "demo": "crawler.democommand",
    "dates": "checklists.thaidates.command", "checklist": "checklists.commands",
    "diff": "crawler.nightly.diffcommand", "history": "crawler.nightly.command",
    "schedule": "crawler.nightly.command", "report": "reports.command",
    "rejudge": "crawler.rejudge", "batch": "crawler.batch.command",
    "worker": "crawler.distributed.command",
}
_SLASHED = ("dates", "checklist")


def _line(name: str) -> str:
    if name in _SLASHED:
        return " / ".join(words("commands", lang)[name] for lang in ("th", "en"))
    return both("commands", name)


COMMANDS: dict[str, Command] = {name: Command(module, _line(name))
                                for name, module in _MODULES.items()}

# The exit codes of the commands that audit nothing, which their ``--help`` ends with
# (words.yaml, section ``exits``: "<command>_<code>"; 3 is every command's "stopped", and
# argparse's refusals are 2 for all); ``audit``, ``demo``, ``batch`` and ``worker`` list their own.
# A sub-command of ``checklist`` (list, show, validate, diff, new) lists its parent's.
COMMAND_EXITS: dict[str, tuple[int, ...]] = {
    "rejudge": (EXIT_OK, EXIT_GAPS, EXIT_ERROR, EXIT_STOPPED),
    "report": (EXIT_OK, EXIT_ERROR, EXIT_STOPPED),
    "diff": (EXIT_OK, EXIT_GAPS, EXIT_ERROR, EXIT_STOPPED),
    "history": (EXIT_OK, EXIT_ERROR, EXIT_STOPPED),
    "schedule": (EXIT_OK, EXIT_ERROR, EXIT_STOPPED),
    "dates": (EXIT_OK, EXIT_ERROR, EXIT_STOPPED),
    "checklist": (EXIT_OK, EXIT_ERROR, EXIT_STOPPED),
}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: the chosen command's own parser (its module imported), and
    every other command as a name and help line only (``oit-audit --help`` lists them all
    without importing any)."""
    parser = argparse.ArgumentParser(
        prog="oit-audit",
        description=both("cli", "description"),
        epilog=exit_codes_help(), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"oit-audit {TOOL_VERSION}",
                        help=both("cli", "version"))
    sub = parser.add_subparsers(dest="command", required=True)
    chosen = chosen_command(argv or [])
    if chosen is not None:
        importlib.import_module(COMMANDS[chosen].module).register(sub)
        if chosen in COMMAND_EXITS:
            _end_with_exit_codes(sub.choices[chosen], chosen)
    for name, command in COMMANDS.items():
        if name not in sub.choices:  # never parsed: the command line chose another one
            sub.add_parser(name, help=command.help, add_help=False)
    return parser


def exit_codes_help(section: str = "cli",
                    codes: tuple[int, ...] = (EXIT_OK, EXIT_GAPS, EXIT_ERROR, EXIT_STOPPED),
                    keys: dict[int, str] | None = None) -> str:
    """The exit codes, one line each, for the end of ``--help`` (``oit-audit``'s, and the
    commands' that audit); a command whose codes mean something of its own (``batch``,
    ``worker``) gives its ``section`` of words.yaml (keys ``exit_N``, or ``keys``) and its
    ``codes``."""
    lines = [f"{both('cli', 'exit_codes')}:"]
    lines += [f"  {code}  {both(section, (keys or {}).get(code, f'exit_{code}'))}"
              for code in codes]
    return "\n".join(lines)


def _end_with_exit_codes(parser: argparse.ArgumentParser, command: str) -> None:
    """``command``'s exit codes (:data:`COMMAND_EXITS`) at the end of ``parser``'s --help
    and of its own sub-commands' (before, only ``oit-audit``, ``audit``, ``demo``, ``batch``
    and ``worker`` said what their codes meant)."""
    parser.epilog = exit_codes_help(
        "exits", COMMAND_EXITS[command],
        keys={code: "stopped_3" if code == EXIT_STOPPED else f"{command}_{code}"
              for code in COMMAND_EXITS[command]})
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    for action in parser._actions:  # argparse keeps sub-parsers only there
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _end_with_exit_codes(child, command)


def chosen_command(argv: list[str]) -> str | None:
    """The sub-command ``argv`` runs: its first word (the top-level parser's only options,
    ``--help`` and ``--version``, end the program before any command runs)."""
    return argv[0] if argv and argv[0] in COMMANDS else None


def main(argv: list[str] | None = None) -> int:
    """Run the ``oit-audit`` command ``argv`` (the command line's when ``None``)."""
    with sigterm_as_ctrl_c():
        try:
            args = parse(sys.argv[1:] if argv is None else list(argv))
        except KeyboardInterrupt:  # stopped while the command's modules were imported
            return _interrupted()
        return run(args)


def _interrupted() -> int:
    print(both("cli", "interrupted"), file=sys.stderr)
    return EXIT_STOPPED


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


@contextmanager
def sigterm_as_ctrl_c() -> Iterator[None]:
    """SIGTERM (``systemctl stop``, ``kill``) stops a command as Ctrl-C does.

    While an audit crawls, Scrapy takes both signals over and stops the crawl gracefully (an
    ``interrupted`` report; ``--resume`` continues).  Before that (start-up: imports, the
    checklist, the history row, the caches: seconds on a busy machine) and in the commands
    that crawl nothing, SIGTERM's default killed the process at once: the run's history row
    stayed ``running`` until the site's next audit.  Raised as KeyboardInterrupt instead, it
    goes through the same ``finally`` blocks as Ctrl-C: the run is settled ``incomplete``
    (``interrupted``), the locks are released, nothing is published (the output folder shows
    what it showed), and the CLI says "interrupted" and exits 3 (:data:`EXIT_STOPPED`).  The previous handler is put
    back after (a caller's process, e.g. the tests' run_main, keeps its own)."""
    with stops_raise(signal.SIGTERM):
        yield


@contextmanager
def stops_raise(*signums: int) -> Iterator[None]:
    """While inside, each of ``signums`` raises KeyboardInterrupt (in the main thread; signal
    handlers cannot be set in another); the handlers it replaced are put back after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _interrupt) for signum in signums}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            if handler is not None:
                signal.signal(signum, handler)


class HandlerSafeEvent(threading.Event):
    """A :class:`threading.Event` a signal handler may set while the main thread waits on
    it.  A handler runs in the main thread between two of its bytecodes, which may be inside
    ``Event.wait`` holding the event's lock; ``set`` then waited for that (non-reentrant) lock
    for ever: the coordinator (``batch --redis``), stopped by SIGTERM just as it began or
    ended one of its 1-s waits, hung (suite48: tests/integration/test_distributed.py's
    stall test under load, fc54 of session 47; 13 of 20 hung in a loop of ``wait(0)``;
    CPython's gh-126434 is the same for ``multiprocessing.Event``).  A reentrant lock lets the
    handler's ``set`` go through; a wait it cut short may return False once: the next turn
    of the loop sees the event set."""

    def __init__(self) -> None:
        super().__init__()
        self._cond = threading.Condition(threading.RLock())


@contextmanager
def stops_set() -> Iterator[threading.Event]:
    """While inside, the first Ctrl-C or SIGTERM sets the event yielded (a
    :class:`HandlerSafeEvent`), for a loop that waits on it to end at its next turn, leaving
    whole what it was writing (``oit-audit batch --redis`` gathering reports); the handlers
    it replaced are put back then, so a second signal does what they do
    (:func:`sigterm_as_ctrl_c`: KeyboardInterrupt), and after."""
    event = HandlerSafeEvent()
    if threading.current_thread() is not threading.main_thread():
        yield event
        return
    signums = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.getsignal(signum) for signum in signums}

    def put_back() -> None:
        for signum, handler in previous.items():
            if handler is not None:
                signal.signal(signum, handler)

    def stop(signum: int, frame: Any) -> None:
        event.set()
        put_back()

    for signum in signums:
        signal.signal(signum, stop)
    try:
        yield event
    finally:
        put_back()


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line read (the chosen command's module imported)."""
    with speaking(lang_given(argv)):  # --help and refusals: in both languages without --lang
        return build_parser(argv).parse_args(argv)


# What a command writes about a site (the history database, the HTTP cache, the page memo,
# documents' text, the output folder's reports, a batch's or a worker's folder) may hold an
# office's unpublished pages: made readable by the user alone (files 0600, folders 0700)
# whatever the umask allows, a stricter umask kept.  Not for the commands that write nothing
# of a site (``dates``, ``checklist``: a checklist file is the user's own) nor for ``report
# --export``, whose copy is made to be sent on (the user's umask, as before).  Until
# nightly42 every one of them was made with the umask's mode: 0644 and 0755 under the usual
# 022, so any account on a shared server could read an office's crawled pages.
PRIVATE_BITS = OWN_ONLY  # group and others: nothing (state written before: own_only)
SHARED_COMMANDS = ("dates", "checklist")


@contextmanager
def private_files(private: bool = True) -> Iterator[None]:
    """While inside (``private``), files and folders the process makes are its user's alone:
    the umask gains :data:`PRIVATE_BITS` (a stricter one keeps its own bits); the umask is
    put back after (a caller's process, e.g. the tests' run_main, keeps its own)."""
    if not private:
        yield
        return
    previous = os.umask(PRIVATE_BITS)
    os.umask(previous | PRIVATE_BITS)
    try:
        yield
    finally:
        os.umask(previous)


def writes_private(args: argparse.Namespace) -> bool:
    """Whether the command of ``args`` writes what it reads of a site (see
    :func:`private_files`)."""
    return (getattr(args, "command", None) not in SHARED_COMMANDS
            and getattr(args, "export", None) is None)


def run(args: argparse.Namespace) -> int:
    """Run the command read by :func:`parse`."""
    # every message after: in --lang; every file: the user's alone (private_files)
    with speaking(getattr(args, "lang", None) or "th"), private_files(writes_private(args)):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    problems = argument_problems(args)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return EXIT_ERROR
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return _interrupted()
    except Exception:  # an unexpected failure must not look like "gaps found" (exit 1)
        _report_crash(getattr(args, "verbose", False))
        return EXIT_ERROR


def lang_given(argv: list[str]) -> str | None:
    """The language ``--lang`` names on the command line (``--lang en`` or ``--lang=en``;
    the last one wins, as in argparse), ``None`` when it names none."""
    lang = None
    for i, word in enumerate(argv):
        if word == "--":
            break
        value = argv[i + 1] if word == "--lang" and i + 1 < len(argv) else \
            word.partition("=")[2] if word.startswith("--lang=") else None
        if value in LANGS:
            lang = value
    return lang


def argument_problems(args: argparse.Namespace) -> list[str]:
    """What is wrong with the paths and site URLs given, before anything runs."""
    problems = path_problems(args)
    urls = [args.url] if getattr(args, "command", "") == "audit" else []
    urls += list(getattr(args, "sites", None) or [])
    return problems + [p for p in map(url_problem, urls) if p]


def _report_crash(verbose: bool) -> None:
    """A bug: the traceback on stderr with --verbose, otherwise in a file named on stderr."""
    if verbose:
        traceback.print_exc()
        where = both("cli", "crash_above")
    else:
        with tempfile.NamedTemporaryFile("w", prefix="oit-audit-error-", suffix=".txt",
                                         delete=False, encoding="utf-8") as fh:
            traceback.print_exc(file=fh)
        where = both("cli", "crash_file", name=fh.name)
    print(both("cli", "crash", where=where), file=sys.stderr)


def entry() -> int:
    """The ``oit-audit`` console script: :func:`main`, with a quick start and a quick exit.

    While the chosen command's modules are imported (about 1,200 for a batch) the cyclic
    garbage collector is held back, and what they loaded is frozen out of its walks once
    they are (``crawler.collector``).  An audit leaves millions of objects behind (parsed
    pages, matchers, caches); the cyclic garbage collector walking them all again while the
    interpreter shuts down costs seconds after every run.  Freezing them (``gc.freeze``)
    skips that walk; the operating system frees the memory as the process ends.  In-process
    callers (tests) use :func:`main`, which leaves the collector alone (a crawl's own set-up
    holds it back until the crawl settles: ``crawler.run.settle_start_up``).

    The regular expressions the command's modules and libraries compile are read from the
    ones kept by earlier runs (``checklists.keptregex.keep_compiled``).
    """
    with sigterm_as_ctrl_c():
        try:
            with held(settle=True):  # the command's modules imported (crawler/collector.py)
                keep_compiled()  # its entries are objects too: read with the collector held
                args = parse(sys.argv[1:])
        except KeyboardInterrupt:
            return _interrupted()
        code = run(args)
    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(entry())
