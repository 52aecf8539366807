"""Scrapy's own habit works: `scrapy crawl oit -a start_url=... -a checklist=...`, the
argument winning over the OIT_CHECKLIST setting everywhere (reports and progress)."""

from __future__ import annotations

import json
import os
import sys

from checklists.loader import load_checklist
from crawler.demo import serve_demo
from tests import patience, socketguard
from tests.conftest import ROOT


def test_scrapy_crawl_writes_the_same_reports(tmp_path):
    with serve_demo() as (url, settings):
        proc = patience.run(
            [sys.executable, "-m", "scrapy", "crawl", "oit", "-a", f"start_url={url}",
             "-a", "checklist=nacc-oit-2565", "-a", "as_of=2026-05-15", "-a", f"out={tmp_path}",
             "-s", "OIT_CHECK_EXTERNAL=False",
             "-s", f"OIT_SHARING_HOSTS={json.dumps(settings['OIT_SHARING_HOSTS'])}",
             "-s", f"OIT_HOST_ALIASES={json.dumps(settings['OIT_HOST_ALIASES'])}",
             "-s", "OIT_ALLOW_PRIVATE=True",
             "-s", "OIT_CHECKLIST=obec-oit-2568"],  # the -a argument wins
            240, cwd=ROOT, env={**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT)},
        )
    assert proc.returncode == 0, proc.stderr
    items = len(load_checklist("nacc-oit-2565").items)
    done = [ln for ln in proc.stderr.splitlines() if "oit-audit done:" in ln]
    assert done and f"/{items} " in done[-1], proc.stderr  # progress counts the -a checklist
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    verdicts = {i["code"]: i["verdict"] for i in report["items"]}
    assert verdicts["O23"] == "stale" and verdicts["O2"] == "pass"
    assert (tmp_path / "crawl.jsonl").stat().st_size > 0
