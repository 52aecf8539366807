"""checklists.thaidates: every date shape of thai-dates.md, the traps, and the labelled set."""

from __future__ import annotations

import calendar
import dataclasses
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from checklists.fiscal import BE_OFFSET
from checklists.thaidates import KINDS, DateMention, find_dates
from checklists.thaidates import finder as finder_module
from checklists.thaidates.lexicon import (
    MONTH,
    MONTH_ABBR,
    MONTH_FULL,
    MONTH_SHORT,
    month_forms,
    month_number,
    year_to_ce,
)
from checklists.thaidates.patterns import ALTERNATIVES, PATTERN, UNFILTERED
from tests import patience
from tests.benchmarks.date_scoring import load_labelled, score

LABELLED = Path(__file__).resolve().parents[1] / "data" / "dates_labelled.yaml"
REALWORLD = LABELLED.with_name("dates_realworld.yaml")
D = date.fromisoformat


def only(text: str) -> DateMention:
    """The single mention of ``text`` (fails with what was found otherwise)."""
    found = find_dates(text)
    assert len(found) == 1, f"expected one mention in {text!r}; found {found}"
    return found[0]


def shape(text: str) -> list[tuple[str, str, str, str, str]]:
    return [(m.text, m.kind, m.start.isoformat(), m.end.isoformat(), m.context)
            for m in find_dates(text)]


# --- shapes: (text, mention text, kind, start, end) ------------------------------------------

