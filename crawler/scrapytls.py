"""Scrapy's TLS modules, imported first by the crawling commands (``audit``, ``demo``,
``batch``, ``worker``).

``scrapy.core.downloader.tls`` and ``.contextfactory`` define three deprecated aliases with
``scrapy.utils.deprecate.create_deprecated_class``, which calls ``inspect.stack()`` only to
name the module the alias is defined in (``stack()[1]``: the frame above its own, given to
``inspect.getmodule``).  ``inspect.stack()`` also reads, for every frame of the import's
stack, its source file and a line of its source, and ``inspect.getmodule`` scans every
loaded module (about 600 by then) for each frame it cannot place (the import system's own):
0.04-0.07 CPU-s of every crawling command's start, three calls (2026-12-04, load 2 to 8:
``tests/benchmarks/nightly_rerun.py``'s batch process spends about 1.8 s in all).  Importing
them before the rest of the crawl (issue 11) kept that from growing with the modules loaded;
while they load here, ``inspect.stack`` gives the stack's frames without reading their source
(``code_context`` None, as ``inspect.stack(context=0)`` gives it), and ``inspect.getmodule``
of such a frame is the module whose code it runs (the module of its globals), so the aliases
are named as Scrapy names them, for nothing (``tests/cli/test_startup.py``).  The real
``getmodule`` finds a frame's module by its file: the first call maps the file of every
loaded module (about 600 here) to its name through ``os.path.realpath``, an ``lstat`` per
part of each path (4,879 of them; 21-24 CPU-ms at load 10, 2026-12-05).
"""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

TLS_MODULES = ("scrapy.core.downloader.tls", "scrapy.core.downloader.contextfactory")


def frames(context: int = 1) -> list[inspect.FrameInfo]:
    """``inspect.stack()`` (the caller's frame first, then the frames above it) without each
    frame's lines of source."""
    found = []
    frame = sys._getframe(1)
    while frame is not None:
        found.append(
            inspect.FrameInfo(
                frame, frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name, None, None
            )
        )
        frame = frame.f_back
    return found


def frame_module(frame: Any, _filename: str | None = None) -> ModuleType | None:
    """``inspect.getmodule(frame)`` for a frame that runs a loaded module's code: that module
    (the one whose namespace is the frame's globals); anything else as ``getmodule`` finds it."""
    if inspect.isframe(frame):
        module = sys.modules.get(frame.f_globals.get("__name__", ""))
        if module is not None and getattr(module, "__dict__", None) is frame.f_globals:
            return module
    return GETMODULE(frame, _filename)


GETMODULE = inspect.getmodule


@contextmanager
def stack_without_source() -> Iterator[None]:
    """``inspect.stack`` is :func:`frames` and ``inspect.getmodule`` :func:`frame_module`
    inside the block."""
    stack, getmodule = inspect.stack, inspect.getmodule
    inspect.stack, inspect.getmodule = frames, frame_module
    try:
        yield
    finally:
        inspect.stack, inspect.getmodule = stack, getmodule


def import_tls() -> None:
    """Import Scrapy's TLS modules (once)."""
    if all(name in sys.modules for name in TLS_MODULES):
        return
    with stack_without_source():
        for name in TLS_MODULES:
            importlib.import_module(name)


import_tls()
