"""Whether a rule written from ``dev`` carries to domains it was not written from: the
cross-validated ``dev`` figures split into design folds and held-out folds (issue 16).

Run from the repository root:

    python tests/benchmarks/transfer.py [--design 0,1,2] [--list] [--wrong] [--confidence]
        [--causes] [--kept] [--train NAME=VALUE] [--set NAME=VALUE] [--floor CLASS=VALUE]
        [--part both|design|held_out] [--save-cases FILE] [--against FILE]

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

THE HELD-OUT BAR (PROTOCOL 32) judges a change by the (site, item) cases it makes better or
worse on the held-out folds.  ``--save-cases FILE`` writes each judged (site, item)'s outcome
(:func:`outcome`: a right pass, a false pass or none) to ``FILE`` (a relative name is kept
under ``tests/benchmarks/out/``, which git ignores); the file is never printed.  ``--against
FILE`` compares this run's outcomes with that file's (:func:`compare`) and prints, per part,
only the counts: G (a miss now a right pass), R (a false pass now no pass), L (a right pass
lost), A (a new false pass), the net (G + R) - (L + A) and the one-sided sign test's p
(:func:`sign_p`).  With ``--list`` the design folds' changed cases are printed too, never the
held-out folds'.  Use: ``--part held_out --save-cases before.json`` on the tree before the
change, then ``--part held_out --against before.json`` on the tree with it.

The last line printed is one JSON object: per part, TP/FP/FN summed over its folds, the
false evidence (evidence on negative samples), and the evidence given by each kind of
match as [right, wrong]; with ``--wrong`` also each part's wrong passes counted by item,
kind of match, host and what the page is labelled (:func:`_kind_of_mistake`: counts only,
so the held-out folds' false passes are read as tallies, never sample by sample), and with
``--confidence`` each part's passes by kind of match and the wording model's reading of
their item in tenths as [right, wrong] (:func:`_confidence`; issue 16, precision33: whether
a confidence rule would drop more wrong passes than right ones; while the held-out folds'
tallies are not to be looked at, ask it with ``--part design``).  ``--causes`` lists the
design folds' false passes (never the held-out folds'), grouped by :func:`_kind_of_mistake`,
most common kind first, each with the `dev` sample it took (id, kind, labelled items) and its
match's signals (:func:`cause_lines`): the sorting by cause a precision round starts from
(issue 16, precision38), without a scratch script that joins ``--list``'s addresses to
``samples.tsv``.  ``--kept`` lists the design folds' right passes the same way, grouped by
item, kind of match and host (:func:`_kept_kind`), each with its sample and signals: the
passes a rule written from the false ones could cost, read before it is built (issue 16,
precision44: a page-kind rule off the public domains is weighed against the design folds'
right passes there, which ``--causes`` does not show); never the held-out folds'.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
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
OUT = ROOT / "tests" / "benchmarks" / "out"  # where --save-cases keeps a relative FILE
# a (site, item)'s outcome: its evidence is a labelled page of the item, is any other page
# (a false pass: a wrong page of a labelled item, or evidence where none is labelled), or none
RIGHT, FALSE, NONE = "right", "false", "none"


def outcome(want: set[str], evidence: str | None) -> str:
    """One (site, item)'s outcome, as :func:`tests.realworld.sites.score_audit` scores it."""
    if evidence is None:
        return NONE
    return RIGHT if evidence in want else FALSE


def compare(before: dict[str, str], after: dict[str, str]) -> dict:
    """The cases (keys of both) made better or worse from ``before`` to ``after``: G a case
    not right now right, R a false pass now none, L a right pass now not right, A a case now a
    false pass that was none; each changed case counts once, so the sign test's trials are
    the cases.  ``unmatched``: keys of only one side (the corpus changed between the runs)."""
    counts = Counter()
    for key in before.keys() & after.keys():
        was, now = before[key], after[key]
        if was == now:
            continue
        if now == RIGHT:
            counts["G"] += 1
        elif was == RIGHT:
            counts["L"] += 1
        else:
            counts["R" if was == FALSE else "A"] += 1
    g, r, lost, a = (counts[k] for k in "GRLA")
    return {"G": g, "R": r, "L": lost, "A": a, "net": (g + r) - (lost + a),
            "p": round(sign_p(g + r, g + r + lost + a), 4),
            "unmatched": len(before.keys() ^ after.keys())}


def sign_p(better: int, n: int) -> float:
    """The one-sided sign test: P(X >= better) for X ~ Binomial(n, 1/2) (1.0 when n is 0)."""
    return sum(math.comb(n, k) for k in range(better, n + 1)) / 2 ** n


