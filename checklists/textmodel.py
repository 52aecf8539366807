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
import marshal
import math
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import numpy as np

from checklists import modelimage
from checklists.modelimage import from_image, image
from checklists.pageshape import shape_features
from checklists.plaincache import files_key, remembered_bytes
from checklists.recent import Recent
from checklists.scriptregex import LATIN, sub_latin
from checklists.thaitext import CharsMemo, clean, edges, joins_cleanly, words

MODEL_PATH = Path(__file__).parent / "data" / "matcher_model.json"
CHAR_NGRAMS = (3, 4, 5)
LINKS = ("sigmoid", "softmax", "gated", "staged")  # how a class's score becomes its
# probability ("gated": the class "none" is a model of its own, "not evidence", whose sigmoid is
# its probability; the items share the rest by their softmax: :func:`_gated`; "staged": the same
# two models, each read on its own: "none" the first stage's sigmoid, the items the second
# stage's softmax over the items alone, :func:`_staged`)
NONE_CLASS = "none"  # the class of texts that name no item (the corpus's negative samples)
_CODES = re.compile(r"(?<![A-Za-z])(?:MOIT|OIT|EB|O)\s*[.\-:]?\s*\d{1,2}(?:\.\d)?(?![0-9])",
                    re.IGNORECASE)
_NUMBERS = re.compile(r"[0-9]+")
_PUNCT = re.compile(r"[^\w\u0e01-\u0e4e]+")


def strip_codes(text: str, glossed: int = 0) -> str:
    """The text without item codes, years and numbers (what it says, not which list), its
    English words glossed when ``glossed`` (:func:`gloss`)."""
    body = _NUMBERS.sub(" ", sub_latin(_CODES, " ", clean(text)))
    return gloss(body, glossed) if glossed else body


GLOSSARY_PATH = Path(__file__).parent / "data" / "english_glossary.json"
GLOSSES = (0, 1, 2)  # 0: English read as it is; 1: each glossary word with its Thai words
# after it; 2: each glossary word replaced by its Thai words


def gloss(body: str, how: int) -> str:
    """``body`` (a normal form, lower-cased: :func:`strip_codes`) with each English word of
    the glossary (:data:`GLOSSARY_PATH`: the checklists' English titles' words and the Thai
    words their Thai titles write for them) followed by (``how`` 1) or replaced by (2) its
    Thai words, so that an English item page is read with the wording the Thai samples taught.
    A word at a time: the gloss of two texts joined by a space is their glosses joined by a
    space (what :meth:`_Arrays.joined_many` takes for granted)."""
    if LATIN.search(body) is None:
        return body
    thai = _glossary()
    if how == 2:
        return _LATIN_WORD.sub(lambda m: f" {thai[w]} " if (w := m.group(0)) in thai else w,
                               body)
    return _LATIN_WORD.sub(lambda m: f"{w} {thai[w]} " if (w := m.group(0)) in thai else w,
                           body)


_LATIN_WORD = re.compile(r"[a-z]+")  # a glossary word is one of these whole (a normal form is
# lower-cased)


@lru_cache(maxsize=1)
def _glossary() -> dict[str, str]:
    """The glossary's English words and their Thai words, as normal forms."""
    words_of = json.loads(GLOSSARY_PATH.read_text(encoding="utf-8"))["words"]
    return {en.lower(): clean(th) for en, th in words_of.items()}


def features(text: str, glossed: int = 0) -> tuple[tuple[str, int], ...]:
    """Feature counts of ``text``: ``w:`` words, ``b:`` word pairs, ``c:`` character n-grams
    of the spacing-free text (the trainer and the predictor share this function), its English
    words glossed when ``glossed`` (:func:`gloss`). Not memoised: a text's features take
    about 70 KB, and :func:`_predict` keeps its result."""
    return tuple(sorted(_counts(text, glossed).items()))


def _counts(text: str, glossed: int = 0) -> Counter[str]:
    body = strip_codes(text, glossed)
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
        return tuple(sorted(map(itemgetter(1), self.probs), reverse=True))

    @cached_property
    def _of_any(self) -> dict[tuple[str, ...], float]:
        return {}

    @property
    def best(self) -> tuple[str, float]:
        return self.probs[0] if self.probs else ("", 0.0)


