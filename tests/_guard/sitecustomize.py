"""Loaded at start-up by test subprocesses whose PYTHONPATH starts with this folder: install
the socket guard of tests/socketguard.py when ``OIT_TEST_SOCKET_GUARD`` names its log."""

import os

if os.environ.get("OIT_TEST_SOCKET_GUARD"):
    import importlib.util

    _spec = importlib.util.spec_from_file_location(
        "oit_socketguard", os.path.join(os.path.dirname(__file__), "..", "socketguard.py"))
    _guard = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_guard)
    _guard.install(os.environ["OIT_TEST_SOCKET_GUARD"])
