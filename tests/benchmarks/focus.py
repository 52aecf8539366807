"""Focused crawl against full crawl: every corpus site (tests/sites/corpus), then the generated
office site (tests/benchmarks/officesite.py).

Each site is audited twice with the real CLI, ``--full`` and focused (the default); corpus
sites as ``tests/corpus/harness.py`` audits them, the generated site as
``tests/benchmarks/crawl.py`` does. Per site: HTML pages fetched in each mode and their ratio
(``ratio``; with documents: ``fetched_ratio``), whether every item's verdict is the same, and
the evidence floor (``floor``): the share of the full crawl's pages that lie on the way to
some item's best evidence (the evidence page and the pages that led to it, back to the home
page, as the full crawl found them). A crawl that reaches the same evidence fetches about
that many pages at least, so a site whose floor is above 0.25 cannot meet the target.

Targets: ``same_verdicts_sites`` equal to ``sites``; ``max_pages_ratio`` <= 0.25 on every
corpus site and ``generated_pages_ratio`` <= 0.25 (crawl.py's ``focused_pages_ratio``: pages
and documents) with ``generated_same_verdicts``.

    python tests/benchmarks/focus.py [--sites a,b] [--workers 1] [--generated 5245]
        [--documents 533]     # --generated 0: corpus only; --sites none: generated only
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.crawl import fetched, run_audit, verdicts  # noqa: E402
from tests.benchmarks.officesite import cached_site  # noqa: E402
from tests.corpus.harness import audit_site  # noqa: E402
from tests.corpus.server import site_names  # noqa: E402
from tests.nightly.sites import serve_validating  # noqa: E402

TARGET = 0.25


def pages(report: dict) -> int:
    return int(report["crawl"]["pages"])


def evidence_floor(crawl_jsonl: Path, report: dict) -> int:
    """HTML pages on the way to each item's best evidence in a full crawl: the evidence
    and, following each record's referer, the pages that led to it from the home page."""
    records: dict[str, dict] = {}
    for line in crawl_jsonl.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        records.setdefault(rec["url"], rec)
        records.setdefault(rec.get("final_url") or rec["url"], rec)
    trail: set[str] = set()
    for item in report["items"]:
        url = item["evidence"][0]["url"] if item["evidence"] else ""
        while url in records and records[url]["url"] not in trail:
            rec = records[url]
            trail.add(rec["url"])
            url = rec.get("referer") or ""
    return sum(records[u]["kind"] == "page" for u in trail)


def row(name: str, full: dict, focused: dict, floor: int, fetched_ratio: float) -> dict:
    diff = {c: [v, verdicts(focused).get(c)] for c, v in verdicts(full).items()
            if verdicts(focused).get(c) != v}
    focus = focused["crawl"].get("focus", {})
    return {"site": name, "full": pages(full), "focused": pages(focused),
            "ratio": round(pages(focused) / max(1, pages(full)), 3),
            "fetched_ratio": round(fetched_ratio, 4),
            "floor": round(floor / max(1, pages(full)), 3),
            "explored": focus.get("explored"), "not_visited": focus.get("not_visited"),
            "other_years": focus.get("other_years", 0),
            "same_verdicts": not diff, "diff": diff}


def compare(name: str, root: Path) -> dict:
    full_run = audit_site(name, root / f"{name}-full", "--full")
    full, focused = full_run.report, audit_site(name, root / f"{name}-focused").report
    floor = evidence_floor(root / f"{name}-full" / "crawl.jsonl", full)
    return row(name, full, focused, floor, fetched(focused) / max(1, fetched(full)))


def generated(pages_: int, documents: int, tmp: Path) -> dict:
    """The generated office site, audited full and focused as crawl.py audits it."""
    site = cached_site(pages_, documents)
    with serve_validating(site) as (url, _counts):
        _, full = run_audit(url, tmp, "generated-full")
        _, focused = run_audit(url, tmp, "generated-focused", full=False)
    floor = evidence_floor(tmp / "out-generated-full" / "crawl.jsonl", full)
    return row(f"generated-{pages_}", full, focused, floor, fetched(focused) / fetched(full))


def summary(rows: list[dict], gen: dict | None) -> dict:
    """The last line's figures: per corpus site, their max and median, the generated site."""
    out: dict = {"sites": len(rows), "same_verdicts_sites": sum(r["same_verdicts"] for r in rows)}
    if rows:
        ratios = [r["ratio"] for r in rows]
        out.update({
            "max_pages_ratio": max(ratios), "median_pages_ratio": statistics.median(ratios),
            "min_pages_ratio": min(ratios),
            "sites_within_target": sum(r <= TARGET for r in ratios),
            "max_fetched_ratio": max(r["fetched_ratio"] for r in rows),
            "min_floor": min(r["floor"] for r in rows),
            "median_floor": statistics.median(r["floor"] for r in rows),
            "sites_floor_within_target": sum(r["floor"] <= TARGET for r in rows),
            "pages_full": sum(r["full"] for r in rows),
            "pages_focused": sum(r["focused"] for r in rows),
            "ratios": {r["site"]: r["ratio"] for r in rows},
            "floors": {r["site"]: r["floor"] for r in rows},
        })
    if gen is not None:
        out.update({"generated_pages": gen["full"], "generated_pages_ratio": gen["fetched_ratio"],
                    "generated_html_ratio": gen["ratio"], "generated_floor": gen["floor"],
                    "generated_same_verdicts": gen["same_verdicts"]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sites", default="",
                    help="comma-separated corpus sites (default: all; 'none': skip)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--generated", type=int, default=5245,
                    help="pages of the generated site (0: skip it)")
    ap.add_argument("--documents", type=int, default=533,
                    help="documents of the generated site")
    args = ap.parse_args()
    names = [s for s in args.sites.split(",") if s and s != "none"] or \
        ([] if args.sites == "none" else site_names())
    with tempfile.TemporaryDirectory(prefix="oit-focus-") as tmp:
        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            rows = list(pool.map(lambda n: compare(n, Path(tmp)), names))
        gen = generated(args.generated, args.documents, Path(tmp)) if args.generated else None
    for r in [*rows, *([gen] if gen else [])]:
        print(f"{r['site']:22} pages: full {r['full']:5} focused {r['focused']:4} "
              f"ratio {r['ratio']:.3f} (with documents {r['fetched_ratio']:.3f}; evidence "
              f"floor {r['floor']:.2f}; explored {r['explored']}, not visited "
              f"{r['not_visited']}, other years {r['other_years']}) same "
              f"{r['same_verdicts']} {r['diff'] or ''}", flush=True)
    print(json.dumps(summary(rows, gen)))


if __name__ == "__main__":
    main()