SHAPES = [
    # bare years ("Years": 2569 B.E. = 2026 C.E.; Thai digits; ปี 69)
    ("แผนการดำเนินงาน 2569", "2569", "year", "2026-01-01", "2026-12-31"),
    ("ข้อมูล พ.ศ. 2569", "พ.ศ. 2569", "year", "2026-01-01", "2026-12-31"),
    ("ข้อมูล พ.ศ.2569", "พ.ศ.2569", "year", "2026-01-01", "2026-12-31"),
    ("แผนงาน ๒๕๖๙", "๒๕๖๙", "year", "2026-01-01", "2026-12-31"),
    ("สรุปผลปี 69", "ปี 69", "year", "2026-01-01", "2026-12-31"),
    ("Annual Report 2025", "2025", "year", "2025-01-01", "2025-12-31"),
    ("ค.ศ. 2026", "ค.ศ. 2026", "year", "2026-01-01", "2026-12-31"),
    # fiscal years ("Fiscal year": N runs 1 Oct N-1 to 30 Sep N)
    ("ปีงบประมาณ 2569", "ปีงบประมาณ 2569", "fiscal_year", "2025-10-01", "2026-09-30"),
    ("ปีงบฯ 69", "ปีงบฯ 69", "fiscal_year", "2025-10-01", "2026-09-30"),
    ("ประจำปีงบประมาณ พ.ศ. 2569", "ปีงบประมาณ พ.ศ. 2569", "fiscal_year",
     "2025-10-01", "2026-09-30"),
    ("ปีงบประมาณ ๒๕๖๖", "ปีงบประมาณ ๒๕๖๖", "fiscal_year", "2022-10-01", "2023-09-30"),
    ("รายงานการใช้จ่ายงบประมาณประจำปี 2568", "งบประมาณประจำปี 2568", "fiscal_year",
     "2024-10-01", "2025-09-30"),
    # quarters: 1 = Oct-Dec, 2 = Jan-Mar, 3 = Apr-Jun, 4 = Jul-Sep
    ("ไตรมาส 1 ปีงบประมาณ 2569", "ไตรมาส 1 ปีงบประมาณ 2569", "quarter",
     "2025-10-01", "2025-12-31"),
    ("ไตรมาส 2 ปีงบประมาณ 2569", "ไตรมาส 2 ปีงบประมาณ 2569", "quarter",
     "2026-01-01", "2026-03-31"),
    ("ไตรมาสที่ 3/2569", "ไตรมาสที่ 3/2569", "quarter", "2026-04-01", "2026-06-30"),
    ("ไตรมาส 4 ปีงบฯ 69", "ไตรมาส 4 ปีงบฯ 69", "quarter", "2026-07-01", "2026-09-30"),
    # a quarter named by an ordinal word; an agency's are fiscal, the economy's calendar ones
    ("ผลการเบิกจ่ายไตรมาสที่สองของปีงบประมาณ 2569", "ไตรมาสที่สองของปีงบประมาณ 2569", "quarter",
     "2026-01-01", "2026-03-31"),
    ("ไตรมาสแรกของปี 2569", "ไตรมาสแรกของปี 2569", "quarter", "2025-10-01", "2025-12-31"),
    ("ไตรมาสสุดท้ายของปี 2568", "ไตรมาสสุดท้ายของปี 2568", "quarter", "2025-07-01", "2025-09-30"),
    ("เศรษฐกิจไทยในไตรมาสแรกของปี 2568 ขยายตัว", "ไตรมาสแรกของปี 2568", "quarter",
     "2025-01-01", "2025-03-31"),
    ("ส่งออกไตรมาสแรกปี 2565 มูลค่า 286,022 ล้านบาท โต 28.8%", "ไตรมาสแรกปี 2565", "quarter",
     "2022-01-01", "2022-03-31"),
    # rounds: 6 months = 1 Oct to 31 Mar; 12 months = the fiscal year
    ("รอบ 6 เดือน (ปีงบประมาณ 2569)", "รอบ 6 เดือน (ปีงบประมาณ 2569", "half_year_round",
     "2025-10-01", "2026-03-31"),
    ("รอบ ๖ เดือน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", "รอบ ๖ เดือน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙",
     "half_year_round", "2025-10-01", "2026-03-31"),
    ("รอบ 12 เดือน ประจำปีงบประมาณ 2569", "รอบ 12 เดือน ประจำปีงบประมาณ 2569", "fiscal_year",
     "2025-10-01", "2026-09-30"),
    ("6 เดือนแรก ปีงบประมาณ 2568", "6 เดือนแรก ปีงบประมาณ 2568", "half_year_round",
     "2024-10-01", "2025-03-31"),
    # months
    ("สขร.1 ต.ค. 68", "ต.ค. 68", "month", "2025-10-01", "2025-10-31"),
    ("ประจำเดือนตุลาคม 2568", "ตุลาคม 2568", "month", "2025-10-01", "2025-10-31"),
    ("เดือน ต.ค.68", "ต.ค.68", "month", "2025-10-01", "2025-10-31"),
    ("เดือน ต.ค 68", "ต.ค 68", "month", "2025-10-01", "2025-10-31"),
    ("เดือน ตค.68", "ตค.68", "month", "2025-10-01", "2025-10-31"),
    ("เดือน ต. ค. 68", "ต. ค. 68", "month", "2025-10-01", "2025-10-31"),
    ("สขร_ต.ค.68.pdf", "ต.ค.68", "month", "2025-10-01", "2025-10-31"),
    ("เดือนกรกฏาคม 2568", "กรกฏาคม 2568", "month", "2025-07-01", "2025-07-31"),
    ("ต.ค. 65", "ต.ค. 65", "month", "2022-10-01", "2022-10-31"),  # never 2065
    ("ก.พ. 67", "ก.พ. 67", "month", "2024-02-01", "2024-02-29"),  # leap year
    ("ก.พ. 68", "ก.พ. 68", "month", "2025-02-01", "2025-02-28"),
    # days
    ("1 ต.ค. 68", "1 ต.ค. 68", "day", "2025-10-01", "2025-10-01"),
    ("วันที่ 1 ตุลาคม พ.ศ. 2568", "1 ตุลาคม พ.ศ. 2568", "day", "2025-10-01", "2025-10-01"),
    ("01/10/2568", "01/10/2568", "day", "2025-10-01", "2025-10-01"),
    ("1/10/68", "1/10/68", "day", "2025-10-01", "2025-10-01"),
    ("2568-10-01", "2568-10-01", "day", "2025-10-01", "2025-10-01"),
    ("2025-10-01", "2025-10-01", "day", "2025-10-01", "2025-10-01"),
    ("๑ ต.ค. ๖๘", "๑ ต.ค. ๖๘", "day", "2025-10-01", "2025-10-01"),
    ("โพสต์เมื่อ 12 พ.ย. 2568", "12 พ.ย. 2568", "day", "2025-11-12", "2025-11-12"),
    ("29 ก.พ. 2567", "29 ก.พ. 2567", "day", "2024-02-29", "2024-02-29"),
    ("ประกาศ ณ วันที่ ๑๕ เดือน มกราคม พ.ศ. ๒๕๖๙", "๑๕ เดือน มกราคม พ.ศ. ๒๕๖๙", "day",
     "2026-01-15", "2026-01-15"),
    # ranges, one year written for both ends, crossing a year boundary
    ("ตุลาคม 2568 - มีนาคม 2569", "ตุลาคม 2568 - มีนาคม 2569", "range",
     "2025-10-01", "2026-03-31"),
    ("ต.ค. - มี.ค. 69", "ต.ค. - มี.ค. 69", "range", "2025-10-01", "2026-03-31"),
    ("ต.ค. 65 – มี.ค. 66", "ต.ค. 65 – มี.ค. 66", "range", "2022-10-01", "2023-03-31"),
    ("ตั้งแต่ 1 ต.ค. 2568 ถึง 31 มี.ค. 2569", "1 ต.ค. 2568 ถึง 31 มี.ค. 2569", "range",
     "2025-10-01", "2026-03-31"),
    ("1 ต.ค. - 31 ธ.ค. 68", "1 ต.ค. - 31 ธ.ค. 68", "range", "2025-10-01", "2025-12-31"),
    ("วันที่ 1 - 15 ต.ค. 68", "1 - 15 ต.ค. 68", "range", "2025-10-01", "2025-10-15"),
    ("31 ธันวาคม 2568 ถึง 1 มกราคม 2569", "31 ธันวาคม 2568 ถึง 1 มกราคม 2569", "range",
     "2025-12-31", "2026-01-01"),
    ("ไตรมาสที่ 1-2 ปีงบประมาณ 2569", "ไตรมาสที่ 1-2 ปีงบประมาณ 2569", "range",
     "2025-10-01", "2026-03-31"),
    ("(พ.ศ. 2566-2570)", "พ.ศ. 2566-2570", "range", "2023-01-01", "2027-12-31"),
    ("ปีงบประมาณ 2566 - 2570", "ปีงบประมาณ 2566 - 2570", "range", "2022-10-01", "2027-09-30"),
    ("รอบ 6 เดือนหลัง ปีงบประมาณ 2568", "รอบ 6 เดือนหลัง ปีงบประมาณ 2568", "range",
     "2025-04-01", "2025-09-30"),
    # the first N months of a year: calendar months, or the fiscal year's with its word (6 with
    # a fiscal word or `ปี พ.ศ.` stays the six-month round above)
    ("ช่วง 6 เดือนแรกของปี 2567 มีนักท่องเที่ยว", "6 เดือนแรกของปี 2567", "range",
     "2024-01-01", "2024-06-30"),
    ("4 เดือนแรกปี 2567", "4 เดือนแรกปี 2567", "range", "2024-01-01", "2024-04-30"),
    # six with no fiscal word and no news's cue: an agency's six-month round (thai-dates.md)
    ("รายงานผลการดำเนินงาน 6 เดือนแรก ปี 2569", "6 เดือนแรก ปี 2569", "half_year_round",
     "2025-10-01", "2026-03-31"),
    ("สรุปผล 6 เดือนแรกของปี 2569 สำนักงานเขตพื้นที่การศึกษา", "6 เดือนแรกของปี 2569",
     "half_year_round", "2025-10-01", "2026-03-31"),
    ("มูลค่าส่งออก 6 เดือนแรกของปี 2567 ขยายตัว 3.1%", "6 เดือนแรกของปี 2567", "range",
     "2024-01-01", "2024-06-30"),
    ("ช่วง 11 เดือนแรกของปี 2566", "11 เดือนแรกของปี 2566", "range", "2023-01-01", "2023-11-30"),
    ("เบิกจ่าย 3 เดือนแรกของปีงบประมาณ 2568", "3 เดือนแรกของปีงบประมาณ 2568", "range",
     "2024-10-01", "2024-12-31"),
    # English month spans with the year written once, and English dates joined by a bare `to`
    ("exports in October-December 2023", "October-December 2023", "range",
     "2023-10-01", "2023-12-31"),
    ("from Oct. to Dec. 2023", "Oct. to Dec. 2023", "range", "2023-10-01", "2023-12-31"),
    ("between November and February 2024", "November and February 2024", "range",
     "2023-11-01", "2024-02-29"),
    ("Arrival Date:8 January 2020", "8 January 2020", "day", "2020-01-08", "2020-01-08"),
    ("In the January-March quarter of 2024, GDP rose", "January-March quarter of 2024",
     "quarter", "2024-01-01", "2024-03-31"),
    ("EBITDA\nงบกำไรขาดทุน ไตรมาส 3 ปี 2564", "ไตรมาส 3 ปี 2564", "quarter",
     "2021-07-01", "2021-09-30"),
    ("(October 1, 2022 to September 30, 2023)", "October 1, 2022 to September 30, 2023",
     "range", "2022-10-01", "2023-09-30"),
    # a Thai blog's m/d/Y header with a B.E. year; a short month name glued to ปี; a listed
    # company's halves of a year
    ("โพสต์ 6/29/2556", "6/29/2556", "day", "2013-06-29", "2013-06-29"),
    ("สถิติเดือนพฤษภาปี 56", "พฤษภาปี 56", "month", "2013-05-01", "2013-05-31"),
    ("1H24 EBITDA", "1H24", "range", "2024-01-01", "2024-06-30"),
    ("revenue 2H2023", "2H2023", "range", "2023-07-01", "2023-12-31"),
    ("GDP ลดลงจาก Q4/66", "Q4/66", "quarter", "2023-10-01", "2023-12-31"),
]


