"""The demo audited with another year's checklist gives the verdicts that list implies: an item
that is one 2565 item renumbered (topic map) gets that item's outcome on the demo."""

from __future__ import annotations

from checklists.topics import load_topics
from tests.conftest import run_cli
from tests.integration.test_demo import EXPECTED


def test_demo_with_the_2566_list(tmp_path):
    result = run_cli("demo", "--checklist", "nacc-oit-2566", out_dir=tmp_path)
    verdicts = result.verdicts()
    assert len(verdicts) == 43
    topics = load_topics()
    wrong = {}
    for code, verdict in verdicts.items():
        old = topics.translate(code, "nacc-oit-2566", "nacc-oit-2565")
        if len(old) != 1 or topics.translate(old[0], "nacc-oit-2565", "nacc-oit-2566") != [code]:
            continue  # merged, split or new in 2566: no single 2565 outcome to compare
        implied = EXPECTED.get(old[0], "pass")
        if (verdict == "pass") != (implied == "pass"):
            wrong[code] = (old[0], implied, verdict)
    assert not wrong, wrong
