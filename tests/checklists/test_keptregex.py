"""A pattern read back from the cache is the pattern ``re.compile`` makes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from checklists import keptregex
from checklists.keptregex import kept_pattern
from checklists.thaidates import patterns
from tests.conftest import ROOT

TEXTS = [
    "ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2566 ถึง 30 ก.ย. 67",
    "ไตรมาสที่ 2 ปีงบประมาณ 2567 (ม.ค. - มี.ค. 2567)",
    "Fiscal year 2024, January 5, 2567 and 12/10/2566-15/10/2566",
    "รายงานผลการดำเนินงาน รอบ 6 เดือน ประจำปี พ.ศ.2568 กรกฎาคม",
]


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("OIT_AUDIT_CACHE", str(tmp_path))
    return tmp_path


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups,
                                                           b.groupindex)
    for text in TEXTS:
        assert [(m.span(), m.lastgroup, m.groups()) for m in a.finditer(text)] == \
               [(m.span(), m.lastgroup, m.groups()) for m in b.finditer(text)]


def test_the_date_pattern_read_back_finds_what_re_finds(cache) -> None:
    source = patterns.PATTERN.pattern
    first = kept_pattern(source)  # compiled, then kept
    assert list(cache.glob("regex-*.json"))
    second = kept_pattern(source)  # read back
    _same(first, re.compile(source))
    _same(second, re.compile(source))
    assert any(second.finditer(TEXTS[0]))


@pytest.mark.parametrize("source,flags", [(r"(?P<a>x+)(?i:Y)|(?P<b>\d{2,})", 0),
                                          (r"ก(?=ข)|\bword\b", re.IGNORECASE)])
def test_flags_and_groups(cache, source, flags) -> None:
    kept_pattern(source, flags)
    _same(kept_pattern(source, flags), re.compile(source, flags))


def test_a_damaged_entry_compiles_afresh(cache) -> None:
    kept_pattern("(a)(b)")
    for path in cache.glob("regex-*.json"):
        path.write_text('{"flags": 32, "code": [1, 2, 3], "groups": 2, "groupindex": {}, '
                        '"indexgroup": [null, null, null]}', encoding="utf-8")
    _same(kept_pattern("(a)(b)"), re.compile("(a)(b)"))


def test_no_cache_folder(monkeypatch) -> None:
    monkeypatch.setenv("OIT_AUDIT_CACHE", "off")
    _same(kept_pattern("(x)"), re.compile("(x)"))
    monkeypatch.setattr(keptregex, "_sre", None)
    _same(kept_pattern("(x)"), re.compile("(x)"))


def test_the_date_pattern_is_the_same_in_every_process() -> None:
    """Kept by its text: the text must not depend on the hash seed (a set's order).  The
    other kept patterns of every month name too (the finder's year check, freshness)."""
    code = ("import hashlib; from checklists.thaidates import patterns, finder; "
            "from checklists.freshness import base; "
            "print([hashlib.sha1(p.pattern.encode()).hexdigest() for p in (patterns.PATTERN, "
            "finder._DATE_YEAR_BEFORE, base._MONTH_NAME)])")
    texts = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": str(seed),
                                 "OIT_AUDIT_CACHE": "off"}).stdout
             for seed in (1, 2, 3)}
    assert len(texts) == 1


def test_the_month_patterns_read_back_find_what_re_finds(cache) -> None:
    """The finder's year-before check and freshness's month name, kept as the date pattern is
    (checklists/thaidates/finder.py, checklists/freshness/base.py)."""
    from checklists.freshness import base
    from checklists.thaidates import finder

    texts = [*TEXTS, "พ.ศ. 2566", "12 ธันวาคม 2567", "Dec. 2024", "ต.ค.2566"]
    for pattern in (finder._DATE_YEAR_BEFORE, base._MONTH_NAME):
        kept_pattern(pattern.pattern, pattern.flags & ~re.UNICODE)  # kept
        again = kept_pattern(pattern.pattern, pattern.flags & ~re.UNICODE)  # read back
        fresh = re.compile(pattern.pattern)
        _same(again, fresh)
        for text in texts:
            assert [m.span() for m in again.finditer(text)] == \
                   [m.span() for m in fresh.finditer(text)]
            assert bool(again.search(text)) == bool(pattern.search(text))


# keep_compiled(): every pattern a process compiles, kept together (one process per step: it
# replaces re's compiler for the whole process)
_PATTERNS = [(r"(?P<a>x+)(?i:Y)|(?P<b>\d{2,})", 0), (r"ก(?=ข)|\bword\b", re.IGNORECASE),
             (rb"[\x00-\x7f]+(?P<tail>\r\n)?", 0), ("\ud800|a{2,5}?", 0),
             (r"""(?x) ^ \s* (\w+) # a comment
                  \s* = \s* (.*) $""", re.MULTILINE),
             (r"(?<![A-Za-z])(?:MOIT|OIT|EB|O)\s*[.\-:]?\s*\d{1,2}(?![0-9])", re.IGNORECASE)]
