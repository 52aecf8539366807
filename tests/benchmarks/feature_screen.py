"""Whether a feature the wording model does not read yet would pay, before it is built into
the run-time reading (issue 16, model24): a screen on the ``dev`` split's folds.

Run from the repository root:

    python tests/benchmarks/feature_screen.py [VARIANT ...]

A variant is ``base`` or kinds of features joined by ``+``: ``url`` (``u:`` words of the
sample's URL path and query, as a link's target URL would give them), ``link`` (``l:`` the
words of the link text apart from the page text), ``mirror`` (the model trained on each
sample's text as the run time reads it: the hub's link text, then the page's title, first two
headings and the first :data:`~checklists.candidates.MODEL_CHARS` characters of its text, as
:func:`checklists.candidates._model_parts` joins them for the generated site of
:mod:`tests.realworld.sites`, instead of the excerpt's lines once).  The hub heading above a
link is no variant: every link of a corpus site sits under the same heading, so the corpus
cannot tell what it would give.

The folds are those of ``realworld.py --dev-only --cv 5`` (the same domains); each fold's
model is trained with the shipped settings (:class:`checklists.train_matcher.Settings`, the
new kinds of features kept) on the other folds, and reads the fold's samples as the
generated site's hub links to them (:func:`checklists.candidates._model_parts`). Counted
per part (design folds 0-2 | held-out folds 3-4, as ``transfer.py``), at the model-alone
floor :data:`~checklists.matching.P_MODEL`: a sample whose best item (``none`` aside) reaches
the floor and is one of its labels is a right reading (tp), another item or a negative's
item a wrong one (fp), an item sample not read right a miss (fn); and the mean log loss of
the labels.  This is the model alone, not the audit (``transfer.py`` is): a variant that
does not move these does not pay for its run-time cost.

The last line printed is one JSON object: each variant's tallies per part.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
# this folder holds incremental.py, which would shadow the `incremental` package Twisted needs
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from checklists import train_matcher  # noqa: E402
from checklists.candidates import MODEL_CHARS  # noqa: E402
from checklists.loader import load_checklist  # noqa: E402
from checklists.matching import P_MODEL, is_generic  # noqa: E402
from checklists.textmodel import NONE_CLASS, features  # noqa: E402
from checklists.train_matcher import Settings, read_samples, sample_topics  # noqa: E402
from crawler.pages import read_page  # noqa: E402
from tests.benchmarks.transfer import DESIGN  # noqa: E402
from tests.realworld.sites import (  # noqa: E402
    _is_document,
    fold_domains,
    lines_of,
    link_text,
    page_html,
)
from tests.realworld.split import SAMPLES_TSV, Sample, load_samples  # noqa: E402

KINDS = ("url", "link", "mirror")
URL_WORDS = re.compile(r"[a-z]{3,}|[\u0e01-\u0e4e]+")  # letters only: ids and years say nothing


def url_features(url: str) -> list[str]:
    """``u:`` words of ``url``'s path and query (percent-decoded, lower case)."""
    parts = urlsplit(url)
    return [f"u:{w}" for w in URL_WORDS.findall(unquote(f"{parts.path} {parts.query}").lower())]


def link_features(text: str) -> list[str]:
    """``l:`` the words of a link text, apart from the words of the whole text."""
    return [f"l:{f[2:]}" for f, n in features(text) if f.startswith("w:") for _ in range(n)]


def read_parts(sample: Sample) -> tuple[str, str]:
    """The link's words and the target's part the run time reads for the generated site's
    hub link to ``sample`` (sites.snapshot_of, sites._read, candidates._model_parts: a
    generic link text is read with its context, which the hub gives as the same text)."""
    lines = lines_of(sample)
    mine = link_text(sample)
    if is_generic(mine):
        mine = f"{mine} {mine}"
    if _is_document(urlsplit(sample.url).path):
        return mine, " ".join(lines)[:MODEL_CHARS]
    page = read_page(page_html(sample), sample.url)  # as the spider reads the page
    return mine, " ".join(p for p in (page.title, *page.headings[:2], page.text[:MODEL_CHARS])
                          if p)


