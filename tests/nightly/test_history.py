"""The history database: migrations, run states, reports read back."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from crawler.nightly.diff import diff
from crawler.nightly.history import MIGRATIONS, SCHEMA_VERSION, History, HistoryError
from crawler.nightly.paths import site_key
from reports.filelock import FileLock


def report(verdicts: dict[str, str], status: str = "complete", score: float = 50.0) -> dict:
    return {
        "status": status, "site": "https://www.example.go.th/", "as_of": "2026-05-15",
        "fiscal_year": 2569, "checklist": {"id": "nacc-oit-2565", "version": "1"},
        "crawl": {"pages": 3, "documents": 2, "external": 0, "errors": 0,
                  "finish_reason": "finished", "network": {"bytes": 1234, "responses": 5}},
        "summary": {"indicator9_estimate": score, "pass": 1, "missing": 1},
        "items": [{"code": c, "title_th": c, "title_en": c, "verdict": v, "reason": "",
                   "missing_months": ["ก.พ. 2569"] if v == "stale" else [],
                   "evidence": [{"url": f"https://www.example.go.th/{c}.pdf", "role": "best",
                                 "status": 200, "sha256": "a" * 64}]}
                  for c, v in verdicts.items()],
    }


def test_fresh_database_has_every_migration(tmp_path):
    with History(tmp_path / "h.sqlite3") as h:
        assert h.version() == SCHEMA_VERSION == len(MIGRATIONS)
        names = [r[0] for r in h.db.execute("SELECT name FROM schema_migrations ORDER BY "
                                            "version")]
    assert names == [m[0] for m in MIGRATIONS]


def test_first_release_database_is_upgraded_in_place(tmp_path):
    path = tmp_path / "h.sqlite3"
    with History(path, migrate=False) as old:
        old.migrate(target=1)  # what the first release wrote
        run = old.begin_run("example.go.th", "https://example.go.th/", "nacc-oit-2565",
                            "2026-05-15")
        old.db.execute("UPDATE runs SET state = 'complete', score = 42 WHERE id = ?", (run,))
    with History(path) as h:  # opening applies migration 2
        assert h.version() == SCHEMA_VERSION
        assert h.run(run)["score"] == 42 and h.run(run)["network_bytes"] is None
        h.finish_run(h.begin_run("example.go.th", "u", "c", "2026-05-16"), report({"O1": "pass"}), 0)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "h.sqlite3"
    History(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'x')")
    db.commit()
    db.close()
    with pytest.raises(HistoryError, match="upgrade oit-audit"):
        History(path)


def test_incomplete_runs_never_replace_the_last_complete_one(tmp_path):
    key = site_key("https://www.example.go.th/")
    with History(tmp_path / "h.sqlite3") as h:
        first = h.begin_run(key, "https://www.example.go.th/", "nacc-oit-2565", "2026-05-14")
        assert h.finish_run(first, report({"O1": "pass", "O2": "missing"}), 1) == "complete"
        stopped = h.begin_run(key, "https://www.example.go.th/", "nacc-oit-2565", "2026-05-15")
        assert h.finish_run(stopped, report({}, status="interrupted"), 2) == "incomplete"
        down = h.begin_run(key, "https://www.example.go.th/", "nacc-oit-2565", "2026-05-15")
        assert h.finish_run(down, report({}, status="site_unreachable"), 2) == "failed"
        crashed = h.begin_run(key, "https://www.example.go.th/", "nacc-oit-2565", "2026-05-16")
        # a new run of the site finds the crashed one still "running": it becomes incomplete
        h.begin_run(key, "https://www.example.go.th/", "nacc-oit-2565", "2026-05-16")
        assert h.run(crashed)["state"] == "incomplete"
        assert h.run(crashed)["finish_reason"] == "crashed"
        assert h.last_complete(key)["id"] == first
        assert h.run(first)["n_missing"] == 1 and h.run(first)["network_bytes"] == 1234
        assert [p["run_id"] for p in h.score_history(key)] == [first]


def test_report_read_back_diffs_like_the_original(tmp_path):
    before = report({"O1": "pass", "O2": "stale", "O3": "missing"})
    after = report({"O1": "broken", "O2": "stale", "O3": "pass"}, score=60.0)
    with History(tmp_path / "h.sqlite3") as h:
        run = h.begin_run("k", "u", "nacc-oit-2565", "2026-05-15")
        h.finish_run(run, before, 1)
        stored = h.report(run)
    assert stored["items"][1]["missing_months"] == ["ก.พ. 2569"]
    assert stored["items"][0]["evidence"][0]["sha256"] == "a" * 64
    from_db, from_json = diff(stored, after), diff(before, after)
    for key in ("regressed", "fixed", "worsened", "moved", "replaced"):
        assert from_db[key] == from_json[key], key


@pytest.mark.parametrize("url,key", [
    ("https://www.example.go.th/", "example.go.th"),
    ("http://example.go.th", "example.go.th"),
    ("example.go.th/index.php", "example.go.th"),
    ("https://www.obec.go.th/area/Office1/", "obec.go.th/area/office1"),
    ("http://127.0.0.1:8080/", "127.0.0.1:8080"),
    ("https://www.ตัวอย่าง.ไทย/", "xn--72c1a1bt4awk9o.xn--o3cw4h"),
    ("http://xn--72c1a1bt4awk9o.xn--o3cw4h/index.html", "xn--72c1a1bt4awk9o.xn--o3cw4h"),
    ("https://www.obec.go.th/%E0%B8%AA%E0%B8%9E%E0%B8%97/", "obec.go.th/สพท"),
    ("https://www.obec.go.th/สพท", "obec.go.th/สพท"),
])
def test_site_key(url, key):
    assert site_key(url) == key


def _open_and_write(path: str, i: int, barrier, errors) -> None:
    from crawler.nightly.history import History

    barrier.wait()
    try:
        history = History(path)
        history.begin_run(f"site{i}.example", f"http://site{i}.example/", "nacc-oit-2565",
                          "2026-05-15")
        history.close()
    except Exception as exc:  # noqa: BLE001 - reported to the parent for the assertion
        errors.put(repr(exc))


def test_many_audits_open_one_database_at_once(tmp_path):
    """Nightly audits of several offices start together and share the default database."""
    import multiprocessing

    from crawler.nightly.history import History

    ctx = multiprocessing.get_context("fork")
    path = str(tmp_path / "shared.sqlite3")
    barrier, errors = ctx.Barrier(8), ctx.Queue()
    procs = [ctx.Process(target=_open_and_write, args=(path, i, barrier, errors))
             for i in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    found = [errors.get() for _ in range(errors.qsize())] if not errors.empty() else []
    assert found == []
    history = History(path)
    assert len(history.db.execute("SELECT * FROM runs").fetchall()) == 8


def _audit(h: History, key: str, url: str, day: str) -> None:
    h.finish_run(h.begin_run(key, url, "nacc-oit-2565", day),
                 {**report({"O1": "pass"}), "site": url, "as_of": day}, 0)


def test_a_url_audited_under_two_keys_is_ambiguous_and_says_which(tmp_path):
    from io import StringIO

    from rich.console import Console

    from crawler.nightly.command import resolve_site

    demo = "http://demo-office.localhost/"
    with History(tmp_path / "h.sqlite3") as h:
        _audit(h, "demo", demo, "2026-05-15")
        _audit(h, "demo-2027-05-15", demo, "2027-05-15")
        _audit(h, "example.go.th", "https://www.example.go.th/", "2026-05-15")
        assert h.site_matches(demo) == ["demo", "demo-2027-05-15"]
        assert h.find_site(demo) is None  # never one picked silently
        assert h.find_site("demo-2027") == "demo-2027-05-15"
        assert h.find_site("https://www.example.go.th/") == "example.go.th"
        out = StringIO()
        assert resolve_site(h, demo, Console(file=out, width=200)) is None
        said = out.getvalue()
        assert "ตรงกับหลายเว็บไซต์" in said and "several sites match" in said
        assert "demo-2027-05-15" in said and "example.go.th" not in said
        out = StringIO()
        assert resolve_site(h, "nowhere.go.th", Console(file=out, width=200)) is None
        assert "unknown site" in out.getvalue() and "example.go.th" in out.getvalue()


def test_set_up_waits_for_another_process_setting_up(tmp_path):
    # A fixed number of retries once gave out on a busy machine when several audits opened
    # one new database at once: opening now waits on the set-up lock, however long it takes
    path = tmp_path / "h.sqlite3"
    holder = FileLock(tmp_path / "h.sqlite3.setup.lock")
    holder.acquire()
    opened: list[int] = []
    opener = threading.Thread(target=lambda: opened.append(History(path).version()))
    opener.start()
    opener.join(0.5)
    assert opener.is_alive() and not opened  # waiting, not failing
    holder.release()
    opener.join(30)
    assert opened == [SCHEMA_VERSION]
    with History(path) as h:
        assert h.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _open_version(path: str) -> int:
    with History(path) as h:
        return h.version()


def test_many_processes_open_one_new_database_at_once(tmp_path):
    path = str(tmp_path / "h.sqlite3")
    with ProcessPoolExecutor(6) as pool:
        versions = list(pool.map(_open_version, [path] * 12))
    assert versions == [SCHEMA_VERSION] * 12


def test_a_writer_waits_for_the_writer_before_it_however_long(tmp_path, monkeypatch):
    """Writers queue on the write lock beside the database, not on SQLite's busy timeout: a
    writer held up far longer than that timeout (a busy machine) still writes."""
    monkeypatch.setattr("crawler.nightly.history.BUSY_TIMEOUT_S", 0.05)
    path = tmp_path / "h.sqlite3"
    History(path).close()
    holder = FileLock(tmp_path / "h.sqlite3.write.lock")
    holder.acquire()  # another audit's write transaction, in progress
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    written: list[int] = []
    failed: list[BaseException] = []

    def write() -> None:
        try:
            with History(path) as h:
                written.append(h.begin_run("s", "https://s.go.th/", "nacc-oit-2565",
                                           "2026-05-15"))
        except BaseException as exc:  # noqa: BLE001 - asserted below
            failed.append(exc)

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(1.0)  # twenty busy timeouts
    assert writer.is_alive() and not written and not failed
    other.execute("COMMIT")
    other.close()
    holder.release()
    writer.join(30)
    assert failed == [] and len(written) == 1
