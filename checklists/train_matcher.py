"""Train the wording model (:mod:`checklists.textmodel`) on the ``dev`` split of the real-world
corpus and write it as plain JSON.

    python -m checklists.train_matcher [--samples tests/realworld/samples.tsv] [--out PATH]

Only ``dev`` samples are read (``test`` is measured, never trained or tuned on: issue 16).
Every item sample is a positive of each item it is labelled with; negative samples (news
posts, flip-book shells, unrelated pages) are negatives of every item and positives of the class ``none``.  Each checklist title of
every item (all shipped checklists, through the topic map) is added as one more positive, so an
item with few samples still knows its own names.  Needs scikit-learn (a development tool:
prediction does not: it is plain dot products in :mod:`checklists.textmodel`).
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterable
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

from checklists.loader import load_checklist
from checklists.textmodel import MODEL_PATH, NONE_CLASS, features
from checklists.topics import load_topics

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "realworld" / "samples.tsv"
REFERENCE = "nacc-oit-2565"
C = 8.0  # inverse regularisation (chosen on dev by cross-validation, see --cv)
CLASS_WEIGHT = "balanced"  # or None (chosen on dev by cross-validation)
PENALTY = "l2"  # "l1" gives a sparse model (chosen on dev by cross-validation)
MIN_DF = 2
PRUNE = 0.02  # weights smaller than this are dropped from the shipped file ...
TOP_PER_CLASS = 800  # ... and each class keeps only its strongest weights (a small file)


def read_samples(path: Path, split: str = "dev") -> list[dict[str, str]]:
    """Rows of ``samples.tsv`` in ``split``, each with its excerpt under ``text``."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    out = []
    for row in rows:
        if row["split"] != split or row.get("kind", "item") == "hub":
            continue
        row["text"] = (path.parent / row["file"]).read_text(encoding="utf-8")
        out.append(row)
    return out


def sample_topics(row: dict[str, str]) -> list[str]:
    if row.get("kind") == "negative":
        return [NONE_CLASS]
    return [t.strip() for t in row["topic"].replace(";", ",").split(",") if t.strip()]


def excerpt_texts(text: str) -> list[str]:
    """The parts of an excerpt a matcher reads (its non-empty lines, labels dropped)."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        head, sep, rest = line.partition(":")
        if sep and head.strip().lower() in ("link", "link text", "title", "page title",
                                            "heading", "lines", "text", "url"):
            line = rest.strip()
        if line:
            out.append(line)
    return out


def training_set(rows: Iterable[dict[str, str]],
                 titles: dict[str, list[str]]) -> tuple[list[str], list[list[str]]]:
    texts, labels = [], []
    for row in rows:
        texts.append(" ".join(excerpt_texts(row["text"])))
        labels.append(sample_topics(row))
    for code, names in titles.items():
        for name in names:
            texts.append(name)
            labels.append([code])
    return texts, labels


def reference_titles() -> dict[str, list[str]]:
    """Every title each reference item carries in the shipped checklists (topic map)."""
    ref = load_checklist(REFERENCE)
    topics = load_topics()
    out: dict[str, list[str]] = {}
    for item in ref.items:
        names = {item.title_th}
        for topic in topics.topics_of(REFERENCE, item.code):
            names.update(topics.wordings(topic))
        out[item.code] = sorted(names)
    return out


def fit(texts: list[str], labels: list[list[str]], classes: list[str], c: float = C,
        weight: str | None = CLASS_WEIGHT, penalty: str = PENALTY):
    """A fitted (vectorizer, tf-idf, classifier) triple."""
    dicts = [dict(features(t)) for t in texts]
    df: dict[str, int] = {}
    for d in dicts:
        for f in d:
            df[f] = df.get(f, 0) + 1
    dicts = [{f: n for f, n in d.items() if df[f] >= MIN_DF} for d in dicts]
    vec = DictVectorizer()
    counts = vec.fit_transform(dicts)
    tfidf = TfidfTransformer(sublinear_tf=True, smooth_idf=True)
    x = tfidf.fit_transform(counts)
    y = MultiLabelBinarizer(classes=classes).fit_transform(labels)
    clf = OneVsRestClassifier(LogisticRegression(C=c, class_weight=weight,
                                                 l1_ratio=1.0 if penalty == "l1" else 0.0,
                                                 max_iter=2000, solver="liblinear"))
    clf.fit(x, y)
    return vec, tfidf, clf


def export(vec, tfidf, clf, classes: list[str], meta: dict) -> dict:
    names = vec.get_feature_names_out()
    coefs = [est.coef_.ravel() for est in clf.estimators_]
    intercepts = [float(est.intercept_[0]) for est in clf.estimators_]
    keep: dict[int, list[list[float]]] = {}
    for k, coef in enumerate(coefs):  # each class keeps its strongest weights only
        order = sorted(range(len(coef)), key=lambda j, c=coef: -abs(c[j]))[:TOP_PER_CLASS]
        for j in order:
            if abs(coef[j]) >= PRUNE:
                keep.setdefault(j, []).append([k, round(float(coef[j]), 3)])
    feats = {names[j]: [round(float(tfidf.idf_[j]), 3), ws] for j, ws in sorted(keep.items())}
    return {"format": "oit-audit wording model 1", "classes": classes,
            "intercepts": [round(b, 4) for b in intercepts], "sublinear_tf": True,
            "features": feats, **meta}


def train(rows: list[dict[str, str]], c: float = C, weight: str | None = CLASS_WEIGHT,
          penalty: str = PENALTY) -> dict:
    """The model (plain data) learned from ``rows`` and every reference title."""
    classes = [i.code for i in load_checklist(REFERENCE).items] + [NONE_CLASS]
    texts, labels = training_set(rows, reference_titles())
    vec, tfidf, clf = fit(texts, labels, classes, c, weight, penalty)
    return export(vec, tfidf, clf, classes, {"samples": len(rows), "C": c, "min_df": MIN_DF})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("-C", type=float, default=C)
    args = parser.parse_args(argv)

    rows = read_samples(args.samples, "dev")
    data = {"trained_on": f"{args.samples.name} split=dev", **train(rows, args.C)}
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
    print(f"{len(rows)} dev samples, {len(data['features'])} features -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
