"""Which everyday wordings the design folds' missed item pages offer, by the rule of PROTOCOL
36's finder lead (issue 16, finder36): a wording is a phrase of a missed design item sample's
first two lines (the hub's link and the page's title and subheading: what
:func:`tests.realworld.sites.page_html` shows), and it may be added to
``checklists/data/topics.yaml``'s ``everyday:`` only when it names at least
:data:`LEAST_SAMPLES` design item samples of that item on as many domains, and no ``dev`` row of
another item and no ``dev`` negative (any fold).

Run from the repository root:

    python tests/benchmarks/wordings.py [--design 0,1,2] [WORDING@ITEM ...]

With wordings (``"ขออนุญาตก่อสร้าง@O14"``) each is counted; without, the candidates are every
run of 1-:data:`MOST_WORDS` words (at least :data:`LEAST_CHARS` letters folded) of the first two
lines of the design folds' misses (``misses.py``'s, the same fold models), and only those
that pass the rule are printed.  "Names" is the matcher's folding
(:func:`checklists.matching.fold`: spaces and case do not count) of a row's first two lines.
Only ``dev`` rows are read (filtered before anything else), only the design folds' rows are
named (ids), the held-out folds' are counted; whether a phrase is an office's word for the
item (not a subject, an event, a whole title) is still the reader's call.

The last line printed is one JSON object: the wordings counted and those that pass.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# this folder holds incremental.py, which would shadow the `incremental` package Twisted needs
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checklists.matching import fold  # noqa: E402
from checklists.thaitext import words  # noqa: E402
from tests.benchmarks.transfer import DESIGN  # noqa: E402
from tests.realworld.sites import fold_of, lines_of  # noqa: E402
from tests.realworld.split import Sample, load_samples  # noqa: E402

LEAST_SAMPLES = 2  # design item samples (on as many domains) a wording must name
MOST_WORDS = 6  # words of a candidate phrase
LEAST_CHARS = 6  # folded letters of a candidate phrase
HEAD_LINES = 2  # of a sample's lines: the hub's link, the title and the subheading


@dataclass(frozen=True)
class Count:
    """Which ``dev`` rows a wording of an item names."""

    wording: str
    item: str
    design: tuple[Sample, ...]  # design item samples of the item
    held_out: int  # held-out item samples of the item
    wrong_design: tuple[Sample, ...]  # design rows of another item, or negatives
    wrong_held_out: int  # held-out rows of another item, or negatives

    @property
    def domains(self) -> int:
        return len({s.domain for s in self.design})

    @property
    def passes(self) -> bool:
        return len(self.design) >= LEAST_SAMPLES and self.domains >= LEAST_SAMPLES and \
            not self.wrong_design and not self.wrong_held_out

    def line(self) -> str:
        design = " ".join(s.id for s in self.design)
        wrong = " ".join(f"{s.id}({s.topic or 'negative'})" for s in self.wrong_design)
        return (f"{self.wording} @{self.item}: design {len(self.design)} on {self.domains} "
                f"domains [{design}], held-out {self.held_out}; other items or negatives: "
                f"design {len(self.wrong_design)} [{wrong}], held-out {self.wrong_held_out}"
                f"{' PASSES' if self.passes else ''}")


class Heads:
    """The ``dev`` rows (items and negatives) with their first lines folded."""

    def __init__(self, samples: Iterable[Sample], design: set[int], folds: int = 5,
                 fold_by: Callable[[str, int], int] = fold_of) -> None:
        dev = [s for s in samples if s.split == "dev"]  # SPLIT DISCIPLINE: before any read
        self.rows = [(s, fold_by(s.domain, folds) in design,
                      tuple(fold(ln) for ln in lines_of(s)[:HEAD_LINES]))
                     for s in dev if s.kind in ("item", "negative")]

    def count(self, wording: str, item: str) -> Count:
        folded = fold(wording)
        mine: list[Sample] = []
        wrong: list[Sample] = []
        held = held_wrong = 0
        for s, in_design, heads in self.rows:
            if not folded or not any(folded in h for h in heads):
                continue
            right = s.kind == "item" and item in s.topics
            if in_design:
                (mine if right else wrong).append(s)
            elif right:
                held += 1
            else:
                held_wrong += 1
        return Count(wording, item, tuple(mine), held, tuple(wrong), held_wrong)


def phrases(text: str) -> set[str]:
    """Runs of 1-:data:`MOST_WORDS` words of ``text``, folded, of at least
    :data:`LEAST_CHARS` letters."""
    ws = words(text)
    out = set()
    for n in range(1, MOST_WORDS + 1):
        for i in range(len(ws) - n + 1):
            phrase = fold("".join(ws[i:i + n]))
            if len(phrase) >= LEAST_CHARS:
                out.add(phrase)
    return out


def candidates(missed: Iterable[tuple[Sample, str]]) -> set[tuple[str, str]]:
    """(phrase, item) of the first lines of each missed (design item sample, item)."""
    return {(p, item) for s, item in missed for ln in lines_of(s)[:HEAD_LINES]
            for p in phrases(ln)}


def design_misses(design: set[int]) -> list[tuple[Sample, str]]:
    """The design folds' misses, as ``misses.py`` finds them (its fold models)."""
    from checklists.train_matcher import KIND  # noqa: PLC0415
    from tests.benchmarks.misses import collect  # noqa: PLC0415 - trains or loads fold models
    from tests.benchmarks.tune_realworld import Folds, parse_settings  # noqa: PLC0415
    return [(m.sample, m.item) for m in collect(Folds(parse_settings(KIND, None, [])))
            if m.fold in design]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--design", default=",".join(map(str, DESIGN)),
                        help="comma-separated design folds (the rest are held out)")
    parser.add_argument("wordings", nargs="*", help="WORDING@ITEM (e.g. ภารกิจ@O3)")
    args = parser.parse_args(argv)
    design = {int(k) for k in args.design.split(",") if k.strip()}
    heads = Heads(load_samples(), design)
    if args.wordings:
        asked = [tuple(w.rsplit("@", 1)) for w in args.wordings]
        counts = [heads.count(w, item) for w, item in asked]
    else:
        counts = [c for w, item in sorted(candidates(design_misses(design)))
                  if (c := heads.count(w, item)).passes]
    for c in counts:
        print(c.line())
    print(json.dumps({"counted": len(counts),
                      "passing": [f"{c.wording}@{c.item}" for c in counts if c.passes]},
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
