"""Loaded at start-up by test subprocesses whose PYTHONPATH starts with this folder: install
the socket guard of tests/socketguard.py when ``OIT_TEST_SOCKET_GUARD`` names its log, and
stretch the crawl's limits on wall time by the machine's load (tests/patience.py) when
``OIT_TEST_PATIENCE`` is set, and hold a worker's judging until its lease has been renewed
(tests/holdjudging.py) when ``OIT_TEST_HOLD_JUDGING`` is set."""

import os

if os.environ.get("OIT_TEST_SOCKET_GUARD") or os.environ.get("OIT_TEST_PATIENCE") or \
        os.environ.get("OIT_TEST_HOLD_JUDGING"):
    import importlib.util

    def _load(name):
        spec = importlib.util.spec_from_file_location(
            f"oit_{name}", os.path.join(os.path.dirname(__file__), "..", f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    if os.environ.get("OIT_TEST_SOCKET_GUARD"):
        _load("socketguard").install(os.environ["OIT_TEST_SOCKET_GUARD"])
    if os.environ.get("OIT_TEST_PATIENCE"):
        _load("patience").install()
    if os.environ.get("OIT_TEST_HOLD_JUDGING"):
        _load("holdjudging").install()
