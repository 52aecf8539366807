"""A real audit of a site whose current items link a corrupt PDF, an encrypted PDF,
zip-bomb DOCX/XLSX files and a PDF inflating to 1 GiB (and a 120,000-character bidi link
text): no item passes on the year in its link text, each says why in the report, and the
audit finishes (issue 12)."""

from __future__ import annotations

from tests.hostile.cases import DOCUMENT_ITEMS, document_cases, write_document_site


def test_unreadable_documents_never_pass(tmp_path, serve, audit_home):
    url = serve(write_document_site(tmp_path / "site"))
    cases, figures = document_cases(url, tmp_path / "out", audit_home)
    assert figures["exit"] == 1
    assert len(cases) == len(DOCUMENT_ITEMS) + 1  # and the huge bidi link text
    assert all(c.survived for c in cases), [(c.name, c.note) for c in cases]
