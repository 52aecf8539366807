"""Tune the wording model's thresholds together on the real-world corpus's ``dev`` split, by
5-fold cross-validation over domains (never on ``test``: issue 16).

Run from the repository root:

    python tests/benchmarks/tune_realworld.py [--kind softmax|ovr] [-C 8] [--rounds 2]
                                              [--beta 0.5 | --floor 0.85]
                                              [--only P_MODEL,P_NONE] [--set P_MODEL=0.3]

The fold models are trained once (as ``realworld.py --dev-only --cv 5`` trains them: the
same folds, the same training), then a coordinate search changes one threshold at a time over
its grid (:data:`GRID`), keeping a value when it raises the objective (ties: the higher
precision, then the value already held), for ``--rounds`` rounds over every threshold.

The objective weighs precision explicitly, since a wrong pass (an office told an item passes
when it will not) is worse than a missing one (issue 16): the cross-validated F-beta with
``--beta`` below 1 (default :data:`BETA`: precision counts twice as much as recall), or with
``--floor`` the highest recall among the values whose precision reaches the floor (below it,
the higher precision).
``--set`` starts from other values (and ``--rounds 0`` only measures them).  The thresholds
are module constants of :mod:`checklists.matching` and :mod:`checklists.candidates`; the
search sets them in this process only and prints what it found: copy them into the code.

The last line printed is one JSON object: the start and best F1/recall/precision and the
best values.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# this folder holds incremental.py, which would shadow the `incremental` package Twisted needs
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cachetools import LRUCache  # noqa: E402

from checklists import candidates, matching, textmodel  # noqa: E402
from checklists.textmodel import TextModel, model_override  # noqa: E402
from checklists.train_matcher import KIND, KINDS, Settings  # noqa: E402
from tests.realworld.sites import Judged, fold_models, judge_split  # noqa: E402
from tests.realworld.split import SAMPLES_TSV, load_samples  # noqa: E402

BETA = 0.5  # the objective's F-beta (beta < 1: precision weighs more than recall)

# threshold -> the values tried (the modules that hold it: :data:`HOLDERS`)
GRID: dict[str, tuple[float, ...]] = {
    "P_MODEL": (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7),
    "P_OVER_NONE": (0.0, 0.1, 0.2, 0.3, 0.4, 0.5),
    "P_MARGIN": (0.0, 0.05, 0.1, 0.2, 0.3),
    "P_NONE": (0.3, 0.4, 0.5, 0.6, 0.8, 1.01),
    "P_KEEP": (0.0, 0.05, 0.1, 0.2),
    "P_OTHER": (0.2, 0.3, 0.4, 0.5, 0.6),
    "P_PREFER": (0.0, 0.1, 0.2, 0.3),
    "P_VETO": (0.5, 0.6, 0.7, 0.85, 1.01),
    "P_VETO_OWN": (0.05, 0.15, 0.3),
    "P_DOUBT": (0.1, 0.2, 0.35, 0.5),
    "P_EVENT_SURE": (0.5, 0.6, 0.7, 0.8, 1.01),
}
HOLDERS = {"P_MODEL": (matching, candidates), "P_MODEL_SURE": (matching, candidates)}
SURE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)  # P_MODEL_SURE values shown (the review flag only)


def value(name: str) -> float:
    return getattr(candidates, name)


def set_value(name: str, v: float) -> None:
    for module in HOLDERS.get(name, (candidates,)):
        setattr(module, name, v)
    if name == "P_MODEL":
        _derive_floors()


def set_floor(cls: str, v: float) -> None:
    """Judge with the wording model's lower floor of class ``cls`` (an item code) at ``v``
    (:data:`checklists.matching.P_MODEL_OF`, which holds where
    :func:`checklists.candidates.low_floors` does), as :func:`set_value` does for the
    thresholds of :data:`GRID` (issue 16, recall28: each item's floor chosen on the design
    folds)."""
    floors = {**matching.P_MODEL_OF, cls: v}
    for module in (matching, candidates):
        module.P_MODEL_OF = floors
    _derive_floors()


def _derive_floors() -> None:
    """The least floors :func:`checklists.candidates._apply_model` stops under, worked out
    from the floors as :mod:`checklists.matching` works them out at import: without it a
    ``P_MODEL`` searched under the lower floors (0.05-0.15 of :data:`GRID`) was cut at
    ``P_MODEL_LEAST`` 0.2 on every page where those floors hold."""
    least = min(matching.P_MODEL, *matching.P_MODEL_OF.values())
    service = min(least, *matching.P_MODEL_SERVICE.values())
    for module in (matching, candidates):
        module.P_MODEL_LEAST, module.P_MODEL_SERVICE_LEAST = least, service


class Folds:
    """The dev domains in folds (as :func:`tests.realworld.sites.cross_validate`), each with
    the model trained on the other folds (:func:`tests.realworld.sites.fold_models`).  A
    fold's model is kept on disk (``tests/benchmarks/out/folds``, plain JSON) under a digest
    of what it is trained from (:func:`tests.realworld.foldcache.fold_key`: its samples, the
    reference titles, the texts' features, the settings and the training code), shared with
    ``realworld.py --dev-only --cv``: a search over thresholds, or a rerun with the same
    settings, trains nothing again."""

    def __init__(self, settings: Settings, folds: int = 5, cache: bool = True,
                 only: set[int] | None = None, path: Path = SAMPLES_TSV) -> None:
        self.samples = load_samples(path)
        self.parts: list[tuple[set[str], TextModel | None]] = list(
            fold_models(self.samples, folds, settings, path, cache, only))

    def judge(self) -> Judged:
        judged = None
        for held, model in self.parts:
            with model_override(model):
                judged = judge_split("dev", self.samples, held, judged)
        return judged


def parse_settings(kind: str, c: float | None, pairs: list[str]) -> Settings:
    """The shipped settings of ``kind`` with ``-C`` and ``--train NAME=VALUE`` changes."""
    types = {f.name: f.type for f in fields(Settings)}
    changes: dict[str, object] = {} if c is None else {"c": c}
    for pair in pairs:
        name, _, v = pair.partition("=")
        name = name.strip()
        if name not in types:
            raise SystemExit(f"--train: unknown setting {name!r} (known: {', '.join(types)})")
        kind_of = types[name]
        changes[name] = float(v) if "float" in str(kind_of) else int(v) \
            if "int" in str(kind_of) else v
    return Settings.of(kind, **changes)


def figures(judged: Judged) -> dict[str, float]:
    t = judged.total
    return {"f1": round(t.f1, 4), "recall": round(t.recall, 4),
            "precision": round(t.precision, 4), "false_evidence": judged.false_evidence}


def f_beta(recall: float, precision: float, beta: float) -> float:
    b2 = beta * beta
    return (1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall \
        else 0.0


def objective(got: dict[str, float], beta: float = BETA,
              floor: float | None = None) -> tuple[float, ...]:
    """What the search maximises (a tuple: greater is better, the precision breaks ties):
    the F-beta, or with ``floor`` the recall when the precision reaches the floor (ranked
    above any value that does not; those by their precision)."""
    if floor is not None:
        reached = got["precision"] >= floor
        return (float(reached), got["recall"] if reached else got["precision"],
                got["precision"])
    return (round(f_beta(got["recall"], got["precision"], beta), 4), got["precision"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=KINDS, default=KIND)
    parser.add_argument("-C", type=float, default=None)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--beta", type=float, default=BETA, help="the objective's F-beta "
                        "(beta < 1 weighs precision more)")
    parser.add_argument("--floor", type=float, default=None, help="maximise recall subject "
                        "to this cross-validated precision instead of the F-beta")
    parser.add_argument("--only", default="", help="comma-separated thresholds to search")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="start from this value")
    parser.add_argument("--train", action="append", default=[], metavar="NAME=VALUE",
                        help="train the fold models with this setting changed "
                             "(train_matcher.Settings: c, none_weight, min_df, df_by, "
                             "domain_power, kinds_kept, ...)")
    parser.add_argument("--no-cache", action="store_true", help="train the fold models "
                        "again (not from tests/benchmarks/out/folds)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    # every text's prediction kept (the default memo is sized for a crawl, not a search)
    textmodel._PREDICTED = LRUCache(maxsize=1 << 24)
    for pair in args.set:
        name, _, v = pair.partition("=")
        set_value(name.strip(), float(v))
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(GRID)
    def score(got: dict[str, float]) -> tuple[float, ...]:
        return objective(got, args.beta, args.floor)

    settings = parse_settings(args.kind, args.C, args.train)
    folds = Folds(settings, cache=not args.no_cache)
    start = figures(folds.judge())
    best = dict(start)
    print(f"start {start} {({n: value(n) for n in GRID})}", flush=True)
    for rnd in range(args.rounds):
        changed = False
        for name in names:
            held = value(name)
            for v in GRID[name]:
                if v == held:
                    continue
                set_value(name, v)
                got = figures(folds.judge())
                print(f"  round {rnd + 1} {name}={v}: {got}", flush=True)
                if score(got) > score(best):
                    best, held, changed = got, v, True
            set_value(name, held)
            print(f"{name} = {held} -> {best}", flush=True)
        if not changed:
            break
    held = value("P_MODEL_SURE")
    for v in SURE:  # the flag changes no evidence: how far evidence without it can be trusted
        set_value("P_MODEL_SURE", v)
        judged = folds.judge()
        print(f"P_MODEL_SURE={v}: precision sure {judged.review_precision(False)} (right, "
              f"wrong: {judged.by_review[False]}), review {judged.review_precision(True)} "
              f"({judged.by_review[True]})", flush=True)
    set_value("P_MODEL_SURE", held)
    print(json.dumps({"settings": asdict(settings), "objective": f"recall at precision >= "
                      f"{args.floor}" if args.floor is not None else f"F{args.beta:g}",
                      "start": start, "best": best, "best_objective": score(best),
                      "values": {n: value(n) for n in GRID},
                      "seconds": round(time.monotonic() - started, 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
