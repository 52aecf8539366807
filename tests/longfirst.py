"""Under ``pytest -n`` (the README's command), the suite's longest tests start first.

pytest-xdist's ``loadgroup`` scheduler hands out work units (a group of tests sharing a
fixture, or one test) largest group first, then single tests in the order they were
collected.  A single test that runs for minutes is then started wherever it was collected,
and when it is started late the run ends with it on one worker while the others idle:
tests/checklists/test_textmodel.py's retraining of the shipped model on all dev took 122 s
of a 503-s quiet run (PROTOCOL 48's end), more with every corpus batch.  Started first, it
runs while the other workers take everything else.

:data:`LONG_FIRST` names those tests (node ids without their group suffix, longest first);
a work unit holding one of them is handed out before every other unit, in that order.  The
order of everything else is pytest-xdist's own.  Which tests and why: measured durations
in tests/benchmarks/README.md (PROTOCOL 49, ``suite49``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from xdist.scheduler import LoadGroupScheduling

if TYPE_CHECKING:
    from xdist.workermanage import WorkerController

# The tests that run longest by far, longest first (quiet seconds, suite49's measurements)
LONG_FIRST = (
    # trains the shipped wording model again on all dev samples: 122 s at c03cf169, and grows
    # with the corpus
    "tests/checklists/test_textmodel.py::"
    "test_the_shipped_model_is_what_the_training_script_gives",
)


def rank(nodeid: str) -> int | None:
    """The place of ``nodeid`` (with or without its ``@group`` suffix, which pytest-xdist's
    ``LoadGroupScheduling._split_scope`` reads the same way) in :data:`LONG_FIRST` (None: not
    one of them)."""
    base = nodeid.rsplit("@", 1)[0] if nodeid.rfind("@") > nodeid.rfind("]") else nodeid
    try:
        return LONG_FIRST.index(base)
    except ValueError:
        return None


def first_units(units: dict[str, dict[str, bool]]) -> list[str]:
    """The work units (scopes) holding a test of :data:`LONG_FIRST`, by their first such
    test's place there."""
    ranked = {}
    for scope, nodeids in units.items():
        places = [r for r in map(rank, nodeids) if r is not None]
        if places:
            ranked[scope] = min(places)
    return sorted(ranked, key=ranked.__getitem__)


class LongFirstScheduling(LoadGroupScheduling):
    """``--dist loadgroup`` with the units of :data:`LONG_FIRST` handed out first."""

    _ordered = False

    def _assign_work_unit(self, node: WorkerController) -> None:
        if not self._ordered:  # the queue is whole when the first unit is handed out
            self._ordered = True
            for scope in reversed(first_units(self.workqueue)):
                self.workqueue.move_to_end(scope, last=False)
        super()._assign_work_unit(node)
