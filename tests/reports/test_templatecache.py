"""Compiled templates kept in the cache folder render what a fresh compile renders; a damaged
entry or a folder that cannot be written only means compiling again."""

from __future__ import annotations

from pathlib import Path

from jinja2 import DictLoader, Environment

from reports import html
from reports.templatecache import KeptTemplates, kept_templates

TEMPLATES = {"page.j2": "{% for x in items %}<li>{{ x | upper }}</li>{% endfor %}"}


def _render(cache: KeptTemplates | None) -> str:
    env = Environment(loader=DictLoader(TEMPLATES), bytecode_cache=cache)
    return env.get_template("page.j2").render(items=["ก", "b"])


def test_kept_and_read_back(tmp_path: Path) -> None:
    cache = KeptTemplates(str(tmp_path / "t"))
    expected = _render(None)
    assert _render(cache) == expected  # compiled, kept
    [entry] = (tmp_path / "t").iterdir()
    assert _render(KeptTemplates(str(tmp_path / "t"))) == expected  # read back
    entry.write_bytes(entry.read_bytes()[:40])  # damaged
    assert _render(KeptTemplates(str(tmp_path / "t"))) == expected
    entry.write_bytes(b"j2 not a cache entry")
    assert _render(KeptTemplates(str(tmp_path / "t"))) == expected


def test_a_folder_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert _render(KeptTemplates(str(blocker / "t"))) == _render(None)


def test_the_report_environment_keeps_its_templates(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OIT_AUDIT_CACHE", str(tmp_path))
    assert isinstance(kept_templates(), KeptTemplates)
    monkeypatch.setenv("OIT_AUDIT_CACHE", "off")
    assert kept_templates() is None
    assert isinstance(html._env().bytecode_cache, KeptTemplates | type(None))
