"""Start-up cost of the CLI (issue 11): a command imports only what it needs."""

from __future__ import annotations

import importlib
import inspect
import json
import os
import subprocess
import sys
import types
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object

from crawler.batch.command import SHARED_BATCH
from crawler.cli import COMMANDS, build_parser
from crawler.distributed.coordinator import run_shared_batch
from crawler.run import project_settings
from crawler.scrapytls import frame_module, frames

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("scrapy", "twisted", "pythainlp", "numpy", "sklearn", "openpyxl", "jsonschema")


def _child(code: str) -> str:
    """What ``code`` prints, run in a fresh interpreter (start-up is what is measured)."""
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout


def _modules_after(argv: list[str]) -> set[str]:
    """Top-level packages imported by running ``oit-audit ARGV`` (in a fresh interpreter)."""
    code = ("import sys\nfrom crawler.cli import main\ntry:\n    main(sys.argv[1:])\n"
            "except SystemExit:\n    pass\nimport json\n"
            "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    out = subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["dates", "--text", "1 ม.ค. 2569"]])
def test_light_commands_import_no_crawler_nor_dictionary(argv: list[str]) -> None:
    assert not _modules_after(argv) & set(HEAVY)


@pytest.mark.parametrize("argv", [["history"], ["history", "https://www.example.go.th/"],
                                  ["schedule", "--cron", "https://www.example.go.th/"]])
def test_history_and_schedule_read_no_topic_map_nor_report_schema(
        argv: list[str], tmp_path: Path) -> None:
    """``history`` and ``schedule`` read the history database and the sites given: neither
    the topic map (the checklists, the Thai date reader, the judging engine with numpy and
    pythainlp) nor the report schema (jsonschema), which ``diff`` imports when it runs
    (startup49, issue 13: 0.33 -> 0.17 CPU-s a ``history``)."""
    code = ("import sys\nfrom crawler.cli import main\ntry:\n    main(sys.argv[1:])\n"
            "except SystemExit:\n    pass\nimport json\nprint(json.dumps(sorted(sys.modules)))")
    env = {**os.environ, "OIT_AUDIT_HOME": str(tmp_path / "home"),
           "OIT_AUDIT_CACHE": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True,
                         text=True, check=True, env=env).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    assert not loaded & {"checklists.topics", "checklists.engine", "reports.schema",
                         "crawler.nightly.diff", "crawler.nightly.extend"}
    assert not {m.split(".")[0] for m in loaded} & set(HEAVY)


def test_an_audit_imports_no_demo_server() -> None:
    """The bundled demo site and its Drive stand-in (``crawler.demo``, ``crawler.demo_drive``)
    are ``demo``'s own: ``audit`` never serves them (startup49)."""
    code = ("import sys\nimport crawler.auditcommand\n"
            "print(sorted({'crawler.demo', 'crawler.demo_drive'} & set(sys.modules)))")
    assert _child(code).strip() == "[]"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser(["--help"]).parse_args(["--help"])
    listing = capsys.readouterr().out
    for name, command in COMMANDS.items():
        assert name in listing and command.help.split()[0] in listing


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_is_registered_by_its_module(name: str, capsys) -> None:
    """The registry's module really adds the command's own parser (its options and help),
    not the name-only stand-in the other commands get."""
    with pytest.raises(SystemExit) as exit_:
        build_parser([name]).parse_args([name, "--help"])
    assert exit_.value.code == 0
    assert f"usage: oit-audit {name}" in capsys.readouterr().out


def test_no_remote_control_nor_telnet_in_an_audit() -> None:
    """Scrapy's remote control (Python code run from a localhost port) and telnet console
    are neither started nor imported when an audit's extensions are loaded."""
    code = ("import sys\nfrom crawler.run import project_settings\n"
            "names = project_settings().get_component_priority_dict_with_base('EXTENSIONS')\n"
            "print(len(names), 'scrapy.extensions.remote_control' in sys.modules, "
            "'scrapy.extensions.telnet' in sys.modules, 'aiohttp' in sys.modules)")
    out = _child(code).split()
    assert int(out[0]) > 10 and out[1:] == ["False", "False", "False"]
    extensions = build_component_list(project_settings().getwithbase("EXTENSIONS"))
    assert "crawler.progress.Progress" in map(str, extensions)


@pytest.mark.parametrize("module", ["crawler.auditcommand", "crawler.batch.command",
                                    "crawler.distributed.command"])
def test_crawl_commands_import_scrapy_tls_before_the_rest(module: str) -> None:
    """Scrapy's TLS modules call inspect.stack() at import, whose cost grows with the modules
    already loaded: the crawling commands import them before checklists, reports and the
    crawl's own modules."""
    code = (f"import sys\nimport {module}\nnames = list(sys.modules)\n"
            "print(names.index('scrapy.core.downloader.contextfactory'), "
            "min(i for i, n in enumerate(names) if n.startswith(('checklists', 'reports'))))")
    out = _child(code).split()
    assert int(out[0]) < int(out[1])


def test_a_batch_or_an_audit_imports_no_redis_client_nor_schema_validator() -> None:
    """A batch audited in this process names the Redis coordinator by its dotted path, and
    the shipped checklists come validated from the plain-data cache: neither the Redis client
    nor jsonschema is imported by the crawling commands (a nightly run pays its imports
    again every night)."""
    code = ("import sys\nimport crawler.batch.command, crawler.auditcommand\n"
            "print(sorted({'redis', 'jsonschema', 'crawler.distributed.coordinator'} & "
            "set(sys.modules)))")
    out = _child(code)
    assert out.strip() == "[]"
    assert load_object(SHARED_BATCH) is run_shared_batch


def test_a_run_after_the_first_imports_no_yaml_parser(tmp_path: Path) -> None:
    """The shipped checklists, topic map and words come back from the plain-data cache in
    every run after the first, so a crawling command's process never imports PyYAML
    (about 9 CPU-ms of a nightly re-audit's start; nightly46, issue 13); the first run,
    which reads them, does."""
    code = ("import sys\nimport crawler.cli, crawler.batch.command, crawler.auditcommand\n"
            "import crawler.nightly.runner\n"
            "from checklists import loader, topics\nfrom checklists.words import pick\n"
            "from reports.labels import both\n"
            "[loader.load_checklist(c) for c in loader.builtin_checklists()]\n"
            "topics.load_topics(); both('cli', 'description'); pick('yaml_file', 'invalid', 'en')\n"
            "print('yaml' in sys.modules)")
    env = {**os.environ, "OIT_AUDIT_CACHE": str(tmp_path)}

    def imported_yaml() -> str:
        return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                              text=True, check=True, env=env).stdout.strip()

    assert imported_yaml() == "True"  # the first run reads the YAML files
    assert imported_yaml() == "False"


