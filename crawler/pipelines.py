"""Item pipeline: keep every record (on disk as it arrives) and, when the crawl ends, judge
the site and write the reports.

Settings: ``OIT_OUTPUT_DIR`` (required for reports), ``OIT_CHECKLIST``, ``OIT_AS_OF``,
``OIT_FISCAL_YEAR``, ``OIT_LANG``; spider arguments ``checklist``, ``as_of``, ``fiscal_year``
and ``out`` override them (``scrapy crawl oit -a start_url=... -a checklist=...``).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from scrapy.exceptions import NotConfigured

from checklists.engine import audit
from checklists.fiscal import fiscal_year_of
from checklists.framework import best_fit, declared, framework_section
from checklists.loader import AUTO_CHECKLIST, load_checklist
from checklists.site.records import PageRecord
from checklists.site.snapshot import CrawlInfo, Snapshot
from checklists.topics import load_topics
from checklists.vocabulary import JUDGED
from crawler.netstats import network_section
from crawler.nightly.extend import nightly_sections
from reports import output_folder, write_reports
from reports.build import report_document
from reports.units import apply_units_file, check_units_file

logger = logging.getLogger(__name__)


def _iso(value: Any) -> str:
    return value.isoformat(timespec="seconds") if hasattr(value, "isoformat") else str(value or "")


class AuditPipeline:
    """Collect records; at close, evaluate the checklist and write the reports."""

    def __init__(self, out_dir: str, checklist: str, as_of: str, fiscal_year: int,
                 lang: str, crawler: Any) -> None:
        self.out_dir = Path(out_dir) if out_dir else None
        self.checklist_ref = checklist
        self.as_of = as_of
        self.fiscal_year = fiscal_year
        self.lang = lang
        self.crawler = crawler
        self._jsonl: IO[str] | None = None
        self._jsonl_path: Path | None = None
        self.folder: Any = None  # reports.outdir.OutputFolder when writing reports
        self.report: dict[str, Any] | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> AuditPipeline:
        s = crawler.settings
        if not s.get("OIT_CHECKLIST"):
            raise NotConfigured("OIT_CHECKLIST is empty")
        return cls(s.get("OIT_OUTPUT_DIR"), s.get("OIT_CHECKLIST"), s.get("OIT_AS_OF"),
                   s.getint("OIT_FISCAL_YEAR"), s.get("OIT_LANG"), crawler)

    def open_spider(self) -> None:
        spider = self.crawler.spider
        self.checklist_ref = getattr(spider, "checklist", None) or self.checklist_ref
        self.as_of = getattr(spider, "as_of", None) or self.as_of or date.today().isoformat()
        self.fiscal_year = int(getattr(spider, "fiscal_year", 0) or self.fiscal_year or 0)
        out = getattr(spider, "out", None) or self.out_dir
        self.out_dir = Path(out) if out else None
        self.checklist = load_checklist(self.checklist_ref)  # fails before any request
        check_units_file(self.crawler.settings.get("OIT_UNITS_FILE"), self.checklist)
        resume = False
        if self.out_dir:
            self.folder = output_folder(self.out_dir)
            if self.crawler.settings.getbool("OIT_OUTPUT_LOCK"):
                self.folder.lock()  # the CLI takes it earlier and says so when it is busy
            jsonl = self.folder.begin() / "crawl.jsonl"  # OUT changes only at the commit
            previous = self.out_dir / "crawl.jsonl"
            # continue an interrupted crawl (JOBDIR): keep what it recorded
            if self.crawler.settings.getbool("OIT_RESUME") and previous.exists():
                shutil.copyfile(previous, jsonl)
                resume = True
        else:  # no reports: the records still go to disk, not memory
            fd, name = tempfile.mkstemp(prefix="oit-crawl-", suffix=".jsonl")
            os.close(fd)
            jsonl = Path(name)
        self._jsonl_path = jsonl
        self._jsonl = jsonl.open("a" if resume else "w", encoding="utf-8")

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageRecord) and self._jsonl:
            # streamed, not kept: memory stays flat whatever the site's size; the judging
            # reads the records back (a kill loses at most the write buffer; --resume
            # needs a clean stop anyway, when the file is closed)
            self._jsonl.write(json.dumps(item.as_dict(), ensure_ascii=False) + "\n")
        return item

    def close_spider(self) -> None:
        spider = self.crawler.spider
        if self._jsonl:
            self._jsonl.close()
        stats = self.crawler.stats
        info = CrawlInfo(
            start_url=spider.start_url, home_url=spider.home_url,
            scheme_note=spider.scheme_note,
            limits={"max_pages": spider.max_pages, "max_depth": spider.max_depth,
                    "max_documents": spider.max_documents, "max_external": spider.max_external,
                    "check_external": spider.check_external},
            limits_hit=sorted(spider.limits_hit),
            robots_obeyed=self.crawler.settings.getbool("ROBOTSTXT_OBEY"),
            started_at=_iso(stats.get_value("start_time")),
            finished_at=_iso(datetime.now(UTC)),
            finish_reason=str(stats.get_value("finish_reason") or _finish_reason(self.crawler)),
            focus=spider.focus_summary() if hasattr(spider, "focus_summary") else {},
            network=network_section(stats),
        )
        snapshot = Snapshot.load(self._jsonl_path, info)
        if not self.out_dir:
            self._jsonl_path.unlink(missing_ok=True)
        settings = self.crawler.settings
        tools = [settings.get(k) for k in ("OIT_IIT", "OIT_EIT")]
        self.report = build_report(snapshot, self.checklist, date.fromisoformat(self.as_of),
                                   self.fiscal_year or None,
                                   *(None if t in (None, "") else float(t) for t in tools),
                                   auto=self.checklist_ref == AUTO_CHECKLIST)
        if self.checklist_ref == AUTO_CHECKLIST and self.report.get("status") in JUDGED:
            self.checklist = load_checklist(self.report["checklist"]["id"])
        self.report = apply_units_file(self.report, self.crawler.settings.get("OIT_UNITS_FILE"))
        self.report = {**self.report, **nightly_sections(
            self.report, snapshot, self.checklist, self.crawler.settings,
            self.fiscal_year or None)}
        if self.folder is not None:  # the whole set appears at once (reports.outdir)
            write_reports(self.report, self.folder.staging, lang=self.lang)
            self.folder.commit()
            self.folder.release()
            stats.set_value("oit/report_committed", str(self.out_dir / "report.json"))
        stats.set_value("oit/verdict_status", self.report["status"])


def _finish_reason(crawler: Any) -> str:
    """Why the crawl is closing, before Scrapy records it (after the pipelines close)."""
    engine = getattr(crawler, "engine", None)
    return "shutdown" if engine is not None and not engine.running else "finished"


def build_report(snapshot: Snapshot, checklist: Any, as_of: date, fiscal_year: int | None,
                 iit: float | None = None, eit: float | None = None,
                 auto: bool = False) -> dict[str, Any]:
    """Judge the site (or say why it could not be judged) and build the report document,
    with what the site's ITA section declares and the checklist that fits it (used as the
    checklist with ``auto``)."""
    site = declared(snapshot, fiscal_year or fiscal_year_of(as_of))
    best = best_fit(site, checklist, load_topics().checklists)
    used = best if auto else checklist
    report = report_document(audit(used, snapshot, as_of, fiscal_year), snapshot, iit, eit)
    if report.get("status") in JUDGED:
        report["framework"] = framework_section(site, used, best, report["site"], picked=auto)
    return report
