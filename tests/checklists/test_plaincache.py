"""The plain-data cache (checklists/plaincache.py): what is read back equals what is built."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from checklists import loader, plaincache, thaitext, topics, words
from checklists.plaincache import CACHE_ENV, files_key, remembered


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_built_once_then_read_back(cache: Path) -> None:
    calls = []

    def build() -> dict:
        calls.append(1)
        return {"a": [1, 2.5, "ก"], "b": {"c": None, "d": True}}

    first = remembered("thing", "k1", build)
    assert remembered("thing", "k1", build) == first and len(calls) == 1
    assert remembered("thing", "k2", build) == first and len(calls) == 2
    assert remembered("thing", "k1", build) == first and len(calls) == 2  # both kept
    for n in range(3, 3 + plaincache.KEEP_KEYS):
        remembered("thing", f"k{n}", build)
    kept = sorted(p.name for p in cache.iterdir())
    assert len(kept) == plaincache.KEEP_KEYS and "thing-k1.json" not in kept


def _aged(cache: Path, names: list[str]) -> None:
    """Give the kept files times a minute apart, oldest first (writes in one test may fall
    on the same clock tick)."""
    for age, name in enumerate(reversed(names), start=1):
        t = time.time() - 60 * age
        os.utime(cache / name, (t, t))


@pytest.mark.parametrize("kind", ["json", "bin"])
def test_a_key_read_is_kept_before_keys_written_after_it(cache: Path, kind: str) -> None:
    """The folder keeps the least recently USED keys: the key written first but read since
    stays when a new key pushes one out; the oldest unread one goes (nightly45's note: a
    key read every night but written long ago went first, issue 13)."""
    built = []

    def keep(key: str) -> object:
        built.append(key)
        if kind == "json":
            return remembered("used", key, lambda: built.append("+") or [key])
        return plaincache.remembered_bytes("used", key,
                                           lambda: built.append("+") or key.encode(),
                                           bytes.decode)

    names = [f"used-k{n}.{kind}" for n in range(plaincache.KEEP_KEYS)]
    for n in range(plaincache.KEEP_KEYS):
        keep(f"k{n}")
    _aged(cache, names)
    built.clear()
    read_back = keep("k0")  # written first, read now
    assert read_back in (["k0"], "k0") and built == ["k0"]  # read, not built
    keep("new")
    kept = sorted(p.name for p in cache.iterdir())
    assert len(kept) == plaincache.KEEP_KEYS
    assert names[0] in kept and f"used-new.{kind}" in kept and names[1] not in kept


def test_a_key_read_from_a_folder_it_cannot_mark_is_still_read(cache: Path,
                                                               monkeypatch) -> None:
    """Marking a read key used is best effort: a file whose time cannot be set (a read-only
    folder, a file another process just dropped) is read all the same."""
    assert remembered("ro", "k", lambda: [1]) == [1]
    plaincache.mark_used(cache / "gone.json")  # no such file: nothing raised

    def refuse(*_args, **_kwargs) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(plaincache.os, "utime", refuse)
    assert remembered("ro", "k", lambda: [2]) == [1]


def test_values_json_would_change_are_not_kept(cache: Path) -> None:
    assert remembered("tuple", "k", lambda: {"a": (1, 2)}) == {"a": (1, 2)}
    assert remembered("intkeys", "k", lambda: {1: "x"}) == {1: "x"}
    assert not cache.exists() or not list(cache.iterdir())


def test_off_unwritable_or_corrupt_means_built(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(CACHE_ENV, "off")
    assert plaincache.cache_dir() is None
    assert remembered("x", "k", lambda: [1]) == [1]
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "sub"))
    assert remembered("x", "k", lambda: [2]) == [2]
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "c"))
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "x-k.json").write_text("{truncated", encoding="utf-8")
    assert remembered("x", "k", lambda: [3]) == [3]
    assert json.loads((tmp_path / "c" / "x-k.json").read_text(encoding="utf-8")) == [3]


def test_key_follows_the_files(tmp_path: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("a: 1", encoding="utf-8")
    key = files_key([f])
    assert files_key([f]) == key and files_key([f], "other") != key
    f.write_text("a: 22", encoding="utf-8")
    assert files_key([f]) != key
    assert files_key([f, tmp_path / "missing.yaml"]) != files_key([f])


def test_cached_checklists_topics_and_sara_am_equal_fresh_ones(cache: Path) -> None:
    """A second process (the caches in memory cleared) reads the kept plain data and builds
    the same checklists, topic map and sara-am table as a fresh validation."""
    def fresh() -> tuple:
        loader._validated_builtins.cache_clear()
        topics._load.cache_clear()
        thaitext._lost_am_table.cache_clear()
        words._section.cache_clear()  # the messages' words: kept too, whatever ran before
        words._table.cache_clear()
        return ({cid: loader.load_checklist(cid) for cid in loader.builtin_checklists()},
                topics.load_topics(), thaitext._lost_am_table())

    try:
        built = fresh()
        assert {p.name.split("-")[0] for p in cache.iterdir()} == {"checklists", "topics",
                                                                   "sara", "words"}
        read_back = fresh()
    finally:
        fresh_caches = (loader._validated_builtins, topics._load, thaitext._lost_am_table,
                        words._section, words._table)
        for f in fresh_caches:
            f.cache_clear()
    assert read_back[0] == built[0]
    assert read_back[1].topics == built[1].topics
    assert read_back[1].checklists == built[1].checklists
    assert read_back[2][1] == built[2][1]  # the automaton is built from this table
    uncached = {cid: loader._build(*_data(p), ) for cid, p in loader.builtin_checklists().items()}
    assert uncached == built[0]


def _data(path: Path) -> tuple:
    data, meta = loader._validated(path)
    return data, str(path), meta


def test_a_broken_shipped_checklist_reports_its_own_problems(cache: Path, monkeypatch) -> None:
    """One shipped checklist that no longer validates is not kept: loading it says why, and
    the others still load."""
    real = loader._validated

    def broken(path: Path, *rest):
        if path.stem == "obec-oit-2568":
            raise loader.ChecklistError([f"{path}:1:1: broken"])
        return real(path, *rest)

    monkeypatch.setattr(loader, "_validated", broken)
    loader._validated_builtins.cache_clear()
    try:
        assert "obec-oit-2568" not in loader.validated_builtins()
        with pytest.raises(loader.ChecklistError, match="broken"):
            loader.load_checklist("obec-oit-2568")
        assert loader.load_checklist("nacc-oit-2565").id == "nacc-oit-2565"
    finally:
        loader._validated_builtins.cache_clear()


def test_bytes_built_once_read_back_and_rebuilt_when_refused(cache: Path) -> None:
    """A value kept in a binary form of its own: built once, then read back; bytes its
    reader refuses (a damaged file) are built and written again."""
    calls = []

    def build() -> bytes:
        calls.append(1)
        return b"ok:" + bytes(range(256))

    def read(data: bytes) -> bytes:
        if not data.startswith(b"ok:"):
            raise ValueError("damaged")
        return data[3:]

    assert plaincache.remembered_bytes("blob", "k", build, read) == bytes(range(256))
    assert plaincache.remembered_bytes("blob", "k", build, read) == bytes(range(256))
    assert len(calls) == 1
    (cache / "blob-k.bin").write_bytes(b"damaged")
    assert plaincache.remembered_bytes("blob", "k", build, read) == bytes(range(256))
    assert len(calls) == 2 and (cache / "blob-k.bin").read_bytes().startswith(b"ok:")
    for n in range(plaincache.KEEP_KEYS + 1):
        plaincache.remembered_bytes("blob", f"k{n}", build, read)
    assert len(list(cache.glob("blob-*.bin"))) == plaincache.KEEP_KEYS