def test_an_installed_tool_reads_its_version_without_tomllib() -> None:
    """The tool's version comes from the installed distribution's metadata; only a source
    tree without it parses pyproject.toml, so every other process skips importing tomllib
    (a fixed cost of each ``oit-audit`` process, issue 13)."""
    try:
        version("oit-audit")
    except PackageNotFoundError:
        pytest.skip("the project is not installed here (pip install -e .)")
    out = _child("import sys\nimport checklists.tool\n"
                 "print(checklists.tool.TOOL_VERSION, 'tomllib' in sys.modules)")
    assert out.split() == [version("oit-audit"), "False"]


def test_once_set_up_the_crawl_collects_young_garbage_less_often() -> None:
    """After start-up: what was loaded is frozen out of the collector's walks and the
    youngest generation is collected every YOUNG_COLLECTION_EVERY allocations (run in a
    child: the test process keeps Python's defaults)."""
    code = ("import gc\nfrom crawler.run import YOUNG_COLLECTION_EVERY, settle_start_up\n"
            "before = gc.get_freeze_count()\nsettle_start_up()\n"
            "print(gc.get_threshold()[0] == YOUNG_COLLECTION_EVERY, "
            "gc.get_freeze_count() > before, gc.get_threshold()[1:] == (10, 10))")
    out = _child(code).split()
    assert out == ["True", "True", "True"]


