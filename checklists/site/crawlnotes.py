"""Words for the crawl section of the report: why a page failed, which pages were rendered
in a browser and which could not be (Thai first, English available)."""

from __future__ import annotations

from typing import Any

from checklists.site.records import PageRecord

# Why a request failed (keys from ``crawler.failures.classify`` and the spider).
CAUSES_TH = {
    "dns": "ไม่พบชื่อโดเมน (DNS)",
    "timeout": "เซิร์ฟเวอร์ไม่ตอบสนองภายในเวลาที่กำหนด",
    "refused": "เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ",
    "tls": "ใบรับรองความปลอดภัย (TLS/SSL) มีปัญหา",
    "robots": "robots.txt ของเว็บไซต์ไม่อนุญาตให้ตรวจ",
    "too_large": "ไฟล์ใหญ่เกินขีดจำกัด",
    "login_required": "ต้องเข้าสู่ระบบก่อนจึงจะเปิดได้ (ไม่เป็นสาธารณะ)",
    "network": "การเชื่อมต่อขัดข้อง",
    "private": "ลิงก์ชี้ไปยังที่อยู่เครือข่ายภายใน (private address) จึงไม่เปิดตรวจ",
    "redirect_loop": "ลิงก์เปลี่ยนเส้นทาง (redirect) วนกลับมาที่เดิมไม่รู้จบ",
    "too_many_redirects": "ลิงก์เปลี่ยนเส้นทาง (redirect) ต่อกันหลายทอดเกินไป",
    "slow_host": "เว็บไซต์ปลายทางไม่ตอบสนอง (ใช้เวลาที่กำหนดให้เว็บไซต์นี้หมดแล้ว)",
}
CAUSES_EN = {
    "dns": "DNS lookup failed",
    "timeout": "the server did not answer in time",
    "refused": "connection refused",
    "tls": "TLS/SSL error",
    "robots": "forbidden by robots.txt",
    "too_large": "file larger than the limit",
    "login_required": "not public (login required)",
    "network": "network error",
    "private": "points to a private address",
    "redirect_loop": "redirect loop",
    "too_many_redirects": "too many redirects",
    "slow_host": "the host did not answer (its time budget is spent)",
}

# Why a page that needed rendering was not rendered.
NOTES_TH = {
    "playwright_missing": "ไม่ได้ติดตั้ง scrapy-playwright จึงแสดงผล JavaScript ไม่ได้",
    "chromium_missing": "ไม่พบเบราว์เซอร์ Chromium จึงแสดงผล JavaScript ไม่ได้",
    "disabled": "ปิดการแสดงผล JavaScript ไว้ (OIT_RENDER_JS)",
    "limit": "ถึงจำนวนหน้าที่แสดงผล JavaScript สูงสุดแล้ว (OIT_MAX_RENDERED)",
    "render_failed": "เปิดหน้าด้วยเบราว์เซอร์ไม่สำเร็จ",
}
NOTES_EN = {
    "playwright_missing": "scrapy-playwright is not installed, so JavaScript was not run",
    "chromium_missing": "Chromium was not found, so JavaScript was not run",
    "disabled": "JavaScript rendering is turned off (OIT_RENDER_JS)",
    "limit": "the limit of rendered pages was reached (OIT_MAX_RENDERED)",
    "render_failed": "the browser could not load the page",
}

HTTP_TH = {404: "ไม่พบหน้านี้ (HTTP 404)", 403: "เว็บไซต์ไม่อนุญาตให้เปิด (HTTP 403)",
           410: "ถูกลบออกแล้ว (HTTP 410)", 500: "เซิร์ฟเวอร์ขัดข้อง (HTTP 500)",
           502: "เกตเวย์ขัดข้อง (HTTP 502)", 503: "เซิร์ฟเวอร์ไม่พร้อมให้บริการ (HTTP 503)",
           504: "เกตเวย์หมดเวลารอ (HTTP 504)"}
HTTP_EN = {404: "not found (HTTP 404)", 403: "forbidden (HTTP 403)", 410: "gone (HTTP 410)",
           500: "server error (HTTP 500)", 502: "bad gateway (HTTP 502)",
           503: "service unavailable (HTTP 503)", 504: "gateway timeout (HTTP 504)"}


def failure_reason(record: PageRecord) -> tuple[str, str]:
    """Why ``record`` failed, in Thai and English, with the attempts made when retried."""
    if record.error:
        th = CAUSES_TH.get(record.error, record.error)
        en = CAUSES_EN.get(record.error, record.error)
    else:
        th = HTTP_TH.get(record.status, f"เปิดไม่ได้ (HTTP {record.status})")
        en = HTTP_EN.get(record.status, f"HTTP {record.status}")
    if "attempts" in record.error_detail:
        attempts = record.error_detail.split("attempts", 1)[0].split()[-1]
        th += f" หลังลองเปิด {attempts} ครั้ง รวมครั้งสุดท้ายที่รอนานขึ้น"
        en += f" after {attempts} attempts, the last with a longer timeout"
    return th, en


def blocked_in_browser(records: list[PageRecord]) -> list[dict[str, str]]:
    """Requests of rendered pages (scripts, XHR, frames, redirects) that the address guard
    refused (crawler/browserguard.py): the page, the URL refused and why."""
    out = []
    for r in records:
        for entry in r.blocked:
            url, _, why = entry.partition(": ")
            out.append({"page": r.final_url or r.url, "url": url, "detail": why,
                        "reason": CAUSES_TH["private"], "reason_en": CAUSES_EN["private"]})
    return out


def rendering_lists(records: list[PageRecord]) -> tuple[list[str], list[dict[str, Any]]]:
    """Pages rendered in the browser, and pages that needed it but were not rendered."""
    rendered = [r.final_url or r.url for r in records if r.rendered]
    not_rendered = []
    for r in records:
        if not r.render_note:
            continue
        key, _, why = r.render_note.partition(":")
        not_rendered.append({"url": r.final_url or r.url, "cause": key,
                             "reason": NOTES_TH.get(key, key), "reason_en": NOTES_EN.get(key, key),
                             "detail": why.strip()})
    return rendered, not_rendered
