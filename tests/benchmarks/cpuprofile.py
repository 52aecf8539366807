"""Run a Python script under cProfile, timed in CPU seconds of the process.

cProfile's default clock is wall time: on a shared machine it charges other processes' load
to whatever ran when the scheduler took the CPU away (socket sends and file openings looked
expensive). ``time.process_time`` counts what this process spent (its threads included).

    python -m tests.benchmarks.cpuprofile OUT.prof SCRIPT.py [ARGS...]
"""

from __future__ import annotations

import cProfile
import runpy
import sys
import time


def main(argv: list[str]) -> None:
    out, script, *rest = argv
    sys.argv = [script, *rest]
    profile = cProfile.Profile(time.process_time)
    try:
        profile.runcall(runpy.run_path, script, run_name="__main__")
    finally:
        profile.dump_stats(out)


if __name__ == "__main__":
    main(sys.argv[1:])
