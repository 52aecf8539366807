"""Downloader middlewares of the oit-audit crawler (one small module each)."""
