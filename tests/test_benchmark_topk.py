"""The top-k bound's measure (tests/benchmarks/topk.py, issue 13): it gathers an audit's saved
crawl as an audit does and sorts each distinct link the wording model read by what its reading
gave; the demo's audit is the saved crawl here."""

from __future__ import annotations

import json
import shutil
import sys

from checklists import candidates as gathering
from checklists.framework import load_declaring
from checklists.loader import load_checklist
from reports.build import crawl_info_of
from tests.benchmarks import topk


def test_each_link_the_model_read_is_counted_once_by_its_outcome(demo_audit):
    folder = demo_audit.result.out_dir
    plain = gathering._PageReader._read_link
    site = topk.site_room(folder)
    assert gathering._PageReader._read_link is plain  # the reader is put back
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert site["items"] == len(load_checklist(report["checklist"]["id"]).items)
    assert site["site"] == folder.name
    asked = site["nothing"] + site["outside"] + site["inside"]
    assert site["model_asked"] == asked and 0 < asked <= site["links_read"]
    assert site["inside"] > 0  # the demo's evidence is read by the model too
    # an item whose top k is not full leaves no reading provably useless
    assert site["full_items"] < site["items"] and site["bound_skippable"] == 0
    snapshot = load_declaring(folder / "crawl.jsonl", crawl_info_of(report))
    assert site["links_read"] <= sum(len(r.links) for r in snapshot.records)


def test_the_last_line_sums_the_sites(demo_audit, tmp_path, monkeypatch, capsys):
    twin = tmp_path / "twin"
    shutil.copytree(demo_audit.result.out_dir, twin)
    monkeypatch.setattr(sys, "argv", ["topk.py", str(demo_audit.result.out_dir), str(twin)])
    topk.main()
    lines = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]
    sites, total = lines[:-1], lines[-1]
    assert len(sites) == 2 and sites[0] | {"site": ""} == sites[1] | {"site": ""}
    one = sites[0]
    assert total == {
        "sites": 2,
        "model_asked": 2 * one["model_asked"],
        "oracle_spared": 2 * (one["nothing"] + one["outside"]),
        "oracle_share": round((one["nothing"] + one["outside"]) / one["model_asked"], 4),
        "sites_all_items_full": 0,
        "bound_skippable": 0,
    }