@pytest.mark.parametrize(("text", "mention", "kind", "start", "end"), SHAPES)
def test_shape(text: str, mention: str, kind: str, start: str, end: str) -> None:
    found = only(text)
    assert (found.text, found.kind, found.start, found.end) == (mention, kind, D(start), D(end))
    assert found.context == "date" and found.counts
    assert text[found.span[0]:found.span[1]] == found.text


# --- fiscal and calendar boundaries ---------------------------------------------------------

@pytest.mark.parametrize(("text", "fiscal_start", "fiscal_end"), [
    ("ปีงบประมาณ 2566", "2022-10-01", "2023-09-30"),  # the example in thai-dates.md
    ("ปีงบประมาณ 2567", "2023-10-01", "2024-09-30"),
    ("ปีงบประมาณ 2568", "2024-10-01", "2025-09-30"),
    ("ปีงบประมาณ 2569", "2025-10-01", "2026-09-30"),
])
def test_fiscal_year_boundaries(text: str, fiscal_start: str, fiscal_end: str) -> None:
    found = only(text)
    assert (found.start, found.end) == (D(fiscal_start), D(fiscal_end))


@pytest.mark.parametrize(("text", "day"), [
    ("30 ก.ย. 2568", "2025-09-30"),  # last day of fiscal year 2568
    ("1 ต.ค. 2568", "2025-10-01"),  # first day of fiscal year 2569
    ("31 ธ.ค. 2568", "2025-12-31"),  # last day of calendar 2025
    ("1 ม.ค. 2569", "2026-01-01"),
    ("29 ก.พ. 2567", "2024-02-29"),  # 2567 B.E. = 2024, a leap year
])
def test_calendar_boundaries(text: str, day: str) -> None:
    assert (only(text).start, only(text).end) == (D(day), D(day))


