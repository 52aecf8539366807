"""A batch's history database is opened once for all its offices (``crawler/batch/history.py``)
and every office's run is recorded in it as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crawler.batch.history import BatchHistory
from crawler.batch.offices import Office
from crawler.nightly import history as history_module
from crawler.nightly.history import History


def test_offices_share_one_connection_and_each_run_is_recorded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "state" / "history.sqlite3"
    opened: list[str] = []
    connect = sqlite3.connect

    def counting(path: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        opened.append(path)
        return connect(path, *args, **kwargs)

    monkeypatch.setattr(history_module.sqlite3, "connect", counting)
    batch = BatchHistory(db)
    offices = [Office(f"office{n}", f"http://127.0.0.1:{8000 + n}/", line=n + 2)
               for n in range(3)]
    settings = [batch.begin(o, "ita-2568", "2026-05-15", tmp_path / o.key) for o in offices]
    batch.finish(offices[0], None, "site down")
    batch.finish(offices[1], {"status": "interrupted"})
    batch.finish(offices[2], None, "")
    assert opened == [str(db)]  # one connection for the three offices' starts and ends
    batch.close()
    batch.close()  # closing twice is harmless

    with History(db) as history:
        runs = {r["site_url"]: r for r in history.runs()}
    assert {s["OIT_RUN_ID"] for s in settings} == {r["id"] for r in runs.values()}
    assert runs[offices[0].url]["state"] == "failed"
    assert runs[offices[0].url]["message"] == "site down"
    assert runs[offices[1].url]["state"] == "incomplete"
    assert runs[offices[1].url]["finish_reason"] == "interrupted"


def test_an_office_begun_after_close_opens_the_database_again(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    batch = BatchHistory(db)
    office = Office("office", "http://127.0.0.1:8000/", line=2)
    batch.begin(office, "ita-2568", "2026-05-15", tmp_path / "out")
    batch.close()
    batch.finish(office, None, "stopped")
    batch.close()
    with History(db) as history:
        (run,) = history.runs()
    assert run["state"] == "failed"
