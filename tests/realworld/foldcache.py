"""The wording models of the cross-validation folds, kept on disk between runs (issue 16).

``realworld.py --dev-only --cv K`` (:func:`tests.realworld.sites.cross_validate`) and
``transfer.py`` / ``tune_realworld.py`` (:class:`tests.benchmarks.tune_realworld.Folds`) judge
the same folds of ``dev`` domains with the same models: both take them from here, so a round
that runs both trains each fold once (model46's note: ``--cv`` trained its five afresh every
run while the Folds kept theirs).  A model is kept under :func:`fold_key`, a digest of what it
is trained from: a changed sample, setting, reference title, tokenizer or training code is
another key, so it is trained again; the old files stay (git ignores the folder).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import sklearn

from checklists import train_matcher
from checklists.textmodel import GLOSSARY_PATH
from checklists.train_matcher import Settings, rows_digest

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "tests" / "benchmarks" / "out" / "folds"  # fold models kept between runs


def fold_key(rows: list[dict[str, str]], settings: Settings) -> str:
    """The cache key of the model trained on ``rows`` with ``settings``: a digest of
    everything training reads, not of the files it is read from.  Besides the samples
    (``rows_digest``), the settings and the training code, that is the reference titles
    (every shipped checklist and the topic map's wordings: ``train_matcher.training_set``)
    and each training text's features as :func:`checklists.textmodel.features` gives them
    today (its tokenizer and dictionary), and scikit-learn's version; a key over
    ``train_matcher.py`` alone kept a stale model after a wording or tokenizer change."""
    texts, labels, sources = train_matcher.training_set(rows, train_matcher.reference_titles())
    digest = hashlib.sha256()
    for part in (rows_digest(rows), Path(train_matcher.__file__).read_text(encoding="utf-8"),
                 json.dumps(asdict(settings), sort_keys=True), sklearn.__version__,
                 GLOSSARY_PATH.read_text(encoding="utf-8") if settings.gloss else ""):
        digest.update(part.encode("utf-8") + b"\0")
    for text, label, source in zip(texts, labels, sources, strict=True):
        digest.update(json.dumps([text, label, source, _features_digest(text)],
                                 ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:24]


@lru_cache(maxsize=8192)
def _features_digest(text: str) -> str:
    """A digest of ``text``'s training features (the folds share most texts)."""
    return hashlib.sha256(repr(train_matcher._features(text)).encode("utf-8")).hexdigest()


def fold_model(rows: list[dict[str, str]], settings: Settings, cache: bool = True) -> dict:
    """The model trained on ``rows`` with ``settings``, from :data:`CACHE` when kept under
    :func:`fold_key`.  A model trained here is returned as it is read back from its file, so
    a run that trains and a run that reads give the same figures."""
    path = CACHE / f"{fold_key(rows, settings)}.json"
    if cache and path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(train_matcher.train(rows, settings=settings), ensure_ascii=False)
    if cache:
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)  # whole or absent: two runs at once never read half a model
    return json.loads(text)
