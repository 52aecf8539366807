"""O23 month coverage end to end through the engine, for the three shapes sites use.

No crawl: the snapshot is built from ``PageRecord`` objects the way the spider records them
(a page's ``text`` includes its link texts; a link's ``context`` is its row or list item).
The as-of date is 15 May 2569 (2026), fiscal year 2569, O23's grace is 15 days: October 2568 to
March 2569 are due, April is not (its last day to publish is 15 May).  Each site publishes
October, November, December and March, so January and February are missing.
"""

from __future__ import annotations

from datetime import date

import pytest

from checklists import engine
from checklists.engine import ItemResult
from checklists.loader import load_checklist
from checklists.site.records import PageRecord
from checklists.site.snapshot import CrawlInfo, Snapshot

SITE = "http://office.example/"
HOME, ITA, O23 = SITE, SITE + "ita/", SITE + "ita/o23.html"
AS_OF = date(2026, 5, 15)
GAP = ["ม.ค. 2569", "ก.พ. 2569"]
OFFICE = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาตัวอย่าง"
Link = tuple[str, str, str]  # url, text, context (row or list item)

# slug, full month, link text as the issue writes it
MONTHS = [("2568-10", "ตุลาคม 2568", "สขร. ต.ค. 68"), ("2568-11", "พฤศจิกายน 2568", "พ.ย. 68"),
          ("2568-12", "ธันวาคม 2568", "ธ.ค. 68"), ("2569-03", "มีนาคม 2569", "มี.ค. 69")]


def record(url: str, kind: str = "page", text: str = "", title: str = "",
           links: list[Link] = (), heading: str = "", status: int = 200) -> PageRecord:
    return PageRecord(url=url, final_url=url, kind=kind, status=status, depth=1,
                      fetched_at="2026-05-15T00:00:00+00:00", title=title, text=text,
                      headings=[heading] if heading else [],
                      links=[{"url": u, "text": t, "context": c, "heading": heading}
                             for u, t, c in links])


def skr1(full: str, day: str) -> str:
    """The text of one month's form สขร.1, as extracted from its PDF."""
    return (f"แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือน{full}\n{OFFICE}\n"
            "ลำดับ งานที่จัดซื้อจัดจ้าง วงเงินงบประมาณ ราคากลาง วิธีซื้อหรือจ้าง "
            "ผู้ได้รับการคัดเลือก เลขที่และวันที่ของสัญญา\n"
            f"1 จัดซื้อวัสดุสำนักงาน 12,500.00 12,500.00 เฉพาะเจาะจง ร้านตัวอย่างพาณิชย์ "
            f"สัญญาเลขที่ 12/2569 ลงวันที่ {day}")


def o23(records: list[PageRecord], ita_links: list[Link], as_of: date = AS_OF) -> ItemResult:
    home = record(HOME, title=OFFICE, links=[(ITA, "ITA", "")])
    ita = record(ITA, title="ITA 2569", text="การเปิดเผยข้อมูลสาธารณะ (OIT)", links=ita_links)
    snap = Snapshot([home, ita, *records], CrawlInfo(start_url=HOME, home_url=HOME))
    audit = engine.audit(load_checklist("nacc-oit-2565"), snap, as_of)
    return next(r for r in audit.results if r.item.code == "O23")


ROW = (O23, "O23 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", "")


# --- (a) one page listing every month as text ------------------------------------------------

def listing_page(months: list[str]) -> PageRecord:
    sections = " ".join(
        f"ประจำเดือน {full} ลำดับ 1 จัดซื้อวัสดุสำนักงาน 12,500.00 บาท วิธีเฉพาะเจาะจง"
        for full in months)
    return record(O23, title="สรุปผลการจัดซื้อจัดจ้างรายเดือน",
                  heading="สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน ปีงบประมาณ พ.ศ. 2569",
                  text="สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน ปีงบประมาณ พ.ศ. 2569 "
                       + sections)


def test_shape_a_one_page_listing_every_month():
    r = o23([listing_page([full for _, full, _ in MONTHS])], [ROW])
    assert r.verdict == "stale"
    assert r.missing_months == GAP and r.reason_th.startswith("ขาดเดือน ม.ค. 2569, ก.พ. 2569")
    assert r.evidence[0].url == O23 and r.evidence[0].date_source == "content"


