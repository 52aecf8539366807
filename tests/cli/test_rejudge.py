"""``oit-audit rejudge DIR --as-of DATE``: a saved crawl judged again at another date by the
same function as every audit, without visiting the site (the crawl is saved from the demo
site's checked-in pages, fed to the spider directly)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checklists.loader import load_checklist
from crawler.cli import main
from crawler.judging import finish
from crawler.pipelines import RecordsPipeline
from crawler.runcontext import AuditRun
from reports.units import load_units_for
from tests.conftest import NEXT_YEAR_UNITS
from tests.crawler.test_spider_units import HOME, home, make_spider, saved


def _audit(out, units=None):
    """An audit's folder (report.json, crawl.jsonl...) as of 2026-05-15, written by the
    judging every audit ends with (``units``: the office's units file it was given)."""
    checklist = load_checklist("nacc-oit-2565")
    spider = make_spider(checklist, out)
    if units is not None:
        AuditRun.of(spider.crawler).units = load_units_for(units, checklist)
    pipeline = RecordsPipeline.from_crawler(spider.crawler)
    pipeline.open_spider()
    for item in home(spider) + list(spider.parse(saved("ita/index.html", HOME + "ita/",
                                                       depth=1))):
        pipeline.process_item(item)
    pipeline.close_spider()
    spider.crawler.stats.set_value("finish_reason", "finished")
    finish(spider.crawler)
    return out


@pytest.fixture(scope="module")
def saved_audit(tmp_path_factory):
    return _audit(tmp_path_factory.mktemp("saved"))


@pytest.fixture(scope="module")
def saved_with_units(tmp_path_factory):
    """An audit given ``--units units.yaml`` (a path relative to the folder it ran in) that
    gives O1 to a unit "it" (งานไอที)."""
    root = tmp_path_factory.mktemp("with-units")
    (root / "units.yaml").write_text(NEXT_YEAR_UNITS, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        return _audit(root / "audit", Path("units.yaml"))


def _report(folder):
    return json.loads((folder / "report.json").read_text(encoding="utf-8"))


def test_a_saved_crawl_is_judged_at_another_date(saved_audit, tmp_path, capsys):
    before = (saved_audit / "report.json").read_bytes()
    code = main(["rejudge", str(saved_audit), "--as-of", "2026-10-15", "--out", str(tmp_path)])
    assert code == 1, capsys.readouterr()
    old, new = _report(saved_audit), _report(tmp_path)
    assert (old["as_of"], new["as_of"]) == ("2026-05-15", "2026-10-15")
    assert new["fiscal_year"] == 2570 and new["crawl"]["pages"] == old["crawl"]["pages"]
    verdicts = {i["code"]: i["verdict"] for i in new["items"]}
    assert verdicts["O10"] == "stale"  # the 2569 action plan, in fiscal year 2570
    assert (tmp_path / "crawl.jsonl").read_bytes() == (saved_audit / "crawl.jsonl").read_bytes()
    assert (tmp_path / "report.html").exists()
    assert (saved_audit / "report.json").read_bytes() == before  # the saved audit is kept


def test_by_default_the_saved_folder_gets_the_new_set(saved_audit, tmp_path):
    folder = tmp_path / "copy"
    folder.mkdir()
    for name in ("report.json", "crawl.jsonl"):
        (folder / name).write_bytes((saved_audit / name).read_bytes())
    assert main(["rejudge", str(folder), "--as-of", "2026-05-15"]) == 1
    assert _report(folder)["items"] == _report(saved_audit)["items"]
    assert (folder / "crawl.jsonl").stat().st_size > 0 and (folder / "fixes.csv").exists()


def test_without_the_saved_crawl_it_says_what_to_do(saved_audit, tmp_path, capsys):
    (tmp_path / "report.json").write_bytes((saved_audit / "report.json").read_bytes())
    assert main(["rejudge", str(tmp_path), "--as-of", "2026-10-15"]) == 2
    assert "oit-audit audit" in capsys.readouterr().err


def _owner(report, code):
    item = next(i for i in report["items"] if i["code"] == code)
    return item["owner_id"], item["owner"]


def test_the_units_file_the_saved_audit_used_applies_again(saved_with_units, tmp_path,
                                                           monkeypatch):
    old = _report(saved_with_units)
    assert _owner(old, "O1") == ("it", "งานไอที")
    monkeypatch.chdir(tmp_path)  # rejudged from another folder (cron, another day)
    assert main(["rejudge", str(saved_with_units), "--as-of", "2026-10-15",
                 "--out", "new"]) == 1
    new = _report(tmp_path / "new")
    assert new["units_file"] == old["units_file"] == str(saved_with_units.parent / "units.yaml")
    assert _owner(new, "O1") == ("it", "งานไอที") and new["units"]["it"]["en"] == "IT"
    assert "งานไอที" in (tmp_path / "new" / "fixes.md").read_text(encoding="utf-8")


def test_a_units_file_given_replaces_the_saved_ones(saved_with_units, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text("units:\n  web: {th: งานเว็บไซต์}\nitems:\n  O1: web\n", encoding="utf-8")
    assert main(["rejudge", str(saved_with_units), "--as-of", "2026-10-15", "--units",
                 str(other), "--out", str(tmp_path / "new")]) == 1
    new = _report(tmp_path / "new")
    assert _owner(new, "O1") == ("web", "งานเว็บไซต์") and new["units_file"] == str(other)


def test_when_the_saved_units_file_is_gone_it_says_what_to_do(saved_with_units, tmp_path,
                                                              capsys):
    folder = shutil.copytree(saved_with_units, tmp_path / "moved")
    report = _report(folder)
    report["units_file"] = str(tmp_path / "gone.yaml")
    (folder / "report.json").write_text(json.dumps(report, ensure_ascii=False),
                                        encoding="utf-8")
    assert main(["rejudge", str(folder), "--as-of", "2026-10-15"]) == 2
    err = capsys.readouterr().err
    assert "gone.yaml" in err and "--units FILE" in err
    assert _report(folder) == report  # nothing was judged without the office's units
