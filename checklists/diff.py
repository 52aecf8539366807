"""What changed between two checklists, item by item, following topics rather than codes.

Two items are "the same" when they share a topic in the topic map (``topics.yaml``); items of a
checklist the map does not know are matched by code. Each group of items connected by shared
topics becomes one change: a group with no old item was added, one with no new item removed,
1 -> 1 may be renumbered, retitled or have its period rule changed (and is also "merged" when
the new item covers topics the old one did not), n -> 1 merged, 1 -> n split, n -> m
regrouped. A pure function: it loads nothing but the ``extends:`` chain.
"""

from __future__ import annotations

from dataclasses import dataclass

from checklists.loader import load_checklist
from checklists.model import Change, Checklist, Item
from checklists.topics import TopicMap

KINDS = ("added", "removed", "renumbered", "merged", "split", "regrouped", "retitled",
         "rule_changed")


@dataclass(frozen=True)
class ItemChange:
    """One change between checklist A (old) and B (new)."""

    kind: str  # one of KINDS
    old: tuple[str, ...]  # codes in A
    new: tuple[str, ...]  # codes in B
    topics: tuple[str, ...]  # the topics the group shares
    before: str = ""  # old title or rule, for retitled / rule_changed
    after: str = ""


def _rule(item: Item) -> str:
    spec = item.freshness
    params = ", ".join(f"{k}={v}" for k, v in sorted(spec.params.items()))
    reach = item.reachability.rule
    return f"{spec.rule}({params})" + ("" if reach == "any" else f" + {reach}")


def _groups(a: Checklist, b: Checklist, topics: TopicMap) -> list[tuple[list, list, set]]:
    """Connected groups of (old codes, new codes, shared topics)."""
    aid, bid = topics.map_id(a), topics.map_id(b)
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    keys: dict[tuple[str, str], set[str]] = {}
    owner: dict[str, tuple[str, str]] = {}
    for side, cid, checklist in (("a", aid, a), ("b", bid, b)):
        for item in checklist.items:
            node = (side, item.code)
            find(node)
            keys[node] = set(topics.topics_of(cid, item.code)) or {f"code:{item.code}"}
            for key in keys[node]:
                if key in owner:
                    parent[find(node)] = find(owner[key])
                else:
                    owner[key] = node
    groups: dict[tuple[str, str], tuple[list, list, set]] = {}
    for node, node_keys in keys.items():
        old, new, shared = groups.setdefault(find(node), ([], [], set()))
        (old if node[0] == "a" else new).append(node[1])
        shared.update(k for k in node_keys if not k.startswith("code:"))
    order_a = {i.code: n for n, i in enumerate(a.items)}
    order_b = {i.code: n for n, i in enumerate(b.items)}
    out = []
    for old, new, shared in groups.values():
        old.sort(key=order_a.__getitem__)
        new.sort(key=order_b.__getitem__)
        out.append((old, new, shared))
    out.sort(key=lambda g: (order_a.get(g[0][0], 999) if g[0] else 999,
                            order_b.get(g[1][0], 999) if g[1] else 999))
    return out


def diff_checklists(a: Checklist, b: Checklist, topics: TopicMap) -> list[ItemChange]:
    """The item changes from checklist ``a`` (old) to ``b`` (new), in ``a``'s order."""
    changes: list[ItemChange] = []
    for old, new, shared in _groups(a, b, topics):
        tops = tuple(sorted(shared))
        if not new:
            changes.append(ItemChange("removed", tuple(old), (), tops))
        elif not old:
            changes.append(ItemChange("added", (), tuple(new), tops))
        elif len(old) > 1 and len(new) == 1:
            changes.append(ItemChange("merged", tuple(old), tuple(new), tops))
        elif len(old) == 1 and len(new) > 1:
            changes.append(ItemChange("split", tuple(old), tuple(new), tops))
        elif len(old) > 1:
            changes.append(ItemChange("regrouped", tuple(old), tuple(new), tops))
        else:
            changes.extend(_one_to_one(a.item(old[0]), b.item(new[0]), tops))
            took_in = set(topics.topics_of(topics.map_id(b), new[0])) - set(
                topics.topics_of(topics.map_id(a), old[0]))
            if took_in:  # one item now also covers topics the old list did not ask for
                changes.append(ItemChange("merged", tuple(old), tuple(new), tops))
    return changes


def _one_to_one(x: Item | None, y: Item | None, tops: tuple[str, ...]) -> list[ItemChange]:
    assert x is not None and y is not None
    pair = ((x.code,), (y.code,))
    out = []
    if x.code != y.code:
        out.append(ItemChange("renumbered", *pair, tops))
    if x.title_th != y.title_th:
        out.append(ItemChange("retitled", *pair, tops, x.title_th, y.title_th))
    if _rule(x) != _rule(y):
        out.append(ItemChange("rule_changed", *pair, tops, _rule(x), _rule(y)))
    return out


def authors_changes(a: Checklist, b: Checklist) -> list[tuple[str, Change]]:
    """The ``changes:`` written in each file of ``b``'s ``extends:`` chain down to ``a``
    (oldest step first); [] when ``b`` does not extend ``a``."""
    steps: list[tuple[str, tuple[Change, ...]]] = []
    current = b
    while current.extends and current.id != a.id:
        steps.append((current.id, current.changes))
        current = load_checklist(current.extends)
    if current.id != a.id:
        return []
    return [(cid, change) for cid, changes in reversed(steps) for change in changes]
