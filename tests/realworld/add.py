"""Append samples to samples.tsv from JSON lines on stdin (the collection helper).

Each line: {"url", "agency_type", "framework", "code", "topic", "kind", "excerpt"}. The domain
and split are computed by split.py's fixed rule (never chosen by hand); ids are sequential.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split import COLUMNS, SAMPLES_DIR, SAMPLES_TSV, registrable_domain, split_of  # noqa: E402


def main() -> int:
    rows = []
    if SAMPLES_TSV.exists():
        with SAMPLES_TSV.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    seen_urls = {r["url"] for r in rows}
    n = max((int(r["id"][1:]) for r in rows), default=0)
    added = 0
    for line in sys.stdin:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rec = json.loads(line)
        if rec["url"] in seen_urls:
            print("skip duplicate", rec["url"], file=sys.stderr)
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
        SAMPLES_DIR.mkdir(exist_ok=True)
        (SAMPLES_DIR / f"{sid}.txt").write_text(rec["excerpt"].strip() + "\n", encoding="utf-8")
        rows.append(row)
        seen_urls.add(rec["url"])
        added += 1
    with SAMPLES_TSV.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE,
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"added {added}, total {len(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