class TextModel:
    """A loaded model: ``idf`` and sparse per-class weights per feature."""

    def __init__(self, data: dict) -> None:
        self._head(data)
        self.idf, self.weights = _feature_dicts(data["features"])

    def _head(self, data: dict) -> None:
        """Everything but the features, from the model file's data (features left out)."""
        self.classes: list[str] = list(data["classes"])
        self.intercepts: list[float] = list(data["intercepts"])
        self.sublinear = bool(data.get("sublinear_tf", True))
        self.link: str = data.get("link", "sigmoid")
        if self.link not in LINKS:
            raise ValueError(f"unknown link {self.link!r} in the wording model (known: {LINKS})")
        self.meta = {k: v for k, v in data.items() if k not in ("features",)}
        self.glossed: int = int(data.get("settings", {}).get("gloss", 0))
        if self.glossed not in GLOSSES:
            raise ValueError(f"unknown gloss {self.glossed!r} in the wording model")
        # the shape block (train_matcher.Settings.shape, checklists/pageshape.py): per feature
        # its weight per class, added to the classes' scores when the text shows it
        self.shape_kinds: str = str(data.get("settings", {}).get("shape", ""))
        self.shape: dict[str, list[tuple[int, float]]] = {
            name: [(int(c), float(w)) for c, w in ws] for name, ws in data.get("shape", {}).items()
        } if self.shape_kinds else {}
        # item pairs' own regressions (train_matcher.Settings.duels): "A/B" -> (intercept,
        # weight per feature), a positive score for B
        self.duels: dict[frozenset[str], tuple[str, str, float, dict[str, float]]] = {
            frozenset(key.split("/")): (*key.split("/"), float(d["b"]),  # type: ignore[misc]
                                        {f: float(w) for f, w in d["w"].items()})
            for key, d in data.get("duels", {}).items()}

    def duel(self, pred: Prediction, text: str, least: float) -> Prediction:
        """``pred`` of ``text``, its first two items' probabilities exchanged when they are a
        pair the file has a regression of (:data:`duels`), the second read from ``least``,
        and that regression reads ``text`` as the second (issue 16, model39); else ``pred``."""
        if not self.duels:
            return pred
        items = [(c, p) for c, p in pred.probs if c != NONE_CLASS][:2]
        if len(items) < 2 or items[1][1] < least:
            return pred
        (a, pa), (b, pb) = items
        duel = self.duels.get(frozenset((a, b)))
        if duel is None:
            return pred
        first, second, intercept, weights = duel
        vec = self.vector(text)
        score = intercept + sum(w * vec[f] for f, w in weights.items() if f in vec)
        if (second if score > 0 else first) == a:
            return pred
        swapped = {a: pb, b: pa}
        return Prediction(tuple(sorted(((c, swapped.get(c, p)) for c, p in pred.probs),
                                       key=lambda cp: -cp[1])))

    def shape_scores(self, texts: list[str]) -> np.ndarray | None:
        """What the shape block adds to each of ``texts``' class scores (texts x classes),
        or None when the model has no shape block."""
        if not self.shape:
            return None
        out = np.zeros((len(texts), len(self.classes)))
        for n, text in enumerate(texts):
            for name in shape_features(text, self.shape_kinds):
                for c, w in self.shape.get(name, ()):
                    out[n, c] += w
        return out

    @classmethod
    def of_arrays(cls, head: dict, arrays: _Arrays, source: Path) -> TextModel:
        """The model of ``source`` given its head (:attr:`meta`) and its arrays, kept from an
        earlier load (:mod:`checklists.modelimage`): its feature dictionaries, which only
        the reading feature by feature uses, are read from ``source`` when first asked for."""
        model = cls.__new__(cls)
        model._head(head)
        model._source = source
        model.__dict__["_arrays"] = arrays
        return model

    @cached_property
    def idf(self) -> dict[str, float]:  # a model of arrays (of_arrays): read on first use
        self.idf, self.weights = self._read_features()
        return self.idf

    @cached_property
    def weights(self) -> dict[str, list[tuple[int, float]]]:
        self.idf, self.weights = self._read_features()
        return self.weights

    def _read_features(self) -> tuple[dict[str, float], dict[str, list[tuple[int, float]]]]:
        return _feature_dicts(json.loads(self._source.read_text(encoding="utf-8"))["features"])

    def vector(self, text: str) -> dict[str, float]:
        """The l2-normalised TF-IDF vector of ``text`` over the model's features."""
        vec = {}
        idfs = self.idf
        # the model's features only, in the order of features() (sums add up as they did)
        for feat, n in sorted((f, n) for f, n in _counts(text, self.glossed).items()
                              if f in idfs):
            tf = 1.0 + math.log(n) if self.sublinear else float(n)
            vec[feat] = tf * idfs[feat]
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {f: v / norm for f, v in vec.items()} if norm else {}

    def predict(self, text: str) -> Prediction:
        return _predict(self, text)

    def read_part(self, text: str) -> PartReading | None:
        """What the model reads in ``text`` as a part of a longer text (None when the model
        is read feature by feature); not memoised (see :meth:`part`)."""
        arrays = self._arrays
        return None if arrays is None else arrays.read_part(text)

    def part(self, text: str) -> PartReading | None:
        """What the model reads in ``text`` as a part of a longer text (None when the model
        is read feature by feature), memoised by text (:data:`PART_CHARS` in all)."""
        arrays = self._arrays
        return None if arrays is None else self._parts.get(text, arrays.read_part)

    def predict_joined(self, left: PartReading | None, right: PartReading | None,
                       text: str) -> Prediction:
        """:meth:`predict` of ``text``, which is two texts joined by a space whose readings
        (:meth:`part`) are ``left`` and ``right``: the same prediction, read from the parts
        when they join cleanly (:meth:`_Arrays.joined`), else from ``text``."""
        key = (self, text)
        hit = _PREDICTED.get(key)
        if hit is None:
            arrays = self._arrays
            if arrays is not None and left is not None and right is not None:
                hit = arrays.joined(self, left, right, text)
            if hit is None:
                return _predict(self, text)
            _PREDICTED[key] = hit
        return hit

    def read_parts(self, texts: list[str]) -> list[PartReading | None]:
        """:meth:`read_part` of each of ``texts``, read together (see
        :meth:`_Arrays.read_parts`); not memoised."""
        arrays = self._arrays
        return [None] * len(texts) if arrays is None else list(arrays.read_parts(texts))

    def parts(self, texts: list[str]) -> list[PartReading | None]:
        """:meth:`part` of each of ``texts``, those not kept read together."""
        arrays = self._arrays
        if arrays is None:
            return [None] * len(texts)
        return self._parts.get_many(texts, arrays.read_parts)

    def read_ahead(self, joins: list[tuple[PartReading | None, PartReading | None, str]]
                   ) -> None:
        """Work out together the predictions :meth:`predict_joined` will be asked for
        (its arguments), and keep them for it: one numpy pass for many texts instead of one
        per text (issue 13); each prediction the same to the last bit as read alone."""
        arrays = self._arrays
        if arrays is None:
            return
        todo = {text: (left, right) for left, right, text in joins
                if (self, text) not in _PREDICTED and text.strip()}
        pairs = [(text, lr) for text, lr in todo.items() if lr[0] is not None
                 and lr[1] is not None]
        whole = [text for text, lr in todo.items() if lr[0] is None or lr[1] is None]
        for (text, _), pred in zip(pairs, arrays.joined_many(
                self, [lr for _, lr in pairs], [text for text, _ in pairs]),
                strict=True):  # type: ignore[misc]
            if pred is None:
                whole.append(text)
            else:
                _PREDICTED[self, text] = pred
        for text, pred in zip(whole, arrays.predict_many(self, whole), strict=True):
            _PREDICTED[self, text] = pred

    @cached_property
    def _parts(self) -> CharsMemo[PartReading]:
        return CharsMemo(PART_CHARS)

    def prediction(self, scores: list[float]) -> Prediction:
        """The prediction of the classes' linear scores (intercept + features . weights, in
        :attr:`classes` order): a sigmoid per class, their softmax, or gated (:func:`_gated`)."""
        if self.link in ("gated", "staged"):
            probs = _TWO_STAGE[self.link](np.array([scores]),
                                          self.classes.index(NONE_CLASS))[0].tolist()
        elif self.link == "softmax":
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            probs = [e / total for e in exps]
        else:
            probs = [1.0 / (1.0 + math.exp(-s)) for s in scores]
        ranked = list(zip(self.classes, probs, strict=True))
        ranked.sort(key=itemgetter(1), reverse=True)  # stable: equal ones keep class order
        return Prediction(tuple(ranked))

    @cached_property
    def _arrays(self) -> _Arrays | None:
        return _Arrays.of(self)


