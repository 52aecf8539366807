"""`oit-audit report REPORT.json` re-renders a saved audit without crawling."""

from __future__ import annotations

import json
import zipfile

import pytest

from tests.conftest import NEXT_YEAR_UNITS, next_year_units, run_main


def test_rerender_matches_what_the_audit_wrote(demo_audit, tmp_path):
    """End to end: what the live demo audit wrote, rendered again from its report.json."""
    demo_run = demo_audit.result
    result = run_main("report", str(demo_run.out_dir / "report.json"), "--format", "html",
                     "--format", "itas,junit", "--out", str(tmp_path))
    assert result.code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "itas.csv", "itas.xlsx", "junit.xml", "report.html"]  # .oit-audit.lock: the lock
    for name in ("report.html", "itas.csv", "junit.xml"):
        assert (tmp_path / name).read_bytes() == (demo_run.out_dir / name).read_bytes(), name


def test_default_formats_and_folder_argument(rendered, tmp_path):
    result = run_main("report", str(rendered), "--out", str(tmp_path), "--lang", "en")
    assert result.code == 0, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert names == ["fixes.en.csv", "fixes.en.md", "fixes.en.xlsx", "itas.en.csv",
                     "itas.en.xlsx", "junit.en.xml", "report.en.html", "report.en.md"]
    assert '<html lang="en">' in (tmp_path / "report.en.html").read_text(encoding="utf-8")


def test_english_render_never_overwrites_the_thai_files(rendered, tmp_path):
    import shutil

    for name in ("report.json", "report.html", "report.md", "fixes.csv"):
        shutil.copy(rendered / name, tmp_path / name)
    before = {n: (tmp_path / n).read_bytes() for n in ("report.html", "report.md", "fixes.csv")}
    result = run_main("report", str(tmp_path / "report.json"), "--format", "html,md,csv",
                     "--lang", "en")
    assert result.code == 0, result.stderr
    for name, content in before.items():
        assert (tmp_path / name).read_bytes() == content, name
    assert '<html lang="en">' in (tmp_path / "report.en.html").read_text(encoding="utf-8")
    assert "report.en.html" in result.stdout


def test_units_file_remaps_a_saved_report(rendered, tmp_path):
    units = tmp_path / "units.yaml"
    units.write_text("units:\n  proc: {th: งานพัสดุ, en: Procurement}\nitems:\n  O23: proc\n",
                     encoding="utf-8")
    out = tmp_path / "out"
    result = run_main("report", str(rendered / "report.json"), "--format", "csv,json",
                     "--units", str(units), "--out", str(out))
    assert result.code == 0, result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    o23 = next(i for i in report["items"] if i["code"] == "O23")
    assert (o23["owner_id"], o23["owner"]) == ("proc", "งานพัสดุ")
    assert "งานพัสดุ,proc,O23" in (out / "fixes.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("content, words", [
    (None, "ไม่พบไฟล์รายงาน"),
    ("{not json", "ไม่ใช่ JSON ที่ถูกต้อง"),
    ('{"status": "complete"}', "ไม่ใช่ report.json ของ oit-audit"),
])
def test_bad_report_file_exits_2_in_thai(tmp_path, content, words):
    path = tmp_path / "report.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run_main("report", str(path), "--out", str(tmp_path / "out"))
    assert result.code == 2
    assert words in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_format_exits_2(rendered, tmp_path):
    result = run_main("report", str(rendered), "--format", "pdf", "--out", str(tmp_path))
    assert result.code == 2 and "ไม่รู้จักรูปแบบ" in result.stderr


def test_bad_units_file_exits_2_with_its_line(rendered, tmp_path):
    units = tmp_path / "units.yaml"
    units.write_text("items:\n  O23: nobody\n", encoding="utf-8")
    result = run_main("report", str(rendered), "--units", str(units),
                     "--out", str(tmp_path / "out"))
    assert result.code == 2
    assert f"{units}:2:" in result.stderr and "nobody" in result.stderr


def test_demo_with_units_file(demo_next_year):
    """The live demo run with ``--units`` (tests/conftest.py: O1 given to "it")."""
    result = demo_next_year
    assert result.code == 1, result.stderr
    assert NEXT_YEAR_UNITS == "units:\n  it: {th: งานไอที, en: IT}\nitems:\n  O1: it\n"
    o1 = next(i for i in result.report["items"] if i["code"] == "O1")
    assert (o1["owner_id"], o1["owner"]) == ("it", "งานไอที")
    assert result.report["units_file"] == str(next_year_units(result.out_dir))
    assert "งานไอที" in (result.out_dir / "fixes.md").read_text(encoding="utf-8")


def test_demo_refuses_units_file_naming_unknown_items_before_crawling(tmp_path):
    units = tmp_path / "units.yaml"
    units.write_text("items:\n  O99: legal\n", encoding="utf-8")
    result = run_main("demo", "--units", str(units), out_dir=tmp_path / "out")
    assert result.code == 2
    assert f"{units}:2:" in result.stdout + result.stderr
    assert not (tmp_path / "out" / "report.json").exists()


@pytest.mark.parametrize("dest", ["copy", "reports.zip"])
def test_export_writes_the_demo_reports_as_real_files(demo_audit, tmp_path, dest):
    """The live demo's folder shows its reports through links; ``--export`` gives the same
    bytes as plain files (a folder or a zip), with a Thai message first."""
    out = demo_audit.result.out_dir
    assert (out / "report.html").is_symlink()
    result = run_main("report", str(out), "--export", str(tmp_path / dest))
    assert result.code == 0, result.stderr
    shown = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    if dest.endswith(".zip"):
        assert result.stdout.startswith(f"รวมรายงานชุดปัจจุบัน {len(shown)} ไฟล์")
        with zipfile.ZipFile(tmp_path / dest) as archive:
            copied = {n: archive.read(n) for n in archive.namelist()}
    else:
        assert result.stdout.startswith(f"คัดลอกรายงานชุดปัจจุบันเป็นไฟล์จริง {len(shown)} ไฟล์")
        assert not any(p.is_symlink() for p in (tmp_path / dest).iterdir())
        copied = {p.name: p.read_bytes() for p in (tmp_path / dest).iterdir()}
    assert copied == {n: (out / n).read_bytes() for n in shown}
    assert "report.html" in copied and "crawl.jsonl" in copied


@pytest.mark.parametrize("extra, words", [
    (["--format", "html"], "ใช้ร่วมกับ --format, --units หรือ --out ไม่ได้"),
    (["--out", "elsewhere"], "ใช้ร่วมกับ --format, --units หรือ --out ไม่ได้"),
])
def test_export_renders_nothing_and_says_so_in_thai(rendered, tmp_path, extra, words):
    result = run_main("report", str(rendered), "--export", str(tmp_path / "x.zip"), *extra)
    assert result.code == 2 and words in result.stderr, result.stderr
    assert not (tmp_path / "x.zip").exists()


def test_export_of_a_folder_without_reports_or_onto_a_file_exits_2(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = run_main("report", str(tmp_path), "--export", str(tmp_path / "copy"))
    assert result.code == 2 and "ไม่พบรายงานในโฟลเดอร์" in result.stderr, result.stderr
    result = run_main("report", str(tmp_path), "--export", str(tmp_path / "notes.txt"))
    assert result.code == 2 and "ชื่อไฟล์ที่ลงท้ายด้วย .zip" in result.stderr, result.stderr
