"""The words people read are data (reports/words.yaml, Thai and English side by side), not
strings in the code: the batch summary, the nightly sections and the shared labels render
them in both languages."""

from __future__ import annotations

import ast
import copy
import re
from pathlib import Path

import pytest
from markupsafe import escape

from crawler import cliargs, pathargs, urlargs
from crawler.cli import main
from crawler.nightly.history import History
from reports import batch, changes, command, framing, html, jsonfile, markdown, units
from reports.labels import both, limit_hit_words, limit_words, words

ROOT = Path(__file__).resolve().parents[2]
THAI = re.compile("[\u0e00-\u0e7f]")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_batch_summary_speaks_the_language_asked(demo_report, lang):
    failed = copy.deepcopy(demo_report)
    failed["status"] = "site_unreachable"
    doc = batch.summarise([
        batch.OfficeResult("สพป.ตัวอย่าง", "http://127.0.0.1/", "a/report.html", demo_report),
        batch.OfficeResult("สพป.ปิด", "http://127.0.0.1:1/", "", failed)])
    t = words("batch", lang)
    text = batch.render_markdown(doc, lang)
    page = batch.render_html(doc, lang)
    for key in ("title", "heat", "failed", "rank", "report"):
        assert t[key] in text and t[key] in page
    assert ("ตรวจแล้ว 1 จาก 2 หน่วยงาน" if lang == "th" else "1 of 2 offices audited") in text
    assert bool(THAI.search(t["title"])) == (lang == "th")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_nightly_sections_speak_the_language_asked(demo_report, lang):
    report = copy.deepcopy(demo_report)
    report["history"] = [{"run_id": 1, "as_of": "2026-05-14", "date": "2026-05-14",
                          "score": 60.0, "band": "D"},
                         {"run_id": 2, "as_of": "2026-05-15", "date": "2026-05-15",
                          "score": 64.42, "band": "D"}]
    report["changes"] = {"baseline": {"run_id": 1, "as_of": "2026-05-14"},
                         "fixed": [{"code": "O1", "title_th": "โครงสร้าง",
                                    "title_en": "Structure", "before": "missing",
                                    "after": "pass"}],
                         "score": {"before": 60.0, "after": 64.42, "delta": 4.42}}
    h = words("changes", lang)
    lines = changes.changes_lines(report["changes"], lang)
    assert lines[0].startswith(f"{h['changes']} ({h['baseline']} #1 (2026-05-14))")
    assert f"  {h['fixed']}: O1 " in lines[1] and h["score"] in lines[-1]
    md = "\n".join(changes.markdown_section(report, lang))
    assert f"## {h['history']}" in md and " | ".join(h["history_header"]) in md
    assert changes.changes_lines({"baseline": None}, lang) == [f"{h['changes']}: {h['first']}"]


def test_the_crawl_limits_in_words():
    limits = {"max_pages": 1500, "max_depth": 4, "check_external": False, "other": 1}
    assert limit_words(limits, "th") == ["หน้าเว็บไม่เกิน 1,500 หน้า", "ลึกจากหน้าแรกไม่เกิน 4 คลิก",
                                         "ไม่เปิดตรวจลิงก์ภายนอก", "other: 1"]
    assert limit_words({"check_external": True}, "en") == ["external links checked"]
    assert limit_hit_words(["max_documents", "x"], "en") == ["documents", "x"]
    assert words("status", "th")["blocked"] == "เว็บไซต์ไม่อนุญาตให้ตรวจ"


def test_every_word_the_html_template_asks_for_is_in_the_html_section():
    template = (ROOT / "reports" / "templates" / "report.html.j2").read_text(encoding="utf-8")
    asked = set(re.findall(r"\bt\.(\w+)", template))
    assert len(asked) > 50 and not asked - set(words("html", "th"))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_html_and_markdown_reports_speak_the_language_asked(demo_report, lang):
    page, md = html.render(demo_report, lang), markdown.render(demo_report, lang)
    t, m = words("html", lang), words("markdown", lang)
    for key in ("title", "summary", "items_title", "priority_title", "crawl_title", "rerender"):
        assert str(escape(t[key])) in page, key
    for key in ("title", "summary", "fix_first", "items", "checklist"):
        assert m[key] in md, key
    assert "| " + " | ".join(m["header"]) + " |" in md
    assert bool(THAI.search(md.split("\n")[0])) == (lang == "th")


