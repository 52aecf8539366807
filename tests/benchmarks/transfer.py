"""Whether a rule written from ``dev`` carries to domains it was not written from: the
cross-validated ``dev`` figures split into design folds and held-out folds (issue 16).

Run from the repository root:

    python tests/benchmarks/transfer.py [--design 0,1,2] [--list] [--wrong] [--train NAME=VALUE]
        [--set NAME=VALUE] [--floor CLASS=VALUE] [--part both|design|held_out]

The folds, and each fold's wording model, are those of ``realworld.py --dev-only --cv 5``
(:class:`tune_realworld.Folds`: the same domains, the same training, the models kept in
``tests/benchmarks/out/folds``).  A rule is read off the mistakes of the design folds only
(``--list`` prints them: what was wanted, what was given and by what match); the other folds'
mistakes are never printed, only their tallies, so whether a rule also helps there is a
test it was not fitted to.  The precision rounds of issue 16 (precision16-18) accepted a
rule only when the held-out folds agreed.  ``--train NAME=VALUE`` trains the fold models with
a setting of :class:`checklists.train_matcher.Settings` changed (as ``tune_realworld.py
--train`` does), so a change of the learner is judged on the same split (model22), and ``--set
NAME=VALUE`` judges with a threshold changed (as ``tune_realworld.py --set``: a learner that
reads probabilities otherwise may need its own floor; model25), ``--floor CLASS=VALUE`` with
one item's lower floor of the wording model changed (``matching.P_MODEL_OF``), and ``--part
design`` judges the design folds only, so that variants are chosen without the held-out
folds' figures in sight (and in half the time), ``--part held_out`` then measures the choice
once (recall28).

The last line printed is one JSON object: per part, TP/FP/FN summed over its folds, the
false evidence (evidence on negative samples), and the evidence given by each kind of
match as [right, wrong]; with ``--wrong`` also each part's wrong passes counted by item,
kind of match, host and what the page is labelled (:func:`_kind_of_mistake`: counts only,
so the held-out folds' false passes are read as tallies, never sample by sample).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# this folder holds incremental.py, which would shadow the `incremental` package Twisted needs
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cachetools import LRUCache  # noqa: E402

from checklists import textmodel  # noqa: E402
from checklists.engine import Audit  # noqa: E402
from checklists.pagekinds import is_public_host  # noqa: E402
from checklists.textmodel import model_override  # noqa: E402
from checklists.train_matcher import KIND  # noqa: E402
from tests.benchmarks.tune_realworld import Folds, parse_settings, set_floor, set_value  # noqa: E402
from tests.realworld.sites import Judged, Site, judge_split  # noqa: E402
from tests.realworld.split import Sample  # noqa: E402

DESIGN = (0, 1, 2)  # the folds rules are read from (precision16-18, recall17-18)


def judge_part(folds: Folds, part: tuple[int, ...]) -> tuple[Judged, dict[str, list[int]]]:
    """The ``dev`` sites of the folds ``part``, each judged with its fold's model, and the
    evidence given by each kind of match (``matched_by``) as [right, wrong]."""
    by_match: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong: Counter[str] = Counter()

    def tally(site: Site, result: Audit) -> None:
        labelled = site.labelled()
        samples = {site.url_of(s): s for s in site.samples}
        for r in result.results:
            if r.evidence and r.verdict != "missing":
                right = r.evidence[0].url in labelled.get(r.item.code, set())
                by_match[r.matched_by][0 if right else 1] += 1
                if not right:
                    wrong[_kind_of_mistake(r.item.code, r.matched_by,
                                           samples.get(r.evidence[0].url))] += 1

    judged = None
    for k in part:
        held, model = folds.parts[k]
        with model_override(model):
            judged = judge_split("dev", folds.samples, held, judged, each=tally)
    if judged is None:  # no fold asked for
        judged = judge_split("dev", folds.samples, set())
    return judged, dict(by_match), dict(wrong.most_common())


def _kind_of_mistake(code: str, matched_by: str, sample: Sample | None) -> str:
    """A wrong pass counted by what it is, never by which sample: the item, the kind of match,
    whether the page is on a Thai public body's domain, and what the page is labelled (a
    negative, another item's page, a hub), e.g. "O14 model private negative"."""
    if sample is None:
        return f"{code} {matched_by} - not a sample"
    host = "public" if is_public_host(sample.url) else "private"
    page = "negative" if sample.kind == "negative" else \
        "hub" if sample.kind == "hub" else "other item"
    return f"{code} {matched_by} {host} {page}"


def summary(judged: Judged, by_match: dict[str, list[int]],
            wrong: dict[str, int] | None = None) -> dict:
    t = judged.total
    out = {"tp": t.tp, "fp": t.fp, "fn": t.fn, "precision": round(t.precision, 4),
           "recall": round(t.recall, 4), "false_evidence": judged.false_evidence,
           "sites": judged.sites, "by_match": dict(sorted(by_match.items()))}
    return out if wrong is None else {**out, "wrong": wrong}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--design", default=",".join(map(str, DESIGN)),
                        help="comma-separated design folds (the rest are held out)")
    parser.add_argument("--list", action="store_true", help="print the design folds' mistakes")
    parser.add_argument("--wrong", action="store_true",
                        help="count each part's wrong passes by item, match, host and page "
                             "kind (counts only: no sample is named)")
    parser.add_argument("--train", action="append", default=[], metavar="NAME=VALUE",
                        help="train the fold models with this setting changed "
                             "(train_matcher.Settings: c, none_weight, min_df, ...)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="judge with this threshold (tune_realworld.GRID's names)")
    parser.add_argument("--floor", action="append", default=[], metavar="CLASS=VALUE",
                        help="judge with this item's lower floor of the wording model "
                             "(matching.P_MODEL_OF), e.g. O1=0.2")
    parser.add_argument("--part", choices=("both", "design", "held_out"), default="both",
                        help="judge only this part: `design` while choosing among variants "
                             "(the held-out folds are then not judged at all), `held_out` "
                             "once the choice is made")
    args = parser.parse_args(argv)
    for pair in args.set:
        name, _, v = pair.partition("=")
        set_value(name.strip(), float(v))
    for pair in args.floor:
        name, _, v = pair.partition("=")
        set_floor(name.strip(), float(v))
    # every text's prediction kept (the default memo is sized for a crawl, not five folds)
    textmodel._PREDICTED = LRUCache(maxsize=1 << 24)
    settings = parse_settings(KIND, None, args.train)
    folds = Folds(settings)
    design = tuple(int(k) for k in args.design.split(",") if k.strip())
    held_out = tuple(k for k in range(len(folds.parts)) if k not in design)
    out = {}
    for name, part in (("design", design), ("held_out", held_out)):
        if args.part not in ("both", name):
            continue
        judged, by_match, wrong = judge_part(folds, part)
        if name == "design" and args.list:
            for line in judged.mistakes:
                print(line)
        out[name] = {"folds": list(part),
                     **summary(judged, by_match, wrong if args.wrong else None)}
    if args.train:
        out["train"] = args.train
    if args.set:
        out["set"] = args.set
    if args.floor:
        out["floor"] = args.floor
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
