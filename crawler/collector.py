"""The cyclic garbage collector while a process starts.

Starting a crawl (the command's modules imported, about 1,200 of them for a batch; the
checklists, matchers and wording model loaded; Scrapy's first crawler built) allocates
millions of objects that all live as long as the process, and Python's collector, run every
700 container allocations, walked them again and again: in run 2 of
``tests/benchmarks/nightly_rerun.py --latency 0 --rate 0 --batch 5`` (a nightly re-audit of
five unchanged sites, one batch process) about 250 young, 22 middle and 2 full collections
before the first request, 0.12 CPU-s of the batch process's 1.8 (2026-12-04, gc.callbacks).
Those walks find almost nothing (about 2,000 objects of cyclic garbage in all), so the
collector is held back while a process starts, until what was loaded is frozen out of its
walks (``gc.freeze``: once the command's modules are imported, ``crawler.cli.entry``; once a
crawl is set up, :func:`crawler.run.settle_start_up`), and then runs again.  Python's
documentation of ``gc.freeze`` gives this order for a process that forks workers, as a batch
forks its judging worker: disable early in the parent, freeze, enable in the children
(``crawler.batch.judgeworker``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def held(*, settle: bool = False) -> Iterator[None]:
    """No cyclic collection inside the block; the collector as it was after it (also when
    the block raises).  ``settle``: what is alive when the block ends lives as long as the
    process (a command's modules), so it is frozen out of the collector's walks
    (``gc.freeze``) before the collector runs again: its first collection would otherwise
    walk every object the block allocated."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if settle:
            gc.freeze()
    finally:
        if enabled:
            gc.enable()