def test_scrapy_tls_modules_load_without_reading_the_stack_s_source() -> None:
    """Their three deprecated aliases are named by ``inspect.stack()[1]``: while they load
    (``crawler/scrapytls.py``) the stack's frames come without their lines of source (no
    file read) and the frame's module is its globals' (no scan of every loaded module's
    file: ``inspect``'s file-to-module map stays empty), and the aliases are named as Scrapy
    names them."""
    code = ("import inspect, linecache\nstack, getmodule, getlines, read = inspect.stack, "
            "inspect.getmodule, linecache.getlines, []\n"
            "linecache.getlines = lambda *a, **k: read.append(a[0]) or getlines(*a, **k)\n"
            "import crawler.batch.command\n"
            "from scrapy.core.downloader import contextfactory as cf, tls\n"
            "print(len(read), len(inspect.modulesbyfile), tls.ScrapyClientTLSOptions.__module__, "
            "cf.ScrapyClientContextFactory.__module__, "
            "cf.AcceptableProtocolsContextFactory.__module__, inspect.stack is stack, "
            "inspect.getmodule is getmodule)")
    assert _child(code).split() == ["0", "0", "scrapy.core.downloader.tls",
                                    "scrapy.core.downloader.contextfactory",
                                    "scrapy.core.downloader.contextfactory", "True", "True"]


def test_a_frame_s_module_is_the_one_getmodule_finds(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def inner() -> types.FrameType:
        return sys._getframe(0)

    (tmp_path / "framed_module.py").write_text("import sys\nframe = sys._getframe(0)\n",
                                               encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    framed = importlib.import_module("framed_module")  # its module-level frame, as Scrapy's
    try:
        for frame, module in ((sys._getframe(0), sys.modules[__name__]),
                              (inner(), sys.modules[__name__]), (framed.frame, framed)):
            assert frame_module(frame) is inspect.getmodule(frame) is module
    finally:
        del sys.modules["framed_module"]
    assert frame_module(len) is inspect.getmodule(len)  # not a frame: as getmodule finds it


def test_the_stand_in_gives_inspect_stack_s_frames() -> None:
    def called() -> tuple[list, list]:
        return frames(), inspect.stack(context=0)

    ours, theirs = called()
    assert [tuple(f)[:4] for f in ours] == [tuple(f)[:4] for f in theirs][:len(ours)]
    assert len(ours) == len(theirs) and ours[0].function == "called"
    assert all(f.code_context is None and f.index is None for f in ours)


@pytest.mark.parametrize(("level", "versions", "looked_up"), [
    ("CRITICAL", None, False),  # oit-audit's default: no INFO line, so no look-up
    ("WARNING", None, False),
    ("INFO", None, True),  # --verbose: the versions are logged as Scrapy logs them
    ("CRITICAL", "lxml", True),  # LOG_VERSIONS set: looked up (and logged if INFO is)
])
def test_a_crawl_process_looks_versions_up_only_for_a_line_that_is_logged(
        level: str, versions: str | None, looked_up: bool) -> None:
    """Scrapy's ``CrawlerProcess`` looks up ten packages' versions for an INFO line, the
    platform's through a ``uname -p`` child process; below INFO nobody sees it."""
    code = ("import scrapy.utils.log as log\nfrom crawler.run import crawl_process, "
            "project_settings\ncalls = []\nreal = log.get_versions\n"
            "log.get_versions = lambda software: calls.append(software) or real(software)\n"
            f"s = project_settings()\ns.set('LOG_LEVEL', {level!r}, priority='cmdline')\n"
            f"if {versions!r}:\n    s.set('LOG_VERSIONS', [{versions!r}], priority='cmdline')\n"
            "crawl_process(s)\nprint(calls)")
    calls = _child(code).splitlines()[-1]
    assert (calls != "[]") is looked_up
    if versions:
        assert calls == f"[[{versions!r}]]"
