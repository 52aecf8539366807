"""How much of the wording model's reading a top-k bound could spare, on audited sites.

The engine judges each item's strongest ``MAX_CANDIDATES`` (8; 16 quarterly, 48 monthly:
``checklists/freshness/``) while gathering asks the wording model about every distinct link
(issue 13). An exact bound would leave a link unread when nothing its reading could give
could enter any item's top k. This script gathers the candidates of audited sites as an
audit does (each folder an audit's reports with its ``crawl.jsonl``, e.g. from
``crawl.py --save-report``), counting per distinct link the model read:

- ``nothing``: the reading left the link no candidate;
- ``outside``: its candidates all fall outside their items' final top k;
- ``inside``: one of them is in an item's top k (by URL);

and per site the items whose top k is full (``full_items`` of ``items``). The model may name
any item for a link it reads (alone when nothing else stands, over a bare code or title it
is sure is another item's, or after a weak match it throws out), so before a reading an
exact bound can leave it unread only when every item's top k is full of stronger
candidates: ``bound_skippable`` counts the reads that held for (0 while an item is not
full). ``nothing + outside`` is what an oracle that knew each reading's outcome would spare.

    python tests/benchmarks/topk.py REPORT_DIR [REPORT_DIR ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from checklists import candidates as gathering  # noqa: E402
from checklists import freshness  # noqa: E402
from checklists.engine import Judge  # noqa: E402
from checklists.framework import load_declaring  # noqa: E402
from checklists.loader import load_checklist  # noqa: E402
from checklists.site.pagememo import PageMemo  # noqa: E402
from checklists.site.snapshot import url_key  # noqa: E402
from reports.build import crawl_info_of  # noqa: E402


class _Reads:
    """Wraps the model's two ways of being asked and the link reader: per distinct link
    read, its URL, whether the model was asked and the items it was left a candidate of."""

    def __init__(self, model: Any) -> None:
        self.asked = False
        self.links: list[tuple[str, bool, tuple[str, ...]]] = []
        for name in ("predict", "predict_joined"):
            setattr(model, name, self._noting(getattr(model, name)))

    def _noting(self, fn: Any) -> Any:
        def asked(*args: Any, **kwargs: Any) -> Any:
            self.asked = True
            return fn(*args, **kwargs)

        return asked

    def reader(self, read: Any) -> Any:
        def read_link(reader: Any, link: dict[str, str], *args: Any) -> Any:
            self.asked = False
            out = read(reader, link, *args)
            self.links.append((link["url"], self.asked, tuple(out[0])))
            return out

        return read_link


def site_room(folder: Path) -> dict[str, Any]:
    """The counts of the module's docstring for the audit in ``folder``."""
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    checklist = load_checklist(report["checklist"]["id"])
    snapshot = load_declaring(folder / "crawl.jsonl", crawl_info_of(report))
    snapshot.page_memo = PageMemo(None)
    fy = report.get("fiscal_year")
    judge = Judge(checklist, snapshot, fy)
    model = next((m.model for m in judge.matchers if m.model is not None), None)
    reads = _Reads(model)
    plain = gathering._PageReader._read_link
    gathering._PageReader._read_link = reads.reader(plain)  # type: ignore[method-assign]
    try:
        found = gathering.gather(judge.matchers, snapshot, fy, gathering.Gathered(), judge.lexicon)
    finally:
        gathering._PageReader._read_link = plain  # type: ignore[method-assign]
    top: dict[str, set[str]] = {}
    full = 0
    for m in judge.matchers:
        k = freshness.RULES[m.item.freshness.rule].MAX_CANDIDATES
        cands = found.get(m.item.code, [])
        top[m.item.code] = {url_key(c.url) for c in cands[:k]}
        full += len(cands) >= k
    tally: Counter[str] = Counter()
    for url, asked, codes in reads.links:
        if not asked:
            tally["not_asked"] += 1
        elif not codes:
            tally["nothing"] += 1
        elif any(url_key(url) in top[c] for c in codes):
            tally["inside"] += 1
        else:
            tally["outside"] += 1
    asked = tally["nothing"] + tally["outside"] + tally["inside"]
    return {
        "site": folder.name,
        "items": len(judge.matchers),
        "full_items": full,
        "links_read": len(reads.links),
        "model_asked": asked,
        "nothing": tally["nothing"],
        "outside": tally["outside"],
        "inside": tally["inside"],
        "bound_skippable": 0 if full < len(judge.matchers) else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path, help="audit report folders")
    args = ap.parse_args()
    sites = [site_room(folder) for folder in args.folders]
    for site in sites:
        print(json.dumps(site, ensure_ascii=False))
    asked = sum(s["model_asked"] for s in sites)
    spared = sum(s["nothing"] + s["outside"] for s in sites)
    print(
        json.dumps(
            {
                "sites": len(sites),
                "model_asked": asked,
                "oracle_spared": spared,
                "oracle_share": round(spared / asked, 4) if asked else None,
                "sites_all_items_full": sum(s["full_items"] == s["items"] for s in sites),
                "bound_skippable": sum(s["bound_skippable"] or 0 for s in sites),
            }
        )
    )


if __name__ == "__main__":
    main()
