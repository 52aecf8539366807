"""Argument types and options that several ``oit-audit`` sub-commands share (cheap to import:
no Scrapy, no checklist, no Thai dictionary)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from reports.labels import both


def as_of_arg(value: str) -> str:
    """``--as-of YYYY-MM-DD``: the date, checked."""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(both("args", "bad_date", value=value)) from None


def points_arg(value: str) -> float:
    """``--iit`` / ``--eit``: points from 0 to 100."""
    try:
        points = float(value)
    except ValueError:
        points = -1.0
    if not 0 <= points <= 100:
        raise argparse.ArgumentTypeError(both("args", "bad_points", value=value))
    return points


def redis_url(value: str) -> str:
    """``--redis URL`` (``batch``, ``worker``): a URL redis-py opens (``redis://``,
    ``rediss://`` or ``unix://``), checked before anything runs: a host and port alone
    (``10.0.0.5:6379``) was a crash report."""
    scheme, sep, rest = value.partition("://")
    if not sep or scheme.lower() not in ("redis", "rediss", "unix") or not rest:
        raise argparse.ArgumentTypeError(both("worker", "bad_redis", value=value))
    return value


def add_fiscal_year(p: argparse.ArgumentParser) -> None:
    """``--fiscal-year``: the assessed fiscal year when it is not the as-of date's."""
    p.add_argument("--fiscal-year", type=int, default=0,
                   help=both("args", "fiscal_year"))


def settings_overrides(pairs: list[str]) -> dict:
    """``-s NAME=VALUE`` pairs as settings; a VALUE that parses as JSON is used as such."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise SystemExit(both("args", "bad_setting", value=pair))
        try:
            out[name.strip()] = json.loads(value)
        except ValueError:
            out[name.strip()] = value
    return out
