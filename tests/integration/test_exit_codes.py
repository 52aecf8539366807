"""Exit codes: 0 when every item passes, 1 when any gap is found (2 is in test_bad_input)."""

from __future__ import annotations

from pathlib import Path

from checklists.loader import load_checklist

# What each freshness rule needs to read in an item's page, for fiscal year 2569.
CONTENT = {
    "none": "",
    "current_fiscal_year": "ประจำปีงบประมาณ พ.ศ. 2569",
    "previous_fiscal_year": "ประจำปีงบประมาณ พ.ศ. 2568",
    "six_month_round": "รอบ 6 เดือน ตั้งแต่ 1 ตุลาคม 2568 ถึง 31 มีนาคม 2569",
    "updated_within": "ข้อมูล ณ วันที่ 1 เมษายน 2569",
    "monthly_coverage": " ".join(f"ประจำเดือน{m}" for m in (
        "ตุลาคม 2568", "พฤศจิกายน 2568", "ธันวาคม 2568", "มกราคม 2569", "กุมภาพันธ์ 2569",
        "มีนาคม 2569", "เมษายน 2569")),
}


def build_complete_site(root: Path, skip: str = "") -> None:
    """An office site where every item of the default checklist is published and current."""
    (root / "ita").mkdir(parents=True)
    (root / "items").mkdir()
    rows = []
    for item in load_checklist("nacc-oit-2565").items:
        if item.code == skip:
            continue
        rows.append(f'<tr><td>{item.code}</td><td><a href="/items/{item.code}.html">'
                    f"{item.title_th}</a></td></tr>")
        (root / "items" / f"{item.code}.html").write_text(
            f"<html><body><h1>{item.title_th}</h1><p>{CONTENT[item.freshness.rule]}</p>"
            "</body></html>", encoding="utf-8")
    (root / "ita" / "index.html").write_text(
        f"<html><body><table>{''.join(rows)}</table></body></html>", encoding="utf-8")
    (root / "index.html").write_text(
        '<html><body><a href="/ita/">ITA 2569</a> '
        '<a href="/items/O30.html">แจ้งเรื่องร้องเรียนการทุจริต</a></body></html>',
        encoding="utf-8")


def test_every_item_passes_exit_0(cli, serve, tmp_path):
    build_complete_site(tmp_path / "site")
    result = cli("audit", serve(tmp_path / "site"), "--as-of", "2026-05-15",
                 out_dir=tmp_path / "out")
    bad = {c: v for c, v in result.verdicts().items() if v != "pass"}
    assert bad == {}
    assert result.code == 0
    assert result.report["summary"]["indicator9_estimate"] == 100.0


def test_one_gap_exit_1(cli, serve, tmp_path):
    build_complete_site(tmp_path / "site", skip="O27")
    result = cli("audit", serve(tmp_path / "site"), "--as-of", "2026-05-15",
                 out_dir=tmp_path / "out")
    assert result.code == 1
    assert {c: v for c, v in result.verdicts().items() if v != "pass"} == {"O27": "missing"}
