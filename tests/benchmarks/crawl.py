"""Crawl cost: the audit against a plain Scrapy same-site crawl of the same generated site.

The site (``tests/benchmarks/officesite.py``: the demo site's evidence plus generated news
sections; 5,245 pages and 533 documents by default; deterministic) is served on 127.0.0.1
with an optional per-request latency. Each run is a process of its own, measured with
``os.wait4`` (wall time, user+system CPU, peak RSS): ``oit-audit audit --full`` (start-up,
crawl, document text, judging, reports; a fresh history folder, as a first audit) and
``tests/benchmarks/plaincrawl.py`` (CrawlSpider + LinkExtractor, keeps nothing), with the same
settings: 16 concurrent requests (16 per host), no throttling, robots.txt not read, no
external links, and the audit's own engine settings (:data:`ENGINE_SETTINGS`, from
``crawler/settings.py``: ``CONCURRENT_ITEMS`` 4 and the rest). Runs alternate (audit first,
then plain first, ...) and figures are medians of the pairs: the machine is shared, so single
runs are noisy.

Then, unless ``--no-focused``: one focused audit (the default mode) whose verdicts are
compared with the full audit's (``focused_same_verdicts``) and whose fetched URLs are
counted against the full audit's (``focused_pages_ratio``); and, unless ``--rss-pages 0``,
one full audit of a 20,000-page site for ``peak_rss_mb_large``.

Targets: ``overhead_wall`` and ``overhead_cpu`` <= 1.2, ``peak_rss_mb_large`` <= 400,
``focused_pages_ratio`` <= 0.25 with ``focused_same_verdicts`` true.

    python tests/benchmarks/crawl.py [--pages 5245] [--documents 533] [--latency S]
        [--runs 3] [--until-stable MAX_PAIRS] [--rss-pages 20000] [--no-focused]
        [--bytecode] [--profile FILE.prof] [--save-report FILE.json]

``--until-stable MAX_PAIRS`` (off by default) repeats the alternating pairs after ``--runs``
until the median ``overhead_cpu`` moves less than 0.01 with each of two more pairs, or
MAX_PAIRS pairs are measured (``tests/benchmarks/settle.py``); the JSON then also gives each
pair's ratios (``overhead_wall_each``, ``overhead_cpu_each``) and ``pairs``.  Each run's CPU
seconds and conditions are given in order (``audit_cpu_each``, ``plain_cpu_each``, and
``*_load_each``: the 1-minute load average at its start, ``*_waits_each``: voluntary context
switches, ``*_preempted_each``: involuntary ones): the same crawl's CPU seconds move with the
machine's state (tests/benchmarks/README.md, "Why the same crawl's CPU seconds vary").
``reference_cpu_s`` (median) and ``reference_cpu_each`` time a fixed workload in the
benchmark's own process before the first pair and after each pair
(``tests/benchmarks/reference.py``): the host's speed beside the runs, to tell a slower host
(the crawls and the reference dearer together) from a dearer audit; ``overhead_cpu`` does not
use it.

``--bytecode`` (off by default) runs the audits from the project's packages compiled
beforehand (``tests/benchmarks/installed.py``), as an installed package runs; by default they
run from the checkout as the environment says (this machine sets ``PYTHONDONTWRITEBYTECODE=1``,
so each audit and each of its document reader processes compiles the modules it imports, about
0.1-0.3 CPU-s each; the plain crawl imports Scrapy's compiled modules): ``"bytecode"`` in the
JSON says which was measured.

``--profile`` runs one more audit under cProfile timed in CPU seconds
(``tests/benchmarks/cpuprofile.py``); ``--save-report`` keeps the full audit's report.json
(to compare verdicts and candidates before and after a change). Quick:

    python tests/benchmarks/crawl.py --pages 500 --documents 60 --runs 1 --rss-pages 0  # quick
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from crawler import settings as audit_settings  # noqa: E402
from tests.benchmarks.installed import installed  # noqa: E402
from tests.benchmarks.officesite import cached_site  # noqa: E402
from tests.benchmarks.reference import reference_cpu, reference_pages, summary  # noqa: E402
from tests.benchmarks.settle import stable  # noqa: E402
from tests.nightly.sites import serve_validating  # noqa: E402

AS_OF = "2026-05-15"
# The audit's own values of the Scrapy settings that change how the engine runs a crawl,
# given to both crawls: the plain crawl is the audit's crawl minus the audit, not Scrapy's
# defaults (CONCURRENT_ITEMS alone moves the plain crawl's CPU by a fifth). What the audit
# does beyond crawling stays the audit's cost: its JOBDIR disk queue (--resume), the HTTP
# cache of its history, its middlewares, document text, judging and reports.
ENGINE_SETTINGS = ("CONCURRENT_ITEMS", "DEPTH_PRIORITY", "DOWNLOAD_MAXSIZE", "LOG_LEVEL",
                   "REQUEST_FINGERPRINTER_IMPLEMENTATION", "RETRY_TIMES", "RETRY_ENABLED",
                   "SCHEDULER_MEMORY_QUEUE", "STATS_CLASS", "TELNETCONSOLE_ENABLED",
                   "WARN_ON_GENERATOR_RETURN_VALUE")
CODE: list[Path] = []  # ``--bytecode``: where the audits import the project from
SHARED = {**{name: getattr(audit_settings, name) for name in ENGINE_SETTINGS},
          "CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
          "AUTOTHROTTLE_ENABLED": False, "ROBOTSTXT_OBEY": False, "DOWNLOAD_TIMEOUT": 30}


def _settings_args() -> list[str]:
    return [arg for name, value in SHARED.items() for arg in ("-s", f"{name}={json.dumps(value)}")]


def measure(argv: list[str], env: dict[str, str], log: Path,
            cwd: Path = ROOT) -> dict[str, float]:
    """Run ``argv``; its wall time, CPU seconds and peak RSS (MB), and the conditions it ran
    in: the 1-minute load average at its start (``load``), how often it waited (voluntary
    context switches, ``waits``) and how often it was preempted (``preempted``)."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    with log.open("w") as fh:
        proc = subprocess.Popen(argv, stdout=fh, stderr=subprocess.STDOUT, cwd=cwd, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{argv[:4]} failed ({proc.returncode}):\n{log.read_text()[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": usage.ru_maxrss / 1024, "load": load, "waits": usage.ru_nvcsw,
            "preempted": usage.ru_nivcsw}


def audit_argv(url: str, out: Path, full: bool, profile: str = "") -> list[str]:
    prefix = [sys.executable] + (["-m", "tests.benchmarks.cpuprofile", profile] if profile
                                 else ["-m"])
    return [*prefix, *(["crawler/cli.py"] if profile else ["crawler.cli"]), "audit", url,
            "--out", str(out), "--as-of", AS_OF, "--no-external", "--ignore-robots",
            "--max-pages", "1000000", "--max-depth", "1000", *(["--full"] if full else []),
            "-s", "OIT_MAX_DOCUMENTS=1000000", "-s", "OIT_PROGRESS=\"off\"", *_settings_args()]


def run_audit(url: str, tmp: Path, tag: str, full: bool = True,
              profile: str = "") -> tuple[dict[str, float], dict]:
    out, home = tmp / f"out-{tag}", tmp / f"home-{tag}"
    code = CODE[0] if CODE else ROOT  # --bytecode: the compiled copy
    env = {**os.environ, "PYTHONPATH": str(code), "OIT_AUDIT_HOME": str(home)}
    figures = measure(audit_argv(url, out, full, profile), env, tmp / f"{tag}.log", code)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    shutil.rmtree(home, ignore_errors=True)
    return figures, report


def run_plain(url: str, tmp: Path, tag: str) -> dict[str, float]:
    argv = [sys.executable, "-m", "tests.benchmarks.plaincrawl", url,
            *_settings_args()]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    figures = measure(argv, env, tmp / f"{tag}.log")
    lines = (tmp / f"{tag}.log").read_text().strip().splitlines()
    figures["responses"] = json.loads(lines[-1])["responses"]
    return figures


def conditions(audits: list[dict], plains: list[dict]) -> dict[str, list]:
    """Each run's CPU seconds and the conditions it ran in, in order (for the noise: the same
    crawl's CPU seconds move with the machine's state, see tests/benchmarks/README.md)."""
    return {f"{kind}_{key}_each": [round(run[key], 2) if isinstance(run[key], float)
                                   else run[key] for run in runs]
            for kind, runs in (("audit", audits), ("plain", plains))
            for key in ("cpu", "load", "waits", "preempted")}


def fetched(report: dict) -> int:
    crawl = report["crawl"]
    return int(crawl["pages"]) + int(crawl["documents"])


def verdicts(report: dict) -> dict[str, str]:
    return {item["code"]: item["verdict"] for item in report["items"]}


def print_profile(path: str, top: int = 25) -> None:
    import pstats

    stats = pstats.Stats(path)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=5245)
    ap.add_argument("--documents", type=int, default=533)
    ap.add_argument("--latency", type=float, default=0.0, help="seconds per request")
    ap.add_argument("--runs", type=int, default=3, help="paired runs (median reported)")
    ap.add_argument("--until-stable", type=int, default=0, metavar="MAX_PAIRS",
                    help="more pairs until the median overhead_cpu settles (at most MAX_PAIRS)")
    ap.add_argument("--rss-pages", type=int, default=20000,
                    help="pages of the site audited once for peak_rss_mb_large (0: skip)")
    ap.add_argument("--no-focused", action="store_true", help="skip the focused audit")
    ap.add_argument("--bytecode", action="store_true",
                    help="audit from the project compiled beforehand, as an installed package "
                         "has it (default: as the environment says; this machine sets "
                         "PYTHONDONTWRITEBYTECODE=1, so each audit and each of its document "
                         "reader processes compiles the modules it imports)")
    ap.add_argument("--profile", default="", help="also run one audit under cProfile into FILE")
    ap.add_argument("--save-report", default="",
                    help="copy the last full audit's report.json to FILE (to compare verdicts "
                         "and candidates before and after a change)")
    args = ap.parse_args()

    site = cached_site(args.pages, args.documents)
    if args.bytecode:
        CODE.append(installed())
    audits, plains = [], []
    result: dict = {"pages": args.pages, "documents": args.documents, "latency_s": args.latency,
                    "runs": args.runs, "bytecode": args.bytecode}
    with tempfile.TemporaryDirectory(prefix="oit-crawlbench-") as tmp_name, \
            serve_validating(site, latency=args.latency) as (url, _counts):
        tmp = Path(tmp_name)
        full_report: dict = {}
        reference = reference_pages()
        references = [reference_cpu(reference)]  # the host's speed before the first pair
        n = 0
        while n < args.runs or args.until_stable and not stable(
                [a["cpu"] / p["cpu"] for a, p in zip(audits, plains, strict=True)],
                max(args.until_stable, args.runs)):
            order = ("audit", "plain") if n % 2 == 0 else ("plain", "audit")
            n += 1
            for kind in order:
                if kind == "audit":
                    figures, full_report = run_audit(url, tmp, f"audit{n}")
                    figures["responses"] = fetched(full_report)
                    audits.append(figures)
                else:
                    plains.append(run_plain(url, tmp, f"plain{n}"))
                print(f"run {n} {kind}: " + ", ".join(
                    f"{k} {v:.1f}" for k, v in (audits if kind == "audit" else plains)[-1].items()),
                    flush=True)
            references.append(reference_cpu(reference))
            print(f"reference after pair {n}: {references[-1]:.3f} CPU-s", flush=True)
        if args.save_report:
            Path(args.save_report).write_text(json.dumps(full_report, ensure_ascii=False),
                                              encoding="utf-8")
        walls = [a["wall"] / p["wall"] for a, p in zip(audits, plains, strict=True)]
        cpus = [a["cpu"] / p["cpu"] for a, p in zip(audits, plains, strict=True)]
        med = statistics.median
        result.update({
            "overhead_wall": round(med(walls), 3), "overhead_cpu": round(med(cpus), 3),
            "peak_rss_mb": round(max(a["rss_mb"] for a in audits), 1),
            "plain_peak_rss_mb": round(max(p["rss_mb"] for p in plains), 1),
            "pages_per_s": round(med(a["responses"] / a["wall"] for a in audits), 1),
            "audit_wall_s": round(med(a["wall"] for a in audits), 2),
            "plain_wall_s": round(med(p["wall"] for p in plains), 2),
            "audit_cpu_s": round(med(a["cpu"] for a in audits), 2),
            "plain_cpu_s": round(med(p["cpu"] for p in plains), 2),
            "audit_responses": audits[-1]["responses"], "plain_responses": plains[-1]["responses"],
        })
        if args.until_stable:
            result.update({"runs": len(audits), "pairs": len(audits),
                           "overhead_wall_each": [round(w, 3) for w in walls],
                           "overhead_cpu_each": [round(c, 3) for c in cpus]})
        result.update(conditions(audits, plains))
        result.update(summary(references))
        if not args.no_focused:
            figures, focused = run_audit(url, tmp, "focused", full=False)
            result.update({
                "focused_pages_ratio": round(fetched(focused) / fetched(full_report), 4),
                "focused_same_verdicts": verdicts(focused) == verdicts(full_report),
                "focused_wall_s": round(figures["wall"], 2),
            })
            if not result["focused_same_verdicts"]:
                diff = {c: (v, verdicts(focused).get(c)) for c, v in verdicts(full_report).items()
                        if verdicts(focused).get(c) != v}
                print(f"focused verdicts differ (full, focused): {diff}")
        if args.profile:
            run_audit(url, tmp, "profile", profile=args.profile)
            print_profile(args.profile)
    if args.rss_pages:
        large = cached_site(args.rss_pages, max(args.documents, args.rss_pages // 10))
        with tempfile.TemporaryDirectory(prefix="oit-crawlbench-") as tmp_name, \
                serve_validating(large, latency=args.latency) as (url, _counts):
            figures, report = run_audit(url, Path(tmp_name), "large")
            result.update({"peak_rss_mb_large": round(figures["rss_mb"], 1),
                           "large_pages": args.rss_pages, "large_fetched": fetched(report),
                           "large_wall_s": round(figures["wall"], 2)})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
