"""Named numpy arrays and a plain-data header as one block of bytes, to be kept in the
plain-data cache (:func:`checklists.plaincache.remembered_bytes`) and read back bit for bit.

The wording model's arrays (:class:`checklists.textmodel._Arrays`) are kept so: every process
that judges, and the focused crawl that names link texts with the model, parsed the model's
0.9 MB of JSON, built its feature dictionaries and packed them into arrays, about 0.15-0.2
CPU-s before the first prediction, the same arrays every time (issue 13).

An image is numpy's NPZ (``np.savez``, read with ``np.load(allow_pickle=False)``, so no
pickled object is ever run): the arrays under their names and the header as UTF-8 JSON bytes
under :data:`HEADER`.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import numpy as np

HEADER = "header.json"
"""The name the header is kept under (not a name an array may take)."""

ZIP_MAGIC = b"PK\x03\x04"
"""How an NPZ (a zip file) begins; other bytes are refused before numpy reads them."""


def image(header: dict[str, Any], arrays: dict[str, np.ndarray]) -> bytes:
    """``header`` (plain JSON data) and one-dimensional ``arrays`` as bytes."""
    for name, array in arrays.items():
        if name == HEADER:
            raise ValueError(f"{name}: the header's name")
        if array.ndim != 1:
            raise ValueError(f"{name}: only one-dimensional arrays are kept")
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    out = io.BytesIO()
    np.savez(out, allow_pickle=False, **{HEADER: np.frombuffer(head, dtype=np.uint8)},
             **arrays)
    return out.getvalue()


def from_image(data: bytes) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The header and arrays :func:`image` wrote (writable copies); ``ValueError`` for bytes
    that are not such an image."""
    if not data.startswith(ZIP_MAGIC):
        raise ValueError("not an image: not an NPZ (zip) file")
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as kept:
            arrays = {name: kept[name] for name in kept.files}
        head = arrays.pop(HEADER)
        if head.dtype != np.uint8 or head.ndim != 1 or \
                any(array.ndim != 1 for array in arrays.values()):
            raise ValueError("not an image: not its arrays")
        header = json.loads(head.tobytes())
    # a damaged or foreign file: zipfile, numpy's format reader and json raise these
    except (zipfile.BadZipFile, EOFError, OSError, KeyError) as exc:
        raise ValueError(f"not an image: {exc}") from exc
    if not isinstance(header, dict):
        raise ValueError("not an image: its header is not a mapping")
    return header, arrays
