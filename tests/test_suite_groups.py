"""Under ``pytest -n auto`` (the README's command), tests sharing a session- or module-scoped
fixture are one xdist group, so the shared crawl runs on one worker once (tests/conftest.py).
pytest-xdist's scheduler reads the group from the end of each test's node id; with pytest 9.2
its own hook no longer got it there, and every worker ran every shared crawl."""

from __future__ import annotations

from pathlib import Path

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


# The longest tests handed out first (tests/longfirst.py, suite49)

LONG = "tests/checklists/test_textmodel.py::test_the_shipped_model_is_what_the_training_script_gives"


class _Node:
    """A worker as the scheduler sees it: the indices of the tests it is sent to run."""

    shutting_down = False

    def __init__(self, name: str) -> None:
        self.gateway = type("Gateway", (), {"id": name})
        self.sent: list[int] = []

    def send_runtest_some(self, indices: list[int]) -> None:
        self.sent += indices

    def shutdown(self) -> None:
        self.shutting_down = True


class _Config:
    """The options pytest-xdist's scheduler reads: two local workers, ``--dist loadgroup``."""

    class option:  # noqa: N801
        loadscopereorder = True

    @staticmethod
    def getvalue(name: str) -> object:
        return {"tx": ["2*popen"], "dist": "loadgroup"}[name]


def _first_sent(scheduling: type, collection: list[str]) -> list[str]:
    """The first test each of two workers is sent by ``scheduling`` for ``collection``."""
    sched = scheduling(_Config())
    nodes = [_Node("gw0"), _Node("gw1")]
    for node in nodes:
        sched.add_node(node)
        sched.add_node_collection(node, collection)
    sched.schedule()
    return [collection[node.sent[0]] for node in nodes]


def test_the_longest_test_is_handed_out_before_the_largest_group():
    pytest.importorskip("xdist")
    from xdist.scheduler import LoadGroupScheduling

    from tests.longfirst import LongFirstScheduling

    collection = ["tests/a.py::test_one", "tests/b.py::test_x@session:demo",
                  "tests/b.py::test_y@session:demo", LONG, "tests/c.py::test_z@session:demo",
                  "tests/d.py::test_two"]
    # pytest-xdist's own order: the group of three first, then single tests as collected
    assert _first_sent(LoadGroupScheduling, collection) == [
        "tests/b.py::test_x@session:demo", "tests/a.py::test_one"]
    assert _first_sent(LongFirstScheduling, collection) == [
        LONG, "tests/b.py::test_x@session:demo"]


def test_a_long_test_in_a_group_brings_its_group_first_and_params_keep_their_at():
    pytest.importorskip("xdist")
    from tests.longfirst import first_units, rank

    assert rank(LONG) == 0 and rank(f"{LONG}@session:x") == 0
    assert rank("tests/a.py::test_one[a@b]") is None
    units = {"session:x": {"tests/a.py::test_one@session:x": False, f"{LONG}@session:x": False},
             "tests/a.py::test_two": {"tests/a.py::test_two": False}}
    assert first_units(units) == ["session:x"]


def test_every_long_first_test_is_still_in_the_suite():
    # a renamed or moved test would silently lose its place
    pytest.importorskip("xdist")
    from tests.longfirst import LONG_FIRST

    root = Path(__file__).resolve().parents[1]
    for nodeid in LONG_FIRST:
        path, _, name = nodeid.partition("::")
        assert f"\ndef {name}(" in (root / path).read_text(encoding="utf-8"), nodeid
