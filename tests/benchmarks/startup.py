"""The fixed cost of an ``oit-audit`` process (issue 13): what ``--help``, a one-page audit
and a batch of one-page offices cost from process start to exit.

Each figure is the median over ``--runs`` processes of the wall time and the user+system CPU
time (``os.wait4``: the process and every child it waited for, its document readers and its
batch workers).  ``help``: ``oit-audit --help``.  ``history``: ``oit-audit history`` (the
tree's own history database: the one audit of the warm-up run).  ``audit``: ``oit-audit audit URL`` of a
one-page site served on 127.0.0.1 (``--no-history``, as of 2026-05-15: start-up, one
crawl, judging, the reports, interpreter exit), the fixed price a nightly pays for each
office it audits in a process of its own.  ``batch``: ``oit-audit batch`` of ``--offices``
such sites, each on a port of its own (``--no-external``): what the batch pays per office
once its start is paid (``batch_cpu_per_office_s``: (batch CPU - audit CPU) / (offices - 1)).

The project's packages are imported as an installed copy imports them (compiled beforehand,
``installed.py``) unless ``--from-source`` (a checkout under ``PYTHONDONTWRITEBYTECODE=1``
compiles every module of the project again in every process).  ``--against DIR`` measures
another checkout too (e.g. main), the two run in turn, so that both see the same load; each
tree has its own plain-data cache (``OIT_AUDIT_CACHE``), warmed by one run not counted.

    python tests/benchmarks/startup.py [--runs 5] [--offices 20] [--against /path/to/main]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# this folder holds incremental.py, which would hide Twisted's `incremental` package
sys.path[:] = [str(ROOT), *(p for p in sys.path if Path(p or ".").resolve() != ROOT / "tests"
                            / "benchmarks")]

from tests.benchmarks.installed import installed  # noqa: E402
from tests.conftest import Recorder, _serve_app  # noqa: E402

PAGE = b"<html><head><title>x</title></head><body><a href='/ita/'>ITA</a></body></html>"
KINDS = ("help", "history", "audit", "batch")


def timed(argv: list[str], code: Path, env: dict[str, str]) -> tuple[float, float, int, str]:
    """(wall s, user+system CPU s of it and its children, exit code, output) of one process."""
    with tempfile.TemporaryFile() as out:
        started = time.monotonic()
        proc = subprocess.Popen(argv, cwd=code, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - started
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status), text


class Tree:
    """One checkout's code as the processes import it, with its own caches."""

    def __init__(self, name: str, root: Path, scratch: Path, from_source: bool) -> None:
        self.name = name
        self.code = root if from_source else installed(scratch / f"code-{name}", root=root)
        self.scratch = scratch / name
        self.scratch.mkdir()
        self.env = {**os.environ, "PYTHONPATH": str(self.code),
                    "OIT_AUDIT_CACHE": str(self.scratch / "cache"),
                    "OIT_AUDIT_HOME": str(self.scratch / "home")}
        self.figures: dict[str, list[tuple[float, float]]] = {kind: [] for kind in KINDS}
        self.runs = 0

    def run(self, kind: str, url: str, offices: Path, count: bool = True) -> None:
        self.runs += 1
        out = self.scratch / f"out-{self.runs}"
        argv = {"help": ["--help"], "history": ["history"],
                # the warm-up run records itself in the tree's history: ``history`` lists it
                "audit": ["audit", url, *(["--no-history"] if count else []), "--as-of",
                          "2026-05-15", "--out", str(out)],
                "batch": ["batch", str(offices), "--no-external", "--as-of", "2026-05-15",
                          "--out", str(out)]}[kind]
        wall, cpu, code, text = timed([sys.executable, "-m", "crawler.cli", *argv], self.code,
                                      self.env)
        if code not in (0, 1):
            raise SystemExit(f"{self.name} {kind} exited {code}:\n{text[-3000:]}")
        if count:
            self.figures[kind].append((wall, cpu))
            print(f"{self.name} {kind}: {wall:.2f} s wall, {cpu:.2f} CPU-s", flush=True)

    def medians(self, offices: int) -> dict[str, float]:
        out: dict[str, float] = {}
        for kind, pairs in self.figures.items():
            out[f"{kind}_s"] = round(statistics.median(w for w, _ in pairs), 3)
            out[f"{kind}_cpu_s"] = round(statistics.median(c for _, c in pairs), 3)
        out["batch_cpu_per_office_s"] = round(
            (out["batch_cpu_s"] - out["audit_cpu_s"]) / max(1, offices - 1), 3)
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--offices", type=int, default=20)
    parser.add_argument("--against", type=Path, default=None,
                        help="another checkout measured in turn with this one")
    parser.add_argument("--from-source", action="store_true",
                        help="import the checkout itself (compiled again in each process)")
    args = parser.parse_args()
    load = [round(os.getloadavg()[0], 1)]
    with tempfile.TemporaryDirectory(prefix="oit-startup-") as tmp, ExitStack() as stack:
        scratch = Path(tmp)
        urls = [stack.enter_context(_serve_app(lambda path: (200, {}, PAGE), Recorder()))
                for _ in range(args.offices)]
        offices = scratch / "offices.csv"
        offices.write_text("name,url\n" + "".join(f"office-{n:02d},{url}\n"
                                                  for n, url in enumerate(urls)),
                           encoding="utf-8")
        trees = [Tree("this", ROOT, scratch, args.from_source)]
        if args.against is not None:
            trees.append(Tree("against", args.against.resolve(), scratch, args.from_source))
        for tree in trees:  # warm each tree's plain-data cache, not counted
            tree.run("audit", urls[0], offices, count=False)
        for n in range(args.runs):
            for kind in KINDS:
                for tree in trees if n % 2 == 0 else trees[::-1]:
                    tree.run(kind, urls[0], offices)
        load.append(round(os.getloadavg()[0], 1))
    result: dict[str, object] = {"runs": args.runs, "offices": args.offices,
                                 "bytecode": "source" if args.from_source else "installed",
                                 **trees[0].medians(args.offices)}
    if args.against is not None:
        result["against"] = trees[1].medians(args.offices)
    result["load_avg"] = load
    print(json.dumps(result))


if __name__ == "__main__":
    main()