def test_shape_a_complete_listing_passes():
    months = ["ตุลาคม 2568", "พฤศจิกายน 2568", "ธันวาคม 2568", "มกราคม 2569",
              "กุมภาพันธ์ 2569", "มีนาคม 2569"]
    r = o23([listing_page(months)], [ROW])
    assert r.verdict == "pass" and not r.missing_months
    assert r.evidence[0].date_text == "มีนาคม 2569"


@pytest.mark.parametrize("as_of, missing", [
    (date(2026, 2, 15), []),                 # 31 Jan + 15 days: January not yet due
    (date(2026, 2, 16), ["ม.ค. 2569"]),
])
def test_shape_a_due_month_boundary(as_of, missing):
    r = o23([listing_page(["ตุลาคม 2568", "พฤศจิกายน 2568", "ธันวาคม 2568"])], [ROW], as_of)
    assert r.missing_months == missing
    assert r.verdict == ("stale" if missing else "pass")


# --- (b) one link per month -----------------------------------------------------------------

def month_docs() -> list[PageRecord]:
    days = {"2568-10": "15 ต.ค. 2568", "2568-11": "3 พ.ย. 2568", "2568-12": "1 ธ.ค. 2568",
            "2569-03": "27 ก.พ. 2569"}  # March's contract was signed in February
    return [record(f"{SITE}files/skr1-{slug}.pdf", kind="document", text=skr1(full, days[slug]))
            for slug, full, _ in MONTHS]


def items_page(docs: list[PageRecord]) -> list[PageRecord]:
    """O23's own page with the issue's link texts (`สขร. ต.ค. 68`, `พ.ย. 68`...), one per month
    in a list, and the month files behind them."""
    links = [(f"{SITE}files/skr1-{slug}.pdf", text, text) for slug, _, text in MONTHS]
    page = record(O23, title="สรุปผลการจัดซื้อจัดจ้างรายเดือน", links=links,
                  heading="สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
                  text="สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน "
                       + " ".join(t for _, t, _ in links))
    return [page, *docs]


def test_shape_b_one_link_per_month_on_the_items_page():
    r = o23(items_page(month_docs()), [ROW])
    assert r.verdict == "stale" and r.missing_months == GAP
    dated = {e.url: (e.date_text, e.date_source) for e in r.evidence}
    assert dated[O23] == ("มี.ค. 69", "content")
    # each file is evidence (the bare `พ.ย. 68` links through their form's title), dated by
    # its own content
    assert dated[f"{SITE}files/skr1-2568-11.pdf"] == ("พฤศจิกายน 2568", "content")
    assert dated[f"{SITE}files/skr1-2569-03.pdf"] == ("มีนาคม 2569", "content")


def test_shape_b_one_link_per_month_in_the_ita_table_row():
    """`<tr><td>O23</td><td>title</td><td><a>ต.ค. 68</a> <a>พ.ย. 68</a> ...</td></tr>`."""
    row = "O23 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน " + " ".join(
        t.removeprefix("สขร. ") for _, _, t in MONTHS)
    links = [(f"{SITE}files/skr1-{slug}.pdf", t.removeprefix("สขร. "), row)
             for slug, _, t in MONTHS]
    r = o23(month_docs(), links)
    assert r.verdict == "stale" and r.missing_months == GAP
    assert len(r.evidence) == 4 and {e.matched_by for e in r.evidence} == {"code"}


def test_shape_b_each_file_counts_for_the_month_it_contains():
    """Links alone (no listing page): each month is read from its own link and file, and the
    file's content outranks its link text (`สขร. ม.ค. 69` opens December's form again)."""
    links = [(f"{SITE}files/skr1-{slug}.pdf", f"สขร. {short}", "")
             for slug, short in [("2568-10", "ต.ค. 68"), ("2568-11", "พ.ย. 68"),
                                 ("2568-12", "ธ.ค. 68"), ("2569-01", "ม.ค. 69"),
                                 ("2569-03", "มี.ค. 69")]]
    docs = month_docs() + [record(f"{SITE}files/skr1-2569-01.pdf", kind="document",
                                  text=skr1("ธันวาคม 2568", "1 ธ.ค. 2568"))]
    r = o23(docs, links)
    assert r.verdict == "stale" and r.missing_months == GAP
    jan = next(e for e in r.evidence if e.url.endswith("skr1-2569-01.pdf"))
    assert jan.date_source == "content" and jan.date_text == "ธันวาคม 2568"


def test_bare_month_links_to_unreadable_files_are_evidence():
    scans = [record(d.url, kind="document") for d in month_docs()]
    urls = {e.url for e in o23(items_page(scans), [ROW]).evidence}
    assert {d.url for d in scans} <= urls


