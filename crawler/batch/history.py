"""A batch with a history database (``oit-audit batch --db FILE``): each office's run is
recorded as ``oit-audit audit --db`` records it (its report gets ``changes`` and
``history``), under the same site lock, and each office's HTTP cache and the shared
document-text cache are reused. A nightly batch thus re-audits an unchanged site with
conditional requests answered 304 and document text read from the cache, and pays the
start-up of Python and Scrapy and the loading of checklists once for all its offices.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checklists.vocabulary import EXIT_ERROR
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
        self.runs: dict[str, tuple[int, SiteLock]] = {}  # office key -> run id, its lock

    def begin(self, office: Office, checklist: str, as_of: str, out_dir: Path) -> dict[str, Any]:
        """Lock the office's site and open its run; the Scrapy settings of that run
        (``SiteBusy`` when another audit of the site is running)."""
        key = site_key(office.url)
        lock = SiteLock(self.state.lock(key))
        lock.acquire()
        try:
            with History(self.db) as history:
                run_id = history.begin_run(key, office.url, checklist, as_of, str(out_dir))
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
            with History(self.db) as history:
                if report is None:
                    history.settle_run(run_id, "failed", "error", error, EXIT_ERROR)
                elif report.get("status") == "interrupted":
                    history.settle_run(run_id, "incomplete", "interrupted", "", EXIT_ERROR)
                else:
                    history.finish_run(run_id, report, exit_code(report))
        finally:
            lock.release()
