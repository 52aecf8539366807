"""A file replaced whole or not at all (checklists/atomicfile.py), and its writers: a write
that fails, by an error, a stop or a real file-size limit, leaves the old file and no
temporary file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from checklists.atomicfile import TEMP_SUFFIX, replacing, write_bytes, write_text
from crawler.focusstop import LAST_CRAWL

ROOT = Path(__file__).resolve().parents[2]


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_new_file_replaces_the_old_and_nothing_else_stays(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    write_text(path, "old")
    write_text(path, "ใหม่")
    assert path.read_text(encoding="utf-8") == "ใหม่" and _names(tmp_path) == ["report.json"]
    write_bytes(tmp_path / "b.bin", b"\x00\xff")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt(),
                                     MemoryError()], ids=["full disk", "Ctrl-C", "memory"])
def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path: Path,
                                                                   failure) -> None:
    path = tmp_path / "batch.json"
    path.write_bytes(b"the last whole report")
    with pytest.raises(type(failure)):
        with replacing(path) as temp:
            temp.write_bytes(b"half of the new")
            raise failure
    assert path.read_bytes() == b"the last whole report"
    assert _names(tmp_path) == ["batch.json"]


def test_the_temp_file_is_beside_hidden_and_named_for_its_file(tmp_path: Path) -> None:
    with replacing(tmp_path / "fixes.xlsx") as temp:
        assert temp.parent == tmp_path and temp.name.startswith(".fixes.xlsx.")
        assert temp.name.endswith(TEMP_SUFFIX) and f".{os.getpid()}-" in temp.name
        temp.write_bytes(b"x")
    assert _names(tmp_path) == ["fixes.xlsx"]


def test_a_fixed_temp_name_clears_a_killed_runs_leftover_and_makes_a_link(tmp_path) -> None:
    link, temp = tmp_path / "current", tmp_path / "current.new"
    temp.write_text("left by a kill", encoding="utf-8")
    with replacing(link, temp=temp) as made:
        os.symlink("sets/one", made)
    assert os.readlink(link) == "sets/one" and _names(tmp_path) == ["current"]
    with pytest.raises(FileExistsError), replacing(link, temp=temp) as made:
        os.symlink("sets/two", made)
        os.symlink("sets/two", made)  # a second link at the same name fails
    assert os.readlink(link) == "sets/one" and _names(tmp_path) == ["current"]


def test_writers_at_once_never_show_a_reader_a_cut_short_file(tmp_path: Path) -> None:
    """Four threads of one process (one pid) replace one file 150 times each while a
    reader reads it: every read is one writer's whole text."""
    path = tmp_path / "last-crawl.json"
    texts = [json.dumps({"writer": n, "records": [f"k{n}"] * 4000}) for n in range(4)]
    write_text(path, texts[0])
    done = threading.Event()
    seen: set[str] = set()

    def read() -> None:
        while not done.is_set():
            seen.add(path.read_text(encoding="utf-8"))

    reader = threading.Thread(target=read)
    reader.start()
    writers = [threading.Thread(target=lambda t=t: [write_text(path, t) for _ in range(150)])
               for t in texts]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    done.set()
    reader.join()
    assert seen <= set(texts) and len(seen) > 1
    assert _names(tmp_path) == ["last-crawl.json"]


FULL = """
import json, resource, sys
from pathlib import Path
from checklists import plaincache
from crawler.documents import DocText
from crawler.documents.cache import TextCache
from crawler.focusstop import keep_last_crawl
folder = Path(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
out = {}
plaincache._write(folder / "plain", "thing", folder / "plain" / "thing-k.json",
                  b"x" * 10000, ".json")
keep_last_crawl(str(folder / "focus"), "nacc|2569", False, {f"k{n:05d}" for n in range(2000)})
try:
    TextCache(folder / "docs").put("a" * 64, DocText(text="ก" * 5000, pages=1, method="pdf",
                                                      status="ok"))
except OSError as exc:
    out["docs"] = exc.errno
print(json.dumps(out))
"""


def test_a_write_past_a_real_size_limit_leaves_the_old_file_and_no_temp_file(tmp_path):
    """A child process limited to 4 KB files (``RLIMIT_FSIZE``: the write fails with EFBIG,
    as a full disk fails it with ENOSPC): the plain-data cache and the focused crawl's memory
    (best effort: no error) and the document text cache (the error raised) keep their old
    files, and no temporary file is left; before, the first two left theirs."""
    for sub in ("plain", "focus"):
        (tmp_path / sub).mkdir()
    (tmp_path / "plain" / "thing-k.json").write_bytes(b"[1]")
    old_memory = json.dumps({"scope": "nacc|2569", "decided": False, "records": ["k"]})
    (tmp_path / "focus" / LAST_CRAWL).write_text(old_memory, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", FULL, str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[-1]) == {"docs": 27}  # EFBIG
    assert (tmp_path / "plain" / "thing-k.json").read_bytes() == b"[1]"
    assert _names(tmp_path / "focus") == [LAST_CRAWL]
    assert (tmp_path / "focus" / LAST_CRAWL).read_text(encoding="utf-8") == old_memory
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(TEMP_SUFFIX)]
