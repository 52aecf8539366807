"""tests/benchmarks/feature_screen.py reads each ``dev`` sample as the run time reads the
generated site's hub link to it (issue 16, model24: a screen of features the wording model
does not read yet)."""

from __future__ import annotations

from checklists.candidates import _model_parts
from checklists.targets import Target
from tests.benchmarks.feature_screen import link_features, read_parts, url_features
from tests.realworld.sites import build_sites, snapshot_of
from tests.realworld.split import load_samples


def test_read_parts_are_the_run_times_parts_of_every_dev_link() -> None:
    samples = [s for s in load_samples() if s.split == "dev"]
    compared = 0
    for site in build_sites(samples, "dev"):
        snap = snapshot_of(site)
        hub, records = snap.records[0], {r.url: r for r in snap.records[1:]}
        by_url = {site.url_of(s): s for s in site.samples}
        for link in hub.links:
            rec = records[link["url"]]
            target = Target(
                0, True, False, False, False, False, rec.title, tuple(rec.headings), rec.text
            )
            assert read_parts(by_url[link["url"]]) == _model_parts(link, target)
            compared += 1
    assert compared == len([s for s in samples if s.kind in ("item", "negative")])


def test_url_words_are_letters_of_the_decoded_path_and_query() -> None:
    got = url_features("https://a.go.th/news/detail/549?cat=%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7")
    assert got == ["u:news", "u:detail", "u:cat", "u:ข่าว"]


def test_link_words_are_kept_apart_from_the_text_words() -> None:
    got = link_features("แผนปฏิบัติการ แผนปฏิบัติการ")
    assert got and all(f.startswith("l:") for f in got)
    assert len(got) == 2 * len(set(got))  # each word as often as the text has it


def test_the_screen_reads_features_as_training_asks_them() -> None:
    """train_matcher.fit asks ``_features(text, glossed)``; the screen's stand-in takes the same
    arguments and adds its extra features to the plain ones (model45 found it crashing)."""
    from checklists import train_matcher
    from tests.benchmarks.feature_screen import Screen

    screen = Screen()
    text = "คู่มือการปฏิบัติงาน"
    screen.extra[text] = ["u:manual"]
    for glossed in (0, 1):
        plain = dict(train_matcher._features(text, glossed))
        got = dict(screen._features(text, glossed))
        assert got.pop("u:manual") == 1
        assert got == plain
