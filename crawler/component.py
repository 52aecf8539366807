"""What every Scrapy component of the project does first in ``from_crawler``: check the
setting that switches it on.

Scrapy's convention is that a component which is off raises ``NotConfigured`` from
``from_crawler`` and is left out of the crawl.  Scrapy logs the message of such an exception
as a warning (``Disabled ...: message``), but a component that is off is normal and must not
alarm anyone reading a nightly log: ours raise it without a message and say why at debug
level instead (:func:`switched_off`).  Scrapy's ``Enabled extensions`` line (info) still
lists what is on.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)


def switched_off(crawler: Any, why: str) -> NotConfigured:
    """The ``NotConfigured`` a component that is off raises (``why``: the setting that leaves
    it out), once said at debug level."""
    logger.debug("A component is left out of the crawl: %s", why, extra={"crawler": crawler})
    return NotConfigured()


def switched_on(crawler: Any, switch: str, *, flag: bool = True) -> Any:
    """The crawler's settings, once ``switch`` is on: a true flag (``flag=True``, read with
    ``getbool`` so that ``-s NAME=false`` works) or a non-empty value (``flag=False``).
    Otherwise ``NotConfigured`` (:func:`switched_off`) naming the switch."""
    settings = crawler.settings
    if settings.getbool(switch) if flag else settings.get(switch):
        return settings
    raise switched_off(crawler, f"{switch} is {'off' if flag else 'empty'}")
