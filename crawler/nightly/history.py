"""Run history in one SQLite file: every run, its crawl figures, every item's verdict and
evidence, and the items found due soon.

Schema changes are numbered migrations (``MIGRATIONS``) recorded in ``schema_migrations``;
opening a database applies the missing ones in order, each in its own transaction, so a
database written by any earlier release is upgraded in place. Never edit a released
migration: append a new one.

A run row is written when the run starts (``running``) and settled when it ends:
``complete`` (the site was audited), ``failed`` (the site could not be audited: down,
blocked, crashed) or ``incomplete`` (interrupted). Only complete runs are compared; a later
failure never changes an earlier run.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from checklists.atomicfile import own_only
from crawler.nightly.paths import site_key as url_site_key
from reports.filelock import FileLock
from reports.labels import both

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("runs, items and evidence", """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            site_key TEXT NOT NULL,
            site_url TEXT NOT NULL,
            checklist_id TEXT NOT NULL,
            checklist_version TEXT,
            as_of TEXT NOT NULL,
            fiscal_year INTEGER,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            state TEXT NOT NULL DEFAULT 'running',
            report_status TEXT,
            finish_reason TEXT,
            message TEXT,
            pages INTEGER, documents INTEGER, external INTEGER, errors INTEGER,
            score REAL, score10 REAL, band TEXT,
            n_pass INTEGER, n_missing INTEGER, n_stale INTEGER, n_broken INTEGER,
            n_unverified INTEGER,
            exit_code INTEGER,
            out_dir TEXT,
            resumed_from INTEGER REFERENCES runs(id),
            tool_version TEXT
        );
        CREATE INDEX runs_by_site ON runs (site_key, checklist_id, state, id);
        CREATE TABLE items (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            subindicator TEXT,
            title_th TEXT,
            title_en TEXT,
            verdict TEXT NOT NULL,
            reason TEXT,
            reason_en TEXT,
            freshness_rule TEXT,
            missing_months TEXT NOT NULL DEFAULT '[]',
            needs_review INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (run_id, code)
        );
        CREATE TABLE evidence (
            run_id INTEGER NOT NULL,
            code TEXT NOT NULL,
            position INTEGER NOT NULL,
            url TEXT NOT NULL,
            role TEXT,
            text TEXT,
            found_on TEXT,
            status INTEGER,
            verdict TEXT,
            date TEXT,
            date_end TEXT,
            date_text TEXT,
            date_source TEXT,
            sha256 TEXT,
            size INTEGER,
            etag TEXT,
            last_modified TEXT,
            PRIMARY KEY (run_id, code, position),
            FOREIGN KEY (run_id, code) REFERENCES items (run_id, code) ON DELETE CASCADE
        );
    """),
    ("network figures, change counts and items due soon", """
        ALTER TABLE runs ADD COLUMN network_bytes INTEGER;
        ALTER TABLE runs ADD COLUMN requests INTEGER;
        ALTER TABLE runs ADD COLUMN not_modified INTEGER;
        ALTER TABLE runs ADD COLUMN regressed INTEGER;
        ALTER TABLE runs ADD COLUMN fixed INTEGER;
        CREATE TABLE due_soon (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            due TEXT NOT NULL,
            verdict_then TEXT,
            new_missing_months TEXT NOT NULL DEFAULT '[]',
            reason TEXT,
            reason_en TEXT,
            PRIMARY KEY (run_id, code)
        );
    """),
)
SCHEMA_VERSION = len(MIGRATIONS)
STATES = ("running", "complete", "incomplete", "failed")
# SQLite's wait for a lock another connection holds: a safety net only.  This program's
# writers queue on a file lock first (History._tx) and its set-up on another (History's
# __init__), which wait for as long as the holder lives, however busy the machine; readers
# never wait in WAL mode.  What is left to this timeout: a writer outside this program (the
# sqlite3 shell), a WAL recovery after a crash.
BUSY_TIMEOUT_S = 30.0

_ITEM_COLUMNS = ("code", "subindicator", "title_th", "title_en", "verdict", "reason",
                 "reason_en", "freshness_rule")
_EVIDENCE_COLUMNS = ("url", "role", "text", "found_on", "status", "verdict", "date",
                     "date_end", "date_text", "date_source", "sha256", "size", "etag",
                     "last_modified")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class HistoryError(Exception):
    """The database cannot be used (newer schema, not a history file...)."""


def _waited_lock(path: Path, kind: str) -> FileLock | None:
    """The lock ``<file>.KIND.lock`` beside the database, waited for as long as its holder
    lives (the operating system lets go of a dead holder's lock at once); None where the
    folder cannot hold it (a read-only copy: nothing is set up or written there).

    ``setup``: taken while a database is set up (the switch to WAL, migrations); ``write``:
    taken for each write transaction.  Waiting on a lock rather than on a clock holds however
    slow a busy machine is: a writer waits for the writer before it to finish, not for a
    number of seconds that a loaded machine can outlast."""
    lock = FileLock(path.with_name(f"{path.name}.{kind}.lock"))
    try:
        lock.acquire(wait=True)
    except OSError:
        return None
    return lock


class History:
    """The run history of one database file (created and migrated on open)."""

    def __init__(self, path: str | Path, migrate: bool = True) -> None:
        self.path = Path(path).expanduser()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # an earlier version's database, log and lock files: 0644 (see own_only)
        own_only(self.path, *(self.path.with_name(self.path.name + end)
                              for end in ("-wal", "-shm", ".setup.lock", ".write.lock")))
        self.db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        # Set-up (the switch to WAL, migrations) one process at a time: audits of several
        # sites often open one new database at the same moment, and the switch to WAL needs
        # the database alone, which busy_timeout does not wait for.  Waiting on a file lock
        # instead of retrying for a fixed time holds however slow a busy machine is.
        setup = _waited_lock(self.path, "setup")
        try:
            try:
                self._use_wal()  # readers never block a nightly run
            except sqlite3.DatabaseError as exc:
                self.db.close()
                raise HistoryError(f"{self.path}: not a history database ({exc})") from exc
            if migrate:
                self.migrate()
        finally:
            if setup is not None:
                setup.release()

    def _use_wal(self, attempts: int = 100) -> None:
        """Switch to WAL once; audits of several sites may open the database at the same
        moment, and the switch needs a moment alone (busy_timeout does not cover it)."""
        for _ in range(attempts):
            try:
                if self.db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(0.05)
        self.db.execute("PRAGMA journal_mode = WAL")  # a last try: its error is reported

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ----------------------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: writers queue, never interleave), taken
        after the write lock beside the database (:func:`_waited_lock`): this program's
        writers queue on the lock, so SQLite's busy timeout is only a safety net for writers
        outside it."""
        lock = _waited_lock(self.path, "write")
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        finally:
            if lock is not None:
                lock.release()

    def version(self) -> int:
        """The number of migrations applied."""
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
                        "PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        row = self.db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def migrate(self, target: int = SCHEMA_VERSION) -> list[int]:
        """Apply the missing migrations up to ``target``; return the versions applied."""
        current = self.version()
        if current > SCHEMA_VERSION:
            raise HistoryError(
                f"{self.path}: {both('history_db', 'newer', current=current, supported=SCHEMA_VERSION)}"
                "; upgrade oit-audit")
        applied = []
        for version in range(current + 1, target + 1):
            name, script = MIGRATIONS[version - 1]
            with self._tx() as db:
                if self.version() >= version:  # another process migrated meanwhile
                    continue
                for statement in script.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                           (version, name, _now()))
            applied.append(version)
        return applied

    # -- writing ---------------------------------------------------------------------------

    def begin_run(self, site_key: str, site_url: str, checklist_id: str, as_of: str,
                  out_dir: str = "", resumed_from: int | None = None,
                  started_at: str | None = None) -> int:
        """Record a run that starts now; settle earlier runs of the site left ``running``.

        The caller holds the site's lock, so a ``running`` row of the same site belongs to
        a process that died: it becomes ``incomplete`` (its data stays as it was).
        """
        with self._tx() as db:
            db.execute("UPDATE runs SET state = 'incomplete', finish_reason = "
                       "COALESCE(finish_reason, 'crashed') WHERE site_key = ? AND "
                       "state = 'running'", (site_key,))
            cur = db.execute(
                "INSERT INTO runs (site_key, site_url, checklist_id, as_of, started_at, "
                "state, out_dir, resumed_from) VALUES (?, ?, ?, ?, ?, 'running', ?, ?)",
                (site_key, site_url, checklist_id, as_of, started_at or _now(), out_dir,
                 resumed_from))
            return int(cur.lastrowid)

    def finish_run(self, run_id: int, report: dict[str, Any], exit_code: int,
                   state: str | None = None) -> str:
        """Store the report of run ``run_id`` (items, evidence, due soon); return its state."""
        status = report.get("status", "")
        if state is None:
            # a run judged although robots.txt kept it out of part of the site is complete
            state = {"complete": "complete", "incomplete": "complete",
                     "interrupted": "incomplete"}.get(status, "failed")
        crawl = report.get("crawl") or {}
        network = crawl.get("network") or {}
        summary = report.get("summary") or {}
        changes = report.get("changes") or {}
        message = report.get("message") or {}
        checklist = report.get("checklist") or {}
        with self._tx() as db:
            db.execute(
                """UPDATE runs SET site_url = ?, checklist_id = ?, checklist_version = ?,
                   as_of = ?, fiscal_year = ?, finished_at = ?, state = ?, report_status = ?,
                   finish_reason = ?, message = ?, pages = ?, documents = ?, external = ?,
                   errors = ?, score = ?, score10 = ?, band = ?, n_pass = ?, n_missing = ?,
                   n_stale = ?, n_broken = ?, n_unverified = ?, exit_code = ?,
                   tool_version = ?, network_bytes = ?, requests = ?, not_modified = ?,
                   regressed = ?, fixed = ? WHERE id = ?""",
                (report.get("site") or "", checklist.get("id") or "",
                 checklist.get("version"), report.get("as_of"), report.get("fiscal_year"),
                 _now(), state, status, crawl.get("finish_reason"),
                 message.get("en") or message.get("th"), crawl.get("pages"),
                 crawl.get("documents"), crawl.get("external"), crawl.get("errors"),
                 summary.get("indicator9_estimate"), summary.get("indicator10_estimate"),
                 (summary.get("band") or {}).get("label"), summary.get("pass"),
                 summary.get("missing"), summary.get("stale"), summary.get("broken"),
                 summary.get("unverified"), exit_code, (report.get("tool") or {}).get("version"),
                 network.get("bytes"), network.get("responses"), network.get("not_modified"),
                 len(changes.get("regressed") or []) if changes else None,
                 len(changes.get("fixed") or []) if changes else None, run_id))
            for item in report.get("items") or []:
                db.execute(
                    f"INSERT INTO items (run_id, {', '.join(_ITEM_COLUMNS)}, missing_months, "
                    f"needs_review) VALUES ({', '.join('?' * (len(_ITEM_COLUMNS) + 3))})",
                    (run_id, *(item.get(c) for c in _ITEM_COLUMNS),
                     json.dumps(item.get("missing_months") or [], ensure_ascii=False),
                     int(bool(item.get("needs_review")))))
                for pos, ev in enumerate(item.get("evidence") or []):
                    db.execute(
                        f"INSERT INTO evidence (run_id, code, position, "
                        f"{', '.join(_EVIDENCE_COLUMNS)}) VALUES "
                        f"({', '.join('?' * (len(_EVIDENCE_COLUMNS) + 3))})",
                        (run_id, item["code"], pos, *(ev.get(c) for c in _EVIDENCE_COLUMNS)))
            for due in report.get("due_soon") or []:
                db.execute(
                    "INSERT INTO due_soon VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (run_id, due["code"], due["due"], due.get("verdict_then"),
                     json.dumps(due.get("new_missing_months") or [], ensure_ascii=False),
                     due.get("reason"), due.get("reason_en")))
        return state

    def settle_run(self, run_id: int, state: str, finish_reason: str, message: str = "",
                   exit_code: int | None = None) -> None:
        """End a run that produced no report (crash, lock held, bad checklist...)."""
        if state not in STATES:
            raise ValueError(f"unknown run state {state!r}")
        with self._tx() as db:
            db.execute("UPDATE runs SET state = ?, finish_reason = ?, message = ?, "
                       "finished_at = ?, exit_code = ? WHERE id = ? AND state = 'running'",
                       (state, finish_reason, message, _now(), exit_code, run_id))

    # -- reading ---------------------------------------------------------------------------

    def run(self, run_id: int) -> dict[str, Any] | None:
        """One run row as a dict."""
        row = self.db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        return dict(row) if row else None

    def runs(self, site_key: str | None = None, limit: int = 0,
             states: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        """Runs, newest first (of one site when given)."""
        sql, args = "SELECT * FROM runs WHERE 1 = 1", []
        if site_key:
            sql += " AND site_key = ?"
            args.append(site_key)
        if states:
            sql += f" AND state IN ({', '.join('?' * len(states))})"
            args.extend(states)
        sql += " ORDER BY id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [dict(r) for r in self.db.execute(sql, args)]

    def last_complete(self, site_key: str, checklist_id: str | None = None,
                      before: int | None = None) -> dict[str, Any] | None:
        """The newest complete run of a site (and checklist), older than run ``before``."""
        sql = "SELECT * FROM runs WHERE site_key = ? AND state = 'complete'"
        args: list[Any] = [site_key]
        if checklist_id:
            sql += " AND checklist_id = ?"
            args.append(checklist_id)
        if before is not None:
            sql += " AND id < ?"
            args.append(before)
        row = self.db.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone()
        return dict(row) if row else None

    def last_incomplete(self, site_key: str) -> dict[str, Any] | None:
        """The newest run of a site when it did not finish (what ``--resume`` continues)."""
        row = self.db.execute("SELECT * FROM runs WHERE site_key = ? ORDER BY id DESC LIMIT 1",
                              (site_key,)).fetchone()
        return dict(row) if row and row["state"] == "incomplete" else None

    def sites(self) -> list[dict[str, Any]]:
        """Every site with its run count and newest run."""
        return [dict(r) for r in self.db.execute(
            "SELECT site_key, MAX(site_url) AS site_url, COUNT(*) AS runs, MAX(id) AS last_run "
            "FROM runs GROUP BY site_key ORDER BY site_key")]

    def site_matches(self, query: str) -> list[str]:
        """The site keys ``query`` could mean, best kind of match first: an exact key or a
        URL's own key (one), the keys a URL was audited under (the demo's ``demo`` and its
        dated keys), else every key containing ``query``."""
        sites = self.sites()
        keys = [s["site_key"] for s in sites]
        for candidate in (query, url_site_key(query)):
            if candidate in keys:
                return [candidate]
        by_url = sorted({s["site_key"] for s in sites if s["site_url"] and
                         url_site_key(s["site_url"]) == url_site_key(query)})
        return by_url or [k for k in keys if query.lower() in k]

    def find_site(self, query: str) -> str | None:
        """The site key meant by ``query`` when exactly one is (see :meth:`site_matches`)."""
        matches = self.site_matches(query)
        return matches[0] if len(matches) == 1 else None

    def report(self, run_id: int) -> dict[str, Any] | None:
        """A run as a report-shaped dict (enough for :func:`crawler.nightly.diff.diff`)."""
        run = self.run(run_id)
        if run is None:
            return None
        items: dict[str, dict[str, Any]] = {}
        for row in self.db.execute("SELECT * FROM items WHERE run_id = ? ORDER BY rowid",
                                   (run_id,)):
            item = {c: row[c] for c in _ITEM_COLUMNS}
            item["missing_months"] = json.loads(row["missing_months"] or "[]")
            item["needs_review"] = bool(row["needs_review"])
            item["evidence"] = []
            items[row["code"]] = item
        for row in self.db.execute("SELECT * FROM evidence WHERE run_id = ? ORDER BY code, "
                                   "position", (run_id,)):
            if row["code"] in items:
                items[row["code"]]["evidence"].append({c: row[c] for c in _EVIDENCE_COLUMNS})
        return {
            "run_id": run_id, "site": run["site_url"], "as_of": run["as_of"],
            "fiscal_year": run["fiscal_year"],
            "status": run["report_status"] or run["state"], "state": run["state"],
            "generated_at": run["finished_at"],
            "checklist": {"id": run["checklist_id"], "version": run["checklist_version"]},
            "summary": {"indicator9_estimate": run["score"],
                        "indicator10_estimate": run["score10"],
                        **{v: run[f"n_{v}"] for v in ("pass", "missing", "stale", "broken",
                                                      "unverified")}},
            "items": list(items.values()),
        }

    def score_history(self, site_key: str, checklist_id: str | None = None,
                      limit: int = 30) -> list[dict[str, Any]]:
        """Scores of the newest complete runs of a site, oldest first (for charts)."""
        sql = ("SELECT id, as_of, started_at, finished_at, score, score10, band FROM runs "
               "WHERE site_key = ? AND state = 'complete'")
        args: list[Any] = [site_key]
        if checklist_id:
            sql += " AND checklist_id = ?"
            args.append(checklist_id)
        rows = self.db.execute(sql + f" ORDER BY id DESC LIMIT {int(limit)}", args)
        return [{"run_id": r["id"], "as_of": r["as_of"], "date": (r["finished_at"] or
                 r["started_at"])[:10], "score": r["score"], "band": r["band"]}
                for r in rows][::-1]
