"""Without --verbose a user sees what oit-audit says, not Scrapy's tracebacks or warnings;
the project's own components use Scrapy 2.13+ signatures (no deprecation warnings)."""

from __future__ import annotations

import inspect

import pytest

from crawler.doctext import DocumentTextPipeline
from crawler.httpcache import AuditCacheMiddleware
from crawler.middlewares.secondchance import SecondChanceMiddleware
from crawler.pipelines import RecordsPipeline
from tests.integration.test_bad_input import free_port


def test_unreachable_site_stderr_is_short(cli, tmp_path):
    url = f"http://127.0.0.1:{free_port()}/"
    result = cli("audit", url, "--no-history", out_dir=tmp_path)
    assert result.code == 2
    assert "ปฏิเสธการเชื่อมต่อ" in result.stdout
    for noise in ("Traceback", "Warning", "ERROR", "scrapy."):
        assert noise not in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) <= 3, result.stderr


def test_verbose_shows_scrapy_log(cli, tmp_path):
    url = f"http://127.0.0.1:{free_port()}/"
    result = cli("audit", url, "--no-history", "--verbose", out_dir=tmp_path)
    assert "[scrapy" in result.stderr


def test_demo_crawl_raises_no_deprecation_warning(cli, tmp_path):
    result = cli("demo", "--verbose", out_dir=tmp_path, env={"PYTHONWARNINGS": "always"})
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
