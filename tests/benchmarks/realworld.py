"""Benchmark of evidence finding on real sites' wordings: the real-world corpus.

Run from the repository root:

    python tests/benchmarks/realworld.py [--mistakes dev]

The corpus is tests/realworld/samples.tsv (see tests/realworld/README.md: how it was
collected, and its split fixed by domain hash before any sample was read closely).  Each
domain becomes a small site (tests/realworld/sites.py): an ITA hub page linking to a page per
sample, item pages and negative samples (news posts, flip-book shells, placeholders) alike.
Each site is judged on the pure path, ``checklists.engine.evaluate`` over the snapshot the
crawl would record (no crawl: the whole corpus takes seconds; tests/realworld/test_site.py
crawls one such site for real), with the reference checklist nacc-oit-2565 as of 2026-05-15.

Definitions (per site and item, summed over sites; as tests/benchmarks/evidence.py):
- the predicted evidence is the audit's best evidence URL (none when the verdict is missing);
- TP: it is the URL of a sample of that site labelled with the item;
- FP: evidence for an item no sample of the site is labelled with, or a wrong URL;
- FN: an item labelled on the site not found, or found at a wrong URL;
- recall = TP/(TP+FN), precision = TP/(TP+FP), F1 = 2TP/(2TP+FP+FN);
- ``false_evidence``: predicted evidence that is a negative sample.
``test`` is reported; ``dev`` (what the wording model was trained and tuned on) apart.
``test_precision_sure`` / ``test_precision_review``: the precision of the evidence the audit
gives without / with ``needs_review`` (how far the flag can be trusted).
``dates_test_exact``: the Thai date reader's exact accuracy on the real dated expressions of
the labelled date set's ``test`` part (tests/data/dates_realworld.yaml, scored as
tests/benchmarks/dates.py does), null when it has none.  ``--dev-only --cv K`` judges dev by
K-fold cross-validation over domains (each fold by a wording model trained on the others): the
honest dev figure to tune on, since the shipped model was trained on all of dev.  The fold
models are kept in ``tests/benchmarks/out/folds`` under a digest of what each is trained from
(tests/realworld/foldcache.py), shared with ``transfer.py`` and ``tune_realworld.py``: a run
after one of them, or a second run, trains nothing; a changed sample or setting trains again
(``--no-cache``: train afresh and keep nothing).

Targets on ``test``: recall >= 0.90, precision >= 0.97, every item's recall >= 0.7.  The last
line printed is one JSON object: {"test_recall", "test_precision", "test_f1",
"min_item_recall", "dev_f1", "dates_test_exact", ...}.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# this folder holds incremental.py, which would shadow the `incremental` package Twisted needs
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checklists.thaidates import find_dates  # noqa: E402
from tests.benchmarks.date_scoring import load_labelled, score  # noqa: E402
from tests.realworld.sites import Judged, cross_validate, judge_split  # noqa: E402
from tests.realworld.split import load_samples  # noqa: E402

DATES_REALWORLD = ROOT / "tests" / "data" / "dates_realworld.yaml"
TARGETS = {"test_recall": 0.90, "test_precision": 0.97, "min_item_recall": 0.7}


def dates_test_exact() -> float | None:
    """The Thai date reader's exact accuracy on the real dated expressions of the labelled
    set's ``test`` part (tests/data/dates_realworld.yaml; as tests/benchmarks/dates.py)."""
    if not DATES_REALWORLD.is_file():
        return None
    part = score(load_labelled(DATES_REALWORLD, split="test"), find_dates)
    return round(part.exact_of_labelled, 4) if part.labelled else None


def _table(name: str, judged: Judged) -> None:
    total = judged.total
    print(f"== {name}: {judged.sites} sites; recall {total.recall:.3f} precision "
          f"{total.precision:.3f} F1 {total.f1:.3f}; false evidence {judged.false_evidence}")
    print("item  TP  FP  FN  recall precision  F1")
    for code, t in judged.per_item.items():
        if t.tp + t.fp + t.fn:
            print(f"{code:<4} {t.tp:3d} {t.fp:3d} {t.fn:3d}  {t.recall:6.2f}  {t.precision:6.2f}"
                  f"  {t.f1:5.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mistakes", choices=("dev",), help="list the dev split's mistakes "
                        "(test mistakes are never listed: test is not tuned to)")
    parser.add_argument("--dev-only", action="store_true", help="judge dev only (tuning)")
    parser.add_argument("--cv", type=int, default=0, metavar="K",
                        help="with --dev-only: judge dev by K-fold cross-validation (each "
                             "fold of domains judged by a model trained on the others)")
    parser.add_argument("--no-cache", action="store_true", help="with --cv: train the fold "
                        "models afresh (neither read from nor kept in tests/benchmarks/out/folds)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    samples = load_samples()
    dev = cross_validate(samples, args.cv, cache=not args.no_cache) \
        if args.cv and args.dev_only else \
        judge_split("dev", samples)
    if args.dev_only:
        _table("dev", dev)
        for line in dev.mistakes if args.mistakes else ():
            print("dev mistake:", line)
        print(json.dumps({"dev_f1": round(dev.total.f1, 4), "dev_recall":
                          round(dev.total.recall, 4), "dev_precision":
                          round(dev.total.precision, 4),
                          "dev_precision_sure": dev.review_precision(False),
                          "dev_precision_review": dev.review_precision(True),
                          "dev_sites": dev.sites, "dev_false_evidence": dev.false_evidence,
                          "seconds": round(time.monotonic() - started, 1),
                          "cpu_s": round(time.process_time(), 1)}))
        return 0
    test = judge_split("test", samples)
    _table("dev", dev)
    _table("test", test)
    if args.mistakes:
        for line in dev.mistakes:
            print("dev mistake:", line)
    t = test.total
    figures = {
        "test_recall": round(t.recall, 4), "test_precision": round(t.precision, 4),
        "test_f1": round(t.f1, 4), "min_item_recall": round(test.min_item_recall(), 4),
        "dev_f1": round(dev.total.f1, 4), "dates_test_exact": dates_test_exact(),
        "dev_recall": round(dev.total.recall, 4), "dev_precision": round(dev.total.precision, 4),
        "test_false_evidence": test.false_evidence, "dev_false_evidence": dev.false_evidence,
        "test_sites": test.sites, "dev_sites": dev.sites,
        "test_precision_sure": test.review_precision(False),
        "test_precision_review": test.review_precision(True),
        "seconds": round(time.monotonic() - started, 1),
    }
    figures["targets_met"] = (figures["test_recall"] >= TARGETS["test_recall"]
                              and figures["test_precision"] >= TARGETS["test_precision"]
                              and figures["min_item_recall"] >= TARGETS["min_item_recall"])
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