@pytest.mark.parametrize("text", [
    "29 ก.พ. 2568",  # 2025 is not a leap year
    "31 ก.พ. 2569",
    "31 เม.ย. 68",
    "29/02/2568",
    "2568-02-30",
    "32 ต.ค. 68",
])
def test_impossible_dates_are_not_mentions(text: str) -> None:
    assert find_dates(text) == []


def test_two_digit_years_are_buddhist_era() -> None:
    assert only("ต.ค. 65").start == D("2022-10-01")
    assert year_to_ce("65") == 2022
    assert year_to_ce("2565") == 2022
    assert year_to_ce("2022") == 2022
    assert year_to_ce("๒๕๖๕") == 2022
    assert year_to_ce("1800") is None


@pytest.mark.parametrize(("written", "number"), [
    ("ต.ค.", 10), ("ต.ค", 10), ("ตค.", 10), ("ต. ค.", 10), ("ตุลาคม", 10), ("ตุลา", 10),
    ("กรกฏาคม", 7), ("กรกฎาคม", 7), ("มี.ค.", 3), ("เม.ย.", 4), ("มิ.ย.", 6), ("พฤษจิกายน", 11),
    ("กุมภาพันธุ์", 2), ("ม.ค.", 1), ("ธ.ค.", 12),
])
def test_month_spellings(written: str, number: int) -> None:
    assert month_number(written) == number


