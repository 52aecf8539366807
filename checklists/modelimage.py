"""Named numpy arrays and a plain-data header as one block of bytes, to be kept in the
plain-data cache (:func:`checklists.plaincache.remembered_bytes`) and read back bit for bit.

The wording model's arrays (:class:`checklists.textmodel._Arrays`) are kept so: every process
that judges, and the focused crawl that names link texts with the model, parsed the model's
0.9 MB of JSON, built its feature dictionaries and packed them into arrays, about 0.15-0.2
CPU-s before the first prediction, the same arrays every time (issue 13).

An image is a JSON header line (the caller's header, and where each array lies: its dtype,
offset and length) followed by the arrays' raw bytes.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np


def image(header: dict[str, Any], arrays: dict[str, np.ndarray]) -> bytes:
    """``header`` (plain JSON data) and one-dimensional ``arrays`` as bytes."""
    layout: dict[str, list[Any]] = {}
    body = bytearray()
    for name, array in arrays.items():
        if array.ndim != 1:
            raise ValueError(f"{name}: only one-dimensional arrays are kept")
        data = np.ascontiguousarray(array).tobytes()
        layout[name] = [array.dtype.str, len(body), len(data)]
        body += data
    head = json.dumps({"header": header, "layout": layout}, ensure_ascii=False)
    return head.encode("utf-8") + b"\n" + bytes(body)


def from_image(data: bytes) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The header and arrays :func:`image` wrote (writable copies); ``ValueError`` for bytes
    that are not such an image."""
    head, sep, body = data.partition(b"\n")
    try:
        parsed = json.loads(head)
        layout = parsed["layout"]
        arrays = {}
        for name, (kind, start, size) in layout.items():
            dtype = np.dtype(kind)
            if size % dtype.itemsize or start < 0 or start + size > len(body):
                raise ValueError(f"{name}: outside the image")
            arrays[name] = np.frombuffer(body, dtype=dtype, count=size // dtype.itemsize,
                                         offset=start).copy()
        header = parsed["header"]
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not an image: {exc}") from exc
    if not sep or sum(size for _, _, size in layout.values()) != len(body):
        raise ValueError("not an image")
    return header, arrays
