"""A least-recently-used memo on the C ``OrderedDict``: what judging's hot memos keep.

cachetools' ``LRUCache`` (used before) runs several Python frames per look-up: on the
generated 5,245-page site its ``get``, ``__setitem__`` and ``popitem`` were called about
330,000 times while judging, about 5 % of it (issue 13).  This one does a look-up in two
C calls and an eviction in one.  Only a memo of a pure function may use it (as every one
here is): which entries it keeps then changes the time taken, never a result.

Pure (no Scrapy).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar, overload

K = TypeVar("K")
V = TypeVar("V")
D = TypeVar("D")


class Recent(Generic[K, V]):
    """At most ``maxsize`` entries (or, with ``getsizeof``, entries whose sizes add up to at
    most ``maxsize``; a value larger than that is not kept); the least recently asked for
    goes first."""

    __slots__ = ("_data", "_sizes", "currsize", "getsizeof", "maxsize")

    def __init__(self, maxsize: int, getsizeof: Callable[[V], int] | None = None) -> None:
        self._data: OrderedDict[K, V] = OrderedDict()
        self._sizes: dict[K, int] = {}
        self.maxsize = maxsize
        self.getsizeof = getsizeof
        self.currsize = 0

    @overload
    def get(self, key: K) -> V | None: ...

    @overload
    def get(self, key: K, default: D) -> V | D: ...

    def get(self, key: K, default: object = None) -> object:
        """The value of ``key`` (now the most recently used), or ``default``."""
        try:
            value = self._data[key]
        except KeyError:
            return default
        self._data.move_to_end(key)
        return value

    def __setitem__(self, key: K, value: V) -> None:
        data = self._data
        if self.getsizeof is None:
            data[key] = value
            data.move_to_end(key)
            if len(data) > self.maxsize:
                data.popitem(last=False)
            return
        size = self.getsizeof(value)
        if key in data:
            self.currsize -= self._sizes.pop(key)
            del data[key]
        if size > self.maxsize:
            return
        while self.currsize + size > self.maxsize:
            old, _ = data.popitem(last=False)
            self.currsize -= self._sizes.pop(old)
        data[key] = value
        self._sizes[key] = size
        self.currsize += size

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)
