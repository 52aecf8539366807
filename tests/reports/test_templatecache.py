"""Compiled templates kept in the cache folder render what a fresh compile renders; a damaged
entry or a folder that cannot be written only means compiling again."""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import DictLoader, Environment

from reports import html
from reports.templatecache import KEEP_ENTRIES, KeptTemplates, kept_templates

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


def test_the_folder_keeps_the_most_recently_used_entries(tmp_path: Path) -> None:
    """Every copy of the tool adds an entry a template (Jinja2 names it by the template's
    file); the folder was never trimmed (nightly46's note).  Now an entry written drops those
    past ``KEEP_ENTRIES``, the least recently used first: one read is kept before entries
    written after it."""
    folder = tmp_path / "t"
    names = [f"page{i}.j2" for i in range(KEEP_ENTRIES + 3)]
    env = Environment(loader=DictLoader(dict.fromkeys(names, TEMPLATES["page.j2"])),
                      bytecode_cache=KeptTemplates(str(folder)))
    entries = []
    for i, name in enumerate(names):
        if i == KEEP_ENTRIES:  # the first read again, by a process of its own
            again = Environment(loader=env.loader, bytecode_cache=KeptTemplates(str(folder)))
            assert again.get_template(names[0]).render(items=["a"]) == "<li>A</li>"
        env.get_template(name)
        [entry] = set(folder.iterdir()) - set(entries)
        if i < KEEP_ENTRIES:
            os.utime(entry, (1_000_000 + i * 60,) * 2)  # written a minute apart, long ago
        entries.append(entry)
    left = set(folder.iterdir())
    assert len(left) == KEEP_ENTRIES, sorted(left)
    assert entries[0] in left and entries[-1] in left
    assert not {entries[1], entries[2], entries[3]} & left  # the least recently used


def test_an_entry_read_is_marked_used(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    _render(KeptTemplates(str(folder)))
    [entry] = folder.iterdir()
    os.utime(entry, (1_000_000,) * 2)
    assert _render(KeptTemplates(str(folder))) == _render(None)
    assert entry.stat().st_mtime > 1_000_000
