"""Which items the wording model takes for which on the ``dev`` folds: a confusion table by
item pair, counts only (issue 16, model25).

Run from the repository root:

    python tests/benchmarks/confusions.py [--train NAME=VALUE] [--top N] [--train-serve]

The folds and their models are those of ``realworld.py --dev-only --cv 5``
(:class:`tune_realworld.Folds`, the models kept in ``tests/benchmarks/out/folds``).  Each
``dev`` item sample is read by its fold's model as the run time reads the generated site's hub
link to it (:func:`feature_screen.read_parts`); when the model's first item (``none`` aside) is
not one of the sample's labels, the pair (labelled item, item read) is counted, per part
(design folds 0-2 | held-out folds 3-4, as ``transfer.py``).  A sample read as ``none`` first
is counted apart.  No sample is named: the table is counts by item pair.

The last line printed is one JSON object: per part, the pairs (``"O7>O1"``: an O7 sample read
as O1) with their counts, most first, the samples read as ``none`` first by item, and the
unordered pairs of both parts together (``"O1|O7"``).

``--train-serve`` (model26) asks instead whether what the model misses is a difference between
the text it is trained on (the excerpt's lines once, ``train_matcher.excerpt_texts``) and the
text it reads at run time (the hub's link text, then the page's title, first two headings and
first :data:`~checklists.candidates.MODEL_CHARS` characters): each ``dev`` item sample is read
both ways by its fold's model and counted by the pair of readings (``"R>N"``: right as
trained, ``none`` first as served), each reading one of R (one of its items first, from
:data:`~checklists.matching.P_MODEL`), W (another item first, from the floor), N (``none``
first, no item at the floor) and U (an item first under the floor).  Counts only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# this folder holds incremental.py, which would shadow the `incremental` package Twisted needs
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checklists.matching import P_MODEL  # noqa: E402
from checklists.textmodel import NONE_CLASS  # noqa: E402
from checklists.train_matcher import excerpt_texts  # noqa: E402
from tests.benchmarks.feature_screen import read_parts  # noqa: E402
from tests.benchmarks.transfer import DESIGN  # noqa: E402
from tests.benchmarks.tune_realworld import Folds, parse_settings  # noqa: E402


def confusions(folds: Folds) -> dict[str, dict[str, Counter[str]]]:
    """Per part, the (labelled > read) pairs of item samples read first as another item, and
    the items whose samples are read first as ``none``."""
    out = {part: {"pairs": Counter(), "none_first": Counter()} for part in ("design", "held_out")}
    for k, (held, model) in enumerate(folds.parts):
        tally = out["design" if k in DESIGN else "held_out"]
        for sample in folds.samples:
            if (
                sample.split != "dev"
                or sample.kind != "item"
                or sample.domain not in held
                or not sample.topics
            ):
                continue
            probs = model.predict(" ".join(read_parts(sample))).probs
            if probs and probs[0][0] == NONE_CLASS:
                tally["none_first"].update(sample.topics)
            best = next((c for c, _ in probs if c != NONE_CLASS), None)
            if best is not None and best not in sample.topics:
                tally["pairs"].update(f"{t}>{best}" for t in sample.topics)
    return out


def reading(probs: tuple[tuple[str, float], ...], topics: list[str]) -> str:
    """R, W, N or U (``--train-serve``): how the model reads a sample labelled ``topics``."""
    best, p = next(((c, p) for c, p in probs if c != NONE_CLASS), ("", 0.0))
    if p >= P_MODEL:
        return "R" if best in topics else "W"
    return "N" if probs and probs[0][0] == NONE_CLASS else "U"


def train_serve(folds: Folds) -> dict[str, Counter[str]]:
    """Per part, the ``dev`` item samples counted by (reading of the excerpt as trained >
    reading of the hub link to it as served)."""
    out = {"design": Counter(), "held_out": Counter()}
    for k, (held, model) in enumerate(folds.parts):
        for sample in folds.samples:
            if sample.split != "dev" or sample.kind != "item" or sample.domain not in held:
                continue
            trained = " ".join(excerpt_texts(sample.excerpt()))
            served = " ".join(read_parts(sample))
            out["design" if k in DESIGN else "held_out"][
                f"{reading(model.predict(trained).probs, sample.topics)}>"
                f"{reading(model.predict(served).probs, sample.topics)}"
            ] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--train-serve", action="store_true")
    args = parser.parse_args(argv)
    if args.train_serve:
        got_ts = train_serve(Folds(parse_settings("softmax", None, args.train)))
        print(json.dumps({part: dict(t.most_common()) for part, t in got_ts.items()}))
        return 0
    got = confusions(Folds(parse_settings("softmax", None, args.train)))
    both: Counter[str] = Counter()
    for tally in got.values():
        for pair, n in tally["pairs"].items():
            both["|".join(sorted(pair.split(">")))] += n
    report = {
        part: {
            "pairs": dict(t["pairs"].most_common(args.top)),
            "read_as_another": sum(t["pairs"].values()),
            "none_first": dict(t["none_first"].most_common(args.top)),
        }
        for part, t in got.items()
    }
    report["both_unordered"] = dict(both.most_common(args.top))
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
