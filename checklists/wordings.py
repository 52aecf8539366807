"""Everything an item is called: the titles its topic carries in every shipped checklist
(:mod:`checklists.topics`) and the learned wording model (:mod:`checklists.textmodel`).

Issue 16: real sites name an item by the title it carries in another framework year, in
another evaluator family's list, or in their own everyday words; all of these count as the
item's wording.
"""

from __future__ import annotations

from cachetools import LRUCache

from checklists.matching import ItemMatcher
from checklists.model import Checklist
from checklists.textmodel import TextModel, load_model
from checklists.topics import load_topics

REFERENCE = "nacc-oit-2565"  # the wording model's classes are this checklist's items


def matchers_for(checklist: Checklist) -> list[ItemMatcher]:
    """One matcher per item of ``checklist``, knowing every title of the item's topics and
    the reference items the wording model reads them as (built once per checklist and
    model: a batch judges hundreds of sites, each once on the way and once at the end)."""
    model = load_model()
    key = (id(checklist), id(model))  # by identity: a checklist hashes all its items
    kept = _BUILT.get(key)
    if kept is None:  # the entry holds the checklist and model: their ids stay theirs
        kept = _BUILT[key] = (checklist, model, _build(checklist, model))
    return kept[2]


KEEP_BUILT = 8  # checklists whose matchers are kept (a batch uses one or a few)
_BUILT: LRUCache[tuple[int, int], tuple[Checklist, TextModel | None, list[ItemMatcher]]] = \
    LRUCache(maxsize=KEEP_BUILT)


def _build(checklist: Checklist, model: TextModel | None) -> list[ItemMatcher]:
    topics = load_topics()
    map_id = topics.map_id(checklist)
    out = []
    for item in checklist.items:
        mine = topics.topics_of(map_id, item.code)
        titles: list[str] = []
        others: list[str] = []
        classes: list[str] = []
        for topic in mine:
            t = topics.topics[topic]
            for cid, codes in t.codes.items():
                for code in codes:
                    other = topics.checklists.get(cid)
                    found = other.item(code) if other is not None else None
                    if found is None or found.title_th in titles:
                        continue
                    # a merged item's title names another item too: not this item's title
                    if set(topics.topics_of(cid, code)) <= set(mine):
                        titles.append(found.title_th)
            others.extend(w for w in (*t.extra_wordings, *t.everyday) if w not in others)
            classes.extend(c for c in topics.codes_of(topic, REFERENCE) if c not in classes)
        if map_id == REFERENCE and item.code not in classes:
            classes.append(item.code)
        out.append(ItemMatcher(item, titles, model, tuple(classes), others))
    return out
