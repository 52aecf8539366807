"""Fixtures of the report tests: the checked-in demo report (no crawl) and every format
rendered from it.

``tests/fixtures/report/report.json`` is the report of a real ``oit-audit demo`` run
(regenerate it with ``python tests/fixtures/make_report_fixture.py``); the few end-to-end
tests that need the live demo audit use ``demo_audit`` from tests/conftest.py.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from reports import ALL_FORMATS, write_reports
from tests.conftest import REPORT_FIXTURE


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the fixture's report.json and every format rendered from it in Thai,
    as ``oit-audit demo`` writes them (a folder the tests only read)."""
    out = tmp_path_factory.mktemp("rendered")
    shutil.copyfile(REPORT_FIXTURE, out / "report.json")
    report = json.loads(REPORT_FIXTURE.read_text(encoding="utf-8"))
    write_reports(report, out, formats=tuple(f for f in ALL_FORMATS if f != "json"))
    return out


@pytest.fixture
def demo_report() -> dict[str, Any]:
    """The demo's report.json (a fresh copy for each test: tests may change it)."""
    return json.loads(REPORT_FIXTURE.read_text(encoding="utf-8"))
