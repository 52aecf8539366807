"""The benchmark's sites crawl what a real audit of the hub's host crawls (issue 16,
precision29): the crawler's scope is the start URL's host, www or not; a page on a sibling
sub-domain is an external link, checked and read as the spider records one."""

from __future__ import annotations

from tests.realworld.sites import EXTERNAL_TEXT, build_sites, snapshot_of
from tests.realworld.split import Sample


def _sample(n: int, url: str, text: str, tmp_path, kind: str = "item", topic: str = "O7",
            domain: str = "office.go.th") -> Sample:
    path = tmp_path / f"s{n}.txt"
    path.write_text(text, encoding="utf-8")
    return Sample(f"s{n}", url, domain, "department", "none", "", topic, kind, "dev", str(path))


def test_the_hub_sits_on_the_home_host_and_a_sibling_host_is_external(tmp_path):
    long = "ข่าวประชาสัมพันธ์\n" + "กิจกรรม " * 600
    samples = [_sample(1, "http://unit.office.go.th/news/1", long, tmp_path),
               _sample(2, "https://www.office.go.th/news/2", long, tmp_path),
               _sample(3, "http://unit.office.go.th/files/plan.pdf", "แผน\nปี 2569", tmp_path,
                       topic="O10"),
               _sample(4, "https://office.go.th/files/report.pdf", "รายงาน\nปี 2568", tmp_path,
                       topic="O12")]
    (site,) = build_sites(samples, "dev")
    assert site.base == "https://www.office.go.th/"  # the first sample on the domain's host
    records = {r.url: r for r in snapshot_of(site).records[1:]}
    away, home = records["http://unit.office.go.th/news/1"], records[samples[1].url]
    assert (away.kind, home.kind) == ("external", "page")
    assert len(away.text) == EXTERNAL_TEXT < len(home.text)
    assert away.title == home.title == "ข่าวประชาสัมพันธ์"  # read as a page's
    doc_away, doc_home = records[samples[2].url], records[samples[3].url]
    assert (doc_away.kind, doc_away.text) == ("external", "")  # a file off the site: no text
    assert (doc_home.kind, doc_home.text) == ("document", "รายงาน\nปี 2568")


def test_a_domain_without_a_page_on_its_own_host_keeps_the_first_samples_host(tmp_path):
    samples = [_sample(1, "http://a.office.go.th/x", "ก", tmp_path),
               _sample(2, "http://b.office.go.th/y", "ข", tmp_path)]
    (site,) = build_sites(samples, "dev")
    assert site.base == "http://a.office.go.th/"
    kinds = [r.kind for r in snapshot_of(site).records[1:]]
    assert kinds == ["page", "external"]

