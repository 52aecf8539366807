"""Focused crawl against full crawl on every corpus site (tests/sites/corpus).

Each site is audited twice with the real CLI, ``--full`` and focused (the default), as
``tests/corpus/harness.py`` audits it; per site: HTML pages fetched in each mode and their
ratio (``ratio``; with documents: ``fetched_ratio``), and whether every item's verdict is the
same. The generated office site
is measured by ``tests/benchmarks/crawl.py`` (``focused_pages_ratio``).

Targets: ``same_verdicts_sites`` equal to ``sites``; ``max_pages_ratio`` <= 0.25.

    python tests/benchmarks/focus.py [--sites a,b] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.corpus.harness import audit_site  # noqa: E402
from tests.corpus.server import site_names  # noqa: E402


def fetched(report: dict) -> int:
    return int(report["crawl"]["pages"]) + int(report["crawl"]["documents"])


def verdicts(report: dict) -> dict[str, str]:
    return {item["code"]: item["verdict"] for item in report["items"]}


def pages(report: dict) -> int:
    return int(report["crawl"]["pages"])


def compare(name: str, root: Path) -> dict:
    full = audit_site(name, root / f"{name}-full", "--full").report
    focused = audit_site(name, root / f"{name}-focused").report
    focus = focused["crawl"].get("focus", {})
    diff = {c: [v, verdicts(focused).get(c)] for c, v in verdicts(full).items()
            if verdicts(focused).get(c) != v}
    return {"site": name, "full": pages(full), "focused": pages(focused),
            "ratio": round(pages(focused) / max(1, pages(full)), 3),
            "fetched_ratio": round(fetched(focused) / max(1, fetched(full)), 3),
            "explored": focus.get("explored"), "not_visited": focus.get("not_visited"),
            "same_verdicts": not diff, "diff": diff}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sites", default="", help="comma-separated corpus sites (default: all)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    names = [s for s in args.sites.split(",") if s] or site_names()
    with tempfile.TemporaryDirectory(prefix="oit-focus-") as tmp:
        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            rows = list(pool.map(lambda n: compare(n, Path(tmp)), names))
    for row in rows:
        print(f"{row['site']:22} pages: full {row['full']:4} focused {row['focused']:4} "
              f"ratio {row['ratio']:.2f} (with documents {row['fetched_ratio']:.2f}; explored "
              f"{row['explored']}, not visited {row['not_visited']}) same "
              f"{row['same_verdicts']} {row['diff'] or ''}")
    print(json.dumps({
        "sites": len(rows), "same_verdicts_sites": sum(r["same_verdicts"] for r in rows),
        "max_pages_ratio": max(r["ratio"] for r in rows),
        "median_pages_ratio": sorted(r["ratio"] for r in rows)[len(rows) // 2],
        "max_fetched_ratio": max(r["fetched_ratio"] for r in rows),
        "pages_full": sum(r["full"] for r in rows),
        "pages_focused": sum(r["focused"] for r in rows),
    }))


if __name__ == "__main__":
    main()
