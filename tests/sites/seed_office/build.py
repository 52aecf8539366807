"""Build the seed office's fixture site: it publishes exactly what the seed office did.

The seed (../shared/seeds/, สพม.ขอนแก่น's integrity measures, FY2564 results) names its weak
OIT items; ../shared/reference/ita-oit.md ("Scoring") shows its published figures fit the 100/0
item model with exactly these failing: 9.1 O1 (structure); 9.2 O11 (6-month report) and O14
(service manual); 9.3 the monthly procurement summary (no monthly split); 9.4 O26 and O27
(HR); 9.5 O30 (complaint channel not reachable from the home page); and one item of 10.1,
which the seed does not name: this fixture takes O40 (the 6-month anti-corruption report).
Everything else is published and current for fiscal year 2564 (audited as of 2021-05-15).

Audited with ``--checklist obec-oit-2564 --iit 28.38 --eit 29.19`` the report must give
indicator 9 = 75.92, indicator 10 = 93.75, OIT 33.93 of 40, total 91.50, band A.
Run ``python -m tests.sites.seed_office.build`` after editing; the built files are committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.sites.corpus.common import CODES, ITEMS, a, content, doc_html, esc, stem, table_rows

ROOT = Path(__file__).resolve().parent / "site"
OFFICE = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาขอนแก่น"
FY = 2564
AS_OF = "2021-05-15"
FAILING = {"O1": "stale", "O11": "stale", "O14": "missing", "O23": "stale", "O26": "missing",
           "O27": "missing", "O30": "broken", "O40": "missing"}
NOT_PUBLISHED = {"O14", "O26", "O27", "O40"}


def shell(title: str, body: str) -> str:
    nav = ("<ul class='menu'><li><a href='/'>หน้าแรก</a></li>"
           "<li><a href='/about.html'>เกี่ยวกับเรา</a></li>"
           "<li><a href='/ita/'>ITA Online 2564</a></li></ul>")
    return (f"<!doctype html><html lang='th'><head><meta charset='utf-8'><title>{esc(title)} | "
            f"{esc(OFFICE)}</title></head><body><header><p>{esc(OFFICE)}</p><nav>{nav}</nav>"
            f"</header><main><h1>{esc(title)}</h1>{body}</main><footer><p>{esc(OFFICE)} "
            "เลขที่ 473 หมู่ที่ 2 ถนนมลิวรรณ โทร. 0-4300-9867</p></footer></body></html>")


def write(path: str, text: str) -> str:
    target = ROOT / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return path


def document(code: str) -> list[str]:
    """What the office published for ``code`` (its weak items as the seed describes them)."""
    if code == "O1":
        return content(code, OFFICE, FY - 2)  # a chart last updated two years before
    if code == "O11":
        return content(code, OFFICE, FY - 1)  # last year's 6-month report
    if code == "O23":  # one summary for the year: no split by month
        return [f"สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ ปีงบประมาณ พ.ศ. {FY}", OFFICE,
                "รวมทุกรายการของปีงบประมาณในตารางเดียว"]
    return content(code, OFFICE, FY)


def build() -> None:
    if ROOT.exists():
        shutil.rmtree(ROOT)
    links: dict[str, str] = {}
    for code in CODES:
        if code in NOT_PUBLISHED:
            continue
        lines = document(code)
        links[code] = write(f"/ita/{stem(code)}.html", shell(lines[0], doc_html(lines)[
            len(f"<h1>{esc(lines[0])}</h1>"):]))

    def row(code: str) -> tuple[str, str, str]:
        title = ITEMS[code][1]
        return code, title, a(links[code], ITEMS[code][2]) if code in links else "-"

    rows9, rows10 = table_rows([row(c) for c in CODES[:33]]), table_rows(
        [row(c) for c in CODES[33:]])
    write("/ita/", shell(
        f"ITA Online {FY} การเปิดเผยข้อมูลสาธารณะ (OIT)",
        f"<p>ประจำปีงบประมาณ พ.ศ. {FY}</p><h2>ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล</h2>"
        f"<table><thead><tr><th>ข้อ</th><th>ข้อมูล</th><th>ลิงก์</th></tr></thead>"
        f"<tbody>{rows9}</tbody></table><h2>ตัวชี้วัดที่ 10 การป้องกันการทุจริต</h2>"
        f"<table><tbody>{rows10}</tbody></table>"))
    write("/about.html", shell("เกี่ยวกับเรา", "<p>ประวัติสำนักงาน</p>"))
    # the home page: news and the ITA menu, but no link to the complaint channel (O30)
    write("/", shell("หน้าแรก", f"<p>ยินดีต้อนรับสู่เว็บไซต์ {esc(OFFICE)}</p>"
                                f"<p>{a('/ita/', f'ITA Online {FY}')}</p>"
                                f"<p>{a(links['O7'], 'ข่าวประชาสัมพันธ์')}</p>"))


if __name__ == "__main__":
    build()
