"""Without --verbose a user sees what oit-audit says, not Scrapy's tracebacks or warnings;
the project's own components use Scrapy 2.13+ signatures (no deprecation warnings)."""

from __future__ import annotations

import inspect

import pytest

from crawler.doctext import DocumentTextPipeline
from crawler.httpcache import AuditCacheMiddleware
from crawler.middlewares.secondchance import SecondChanceMiddleware
from crawler.pipelines import RecordsPipeline


def test_unreachable_site_stderr_is_short(refused_audit):
    result = refused_audit
    assert result.code == 2
    assert "ปฏิเสธการเชื่อมต่อ" in result.stdout
    for noise in ("Traceback", "Warning", "ERROR", "scrapy."):
        assert noise not in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) <= 3, result.stderr


def test_verbose_shows_scrapy_log(demo_next_year):
    assert "[scrapy" in demo_next_year.stderr  # run with --verbose


def test_demo_crawl_raises_no_deprecation_warning(demo_next_year):
    result = demo_next_year  # --verbose, PYTHONWARNINGS=always
    assert result.code == 1, result.stderr
    for noise in ("Deprecat", "requires a spider argument", "doesn't define", "WARNING",
                  "internal meta keys"):
        assert noise not in result.stderr, result.stderr


@pytest.mark.parametrize(("cls", "methods"), [
    (RecordsPipeline, ("open_spider", "close_spider", "process_item")),
    (DocumentTextPipeline, ("process_item",)),
    (SecondChanceMiddleware, ("process_response", "process_exception")),
    (AuditCacheMiddleware, ("process_exception",)),
])
def test_component_methods_take_no_spider(cls, methods):
    for name in methods:
        assert "spider" not in inspect.signature(getattr(cls, name)).parameters, name


def test_the_console_script_exits_without_walking_the_heap(monkeypatch, capsys):
    """``oit-audit`` (crawler.cli:entry) returns main's exit code and leaves the objects it
    made to the operating system (gc.freeze): no seconds-long collection at shutdown."""
    import gc
    import tomllib

    from crawler.cli import entry
    from tests.conftest import ROOT

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert scripts["project"]["scripts"]["oit-audit"] == "crawler.cli:entry"
    monkeypatch.setattr("sys.argv", ["oit-audit", "checklist", "validate", "nacc-oit-2565"])
    try:
        assert entry() == 0, capsys.readouterr()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
