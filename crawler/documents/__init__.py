"""Document text for evidence: PDF, DOCX, XLSX, XLS, DOC, images (OCR), plain text and HTML.

Pure functions over bytes; no Scrapy here. The spider downloads, then calls::

    doc = extract_text(response.body, content_type=ctype, filename=url_path, limits=limits)

from a worker thread (e.g. ``twisted.internet.threads.deferToThread``): PDF/OCR work takes
seconds. It never raises; ``doc.status`` says what happened ('ok' or why not, see
``model.REASONS`` for the Thai/English reasons), ``doc.method`` how the text was obtained,
``doc.meta`` the document's own title/created/modified dates and notes ('truncated',
'ocr_pages', 'ocr_skipped_pages', 'pages_without_text', 'kind', 'detail').

Modules: model (types, reasons), sniff (file kind), pdf, ocr, office (DOCX/XLSX), legacy
(XLS/DOC), plaintext, normalize (Thai repairs), limits (deadline, bomb guards), cache
(TextCache), sharing (Drive/Docs/OneDrive links).
"""

from .extract import extract_text
from .model import DocLimits, DocText
from .normalize import normalize_thai
from .ocr import ocr_available
from .sniff import sniff_kind

__all__ = ["DocLimits", "DocText", "extract_text", "normalize_thai", "ocr_available",
           "sniff_kind"]
