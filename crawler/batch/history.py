"""A batch with a history database (``oit-audit batch --db FILE``): each office's run is
recorded as ``oit-audit audit --db`` records it (its report gets ``changes`` and
``history``), under the same site lock, and each office's HTTP cache and the shared
document-text cache are reused. A nightly batch thus re-audits an unchanged site with
conditional requests answered 304 and document text read from the cache, and pays the
start-up of Python and Scrapy and the loading of checklists once for all its offices.

The database is opened once for the batch, at the first office's start (after the judging
worker is forked: SQLite forbids using a connection across ``fork()``), and closed when the
batch ends: opening it (the set-up lock, the WAL check, the migrations' check) and closing it
(the last connection's checkpoint) for each office's start and end were 10-35 ms each in the
reactor's thread, while no site was crawled (tests/benchmarks/nightly_rerun.py, issue 13).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checklists.vocabulary import EXIT_ERROR, EXIT_STOPPED
from crawler.batch.offices import Office
from crawler.nightly.history import History
from crawler.nightly.lock import SiteLock
from crawler.nightly.paths import StatePaths, site_key
from reports.build import exit_code


class BatchHistory:
    """Open and settle the history runs of a batch's offices."""

    def __init__(self, db: Path) -> None:
        self.db = Path(db).expanduser()
        self.state = StatePaths(self.db)
        self.state.prune_text_caches()
        self.state.keep_private()  # state an earlier version left readable (nightly43)
        self.runs: dict[str, tuple[int, SiteLock]] = {}  # office key -> run id, its lock
        self._history: History | None = None

    def _db(self) -> History:
        """The batch's connection to the database, opened on first use."""
        if self._history is None:
            self._history = History(self.db)
        return self._history

    def close(self) -> None:
        """Close the database (the batch has ended)."""
        if self._history is not None:
            self._history.close()
            self._history = None

    def begin(self, office: Office, checklist: str, as_of: str, out_dir: Path) -> dict[str, Any]:
        """Lock the office's site and open its run; the Scrapy settings of that run
        (``SiteBusy`` when another audit of the site is running)."""
        key = site_key(office.url)
        lock = SiteLock(self.state.lock(key))
        lock.acquire()
        try:
            run_id = self._db().begin_run(key, office.url, checklist, as_of, str(out_dir))
        except Exception:
            lock.release()
            raise
        self.runs[office.key] = (run_id, lock)
        return {"OIT_HISTORY_DB": str(self.db), "OIT_SITE_KEY": key, "OIT_RUN_ID": run_id,
                "HTTPCACHE_ENABLED": True, "HTTPCACHE_DIR": str(self.state.http_cache(key)),
                "OIT_JUDGING_CACHE": str(self.state.judging_cache(key)),
                "OIT_TEXT_CACHE_DIR": str(self.state.text_cache())}

    def finish(self, office: Office, report: dict[str, Any] | None, error: str = "") -> None:
        """Record the office's report (or its failure) and release its site."""
        run_id, lock = self.runs.pop(office.key, (None, None))
        if run_id is None:
            return
        try:
            history = self._db()
            if report is None:
                history.settle_run(run_id, "failed", "error", error, EXIT_ERROR)
            elif report.get("status") == "interrupted":
                history.settle_run(run_id, "incomplete", "interrupted", "", EXIT_STOPPED)
            else:
                history.finish_run(run_id, report, exit_code(report))
        finally:
            lock.release()