# --- traps -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "mention"), [
    ("พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540", "พ.ศ. 2540"),
    ("พ.ร.บ.การจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560", "พ.ศ. 2560"),
    ("ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
     "พ.ศ. 2560"),
    ("พระราชกฤษฎีกาว่าด้วยหลักเกณฑ์และวิธีการบริหารกิจการบ้านเมืองที่ดี พ.ศ. 2546", "พ.ศ. 2546"),
    ("รัฐธรรมนูญแห่งราชอาณาจักรไทย พุทธศักราช 2560", "พุทธศักราช 2560"),
    ("กฎกระทรวงกำหนดพัสดุ พ.ศ. 2563", "พ.ศ. 2563"),
    ("สรุป พ.ร.บ.ข้อมูลข่าวสารฯ 2540", "2540"),
])
def test_law_years_are_reported_but_do_not_count(text: str, mention: str) -> None:
    found = only(text)
    assert (found.text, found.kind, found.context, found.counts) == (mention, "year", "law", False)


@pytest.mark.parametrize(("text", "mention", "kind"), [
    ("แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568", "พ.ศ. 2568", "year"),
    ("แผนการจัดซื้อจัดจ้าง พ.ศ. 2568", "พ.ศ. 2568", "year"),
    ("แผนปฏิบัติการประจำปี 2568 โรงเรียนบ้านหนองบัว", "ปี 2568", "year"),
    ("แผนการบริหารและพัฒนาทรัพยากรบุคคล พ.ศ. 2566 - 2570", "พ.ศ. 2566 - 2570", "range"),
])
def test_a_plan_titles_year_is_a_date_not_a_law_year(text: str, mention: str, kind: str) -> None:
    """A plan is no instrument: its title's year is the period it plans (context.py; freshness
    reads it as that fiscal year, thai-dates.md)."""
    found = only(text)
    assert (found.text, found.kind, found.context) == (mention, kind, "date")


def test_admission_rules_name_a_school_year_not_a_law() -> None:
    assert only("ระเบียบการรับสมัครนักเรียน ปีการศึกษา 2569").context == "date"


def test_announcement_is_not_a_law_but_citing_one_is() -> None:
    text = "ประกาศสำนักงาน เรื่อง นโยบายการบริหารทรัพยากรบุคคล พ.ศ. 2569"
    assert only(text).context == "date"
    cited = ("ตามประกาศคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ เรื่อง หลักเกณฑ์การรับ"
             "ทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาของเจ้าหน้าที่ของรัฐ พ.ศ. 2543")
    assert only(cited).context == "law"


