"""The network bytes of a response's headers (crawler/netstats.py, issue 13, crawl48)."""

from __future__ import annotations

from scrapy.http import Headers

from crawler.netstats import STATUS_LINE_BYTES, header_bytes


def _as_sent(headers: Headers) -> int:
    """The status line, each ``Name: value\\r\\n`` as Scrapy's ``Headers.items()`` gives
    them, and the blank line: what the count stood for before crawl48."""
    size = STATUS_LINE_BYTES + 2
    for name, values in headers.items():
        for value in values:
            size += len(name) + len(value) + 4
    return size


def test_header_bytes_count_every_value_of_every_name_as_sent() -> None:
    headers = Headers({"Content-Type": "text/html; charset=utf-8", "ETag": '"abc"'})
    headers.appendlist("Set-Cookie", "a=1")
    headers.appendlist("Set-Cookie", "b=22; Path=/")
    headers[b"content-length"] = b"1234"
    raw = b"".join(name + b": " + value + b"\r\n" for name, values in headers.items()
                   for value in values)
    assert header_bytes(headers) == _as_sent(headers) == STATUS_LINE_BYTES + len(raw) + 2


def test_no_headers_are_the_status_line_and_blank_line() -> None:
    assert header_bytes(Headers()) == STATUS_LINE_BYTES + 2
