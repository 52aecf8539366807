"""What a hostile site writes in its links is shown cut to a sane length and without bidi
controls or NULs, in every report file (issue 12)."""

from __future__ import annotations

import csv
import io
import json

from checklists.safetext import LINK_TEXT_MAX, SHOWN_MAX, clean, clean_tree
from tests.conftest import run_cli

RLO, NUL = "\u202e", "\x00"
LONG = "O10 แผนปฏิบัติการประจำปี 2569 " + "ยาวมาก" * 20_000  # ~120,000 characters


def test_clean_strips_controls_and_cuts():
    assert clean(f"exe.{RLO}fdp{NUL}\u2066x\u2069") == "exe.fdpx"
    assert clean("ก\u200bข") == "ก\u200bข"  # Thai word breaks stay
    cut = clean("x" * 500, 100)
    assert len(cut) == 100 and cut.endswith("…")
    assert clean_tree({"a": [f"{RLO}y" * 3, 1, None]}) == {"a": ["yyy", 1, None]}


def test_a_huge_bidi_link_text_is_cut_in_every_report(tmp_path, serve_app):
    link = f"{RLO}{NUL}{LONG}"
    pages = {
        "/": f'<html><head><title>ส{RLO}พป.</title></head><body><a href="/ita/">ITA</a></body>'
             "</html>",
        "/ita/": f'<html><body><a href="/plan.html">{link}</a></body></html>',
        "/plan.html": "<html><body><h1>แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569</h1></body></html>",
    }

    def app(path: str):
        body = pages.get(path)
        return (200, {}, body.encode("utf-8")) if body else (404, {}, b"no")

    url, _ = serve_app(app)
    out = tmp_path / "out"
    result = run_cli("audit", url, "--as-of", "2026-05-15", "--no-history", out_dir=out)
    assert result.code in (0, 1), result.stdout + result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    o10 = next(i for i in report["items"] if i["code"] == "O10")
    assert o10["evidence"] and len(o10["evidence"][0]["text"]) <= LINK_TEXT_MAX

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for k, v in value.items():
                yield k
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)

    assert all(len(s) <= SHOWN_MAX and RLO not in s and NUL not in s
               for s in strings(report))
    for name in ("report.html", "report.md", "itas.csv", "fixes.csv", "fixes.md"):
        text = (out / name).read_text(encoding="utf-8-sig")
        assert RLO not in text and NUL not in text, name
        assert "ยาวมาก" * 1000 not in text, name
    for row in csv.reader(io.StringIO((out / "itas.csv").read_text(encoding="utf-8-sig"))):
        assert all(len(cell) <= SHOWN_MAX for cell in row)
    records = [json.loads(line) for line in
               (out / "crawl.jsonl").read_text(encoding="utf-8").splitlines()]
    ita = next(r for r in records if r["url"].endswith("/ita/"))
    assert all(len(x["text"]) <= LINK_TEXT_MAX and RLO not in x["text"] for x in ita["links"])
