"""The README explains the default checklist's 43 items, and the demo's output folder from the
README's first command is ignored by git."""

from __future__ import annotations

import re

from checklists.loader import load_checklist
from checklists.vocabulary import DEFAULT_CHECKLIST
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_says_why_43_items():
    checklist = load_checklist(DEFAULT_CHECKLIST)
    nine = [i for i in checklist.items if i.subindicator.startswith("9.")]
    ten = [i for i in checklist.items if i.subindicator.startswith("10.")]
    assert (len(checklist.items), len(nine), len(ten)) == (43, 33, 10)
    section = README.split("### Which checklist, and why 43 items", 1)[1].split("\n## ", 1)[0]
    for words in ("**43 items**", "O1–O33", "indicator 9", "O34–O43", "indicator 10",
                  DEFAULT_CHECKLIST, "2564/2565", "--checklist"):
        assert words in section, words


def test_demo_output_folder_is_ignored():
    out = re.search(r"oit-audit demo --out (\S+)", README).group(1)
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert f"{out.rstrip('/')}/" in ignored
