"""Hostile inputs: does oit-audit survive them, fetch nothing outside the site, lose no report?

Each entry of ``CASES`` is one hostile input: a name and a function that runs it and returns
an :class:`Outcome`.  Append new inputs to ``CASES`` (a plain list); a case that needs an
audit can share one crawl through :func:`hostile_audit` or run its own with :func:`audit`.

Every audit runs as a real ``oit-audit`` subprocess with the test suite's socket guard
(tests/socketguard.py): a connection to anything but 127.0.0.1 is refused and logged, and
the log is what ``fetched_outside_site`` counts (plus requests the hostile server saw under
another host name, e.g. ``localhost``).  ``reports_lost`` counts audits that ended without a
complete report.json.

Figures (last stdout line, JSON): ``inputs_tried``, ``survived``, ``fetched_outside_site``
(target 0), ``reports_lost`` (target 0), ``failed`` (names of the cases that did not survive)
and ``seconds``.

    python tests/benchmarks/hostile.py [-k SUBSTRING]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests import socketguard  # noqa: E402
from tests.hostile import cases as hardio  # noqa: E402
from tests.hostile.server import FORBIDDEN_TARGETS, serve_hostile  # noqa: E402

WORK = Path(tempfile.mkdtemp(prefix="oit-hostile-bench-"))
GUARD_LOG = WORK / "socket-guard.log"
BUDGET = 3  # seconds per external host in these audits (OIT_EXTERNAL_HOST_BUDGET)


@dataclass
class Outcome:
    """What one hostile input did."""

    survived: bool
    fetched_outside: int = 0
    report_lost: bool = False
    note: str = ""


@dataclass
class Case:
    name: str
    run: Callable[[], Outcome]


@dataclass
class AuditRun:
    """One ``oit-audit audit`` subprocess: exit code, report (None: lost), records, time."""

    code: int
    report: dict[str, Any] | None
    records: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    stderr: str = ""
    outside: list[str] = field(default_factory=list)

    def item(self, code: str) -> dict[str, Any]:
        assert self.report is not None
        return next(i for i in self.report["items"] if i["code"] == code)

    def record(self, url_part: str) -> dict[str, Any] | None:
        return next((r for r in self.records if url_part in r["url"]), None)


def audit(url: str, *args: str, name: str = "audit") -> AuditRun:
    """Run ``oit-audit audit URL ARGS`` under the socket guard."""
    out = WORK / name
    home = WORK / "home"
    env = {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT),
           socketguard.ENV: str(GUARD_LOG), "OIT_AUDIT_HOME": str(home)}
    argv = [sys.executable, "-m", "crawler.cli", "audit", url, "--out", str(out),
            "--as-of", "2026-05-15", "--no-history", *args]
    start_log = socketguard.log_size(GUARD_LOG)
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    seconds = time.perf_counter() - start
    report_path, crawl_path = out / "report.json", out / "crawl.jsonl"
    report = json.loads(report_path.read_text("utf-8")) if report_path.exists() else None
    records = [json.loads(line) for line in crawl_path.read_text("utf-8").splitlines()
               if line.strip()] if crawl_path.exists() else []
    return AuditRun(proc.returncode, report, records, seconds, proc.stderr,
                    socketguard.violations(GUARD_LOG, start_log))


@dataclass
class SharedAudit:
    run: AuditRun
    site_hosts: set[str]
    hang_connections: int


@functools.cache
def hostile_audit() -> SharedAudit:
    """One audit of the hostile network site (tests/sites/hostile/net/), shared by the cases
    below; from its public-looking start URL nothing private may be connected to."""
    with serve_hostile() as site:
        run = audit(site.url, "-s", f"OIT_EXTERNAL_HOST_BUDGET={BUDGET}", name="hostile")
        return SharedAudit(run, site.seen.hosts(), len(site.hang_connections))


def _outside(shared: SharedAudit) -> int:
    """Requests that reached the site under another name than 127.0.0.1 (``localhost``
    resolves to loopback, which the socket guard allows)."""
    return len(shared.site_hosts - {"127.0.0.1"})


def item_case(code: str, verdict: str, cause: str) -> Callable[[], Outcome]:
    """A case that passes when item ``code`` of the hostile audit has ``verdict`` and its
    evidence record failed with ``cause``."""
    def run() -> Outcome:
        shared = hostile_audit()
        if shared.run.report is None:
            return Outcome(False, _outside(shared), True, "no report")
        item = shared.run.item(code)
        url = (item.get("evidence") or [{}])[0].get("url", "")
        rec = shared.run.record(url) if url else None
        got = (item["verdict"], rec.get("error") if rec else None)
        return Outcome(got == (verdict, cause), _outside(shared), False,
                       f"{code}: {got[0]}/{got[1]}")
    return run


def _no_outside_connection() -> Outcome:
    shared = hostile_audit()
    forbidden = [t for t in shared.run.outside if t.split(":")[0] in FORBIDDEN_TARGETS]
    ok = not shared.run.outside and _outside(shared) == 0
    return Outcome(ok, _outside(shared), shared.run.report is None,
                   ", ".join(shared.run.outside) or "none"
                   + (f" (forbidden: {forbidden})" if forbidden else ""))


def _hanging_host_budget() -> Outcome:
    shared = hostile_audit()
    rec = next((r for r in shared.run.records if r["url"].endswith("/plan-2569.pdf")), None)
    ok = rec is not None and rec["error"] in ("slow_host", "timeout") \
        and shared.hang_connections <= 2
    return Outcome(ok, 0, shared.run.report is None,
                   f"{shared.hang_connections} connections to the hanging host")


def _encoding_case(path: str, title: str) -> Callable[[], Outcome]:
    def run() -> Outcome:
        shared = hostile_audit()
        rec = shared.run.record(path)
        ok = rec is not None and rec["title"] == title and len(rec["links"]) > 0
        return Outcome(ok, 0, shared.run.report is None, f"{path}: {rec and rec['title']!r}")
    return run


def _no_external_redirect() -> Outcome:
    """With --no-external, a site link redirecting to another host is not followed."""
    with serve_hostile() as site:
        run = audit(site.url, "--no-external", "-s", f"OIT_EXTERNAL_HOST_BUDGET={BUDGET}",
                    name="no-external")
        asked = len(site.other_seen.requests) + len(site.hang_connections)
    return Outcome(asked == 0 and run.report is not None, 0, run.report is None,
                   f"{asked} requests to other hosts")


def _robots_disallows_ita() -> Outcome:
    """robots.txt keeping the crawler out of /ita/: no item "missing", status incomplete."""
    with serve_hostile(robots="User-agent: *\nDisallow: /ita/\n") as site:
        run = audit(site.url.removesuffix("net/"), name="robots")
        asked = [p for p in site.seen.paths() if p.startswith("/ita/")]
    if run.report is None:
        return Outcome(False, 0, True, "no report")
    verdicts = [i["verdict"] for i in run.report["items"]]
    ok = not asked and "missing" not in verdicts and run.report["status"] == "incomplete"
    return Outcome(ok, 0, False, f"status {run.report['status']}, "
                                 f"{verdicts.count('missing')} missing, {len(asked)} /ita/ requests")


def _name_resolving_to_loopback() -> Outcome:
    shared = hostile_audit()
    rec = shared.run.record("//localhost:")
    ok = rec is not None and rec["error"] == "private" and "localhost" not in shared.site_hosts
    return Outcome(ok, _outside(shared), shared.run.report is None,
                   f"localhost: {rec and rec['error']}")


CASES: list[Case] = [
    Case("redirect loop is broken", item_case("O1", "broken", "redirect_loop")),
    Case("30-hop redirect chain is broken", item_case("O2", "broken", "too_many_redirects")),
    Case("redirect to a closed port is broken", item_case("O3", "broken", "refused")),
    Case("redirect to cloud metadata is refused", item_case("O4", "broken", "private")),
    Case("redirect to 127.0.0.2 is refused", item_case("O5", "broken", "private")),
    Case("redirect to 10.x is refused", item_case("O6", "broken", "private")),
    Case("link to cloud metadata is refused", item_case("O7", "broken", "private")),
    Case("meta refresh to cloud metadata is refused", item_case("O9", "broken", "private")),
    Case("a name resolving to loopback is refused", _name_resolving_to_loopback),
    Case("nothing private was connected to", _no_outside_connection),
    Case("--no-external stops redirects to other hosts", _no_external_redirect),
    Case("robots.txt disallowing /ita/ is not checked, never missing", _robots_disallows_ita),
    Case("a hanging external host costs one short budget", _hanging_host_budget),
    Case("ISO-8859-1 header on a UTF-8 body",
         _encoding_case("/enc/latin1-header.html", "คู่มือการปฏิบัติงาน")),
    Case("UTF-8 header on a windows-874 body",
         _encoding_case("/enc/tis620-body.html", "แผนดำเนินงานประจำปี 2569")),
]


@functools.cache
def _hardio_outcomes() -> dict[str, hardio.Case]:
    """hardio's cases (tests/hostile/cases.py: unreadable documents, a huge bidi link text,
    kill -9 at seeded moments, bad YAML and report.json), run once under the socket guard."""
    env = {"PYTHONPATH": socketguard.subprocess_pythonpath(ROOT),
           socketguard.ENV: str(GUARD_LOG)}
    found, _ = hardio.all_cases(WORK / "hardio", extra_env=env)
    return {c.name: c for c in found}


def hardio_case(name: str) -> Callable[[], Outcome]:
    def run() -> Outcome:
        case = _hardio_outcomes().get(name)
        if case is None:
            return Outcome(False, note="not run")
        return Outcome(case.survived, 0, case.report_lost, case.note)
    return run


CASES += [Case(f"hardio {name}", hardio_case(name)) for name in hardio.case_names()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-k", default="", help="run only the cases whose name contains this")
    args = ap.parse_args()
    start = time.perf_counter()
    cases = [c for c in CASES if args.k in c.name]
    outcomes: list[tuple[Case, Outcome]] = []
    for case in cases:
        try:
            outcome = case.run()
        except Exception as exc:  # a case that crashes did not survive
            outcome = Outcome(False, note=f"{type(exc).__name__}: {exc}")
        outcomes.append((case, outcome))
        print(f"{'ok  ' if outcome.survived else 'FAIL'} {case.name}: {outcome.note}")
    figures = {
        "inputs_tried": len(outcomes),
        "survived": sum(o.survived for _, o in outcomes),
        # every connection the guard refused, in all audits, plus requests that reached a
        # local server under another name (cases sharing an audit report the same ones)
        "fetched_outside_site": len(socketguard.violations(GUARD_LOG))
        + max([o.fetched_outside for _, o in outcomes], default=0),
        "reports_lost": sum(o.report_lost for _, o in outcomes),
        "failed": [c.name for c, o in outcomes if not o.survived],
        "seconds": round(time.perf_counter() - start, 1),
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
