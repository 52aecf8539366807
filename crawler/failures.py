"""Name the cause of a failed request in words a webmaster understands."""

from __future__ import annotations

from twisted.internet import error as net
from twisted.python.failure import Failure

try:  # Scrapy wraps TLS failures in OpenSSL errors
    from OpenSSL.SSL import Error as SSLError
except ImportError:  # pragma: no cover
    SSLError = ()  # type: ignore[assignment]

from scrapy import exceptions as scx
from scrapy.exceptions import IgnoreRequest

from crawler.addresses import PrivateAddress

# Scrapy >= 2.13 wraps Twisted's network errors in its own exception classes.
DNS_ERRORS = (net.DNSLookupError, *(getattr(scx, n) for n in ("CannotResolveHostError",)
                              if hasattr(scx, n)))
_TIMEOUT = (net.TimeoutError, net.TCPTimedOutError,
            *(getattr(scx, n) for n in ("DownloadTimeoutError",) if hasattr(scx, n)))
_REFUSED = (net.ConnectionRefusedError,
            *(getattr(scx, n) for n in ("DownloadConnectionRefusedError",) if hasattr(scx, n)))
_CANCELLED = tuple(getattr(scx, n) for n in ("DownloadCancelledError",) if hasattr(scx, n))



class RedirectLoop(IgnoreRequest):
    """A redirect back to a URL of its own chain."""


class TooManyRedirects(IgnoreRequest):
    """A redirect chain longer than ``REDIRECT_MAX_TIMES``."""


class OffsiteRedirect(IgnoreRequest):
    """A site link redirecting to another host while external links are not checked."""


class HostBudgetSpent(IgnoreRequest):
    """An external host that already used its time budget (it hangs or keeps failing)."""


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


def classify(failure: Failure) -> str:
    """A short cause key for a request failure."""
    if failure.check(PrivateAddress):
        return "private"
    if failure.check(RedirectLoop):
        return "redirect_loop"
    if failure.check(TooManyRedirects):
        return "too_many_redirects"
    if failure.check(OffsiteRedirect):
        return "offsite"
    if failure.check(HostBudgetSpent):
        return "slow_host"
    if failure.check(*DNS_ERRORS):
        return "dns"
    if failure.check(*_TIMEOUT):
        return "timeout"
    if failure.check(*_REFUSED):
        return "refused"
    if _CANCELLED and failure.check(*_CANCELLED):
        return "too_large"
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
