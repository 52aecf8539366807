"""The crawl benchmark's reference workload (tests/benchmarks/reference.py): fixed work,
timed in the calling thread's CPU seconds, reported beside the runs."""

from __future__ import annotations

import threading
import time

from tests.benchmarks.reference import reference_cpu, reference_pages, reference_work, summary


def test_the_work_is_the_same_whatever_runs_it():
    pages = reference_pages()
    assert len(pages) == 500  # the fixed reference site, not the benchmark's --pages
    assert reference_pages() == pages  # same bytes, same order
    assert reference_work(pages) == reference_work(pages) == reference_work(list(pages))


def test_only_the_calling_threads_cpu_is_counted():
    pages = reference_pages()[:50]
    alone = min(reference_cpu(pages, rounds=2) for _ in range(3))
    stop = threading.Event()

    def spin() -> None:  # a served site's thread busy in the same process
        while not stop.is_set():
            sum(range(1000))

    other = threading.Thread(target=spin)
    other.start()
    try:
        process = time.process_time()
        beside = reference_cpu(pages, rounds=2)
        process = time.process_time() - process
    finally:
        stop.set()
        other.join()
    assert beside > 0 and alone > 0
    # the process's CPU in that time holds the spinning thread's share too; none of it counted
    assert beside < 0.9 * process
    assert beside < 3 * alone


def test_the_summary_is_the_median_and_each_in_order():
    assert summary([1.0, 0.9, 1.2]) == {"reference_cpu_s": 1.0,
                                         "reference_cpu_each": [1.0, 0.9, 1.2]}
