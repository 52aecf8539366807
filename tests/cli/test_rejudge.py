"""``oit-audit rejudge DIR --as-of DATE``: a saved crawl judged again at another date by the
same function as every audit, without visiting the site (the crawl is saved from the demo
site's checked-in pages, fed to the spider directly)."""

from __future__ import annotations

import json

import pytest

from checklists.loader import load_checklist
from crawler.cli import main
from crawler.judging import finish
from crawler.pipelines import RecordsPipeline
from tests.crawler.test_spider_units import HOME, home, make_spider, saved


@pytest.fixture(scope="module")
def saved_audit(tmp_path_factory):
    """An audit's folder (report.json, crawl.jsonl...) as of 2026-05-15."""
    out = tmp_path_factory.mktemp("saved")
    spider = make_spider(load_checklist("nacc-oit-2565"), out)
    pipeline = RecordsPipeline.from_crawler(spider.crawler)
    pipeline.open_spider()
    for item in home(spider) + list(spider.parse(saved("ita/index.html", HOME + "ita/",
                                                       depth=1))):
        pipeline.process_item(item)
    pipeline.close_spider()
    spider.crawler.stats.set_value("finish_reason", "finished")
    finish(spider.crawler)
    return out


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
