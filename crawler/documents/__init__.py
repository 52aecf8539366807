"""Document text for evidence: PDF, DOCX, XLSX, XLS, DOC, images (OCR), plain text.

Pure functions over bytes; no Scrapy here. The spider downloads, then calls extract_text.
"""

from .extract import extract_text
from .model import DocLimits, DocText
from .normalize import normalize_thai
from .ocr import ocr_available
from .sniff import sniff_kind

__all__ = ["DocLimits", "DocText", "extract_text", "normalize_thai", "ocr_available",
           "sniff_kind"]
