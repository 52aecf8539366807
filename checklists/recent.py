"""Values kept by recency: the judging's per-link lookups, in fewer Python calls.

:class:`Recent` keeps what :class:`cachetools.LRUCache` keeps, in the same order (the least
recently read or written goes first when a new key would pass ``maxsize``), on an
``OrderedDict`` whose lookups and moves run in C.  ``cachetools`` takes four to six Python
calls for each ``get`` and ``[]=`` (``__contains__``, ``__getitem__``, the size bookkeeping
and ``popitem``); judging the crawl benchmark's 5,245-page site asks these lookups about
600,000 times (a link's reading, its texts' items in the matcher index, the targets' views
and parts, the wording model's predictions), which was 5-6 % of judging's samples
(issue 13, crawl42).  The ``cachetools`` caches weighed by size (``getsizeof``) are not
replaced.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")
_MISSING: Any = object()


class Recent(OrderedDict[K, V]):
    """At most ``maxsize`` values (at least one), the least recently used out first; a read
    (``get`` or ``[]``) or a write makes its key the most recent."""

    def __init__(self, maxsize: int) -> None:
        if maxsize < 1:
            raise ValueError(f"Recent keeps at least one value, not {maxsize}")
        super().__init__()
        self.maxsize = maxsize

    def get(self, key: K, default: Any = None) -> Any:  # type: ignore[override]
        value = dict.get(self, key, _MISSING)
        if value is _MISSING:
            return default
        self.move_to_end(key)
        return value

    def __getitem__(self, key: K) -> V:
        value = dict.__getitem__(self, key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key: K, value: V) -> None:
        if key in self:
            OrderedDict.__setitem__(self, key, value)
            self.move_to_end(key)
            return
        if len(self) >= self.maxsize:
            self.popitem(last=False)
        OrderedDict.__setitem__(self, key, value)
