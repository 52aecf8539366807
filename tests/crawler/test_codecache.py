"""The project's modules kept compiled in the plain-data cache (``crawler/codecache.py``)
when Python writes no bytecode: what is kept is what Python compiles, an edited or damaged
entry is compiled again, and Python's own bytecode and settings come first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.codecache import KeptCodeFinder, KeptCodeLoader

ROOT = Path(__file__).resolve().parents[2]

# In a fresh process: import the batch command as ``oit-audit batch`` does (the CLI first),
# and tell which project modules came through the kept-code loader and which were compiled
PROBE = """
import json, sys
from importlib.machinery import SourceFileLoader
compiled = []
original = SourceFileLoader.source_to_code
def counting(self, data, path, *a, **k):
    compiled.append(path)
    return original(self, data, path, *a, **k)
SourceFileLoader.source_to_code = counting
import crawler.cli
import crawler.batch.command
from crawler.codecache import KeptCodeFinder, KeptCodeLoader
project = [m for m in sys.modules.values()
           if (getattr(m, "__name__", "") or "").partition(".")[0] in
           ("checklists", "crawler", "reports") and getattr(m, "__file__", None)]
print(json.dumps({
    "finder": any(isinstance(f, KeptCodeFinder) for f in sys.meta_path),
    "kept": sorted(m.__file__ for m in project if isinstance(m.__spec__.loader, KeptCodeLoader)),
    "project": len(project),
    "compiled": [p for p in compiled if p.startswith(%r)],
}))
"""


def probe(cache: str, *, writes_to: Path | None = None) -> dict:
    """The probe's answer; ``writes_to``: Python writes bytecode, there (not the checkout)."""
    env = {k: v for k, v in os.environ.items()  # the suite's own bytecode folder left out
           if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env.update(PYTHONPATH=str(ROOT), OIT_AUDIT_CACHE=cache)
    if writes_to is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env["PYTHONPYCACHEPREFIX"] = str(writes_to)
    out = subprocess.run([sys.executable, "-c", PROBE % str(ROOT)], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True, timeout=120).stdout
    return json.loads(out.splitlines()[-1])


def test_a_second_process_compiles_none_of_the_modules_the_first_kept(tmp_path: Path) -> None:
    first = probe(str(tmp_path))
    assert first["finder"]
    assert len(first["kept"]) > 80  # the batch command's modules, nearly all the project's
    assert set(first["compiled"]) >= set(first["kept"])
    assert len(list(tmp_path.glob("code-*.bin"))) == len(first["kept"])
    second = probe(str(tmp_path))
    assert second["kept"] == first["kept"]
    # only the modules imported before the finder (the CLI's package, the finder and the
    # cache's own) are compiled by Python as before
    assert not set(second["compiled"]) & set(second["kept"])
    assert len(second["compiled"]) <= 10


def test_nothing_is_kept_when_python_writes_bytecode_or_the_cache_is_off(
        tmp_path: Path) -> None:
    assert not probe("off")["finder"]
    writes = probe(str(tmp_path / "cache"), writes_to=tmp_path / "pycache")
    assert not writes["finder"] and not writes["kept"]
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").glob("code-*"))


def module(tmp_path: Path, text: str) -> tuple[Path, KeptCodeLoader]:
    source = tmp_path / "probe_module.py"
    source.write_text(text, encoding="utf-8")
    return source, KeptCodeLoader("checklists.probe_module", str(source))


def run(code: object) -> dict:
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102 - the test's own module
    return namespace


@pytest.fixture
def kept_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("OIT_AUDIT_CACHE", str(cache))
    return cache


def test_an_edited_module_is_compiled_again(tmp_path: Path, kept_in: Path) -> None:
    source, loader = module(tmp_path, "VALUE = 1\n")
    assert run(loader.get_code("checklists.probe_module"))["VALUE"] == 1
    assert len(list(kept_in.glob("code-checklists.probe_module-*.bin"))) == 1
    assert run(loader.get_code("checklists.probe_module"))["VALUE"] == 1  # read back
    source.write_text("VALUE = 22\n", encoding="utf-8")  # size and time change
    assert run(loader.get_code("checklists.probe_module"))["VALUE"] == 22
    assert len(list(kept_in.glob("code-checklists.probe_module-*.bin"))) == 2


def test_a_damaged_entry_is_compiled_again(tmp_path: Path, kept_in: Path) -> None:
    _, loader = module(tmp_path, "VALUE = 'kept'\n")
    loader.get_code("checklists.probe_module")
    (entry,) = kept_in.glob("code-checklists.probe_module-*.bin")
    for damaged in (entry.read_bytes()[:-3], b"\0" * 40, b""):
        entry.write_bytes(damaged)
        assert run(loader.get_code("checklists.probe_module"))["VALUE"] == "kept"
        assert entry.read_bytes() != damaged  # written again, whole


def test_kept_code_is_what_python_compiles(tmp_path: Path, kept_in: Path) -> None:
    text = (ROOT / "checklists" / "fiscal.py").read_text(encoding="utf-8")
    source, loader = module(tmp_path, text)
    compiled = compile(text, str(source), "exec", dont_inherit=True)
    loader.get_code("checklists.probe_module")
    assert loader.get_code("checklists.probe_module") == compiled
    assert loader.get_code("checklists.probe_module").co_filename == str(source)


def test_pythons_own_bytecode_comes_first(tmp_path: Path, kept_in: Path) -> None:
    import py_compile

    source, loader = module(tmp_path, "VALUE = 3\n")
    py_compile.compile(str(source), doraise=True)
    assert run(loader.get_code("checklists.probe_module"))["VALUE"] == 3
    assert not kept_in.exists() or not list(kept_in.glob("code-*"))


def test_the_finder_leaves_other_packages_to_python() -> None:
    finder = KeptCodeFinder()
    assert finder.find_spec("json", None) is None
    assert finder.find_spec("pytest", None) is None
    spec = finder.find_spec("checklists", None)
    assert spec is not None and isinstance(spec.loader, KeptCodeLoader)
