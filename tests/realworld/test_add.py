"""add.py's duplicate check: one page in two spellings (split.url_key, split.same_page)."""

from __future__ import annotations

import io
import json
import re

import pytest

from tests.realworld import add
from tests.realworld.split import COLUMNS, load_samples, same_page, split_of, url_key

THAI = "https://www.banna.go.th/ข่าว/ประกาศ"
ENCODED = ("http://WWW.BanNa.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/"
           "%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8/")


@pytest.mark.parametrize("other", [
    ENCODED,                                            # percent-encoded, case, scheme, slash
    ENCODED.replace("%E0%B8%82", "%25E0%25B8%2582"),    # one letter encoded twice
    THAI + "#top",                                      # a fragment
    "https://banna.go.th:443/ข่าว/ประกาศ",            # no www., the default port
    "https://www.banna.go.th/ข่าว/ประ...",            # cut short, an ellipsis
    "https://www.banna.go.th/ข่าว/ประ\u2026",         # cut short, one ellipsis character
    ENCODED.removesuffix("B0%E0%B8%81%E0%B8%B2%E0%B8%A8/"),   # cut inside an escape
    ENCODED.removesuffix("%B0%E0%B8%81%E0%B8%B2%E0%B8%A8/"),  # cut inside a letter's bytes
])
def test_spellings_of_one_page_match(other):
    assert same_page(other, THAI)
    assert same_page(THAI, other)


@pytest.mark.parametrize("url, other", [
    ("http://ktltc.ac.th/ITA/02", "http://ktltc.ac.th/ITA/025"),     # a whole address, a prefix
    ("http://ktltc.ac.th/ITA", "http://ktltc.ac.th/ITA/09"),
    ("https://a.go.th/index.php?id=12", "https://a.go.th/index.php?id=123"),
    ("https://a.go.th/index.php?id=12", "https://a.go.th/index.php"),
    ("https://a.go.th/news/1", "https://b.go.th/news/1"),
    ("https://a.go.th/News/1", "https://a.go.th/news/1"),             # paths keep their case
    ("https://a.go.th:8080/news", "https://a.go.th/news"),
    ("https://a.go.th/ข่าว/ประ...", "https://a.go.th/ข่าว/ข้อมูล"),       # cut, not a prefix
])
def test_other_pages_do_not_match(url, other):
    assert not same_page(url, other)
    assert not same_page(other, url)


def test_key_of_a_thai_host_is_its_punycode():
    assert url_key("https://เทศบาล.com/a/")[0] == url_key("http://xn--o3cg7ak5c9d.com/a")[0]
    assert url_key("https://a.go.th/x...") == ("a.go.th/x", True)
    assert url_key("https://A.go.th/x/#f") == ("a.go.th/x", False)


def _table(tmp_path, urls):
    table = tmp_path / "samples.tsv"
    lines = ["\t".join(COLUMNS)]
    for n, url in enumerate(urls, start=1):
        domain = url.split("/")[2].removeprefix("www.")
        lines.append("\t".join([f"s{n:04d}", url, domain, "esa", "none", "", "", "negative",
                                split_of(domain), f"samples/s{n:04d}.txt"]))
        (tmp_path / "samples").mkdir(exist_ok=True)
        (tmp_path / "samples" / f"s{n:04d}.txt").write_text("x\n", encoding="utf-8")
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return table


def test_append_skips_a_page_already_recorded(tmp_path):
    table = _table(tmp_path, [THAI])
    new = [{"url": ENCODED, "agency_type": "local_admin", "kind": "negative", "excerpt": "a"},
           {"url": "https://sesao1.go.th/ita", "agency_type": "esa", "topic": "O5",
            "excerpt": "ติดต่อเรา"}]
    log = io.StringIO()
    added = add.append(io.StringIO("\n".join(json.dumps(r) for r in new)), table,
                       tmp_path / "samples", log)
    assert added == 1
    assert f"skip recorded {ENCODED}" in log.getvalue()
    rows = load_samples(table)
    assert [(r.id, r.url, r.domain, r.split) for r in rows][1:] == [
        ("s0002", "https://sesao1.go.th/ita", "sesao1.go.th", "dev")]
    assert (tmp_path / "samples" / "s0002.txt").read_text(encoding="utf-8") == "ติดต่อเรา\n"


def test_append_names_no_earlier_id_when_it_skips(tmp_path):
    """A skipped page is said "recorded" without the earlier row's id: that row may be a
    `test` row (wordpress.com is `test` by the split rule), whose id is not given out."""
    table = _table(tmp_path, ["https://wordpress.com/a", THAI])
    log = io.StringIO()
    new = {"url": "http://wordpress.com/a/", "agency_type": "other", "kind": "negative",
           "excerpt": "a"}
    assert add.append(io.StringIO(json.dumps(new)), table, tmp_path / "samples", log) == 0
    said = log.getvalue()
    assert "skip recorded http://wordpress.com/a/" in said
    assert not re.search(r"s\d{4}", said.replace("added 0, total 2", ""))
    assert [r.id for r in load_samples(table)] == ["s0001", "s0002"]


def test_check_report_counts_test_pairs_without_their_ids(tmp_path):
    assert split_of("banna.go.th") == "dev" and split_of("wordpress.com") == "test"
    table = _table(tmp_path, [THAI, "https://wordpress.com/a", ENCODED, "http://wordpress.com/a/"])
    assert add.check_report(table) == {"dev": 1, "test": 1, "dev_pairs": [("s0003", "s0001")]}


def test_the_table_names_each_page_once():
    assert add.check_report() == {"dev": 0, "test": 0, "dev_pairs": []}
