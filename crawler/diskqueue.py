"""Scrapy's pickled FIFO disk queue (``JOBDIR``, what ``--resume`` continues), without its
search for the callbacks' names.

``Request.to_dict(spider=...)`` finds the name of a request's callback and errback with
``inspect.getmembers(spider)``, which reads every attribute of the spider (its properties
included) and sorts them: about 0.3 ms per request, twice, a tenth of a plain crawl's CPU per
response on the generated office site (tests/benchmarks/crawl.py). A bound method of the
spider carries its own name: it is checked to be the spider's method of that name, and
Scrapy's search runs only for a callback that is not. The dict is Scrapy's own
(``Request.to_dict``), read back by Scrapy (``request_from_dict``).
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.squeues import PickleFifoDiskQueue


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
        super(PickleFifoDiskQueue, self).push(request_dict(request, self.spider))