def test_law_and_date_in_one_sentence() -> None:
    text = "ตามพระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. 2562 ประกาศ ลงวันที่ 10 ม.ค. 2566"
    assert [(m.text, m.context) for m in find_dates(text)] == [
        ("พ.ศ. 2562", "law"), ("10 ม.ค. 2566", "date")]


def test_budget_act_names_a_fiscal_year_but_is_a_law() -> None:
    found = only("พระราชบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569")
    assert (found.kind, found.context) == ("fiscal_year", "law")


@pytest.mark.parametrize("text", [
    "ที่ ศธ 04235/2568", "เลขที่ 12/2568", "คำสั่งที่ 123/2568", "ประกาศเลขที่ 45/๒๕๖๘",
])
def test_document_number_years(text: str) -> None:
    found = only(text)
    assert (found.kind, found.context, found.start) == ("year", "document_number", D("2025-01-01"))


@pytest.mark.parametrize("text", [
    # phone numbers
    "โทร. 0-4300-9867", "โทรศัพท์ 043-009867", "โทร. 02 123 4567", "ติดต่อ 081-234-2565",
    "แฟกซ์ 0-2565-7890", "โทร 02 123 2565 ต่อ 101", "Tel. 0 2565 1234",
    # times
    "เวลา 10.30 น.", "เวลา 13:00", "13.00 - 16.30 น.",
    # versions
    "v2.2565", "เวอร์ชัน 1.10.65", "เวอร์ชัน 1.10.2565",
    # money and counts
    "2,565 บาท", "2565 บาท", "2568.50 บาท", "จำนวน 2566 ราย", "ผู้เข้าชม 2569 ครั้ง",
    "อายุราชการ 30 ปี 45 วัน", "ISO 9001:2015",
    # months and days with no year
    "ประชุมประจำเดือนตุลาคม", "ภายในวันที่ 15 ต.ค. ของทุกปี", "ตุลาการศาลปกครอง",
    "มติ ก.ค.ศ. ครั้งที่ 5", "ส.ค.ส. ปีใหม่", "ไตรมาสที่ 2", "รอบ 6 เดือน",
    "ไตรมาสแรก ขยายตัว 3.1%", "from October to December", "ผลการดำเนินงาน Q3/17",
    "ไวรัสโคโรน่า 2019", "วันที่ 10/3/256", "the pandemic of coronavirus disease 2019",
    "ห้อง 901 อาคารอัสสัมชัญ 2003",
])
def test_not_a_date(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize("text", [
    # a unit word is a prefix of another word: the number stays a year
    "ITA 2568 รายงานผลการดำเนินงาน", "แผนงาน 2568 วันที่ประชุม", "แผน 2568 แห่งชาติ",
    "แผนปฏิบัติการ 2568 เรื่อง การพัฒนา", "ITA 2568 ครั้งที่ 1", "แผน 2568 พันธกิจ",
    "แผน 2568 หน้าที่",
])
def test_year_before_a_word_that_starts_like_a_unit(text: str) -> None:
    found = only(text)
    assert (found.text, found.kind, found.context) == ("2568", "year", "date")


def test_years_in_table_rows_after_numbers() -> None:
    """`$` would match before the line break of `93\n`; years in score tables must survive."""
    text = "ปี\tคะแนน\n2564\t93\n2565\t95.10\n2566\t97"
    assert [m.text for m in find_dates(text)] == ["2564", "2565", "2566"]


def test_time_next_to_a_date() -> None:
    assert shape("ประชุมวันที่ 5 มี.ค. 69 เวลา 09.00 น.") == [
        ("5 มี.ค. 69", "day", "2026-03-05", "2026-03-05", "date")]


# --- the API ---------------------------------------------------------------------------------

def test_mention_is_frozen_and_counts_only_dates() -> None:
    found = only("ปีงบประมาณ 2569")
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.kind = "year"  # type: ignore[misc]
    assert found.counts
    assert not dataclasses.replace(found, context="law").counts
    assert found.kind in KINDS


def test_zero_width_spaces_are_read_as_spaces_and_spans_stay_exact() -> None:
    text = "สขร.1 ต.ค.\u200b68 | ปีงบประมาณ\u200b2569"
    found = find_dates(text)
    assert [(m.text, m.kind) for m in found] == [
        ("ต.ค.\u200b68", "month"), ("ปีงบประมาณ\u200b2569", "fiscal_year")]
    assert all(text[m.span[0]:m.span[1]] == m.text for m in found)


def test_empty_text() -> None:
    assert find_dates("") == []


def test_mentions_are_sorted_non_overlapping_and_exact_substrings() -> None:
    text = "\n".join(entry.text for entry in load_labelled(LABELLED)) * 3
    found = find_dates(text)
    assert found, "the labelled snippets contain mentions"
    for previous, current in zip(found, found[1:], strict=False):
        assert previous.span[1] <= current.span[0]
    for mention in found:
        assert text[mention.span[0]:mention.span[1]] == mention.text
        assert mention.start <= mention.end
        assert mention.kind in KINDS


def test_no_wall_clock() -> None:
    """Freshness is judged against an explicit as-of date (thai-dates.md); never read the clock."""
    package = Path(finder_module.__file__).parent
    for path in package.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"(datetime\.now|date\.today|time\.time)\(", source), path


