"""The seed office's site (tests/sites/seed_office) is reported with the seed's own figures:
indicator 9 = 75.92, indicator 10 = 93.75, OIT 33.93 of 40, total 91.50 with its IIT and EIT,
band A (../shared/reference/ita-oit.md, "Scoring")."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.demo import serve_directory
from tests.conftest import run_cli
from tests.sites.seed_office.build import AS_OF, FAILING

SITE = Path(__file__).resolve().parents[1] / "sites" / "seed_office" / "site"


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    with serve_directory(SITE) as url:
        result = run_cli("audit", url, "--as-of", AS_OF, "--checklist", "obec-oit-2564",
                         "--iit", "28.38", "--eit", "29.19", "--no-external", "--full",
                         out_dir=out)
    assert result.code == 1, result.stderr  # gaps found
    return result


def test_the_seeds_weak_items_fail_and_nothing_else(seed_report):
    verdicts = seed_report.verdicts()
    assert len(verdicts) == 43
    failing = {code for code, verdict in verdicts.items() if verdict != "pass"}
    assert failing == set(FAILING), {c: verdicts[c] for c in failing ^ set(FAILING)}


def test_the_seeds_published_figures(seed_report):
    s = seed_report.report["summary"]
    assert s["indicator9_estimate"] == 75.92 and s["indicator10_estimate"] == 93.75
    assert s["oit"] == {"percent": pytest.approx(84.84, abs=0.01), "points": 33.93,
                        "weight": 40}
    assert s["total"]["total"] == 91.5 and s["band"]["label"] == "A"
    assert s["band_basis"] == "total"
    assert "91.50 ระดับ A" in seed_report.stdout  # the terminal says it too
    checklist = seed_report.report["checklist"]
    assert checklist["id"] == "obec-oit-2564" and checklist["provisional"] is False
