"""What a batch has finished, kept on disk so that a killed batch resumes where it stopped.

``batch-state.jsonl`` in the batch folder gets one line per office when its audit ends
(complete, or failed for a reason that would fail again: site down, bad checklist). An
office whose audit was interrupted has no line and is audited again from the start.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

STATE_FILE = "batch-state.jsonl"


class BatchState:
    """Append-only record of the offices done."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / STATE_FILE
        self.done: dict[str, dict[str, Any]] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue  # a line cut by a kill
                self.done[entry["key"]] = entry

    def finish(self, key: str, status: str, error: str = "") -> None:
        entry = {"key": key, "status": status, "error": error}
        self.done[key] = entry
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