def cases_path(name: str) -> Path:
    path = Path(name)
    return path if path.is_absolute() else OUT / path


def judge_part(folds: Folds, part: tuple[int, ...], named: list[tuple[str, str]] | None = None,
               kept: list[tuple[str, str]] | None = None) -> tuple[Judged, dict[str, list[int]], dict[str, int], dict[str, str],
                          dict[str, list[int]]]:
    """The ``dev`` sites of the folds ``part``, each judged with its fold's model, the
    evidence given by each kind of match (``matched_by``) as [right, wrong], the wrong passes
    by kind (:func:`_kind_of_mistake`), each (site, item)'s :func:`outcome` keyed "domain
    item", and the evidence by kind of match and the wording model's reading
    (:func:`_confidence`) as [right, wrong].  With ``named`` (the design folds' only: see
    ``--causes``), each false pass is appended to it as (its kind of mistake, its line); with
    ``kept`` (the design folds' only: ``--kept``), each right pass as (:func:`_kept_kind`, its
    line)."""
    by_match: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_confidence: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong: Counter[str] = Counter()
    cases: dict[str, str] = {}

    def tally(site: Site, result: Audit) -> None:
        labelled = site.labelled()
        samples = {site.url_of(s): s for s in site.samples}
        for r in result.results:
            ev = r.evidence[0].url if r.evidence and r.verdict != "missing" else None
            cases[f"{site.domain} {r.item.code}"] = outcome(labelled.get(r.item.code, set()), ev)
            if r.evidence and r.verdict != "missing":
                right = r.evidence[0].url in labelled.get(r.item.code, set())
                by_match[r.matched_by][0 if right else 1] += 1
                by_confidence[_confidence(r.matched_by, r.evidence[0].signals)][
                    0 if right else 1] += 1
                if not right:
                    sample = samples.get(r.evidence[0].url)
                    kind = _kind_of_mistake(r.item.code, r.matched_by, sample)
                    wrong[kind] += 1
                    if named is not None:
                        named.append((kind, _false_pass(site.domain, r.item.code, sample,
                                                        r.evidence[0].signals)))
                elif kept is not None:
                    sample = samples.get(r.evidence[0].url)
                    kept.append((_kept_kind(r.item.code, r.matched_by, sample),
                                 _false_pass(site.domain, r.item.code, sample,
                                             r.evidence[0].signals)))

    judged = None
    for k in part:
        held, model = folds.parts[k]
        with model_override(model):
            judged = judge_split("dev", folds.samples, held, judged, each=tally)
    if judged is None:  # no fold asked for
        judged = judge_split("dev", folds.samples, set())
    return judged, dict(by_match), dict(wrong.most_common()), cases, dict(by_confidence)


_READING = re.compile(r"wording model (\d\.\d)\d*")  # as the signal is written: tenths


def _confidence(matched_by: str, signals: Sequence[str]) -> str:
    """A pass counted by its kind of match and the wording model's reading of its item, as
    the evidence's signals say it ("wording model 0.43"), in tenths: "model 0.4" for 0.40-0.49;
    "model -" when the signals give none (a reading added beside another, an online service
    named from a guide's reading).  Counts only, as :func:`_kind_of_mistake`."""
    found = next((m for sig in signals if (m := _READING.search(sig))), None)
    if found is None:
        return f"{matched_by} -"
    return f"{matched_by} {found.group(1)}"


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


def _kept_kind(code: str, matched_by: str, sample: Sample | None) -> str:
    """A right pass counted by the item, the kind of match and whether the page is on a Thai
    public body's domain, e.g. "O14 model private" (``--kept``)."""
    host = "-" if sample is None else "public" if is_public_host(sample.url) else "private"
    return f"{code} {matched_by} {host}"


def _false_pass(domain: str, code: str, sample: Sample | None,
                signals: Sequence[str]) -> str:
    """One pass as ``--causes`` (a false one) and ``--kept`` (a right one) print it: the site
    and item, the sample the evidence is (id, kind, labelled items; "-" for a page that is
    none) and the match's signals."""
    page = "-" if sample is None else f"{sample.id} {sample.kind} {sample.topic or '-'}"
    return f"{domain} {code} | {page} | {'; '.join(signals)}"


