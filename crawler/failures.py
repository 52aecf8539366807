"""Name the cause of a failed request in words a webmaster understands."""

from __future__ import annotations

from twisted.internet import error as net
from twisted.python.failure import Failure

try:  # Scrapy wraps TLS failures in OpenSSL errors
    from OpenSSL.SSL import Error as SSLError
except ImportError:  # pragma: no cover
    SSLError = ()  # type: ignore[assignment]

from scrapy.exceptions import IgnoreRequest

CAUSES_TH = {
    "dns": "ไม่พบชื่อโดเมน (DNS)",
    "timeout": "เซิร์ฟเวอร์ไม่ตอบสนองภายในเวลาที่กำหนด",
    "refused": "เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ",
    "tls": "ใบรับรองความปลอดภัย (TLS/SSL) มีปัญหา",
    "robots": "robots.txt ของเว็บไซต์ไม่อนุญาตให้ตรวจ",
    "too_large": "ไฟล์ใหญ่เกินขีดจำกัด",
    "login_required": "ต้องเข้าสู่ระบบก่อนจึงจะเปิดได้ (ไม่เป็นสาธารณะ)",
    "network": "การเชื่อมต่อขัดข้อง",
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
}


def classify(failure: Failure) -> str:
    """A short cause key for a request failure."""
    if failure.check(net.DNSLookupError):
        return "dns"
    if failure.check(net.TimeoutError, net.TCPTimedOutError):
        return "timeout"
    if failure.check(net.ConnectionRefusedError):
        return "refused"
    if SSLError and failure.check(SSLError):
        return "tls"
    if failure.check(IgnoreRequest):
        text = str(failure.value).lower()
        return "robots" if "robots" in text else "ignored"
    text = repr(failure.value).lower()
    if "ssl" in text or "tls" in text or "certificate" in text:
        return "tls"
    if "maxsize" in text or "max size" in text or "cancelled" in text:
        return "too_large"
    return "network"
