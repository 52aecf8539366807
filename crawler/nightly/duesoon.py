"""Items due soon: what will count against the site within the next days if nothing is
published, so a nightly run warns before points are lost.

The freshness rules decide; this module only asks them about later dates. ``find_due`` is
pure: it takes ``states_at(day, codes) -> {code: ItemState}`` (the verdicts the checklist would
give on the same crawl as of ``day``) and finds, for every item, the first day within the horizon
on which its state is worse than today: a passing item turns stale (the new fiscal year,
the 6-month round after March plus its grace days, an ``updated_within`` window running
out), or a monthly item gets another missing month (last month's procurement summary once
the ``grace_days`` set in the checklist YAML have passed). Days are searched by bisection,
so a quiet horizon costs one extra evaluation, and a middle date is asked only about the
items whose state differs between the interval's two ends (each item's own bisection: an
item the same at both ends is taken to be the same in between, as the search always took
every item of an interval where nothing changed). Judging every item at each middle date
cost more than the final judging itself (issue 13).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from checklists.engine import Judge
from checklists.fiscal import THAI_MONTHS_ABBR
from checklists.vocabulary import VERDICT_LABELS, VERDICT_RANK, thai_date
from reports.labels import words


@dataclass(frozen=True)
class ItemState:
    """What a date-dependent verdict is made of."""

    verdict: str
    missing_months: frozenset[str] = frozenset()
    reason: str = ""
    reason_en: str = ""
    fix: str = ""
    fix_en: str = ""

    def worse_than(self, other: ItemState) -> bool:
        """A higher verdict rank, or more missing months."""
        if VERDICT_RANK.get(self.verdict, 0) > VERDICT_RANK.get(other.verdict, 0):
            return True
        return self.missing_months > other.missing_months

    def same(self, other: ItemState) -> bool:
        return (self.verdict, self.missing_months) == (other.verdict, other.missing_months)


@dataclass
class Due:
    """An item that gets worse on ``due`` unless the site is updated before."""

    code: str
    due: date
    now: ItemState
    then: ItemState
    new_missing_months: list[str] = field(default_factory=list)


States = dict[str, ItemState]


StatesAt = Callable[[date, frozenset[str] | None], States]
"""``states_at(day, codes)``: the states as of ``day`` of the items in ``codes`` (None: of
every item); states of other items it gives too are not read."""


def find_due(states_at: StatesAt, as_of: date, horizon_days: int,
             today: States | None = None) -> list[Due]:
    """Items whose state worsens within ``horizon_days`` after ``as_of``, soonest first."""
    if horizon_days <= 0:
        return []
    base = today if today is not None else states_at(as_of, None)
    end = as_of + timedelta(days=horizon_days)
    found: dict[str, Due] = {}

    def search(lo: date, s_lo: States, hi: date, s_hi: States) -> None:
        changed = [c for c in s_hi if c in s_lo and not s_hi[c].same(s_lo[c])]
        if not changed:
            return
        if (hi - lo).days <= 1:
            for code in changed:
                if code in base and code not in found and s_hi[code].worse_than(base[code]):
                    months = sorted(s_hi[code].missing_months - base[code].missing_months,
                                    key=_month_order)
                    found[code] = Due(code, hi, base[code], s_hi[code], months)
            return
        mid = lo + timedelta(days=(hi - lo).days // 2)
        asked = frozenset(changed)
        s_mid = {c: state for c, state in states_at(mid, asked).items() if c in asked}
        search(lo, s_lo, mid, s_mid)
        search(mid, s_mid, hi, s_hi)

    search(as_of, base, end, states_at(end, None))
    return sorted(found.values(), key=lambda d: (d.due, d.code))


def _month_order(label: str) -> tuple[int, int]:
    """Sort key of a Thai month label such as ``เม.ย. 2569``."""
    abbr, _, year = label.rpartition(" ")
    month = THAI_MONTHS_ABBR.index(abbr) + 1 if abbr in THAI_MONTHS_ABBR else 0
    return (int(year) if year.isdigit() else 0, month)


def _month_en(label: str) -> str:
    """``เม.ย. 2569`` -> ``2026-04`` (the label itself when it is not a month label)."""
    year, month = _month_order(label)
    return f"{year - 543}-{month:02d}" if year and month else label


def states_of_report(report: dict[str, Any]) -> States:
    """Today's states, read from the report's items."""
    return {i["code"]: ItemState(i["verdict"], frozenset(i.get("missing_months") or []))
            for i in report.get("items") or []}


def as_report_entries(dues: list[Due], report: dict[str, Any]) -> list[dict[str, Any]]:
    """``report['due_soon']``: one entry per item, with a Thai and an English sentence."""
    as_of = date.fromisoformat(report["as_of"])
    items = {i["code"]: i for i in report.get("items") or []}
    th, en = words("due_soon", "th"), words("due_soon", "en")
    out = []
    for d in dues:
        item = items.get(d.code, {})
        last_day = d.due - timedelta(days=1)
        left = (last_day - as_of).days
        if d.new_missing_months:
            n = len(d.new_missing_months)
            what_th = th["months"].format(n=n, months=", ".join(d.new_missing_months))
            what_en = en["months"].format(n=n, months=", ".join(_month_en(m) for m in
                                                                d.new_missing_months))
        else:
            what_th, what_en = th["update"], en["update"]
        when = "today" if left == 0 else "days_left"
        out.append({
            "code": d.code,
            "title_th": item.get("title_th", ""), "title_en": item.get("title_en", ""),
            "owner": item.get("owner", ""), "owner_en": item.get("owner_en", ""),
            "due": d.due.isoformat(), "publish_by": last_day.isoformat(), "days_left": left,
            "verdict_now": d.now.verdict, "verdict_then": d.then.verdict,
            "new_missing_months": d.new_missing_months,
            "reason": d.then.reason, "reason_en": d.then.reason_en,
            "fix": d.then.fix, "fix_en": d.then.fix_en,
            "message_th": th["message"].format(
                code=d.code, title=item.get("title_th", ""), what=what_th,
                by=thai_date(last_day), when=th[when].format(n=left), due=thai_date(d.due),
                verdict=VERDICT_LABELS["th"].get(d.then.verdict, d.then.verdict)),
            "message_en": en["message"].format(
                code=d.code, title=item.get("title_en", ""), what=what_en,
                by=last_day.isoformat(), when=en["days_left"].format(n=left),
                due=d.due.isoformat(), verdict=d.then.verdict),
        })
    return out


def _state(result: Any) -> ItemState:
    return ItemState(result.verdict, frozenset(result.missing_months), result.reason_th,
                     result.reason_en, result.fix_th, result.fix_en)


def due_soon_for(report: dict[str, Any], snapshot: Any, checklist: Any,
                 horizon_days: int, fiscal_year: int | None = None,
                 judge: Judge | None = None) -> list[dict[str, Any]]:
    """``report['due_soon']`` of a finished audit, by re-judging the crawl at later dates.

    ``fiscal_year`` is the year fixed on the command line (None: follow the dates, so the
    new fiscal year starts on 1 October as it will for the assessors).  ``judge``: the
    :class:`checklists.engine.Judge` of this crawl when the caller has one (its gathering is
    then shared).
    """
    judge = judge or Judge(checklist, snapshot, fiscal_year)

    def states_at(day: date, codes: frozenset[str] | None) -> States:
        return {r.item.code: _state(r) for r in judge.at(day, codes).results}

    as_of = date.fromisoformat(report["as_of"])
    dues = find_due(states_at, as_of, horizon_days, states_of_report(report))
    return as_report_entries(dues, report)
