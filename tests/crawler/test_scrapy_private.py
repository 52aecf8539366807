"""crawler/httpcache.py leans on parts of Scrapy that Scrapy keeps private, because no public
extension point does the job (revalidating every cached response; AutoThrottle taking a 304
as a normal answer):

- ``RFC2616Policy._set_conditional_validators(request, cachedresponse)``
- ``AutoThrottle._adjust_delay(slot, latency, response)``
- ``HttpCacheMiddleware._freshen_cached_response(cachedresponse, response)`` (the stored
  ``Content-Length`` is kept through a 304)

They are pinned to the Scrapy versions this was checked with: a new Scrapy (or one of these
parts renamed) fails here, loudly, before a nightly cache quietly serves stale pages.
"""

from __future__ import annotations

import inspect

import scrapy
from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware
from scrapy.extensions.httpcache import RFC2616Policy
from scrapy.extensions.throttle import AutoThrottle

CHECKED_WITH = ("2.19",)  # major.minor of the Scrapy these overrides were read against
PRIVATE = {
    (RFC2616Policy, "_set_conditional_validators"): ["self", "request", "cachedresponse"],
    (AutoThrottle, "_adjust_delay"): ["self", "slot", "latency", "response"],
    (HttpCacheMiddleware, "_freshen_cached_response"): ["self", "cachedresponse", "response"],
}


def test_scrapy_is_a_version_the_private_overrides_were_checked_with() -> None:
    minor = ".".join(scrapy.__version__.split(".")[:2])
    assert minor in CHECKED_WITH, (
        f"Scrapy {scrapy.__version__} is newer than the versions crawler/httpcache.py was "
        f"checked with ({', '.join(CHECKED_WITH)}): re-read the private methods it overrides "
        "(this file's docstring), then add the version here")


def test_the_private_methods_keep_their_signatures() -> None:
    for (cls, name), params in PRIVATE.items():
        assert list(inspect.signature(getattr(cls, name)).parameters) == params, \
            f"{cls.__name__}.{name} changed"

