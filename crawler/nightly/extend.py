"""What the nightly pieces add to the report, once, before it is written (a new document
from the built one; the network figures and each evidence's digest come with the document
itself, from the snapshot):

- ``due_soon``: items that will count against the site within ``OIT_DUE_SOON_DAYS``;
- with a history database (``OIT_HISTORY_DB``): ``changes`` (against the previous complete
  run of the same site and checklist) and ``history`` (scores of recent complete runs).

The runner (``crawler/judging.py``) calls :func:`nightly_sections` once per audit.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from checklists.engine import Judge
from checklists.vocabulary import JUDGED
from crawler.nightly.diff import diff
from crawler.nightly.duesoon import due_soon_for
from crawler.nightly.history import History
from crawler.nightly.paths import site_key as url_site_key
from crawler.runcontext import HistoryTarget
from reports.changes import with_words

logger = logging.getLogger(__name__)


def history_sections(report: dict[str, Any], db_path: str, site_key: str,
                     run_id: int | None) -> dict[str, Any]:
    """``changes`` and ``history`` of ``report`` from the history database."""
    out: dict[str, Any] = {}
    checklist_id = report["checklist"]["id"]
    with History(db_path) as history:
        if report.get("status") in JUDGED:
            prev = history.last_complete(site_key, checklist_id, before=run_id)
            old = history.report(prev["id"]) if prev else None
            out["changes"] = with_words(diff(old, report))
        points = [p for p in history.score_history(site_key, checklist_id, limit=29)
                  if p["run_id"] != run_id]
    summary = report.get("summary") or {}
    if report.get("status") in JUDGED:
        points.append({"run_id": run_id, "as_of": report["as_of"],
                       "date": datetime.now(UTC).date().isoformat(),
                       "score": summary.get("indicator9_estimate"),
                       "band": (summary.get("band") or {}).get("label")})
    out["history"] = points
    return out


def nightly_sections(report: dict[str, Any], snapshot: Any, checklist: Any,
                     due_soon_days: int, fiscal_year: int | None,
                     history: HistoryTarget | None = None,
                     judge: Judge | None = None) -> dict[str, Any]:
    """The sections the nightly pieces add to ``report``: ``due_soon`` of a complete audit;
    with a history database, ``changes`` and ``history``.  Never fails the audit.
    ``judge``: the crawl's :class:`~checklists.engine.Judge` (its gathering is shared)."""
    out: dict[str, Any] = {}
    if report.get("status") in JUDGED:
        try:
            out["due_soon"] = due_soon_for(report, snapshot, checklist, due_soon_days,
                                           fiscal_year, judge)
        except Exception:  # a bug here must not cost the night's report
            logger.exception("due-soon check failed")
            out["due_soon"] = []
    if history is not None:
        key = history.site_key or url_site_key(report.get("start_url") or "")
        try:
            out.update(history_sections({**report, **out}, history.db, key, history.run_id))
        except Exception:
            logger.exception("history comparison failed (%s)", history.db)
    return out
