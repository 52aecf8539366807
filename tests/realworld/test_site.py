"""A real-looking office site built from the ``test`` samples, served on 127.0.0.1 and audited
with the real command: the crawl reaches the verdicts the benchmark's pure judging path reaches
(tests/benchmarks/realworld.py), so the benchmark's figures are what an office gets.

How many of the site's items get the right evidence is the benchmark's figure (measured, not
asserted: ``test`` is never tuned to); this test holds the crawl to the judging path."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli
from tests.realworld.sites import AS_OF, REFERENCE, audit_site, one_site, site_files
from tests.realworld.split import load_samples


def _write(root: Path, files: dict[str, str]) -> None:
    for path, body in files.items():
        target = root / ("index.html" if path == "/" else path.lstrip("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")


def test_test_samples_site_gets_the_benchmarks_verdicts(tmp_path, serve):
    samples = load_samples()
    root = tmp_path / "site"
    _write(root, site_files(one_site(samples, "test", "http://unused.example/")))
    base = serve(root)
    site = one_site(samples, "test", base)
    result = run_cli("audit", base, "--as-of", AS_OF.isoformat(), "--checklist", REFERENCE,
                     "--no-external", out_dir=tmp_path / "out")
    assert result.code in (0, 1), result.stderr[-2000:]
    crawled = {i["code"]: (i["verdict"], i["evidence"][0]["url"] if i["evidence"] else None)
               for i in result.report["items"]}
    pure = {r.item.code: (r.verdict, r.evidence[0].url if r.evidence else None)
            for r in audit_site(site).results}
    # the crawl and the pure judging path agree on every item's evidence
    disagree = {c: (crawled[c], pure[c]) for c in pure
                if (crawled[c][0] == "missing") != (pure[c][0] == "missing")
                or crawled[c][0] != "missing" and crawled[c][1] != pure[c][1]}
    assert not disagree
    # the same items are right, and the same negatives taken, through the crawl
    labelled, negatives = site.labelled(), site.negatives()
    right = {c for c, urls in labelled.items() if crawled[c][1] in urls}
    assert right == {c for c, urls in labelled.items() if pure[c][1] in urls}
    assert {c for c, (_, url) in crawled.items() if url in negatives} == \
        {c for c, (_, url) in pure.items() if url in negatives}