def test_a_message_in_both_languages():
    assert both("export", "failed", path="/x.zip") == "เขียน /x.zip ไม่ได้ (cannot write /x.zip)"
    assert both("audit_help", "lang") == "ภาษารายงาน (language)"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_framing_lines_speak_the_language_asked(demo_report, lang):
    report = copy.deepcopy(demo_report)
    report["checklist"]["provisional_items"] = ["O1"]
    report["summary"]["total"] = {"iit": 28.38, "eit": 29.19, "oit": 33.9, "total": 91.47,
                                  "tool_percents": {"iit": 0.5},
                                  "held_back": {"label": "AA", "each_tool_min": 0.85}}
    item = {"code": "O1", "last_year": {"renumbered": True, "framework_year": 2568,
                                        "codes": ["O12"]}}
    lines = framing.checklist_lines(report, lang) + framing.score_lines(report, lang)
    expected = {"th": ["แบบตรวจที่ใช้: nacc-oit-2565", "ข้อมูลชั่วคราว: 1 ข้อ",
                       "OIT (ประมาณการ): 32.88 จาก 40 คะแนน", "คะแนนรวมโดยประมาณ (IIT 28.38",
                       "ไม่ได้ระดับ AA เพราะ IIT ต่ำกว่า 0.85"],
                "en": ["Checklist used: nacc-oit-2565", "Provisional: 1 item of",
                       "OIT (estimate): 32.88 of 40 points", "Estimated total (IIT 28.38",
                       "Not AA: IIT under 0.85"]}[lang]
    assert [line[:len(start)] for line, start in zip(lines, expected, strict=True)] == expected
    assert framing.last_year_text(item, lang) == {"th": "ปี 2568 คือ O12 ปีนี้ O1",
                                                  "en": "was O12 in 2568, O1 now"}[lang]


def test_the_saved_report_messages_read_as_before(tmp_path):
    """The words of ``oit-audit report``, the units file and a saved report.json come from
    words.yaml and read exactly as they did when written in the code."""
    with pytest.raises(Exception) as exc:
        command._formats("pdf,md")
    assert str(exc.value) == (f"ไม่รู้จักรูปแบบ 'pdf': ใช้ได้ {', '.join(command._NAMES)} "
                              f"(unknown format 'pdf'; choose from {', '.join(command._NAMES)})")
    missing = tmp_path / "none.json"
    assert command.load_report(missing)[1] == [
        f"ไม่พบไฟล์รายงาน {missing} (report file not found: {missing}); ระบุไฟล์ report.json ที่ได้จาก "
        "oit-audit audit หรือ demo"]
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 65 + "]" * 65, encoding="utf-8")
    with pytest.raises(jsonfile.JsonFileError) as jexc:
        jsonfile.read_json(deep)
    assert str(jexc.value) == f"{deep}:1:65: ซ้อนกันลึกเกิน 64 ชั้น (nested deeper than 64 levels)"
    bad = tmp_path / "units.yaml"
    bad.write_text("units:\n  Bad id: x\n  pr: {en: 1, colour: red}\nitems: []\nother: 1\n",
                   encoding="utf-8")
    with pytest.raises(units.UnitsError) as uexc:
        units.load_units(bad)
    text = "\n".join(uexc.value.lines())
    for line in ("ไฟล์หน่วยงานไม่ถูกต้อง (invalid units file):",
                 "ไม่รู้จักคีย์ 'other' ใช้ได้เฉพาะ units, items (unknown key 'other'; allowed: units, "
                 "items)",
                 "รหัสหน่วยงาน 'Bad id' ต้องเป็นตัวอักษรอังกฤษ ตัวเลข หรือ _ . - เช่น finance "
                 "(unit id 'Bad id': letters, digits, _ . - only, e.g. finance)",
                 "ไม่รู้จักคีย์ 'colour' ใช้ได้เฉพาะ th, en (unknown key 'colour'; allowed: th, en)",
                 "ต้องมีชื่อภาษาไทย th (a Thai name 'th' is required)",
                 "en ต้องเป็นข้อความ (en must be text)"):
        assert line in text, line


