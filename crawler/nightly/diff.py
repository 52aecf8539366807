"""What changed between two audits of one site: a pure function over two report documents.

``diff(old, new)`` compares items by code:

- ``regressed``: passed before, not now (missing, stale, broken or unverified);
- ``fixed``: failed before, passes now;
- ``worsened`` / ``improved``: failed both times, with another verdict;
- ``new_missing_months``: monthly items with months missing now that were not before;
- ``moved``: the item's evidence is now at another URL;
- ``replaced``: a document at the same URL has other content (digest, or ETag /
  Last-Modified / size when no digest was kept);
- ``added`` / ``removed``: codes only in one checklist (the checklist changed).

When the two runs used different checklists (a new framework year), items are followed through
the topic map (checklists/data/topics.yaml), not by code: last year's O23 is this year's O11,
and such an entry carries ``code_before``.

URLs are compared relative to each report's own site, so a site served on another port or
moved from http to https does not make every item "moved".
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from checklists.site.scope import origin_key
from checklists.topics import TopicMap, load_topics
from checklists.vocabulary import VERDICT_RANK

PROBLEM_KEYS = ("regressed", "worsened", "new_missing_months")


def _local(url: str, site: str) -> str:
    """``url`` without scheme and host when it is on ``site`` (the site's own pages)."""
    if not url:
        return ""
    parts = urlsplit(url)
    if site and origin_key(url) == origin_key(site):
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return url


def _best(item: dict[str, Any]) -> dict[str, Any] | None:
    ev = item.get("evidence") or []
    return next((e for e in ev if e.get("role") == "best"), ev[0] if ev else None)


def _fingerprint(ev: dict[str, Any]) -> tuple[str, Any] | None:
    """What identifies a document's content: its digest, else its validators and size."""
    if ev.get("sha256"):
        return ("sha256", ev["sha256"])
    parts = tuple(ev.get(k) for k in ("etag", "last_modified", "size"))
    return ("http", parts) if any(p for p in parts[:2]) else None


def _ok(ev: dict[str, Any]) -> bool:
    return isinstance(ev.get("status"), int) and 200 <= ev["status"] < 300


def _entry(item: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"code": item["code"], "title_th": item.get("title_th", ""),
            "title_en": item.get("title_en", ""), **extra}


def _ref(report: dict[str, Any] | None) -> dict[str, Any] | None:
    if not report:
        return None
    summary = report.get("summary") or {}
    return {"run_id": report.get("run_id"), "as_of": report.get("as_of"),
            "generated_at": report.get("generated_at"),
            "score": summary.get("indicator9_estimate")}


def _checklist_id(report: dict[str, Any], topics: TopicMap) -> str:
    cl = report.get("checklist") or {}
    cid = str(cl.get("id") or "")
    return cid if cid in topics.checklists else str(cl.get("extends") or topics.map_id(cid))


def _follow(old: dict[str, Any], new: dict[str, Any],
            topics: TopicMap | None) -> dict[str, dict[str, Any]]:
    """The old run's items keyed by the new run's codes: by code under the same checklist,
    through the topic map (one old item to one new) when the checklist changed."""
    items = {i["code"]: i for i in old.get("items") or []}
    same = (old.get("checklist") or {}).get("id") == (new.get("checklist") or {}).get("id")
    if same:
        return items
    topics = topics or load_topics()
    a, b = _checklist_id(old, topics), _checklist_id(new, topics)
    if a not in topics.checklists or b not in topics.checklists:
        return items
    out: dict[str, dict[str, Any]] = {}
    for code, item in items.items():
        targets = topics.translate(code, a, b)
        sources = {s for t in targets for s in topics.translate(t, b, a)}
        if len(targets) == 1 and sources == {code}:  # a plain renumbering (or none)
            out[targets[0]] = {**item, "code_before": code} if targets[0] != code else item
    return out


def diff(old: dict[str, Any] | None, new: dict[str, Any],
         topics: TopicMap | None = None) -> dict[str, Any]:
    """The changes from report ``old`` (None: no earlier run) to report ``new``."""
    out: dict[str, Any] = {
        "baseline": _ref(old), "regressed": [], "fixed": [], "worsened": [], "improved": [],
        "new_missing_months": [], "moved": [], "replaced": [], "added": [], "removed": [],
        "score": None,
    }
    if not old:
        return out
    old_site, new_site = old.get("site", ""), new.get("site", "")
    before = _follow(old, new, topics)
    after = {i["code"]: i for i in new.get("items") or []}
    followed = {i.get("code_before", c) for c, i in before.items() if c in after}
    out["added"] = [_entry(after[c]) for c in after if c not in before]
    out["removed"] = [_entry(i) for i in old.get("items") or [] if i["code"] not in followed]
    for code, item in after.items():
        prev = before.get(code)
        if prev is None:
            continue
        was, now = prev["verdict"], item["verdict"]
        change = _entry(item, before=was, after=now, reason=item.get("reason", ""),
                        reason_en=item.get("reason_en", ""))
        if "code_before" in prev:
            change["code_before"] = prev["code_before"]
        if was == "pass" and now != "pass":
            out["regressed"].append(change)
        elif was != "pass" and now == "pass":
            out["fixed"].append(change)
        elif was != now:
            worse = VERDICT_RANK.get(now, 0) > VERDICT_RANK.get(was, 0)
            out["worsened" if worse else "improved"].append(change)
        months = [m for m in item.get("missing_months") or []
                  if m not in set(prev.get("missing_months") or [])]
        if months and was != "pass" and now != "pass":
            out["new_missing_months"].append(_entry(item, months=months))
        _compare_evidence(prev, item, old_site, new_site, out)
    ov = (old.get("summary") or {}).get("indicator9_estimate")
    nv = (new.get("summary") or {}).get("indicator9_estimate")
    if ov is not None or nv is not None:
        out["score"] = {"before": ov, "after": nv,
                        "delta": round(nv - ov, 2) if ov is not None and nv is not None
                        else None}
    return out


def _compare_evidence(prev: dict[str, Any], item: dict[str, Any], old_site: str,
                      new_site: str, out: dict[str, Any]) -> None:
    old_best, new_best = _best(prev), _best(item)
    if old_best and new_best:
        a, b = _local(old_best["url"], old_site), _local(new_best["url"], new_site)
        if a != b:
            out["moved"].append(_entry(item, url_before=old_best["url"],
                                       url_after=new_best["url"]))
    old_docs = {_local(e["url"], old_site): e for e in prev.get("evidence") or []}
    for ev in item.get("evidence") or []:
        earlier = old_docs.get(_local(ev["url"], new_site))
        if earlier is None or not (_ok(earlier) and _ok(ev)):
            continue  # a document that no longer opens is "broken", not "replaced"
        fa, fb = _fingerprint(earlier), _fingerprint(ev)
        if fa and fb and fa[0] == fb[0] and fa != fb:
            out["replaced"].append(_entry(item, url=ev["url"], before=fa[1], after=fb[1]))


def new_problems(changes: dict[str, Any] | None) -> int:
    """How many new problems a diff holds (what ``--fail-on regression`` fails on)."""
    if not changes:
        return 0
    return sum(len(changes.get(k) or []) for k in PROBLEM_KEYS)


def is_empty(changes: dict[str, Any] | None) -> bool:
    """True when nothing worth reading changed."""
    if not changes:
        return True
    return not any(changes.get(k) for k in ("regressed", "fixed", "worsened", "improved",
                                            "new_missing_months", "moved", "replaced",
                                            "added", "removed"))
