"""Data types of document extraction: limits, the result and the reasons given to users."""

from __future__ import annotations

from dataclasses import dataclass, field

METHODS = ("pdf", "pdf-ocr", "docx", "xlsx", "xls", "doc", "image-ocr", "text", "none")
STATUSES = (
    "ok", "ocr_unavailable", "encrypted", "corrupt", "too_large", "timeout",
    "image_only", "unsupported", "bomb", "empty", "memory", "crashed", "budget",
)
# How the verdict engine treats each status: checklists/unreadable.py.

# status -> (Thai sentence for a webmaster, English sentence). Thai first.
REASONS: dict[str, tuple[str, str]] = {
    "ocr_unavailable": (
        "อ่านข้อความจากภาพไม่ได้ (ไม่มีโปรแกรม OCR)",
        "OCR not available",
    ),
    "encrypted": (
        "ไฟล์ถูกตั้งรหัสผ่านหรือเข้ารหัสไว้ ระบบจึงเปิดอ่านเนื้อหาไม่ได้",
        "The file is password-protected or encrypted",
    ),
    "corrupt": (
        "ไฟล์เสียหายหรือดาวน์โหลดมาไม่ครบ ระบบจึงเปิดอ่านไม่ได้",
        "The file is damaged or incomplete",
    ),
    "too_large": (
        "ไฟล์มีขนาดใหญ่เกินกว่าที่ระบบตรวจได้",
        "The file is larger than the size limit",
    ),
    "timeout": (
        "อ่านข้อความในไฟล์ไม่เสร็จภายในเวลาที่กำหนด",
        "Reading the file took longer than the time limit",
    ),
    "image_only": (
        "ไฟล์เป็นภาพสแกนที่ไม่มีข้อความ และอ่านข้อความจากภาพไม่ได้ (ไม่มีโปรแกรม OCR)",
        "Scanned document without a text layer; OCR not available",
    ),
    "unsupported": (
        "ระบบยังอ่านไฟล์ประเภทนี้ไม่ได้",
        "Unsupported file type",
    ),
    "bomb": (
        "ไฟล์ขยายตัวผิดปกติเมื่อแตกไฟล์ (อาจเป็นไฟล์อันตราย) ระบบจึงไม่เปิดอ่าน",
        "The file unpacks to an absurd size (decompression bomb)",
    ),
    "empty": (
        "ไม่พบข้อความในไฟล์",
        "The file contains no text",
    ),
    "memory": (
        "การอ่านไฟล์ต้องใช้หน่วยความจำเกินกว่าที่กำหนด (ไฟล์อาจขยายตัวผิดปกติ) ระบบจึงหยุดอ่าน",
        "Reading the file needed more memory than the limit (it may be a decompression bomb)",
    ),
    "crashed": (
        "โปรแกรมอ่านไฟล์หยุดทำงานขณะเปิดไฟล์นี้ (ไฟล์อาจเสียหาย)",
        "The document reader stopped while opening this file (it may be damaged)",
    ),
    "budget": (
        "การตรวจครั้งนี้อ่านเอกสารครบตามปริมาณที่กำหนดแล้ว จึงไม่ได้อ่านไฟล์นี้",
        "This audit's document-reading budget was used up before this file",
    ),
}


@dataclass(frozen=True)
class DocLimits:
    """Limits applied to one document."""

    max_bytes: int = 30 * 1024 * 1024
    time_limit_s: float = 30.0  # per document
    ocr_page_limit: int = 5
    max_pages: int = 200
    ocr: bool = True
    max_text_chars: int = 2_000_000  # text kept from one document (meta 'truncated')


@dataclass
class DocText:
    """Text extracted from one document, or why there is none.

    `text` may hold partial text for 'timeout' and 'corrupt'; `meta` may hold 'title',
    'created', 'modified' (YYYY-MM-DD) and notes such as 'truncated', 'ocr_pages'.
    """

    text: str  # normalized text ('' when none)
    pages: int
    method: str  # one of METHODS
    status: str  # one of STATUSES
    reason_th: str = ""
    reason_en: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the document was read (possibly truncated at a page limit)."""
        return self.status == "ok"

    def to_dict(self) -> dict:
        """Plain JSON-ready dict."""
        return {
            "text": self.text, "pages": self.pages, "method": self.method,
            "status": self.status, "reason_th": self.reason_th, "reason_en": self.reason_en,
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: dict) -> DocText:
        """Inverse of to_dict."""
        return cls(
            text=data["text"], pages=int(data["pages"]), method=data["method"],
            status=data["status"], reason_th=data.get("reason_th", ""),
            reason_en=data.get("reason_en", ""), meta=dict(data.get("meta") or {}),
        )


class DocProblem(Exception):
    """Raised inside extractors; the dispatcher turns it into a DocText with `status`."""

    def __init__(self, status: str, detail: str = "", *, text: str = "", pages: int = 0,
                 reason: tuple[str, str] | None = None) -> None:
        super().__init__(f"{status}: {detail}" if detail else status)
        self.status = status
        self.detail = detail
        self.text = text
        self.pages = pages
        self.reason = reason


def result(text: str, pages: int, method: str, status: str = "ok", *,
           meta: dict | None = None, reason: tuple[str, str] | None = None) -> DocText:
    """Build a DocText, filling the Thai/English reason of a non-ok status."""
    th, en = ("", "") if status == "ok" else (reason or REASONS.get(status, ("", "")))
    return DocText(text=text, pages=pages, method=method, status=status,
                   reason_th=th, reason_en=en, meta=dict(meta or {}))
