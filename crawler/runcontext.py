"""What one audit run needs, decided once: the checklist (loaded once), the as-of date, the
assessed fiscal year, the language, the overlays (units file, nightly history) and where the
records and reports go.

The runner (``crawler/run.py``, batch, distributed workers) builds an :class:`AuditRun`
before the crawl and binds it to the crawler; with ``scrapy crawl oit`` the spider builds it
from the settings and its ``-a`` arguments.  Every component then asks
:func:`run_of` for it (``AuditRun.of(crawler)``) instead of loading the checklist again or
reading attributes of the spider.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
import weakref
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from checklists.fiscal import fiscal_year_of
from checklists.loader import AUTO_CHECKLIST, load_checklist
from checklists.model import Checklist
from checklists.site.pagememo import PageMemo
from checklists.site.scope import SiteScope
from reports import output_folder
from reports.outdir import CRAWL_LOG, OutputFolder
from reports.units import UnitMap, load_units_for


def normalize_start_url(raw: str) -> tuple[list[str], str]:
    """Start URLs to try, in order: a URL without a scheme is tried as https then http."""
    raw = raw.strip()
    if raw.startswith(("http://", "https://")):
        return [raw], ""
    return [f"https://{raw}", f"http://{raw}"], "no_scheme"


@dataclass
class SiteTarget:
    """The audited site, decided once from the start URL: the home addresses to try, in order,
    and the site's scope (its hosts; a same-site redirect of home adds one).  The spider
    navigates within it; the downloader middlewares and the browser read it from the run."""

    candidates: list[str]
    scheme_note: str
    scope: SiteScope

    @classmethod
    def from_start_url(cls, raw: str) -> SiteTarget:
        candidates, note = normalize_start_url(raw)
        return cls(candidates, note, SiteScope(candidates[0]))


@dataclass(frozen=True)
class HistoryTarget:
    """The nightly history a run is recorded in (``--db``): changes and score history."""

    db: str
    site_key: str
    run_id: int | None = None


@dataclass
class RunOutput:
    """Where the records of a crawl go and where its reports are published.

    With an output folder the records stream into its staging folder (``crawl.jsonl`` is
    published with the reports, all at once: ``reports.outdir``); without one they go to a
    temporary file that is removed once judged.
    """

    out_dir: Path | None
    lock: bool = True  # take the folder's lock (the CLI holds it itself)
    resume: bool = False  # continue the records of an interrupted crawl (JOBDIR)
    # the records continued (default: OUT/interrupted/crawl.jsonl if there, else OUT/crawl.jsonl)
    previous: Path | None = None
    folder: OutputFolder | None = None
    records: Path | None = None

    def open_records(self) -> IO[bytes]:
        """Start this run's records file (before any request) and return it for writing
        (UTF-8 bytes: :func:`crawler.pipelines.record_bytes`)."""
        resume = False
        if self.out_dir:
            self.folder = output_folder(self.out_dir)
            if self.lock:
                self.folder.lock()  # the CLI takes it earlier and says so when it is busy
            self.records = self.folder.begin() / CRAWL_LOG  # OUT changes only at the commit
            # a stopped run's records are beside the finished run's set, when one was shown
            partial = self.folder.partial()
            previous = self.previous or (partial or self.out_dir) / CRAWL_LOG
            if self.resume and previous.exists():  # keep what the interrupted crawl recorded
                shutil.copyfile(previous, self.records)
                resume = True
        else:  # no reports: the records still go to disk, not memory
            fd, name = tempfile.mkstemp(prefix="oit-crawl-", suffix=".jsonl")
            os.close(fd)
            self.records = Path(name)
        return self.records.open("ab" if resume else "wb")

    def close(self) -> None:
        """Drop a temporary records file and the folder's lock (after publishing, or when
        the run is given up: the staging folder is discarded by the next run)."""
        if self.folder is None and self.records is not None:
            self.records.unlink(missing_ok=True)
        if self.folder is not None and self.lock:
            self.folder.release()


@dataclass
class AuditRun:
    """One audit's decisions, made once before the crawl."""

    checklist: Checklist
    as_of: date
    checklist_ref: str = ""  # as given (``auto``: the site's own framework is judged)
    fiscal_year: int = 0  # B.E. when fixed on the command line; 0: from the as-of date
    lang: str = "th"
    units: UnitMap | None = None
    iit: float | None = None
    eit: float | None = None
    due_soon_days: int = 14
    history: HistoryTarget | None = None
    output: RunOutput = field(default_factory=lambda: RunOutput(None))
    target: SiteTarget | None = None  # set when the spider is created from its start URL
    # gathering's results per page (checklists/site/pagememo.py): the site's file kept for
    # the next run (OIT_JUDGING_CACHE), or a temporary one for a focused crawl judged on the
    # way; None: not kept
    memo_file: str | None = None
    _memo: PageMemo | None = field(default=None, repr=False)
    # the page memo of this run as another process handed it over (PageMemo.hand_over)
    memo_handed: tuple[int, bool, set[bytes]] | None = field(default=None, repr=False)

    def page_memo(self) -> PageMemo | None:
        """The run's store of per-page results, opened on first use (None: not kept)."""
        if self._memo is None and self.memo_file is not None:
            self._memo = PageMemo(self.memo_file or None, self.memo_handed)
            self.memo_handed = None
        return self._memo

    def handed_over(self) -> AuditRun:
        """This run as another process goes on with it once its crawl has ended (a batch's
        judging worker, ``crawler/batch/judgeworker.py``): picklable, without its checklist
        (the other process has the same one and sets it), its page memo committed and
        handed over, and its output folder without the lock (this process holds it until
        the reports are published)."""
        memo_file, handed = self.memo_file, None
        if self._memo is not None:
            memo_file, handed = self._memo.hand_over()
            self._memo = None
        out = self.output
        return dataclasses.replace(
            self, checklist=None, target=None, _memo=None, memo_file=memo_file,  # type: ignore[arg-type]
            memo_handed=handed, output=RunOutput(out.out_dir, lock=False, records=out.records))

    def taken_over(self, checklist: Checklist) -> AuditRun:
        """A run :meth:`handed_over` by another process, ready to judge and publish here."""
        self.checklist = checklist
        if self.output.out_dir is not None:
            self.output.folder = output_folder(self.output.out_dir)
        return self

    def close_memo(self) -> None:
        """Keep what this run used for the next one (once judged, or given up)."""
        if self._memo is not None:
            self._memo.close()
            self._memo = None

    def drop_memo(self) -> None:
        """Close the page memo keeping nothing this run wrote or decided (a judging stopped
        half-way: what it used so far is not all it would have used)."""
        if self._memo is not None:
            self._memo.discard()
            self._memo = None

    @property
    def auto(self) -> bool:
        return self.checklist_ref == AUTO_CHECKLIST

    @property
    def assessed_year(self) -> int:
        """The fiscal year assessed: the one fixed, else the as-of date's."""
        return self.fiscal_year or fiscal_year_of(self.as_of)

    @classmethod
    def from_settings(cls, settings: Any, args: dict[str, Any] | None = None,
                      checklist: Checklist | None = None) -> AuditRun:
        """The run the settings describe; ``args`` (``scrapy crawl oit -a checklist=...
        -a as_of=... -a fiscal_year=... -a out=...``) override them; ``checklist``: already
        loaded by the caller (otherwise loaded here, failing before any request)."""
        args = args or {}
        ref = str(args.get("checklist") or settings.get("OIT_CHECKLIST") or "")
        as_of = args.get("as_of") or settings.get("OIT_AS_OF") or date.today().isoformat()
        units_file = settings.get("OIT_UNITS_FILE")
        checklist = checklist or load_checklist(ref)
        # before any request: the file must fit the checklist
        units = load_units_for(units_file, checklist) if units_file else None
        db = settings.get("OIT_HISTORY_DB")
        out = args.get("out") or settings.get("OIT_OUTPUT_DIR")
        tools = [settings.get(k) for k in ("OIT_IIT", "OIT_EIT")]
        iit, eit = (None if t in (None, "") else float(t) for t in tools)
        return cls(
            checklist=checklist, as_of=date.fromisoformat(str(as_of)), checklist_ref=ref,
            fiscal_year=int(args.get("fiscal_year") or settings.getint("OIT_FISCAL_YEAR") or 0),
            lang=settings.get("OIT_LANG") or "th", units=units, iit=iit, eit=eit,
            due_soon_days=settings.getint("OIT_DUE_SOON_DAYS"),
            history=HistoryTarget(db, settings.get("OIT_SITE_KEY") or "",
                                  settings.getint("OIT_RUN_ID") or None) if db else None,
            output=RunOutput(Path(out) if out else None,
                             lock=settings.getbool("OIT_OUTPUT_LOCK"),
                             resume=settings.getbool("OIT_RESUME")),
            memo_file=settings.get("OIT_JUDGING_CACHE") or (
                "" if settings.getbool("OIT_FOCUSED") else None),
        )

    # -- one run per crawler ---------------------------------------------------------------

    def bind(self, crawler: Any) -> AuditRun:
        """Make this the run of ``crawler`` (before its spider is created)."""
        _RUNS[crawler] = self
        return self

    @classmethod
    def of(cls, crawler: Any, args: dict[str, Any] | None = None) -> AuditRun:
        """The run bound to ``crawler``; built from its settings (and the spider's
        arguments) and bound when the runner did not bind one (``scrapy crawl oit``)."""
        run = _RUNS.get(crawler)
        if run is None:
            run = cls.from_settings(crawler.settings, args).bind(crawler)
        return run


_RUNS: weakref.WeakKeyDictionary[Any, AuditRun] = weakref.WeakKeyDictionary()