def test_the_estimate_note_in_report_json(demo_report):
    """report.json's note (both languages, from words.yaml) is the one saved reports carry."""
    assert demo_report["summary"]["estimate_note_th"] == (
        "คะแนนประมาณการของตัวชี้วัดนี้จากสิ่งที่พบบนเว็บไซต์ ไม่ใช่ผลประเมินจริง")
    assert words("summary", "en")["estimate_note"] == demo_report["summary"]["estimate_note_en"]


def test_the_path_and_argument_messages_read_as_before(tmp_path):
    """crawler/pathargs.py's and cliargs.py's refusals, from words.yaml, as they always read."""
    a_file = tmp_path / "f.txt"
    a_file.write_text("x", encoding="utf-8")
    assert pathargs.output_dir_problem("--out", a_file) == (
        f"--out {a_file}: เป็นไฟล์ที่มีอยู่แล้ว ต้องระบุโฟลเดอร์ (เช่น {tmp_path / 'f'}-report) "
        f"(--out {a_file}: this is an existing file; give a folder, e.g. {tmp_path / 'f'}-report)")
    assert pathargs.database_problem("--db", tmp_path) == (
        f"--db {tmp_path}: เป็นโฟลเดอร์ ต้องระบุไฟล์ฐานข้อมูล เช่น {tmp_path / 'history.sqlite3'} "
        f"(--db {tmp_path}: this is a folder; give a database file, e.g. "
        f"{tmp_path / 'history.sqlite3'})")
    under = a_file / "x.zip"
    assert pathargs.export_problem("--export", under) == (
        f"--export {under}: สร้างไฟล์ zipไม่ได้ เพราะ {a_file} เป็นไฟล์ ไม่ใช่โฟลเดอร์ ให้ระบุตำแหน่งอื่น "
        f"(--export {under}: cannot create the zip file: {a_file} is a file, not a folder; "
        "choose another location)")
    assert pathargs.input_file_problem("--units", tmp_path / "no.yaml").endswith(
        ": ไม่พบไฟล์นี้ ตรวจชื่อและตำแหน่งไฟล์ (--units "
        f"{tmp_path / 'no.yaml'}: file not found; check its name and folder)")
    with pytest.raises(Exception) as exc:
        cliargs.points_arg("101")
    assert str(exc.value) == ("คะแนนไม่ถูกต้อง '101': ใช้ตัวเลข 0-100 เช่น 28.38 (invalid points "
                              "'101'; use a number from 0 to 100, e.g. 28.38)")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_history_table_speaks_the_language_asked(tmp_path, lang, capsys):
    """``oit-audit history`` (crawler/nightly/command.py): its table's words from words.yaml."""
    db = tmp_path / "h.sqlite3"
    with History(db) as h:
        run = h.begin_run("demo", "http://demo-office.localhost/", "nacc-oit-2565", "2026-05-15")
        h.finish_run(run, {"site": "http://demo-office.localhost/", "as_of": "2026-05-15",
                           "status": "complete", "items": [],
                           "summary": {"indicator9_estimate": 50.0}}, 0)
    t = words("runs", lang)
    assert main(["history", "--db", str(db), "--lang", lang]) == 0
    assert t["sites_title"] in capsys.readouterr().out
    assert main(["history", "demo", "--db", str(db), "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert f"{t['history_title']}: demo" in out and t["states"]["complete"] in out
    assert t["caption"][:20] in out and t["history_header"][2] in out


def test_the_url_refusals_keep_only_keyboard_data_in_the_code():
    """crawler/urlargs.py's messages are words.yaml's (section urls); the Thai left in the
    module is data (the Thai keyboard layout, the .ไทย domain) and its docstring's example."""
    tree = ast.parse((ROOT / "crawler" / "urlargs.py").read_text(encoding="utf-8"))
    left = {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and THAI.search(node.value)}
    assert left <= {urlargs.__doc__, urlargs._TH_KEYS, urlargs.THAI_TLD}, left
    assert urlargs.url_problem("ftp://x.go.th") == (
        "ที่อยู่เว็บไซต์ไม่ถูกต้อง 'ftp://x.go.th': ต้องขึ้นต้นด้วย http:// หรือ https:// ไม่ใช่ ftp:// "
        "(only http:// and https:// sites can be audited, not ftp://) ตรวจแล้วพิมพ์ใหม่ เช่น "
        "https://www.example.go.th")
    assert "หมายถึง https://www.example.go.th ใช่หรือไม่ (did you mean https://www.example.go.th?)" \
        in urlargs.url_problem("htps://www.example.go.th")
