"""The learned wording model: which item a piece of text names, from real sites' wordings.

A linear model per item (one-vs-rest logistic regression over TF-IDF features: Thai words,
word pairs and character n-grams of the normalised text), trained by
``checklists/train_matcher.py`` on the ``dev`` split of the real-world corpus
(tests/realworld/samples.tsv) and shipped as plain JSON (``checklists/data/matcher_model.json``).
Prediction is plain dot products: no scikit-learn at run time.

Codes, years and numbers are taken out of the text before it is read: a code means different
items in different frameworks (that is the hub scheme's job, :mod:`checklists.hubscheme`), and
years say when, not what.  The classes are the items of the reference checklist
(``nacc-oit-2565``); other checklists reach them through the topic map.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from checklists.thaitext import clean, words

MODEL_PATH = Path(__file__).parent / "data" / "matcher_model.json"
CHAR_NGRAMS = (3, 4, 5)
NONE_CLASS = "none"  # the class of texts that name no item (the corpus's negative samples)
_CODES = re.compile(r"(?<![A-Za-z])(?:MOIT|OIT|EB|O)\s*[.\-:]?\s*\d{1,2}(?:\.\d)?(?![0-9])",
                    re.IGNORECASE)
_NUMBERS = re.compile(r"[0-9]+")
_PUNCT = re.compile(r"[^\w\u0e01-\u0e4e]+")


def strip_codes(text: str) -> str:
    """The text without item codes, years and numbers (what it says, not which list)."""
    return _NUMBERS.sub(" ", _CODES.sub(" ", clean(text)))


def features(text: str) -> tuple[tuple[str, int], ...]:
    """Feature counts of ``text``: ``w:`` words, ``b:`` word pairs, ``c:`` character n-grams
    of the spacing-free text (the trainer and the predictor share this function). Not
    memoised: a text's features take about 70 KB, and :func:`_predict` keeps its result."""
    return tuple(sorted(_counts(text).items()))


def _counts(text: str) -> Counter[str]:
    body = strip_codes(text)
    toks = [t for t in words(body) if not _PUNCT.fullmatch(t)]
    counts: Counter[str] = Counter(f"w:{t}" for t in toks)
    counts.update(f"b:{a}|{b}" for a, b in zip(toks, toks[1:], strict=False))
    flat = _PUNCT.sub("", body)
    for n in CHAR_NGRAMS:
        counts.update(f"c:{flat[i:i + n]}" for i in range(len(flat) - n + 1))
    return counts


@dataclass(frozen=True)
class Prediction:
    """Probabilities per class, best first."""

    probs: tuple[tuple[str, float], ...]

    def of(self, cls: str) -> float:
        return self._by_class.get(cls, 0.0)

    def of_any(self, classes: tuple[str, ...]) -> float:
        """The highest probability among ``classes`` (0 for none), memoised: the same item's
        classes are asked about again and again for one text."""
        memo = self._of_any
        if classes not in memo:
            memo[classes] = max((self.of(c) for c in classes), default=0.0)
        return memo[classes]

    @cached_property
    def _by_class(self) -> dict[str, float]:
        return dict(self.probs)  # asked hundreds of thousands of times on a large site

    @cached_property
    def _of_any(self) -> dict[tuple[str, ...], float]:
        return {}

    @property
    def best(self) -> tuple[str, float]:
        return self.probs[0] if self.probs else ("", 0.0)


class TextModel:
    """A loaded model: ``idf`` and sparse per-class weights per feature."""

    def __init__(self, data: dict) -> None:
        self.classes: list[str] = list(data["classes"])
        self.intercepts: list[float] = list(data["intercepts"])
        self.idf: dict[str, float] = {}
        self.weights: dict[str, list[tuple[int, float]]] = {}
        for feat, (idf, ws) in data["features"].items():
            self.idf[feat] = idf
            self.weights[feat] = [(int(c), float(w)) for c, w in ws]
        self.sublinear = bool(data.get("sublinear_tf", True))
        self.meta = {k: v for k, v in data.items() if k not in ("features",)}

    def vector(self, text: str) -> dict[str, float]:
        """The l2-normalised TF-IDF vector of ``text`` over the model's features."""
        vec = {}
        idfs = self.idf
        # the model's features only, in the order of features() (sums add up as they did)
        for feat, n in sorted((f, n) for f, n in _counts(text).items() if f in idfs):
            tf = 1.0 + math.log(n) if self.sublinear else float(n)
            vec[feat] = tf * idfs[feat]
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {f: v / norm for f, v in vec.items()} if norm else {}

    def predict(self, text: str) -> Prediction:
        return _predict(self, text)


@lru_cache(maxsize=4096)
def _predict(model: TextModel, text: str) -> Prediction:
    if not text.strip():
        return Prediction(())
    vec = model.vector(text)
    if not vec:
        return Prediction(())
    scores = list(model.intercepts)
    for feat, value in vec.items():
        for cls, w in model.weights[feat]:
            scores[cls] += value * w
    probs = [(c, 1.0 / (1.0 + math.exp(-s))) for c, s in zip(model.classes, scores,
                                                             strict=True)]
    return Prediction(tuple(sorted(probs, key=lambda cp: -cp[1])))


_OVERRIDE: list[TextModel | None] = []


@contextmanager
def model_override(model: TextModel | None) -> Iterator[None]:
    """Use ``model`` instead of the shipped one (cross-validation in the benchmark)."""
    _OVERRIDE.append(model)
    try:
        yield
    finally:
        _OVERRIDE.pop()


def load_model(path: str | None = None) -> TextModel | None:
    """The shipped model (None when no model file is shipped)."""
    if _OVERRIDE:
        return _OVERRIDE[-1]
    return _load(path)


@lru_cache(maxsize=4)
def _load(path: str | None = None) -> TextModel | None:
    p = Path(path) if path else MODEL_PATH
    if not p.is_file():
        return None
    return TextModel(json.loads(p.read_text(encoding="utf-8")))
