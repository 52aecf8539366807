"""The learned wording model: which item a piece of text names, from real sites' wordings.

A linear model over TF-IDF features (Thai words, word pairs and character n-grams of the
normalised text): one softmax (multinomial) logistic regression over the items and "no item"
(``"link": "softmax"`` in the file: the probabilities sum to 1), or a logistic regression per
item (one-vs-rest, ``"link": "sigmoid"``, the files before it), trained by
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

import numpy as np

from checklists.thaitext import clean, words

MODEL_PATH = Path(__file__).parent / "data" / "matcher_model.json"
CHAR_NGRAMS = (3, 4, 5)
LINKS = ("sigmoid", "softmax")  # how a class's score becomes its probability
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
    def ranked(self) -> tuple[float, ...]:
        """The probabilities, highest first."""
        return tuple(sorted((p for _, p in self.probs), reverse=True))

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
        self.link: str = data.get("link", "sigmoid")
        if self.link not in LINKS:
            raise ValueError(f"unknown link {self.link!r} in the wording model (known: {LINKS})")
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

    def prediction(self, scores: list[float]) -> Prediction:
        """The prediction of the classes' linear scores (intercept + features . weights, in
        :attr:`classes` order): a sigmoid per class, or their softmax."""
        if self.link == "softmax":
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            probs = [e / total for e in exps]
        else:
            probs = [1.0 / (1.0 + math.exp(-s)) for s in scores]
        return Prediction(tuple(sorted(zip(self.classes, probs, strict=True),
                                       key=lambda cp: -cp[1])))

    @cached_property
    def _arrays(self) -> _Arrays | None:
        return _Arrays.of(self)


@lru_cache(maxsize=2048)  # menu links ask again on every page; a prediction is ~8 KB
def _predict(model: TextModel, text: str) -> Prediction:
    arrays = model._arrays
    if arrays is None:
        return predict_by_dicts(model, text)
    if not text.strip():
        return Prediction(())
    return arrays.predict(model, text)


CHAR_BITS = 12  # a character's number in a packed n-gram: 5 x 12 bits fit in 64


@dataclass(frozen=True)
class _Arrays:
    """The model as arrays, so that a text's character n-grams are counted and looked up
    with numpy and its scores are one product (:func:`predict_by_dicts` reads the same
    features one by one: on a large site the model read ten thousand texts, half the
    judging).  Each character of the model's n-grams gets a number (0: in none of them),
    an n-gram packs its characters' numbers into one integer, and the model's n-grams are
    one sorted array of such integers: an n-gram of n known characters lies between
    ``2 ** (CHAR_BITS * (n - 1))`` and ``2 ** (CHAR_BITS * n)``, so the 3-grams sort before
    the 4-grams and those before the 5-grams, and a text's n-grams of every length are
    counted and looked up at once, in the order a length at a time would give."""

    columns: dict[str, int]  # word feature (without its "w:") -> row of ``weights``
    pairs: dict[str, int]  # word-pair feature ("b:a|b") -> row of ``weights``
    char_ids: np.ndarray  # code point (< 65536) -> character number, 0 for the others
    grams: np.ndarray  # the model's packed n-grams, sorted
    gram_rows: np.ndarray  # their rows of ``weights``
    idf: np.ndarray
    weights: np.ndarray  # features x classes
    intercepts: np.ndarray

    @classmethod
    def of(cls, model: TextModel) -> _Arrays | None:
        feats = list(model.idf)
        chars = sorted({ch for f in feats if f.startswith("c:") for ch in f[2:]})
        if len(chars) >= 1 << CHAR_BITS or any(ord(ch) > 0xFFFF for ch in chars):
            return None  # cannot pack: read feature by feature
        if any(f.startswith("c:") and not 0 < len(f) - 2 <= 64 // CHAR_BITS for f in feats):
            return None
        char_ids = np.zeros(0x10000, dtype=np.uint64)
        for i, ch in enumerate(chars, start=1):
            char_ids[ord(ch)] = i
        weights = np.zeros((len(feats), len(model.classes)))
        columns, pairs, grams = {}, {}, []
        for row, feat in enumerate(feats):
            for c, w in model.weights[feat]:
                weights[row, c] = w
            if feat.startswith("c:"):
                grams.append((_pack(char_ids, feat[2:]), row))
            elif feat.startswith("w:"):
                columns[feat[2:]] = row
            else:
                pairs[feat] = row
        grams.sort()
        return cls(columns, pairs, char_ids, np.array([k for k, _ in grams], dtype=np.uint64),
                   np.array([r for _, r in grams], dtype=np.intp),
                   np.array([model.idf[f] for f in feats]), weights, np.array(model.intercepts))

    def predict(self, model: TextModel, text: str) -> Prediction:
        body = strip_codes(text)
        toks = [t for t in words(body) if not _PUNCT.fullmatch(t)]
        found: Counter[int] = Counter()
        columns, pairs = self.columns, self.pairs
        for t in toks:  # the words, then the word pairs: features() order
            row = columns.get(t)
            if row is not None:
                found[row] += 1
        for a, b in zip(toks, toks[1:], strict=False):
            row = pairs.get(f"b:{a}|{b}")
            if row is not None:
                found[row] += 1
        rows = [np.fromiter(found.keys(), dtype=np.intp, count=len(found))]
        counts = [np.fromiter(found.values(), dtype=np.float64, count=len(found))]
        flat = _PUNCT.sub("", body)
        points = np.frombuffer(flat.encode("utf-32-le"), dtype=np.uint32)
        ids = self.char_ids[np.minimum(points, 0xFFFF)]
        ids[points > 0xFFFF] = 0
        keys = self._grams(ids)
        if len(keys):
            keys, times = np.unique(keys, return_counts=True)
            at = np.minimum(np.searchsorted(self.grams, keys), len(self.grams) - 1)
            hit = self.grams[at] == keys
            rows.append(self.gram_rows[at[hit]])
            counts.append(times[hit].astype(np.float64))
        row = np.concatenate(rows)
        if not len(row):
            return Prediction(())
        count = np.concatenate(counts)
        tf = 1.0 + np.log(count) if model.sublinear else count
        vec = tf * self.idf[row]
        norm = math.sqrt(float(vec @ vec))
        if not norm:
            return Prediction(())
        return model.prediction((self.intercepts + (vec / norm) @ self.weights[row]).tolist())

    @staticmethod
    def _grams(ids: np.ndarray) -> np.ndarray:
        """The packed n-grams of every length in :data:`CHAR_NGRAMS` whose characters are
        all known, each n-gram built from the one a character shorter."""
        out = []
        keys = known = None
        for n in range(1, max(CHAR_NGRAMS) + 1):
            span = len(ids) - n + 1
            if span <= 0:
                break
            part = ids[n - 1:n - 1 + span]
            if keys is None:
                keys, known = part.copy(), part > 0
            else:
                keys = keys[:span] | (part << np.uint64(CHAR_BITS * (n - 1)))
                known = known[:span] & (part > 0)
            if n in CHAR_NGRAMS:
                out.append(keys[known])
        return np.concatenate(out) if out else np.zeros(0, dtype=np.uint64)


def _pack(char_ids: np.ndarray, gram: str) -> int:
    return sum(int(char_ids[ord(ch)]) << (CHAR_BITS * k) for k, ch in enumerate(gram))


def predict_by_dicts(model: TextModel, text: str) -> Prediction:
    """The model's prediction read feature by feature from its dictionaries (the reference
    that :class:`_Arrays` reproduces)."""
    if not text.strip():
        return Prediction(())
    vec = model.vector(text)
    if not vec:
        return Prediction(())
    scores = list(model.intercepts)
    for feat, value in vec.items():
        for cls, w in model.weights[feat]:
            scores[cls] += value * w
    return model.prediction(scores)


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
