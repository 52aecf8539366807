"""Item pipeline: each record of a shared crawl also goes to Redis, so that the worker that
continues an office after another stopped judges the whole crawl.

Settings: ``OIT_REDIS_RECORDS_KEY`` (a list; unset: NotConfigured), ``OIT_REDIS_INFLIGHT_KEY``
(the request is no longer in flight once its record is stored), ``REDIS_URL``.
"""

from __future__ import annotations

import json
from typing import Any

from scrapy.exceptions import NotConfigured
from scrapy_redis.connection import get_redis_from_settings

from checklists.site.records import PageRecord


class RedisRecordsPipeline:
    """RPUSH every PageRecord (as JSON) to the office's records list."""

    def __init__(self, server: Any, records_key: str, inflight_key: str) -> None:
        self.server = server
        self.records_key = records_key
        self.inflight_key = inflight_key

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedisRecordsPipeline:
        s = crawler.settings
        if not s.get("OIT_REDIS_RECORDS_KEY"):
            raise NotConfigured("OIT_REDIS_RECORDS_KEY is empty")
        return cls(get_redis_from_settings(s), s.get("OIT_REDIS_RECORDS_KEY"),
                   s.get("OIT_REDIS_INFLIGHT_KEY"))

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageRecord):
            pipe = self.server.pipeline()
            pipe.rpush(self.records_key, json.dumps(item.as_dict(), ensure_ascii=False))
            pipe.hdel(self.inflight_key, item.url)
            pipe.execute()
        return item
