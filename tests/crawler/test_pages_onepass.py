"""Page reading in one walk of the tree (crawler/pages.py): the helpers it uses instead of
lxml.html's and of a whitespace regex give the same results as those did."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from lxml import html

from checklists.safetext import clean
from crawler.pages import drop_tree, parse_html, read_page, squash

# every white-space character Python knows, the controls clean() removes, Thai, Latin
_SPACES = "".join(chr(i) for i in range(0x3000 + 1) if chr(i).isspace())
_TEXT = st.text(alphabet=st.sampled_from(_SPACES + "\x00\x0b\x1c\u200b\u202eกขคabc .,"),
                max_size=60)


@given(_TEXT)
def test_squash_is_the_whitespace_regex(text: str) -> None:
    expected = re.sub(r"\s+", " ", clean(text.replace("\xa0", " "))).strip()
    assert squash(text) == expected


DOC = """<html><body><div id="a">one<script>x</script>tail-one<p>two</p>tail-two
<style>y</style></div><ul><li>first<template>z</template>after</li></ul></body></html>"""


def test_drop_tree_keeps_the_following_text_as_lxml_html_does() -> None:
    ours, theirs = parse_html(DOC), html.document_fromstring(DOC)
    for root in (ours, theirs):
        for tag in list(root.iter("script", "style", "template")):
            (drop_tree(tag) if root is ours else tag.drop_tree())
    assert html.tostring(ours) == html.tostring(theirs)
    assert "tail-one" in "".join(ours.itertext()) and "x" not in "".join(ours.itertext())


def test_breadcrumb_categories_and_tabs_read_in_the_same_walk() -> None:
    page = read_page("""<html><body>
    <div class="crumbs-wrap" aria-label="x"><ul><li>หน้าแรก</li><li>ITA 2569</li></ul></div>
    <nav aria-label="breadcrumb">second trail</nav>
    <ul class="nav-tabs"><li><a href="#o1-pane">O1 โครงสร้าง</a></li></ul>
    <div id="o1-pane"><a href="/o1.pdf">แผนผัง</a></div>
    <span class="cat-links"><a rel="category tag" href="/c/ita">ITA</a></span>
    <a rel=" tag " href="/t/2569">2569</a></body></html>""".encode(), "http://o.example/")
    assert page.breadcrumb == "หน้าแรก › ITA 2569"  # the first one in document order
    assert page.categories == ["ITA", "2569"]
    pdf = next(link for link in page.links if link.url.endswith("/o1.pdf"))
    assert pdf.section == "O1 โครงสร้าง"


# fragments of links and headings as pages write them: text, nested tags, comments, images
_PIECE = st.sampled_from(["", "กข", " ค ", "\u00a0a\u200b", "<span>ง</span>", "<!-- c -->",
                          "<img alt='รูป'>", "<img>", "<b> x <i>y</i></b>", "<?pi x?>",
                          "&amp; z", "<br>"])


@given(st.lists(_PIECE, max_size=5), st.sampled_from(["a", "h1", "li", "a title='t'"]))
def test_text_of_reads_every_element_as_its_itertext(pieces: list[str], tag: str) -> None:
    """text_of's shortcut for an element without child nodes, and _label's for a link
    without them, give what reading the element's text pieces gives."""
    from crawler.pages import _label, text_of
    name = tag.split()[0]
    root = parse_html(f"<html><body><{tag}>{''.join(pieces)}</{name}></body></html>")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        assert text_of(el) == squash(" ".join(el.itertext()))
        if el.tag == "a":
            parts = [squash(" ".join(el.itertext())), *(v for v in (el.get("title"),
                     el.get("aria-label")) if v),
                     *(i.get("alt") for i in el.iterdescendants("img") if i.get("alt"))]
            assert _label(el) == (parts[0] if len(parts) == 1 else
                                  squash(" ".join(p for p in parts if p)))