PART_CHARS = 60_000  # characters of the part texts whose readings are kept (link words; a
# reading takes about 100 bytes per character)
# menu links ask again on every page; a prediction is ~8 KB
_PREDICTED: Recent[tuple[TextModel, str], Prediction] = Recent(2048)


def _predict(model: TextModel, text: str) -> Prediction:
    key = (model, text)
    hit = _PREDICTED.get(key)
    if hit is None:
        arrays = model._arrays
        if arrays is None:
            hit = predict_by_dicts(model, text)
        elif not text.strip():
            hit = Prediction(())
        else:
            hit = arrays.predict(model, text)
        _PREDICTED[key] = hit
    return hit


class PartReading(NamedTuple):
    """What the model reads in one part of a text (:meth:`_Arrays.read_part`), and what
    decides whether the parts' readings add up to the whole text's: plain data (kept on
    disk by :class:`checklists.targets.TargetStore` as :func:`marshal` bytes)."""

    raw_edges: tuple[str, str]  # thaitext.edges() of the text
    clean_head: str  # the first character of its normal form ("" when that is empty)
    body_edges: tuple[str, str]  # edges of the text without codes and numbers
    body_words: bool  # whether that has a normal form (words() reads it)
    toks: tuple[str, str]  # its first and last word ("" when none)
    words: tuple[int, ...]  # the model's rows of its words and their counts, by first use
    pairs: tuple[int, ...]  # the same for its word pairs
    flat: tuple[str, str]  # the first and last 4 characters of its spacing-free text
    grams: bytes  # positions of its n-grams in the model's sorted packed n-grams, ascending,
    # then their counts: two int64 arrays' bytes (joined with numpy: :meth:`_Arrays.joined`)

    def dumps(self) -> bytes:
        return marshal.dumps(tuple(self))

    @classmethod
    def loads(cls, data: bytes) -> PartReading:
        return cls(*marshal.loads(data))  # noqa: S302 - our own bytes, written this gathering


class _Counted(NamedTuple):
    """The model's features found in a text (:meth:`_Arrays._count`)."""

    toks: list[str]  # its words, punctuation aside
    words: dict[int, int]  # rows of its word features -> counts, by first use
    pairs: dict[int, int]  # the same for its word pairs
    flat: str  # its text without punctuation or spaces (the n-grams' source)
    at: np.ndarray  # positions of its n-grams in the model's sorted packed n-grams, ascending
    times: np.ndarray  # and their counts


