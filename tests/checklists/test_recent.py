"""The least-recently-used memo of judging's hot paths (checklists/recent.py): it keeps the
same entries after every step as cachetools' LRUCache, which it replaced, by count or by
size."""

from __future__ import annotations

from operator import itemgetter

from cachetools import LRUCache
from hypothesis import given
from hypothesis import strategies as st

from checklists.recent import Recent

_OPS = st.lists(st.tuples(st.sampled_from(["get", "set"]), st.integers(0, 12),
                          st.integers(1, 5)), max_size=200)


@given(_OPS, st.integers(1, 6))
def test_it_keeps_what_an_lru_cache_of_as_many_entries_keeps(ops, size):
    mine: Recent[int, int] = Recent(size)
    theirs: LRUCache[int, int] = LRUCache(maxsize=size)
    for op, key, value in ops:
        if op == "get":
            assert mine.get(key) == theirs.get(key)
        else:
            mine[key] = value
            theirs[key] = value
        assert sorted(mine._data) == sorted(theirs)


@given(_OPS, st.integers(5, 12))  # no value over the size (cachetools refuses one)
def test_it_keeps_what_an_lru_cache_of_as_much_size_keeps(ops, size):
    mine: Recent[int, tuple[int, str]] = Recent(size, getsizeof=itemgetter(0))
    theirs: LRUCache[int, tuple[int, str]] = LRUCache(maxsize=size, getsizeof=itemgetter(0))
    for op, key, value in ops:
        if op == "get":
            assert mine.get(key) == theirs.get(key)
        else:
            mine[key] = (value, "x")
            theirs[key] = (value, "x")
        assert sorted(mine._data) == sorted(theirs)
        assert mine.currsize == theirs.currsize


def test_a_value_larger_than_the_whole_memo_is_not_kept():
    memo: Recent[str, tuple[int, str]] = Recent(10, getsizeof=itemgetter(0))
    memo["a"] = (4, "a")
    memo["big"] = (11, "big")  # cachetools refused it with ValueError; here it is dropped
    assert memo.get("big") is None and memo.get("a") == (4, "a") and len(memo) == 1
    assert "a" in memo and memo.get("b", "none") == "none"