# --- the speed-ups change nothing ----------------------------------------------------------

def _snippets_text() -> str:
    """The labelled set's snippets and the real-world set's dev snippets (more shapes)."""
    entries = load_labelled(LABELLED) + load_labelled(REALWORLD, split="dev")
    return "\n".join(entry.text for entry in entries)


def test_first_char_filter_matches_the_unfiltered_pattern() -> None:
    """FIRST_CHARS must list every character an alternative can start with."""
    unfiltered = re.compile(UNFILTERED)
    text = _snippets_text()
    for pos in range(len(text)):
        plain = unfiltered.match(text, pos)
        fast = PATTERN.match(text, pos)
        assert (plain and plain.group()) == (fast and fast.group()), text[pos:pos + 40]
    assert len(ALTERNATIVES) >= 9


def _month_writings() -> list[str]:
    """Every month as pages write it: names, short names, abbreviations with and without dots
    and spaces, and names split letter by letter as PDF extraction leaves them."""
    out: list[str] = []
    for number, names in MONTH_FULL.items():
        for name in names + MONTH_SHORT[number]:
            out += [name, " ".join(name), name[0] + " " + name[1:]]
        a, b = MONTH_ABBR[number]
        out += [f"{a}.{b}.", f"{a}.{b}", f"{a}. {b}.", f"{a} {b}.", f"{a}{b}.", f"{a}{b}"]
        if len(a) == 2:
            out.append(f"{a[0]}.{a[1]} {b}.")
    return out


@pytest.mark.parametrize("lead", ["ไตรมาส 2 ปีงบประมาณ 2569", "รอบ 6 เดือน ปีงบฯ 69", "ปี 69", "ปีงบประมาณ 69", "ป งบประมาณ 2565",
                                  "ปงบประมาณ 2565", "งบประมาณปี 2569", "ปงี บประมาณ 2565",
                                  "พ.ศ. 2566", "พ.  ศ.2563", "พศ. 2567", "พุทธศักราช 2566",
                                  "ค.ศ. 2024", "คริสต์ศักราช 2024", "ต้นปีงบประมาณ 2569",
                                  "ร.ศ. 2466", "รศ.2466"])
def test_first_char_filter_lets_every_lead_word_through(lead: str) -> None:
    """FIRST_CHARS checks a letter and the one after it: every word that starts a Thai
    alternative passes, as does every written month (the unfiltered pattern matches there)."""
    assert re.compile(UNFILTERED).match(lead)
    assert PATTERN.match(lead) and PATTERN.match(lead).group() == \
        re.compile(UNFILTERED).match(lead).group()


