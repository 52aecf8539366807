"""A re-audit starts at the pace the site's server allowed last time (crawler/httpcache.py)."""

from __future__ import annotations

import pytest

from crawler.httpcache import LEARNED_DELAY, keep_delay, learned_delay, start_delay


@pytest.mark.parametrize(("configured", "minimum", "learned", "expected"), [
    (0.5, 0.0, None, 0.5),  # first crawl of the site: AUTOTHROTTLE_START_DELAY
    (0.5, 0.0, 0.002, 0.002),  # a fast server last night: start at its pace
    (0.5, 0.1, 0.002, 0.1),  # never under DOWNLOAD_DELAY
    (0.5, 0.0, 4.0, 0.5),  # a struggling server: no slower than configured (AutoThrottle adapts)
])
def test_start_delay(configured, minimum, learned, expected):
    assert start_delay(configured, minimum, learned) == expected


def test_the_delay_is_kept_beside_the_cache(tmp_path):
    cache = tmp_path / "httpcache" / "site"
    assert learned_delay(cache) is None and learned_delay("") is None
    keep_delay(cache, 0.0125)
    assert learned_delay(cache) == 0.0125
    (cache / LEARNED_DELAY).write_text("{not json", encoding="utf-8")
    assert learned_delay(cache) is None
    (cache / LEARNED_DELAY).write_text('{"delay": -1}', encoding="utf-8")
    assert learned_delay(cache) is None


@pytest.mark.parametrize(("status", "expected"), [
    (200, 0.55), (304, 0.55),  # a 304 speeds the crawl up as a 200 does: (1.0 + 0.2 / 2) / 2
    (404, 1.0),  # an error page never lowers the delay (Scrapy's AutoThrottle)
])
def test_a_304_adjusts_the_delay_as_a_200(status, expected):
    from scrapy.http import Response
    from scrapy.utils.test import get_crawler

    from crawler.httpcache import RevalidationThrottle

    crawler = get_crawler(settings_dict={"AUTOTHROTTLE_ENABLED": True,
                                         "AUTOTHROTTLE_TARGET_CONCURRENCY": 2.0})
    throttle = RevalidationThrottle(crawler)
    throttle.mindelay, throttle.maxdelay = 0.0, 10.0  # set when the spider opens

    class Slot:
        delay = 1.0

    slot = Slot()
    throttle._adjust_delay(slot, 0.2, Response("http://o.example/", status=status))
    assert slot.delay == pytest.approx(expected)


def test_a_304_is_not_copied_to_adjust_the_delay():
    """Each of a re-audit's 304s used to be copied (``response.replace(status=200)``) only for
    AutoThrottle to read its status: 19-24 CPU-ms of nightly_rerun.py's run 2 (nightly45)."""
    from scrapy.http import Response
    from scrapy.utils.test import get_crawler

    from crawler.httpcache import RevalidationThrottle

    class Uncopied(Response):
        def replace(self, *args, **kwargs):
            raise AssertionError("the 304 was copied")

    crawler = get_crawler(settings_dict={"AUTOTHROTTLE_ENABLED": True,
                                         "AUTOTHROTTLE_TARGET_CONCURRENCY": 2.0})
    throttle = RevalidationThrottle(crawler)
    throttle.mindelay, throttle.maxdelay = 0.0, 10.0

    class Slot:
        delay = 1.0

    slot = Slot()
    answer = Uncopied("http://o.example/", status=304)
    throttle._adjust_delay(slot, 0.2, answer)
    assert slot.delay == pytest.approx(0.55)  # lowered as after a 200
    assert answer.status == 304  # the response itself is left as it came
