"""The wording model read back from its image in the plain-data cache (checklists/textmodel.py
``_load``, checklists/modelimage.py) is the model of the file: the same arrays bit for bit, the same head, the same predictions,
and the same feature dictionaries when the reading feature by feature asks for them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest

from checklists import modelimage, textmodel
from checklists.plaincache import CACHE_ENV
from checklists.textmodel import (
    MODEL_PATH,
    TextModel,
    _from_model_image,
    _load,
    _model_image,
    predict_by_dicts,
)
from tests.realworld.split import dev_files

FIELDS = ("char_ids", "grams", "gram_rows", "idf", "weights", "intercepts")


@pytest.fixture(scope="module")
def parsed() -> TextModel:
    return TextModel(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def _same_arrays(a: textmodel._Arrays, b: textmodel._Arrays) -> None:
    for name in FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        assert x.dtype == y.dtype and x.shape == y.shape, name
        assert x.tobytes() == y.tobytes(), name  # bit for bit (-0.0 included)
    assert a.columns == b.columns and a.pairs == b.pairs


def test_kept_model_is_the_files_model(tmp_path: Path, monkeypatch, parsed: TextModel) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    path = str(MODEL_PATH)
    _load.cache_clear()
    try:
        first = _load(path)  # built and kept
        (kept,) = (tmp_path / "cache").glob("model-*.bin")
        _load.cache_clear()
        again = _load(path)  # read back
        kept.write_bytes(kept.read_bytes()[:-100])  # damaged: built again
        _load.cache_clear()
        repaired = _load(path)
    finally:
        _load.cache_clear()
    assert first is not None and again is not None and repaired is not None
    texts = [p.read_text(encoding="utf-8") for p in dev_files()[:120]]
    for model in (first, again, repaired):
        _same_arrays(parsed._arrays, model._arrays)
        assert (model.classes, model.intercepts, model.link, model.sublinear, model.meta) == \
            (parsed.classes, parsed.intercepts, parsed.link, parsed.sublinear, parsed.meta)
        for text in texts:
            assert model._arrays.predict(model, text).probs == \
                parsed._arrays.predict(parsed, text).probs
    # the feature dictionaries, read from the file on first use
    assert again.idf == parsed.idf and again.weights == parsed.weights
    assert predict_by_dicts(again, texts[0]).probs == predict_by_dicts(parsed, texts[0]).probs


def test_bytes_that_are_no_image_are_refused(parsed: TextModel) -> None:
    data = _model_image(parsed)
    header, parts = modelimage.from_image(data)
    middle = len(data) // 2
    pickled = io.BytesIO()
    np.savez(pickled, **{modelimage.HEADER: np.array([header], dtype=object)})
    without_header = io.BytesIO()
    np.savez(without_header, **parts)
    for bad in (b"", b"{}\n", data[:-8],
                data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:],  # CRC
                pickled.getvalue(),  # never unpickled
                without_header.getvalue(),
                modelimage.image(header, {k: v for k, v in parts.items() if k != "weights"}),
                modelimage.image({k: v for k, v in header.items() if k != "shape"}, parts)):
        with pytest.raises(ValueError):
            _from_model_image(bad, MODEL_PATH)
    with pytest.raises(ValueError):
        modelimage.image({}, {"matrix": np.zeros((2, 2))})
    weights = parsed._arrays.weights
    assert np.count_nonzero(weights) < weights.size // 10  # why it is kept sparse


def test_a_model_read_feature_by_feature_is_not_kept(tmp_path: Path, monkeypatch) -> None:
    """A model whose n-grams cannot be packed (no arrays) is loaded as before, not kept."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    data = {"classes": ["O1", "none"], "intercepts": [0.0, 0.0], "link": "softmax",
            "features": {"c:" + "ก" * 7: [1.0, [[0, 1.0]]]}}  # a 7-gram: cannot be packed
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _load.cache_clear()
    try:
        model = _load(str(path))
    finally:
        _load.cache_clear()
    assert model is not None and model._arrays is None and model.idf == {"c:" + "ก" * 7: 1.0}
    assert not list((tmp_path / "cache").glob("model-*.bin"))