_STEP = """
import json, re, sys
from re import _compiler
from checklists import keptregex
keptregex.WORTH_KEEPING_S = float(sys.argv[1])
keptregex.keep_compiled()
out = []
for text, is_bytes, flags in json.loads(sys.argv[2]):
    source = text.encode("latin-1") if is_bytes else text
    kept = re.compile(source, flags)
    plain = keptregex._plain_compile(source, flags) if keptregex._plain_compile else kept
    sample = b"OIT 12 x xxY 123 \\r\\n" if is_bytes else "O12 xY 123 กข word\\n a = b"
    out.append([kept == plain, kept.groupindex == plain.groupindex, kept.groups,
                [m.span() for m in kept.finditer(sample)] ==
                [m.span() for m in plain.finditer(sample)]])
ours = {keptregex._key(text.encode("latin-1") if b else text, f)
        for text, b, f in json.loads(sys.argv[2])}
print(json.dumps([_compiler.compile is keptregex._kept_compile,
                  len(ours & keptregex._known), len(ours & set(keptregex._new)), out]))
"""


def _step(cache, worth: float = 0.0, patterns=_PATTERNS) -> list:
    rows = json.dumps([[p.decode("latin-1") if isinstance(p, bytes) else p,
                        isinstance(p, bytes), f] for p, f in patterns])
    done = subprocess.run([sys.executable, "-c", _STEP, str(worth), rows], cwd=ROOT,
                          capture_output=True, text=True, check=True,
                          env={**os.environ, "OIT_AUDIT_CACHE": str(cache)})
    return json.loads(done.stdout)


def test_every_pattern_read_back_is_the_pattern_re_makes(tmp_path) -> None:
    hooked, known, new, first = _step(tmp_path)  # compiled, then kept as the process ends
    assert hooked and (known, new) == (0, len(_PATTERNS))
    assert all(row[0] and row[1] and row[3] for row in first)
    assert list(tmp_path.glob("regexes-*.json"))
    hooked, known, new, second = _step(tmp_path)  # read back: the same Pattern (code too)
    assert (known, new) == (len(_PATTERNS), 0)
    assert second == first


def test_a_damaged_bundle_compiles_afresh(tmp_path) -> None:
    _step(tmp_path)
    for path in tmp_path.glob("regexes-*.json"):
        rows = json.loads(path.read_text())
        for row in rows:
            row[4] = "AAAA"  # code words that _sre.compile refuses
        path.write_text(json.dumps(rows))
    _, _, new, out = _step(tmp_path)
    assert new == len(_PATTERNS) and all(row[0] and row[1] and row[3] for row in out)
    assert _step(tmp_path)[1:3] == [len(_PATTERNS), 0]  # kept anew, and read back
    for path in tmp_path.glob("regexes-*.json"):
        path.write_text("[1, [2]]")  # not the bundle's shape
    assert all(row[0] and row[1] and row[3] for row in _step(tmp_path)[3])
    assert _step("off")[:3] == [False, 0, 0]  # no folder to keep them in: re's own compiler


def test_a_few_cheap_patterns_do_not_rewrite_the_bundle(tmp_path) -> None:
    _step(tmp_path, worth=60.0)  # a minute's compiling: never reached
    assert not list(tmp_path.glob("regexes-*.json"))


def test_the_command_compiles_from_the_bundle(tmp_path) -> None:
    """``oit-audit`` keeps its start-up's patterns (about 540 for an audit's modules) and a
    second start reads them back; what it prints is the same."""
    env = {**os.environ, "OIT_AUDIT_CACHE": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-m", "crawler.cli", "audit", "--help"], cwd=ROOT,
                           capture_output=True, text=True, check=True, env=env).stdout
            for _ in range(2)]
    assert runs[0] == runs[1] and "--out" in runs[0]
    (bundle,) = tmp_path.glob("regexes-*.json")
    assert len(json.loads(bundle.read_text())) > 100


def test_re_private_parts_changed_compiles_as_re_does(tmp_path) -> None:
    """A later Python whose ``re._compiler`` has no ``_code`` (or takes other arguments) must not
    break every ``re.compile`` of the process: such a pattern is compiled by re's own
    compiler; a bad pattern still raises re.error."""
    code = ("import re, sys; from re import _compiler; from checklists import keptregex; "
            "keptregex.keep_compiled(); "
            "keptregex._compiler = type('Later', (), {})(); "  # no _code: another Python
            "p = re.compile(r'(?P<n>\\d+)-x'); print(p.search('a 12-x').group('n')); "
            "bad = None\n"
            "try:\n    re.compile('(')\nexcept re.error:\n    bad = 're.error'\n"
            "print(bad, _compiler.compile is keptregex._kept_compile)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True,
                          env={**os.environ, "OIT_AUDIT_CACHE": str(tmp_path)})
    assert done.stdout.split() == ["12", "re.error", "True"]
