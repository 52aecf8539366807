"""robots.txt keeping the crawler out of the ITA section: never "missing", and said so.

The hostile site's ITA page (/ita/) carries links for O1 to O9; with ``Disallow: /ita/`` the
crawler may read only the home page.  Each item is ``unverified`` with "not checked:
robots.txt disallows /ita/" (Thai first), the summary lists the disallowed part and the run
status is ``incomplete``.  With --ignore-robots the same items are judged on what /ita/ holds.
"""

from __future__ import annotations

import pytest

from reports import write_reports
from tests.conftest import run_cli
from tests.hostile.server import serve_hostile

ROBOTS = "User-agent: *\nDisallow: /ita/\nDisallow: /wp-admin/\n"


@pytest.fixture(scope="module")
def robots_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-robots")
    with serve_hostile(robots=ROBOTS) as site:
        root = site.url.removesuffix("net/")
        result = run_cli("audit", root, "--as-of", "2026-05-15", "--no-history", out_dir=out)
        asked = site.seen.paths()
    assert result.code == 1, result.stdout + result.stderr
    return result.report, asked


def test_the_disallowed_section_was_not_fetched(robots_report):
    _, asked = robots_report
    assert "/robots.txt" in asked and not any(p.startswith("/ita/") for p in asked)


def test_no_item_is_called_missing(robots_report):
    report, _ = robots_report
    verdicts = {i["code"]: i["verdict"] for i in report["items"]}
    assert "missing" not in verdicts.values()
    assert verdicts["O1"] == "unverified"


def test_each_item_says_robots_kept_the_crawler_out(robots_report):
    report, _ = robots_report
    item = next(i for i in report["items"] if i["code"] == "O4")
    assert item["reason"].startswith("ยังไม่ได้ตรวจ: robots.txt") and "/ita/" in item["reason"]
    assert item["reason_en"] == "not checked: robots.txt disallows /ita/"


def test_the_run_is_incomplete_and_the_summary_says_why(robots_report):
    report, _ = robots_report
    assert report["status"] == "incomplete"
    assert report["summary"]["robots_disallowed"] == ["/ita/"]
    assert "/ita/" in report["message"]["th"] and report["message"]["cause"] == "robots"


def test_every_report_format_says_incomplete(robots_report, tmp_path):
    report, _ = robots_report
    write_reports(report, tmp_path, lang="th")
    for name in ("report.html", "report.md"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "ตรวจไม่ครบ" in text and "/ita/" in text, name


def test_ignore_robots_judges_the_section(tmp_path):
    with serve_hostile(robots=ROBOTS) as site:
        root = site.url.removesuffix("net/")
        result = run_cli("audit", root, "--as-of", "2026-05-15", "--no-history",
                         "--ignore-robots", out_dir=tmp_path)
    assert result.report["status"] == "complete"
    assert "robots" not in result.report["items"][0]["reason_en"]
