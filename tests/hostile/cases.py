"""hardio's hostile cases (issue 12) as data and small runners, shared by the tests and by
``tests/benchmarks/hostile.py``: unreadable documents linked as current items, bad YAML,
bad report.json, a huge bidi link text, and audits killed at random points.

Each runner returns :class:`Case` rows: what was tried and whether oit-audit survived it
(a clean refusal with the position, or the right verdict with its reason).
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from checklists.loader import load_checklist
from tests import patience, socketguard
from tests.conftest import ROOT
from tests.hostile.files import hostile_documents

CHECKLIST = ROOT / "checklists" / "data" / "nacc-oit-2565.yaml"
# item code -> hostile file: items whose rule needs the current fiscal year (each linked with
# its checklist title)
DOCUMENT_ITEMS = {"O10": "corrupt-2569.pdf", "O18": "encrypted-2569.pdf",
                  "O21": "bomb-2569.docx", "O15": "bomb-2569.xlsx", "O4": "inflate-2569.pdf"}


HUGE_TEXT = "ข่าวประชาสัมพันธ์ 2569 " + "ยาวมาก" * 20_000  # a 120,000-character link text


@dataclass
class Case:
    """One hostile input and its outcome."""

    name: str
    survived: bool
    note: str = ""
    report_lost: bool = False


def audit_argv(url: str, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "crawler.cli", "audit", url, "--out", str(out),
            "--as-of", "2026-05-15", "--no-external", *extra]


def cli_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a CLI run (``extra``: e.g. the benchmark's socket guard): the test
    session's socket guard and patience (tests/patience.py: a crawl's limits on wall time
    stretched on a busy machine) reach the run through the guard's ``PYTHONPATH``."""
    return {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT), "COLUMNS": "200",
            "OIT_AUDIT_HOME": str(home), **(extra or {})}


# -- documents -------------------------------------------------------------------------------

def write_document_site(root: Path) -> Path:
    """A small office site whose ITA page links each hostile document as a 2569 item."""
    (root / "ita").mkdir(parents=True)
    (root / "files").mkdir()
    for name, data in hostile_documents().items():
        (root / "files" / name).write_bytes(data)
    checklist = load_checklist(CHECKLIST)
    rows = "".join(f'<li><a href="/files/{name}">{code} {checklist.item(code).title_th} '
                   "ประจำปีงบประมาณ 2569</a></li>" for code, name in DOCUMENT_ITEMS.items())
    rows += f'<li><a href="/news.html">\u202e\x00{HUGE_TEXT}</a></li>'
    (root / "news.html").write_text('<html><body><h1>ข่าว</h1></body></html>', encoding="utf-8")
    (root / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>สำนักงานเขตพื้นที่การศึกษาตัวอย่าง</title>'
        '</head><body><a href="/ita/">ITA 2569</a></body></html>', encoding="utf-8")
    (root / "ita" / "index.html").write_text(
        f'<html><head><meta charset="utf-8"><title>ITA 2569</title></head><body><ul>{rows}'
        "</ul></body></html>", encoding="utf-8")
    return root


def document_cases(url: str, out: Path, home: Path,
                   extra_env: dict[str, str] | None = None) -> tuple[list[Case], dict]:
    """Audit the document site at ``url``: each hostile document's item must be broken or
    unverified with the document's reason in report.json (Thai) and report.md."""
    proc = patience.run(audit_argv(url, out, "--no-history"), 600, cwd=ROOT,
                        env=cli_env(home, extra_env))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    cases = []
    try:
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        items = {i["code"]: i for i in report["items"]}
    except (OSError, ValueError, KeyError):
        return [Case(f"document:{n}", False, f"no report (exit {proc.returncode})")
                for n in DOCUMENT_ITEMS.values()], {"peak_rss_mb": peak_mb}
    markdown = (out / "report.md").read_text(encoding="utf-8")
    for code, name in DOCUMENT_ITEMS.items():
        item = items.get(code, {})
        ok = item.get("verdict") in ("broken", "unverified") and "ไฟล์หลักฐาน" in \
            item.get("reason", "") and item.get("reason", "")[:40] in markdown
        cases.append(Case(f"document:{name}", ok, f"{code} {item.get('verdict')}: "
                                                    f"{item.get('reason_en', '')[:90]}"))
    shown = [(out / n).read_text(encoding="utf-8-sig") for n in
             ("report.json", "report.html", "report.md", "itas.csv", "fixes.csv")]
    clean = all("\u202e" not in t and "\x00" not in t and "\\u0000" not in t and
                "ยาวมาก" * 400 not in t for t in shown)
    cases.append(Case("text:huge-bidi-link", clean, "120,000 characters with U+202E and NUL"))
    return cases, {"peak_rss_mb": peak_mb, "exit": proc.returncode}


