"""A real-looking office site built from the ``test`` samples, served on 127.0.0.1 and audited
with the real command (issue 16, "Done when"): every item the site shows gets its evidence,
no news post, flip-book shell or unrelated page is taken as evidence, and the crawl reaches
the verdicts the benchmark's pure judging path reaches (tests/benchmarks/realworld.py), so the
benchmark's figures are what an office gets.

``test`` is never tuned to: the items whose evidence the audit does not find yet are listed in
:data:`NOT_YET` with the reason, as strict expected failures (one passing unexpectedly fails
the suite, so the list stays true); the benchmark reports the same gap as figures.  When the
corpus gains ``test`` samples (tests/realworld/add.py), or a change decided on ``dev`` evidence
alone (a rule, a label, the retrained wording model) lands, this list is re-measured once and
recorded both ways in the change's commit, never edited to hide a failure and never a reason to
change code (tests/realworld/README.md, "Measured").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler.demo import serve_directory
from tests.conftest import run_cli
from tests.realworld.sites import AS_OF, REFERENCE, Site, audit_site, one_site, site_files
from tests.realworld.split import load_samples

# Items of the test site whose evidence is not found (measured, never tuned to), and why.
# O2 left the list: found, measured after the target's own words needed the wording model's
# least reading (candidates._apply_model, precision25; main's ef3abf7 and 080d29b merged in
# the same tree), 2026-12-05; not looked into.
# O2 back in the list: fails, measured after the wording model was retrained on all 994 dev
# samples (corpus27: 117 dev samples more), 2026-12-05; not looked into.
# O26 into the list: fails, measured after the wording model was retrained on all 1231 dev
# samples (corpus28: 238 dev samples more, 237 of them items or negatives), 2026-12-05; not
# looked into.
# O18 into the list: the site shows O18 since corpus29's second batch added two test samples of
# it (s1589-s1640), and it fails, measured after that batch, 2026-12-05; not looked into.
# O2 left the list: found, measured after the wording model was retrained on all 1471 dev
# items and negatives (corpus30: 171 dev samples more, 169 of them items or negatives),
# 2026-12-05; not looked into.
# O2 back in the list: fails, measured after the wording model was retrained on all 1573 dev
# items and negatives (corpus32: 51 dev items more), 2026-12-05; not looked into (whether
# NEGATIVES_TAKEN's "O2: s0100 no longer taken" still holds was not checked).
# O17 into the list: the site shows O17 since corpus39's last batch added the first test sample
# of it (s2554, added unread beyond its search hit), and it fails, measured after that batch,
# 2026-12-06; not looked into.
# O38 left the list: found, measured after the wording model was retrained on all 2,140 dev
# items and negatives with candidates.vetoes_weak's `titled` (model42; the suite at 4ba1839e and
# this file again with main's corpus42 batch merged), 2026-12-06; not looked into.
# O16 into the list: fails, measured after corpus44's second batch added 24 test samples (2
# items, 22 negatives; added unread beyond their search hits; the suite at 078269de), 2026-12-07;
# not looked into.
# O7 left the list: found, measured after the wording model was retrained on all 2,372 dev
# items and negatives with candidates.vetoes_weak's `lead` (model44; the whole suite at
# 116a4ed1: the O7 XPASS the only failure, the crawl reaches the benchmark's verdicts),
# 2026-12-07; not looked into.
# O2 left the list: found, measured after the wording model was retrained on all 2,700 dev
# samples (corpus46's second batch: 59 dev samples more; the whole suite at 3c26d857, the O2
# XPASS the only failure), 2026-12-07; not looked into.
# O38 and O42 into the list: fail, measured after the wording model alone names an item off a
# Thai public body's host only from 0.7 (candidates.P_MODEL_OFF_PUBLIC, finder47; this site is
# served from 127.0.0.1, off the public domains; test_site.py at c7fdfe21), 2026-12-07; not
# looked into.
NOT_YET: dict[str, str] = {
    "O10": "a negative sample (s0196) wins by another wording since another wording in a "
           "sentence names nothing (matching.SENTENCE_WORDS, chosen on dev)",
    "O12": "missing: no code, title or wording the matcher and wording model know names it",
    "O16": "measured after corpus44's second batch added 24 test samples (2 items, 22 "
           "negatives; added unread beyond their search hits), 2026-12-07; not looked into",
    "O17": "measured after corpus39's last batch gave the site its first O17 sample (test, "
           "added unread beyond its search hit), 2026-12-06; not looked into",
    "O18": "measured after corpus29's second batch gave the site its first O18 samples "
           "(test, added unread beyond their search hits), 2026-12-05; not looked into",
    "O22": "measured after the wording model was retrained on all 835 dev samples with "
           "negatives weighted 4 (model22), 2026-12-04; not looked into",
    "O26": "measured after the wording model was retrained on all 1231 dev samples (corpus28's "
           "237 new ones in), 2026-12-05; not looked into",
    "O25": "the labelled policy page (s0698) is in English; the negative s0310 (a Thai HR "
           "scorecard slide deck) is taken for the item instead",
    "O38": "measured after the wording model alone names an item off a public body's host "
           "only from 0.7 (candidates.P_MODEL_OFF_PUBLIC, finder47), 2026-12-07; not looked "
           "into",
    "O42": "measured after the wording model alone names an item off a public body's host "
           "only from 0.7 (candidates.P_MODEL_OFF_PUBLIC, finder47), 2026-12-07; not looked "
           "into",
    "O34": "an executive's activity page (s0140, labelled O35) is taken for the integrity "
           "pledge, judged stale, instead of the news of the declaration (s0757)",
}
# Negative samples still taken as evidence (item: sample), measured the same way.
NEGATIVES_TAKEN = ("O10: s0196, O18: s0215, O25: s0310, O32: s0623 "
                   "(other wording, "
                   "wording model, or content the wording model reads as the item; O26: s0865 "
                   "no longer taken, measured after the wording model was retrained on all 848 "
                   "dev samples with word pairs held back (model23), 2026-12-04; O2: s0100 no "
                   "longer taken, since O2 now gets its labelled page, measured after "
                   "precision25's content floor, 2026-12-05; the others not re-read: the check "
                   "still fails; not looked into)")


@dataclass
class Crawled:
    site: Site
    items: dict[str, tuple[str, str | None]]  # code -> (verdict, evidence URL)
    pure: dict[str, tuple[str, str | None]]


def _write(root: Path, files: dict[str, str]) -> None:
    for path, body in files.items():
        target = root / ("index.html" if path == "/" else path.lstrip("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")


def _shown() -> list[str]:
    site = one_site(load_samples(), "test", "http://unused.example/")
    return sorted(site.labelled(), key=lambda c: int(c[1:]))


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Crawled:
    """The test site crawled and judged once by ``oit-audit audit``."""
    tmp = tmp_path_factory.mktemp("realworld-site")
    samples = load_samples()
    root = tmp / "site"
    _write(root, site_files(one_site(samples, "test", "http://unused.example/")))
    with serve_directory(root) as base:
        site = one_site(samples, "test", base)
        result = run_cli("audit", base, "--as-of", AS_OF.isoformat(), "--checklist", REFERENCE,
                         "--no-external", out_dir=tmp / "out")
        assert result.code in (0, 1), result.stderr[-2000:]
        items = {i["code"]: (i["verdict"], i["evidence"][0]["url"] if i["evidence"] else None)
                 for i in result.report["items"]}
    pure = {r.item.code: (r.verdict, r.evidence[0].url if r.evidence else None)
            for r in audit_site(site).results}
    return Crawled(site, items, pure)


# The reasons pytest prints (`-ra`, in every suite run) only point to the records above: what a
# `test` item's failure looks like is kept out of the output that people tuning on `dev` read.
_SHOWN_REASON = "measured on the site of test samples; recorded in test_site.py, not looked into"


@pytest.mark.parametrize("code", [
    pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=f"{c}: {_SHOWN_REASON}"))
    if c in NOT_YET else c for c in _shown()])
def test_every_item_the_site_shows_gets_its_evidence(crawled, code):
    verdict, url = crawled.items[code]
    want = crawled.site.labelled()[code]
    assert verdict != "missing" and url in want, f"{code}: {verdict} {url}, want {sorted(want)}"


@pytest.mark.xfail(strict=True, reason=f"NEGATIVES_TAKEN: {_SHOWN_REASON}")
def test_no_negative_sample_is_taken_as_evidence(crawled):
    negatives = crawled.site.negatives()
    taken = {c: url for c, (verdict, url) in crawled.items.items()
             if verdict != "missing" and url in negatives}
    # every one named (pytest shortens a dict): what NEGATIVES_TAKEN records is read from this
    assert not taken, ", ".join(f"{c}: {url.rsplit('/', 1)[-1].removesuffix('.html')}"
                                for c, url in sorted(taken.items(), key=lambda cu: int(cu[0][1:])))


def test_the_crawl_reaches_the_benchmarks_verdicts(crawled):
    disagree = {c: (crawled.items[c], crawled.pure[c]) for c in crawled.pure
                if (crawled.items[c][0] == "missing") != (crawled.pure[c][0] == "missing")
                or crawled.items[c][0] != "missing" and crawled.items[c][1] != crawled.pure[c][1]}
    assert not disagree