def cause_lines(named: list[tuple[str, str]]) -> list[str]:
    """``named``'s false passes grouped by kind of mistake, the most common kind first (then
    by name), each group headed by its kind and count."""
    counts = Counter(kind for kind, _ in named)
    lines: list[str] = []
    for kind in sorted(counts, key=lambda k: (-counts[k], k)):
        lines.append(f"{kind}: {counts[kind]}")
        lines.extend(f"  {line}" for k, line in sorted(named) if k == kind)
    return lines


def summary(judged: Judged, by_match: dict[str, list[int]],
            wrong: dict[str, int] | None = None,
            by_confidence: dict[str, list[int]] | None = None) -> dict:
    t = judged.total
    out = {"tp": t.tp, "fp": t.fp, "fn": t.fn, "precision": round(t.precision, 4),
           "recall": round(t.recall, 4), "false_evidence": judged.false_evidence,
           "sites": judged.sites, "by_match": dict(sorted(by_match.items()))}
    if wrong is not None:
        out["wrong"] = wrong
    if by_confidence is not None:
        out["by_confidence"] = dict(sorted(by_confidence.items()))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--design", default=",".join(map(str, DESIGN)),
                        help="comma-separated design folds (the rest are held out)")
    parser.add_argument("--list", action="store_true", help="print the design folds' mistakes")
    parser.add_argument("--wrong", action="store_true",
                        help="count each part's wrong passes by item, match, host and page "
                             "kind (counts only: no sample is named)")
    parser.add_argument("--confidence", action="store_true",
                        help="count each part's passes by kind of match and the wording "
                             "model's reading in tenths as [right, wrong] (counts only)")
    parser.add_argument("--causes", action="store_true",
                        help="list the design folds' false passes by kind of mistake, each "
                             "with the dev sample it took (never the held-out folds')")
    parser.add_argument("--kept", action="store_true",
                        help="list the design folds' right passes by item, kind of match and "
                             "host, each with the dev sample it is (never the held-out folds')")
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
    parser.add_argument("--save-cases", metavar="FILE",
                        help="write each judged (site, item)'s outcome to FILE (relative: "
                             "under tests/benchmarks/out/); never printed")
    parser.add_argument("--against", metavar="FILE",
                        help="count the cases made better and worse since FILE (G, R, L, A, "
                             "net, sign-test p); with --list the design folds' changes listed")
    args = parser.parse_args(argv)
    before = json.loads(cases_path(args.against).read_text(encoding="utf-8")) \
        if args.against else None
    for pair in args.set:
        name, _, v = pair.partition("=")
        set_value(name.strip(), float(v))
    for pair in args.floor:
        name, _, v = pair.partition("=")
        set_floor(name.strip(), float(v))
    # every text's prediction kept (the default memo is sized for a crawl, not five folds)
    textmodel._PREDICTED = LRUCache(maxsize=1 << 24)
    settings = parse_settings(KIND, None, args.train)
    design = tuple(int(k) for k in args.design.split(",") if k.strip())
    folds = Folds(settings, only=None if args.part == "both" else
                  set(design) if args.part == "design" else
                  {k for k in range(5) if k not in design})
    held_out = tuple(k for k in range(len(folds.parts)) if k not in design)
    out, saved = {}, {}
    for name, part in (("design", design), ("held_out", held_out)):
        if args.part not in ("both", name):
            continue
        named: list[tuple[str, str]] | None = [] if name == "design" and args.causes \
            else None
        kept: list[tuple[str, str]] | None = [] if name == "design" and args.kept else None
        judged, by_match, wrong, cases, by_confidence = \
            judge_part(folds, part) if named is None and kept is None else \
            judge_part(folds, part, named, kept)
        if name == "design" and args.list:
            for line in judged.mistakes:
                print(line)
        for line in cause_lines(named or []):
            print(line)
        if kept:
            print("right passes:")
            for line in cause_lines(kept):
                print(line)
        saved[name] = {"folds": list(part), "cases": cases}
        out[name] = {"folds": list(part),
                     **summary(judged, by_match, wrong if args.wrong else None,
                               by_confidence if args.confidence else None)}
        if before is not None and name in before:
            if before[name]["folds"] != list(part):
                parser.error(f"{args.against}: its {name} folds are {before[name]['folds']}, "
                             f"not {list(part)}")
            out[name]["against"] = compare(before[name]["cases"], cases)
            if name == "design" and args.list:
                for key in sorted(before[name]["cases"].keys() & cases.keys()):
                    if before[name]["cases"][key] != cases[key]:
                        print(f"changed {key}: {before[name]['cases'][key]} -> {cases[key]}")
    if args.save_cases:
        path = cases_path(args.save_cases)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
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