# -- YAML and report.json ----------------------------------------------------------------------

def _alias_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    return "\n".join(lines) + "\n"


def yaml_cases() -> dict[str, tuple[bytes, int, str]]:
    """name -> (file bytes, the line the error must name, words the error must contain)."""
    text = CHECKLIST.read_text(encoding="utf-8")
    assert "days: 365" in text
    big = text + "".join(f"  - code: X{i}\n    subindicator: '9.1'\n    title_th: t\n"
                         f"    title_en: t\n    owner: admin\n" for i in range(50_000))
    days_line = text[: text.index("days: 365")].count("\n") + 1
    thai_line = text[: re.search("[\u0e00-\u0e7f]", text).start()].count("\n") + 1
    return {
        "nul-byte": (b"id: x\nversion: 1\x00\n", 2, "#x0000"),
        "deep-brackets": (b"x: " + b"[" * 100_000 + b"\n", 1, "nesting"),
        "alias-bomb": (_alias_bomb().encode(), 4, "aliases expand"),
        "recursive-alias": (b"a: &a\n  b: *a\n", 2, "own enclosing node"),
        "not-utf8": (text.encode("cp874", "replace"), thai_line, "not UTF-8"),
        "huge-file": (big.encode(), 1, "file too large"),
        "days-in-words": (text.replace("days: 365", 'days: "หนึ่งปี"', 1).encode(), days_line,
                          "wrong type"),
        "complex-key": (b"? [a, b]\n: c\n", 1, "plain scalar"),
        "impossible-date": (b"x: 2024-13-45\n", 1, "invalid value"),
        "number-key": (b"units:\n  9.1: {th: x}\n", 2, "key must be text"),
    }


def run_yaml_cases(workdir: Path) -> list[Case]:
    """Load each bad checklist and units file: a ChecklistError/UnitsError with file:line."""
    from checklists.loader import ChecklistError, load_checklist
    from reports.units import UnitsError, load_units

    cases = []
    for name, (data, line, words) in yaml_cases().items():
        path = workdir / f"{name}.yaml"
        path.write_bytes(data)
        for kind, load, error in (("checklist", load_checklist, ChecklistError),
                                  ("units", load_units, UnitsError)):
            started = time.process_time()  # CPU: a bomb burns it, a busy machine does not
            try:
                load(path)
                ok, note = False, "accepted"
            except error as exc:
                first = exc.problems[0]
                ok = first.startswith(f"{path}:") and "\n" not in first and (
                    kind == "units" or (f"{path}:{line}:" in first and words in first))
                note = first[len(str(path)):][:100]
            except Exception as exc:  # noqa: BLE001 - a crash is what we count
                ok, note = False, f"{type(exc).__name__}: {exc}"[:100]
            cases.append(Case(f"{kind}:{name}", ok and time.process_time() - started < 30, note))
    return cases


