"""The nightly side of ``oit-audit audit``: options, lock, history row, caches, resume,
alerts and the exit code. ``crawler.cli`` calls :func:`add_options` and wraps the crawl in
:class:`NightlyRun`.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from rich.console import Console

from checklists.vocabulary import EXIT_ERROR, EXIT_GAPS, EXIT_OK, EXIT_STOPPED, JUDGED
from crawler.nightly import paths
from crawler.nightly.alerts import AlertConfigError, load_config, send_alerts
from crawler.nightly.diff import new_problems
from crawler.nightly.history import History, HistoryError
from crawler.nightly.lock import SiteBusy, SiteLock
from reports.build import exit_code as report_exit_code
from reports.changes import changes_lines, due_soon_lines
from reports.labels import both

JOB_DIR_NAME = ".oit-job"  # Scrapy's JOBDIR inside --out: what --resume continues
CLEAN_STOP = "stopped-cleanly"  # in JOBDIR: the state was saved by a graceful stop


def add_options(p: argparse.ArgumentParser, demo: bool = False) -> None:
    """``--db``, ``--no-history``, ``--resume``, ``--fail-on``, ``--alerts-config``..."""
    g = p.add_argument_group(both("nightly", "group"))
    g.add_argument("--db", type=Path, default=None,
                   help=both("nightly", "db", db=paths.default_db()))
    g.add_argument("--no-history", action="store_true", help=both("nightly", "no_history"))
    g.add_argument("--resume", action="store_true", help=both("nightly", "resume"))
    g.add_argument("--fail-on", choices=("gaps", "regression"), default="gaps",
                   help=both("nightly", "fail_on"))
    g.add_argument("--alerts-config", type=Path, default=None,
                   help=both("nightly", "alerts_config"))
    g.add_argument("--due-soon-days", type=int, default=14, help=both("nightly", "due_soon_days"))


class NightlyRun:
    """Around one audit: hold the site's lock, record the run, and settle it afterwards."""

    def __init__(self, args: argparse.Namespace, site_url: str, site_key: str,
                 console: Console) -> None:
        self.args = args
        self.site_url = site_url
        self.site_key = site_key
        self.console = console
        db = getattr(args, "db", None)
        if db is None and not getattr(args, "no_history", True):
            db = paths.default_db()
        self.db: Path | None = Path(db).expanduser() if db else None
        self.state = paths.StatePaths(self.db) if self.db else None
        self.job_dir = Path(args.out) / JOB_DIR_NAME
        self.run_id: int | None = None
        self.previous_due: set[str] | None = None
        self._lock: SiteLock | None = None
        self._settled = False

    # -- before the crawl ------------------------------------------------------------------

    def start(self, checklist: str, as_of: str) -> int | None:
        """Lock the site and open its run; an exit code when the audit must not run."""
        resume = getattr(self.args, "resume", False)
        if resume and not self.resumable():
            self.console.print(both("nightly", "fresh_start", out=self.args.out),
                               highlight=False)
            self.args.resume = resume = False
        if not resume and self.job_dir.exists():
            shutil.rmtree(self.job_dir)
        (self.job_dir / CLEAN_STOP).unlink(missing_ok=True)  # until this run stops cleanly
        if self.state is None:
            return None
        self.state.prune_text_caches()
        self.state.keep_private()  # state an earlier version left readable (nightly43)
        self._lock = SiteLock(self.state.lock(self.site_key))
        try:
            self._lock.acquire()
        except SiteBusy as exc:
            busy = both("nightly", "site_busy", site=self.site_key, holder=exc.holder)
            self.console.print(f"[bold red]{busy}[/]", highlight=False)
            self._lock = None
            return EXIT_ERROR
        try:
            with History(self.db) as history:
                previous = history.last_incomplete(self.site_key) if resume else None
                last = history.last_complete(self.site_key)
                if last is not None:
                    self.previous_due = {row["code"] for row in history.db.execute(
                        "SELECT code FROM due_soon WHERE run_id = ?", (last["id"],))}
                self.run_id = history.begin_run(
                    self.site_key, self.site_url, checklist, as_of, str(self.args.out),
                    resumed_from=previous["id"] if previous else None)
        except HistoryError as exc:
            self.console.print(f"[bold red]{exc}[/]", highlight=False)
            self.release()
            return EXIT_ERROR
        return None

    def resumable(self) -> bool:
        """A crawl stopped by a signal left Scrapy's state and the records written so far.

        A crash (``kill -9``, power loss) leaves no ``spider.state``: Scrapy's disk queue is
        not reliable then, so such a run is started again instead (cheap with the caches).
        """
        return all(p.is_file() for p in (self.job_dir / CLEAN_STOP, self.job_dir /
                                          "spider.state", Path(self.args.out) / "crawl.jsonl"))

    def settings(self) -> dict[str, Any]:
        """Scrapy settings of this run: history, caches, job directory."""
        values: dict[str, Any] = {
            "JOBDIR": str(self.job_dir),
            "OIT_RESUME": bool(getattr(self.args, "resume", False)),
            "OIT_DUE_SOON_DAYS": getattr(self.args, "due_soon_days", 14),
        }
        if self.state is not None:
            values.update({
                "OIT_HISTORY_DB": str(self.db), "OIT_SITE_KEY": self.site_key,
                "OIT_RUN_ID": self.run_id or 0,
                "HTTPCACHE_ENABLED": True,
                "HTTPCACHE_DIR": str(self.state.http_cache(self.site_key)),
                "OIT_JUDGING_CACHE": str(self.state.judging_cache(self.site_key)),
                "OIT_TEXT_CACHE_DIR": str(self.state.text_cache()),
            })
        return values

    # -- after the crawl -------------------------------------------------------------------

    def exit_code(self, report: dict[str, Any], gaps_code: int) -> int:
        """0 nothing new, 1 gaps (or new problems with --fail-on regression), 2 not run,
        3 stopped."""
        if report.get("status") not in JUDGED:
            return report_exit_code(report)  # not run, or stopped (reports.build)
        if getattr(self.args, "fail_on", "gaps") == "regression":
            return EXIT_GAPS if new_problems(report.get("changes")) else EXIT_OK
        return gaps_code

    def finish(self, report: dict[str, Any], gaps_code: int) -> int:
        """Record the report, send alerts, tidy the job directory; return the exit code."""
        code = self.exit_code(report, gaps_code)
        if report.get("status") == "interrupted":
            (self.job_dir / CLEAN_STOP).write_text("stopped by a signal\n", encoding="utf-8")
            self.console.print(both("nightly", "resume_with", out=self.args.out),
                               highlight=False)
        elif self.job_dir.exists():
            shutil.rmtree(self.job_dir, ignore_errors=True)
        if self.run_id is not None:
            with History(self.db) as history:
                history.finish_run(self.run_id, report, code)
            self._settled = True
        self._show_changes(report)
        self._alert(report)
        return code

    def failed(self, message: str) -> None:
        """The audit crashed before writing a report."""
        if self.run_id is not None:
            with History(self.db) as history:
                history.settle_run(self.run_id, "failed", "error", message, EXIT_ERROR)
            self._settled = True
        self._alert(None, message)

    def release(self) -> None:
        """Settle a run left open (Ctrl-C before a report) and drop the lock."""
        if self.run_id is not None and not self._settled:
            with History(self.db) as history:
                history.settle_run(self.run_id, "incomplete", "interrupted", "", EXIT_STOPPED)
            self._settled = True
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _show_changes(self, report: dict[str, Any]) -> None:
        lang = getattr(self.args, "lang", "th")
        for line in changes_lines(report.get("changes"), lang) + due_soon_lines(
                report.get("due_soon"), lang):
            self.console.print(line, highlight=False, markup=False)

    def _alert(self, report: dict[str, Any] | None, error: str = "") -> None:
        try:
            config = load_config(getattr(self.args, "alerts_config", None))
        except AlertConfigError as exc:
            self.console.print(f"[bold red]{both('nightly', 'bad_alerts')}:[/] {exc}",
                               highlight=False)
            return
        for line in send_alerts(config, report, self.site_url, self.previous_due, error):
            self.console.print(f"{both('nightly', 'alert')} {line}", highlight=False,
                               markup=False)
