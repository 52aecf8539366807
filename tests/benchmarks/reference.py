"""A fixed reference workload beside the crawl benchmark's runs: how fast the host was.

The same crawl's CPU seconds move with the host (tests/benchmarks/README.md, "Why the same
crawl's CPU seconds vary": a plain crawl of the same site took 21.5-35.9 CPU-s within a day,
and both crawls cost 15-20 % more on one day than the day before). ``crawl.py`` times this
work in its own process before the first pair and after each pair and reports it as
``reference_cpu_s`` (median) and ``reference_cpu_each``: when the audit's and the plain
crawl's CPU seconds grow together with the reference's, the host is slower; when the audit's
grow alone, the code is dearer. ``overhead_cpu`` is computed as before, without it.

The work is of the kind a crawl does, and the same whatever the benchmark's arguments: lxml
parses of the 500 HTML pages of the generated site ``cached_site(500, 60)``
(tests/benchmarks/officesite.py, deterministic), each page's links and text, and pure-Python
work on the text (a count of its words, sorted). Its CPU seconds are the calling thread's
(``time.thread_time``): the served site's threads in the same process are not counted.
"""

from __future__ import annotations

import statistics
import time

import lxml.html

from tests.benchmarks.officesite import cached_site

PAGES, DOCUMENTS = 500, 60  # the reference site, fixed (not the benchmark's --pages)
ROUNDS = 10  # passes over the pages per measurement (about 0.9 CPU-s on this host)


def reference_pages() -> list[bytes]:
    """The reference site's HTML pages, in path order (read once, then timed from memory)."""
    site = cached_site(PAGES, DOCUMENTS)
    return [path.read_bytes() for path in sorted(site.rglob("*.html"))]


def reference_work(pages: list[bytes]) -> int:
    """One pass of the fixed work; a digest of what it read (the same on every pass)."""
    links = 0
    counts: dict[str, int] = {}
    for body in pages:
        root = lxml.html.fromstring(body)
        links += sum(1 for _ in root.iterlinks())
        for word in root.text_content().split():
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return links * 1_000_003 + len(ranked) * 1_009 + ranked[0][1]


def reference_cpu(pages: list[bytes], rounds: int = ROUNDS) -> float:
    """This thread's CPU seconds for ``rounds`` passes of :func:`reference_work`."""
    start = time.thread_time()
    for _ in range(rounds):
        reference_work(pages)
    return time.thread_time() - start


def summary(each: list[float]) -> dict[str, float | list[float]]:
    """The JSON fields: ``reference_cpu_s`` (median) and ``reference_cpu_each`` (in order)."""
    return {"reference_cpu_s": round(statistics.median(each), 3),
            "reference_cpu_each": [round(cpu, 3) for cpu in each]}