def report_json_cases(report_text: str) -> dict[str, tuple[bytes, int, str]]:
    """name -> (bytes, the line the error must name or 0, words) from a real report.json."""
    nan = re.sub(r'"score": [0-9.]+', '"score": NaN', report_text, count=1)
    inf = report_text.replace('"items"', '"x": -Infinity, "items"', 1)
    thai = re.search("[\u0e00-\u0e7f]", report_text).start()

    def line_of(s: str, needle: str) -> int:
        return s[: s.index(needle)].count("\n") + 1

    return {
        "deep": (b'{"a":' + b"[" * 100_000 + b"]" * 100_000 + b"}", 1, "deeper than"),
        "nan-score": (nan.encode(), line_of(nan, "NaN"), "NaN is not a JSON number"),
        "infinity": (inf.encode(), line_of(inf, "-Infinity"), "-Infinity is not"),
        "not-utf8": (report_text.encode("cp874", "replace"),
                     report_text[:thai].count("\n") + 1, "not UTF-8"),
        "truncated": (report_text[: len(report_text) // 2].encode(), 0, "invalid JSON"),
    }


def run_report_json_cases(report_text: str, workdir: Path) -> list[Case]:
    """``oit-audit report`` on each bad report.json: exit 2, one line with the position."""
    cases = []
    for name, (data, line, words) in report_json_cases(report_text).items():
        path = workdir / f"{name}.json"
        path.write_bytes(data)
        proc = patience.run([sys.executable, "-m", "crawler.cli", "report", str(path),
                             "--out", str(workdir / f"out-{name}"), "--lang", "en"], 120,
                            cwd=ROOT, env=cli_env(workdir / "home"))  # the words: English
        message = proc.stderr.strip()
        ok = proc.returncode == 2 and "Traceback" not in message and "\n" not in message \
            and words in message and (f"{path}:{line}:" in message if line else
                                      message.startswith(f"{path}:"))
        cases.append(Case(f"report.json:{name}", ok, message[len(str(path)):][:100]))
    return cases


# -- kill -9 ---------------------------------------------------------------------------------

def kill_cases(url: str, workdir: Path, seeds: tuple[int, ...], duration: float,
               extra_env: dict[str, str] | None = None) -> list[Case]:
    """Re-audit into one folder and ``kill -9`` each run at a seeded random moment: the
    folder must still hold one complete set (each text file renders from its report.json)."""
    from reports import RENDERERS

    out, db = workdir / "out", workdir / "state" / "history.sqlite3"
    env = cli_env(workdir / "state", extra_env)
    first = patience.run(audit_argv(url, out, "--db", str(db)), 600, cwd=ROOT, env=env)
    cases = []
    for seed in seeds:
        rng = random.Random(seed)
        proc = subprocess.Popen(audit_argv(url, out, "--db", str(db)), cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(rng.uniform(0.2, duration * 1.1))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        lost, note = False, f"killed at seed {seed}"
        try:
            report = json.loads((out / "report.json").read_text(encoding="utf-8"))
            for name, render in RENDERERS.values():
                if name.endswith(".xlsx"):
                    lost = lost or not (out / name).stat().st_size
                elif (out / name).read_bytes() != render(report, "th").encode("utf-8"):
                    lost, note = True, f"{name} is not from the same run as report.json"
        except (OSError, ValueError) as exc:
            lost, note = True, f"{type(exc).__name__}: {exc}"[:100]
        cases.append(Case(f"kill-9:seed-{seed}", not lost and first.returncode in (0, 1),
                          note, report_lost=lost))
    return cases


def scratch() -> Path:
    return Path(tempfile.mkdtemp(prefix="oit-hostile-"))


SEEDS = (1, 2, 3)
REPORT_JSON_CASES = ("deep", "nan-score", "infinity", "not-utf8", "truncated")


def case_names() -> list[str]:
    """The names :func:`all_cases` reports, in order (known before running them)."""
    return ([f"document:{name}" for name in DOCUMENT_ITEMS.values()]
            + ["text:huge-bidi-link"] + [f"kill-9:seed-{s}" for s in SEEDS]
            + [f"{kind}:{name}" for name in yaml_cases() for kind in ("checklist", "units")]
            + [f"report.json:{name}" for name in REPORT_JSON_CASES])


def all_cases(workdir: Path, seeds: tuple[int, ...] = SEEDS,
              extra_env: dict[str, str] | None = None) -> tuple[list[Case], dict]:
    """Every hardio case, run against local servers only; (cases, figures)."""
    from crawler.demo import serve_directory

    cases: list[Case] = []
    site = write_document_site(workdir / "site")
    with serve_directory(site) as url:
        started = time.monotonic()
        docs, figures = document_cases(url, workdir / "docs-out", workdir / "home", extra_env)
        duration = time.monotonic() - started
        cases += docs
        report_text = (workdir / "docs-out" / "report.json").read_text(encoding="utf-8")
        cases += kill_cases(url, workdir / "kill", seeds, duration, extra_env)
    cases += run_yaml_cases(workdir)
    cases += run_report_json_cases(report_text, workdir)
    return cases, figures
