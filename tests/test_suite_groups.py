"""Under ``pytest -n auto`` (the README's command), tests sharing a session- or module-scoped
fixture are one xdist group, so the shared crawl runs on one worker once (tests/conftest.py).
pytest-xdist's scheduler reads the group from the end of each test's node id; with pytest 9.2
its own hook no longer got it there, and every worker ran every shared crawl."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def _shared_probe() -> str:
    return "shared"


def _loadgroup(request: pytest.FixtureRequest) -> bool:
    return bool(getattr(request.config.option, "loadgroup", False))


def test_a_test_sharing_a_session_fixture_is_scheduled_with_its_group(request, _shared_probe):
    if not request.config.pluginmanager.hasplugin("xdist"):
        pytest.skip("pytest-xdist is not installed")
    marks = [m.args[0] for m in request.node.iter_markers("xdist_group")]
    assert marks == ["session:_shared_probe"]
    if not _loadgroup(request):
        pytest.skip("not a pytest-xdist worker of --dist loadgroup (pytest -n)")
    assert request.node.nodeid.endswith("@session:_shared_probe")


def test_a_test_sharing_nothing_keeps_its_node_id(request):
    assert not list(request.node.iter_markers("xdist_group"))
    assert "@" not in request.node.nodeid
