"""Item pipeline: each record of a shared crawl also goes to Redis, so that the worker that
continues an office after another stopped judges the whole crawl.

Settings: ``OIT_REDIS_RECORDS_KEY`` (a list; unset: NotConfigured), ``OIT_REDIS_INFLIGHT_KEY``
(the request is no longer in flight once its record is stored), ``REDIS_URL``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from scrapy_redis.connection import get_redis_from_settings

from checklists.site.records import PageRecord
from crawler.component import switched_on


@dataclass(frozen=True, eq=False)  # a component: compared by identity
class RedisRecordsPipeline:
    """RPUSH every PageRecord (as JSON) to the office's records list."""

    server: Any
    records_key: str
    inflight_key: str

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedisRecordsPipeline:
        s = switched_on(crawler, "OIT_REDIS_RECORDS_KEY", flag=False)
        return cls(get_redis_from_settings(s), s.get("OIT_REDIS_RECORDS_KEY"),
                   s.get("OIT_REDIS_INFLIGHT_KEY"))

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageRecord):
            pipe = self.server.pipeline()
            pipe.rpush(self.records_key, json.dumps(item.as_dict(), ensure_ascii=False))
            pipe.hdel(self.inflight_key, item.url)
            pipe.execute()
        return item
