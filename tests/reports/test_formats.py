"""What the renderers write for the demo's report (tests/fixtures/report/report.json): every
format, read the way its reader reads it."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date

from openpyxl import load_workbook

from checklists.vocabulary import en_date, thai_date
from reports import RENDERERS

FILES = ("report.json", "report.md", "report.html", "fixes.md", "fixes.csv", "fixes.xlsx",
         "itas.csv", "itas.xlsx", "junit.xml")


def read_csv(path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for Excel"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_every_format_is_rendered(rendered):
    assert sorted(name for name, _ in RENDERERS.values()) == sorted(FILES)
    for name in FILES:
        assert (rendered / name).stat().st_size > 500, name


def test_fix_list_groups_failures_by_responsible_unit(rendered, demo_report):
    rows = read_csv(rendered / "fixes.csv")
    failing = {i["code"] for i in demo_report["items"] if i["verdict"] != "pass"}
    assert {r["ข้อ"] for r in rows} == failing
    unit = {r["ข้อ"]: r["รหัสหน่วยงาน"] for r in rows}
    assert unit["O23"] == "finance" and unit["O30"] == "legal" and unit["O1"] == "ict"
    o23 = next(r for r in rows if r["ข้อ"] == "O23")
    item = next(i for i in demo_report["items"] if i["code"] == "O23")
    first_gap = item["missing_months"][0]  # the demo leaves some months out
    assert o23["หน่วยงาน"] == "กลุ่มบริหารงานการเงินและสินทรัพย์"
    assert o23["สิ่งที่ไม่ถูกต้อง"].startswith(f"ขาดเดือน {first_gap}")
    assert o23["ที่อยู่ (URL)"].startswith("http://demo-office.localhost/")
    assert first_gap in o23["สิ่งที่ต้องทำให้ผ่าน"]
    due = item["due"]["months"][0]
    assert due["label"] == first_gap and due["date"].endswith("-15")  # day 15, next month
    assert o23["วันที่กำหนด"] == due["date"] and o23["เลยกำหนด"] == "ใช่"
    assert thai_date(date.fromisoformat(due["date"])) in o23["กำหนดแล้วเสร็จ (แนะนำ)"]
    missing = next(r for r in rows if r["ข้อ"] == "O25")
    assert missing["ที่อยู่ (URL)"].endswith("/ita/")  # where the link should be added


def test_fix_list_markdown_has_a_section_per_unit(rendered):
    text = (rendered / "fixes.md").read_text(encoding="utf-8")
    assert "## กลุ่มบริหารงานการเงินและสินทรัพย์ (finance)" in text
    assert "## กลุ่มบริหารงานบุคคล (hr)" in text
    section = text.split("(finance)")[1].split("\n## ")[0]
    assert "### O23 " in section and "**กำหนดแล้วเสร็จ (แนะนำ):**" in section


def test_fix_list_workbook_has_a_sheet_per_unit(rendered, demo_report):
    wb = load_workbook(rendered / "fixes.xlsx")
    owners = {i["owner_id"] for i in demo_report["items"] if i["verdict"] != "pass"}
    assert set(wb.sheetnames) == {"สรุป", *owners}
    codes = [row[2] for row in wb["hr"].iter_rows(min_row=2, values_only=True)]
    assert sorted(codes) == ["O25", "O26", "O27"]


def test_itas_sheet_lists_urls_in_assessment_order(rendered, demo_report):
    rows = read_csv(rendered / "itas.csv")
    assert [r["ข้อ"] for r in rows] == [i["code"] for i in demo_report["items"]]
    assert [r["ลำดับ"] for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    by_code = {r["ข้อ"]: r for r in rows}
    assert by_code["O2"]["URL ที่ส่ง"].endswith("/about/executives.html")
    assert by_code["O2"]["ผลการตรวจ"] == "ผ่าน" and by_code["O2"]["พร้อมส่ง"] == "พร้อม"
    assert by_code["O25"]["URL ที่ส่ง"] == "" and by_code["O25"]["พร้อมส่ง"] == "ยังไม่พร้อม"
    o23 = next(i for i in demo_report["items"] if i["code"] == "O23")
    parts = [e["url"] for e in o23["evidence"] if e["role"] == "part"]
    assert len(parts) >= 3 and by_code["O23"]["URL เพิ่มเติม"].splitlines() == parts
    wb = load_workbook(rendered / "itas.xlsx")
    ws = wb["ITAS"]
    assert ws["B3"].value == "O2" and ws["E3"].hyperlink.target == ws["E3"].value


def test_junit_has_one_case_per_item(rendered, demo_report):
    root = ET.parse(rendered / "junit.xml").getroot()
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(demo_report["items"]) == int(root.get("tests"))
    failures = {c.get("name").split()[0]: c.find("failure") for c in cases
                if c.find("failure") is not None}
    assert set(failures) == {i["code"] for i in demo_report["items"] if i["verdict"] != "pass"}
    assert failures["O23"].get("type") == "stale"
    assert "ขาดเดือน" in failures["O23"].get("message")
    assert int(root.get("failures")) == len(failures)


def test_english_reports(demo_report, tmp_path):
    from reports import write_reports

    write_reports(demo_report, tmp_path, formats=("html", "fixes-csv", "itas-csv", "junit"),
                  lang="en")
    html = (tmp_path / "report.en.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Indicator 9, disclosure" in html
    assert "Monthly procurement summary" in html
    rows = read_csv(tmp_path / "fixes.en.csv")
    o23 = next(r for r in rows if r["Code"] == "O23")
    first = next(i for i in demo_report["items"] if i["code"] == "O23")["due"]["months"][0]
    assert o23["Unit"] == "Finance and assets group"
    assert f"due {en_date(date.fromisoformat(first['date']))}" in o23["Suggested deadline"]
    assert "Verdict" in read_csv(tmp_path / "itas.en.csv")[0]


def test_html_is_self_contained(rendered):
    html = (rendered / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html and "Content-Security-Policy" in html
    for needle in ("<link rel=\"stylesheet\"", "<script src", "@import", "url(http",
                   "fonts.googleapis", "cdn."):
        assert needle not in html, needle
    assert "ประมาณการ" in html  # the score is labelled as an estimate


def test_html_shows_the_band_on_the_2566_scale(demo_report, tmp_path):
    """The scale is checklist data: a 2566 checklist brings its Thai labels."""
    import copy

    from checklists.loader import load_checklist
    from reports import write_reports
    from reports.build import scale_section

    report = copy.deepcopy(demo_report)
    scale = scale_section(load_checklist("nacc-oit-2566"))
    report["summary"]["scale"] = scale
    report["summary"]["indicator9_estimate"] = 90.0
    report["summary"]["band"] = next(b for b in scale if b["min"] <= 90.0 <= b["max"])
    report["checklist"]["framework_year"] = 2566
    write_reports(report, tmp_path, formats=("html",))
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert [b["label"] for b in scale] == ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง",
                                           "ต้องปรับปรุงโดยด่วน"]
    assert [b["max"] for b in scale] == [100.0, 94.99, 94.99, 84.99, 69.99]
    assert [b["each_tool_min"] for b in scale] == [95, 85, None, None, None]
    assert 'id="band"' in html and ">ผ่านดี</span>" in html
    assert "กรอบการประเมินปี 2566" in html and "ต้องปรับปรุงโดยด่วน 0–69.99" in html


def test_pages_not_rendered_are_listed(demo_report):
    import copy

    from reports import html, markdown

    report = copy.deepcopy(demo_report)
    report["crawl"]["not_rendered"] = [{
        "url": "http://office.example/ita/", "cause": "no_browser",
        "reason": "ไม่มีเบราว์เซอร์ Chromium", "reason_en": "Chromium is not installed",
        "detail": ""}]
    page = html.render(report, "th")
    assert "http://office.example/ita/" in page and "ไม่มีเบราว์เซอร์ Chromium" in page
    assert "Chromium is not installed" in markdown.render(report, "en")
