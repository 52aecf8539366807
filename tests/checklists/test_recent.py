"""checklists.recent.Recent keeps what cachetools.LRUCache keeps, in the same order."""

import random

import pytest
from cachetools import LRUCache

from checklists.recent import Recent


def test_recent_keeps_what_an_lru_cache_keeps_after_the_same_calls():
    rng = random.Random(42)
    ours: Recent[int, int] = Recent(16)
    theirs: LRUCache[int, int] = LRUCache(maxsize=16)
    for step in range(5000):
        key, kind = rng.randrange(40), rng.randrange(4)
        if kind == 0:
            assert ours.get(key) == theirs.get(key)
        elif kind == 1:
            assert (key in ours) == (key in theirs)  # a test of presence moves nothing
            if key in theirs:
                assert ours[key] == theirs[key]
        else:
            ours[key] = theirs[key] = step
        assert set(ours) == set(theirs)  # iterating moves nothing in either
        assert len(ours) == len(theirs) <= 16
    # the order of going: fill both to the brim with new keys, one at a time
    for key in range(100, 116):
        ours[key] = theirs[key] = key
        assert set(ours) == set(theirs)


def test_a_read_or_a_write_makes_a_key_the_most_recent():
    kept: Recent[str, int] = Recent(3)
    kept["a"], kept["b"], kept["c"] = 1, 2, 3
    assert kept.get("a") == 1  # a read: "b" is now the least recent
    kept["d"] = 4
    assert list(kept) == ["c", "a", "d"]
    assert kept["c"] == 3
    kept["a"] = 10  # a write of a kept key
    kept["e"] = 5
    assert list(kept) == ["c", "a", "e"]
    assert kept.get("missing", 0) == 0 and "missing" not in kept
    with pytest.raises(KeyError):
        kept["missing"]


def test_recent_keeps_at_least_one_value():
    with pytest.raises(ValueError):
        Recent(0)
