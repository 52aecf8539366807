"""Hostile-input tests keep their history, caches and locks in a folder of their own."""

from __future__ import annotations

import pytest


@pytest.fixture
def audit_home(tmp_path, monkeypatch):
    monkeypatch.setenv("OIT_AUDIT_HOME", str(tmp_path / "state"))
    return tmp_path / "state"
