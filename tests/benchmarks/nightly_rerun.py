"""Incremental re-audit: audit a generated site twice; the second run should cost little.

The site is the demo site plus a news archive of generated pages, each with a multi-page
text PDF holding a scanned-looking picture (about 1 MB each, like the signed, scanned
reports offices post). It is served on 127.0.0.1 by a static server that sends ETag and Last-Modified
and answers 304 to a matching conditional request, with a per-request latency and a
per-connection bandwidth limit standing in for a government web server reached over the
internet: by default 50 ms and 500 KB/s per connection, a provincial office's server seen
from outside (see ``--latency`` / ``--rate``; ``--rate 0 --latency 0`` for raw localhost).
The server keeps connections alive between requests (HTTP/1.1, closed after 5 idle seconds)
as the Apache and nginx servers offices run do by default (``KeepAlive On``,
``keepalive_timeout``); until 2026-12-03 it answered in HTTP/1.0 and closed every connection,
375 new TCP connections per re-audited batch that a real server does not make the crawler
open (``--no-keep-alive`` measures that way).

The second run's fixed costs (about 3 s to start Python and Scrapy, about 1.5 s to judge
and write the reports, one small request per URL paced by AutoThrottle) do not shrink with
the site, so ``time_ratio`` depends on how much the first run had to download and read:
measured 0.24 with the defaults, 0.33 at 1 MB/s and 0.36 on raw localhost (bytes_ratio
0.0005 in all three).

Both runs are full ``oit-audit audit`` processes (start-up, crawl, judging, reports) with
their own wall-clock time. Bytes are those received from the network (status lines,
headers and bodies as sent, 304s included), from the report's ``crawl.network.bytes``.

With ``--batch N`` the nightly re-audit is measured as a nightly batch runs it: N copies of
the site (each on its own port, so N sites) audited by one ``oit-audit batch --db`` process,
then re-audited by a second one; both pay the start-up of Python and Scrapy once for the N
sites (fixed costs shared across a batch), each site keeps its own HTTP cache and history.

Targets: ``bytes_ratio <= 0.10`` and ``time_ratio <= 0.30``. ``cpu_ratio`` (CPU seconds of
the two processes, their document readers included) is printed beside them: on a shared
machine a run's wall time varies twice over with what else runs. The last stdout line is JSON.

Bytecode: both runs import the project from a copy compiled beforehand
(``tests/benchmarks/installed.py``), which is what a user runs: ``pip install .`` (the README's
install) compiles every module of the wheel as it installs it (pip's default; its
``--no-compile`` opts out), and Python reads those ``.pyc`` files whatever the environment says
about writing them.  A source checkout run with ``PYTHONDONTWRITEBYTECODE=1`` (this project's
machine sets it; many containers do) instead compiles its 130-odd modules from source in every
process, run 1's and run 2's alike, about 0.1-0.3 CPU-s each at load 6-14 (2026-12-04,
``tests/benchmarks/README.md``): a cost no installed user pays, and a larger share of the
cheap run 2 than of run 1.  Until 2026-12-06 the default measured that source checkout as the
environment had it, and ``--bytecode`` the installed condition; the installed condition is now
the default and ``--from-source`` measures the checkout as before (``"bytecode"`` in the JSON
says which was measured; ``--bytecode`` is still accepted).  Nothing else of what is measured
changed.  ``--until-stable MAX_PAIRS`` (with
``--batch``) measures the pair of runs again, each time with a fresh history, until the
median ``time_ratio`` moves less than 0.01 with each of two more pairs (at least three
pairs, at most MAX_PAIRS): the JSON's figures are then the pairs' medians, each pair's in
``*_each`` and their number in ``pairs``; off by default (one pair, as before).

    python tests/benchmarks/nightly_rerun.py [--news 40] [--pdf-pages 16] [--image-kb 1000]
                                           [--latency S] [--rate BYTES_PER_S] [--batch N]
                                           [--from-source] [--until-stable MAX_PAIRS]
                                           [--profile FILE.prof]
    python tests/benchmarks/nightly_rerun.py --latency 0 --rate 0 --batch 5  # plain local link
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.installed import installed  # noqa: E402
from tests.benchmarks.settle import stable  # noqa: E402
from tests.nightly.sites import build_site, serve_validating  # noqa: E402

CPU: list[float] = []  # CPU seconds of each oit-audit process run, in order
INSTALLED: list[Path] = []  # where the runs import the project from (empty: --from-source)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(args: list[str], home: Path, timeout: int,
            profile: str = "") -> tuple[float, subprocess.CompletedProcess]:
    """Run ``oit-audit ARGS`` as a user would; its wall time and result (exit 0/1 or stop).
    Its CPU time (with its document readers') is appended to :data:`CPU`.  With ``profile``,
    the process runs under cProfile, its profile written there (times then mean little)."""
    prefix = ["-m", "cProfile", "-o", profile] if profile else []
    argv = [sys.executable, *prefix, "-m", "crawler.cli", *args, "--as-of", "2026-05-15",
            "--no-external"]
    code = INSTALLED[0] if INSTALLED else ROOT
    env = {**os.environ, "PYTHONPATH": str(code), "OIT_AUDIT_HOME": str(home)}
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=code, env=env, timeout=timeout)
    elapsed = time.perf_counter() - start
    CPU.append(_children_cpu() - cpu)
    if proc.returncode not in (0, 1):
        sys.exit(f"{args[0]} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n"
                 f"{proc.stderr[-2000:]}")
    return elapsed, proc


def audit(url: str, out: Path, db: Path, home: Path, profile: str = "") -> tuple[float, dict]:
    elapsed, _ = run_cli(["audit", url, "--out", str(out), "--db", str(db)], home, 900,
                         profile)
    return elapsed, json.loads((out / "report.json").read_text(encoding="utf-8"))


def audit_batch(urls: list[str], out: Path, db: Path, home: Path,
                profile: str = "") -> tuple[float, list[dict]]:
    """One ``oit-audit batch --db`` process over ``urls``; its wall time and the reports."""
    offices = out.parent / f"{out.name}.csv"
    offices.write_text("name,url\n" + "".join(f"site{n},{u}\n" for n, u in enumerate(urls)),
                       encoding="utf-8")
    elapsed, proc = run_cli(["batch", str(offices), "--out", str(out), "--db", str(db),
                             "--parallel", "2"], home, 3600, profile)
    reports = [json.loads(path.read_text(encoding="utf-8"))
               for path in sorted(out.glob("*/report.json"))]
    if len(reports) != len(urls):
        sys.exit(f"batch audited {len(reports)} of {len(urls)} sites:\n{proc.stdout[-2000:]}")
    return elapsed, reports


def cpu_figures() -> dict[str, float]:
    """CPU seconds of the last two runs and their ratio: steadier than wall time on a shared
    machine, where a run's wall time mostly measures what else is running."""
    c1, c2 = CPU[-2:]
    return {"cpu_ratio": round(c2 / c1, 4), "run1_cpu_s": round(c1, 2), "run2_cpu_s": round(c2, 2)}


def network(reports: list[dict]) -> dict[str, int]:
    """The sites' network figures added up."""
    total: dict[str, int] = {}
    for report in reports:
        for key, value in report["crawl"]["network"].items():
            total[key] = total.get(key, 0) + value
    return total


def batch_pair(urls: list[str], folder: Path, profile: str = "") -> dict:
    """Run 1 and run 2 of the batch over ``urls`` with a fresh history in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "state" / "history.sqlite3"
    t1, r1 = audit_batch(urls, folder / "run1", db, folder / "state")
    t2, r2 = audit_batch(urls, folder / "run2", db, folder / "state", profile)
    n1, n2 = network(r1), network(r2)
    same = all({i["code"]: i["verdict"] for i in a["items"]} ==
               {i["code"]: i["verdict"] for i in b["items"]} for a, b in zip(r1, r2, strict=True))
    return {"t1": t1, "t2": t2, "r1": r1, "n1": n1, "n2": n2, "same": same, **cpu_figures()}


def main_batch(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="oit-incremental-") as tmp, ExitStack() as stack:
        tmp_path = Path(tmp)
        if args.bytecode:
            INSTALLED.append(installed())
        site = build_site(tmp_path / "site", news=args.news, pdf_pages=args.pdf_pages,
                          image_kb=args.image_kb)
        urls = [stack.enter_context(serve_validating(site, latency=args.latency, rate=args.rate,
                                                     keep_alive=args.keep_alive))[0]
                for _ in range(args.batch)]
        pairs: list[dict] = []
        ratios: list[float] = []
        while not pairs or args.until_stable and not stable(ratios, args.until_stable):
            pairs.append(batch_pair(urls, tmp_path / f"pair{len(pairs) + 1}",
                                    "" if pairs else args.profile))
            ratios.append(pairs[-1]["t2"] / pairs[-1]["t1"])
            if args.until_stable:
                print(f"pair {len(pairs)}: time_ratio {ratios[-1]:.4f}, median "
                      f"{statistics.median(ratios):.4f}", flush=True)
    last = pairs[-1]
    r1, n1, n2, t1, t2 = last["r1"], last["n1"], last["n2"], last["t1"], last["t2"]
    same = all(p["same"] for p in pairs)
    print(f"batch of {args.batch} sites: {r1[0]['crawl']['pages']} pages, "
          f"{r1[0]['crawl']['documents']} documents each; latency {args.latency}s, "
          f"rate {args.rate or 'unlimited'} B/s per connection")
    print(f"run 1: {t1:.2f}s, {n1['bytes']:,} bytes, {n1['responses']} responses")
    print(f"run 2: {t2:.2f}s, {n2['bytes']:,} bytes, {n2['responses']} responses "
          f"({n2['not_modified']} not modified, {n2['text_cache_hits']} texts from cache)")
    print(f"verdicts identical: {same}")
    each = {"time_ratio": ratios, "run1_seconds": [p["t1"] for p in pairs],
            "run2_seconds": [p["t2"] for p in pairs],
            "cpu_ratio": [p["cpu_ratio"] for p in pairs],
            "run1_cpu_s": [p["run1_cpu_s"] for p in pairs],
            "run2_cpu_s": [p["run2_cpu_s"] for p in pairs]}
    # one pair: its figures; --until-stable: the medians of the pairs, and each pair's
    figures = {key: round(statistics.median(values), 4 if "ratio" in key else 2)
               for key, values in each.items()}
    if args.until_stable:
        figures.update({f"{key}_each": [round(v, 4 if "ratio" in key else 2) for v in values]
                        for key, values in each.items()})
        figures["pairs"] = len(pairs)
    print(json.dumps({
        "bytes_ratio": round(n2["bytes"] / n1["bytes"], 4), **figures,
        "run1_bytes": n1["bytes"], "run2_bytes": n2["bytes"],
        "not_modified": n2["not_modified"], "verdicts_identical": same,
        "batch_sites": args.batch, "latency_s": args.latency, "rate_bytes_per_s": args.rate,
        "keep_alive": args.keep_alive, "bytecode": args.bytecode,
        "site_pages": r1[0]["crawl"]["pages"],
        "site_documents": r1[0]["crawl"]["documents"],
    }))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--news", type=int, default=40, help="generated pages, one PDF each")
    ap.add_argument("--pdf-pages", type=int, default=16, help="pages per generated PDF")
    ap.add_argument("--image-kb", type=int, default=1000,
                    help="a scanned-looking picture in each PDF (KB; offices post signed scans)")
    ap.add_argument("--latency", type=float, default=0.05, help="seconds per request")
    ap.add_argument("--rate", type=int, default=500_000,
                    help="bytes per second per connection (0: unlimited)")
    ap.add_argument("--no-keep-alive", dest="keep_alive", action="store_false",
                    help="a server that closes every connection (HTTP/1.0; the benchmark's "
                         "server before 2026-12-03)")
    ap.add_argument("--batch", type=int, default=0,
                    help="audit N copies of the site in one batch process per run (0: one "
                         "oit-audit audit process per run)")
    ap.add_argument("--from-source", dest="bytecode", action="store_false",
                    help="run the project from this checkout as the environment has it (with "
                         "PYTHONDONTWRITEBYTECODE=1, as on this machine, every process compiles "
                         "its modules from source; the default before 2026-12-06); by default "
                         "both runs import a copy compiled beforehand, as `pip install .` "
                         "installs it")
    ap.add_argument("--bytecode", dest="bytecode", action="store_true",
                    help="the default: a copy compiled beforehand (kept for older command lines)")
    ap.set_defaults(bytecode=True)
    ap.add_argument("--until-stable", type=int, default=0, metavar="MAX_PAIRS",
                    help="with --batch: measure run 1 and run 2 again (a fresh history each "
                         "time) until the median time_ratio moves less than 0.01 with each of "
                         "two more pairs (at least 3, at most MAX_PAIRS); the JSON gives the "
                         "medians and every pair's figures (default 0: one pair)")
    ap.add_argument("--profile", default="", metavar="FILE.prof",
                    help="run the second audit under cProfile into FILE (its figures then "
                         "measure the profiler too)")
    args = ap.parse_args()
    if args.until_stable and not args.batch:
        ap.error("--until-stable measures a batch (--batch N)")
    if args.batch:
        main_batch(args)
        return

    with tempfile.TemporaryDirectory(prefix="oit-incremental-") as tmp:
        tmp_path = Path(tmp)
        if args.bytecode:
            INSTALLED.append(installed())
        site = build_site(tmp_path / "site", news=args.news, pdf_pages=args.pdf_pages,
                          image_kb=args.image_kb)
        db = tmp_path / "state" / "history.sqlite3"
        with serve_validating(site, latency=args.latency, rate=args.rate,
                              keep_alive=args.keep_alive) as (url, counts):
            t1, r1 = audit(url, tmp_path / "run1", db, tmp_path / "state")
            first_200 = counts.get("200", 0)
            t2, r2 = audit(url, tmp_path / "run2", db, tmp_path / "state", args.profile)
        n1, n2 = r1["crawl"]["network"], r2["crawl"]["network"]
        same = {i["code"]: i["verdict"] for i in r1["items"]} == \
               {i["code"]: i["verdict"] for i in r2["items"]}
        print(f"site: {r1['crawl']['pages']} pages, {r1['crawl']['documents']} documents; "
              f"latency {args.latency}s, rate {args.rate or 'unlimited'} B/s per connection")
        print(f"run 1: {t1:.2f}s, {n1['bytes']:,} bytes, {n1['responses']} responses "
              f"({first_200} full)")
        print(f"run 2: {t2:.2f}s, {n2['bytes']:,} bytes, {n2['responses']} responses "
              f"({n2['not_modified']} not modified, {n2['text_cache_hits']} texts from cache)")
        print(f"verdicts identical: {same}")
        print(json.dumps({
            "bytes_ratio": round(n2["bytes"] / n1["bytes"], 4),
            "time_ratio": round(t2 / t1, 4),
            "run1_seconds": round(t1, 2), "run2_seconds": round(t2, 2), **cpu_figures(),
            "run1_bytes": n1["bytes"], "run2_bytes": n2["bytes"],
            "not_modified": n2["not_modified"], "verdicts_identical": same,
            "latency_s": args.latency, "rate_bytes_per_s": args.rate,
            "keep_alive": args.keep_alive, "bytecode": args.bytecode,
            "site_pages": r1["crawl"]["pages"],
            "site_documents": r1["crawl"]["documents"],
        }))


if __name__ == "__main__":
    main()
