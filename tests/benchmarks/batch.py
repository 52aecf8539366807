"""Batch throughput: ``oit-audit batch`` over many generated office sites.

Each site is the generated office site of ``tests/benchmarks/officesite.py`` (500 pages and
200 documents by default; the demo site's evidence plus news sections), served on a port of
its own on 127.0.0.1 with a per-request latency (50 ms by default: a provincial server seen
from outside). All sites serve the same files; each is a separate site to the crawler (its
own host:port, crawler, politeness and report). The batch runs as one ``oit-audit batch``
process, focused (the default) unless ``--full``, with the project's politeness settings
(AutoThrottle, 4 requests per host, robots.txt obeyed), external links off.

``sites_per_core_hour``: sites audited per hour of CPU time (user + system) of the batch
process and its reader processes, measured with ``os.wait4``; ``sites_per_hour_2_cores``:
sites per wall-clock hour on this shared 2-core machine (noisy: other work runs).

Target: ``sites_per_core_hour`` >= 200 on 225 sites (focused).

    python tests/benchmarks/batch.py [--sites 225] [--pages 500] [--documents 200]
        [--latency 0.05] [--parallel 16] [--full]
    python tests/benchmarks/batch.py --sites 12  # quick
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.officesite import cached_site  # noqa: E402
from tests.nightly.sites import serve_validating  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sites", type=int, default=225)
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--documents", type=int, default=200)
    ap.add_argument("--latency", type=float, default=0.05, help="seconds per request")
    ap.add_argument("--parallel", type=int, default=16, help="sites audited at once")
    ap.add_argument("--full", action="store_true", help="crawl every page of every site")
    args = ap.parse_args()

    site = cached_site(args.pages, args.documents)
    with tempfile.TemporaryDirectory(prefix="oit-batchbench-") as tmp_name, ExitStack() as stack:
        tmp = Path(tmp_name)
        rows = ["name,url"]
        for n in range(args.sites):
            url, _counts = stack.enter_context(serve_validating(site, latency=args.latency))
            rows.append(f"office-{n:03d},{url}")
        (tmp / "offices.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        argv = [sys.executable, "-m", "crawler.cli", "batch", str(tmp / "offices.csv"),
                "--out", str(tmp / "out"), "--as-of", "2026-05-15", "--no-external",
                "--parallel", str(args.parallel), *(["--full"] if args.full else [])]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "OIT_AUDIT_HOME": str(tmp / "home")}
        start = time.perf_counter()
        with (tmp / "batch.log").open("w") as log:
            proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
            _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"batch failed ({code}):\n{(tmp / 'batch.log').read_text()[-3000:]}")
        batch = json.loads((tmp / "out" / "batch.json").read_text(encoding="utf-8"))
        fetched = []
        for row in batch["ranking"]:
            report = json.loads((tmp / "out" / row["report"]).with_name("report.json")
                                .read_text(encoding="utf-8"))
            fetched.append(report["crawl"]["pages"] + report["crawl"]["documents"])
    cpu = usage.ru_utime + usage.ru_stime
    audited = batch["audited"]
    print(f"{audited}/{args.sites} sites audited in {wall:.1f}s wall, {cpu:.1f}s CPU; "
          f"{sum(fetched) / max(1, len(fetched)):.0f} URLs fetched per site")
    print(json.dumps({
        "sites": args.sites, "audited": audited, "not_audited": batch["not_audited"],
        "mode": "full" if args.full else "focused", "pages": args.pages,
        "documents": args.documents, "latency_s": args.latency, "parallel": args.parallel,
        "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "fetched_per_site": round(sum(fetched) / max(1, len(fetched)), 1),
        "sites_per_core_hour": round(audited / (cpu / 3600), 1) if cpu else None,
        "sites_per_hour_2_cores": round(audited / (wall / 3600) / 2, 1),
    }))


if __name__ == "__main__":
    main()