def test_first_char_filter_lets_every_month_writing_through() -> None:
    unfiltered = re.compile(UNFILTERED)
    for month in _month_writings():
        text = f"{month} 2568"
        plain = unfiltered.match(text)
        fast = PATTERN.match(text)
        assert (plain and plain.group()) == (fast and fast.group()), text


def test_month_names_grouped_by_letter_match_as_the_flat_alternation() -> None:
    """MONTH groups the forms by first letter for speed; it must match what trying every form
    in order matches."""
    flat = re.compile("(?:" + "|".join(month_forms()) + ")")
    grouped = re.compile(MONTH)
    text = _snippets_text()
    for pos in range(len(text)):
        plain, fast = flat.match(text, pos), grouped.match(text, pos)
        assert (plain and plain.group()) == (fast and fast.group()), text[pos:pos + 40]


def test_digit_windows_find_what_a_full_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _snippets_text()
    windowed = find_dates(text)
    monkeypatch.setattr(finder_module, "_windows", lambda t: [(0, len(t))])
    assert find_dates(text) == windowed


# --- the labelled set ------------------------------------------------------------------------

def test_labelled_set_is_consistent() -> None:
    """Each label's interval has the shape its kind promises (catches typos in the YAML)."""
    entries = load_labelled(LABELLED)
    labels = [label for entry in entries for label in entry.labels]
    assert len(labels) >= 300
    for label in labels:
        last_day = calendar.monthrange(label.end.year, label.end.month)[1]
        assert label.start <= label.end, label
        assert label.context in ("date", "law", "document_number"), label
        if label.kind == "day":
            assert label.start == label.end, label
        elif label.kind == "month":
            assert label.start.day == 1 and label.end.day == last_day, label
            assert (label.start.year, label.start.month) == (label.end.year, label.end.month)
        elif label.kind == "year":
            assert (label.start, label.end) == (date(label.start.year, 1, 1),
                                                date(label.start.year, 12, 31)), label
        elif label.kind == "fiscal_year":
            assert (label.start.month, label.start.day, label.end.month, label.end.day) == (
                10, 1, 9, 30) and label.end.year == label.start.year + 1, label
        elif label.kind == "half_year_round":
            assert (label.start.month, label.end.month, label.end.day) == (10, 3, 31), label
        elif label.kind == "quarter":
            assert label.start.month in (1, 4, 7, 10) and label.end.day == last_day, label
        else:
            assert label.kind == "range", label
    traps = [label for label in labels if label.context != "date"]
    assert len(traps) >= 20
    assert any(not entry.labels for entry in entries)  # snippets with nothing to find


def test_labelled_set_accuracy() -> None:
    """Precision >= 0.98 and recall >= 0.95 on the labelled set (rule: scoring.py docstring)."""
    result = score(load_labelled(LABELLED), find_dates)
    assert result.precision >= 0.98, result.report()
    assert result.recall >= 0.95, result.report()
    assert result.exact_share >= 0.95, result.report()


def test_be_offset() -> None:
    assert BE_OFFSET == 543


def test_benchmark_script_runs_and_ends_with_json() -> None:
    """tests/benchmarks/dates.py works from the repository root (a run, not a timing test)."""
    root = LABELLED.parents[2]
    done = patience.run(
        [sys.executable, "tests/benchmarks/dates.py", "--mb", "0.2", "--repeat", "1"], 120,
        cwd=root, encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    last = json.loads(done.stdout.splitlines()[-1])
    assert set(last) == {"precision", "recall", "exact", "mb_per_s", "dates_dev_exact",
                         "dates_test_exact", "dates_test_labelled"}
    assert last["precision"] >= 0.98 and last["recall"] >= 0.95


def test_round_length_before_a_month_is_not_a_day():
    (m,) = find_dates("รายงาน รอบ 6 เดือน ตุลาคม 2568 - มีนาคม 2569")
    assert (m.kind, m.start.isoformat(), m.end.isoformat()) == ("range", "2025-10-01", "2026-03-31")
