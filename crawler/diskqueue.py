"""Scrapy's pickled FIFO disk queue (``JOBDIR``, what ``--resume`` continues), without its
search for the callbacks' names.

``Request.to_dict(spider=...)`` finds the name of a request's callback and errback with
``inspect.getmembers(spider)``, which reads every attribute of the spider (its properties
included) and sorts them: about 0.3 ms per request, twice, a tenth of a plain crawl's CPU per
response on the generated office site (tests/benchmarks/crawl.py). A bound method of the
spider carries its own name: it is checked to be the spider's method of that name, and
Scrapy's search runs only for a callback that is not. The dict is Scrapy's own
(``Request.to_dict``), read back by Scrapy (``request_from_dict``).

A request's fingerprints (worked out by the duplicate filter when it was queued) go with it
and are given back to the request read from the queue: the HTTP cache asks for the
fingerprint again, and Scrapy keeps fingerprints per request object (a new one comes out of
the queue), so every request's was worked out twice (2.4% of an audit's CPU, issue 13).
The request read back has the same method, URL, body and headers, hence the same
fingerprints.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.squeues import PickleFifoDiskQueue
from scrapy.utils import request as scrapy_request
from scrapy.utils.request import request_from_dict

# Scrapy's own per-request store of fingerprints (by include_headers, keep_fragments and
# verbatim_url); None if a later Scrapy drops it: then they are worked out again, as before
_FINGERPRINTS = getattr(scrapy_request, "_fingerprint_cache", None)
_KEY = "_oit_fingerprints"


def method_name(spider: Any, func: Any) -> str | None:
    """The name under which ``spider`` has the bound method ``func`` (None: it is no
    method of the spider under its own name)."""
    name = getattr(func, "__name__", "")
    own = getattr(func, "__func__", None)
    if own is None or getattr(func, "__self__", None) is not spider:
        return None
    bound = getattr(spider, name, None)
    return name if getattr(bound, "__func__", None) is own else None


def request_dict(request: Request, spider: Any) -> dict[str, Any]:
    """``request.to_dict(spider=spider)``, the same dict, found without ``inspect``."""
    callback, errback = request.callback, request.errback
    names = [method_name(spider, f) if f is not None else None for f in (callback, errback)]
    if any(f is not None and n is None for f, n in zip((callback, errback), names,
                                                        strict=True)):
        return request.to_dict(spider=spider)  # a callable of another kind: Scrapy's search
    request.callback = request.errback = None  # to_dict leaves None as it is
    try:
        data = request.to_dict()
    finally:
        request.callback, request.errback = callback, errback
    data["callback"], data["errback"] = names
    return data


class AuditDiskQueue(PickleFifoDiskQueue):  # type: ignore[misc,valid-type]
    """``scrapy.squeues.PickleFifoDiskQueue`` with :func:`request_dict`."""

    def push(self, request: Request) -> None:
        # past PickleFifoDiskQueue's own push (which calls to_dict): pickled and written
        data = request_dict(request, self.spider)
        prints = _FINGERPRINTS.get(request) if _FINGERPRINTS is not None else None
        if prints:
            data[_KEY] = dict(prints)
        super(PickleFifoDiskQueue, self).push(data)

    def pop(self) -> Request | None:
        # past PickleFifoDiskQueue's own pop (which calls request_from_dict): read back
        data = super(PickleFifoDiskQueue, self).pop()
        if not data:
            return None
        prints = data.pop(_KEY, None)
        request = request_from_dict(data, spider=self.spider)
        if prints and _FINGERPRINTS is not None:
            _FINGERPRINTS[request] = prints
        return request

    def peek(self) -> Request | None:
        data = super(PickleFifoDiskQueue, self).peek()
        if not data:
            return None
        return request_from_dict({k: v for k, v in data.items() if k != _KEY},
                                 spider=self.spider)