def test_broken_month_link_in_a_shared_row():
    row = "O23 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน " + " ".join(
        t.removeprefix("สขร. ") for _, _, t in MONTHS)
    links = [(f"{SITE}files/skr1-{slug}.pdf", t.removeprefix("สขร. "), row)
             for slug, _, t in MONTHS]
    scans = [record(d.url, kind="document") for d in month_docs()]
    scans[2] = record(scans[2].url, kind="document", status=404)  # ธ.ค. 68
    assert o23(scans, links).missing_months == ["ธ.ค. 2568", *GAP]


def test_broken_month_file_on_the_listing_page():
    docs = month_docs()
    docs[2] = record(docs[2].url, kind="document", status=404)  # ธ.ค. 68
    assert o23(items_page(docs), [ROW]).missing_months == ["ธ.ค. 2568", *GAP]


def test_broken_month_file_is_missing_when_files_are_read():
    """With readable files in one row, each file's content outranks the shared row text."""
    row = "O23 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน " + " ".join(
        t.removeprefix("สขร. ") for _, _, t in MONTHS)
    links = [(f"{SITE}files/skr1-{slug}.pdf", t.removeprefix("สขร. "), row)
             for slug, _, t in MONTHS]
    docs = month_docs()
    docs[2] = record(docs[2].url, kind="document", status=404)  # ธ.ค. 68
    r = o23(docs, links)
    assert r.missing_months == ["ธ.ค. 2568", *GAP]
    assert r.reason_th.startswith("ขาดเดือน ธ.ค. 2568, ม.ค. 2569, ก.พ. 2569")


# --- (c) one document with a section per month ----------------------------------------------

def sectioned(months: list[tuple[str, str]]) -> str:
    return "\n".join(skr1(full, day) for full, day in months)


def test_shape_c_one_document_with_a_section_per_month():
    url = f"{SITE}files/skr1-2569.pdf"
    text = sectioned([("ตุลาคม 2568", "15 ต.ค. 2568"), ("พฤศจิกายน 2568", "3 พ.ย. 2568"),
                      ("ธันวาคม 2568", "1 ธ.ค. 2568"), ("มีนาคม 2569", "27 ก.พ. 2569")])
    r = o23([record(url, kind="document", text=text)],
            [(url, "O23 สรุปผลการจัดซื้อจัดจ้างรายเดือน ปีงบประมาณ 2569", "")])
    # February's contract date inside March's section does not publish February
    assert r.verdict == "stale" and r.missing_months == GAP
    assert r.reason_th.startswith("ขาดเดือน ม.ค. 2569, ก.พ. 2569")
    assert r.evidence[0].url == url and r.evidence[0].date_source == "content"


def test_shape_c_quarterly_sections_do_not_show_months():
    url = f"{SITE}files/skr-quarters-2569.pdf"
    text = ("สรุปผลการจัดซื้อจัดจ้าง ไตรมาส 1 ปีงบประมาณ 2569 ลำดับ 1 จัดซื้อวัสดุ 12,500.00\n"
            "สรุปผลการจัดซื้อจัดจ้าง ไตรมาส 2 ปีงบประมาณ 2569 ลำดับ 1 จ้างซ่อม 8,000.00")
    r = o23([record(url, kind="document", text=text)],
            [(url, "O23 สรุปผลการจัดซื้อจัดจ้างรายเดือน", "")])
    assert r.missing_months == ["ต.ค. 2568", "พ.ย. 2568", "ธ.ค. 2568", "ม.ค. 2569",
                                "ก.พ. 2569", "มี.ค. 2569"]


def test_fiscal_year_override_reaches_the_rule():
    url = f"{SITE}files/skr1-2569.pdf"
    text = sectioned([("ตุลาคม 2568", "15 ต.ค. 2568")])
    home = record(HOME, links=[(ITA, "ITA", "")])
    ita = record(ITA, links=[(url, "O23 สรุปผลการจัดซื้อจัดจ้างรายเดือน", "")])
    snap = Snapshot([home, ita, record(url, kind="document", text=text)],
                    CrawlInfo(start_url=HOME, home_url=HOME))
    audit = engine.audit(load_checklist("nacc-oit-2565"), snap, date(2025, 11, 20), 2568)
    r = next(r for r in audit.results if r.item.code == "O23")
    assert audit.fiscal_year == 2568
    assert len(r.missing_months) == 12 and r.missing_months[0] == "ต.ค. 2567"
