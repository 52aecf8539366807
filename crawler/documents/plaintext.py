"""Plain text, CSV and HTML bodies (e.g. a Google Docs txt/csv export)."""

from __future__ import annotations

import codecs
from html.parser import HTMLParser

from .model import DocText, result
from .normalize import normalize_thai

_SKIP = {"script", "style", "noscript", "template", "svg", "head"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
          "article", "header", "footer", "ul", "ol", "title"}


def decode(data: bytes) -> str:
    """Decode with a BOM, else UTF-8, else Thai Windows-874 (a superset of TIS-620)."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp874", "replace")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):  # noqa: D102
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag):  # noqa: D102
        if tag in _SKIP and self.skip:
            self.skip -= 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):  # noqa: D102
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML document (scripts, styles and head dropped)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def extract_plain(data: bytes, kind: str) -> DocText:
    """Text or HTML bytes -> DocText (method 'text')."""
    text = decode(data)
    if kind == "html":
        text = html_to_text(text)
    text = normalize_thai(text)
    return result(text, 1, "text", "ok" if text else "empty")