def _may_end_code(head: str) -> bool:
    """Whether a text beginning with ``head`` may complete an item code (``O`` + ``12``)
    at the end of the text before it."""
    return head.isdecimal() or head in ".-:"


ACROSS_KEPT = 16384  # joins whose n-grams across the space are kept (_Arrays._across)
CHAR_BITS = 12  # a character's number in a packed n-gram: 5 x 12 bits fit in 64
PREDICT_BATCH = 256  # texts scored in one product (their rows' weights: a few MB)
GRAM_BATCH = 128  # texts whose n-grams are counted in one pass (~40 KB of arrays per text)


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
    glossed: int = 0  # the model's gloss of English words (:func:`gloss`)

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
                   np.array([model.idf[f] for f in feats]), weights, np.array(model.intercepts),
                   model.glossed)

    def predict(self, model: TextModel, text: str) -> Prediction:
        return self.predict_many(model, [text])[0]

    def predict_many(self, model: TextModel, texts: list[str]) -> list[Prediction]:
        """:meth:`predict` of each of ``texts``, read together (one numpy pass for all their
        n-grams and one for all their scores: a text alone paid numpy's per-call overhead
        a dozen times); each the same to the last bit however many are read with it."""
        counts = self._count_many([strip_codes(t, self.glossed) for t in texts])
        rows: list[list[int]] = []
        times: list[list[int]] = []
        for count in counts:
            found = {**count.words, **count.pairs}  # pair rows are not word rows: features()
            rows.append(list(found))
            times.append(list(found.values()))
        return self._predictions(model, rows, times, [c.at for c in counts],
                                 [c.times for c in counts], model.shape_scores(texts))

    def read_part(self, text: str) -> PartReading:
        """What :meth:`predict` reads in ``text``, kept per part (:class:`PartReading`)."""
        return self.read_parts([text])[0]

    def read_parts(self, texts: list[str]) -> list[PartReading]:
        """:meth:`read_part` of each of ``texts``, their n-grams counted together."""
        bodies = [strip_codes(text, self.glossed) for text in texts]
        out = []
        for text, body, count in zip(texts, bodies, self._count_many(bodies), strict=True):
            toks = count.toks
            grams = count.at.astype(np.int64).tobytes() + count.times.astype(np.int64).tobytes()
            out.append(PartReading(edges(text), clean(text)[:1], edges(body), bool(clean(body)),
                                   (toks[0], toks[-1]) if toks else ("", ""),
                                   tuple(n for kv in count.words.items() for n in kv),
                                   tuple(n for kv in count.pairs.items() for n in kv),
                                   (count.flat[:4], count.flat[-4:]), grams))
        return out

    def _count_many(self, bodies: list[str]) -> list[_Counted]:
        """The model's features found in each of ``bodies`` (texts without their codes) and
        how often: the words a text at a time, the n-grams of all texts at once."""
        columns, pairs = self.columns, self.pairs
        toks_of, founds, paireds, flats = [], [], [], []
        for body in bodies:
            # features()'s words less punctuation: words() keeps no token without a letter,
            # a digit or a Thai character, so none is all punctuation (_PUNCT; tested)
            toks = list(words(body))
            found: dict[int, int] = {}
            for t in toks:
                row = columns.get(t)
                if row is not None:
                    found[row] = found.get(row, 0) + 1
            paired: dict[int, int] = {}
            for a, b in zip(toks, toks[1:], strict=False):
                row = pairs.get(f"b:{a}|{b}")
                if row is not None:
                    paired[row] = paired.get(row, 0) + 1
            toks_of.append(toks)
            founds.append(found)
            paireds.append(paired)
            flats.append(_PUNCT.sub("", body))
        grams = [counted for lo in range(0, len(flats), GRAM_BATCH)
                 for counted in self._gram_counts_of(flats[lo:lo + GRAM_BATCH])]
        return [_Counted(t, f, p, flat, at, times) for t, f, p, flat, (at, times)
                in zip(toks_of, founds, paireds, flats, grams, strict=True)]

    def _gram_counts_of(self, flats: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per text of ``flats`` (spacing-free texts), the positions in :attr:`grams` of the
        model's n-grams it holds, ascending, and how often each: the texts are read as one
        string with a character the model has no n-gram of between them (so no n-gram
        crosses from one to the next), each n-gram is told its text by where it starts, and
        the (text, position) pairs are counted at once."""
        size = len(self.grams)
        starts = np.cumsum([0] + [len(f) + 1 for f in flats])  # a "\0" after each text
        keys, at = self._grams_at(self._ids("\0".join(flats)))  # never in a flat text
        if not len(keys) or not size:
            empty = np.zeros(0, dtype=np.intp)
            return [(empty, empty)] * len(flats)
        where = self.grams.searchsorted(keys)
        np.minimum(where, size - 1, out=where)
        hit = self.grams[where] == keys
        text = np.searchsorted(starts, at[hit], side="right") - 1
        # a text's ~800 n-grams, ~100 the model's: those picked before they are counted
        pairs, times = _distinct(text * size + where[hit])
        bounds = np.searchsorted(pairs, np.arange(len(flats) + 1) * size).tolist()
        pos = pairs - (pairs // size) * size
        return [(pos[a:b], times[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]

    def joined(self, model: TextModel, left: PartReading, right: PartReading,
               text: str | None = None) -> Prediction | None:
        """:meth:`predict` of two texts joined by a space (``text``), from their readings, or
        None when their join is not clean (see :meth:`joined_many`)."""
        return self.joined_many(model, [(left, right)], None if text is None else [text])[0]

    def joined_many(self, model: TextModel, parts: list[tuple[PartReading, PartReading]],
                    texts: list[str] | None = None) -> list[Prediction | None]:
        """:meth:`predict` of each pair of texts joined by a space, from their readings, or
        None when their join is not clean: normalisation or a code reaches across the
        space, or one part has no normal form (:func:`checklists.thaitext.joins_cleanly`).
        The words, word pairs and n-grams of the whole are the parts' plus the word pair and
        the n-grams across the join, put in the order :meth:`predict` finds them (words and
        pairs by first use, n-grams in packed order): the same arrays, hence the same
        probabilities to the last bit.  The pairs' n-grams are added up and their scores
        worked out together.  A model with a shape block (:meth:`TextModel.shape_scores`)
        needs the joined ``texts`` (without them: None each, read whole)."""
        out: list[Prediction | None] = [None] * len(parts)
        if model.shape and texts is None:
            return out
        kept, rows, times, grams = [], [], [], []
        for n, (left, right) in enumerate(parts):
            if not (left.clean_head and right.clean_head and left.body_words
                    and right.body_words
                    and joins_cleanly(left.raw_edges[1], right.raw_edges[0])
                    and not _may_end_code(right.clean_head)
                    and joins_cleanly(left.body_edges[1], right.body_edges[0])):
                continue
            found = _merged(left.words, right.words)
            paired = _merged(left.pairs)
            if left.toks[1] and right.toks[0]:
                row = self.pairs.get(f"b:{left.toks[1]}|{right.toks[0]}")
                if row is not None:
                    paired[row] = paired.get(row, 0) + 1
            found.update(_merged(right.pairs, into=paired))  # pair rows are not word rows
            kept.append(n)
            rows.append(list(found))
            times.append(list(found.values()))
            grams.append((left.grams, right.grams, self._across(left.flat[1], right.flat[0])))
        if kept:
            counted = _gram_counts_many(grams, len(self.grams))
            shaped = model.shape_scores([texts[n] for n in kept]) \
                if model.shape and texts is not None else None
            for n, pred in zip(kept, self._predictions(
                    model, rows, times, [at for at, _ in counted], [c for _, c in counted],
                    shaped), strict=True):
                out[n] = pred
        return out

    @cached_property
    def _gram_at(self) -> dict[int, int]:
        """Packed n-gram -> its position in :attr:`grams`."""
        return {key: at for at, key in enumerate(self.grams.tolist())}

    @cached_property
    def _char_numbers(self) -> dict[str, int]:
        return {chr(point): int(n) for point, n in enumerate(self.char_ids.tolist()) if n}

    def _ids(self, flat: str) -> np.ndarray:
        """The character numbers of ``flat`` (0: in none of the model's n-grams)."""
        points = np.frombuffer(flat.encode("utf-32-le"), dtype=np.uint32)
        ids = self.char_ids[np.minimum(points, 0xFFFF)]
        ids[points > 0xFFFF] = 0
        return ids

    def _across(self, tail: str, head: str) -> tuple[int, ...]:
        """The positions in :attr:`grams` of the n-grams (:data:`CHAR_NGRAMS`) of ``tail +
        head`` that hold characters of both (one per occurrence), memoised: the same link
        words end many joins."""
        if not tail or not head:
            return ()
        memo = self._across_memo
        hit = memo.get((tail, head))
        if hit is None:
            if len(memo) >= ACROSS_KEPT:
                memo.clear()
            hit = memo[tail, head] = tuple(self._across_of(tail, head))
        return hit

    @cached_property
    def _across_memo(self) -> dict[tuple[str, str], tuple[int, ...]]:
        return {}

    def _across_of(self, tail: str, head: str) -> list[int]:
        numbers = self._char_numbers
        ids = [numbers.get(ch, 0) for ch in tail + head]
        cut, out, where = len(tail), [], self._gram_at
        for n in CHAR_NGRAMS:
            for i in range(max(0, cut - n + 1), min(cut, len(ids) - n + 1)):
                gram = ids[i:i + n]
                if all(gram):
                    at = where.get(sum(c << (CHAR_BITS * k) for k, c in enumerate(gram)))
                    if at is not None:
                        out.append(at)
        return out

    def _predictions(self, model: TextModel, rows: list[list[int]], times: list[list[int]],
                     gram_at: list[np.ndarray], gram_times: list[np.ndarray],
                     shaped: np.ndarray | None = None) -> list[Prediction]:
        """The prediction of each text from the model's rows found in it and their counts:
        its words and word pairs in the order the text gives them (``rows``, ``times``), then
        its n-grams in packed order (positions in :attr:`grams` and counts).  All texts'
        features are laid out in one array, text after text, and each text's sums are
        added up over its own stretch (``add.reduceat``, :meth:`_products`): what a text
        gets depends on its own features only, not on the texts read with it.  ``shaped``:
        what the shape block adds to each text's scores (:meth:`TextModel.shape_scores`)."""
        out = [Prediction(())] * len(rows)
        sizes = [len(r) + len(g) for r, g in zip(rows, gram_at, strict=True)]
        kept = [n for n, size in enumerate(sizes) if size]
        for lo in range(0, len(kept), PREDICT_BATCH):  # the rows' weights: ~350 B per feature
            part = kept[lo:lo + PREDICT_BATCH]
            row, count, lens = self._laid_out(part, rows, times, gram_at, gram_times)
            starts = np.concatenate(([0], np.cumsum(lens)[:-1]))
            tf = 1.0 + np.log(count) if model.sublinear else count
            vec = tf * self.idf[row]
            norms = np.sqrt(np.add.reduceat(vec * vec, starts))
            unit = vec / np.repeat(np.where(norms > 0, norms, 1.0), lens)
            scores = self.intercepts + self._products(row, unit, lens)
            if shaped is not None:
                scores = scores + shaped[part]
            classes = model.classes
            for n, norm, order, probs in zip(part, norms.tolist(),
                                             *_ranked(model, scores), strict=True):
                if norm:
                    out[n] = Prediction(tuple(zip(map(classes.__getitem__, order), probs,
                                                  strict=True)))
        return out

    def _laid_out(self, part: list[int], rows: list[list[int]], times: list[list[int]],
                  gram_at: list[np.ndarray], gram_times: list[np.ndarray]
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The features of the texts ``part`` (numbers into the other arguments) laid out one
        text after the other, each text's words and word pairs then its n-grams: their rows
        of :attr:`weights`, their counts (float64) and how many each text has.  Built from all
        the texts' words at once and all their n-grams at once, then interleaved (four small
        arrays per text cost numpy's per-call overhead 40,000 times on a large site)."""
        words = np.array([len(rows[n]) for n in part], dtype=np.intp)
        grams = np.array([len(gram_at[n]) for n in part], dtype=np.intp)
        word_count = int(words.sum())
        word_rows = np.fromiter(chain.from_iterable(rows[n] for n in part), dtype=np.intp,
                                count=word_count)
        word_times = np.fromiter(chain.from_iterable(times[n] for n in part),
                                 dtype=np.float64, count=word_count)
        gram_rows = self.gram_rows[np.concatenate([gram_at[n] for n in part])]
        gram_counts = np.concatenate([gram_times[n] for n in part]).astype(np.float64)
        # True where a text's words lie, False where its n-grams do
        is_word = np.repeat(np.tile(np.array([True, False]), len(part)),
                            np.column_stack((words, grams)).ravel())
        row = np.empty(len(is_word), dtype=np.intp)
        count = np.empty(len(is_word), dtype=np.float64)
        row[is_word], row[~is_word] = word_rows, gram_rows
        count[is_word], count[~is_word] = word_times, gram_counts
        return row, count, words + grams

    def _products(self, row: np.ndarray, unit: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Per text (``lens`` features each, laid out one after the other), the product of
        its feature values ``unit`` (of :attr:`weights`' rows ``row``) and the weights: a
        texts x classes array.  The weights are nearly all zeros (1.8 classes of 44 per
        feature in the shipped model), so only the non-zero ones are multiplied; each
        (text, class) sum adds its terms in the text's feature order (``bincount``)."""
        start, cls, value = self._sparse
        classes = self.weights.shape[1]
        per = start[row + 1] - start[row]  # non-zero weights of each feature
        ends = np.cumsum(per)
        at = np.repeat(start[row] - (ends - per), per) + np.arange(ends[-1] if len(ends) else 0)
        text = np.repeat(np.repeat(np.arange(len(lens)), lens), per)
        sums = np.bincount(text * classes + cls[at], weights=value[at] * np.repeat(unit, per),
                           minlength=len(lens) * classes)
        return sums.reshape(len(lens), classes)

    @cached_property
    def _sparse(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:attr:`weights` by row, its non-zero values only: where each row's start (one
        more for the end), their classes and their values."""
        rows, cls = np.nonzero(self.weights)
        start = np.searchsorted(rows, np.arange(self.weights.shape[0] + 1))
        return start, cls, self.weights[rows, cls]

    def _grams_at(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The packed n-grams of ``ids`` of every length in :data:`CHAR_NGRAMS` whose
        characters are all known (each built from the one a character shorter), and where
        each starts."""
        keys, starts = [], []
        for n, (packed, at) in enumerate(self._packed(ids), start=1):
            if n in CHAR_NGRAMS:
                keys.append(packed)
                starts.append(at)
        if not keys:
            return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.intp)
        return np.concatenate(keys), np.concatenate(starts)

    @staticmethod
    def _packed(ids: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """For n = 1, 2, ... up to the longest of :data:`CHAR_NGRAMS`: the packed n-grams of
        ``ids`` whose characters are all known, and where each starts."""
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
            yield keys[known], np.flatnonzero(known)


def _distinct(keys: np.ndarray, counts: np.ndarray | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of ``keys`` (int64), ascending, and how often each occurs (or the
    sum of its ``counts``, int64): ``np.unique(keys, return_counts=True)``.  The keys come in
    sorted runs (a text's n-grams by length, a join's two parts' readings), which a stable
    sort (timsort) merges in a third to a half of the time ``np.unique``'s quicksort takes to
    sort them afresh (the saved 5,245-page crawl's 582 arrays, 6.1 million keys: 0.14 against
    0.32 CPU-s, issue 13, crawl43); the counts are whole numbers, so the order they are added
    in changes no sum."""
    if counts is None:
        ranked = np.sort(keys, kind="stable")
    else:
        order = np.argsort(keys, kind="stable")
        ranked = keys[order]
    first = np.empty(len(ranked), dtype=bool)
    first[:1] = True
    np.not_equal(ranked[1:], ranked[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    if counts is None:
        return ranked[starts], np.diff(np.append(starts, len(ranked)))
    if not len(starts):
        return ranked, counts[:0]
    return ranked[starts], np.add.reduceat(counts[order], starts)


def _gram_counts_many(joins: list[tuple[bytes, bytes, tuple[int, ...]]], size: int
                      ) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each join, the n-gram positions (ascending: packed order) and counts (float64) of
    its two parts' readings (:attr:`PartReading.grams`) and of the n-grams across it: the
    positions of all three, each once, with their counts added up; ``size`` positions in
    all (the joins are told apart by ``join * size + position``).  The parts' readings are
    read as one buffer and the joins' n-grams counted at once (a few small arrays per join
    cost numpy's per-call overhead 70,000 times on a large site); the counts are whole
    numbers, so the order they are added in changes no sum."""
    parts = [(n, g) for n, (left, right, _) in enumerate(joins) for g in (left, right) if g]
    across = [(n, a) for n, (_, _, a) in enumerate(joins) if a]
    if not parts and not across:
        empty = np.zeros(0, dtype=np.intp)
        return [(empty, np.zeros(0, dtype=np.float64))] * len(joins)
    # each part's bytes: its positions, then as many counts (int64)
    held = np.array([len(g) // 16 for _, g in parts], dtype=np.intp)
    flat = np.frombuffer(b"".join(g for _, g in parts), dtype=np.int64)
    # the i-th position overall, of a part whose first is the s-th, lies at flat[s + i]: the
    # s positions before it come with as many counts
    at_part = np.arange(int(held.sum())) + np.repeat(np.cumsum(held) - held, held)
    join_of = np.repeat(np.array([n for n, _ in parts], dtype=np.int64), held)
    spans = [len(a) for _, a in across]
    keys = np.concatenate((flat[at_part] + join_of * size,
                           np.fromiter(chain.from_iterable(a for _, a in across),
                                       dtype=np.int64, count=sum(spans))
                           + np.repeat(np.array([n for n, _ in across], dtype=np.int64),
                                       spans) * size))
    counts = np.concatenate((flat[at_part + np.repeat(held, held)],
                             np.ones(sum(spans), dtype=np.int64)))
    at, total = _distinct(keys, counts)
    total = total.astype(np.float64)
    bounds = np.searchsorted(at, np.arange(len(joins) + 1) * size).tolist()
    pos = at - (at // size) * size
    return [(pos[a:b], total[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def _ranked(model: TextModel, scores: np.ndarray) -> tuple[list[list[int]], list[list[float]]]:
    """Per row of ``scores`` (texts x classes, linear scores), the classes best first (equal
    ones in class order) and their probabilities: a sigmoid per class, their softmax, or
    gated (:meth:`TextModel.prediction` for many texts at once)."""
    link = model.link
    if link in ("gated", "staged"):
        probs = _TWO_STAGE[link](scores, model.classes.index(NONE_CLASS))
    elif link == "softmax":
        exps = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs = exps / exps.sum(axis=1, keepdims=True)
    else:
        probs = 1.0 / (1.0 + np.exp(-scores))
    order = np.argsort(-probs, axis=1, kind="stable")
    return order.tolist(), np.take_along_axis(probs, order, axis=1).tolist()


def _gated(scores: np.ndarray, none: int) -> np.ndarray:
    """Probabilities of a gated model (texts x classes): the class ``none`` (its column) is a
    logistic "not evidence" model, p = sigmoid(its score); the items share 1 - p by the softmax
    of their scores (model25: negatives trained against evidence as a whole, not each item)."""
    p_none, probs = _stages(scores, none)
    probs *= (1.0 - p_none)[:, None]
    probs[:, none] = p_none
    return probs


def _staged(scores: np.ndarray, none: int) -> np.ndarray:
    """Probabilities of a staged model (texts x classes): the two models of a gated one
    (:func:`_gated`), each read on its own.  The class ``none`` is the first stage's "not an
    item page" (its sigmoid), each item the second stage's reading of which item the page is,
    given that it is one (the softmax over the items alone, summing to 1 without ``none``), so
    "no item" no longer takes its share from 43 item classes; an item is read as evidence
    where its reading passes its floor and "no item"'s (candidates.model_matches)."""
    p_none, probs = _stages(scores, none)
    probs[:, none] = p_none
    return probs


def _stages(scores: np.ndarray, none: int) -> tuple[np.ndarray, np.ndarray]:
    """The two stages' readings of the scores (texts x classes): "not an item page" (the
    sigmoid of the ``none`` column) and the softmax over the items alone (``none`` 0)."""
    p_none = 1.0 / (1.0 + np.exp(-scores[:, none]))
    items = scores.copy()
    items[:, none] = -np.inf
    exps = np.exp(items - items.max(axis=1, keepdims=True))
    return p_none, exps / exps.sum(axis=1, keepdims=True)


_TWO_STAGE = {"gated": _gated, "staged": _staged}


def _merged(*flats: tuple[int, ...], into: dict[int, int] | None = None) -> dict[int, int]:
    """Keys and counts (flattened pairs) added up, in the order of first use."""
    out = {} if into is None else into
    for flat in flats:
        for row, n in zip(flat[::2], flat[1::2], strict=True):
            out[row] = out.get(row, 0) + n
    return out


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
    shaped = model.shape_scores([text])
    if shaped is not None:
        scores = [s + float(d) for s, d in zip(scores, shaped[0], strict=True)]
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
    """The model of ``path`` (the shipped one by default), its arrays read back from the
    plain-data cache when kept there: parsing the file and packing its arrays took about
    0.15-0.2 CPU-s of every judging process (issue 13); the image holds the same arrays bit
    for bit (:func:`_model_image`, tests/checklists/test_modelimage.py)."""
    p = Path(path) if path else MODEL_PATH
    if not p.is_file():
        return None
    built: list[TextModel] = []

    def build() -> bytes:
        built.append(TextModel(json.loads(p.read_text(encoding="utf-8"))))
        return _model_image(built[0])

    key = files_key([p, Path(__file__), Path(modelimage.__file__)], np.__version__)
    try:
        return remembered_bytes("model", key, build, lambda data: _from_model_image(data, p))
    except _NoImage:
        return built[0]  # read feature by feature: nothing to keep


class _NoImage(Exception):
    """The model has no arrays (it is read feature by feature)."""


def _model_image(model: TextModel) -> bytes:
    """The model's head and arrays (:func:`_from_model_image` reads them back).  The weights,
    a features x classes matrix nearly all zeros, are kept as the positions and values of
    their non-zero bit patterns (-0.0 too)."""
    arrays = model._arrays
    if arrays is None:
        raise _NoImage
    bits = arrays.weights.view(np.uint64).ravel()
    at = np.flatnonzero(bits)
    chars = np.flatnonzero(arrays.char_ids)
    return image({"head": model.meta, "columns": arrays.columns, "pairs": arrays.pairs,
                  "shape": list(arrays.weights.shape)},
                 {"grams": arrays.grams, "gram_rows": arrays.gram_rows.astype(np.int64),
                  "idf": arrays.idf, "intercepts": arrays.intercepts,
                  "weights_at": at.astype(np.int64), "weights": bits[at],
                  "chars": chars.astype(np.int64), "char_ids": arrays.char_ids[chars]})


def _from_model_image(data: bytes, source: Path) -> TextModel:
    """The model :func:`_model_image` kept; ``ValueError`` for bytes that are not one."""
    header, parts = from_image(data)
    try:
        rows, classes = header["shape"]
        weights = np.zeros(rows * classes, dtype=np.uint64)
        weights[parts["weights_at"]] = parts["weights"]
        char_ids = np.zeros(0x10000, dtype=np.uint64)
        char_ids[parts["chars"]] = parts["char_ids"]
        arrays = _Arrays(header["columns"], header["pairs"], char_ids, parts["grams"],
                         parts["gram_rows"].astype(np.intp), parts["idf"],
                         weights.view(np.float64).reshape(rows, classes), parts["intercepts"],
                         int(header["head"].get("settings", {}).get("gloss", 0)))
        model = TextModel.of_arrays(header["head"], arrays, source)
    except (KeyError, TypeError, IndexError) as exc:
        raise ValueError(f"not a model image: {exc}") from exc
    if len(model.classes) != classes or len(arrays.intercepts) != classes or \
            len(arrays.idf) != rows or len(arrays.grams) != len(arrays.gram_rows):
        raise ValueError("not a model image")
    return model


def _feature_dicts(features: dict) -> tuple[dict[str, float],
                                            dict[str, list[tuple[int, float]]]]:
    """``idf`` and ``weights`` of the model file's ``features``."""
    idf: dict[str, float] = {}
    weights: dict[str, list[tuple[int, float]]] = {}
    for feat, (value, ws) in features.items():
        idf[feat] = value
        weights[feat] = [(int(c), float(w)) for c, w in ws]
    return idf, weights
