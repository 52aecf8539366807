"""Item pipeline: each record of a shared crawl also goes to Redis, so that the worker that
continues an office after another stopped judges the whole crawl.

Settings: ``OIT_REDIS_RECORDS_KEY`` (a list; unset: NotConfigured), ``OIT_REDIS_INFLIGHT_KEY``
(the request is no longer in flight once its record is stored), ``REDIS_URL``.  Its calls go
through the crawl's line (``crawler.distributed.scheduler.Line``: tried again while Redis
stalls, from a thread once a read has timed out, in order behind the crawl's pushes), so a
record sent again is pushed once; and under the office's lease (nightly49): a worker that
lost it stores no record (``crawler.distributed.jobs.fenced``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from scrapy_redis.connection import get_redis_from_settings
from twisted.internet.defer import Deferred

from checklists.site.records import PageRecord
from crawler.component import switched_on
from crawler.distributed.jobs import Fence, fenced
from crawler.distributed.scheduler import Again, Line

# KEYS: the records list, the in-flight hash; ARGV: the record, its URL, '1' for a try sent
# again (after a read that timed out: the first may have been done).  Pushed and taken out
# of flight together; a try sent again pushes the record only when it is not among the
# list's last entries already (none of this office's other records can come between: they
# are sent in order, on the reactor or after this call in the crawl's Line).
_RECORDED = fenced("""
if ARGV[3] ~= '1' or not redis.call('LPOS', KEYS[1], ARGV[1], 'RANK', -1, 'MAXLEN', 64) then
  redis.call('RPUSH', KEYS[1], ARGV[1])
end
redis.call('HDEL', KEYS[2], ARGV[2])
""")


@dataclass(frozen=True, eq=False)  # a component: compared by identity
class RedisRecordsPipeline:
    """RPUSH every PageRecord (as JSON) to the office's records list."""

    server: Any
    records_key: str
    inflight_key: str
    line: Line = field(default_factory=Line)  # the crawl's (its scheduler's too)
    fence: Fence = field(default_factory=Fence)  # the lease its records are stored under
    recorded: Any = field(init=False, repr=False)  # the _RECORDED script on ``server``

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedisRecordsPipeline:
        s = switched_on(crawler, "OIT_REDIS_RECORDS_KEY", flag=False)
        return cls(get_redis_from_settings(s), s.get("OIT_REDIS_RECORDS_KEY"),
                   s.get("OIT_REDIS_INFLIGHT_KEY"), Line.of(crawler), Fence.from_settings(s))

    def __post_init__(self) -> None:
        object.__setattr__(self, "recorded", self.server.register_script(_RECORDED))

    def process_item(self, item: Any) -> Any:
        """``item``, or a Deferred of it once its record is on Redis (a stall's)."""
        if isinstance(item, PageRecord):
            line = json.dumps(item.as_dict(), ensure_ascii=False)
            stored = self.line.made(Again(lambda again: self.fence.call(
                self.recorded, [self.records_key, self.inflight_key],
                [line, item.url, "1" if again else "0"])))
            if isinstance(stored, Deferred):
                return stored.addCallback(lambda _: item)
        return item
