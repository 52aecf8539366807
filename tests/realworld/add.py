"""Append samples to samples.tsv from JSON lines on stdin (the collection helper).

Each line: {"url", "agency_type", "framework", "code", "topic", "kind", "excerpt"}. The domain
and split are computed by split.py's fixed rule (never chosen by hand); ids are sequential. A
line whose page is already a row (``split.same_page``: the same address in another spelling,
or cut short) is skipped and said on stderr as "recorded", without the earlier row's id (which
may be a ``test`` row's), as ``--check`` gives out no ``test`` id.

``python tests/realworld/add.py --check`` adds nothing: it counts the rows already in the table
that name one page, per split, and lists the ids of the ``dev`` ones only.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split import (  # noqa: E402
    COLUMNS,
    SAMPLES_DIR,
    SAMPLES_TSV,
    duplicate_of,
    duplicate_rows,
    load_samples,
    registrable_domain,
    split_of,
)


def append(lines: TextIO, table: Path = SAMPLES_TSV, samples_dir: Path = SAMPLES_DIR,
           log: TextIO = sys.stderr) -> int:
    """Append the JSON lines' samples to ``table`` and their excerpts to ``samples_dir``;
    return how many were added."""
    rows = []
    if table.exists():
        with table.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    urls = {r["id"]: r["url"] for r in rows}
    n = max((int(r["id"][1:]) for r in rows), default=0)
    added = 0
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rec = json.loads(line)
        if duplicate_of(rec["url"], urls):
            # No id: the earlier row may be a `test` row (SPLIT DISCIPLINE, PROTOCOL 46).
            print("skip recorded", rec["url"], file=log)
            continue
        n += 1
        sid = f"s{n:04d}"
        domain = registrable_domain(rec["url"])
        row = {
            "id": sid, "url": rec["url"], "domain": domain,
            "agency_type": rec["agency_type"], "framework_on_site": rec.get("framework", "none"),
            "code_on_site": rec.get("code", ""), "topic": rec.get("topic", ""),
            "kind": rec.get("kind", "item"), "split": split_of(domain),
            "file": f"samples/{sid}.txt",
        }
        for k, v in row.items():
            if "\t" in v or "\n" in v:
                raise ValueError(f"{sid}: tab or newline in {k}")
        samples_dir.mkdir(exist_ok=True)
        (samples_dir / f"{sid}.txt").write_text(rec["excerpt"].strip() + "\n", encoding="utf-8")
        rows.append(row)
        urls[sid] = rec["url"]
        added += 1
    with table.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE,
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"added {added}, total {len(rows)}", file=log)
    return added


def check_report(table: Path = SAMPLES_TSV) -> dict:
    """Rows of the table that name one page: a count per split (a pair with a ``test`` row
    counts as ``test``) and the ``dev`` pairs' ids; no ``test`` id is given out."""
    samples = load_samples(table)
    split = {s.id: s.split for s in samples}
    pairs = duplicate_rows(samples)
    dev = [p for p in pairs if split[p[0]] == split[p[1]] == "dev"]
    return {"dev": len(dev), "test": len(pairs) - len(dev), "dev_pairs": dev}


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        print(json.dumps(check_report()))
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    append(sys.stdin)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