class Screen:
    """Fold models trained with extra kinds of features (``train_matcher.fit`` reads a
    text's features through its ``_features``, here with the extra ones added)."""

    def __init__(self) -> None:
        self.rows = read_samples(SAMPLES_TSV, "dev")
        self.samples = {s.id: s for s in load_samples() if s.split == "dev"}
        self.titles = train_matcher.reference_titles()
        self.classes = [i.code for i in load_checklist(train_matcher.REFERENCE).items] + [
            NONE_CLASS
        ]
        self.extra: dict[str, list[str]] = {}
        self._plain = train_matcher._features

    def _features(self, text: str, glossed: int = 0) -> tuple[tuple[str, int], ...]:
        counts = dict(self._plain(text, glossed))
        for f in self.extra.get(text, ()):
            counts[f] = counts.get(f, 0) + 1
        return tuple(sorted(counts.items()))

    def _extra(self, sample: Sample, kinds: set[str]) -> list[str]:
        mine, _ = read_parts(sample)
        return (url_features(sample.url) if "url" in kinds else []) + (
            link_features(mine) if "link" in kinds else []
        )

    def run(self, kinds: set[str]) -> dict[str, dict[str, float]]:
        settings = Settings.of(kinds_kept=Settings.of().kinds_kept + "ul")
        parts = {"design": [0, 0, 0, []], "held_out": [0, 0, 0, []]}
        train_matcher._features = self._features
        try:
            for k, held in enumerate(fold_domains(list(self.samples.values()), 5)):
                tally = parts["design" if k in DESIGN else "held_out"]
                self._fold(held, kinds, settings, tally)
        finally:
            train_matcher._features = self._plain
        return {
            name: {"tp": t[0], "fp": t[1], "fn": t[2], "logloss": round(float(np.mean(t[3])), 4)}
            for name, t in parts.items()
        }

    def _fold(self, held: set[str], kinds: set[str], settings: Settings, tally: list) -> None:
        texts, labels, sources = [], [], []
        self.extra = {}
        for row in self.rows:
            if row["domain"] in held:
                continue
            sample = self.samples[row["id"]]
            text = (
                " ".join(read_parts(sample))
                if "mirror" in kinds
                else " ".join(train_matcher.excerpt_texts(row["text"]))
            )
            self.extra[text] = self._extra(sample, kinds)
            texts.append(text)
            labels.append(sample_topics(row))
            sources.append(row["domain"])
        for code, names in self.titles.items():
            for name in names:
                texts.append(name)
                labels.append([code])
                sources.append(f"title {code} {name}")
        vec, tfidf, clf = train_matcher.fit(texts, labels, self.classes, settings, sources)
        judged = [r for r in self.rows if r["domain"] in held]
        dicts = []
        for row in judged:
            sample = self.samples[row["id"]]
            counts = dict(features(" ".join(read_parts(sample))))
            for f in self._extra(sample, kinds):
                counts[f] = counts.get(f, 0) + 1
            dicts.append(counts)
        scores = tfidf.transform(vec.transform(dicts)) @ clf.coef_.T + clf.intercept_
        probs = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        seen = [self.classes[k] for k in clf.classes_]
        none = seen.index(NONE_CLASS)
        for row, p in zip(judged, probs, strict=True):
            labels_of = set(sample_topics(row))
            items = p.copy()
            items[none] = -1.0
            best = int(items.argmax())
            read = items[best] >= P_MODEL
            right = read and seen[best] in labels_of
            tally[0] += int(right)
            tally[1] += int(read and not right)
            tally[2] += int(NONE_CLASS not in labels_of and not right)
            tally[3].append(
                -np.log(max(1e-9, sum(p[seen.index(t)] for t in labels_of if t in seen)))
            )


def main(argv: list[str] | None = None) -> int:
    variants = (argv if argv is not None else sys.argv[1:]) or ["base", "url", "link", "mirror"]
    screen = Screen()
    out = {}
    for variant in variants:
        kinds = set() if variant == "base" else set(variant.split("+"))
        if not kinds <= set(KINDS):
            raise SystemExit(f"unknown kind in {variant!r} (known: {', '.join(KINDS)})")
        out[variant] = screen.run(kinds)
        print(variant, json.dumps(out[variant]), flush=True)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
