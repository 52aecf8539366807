"""Scrapy's scheduler with the ``JOBDIR`` queue kept in memory while the crawl runs, and
written to disk when it stops.

With ``JOBDIR`` Scrapy's scheduler writes every request to its disk queue as it is
scheduled and reads it back before it is fetched (a dict, pickled, appended to a file,
read, unpickled, a new request built from it): about 2 % of a first audit's CPU on the
generated office site (tests/benchmarks/crawl.py), which the plain crawl does not pay.
What the queue on disk is for here is ``--resume``, and a crawl is resumed only after a
clean stop (``crawler.nightly.runner.NightlyRun.resumable``: a crash or ``kill -9`` leaves
no saved spider state, and that run starts again), when Scrapy closes the scheduler. So
requests wait in the memory queue, as in a crawl without ``JOBDIR``, and
:meth:`AuditScheduler.close` writes those still waiting to the disk queue, in the order
they would have been fetched; :meth:`AuditScheduler.open` takes a saved queue back into
memory in that order. A request that cannot be written (a callback that is not a spider
method) stays in memory, as with Scrapy's own scheduler, and is lost at a stop as there.
"""

from __future__ import annotations

from typing import Any

from scrapy.core.scheduler import Scheduler


def move_requests(source: Any, target: Any) -> tuple[int, int]:
    """Pop every request of the priority queue ``source`` (best first, first in first
    out within a priority) and push it to ``target``: (moved, refused by ``target``)."""
    moved = refused = 0
    while (request := source.pop()) is not None:
        try:
            target.push(request)
        except ValueError:  # not serializable: Scrapy's disk queue refuses it
            refused += 1
        else:
            moved += 1
    return moved, refused


class AuditScheduler(Scheduler):
    """:class:`scrapy.core.scheduler.Scheduler` whose disk queue is written at close only."""

    def open(self, spider: Any) -> Any:
        opened = super().open(spider)
        if self.dqs is not None:  # a resumed crawl: what was saved waits in memory again
            move_requests(self.dqs, self.mqs)
        return opened

    def close(self, reason: str) -> Any:
        if self.dqs is not None:  # stopped with requests waiting: kept for --resume
            _, refused = move_requests(self.mqs, self.dqs)
            if refused and self.stats is not None:
                self.stats.inc_value("scheduler/unserializable", refused)
        return super().close(reason)

    def _dqpush(self, request: Any) -> bool:
        return False  # the memory queue, until close
