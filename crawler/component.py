"""What every Scrapy component of the project does first in ``from_crawler``: check the
setting that switches it on.

Scrapy's convention is that a component which is off raises ``NotConfigured`` from
``from_crawler`` and is left out of the crawl; Scrapy logs the exception's message as a
warning (``Disabled ...: message``), so a component that is off by design raises it without
one (``quiet=True``).
"""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import NotConfigured


def switched_on(crawler: Any, switch: str, *, flag: bool = True, quiet: bool = False) -> Any:
    """The crawler's settings, once ``switch`` is on: a true flag (``flag=True``, read with
    ``getbool`` so that ``-s NAME=false`` works) or a non-empty value (``flag=False``).
    Otherwise ``NotConfigured`` naming the switch (none with ``quiet``)."""
    settings = crawler.settings
    if settings.getbool(switch) if flag else settings.get(switch):
        return settings
    if quiet:
        raise NotConfigured
    raise NotConfigured(f"{switch} is {'off' if flag else 'empty'}")
