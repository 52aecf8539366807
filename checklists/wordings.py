"""Everything an item is called: the titles its topic carries in every shipped checklist
(:mod:`checklists.topics`) and the learned wording model (:mod:`checklists.textmodel`).

Issue 16: real sites name an item by the title it carries in another framework year, in
another evaluator family's list, or in their own everyday words; all of these count as the
item's wording.
"""

from __future__ import annotations

from checklists.matching import ItemMatcher
from checklists.model import Checklist
from checklists.textmodel import load_model
from checklists.topics import load_topics

REFERENCE = "nacc-oit-2565"  # the wording model's classes are this checklist's items


def matchers_for(checklist: Checklist) -> list[ItemMatcher]:
    """One matcher per item of ``checklist``, knowing every title of the item's topics and
    the reference items the wording model reads them as."""
    topics = load_topics()
    model = load_model()
    out = []
    map_id = topics.map_id(checklist)
    for item in checklist.items:
        titles: list[str] = []
        classes: list[str] = []
        for topic in topics.topics_of(map_id, item.code):
            titles.extend(t for t in topics.wordings(topic) if t not in titles)
            classes.extend(c for c in topics.codes_of(topic, REFERENCE) if c not in classes)
        if map_id == REFERENCE and item.code not in classes:
            classes.append(item.code)
        out.append(ItemMatcher(item, titles, model, tuple(classes)))
    return out
