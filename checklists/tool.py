"""This tool's name and version, defined once: what reports and ``--version`` say, what the
crawler's User-Agent names, and what the plain-data cache (:mod:`checklists.plaincache`) keys
its folder and entries by.  A leaf module (no other module of the project imported), so that
the cache can serve the words files (:mod:`checklists.words`) that
:mod:`checklists.vocabulary` itself reads; :mod:`checklists.vocabulary` re-exports both.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

TOOL = "oit-audit"


def _version() -> str:
    """The installed distribution's version, or the source tree's from pyproject.toml."""
    try:
        return version(TOOL)
    except PackageNotFoundError:
        # only a source tree without its metadata reads pyproject.toml: an installed (or
        # editable) copy's every process skips importing tomllib (2.5-18 CPU-ms, issue 13)
        import tomllib  # noqa: PLC0415

        pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]


TOOL_VERSION = _version()
