"""Benchmark of evidence finding: audit every corpus site and compare with its labels.

Run from the repository root:

    python tests/benchmarks/evidence.py [--workers 4] [--site NAME ...] [--mistakes]

The corpus is tests/sites/corpus/<site>/ (built by tests/sites/corpus/build.py): office sites
in the styles Thai offices use, each with labels.yaml giving, per item, the verdict an
assessor would reach and the URL path(s) they would accept, plus ``not_evidence`` (news posts
and unrelated pages).  Each site is served on 127.0.0.1 and audited with the real command
(``python -m crawler.cli audit URL --as-of ... --fiscal-year ... --no-external``): external
links (Facebook) are recognised as evidence without being fetched; the Google-Sites-like
site's Drive links go to the local Drive stand-in (crawler/demo_drive.py) through
``-s OIT_SHARING_HOSTS=...``; the JavaScript site is rendered in Chromium.

Definitions, per site and item:
- the predicted evidence is the report's best evidence URL (none when the verdict is missing);
  it is correct when it, or the URL it redirected to, is one of the labelled URLs;
- TP: correct evidence for an item labelled present (any verdict but missing);
- FP: evidence reported for an item labelled missing, or at a wrong URL;
- FN: an item labelled present but not found, or found at a wrong URL (so a wrong URL counts
  as both an FP and an FN);
- per-item precision, recall and F1 add up TP/FP/FN over the sites (F1 = 2TP/(2TP+FP+FN),
  1.0 for an item with no TP, FP or FN); the overall figures add up every item;
- ``false_evidence``: predicted evidence URLs that the labels list as not evidence;
- the confusion table counts labelled verdicts against predicted verdicts.

Targets: f1 >= 0.95, every item's f1 >= 0.8, false_evidence == 0.  The last line printed is
one JSON object: {"f1", "precision", "recall", "min_item_f1", "false_evidence", ...}.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.corpus.harness import VERDICTS, audit_all, item_codes, score  # noqa: E402
from tests.corpus.server import site_names  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4, help="audits run at once")
    parser.add_argument("--site", action="append", help="only these corpus sites")
    parser.add_argument("--mistakes", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)

    names = args.site or site_names()
    started = time.monotonic()
    runs = audit_all(names, workers=args.workers)
    elapsed = time.monotonic() - started
    failed = [r.name for r in runs if r.result.code not in (0, 1)]
    for name in failed:
        run = next(r for r in runs if r.name == name)
        print(f"audit of {name} failed (exit {run.result.code}):\n{run.result.stderr[-2000:]}")
    runs = [r for r in runs if r.name not in failed]
    s = score(runs)

    print(f"{len(runs)} sites, {sum(len(r.labels['items']) for r in runs)} labelled items, "
          f"{elapsed:.1f} s\n")
    print(f"{'item':<6}{'TP':>4}{'FP':>4}{'FN':>4}{'prec':>7}{'recall':>8}{'F1':>7}")
    item_f1 = {}
    for code in item_codes(runs):
        p, r, f = s.item(code)
        item_f1[code] = f
        print(f"{code:<6}{s.tp[code]:>4}{s.fp[code]:>4}{s.fn[code]:>4}{p:>7.3f}{r:>8.3f}{f:>7.3f}")
    p, r, f = s.overall()
    print(f"{'all':<6}{sum(s.tp.values()):>4}{sum(s.fp.values()):>4}{sum(s.fn.values()):>4}"
          f"{p:>7.3f}{r:>8.3f}{f:>7.3f}\n")

    print("verdicts: labelled (rows) x predicted (columns)")
    print(f"{'':<12}" + "".join(f"{v:>12}" for v in VERDICTS))
    for lab in VERDICTS:
        print(f"{lab:<12}" + "".join(f"{s.confusion[(lab, pred)]:>12}" for pred in VERDICTS))
    agree = sum(s.confusion[(v, v)] for v in VERDICTS)
    total = sum(s.confusion.values())
    print(f"verdict agreement: {agree}/{total}\n")

    print("per site:")
    for run in runs:
        rp, rr, rf = score([run]).overall()
        print(f"  {run.name:<22} P {rp:.3f}  R {rr:.3f}  F1 {rf:.3f}  "
              f"rendered {len(run.report['crawl'].get('rendered', []))}")
    if s.false_evidence:
        print("\nfalse evidence (news posts or unrelated pages taken as evidence):")
        for site, code, url in s.false_evidence:
            print(f"  {site} {code}: {url}")
    if args.mistakes or len(s.mistakes) <= 20:
        print(f"\ndisagreements ({len(s.mistakes)}):")
        for line in s.mistakes:
            print(f"  {line}")

    if not runs:  # nothing was measured: no figure may look like a success
        p = r = f = 0.0
    result = {"f1": round(f, 4), "precision": round(p, 4), "recall": round(r, 4),
              "min_item_f1": round(min(item_f1.values()), 4) if item_f1 else 0.0,
              "false_evidence": len(s.false_evidence),
              "verdict_agreement": round(agree / total, 4) if total else 0.0,
              "sites": len(runs), "failed_sites": failed, "seconds": round(elapsed, 1)}
    print(json.dumps(result, ensure_ascii=False))
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
