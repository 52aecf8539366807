"""Tests of crawler.documents (document text, OCR, sharing links, cache)."""
