"""The document reader process: ``python -m crawler.documents.reader MEMORY_MB``.

Started by :class:`crawler.documents.worker.WorkerPool`; caps its own address space first,
then reads (bytes, content type, file name, limits) jobs from stdin and writes DocText dicts
to stdout, one length-prefixed pickle each, until stdin closes or a ``None`` job arrives.
"""

from __future__ import annotations

import math
import os
import resource
import sys

from crawler.documents.extract import extract_text
from crawler.documents.model import DocLimits
from crawler.documents.worker import GRACE_S, receive, send


def cpu_limit(seconds: float) -> None:
    """This process may use ``seconds`` more CPU seconds (``RLIMIT_CPU``, whole seconds):
    past them the kernel stops it with SIGXCPU, which the parent reports as a timeout."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(usage.ru_utime + usage.ru_stime + max(0.0, seconds)) + 1
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def main(argv: list[str]) -> int:
    memory = int(argv[0]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # stopped at a limit: no core file
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print() must not corrupt the protocol
    inp = sys.stdin.buffer
    send(out, "ready")
    while True:
        try:
            job = receive(inp)
        except EOFError:
            return 0
        if job is None:
            return 0
        data, content_type, filename, limits = job
        cpu_limit(limits["time_limit_s"] + GRACE_S)
        doc = extract_text(data, content_type=content_type, filename=filename,
                           limits=DocLimits(**limits))
        del data, job
        send(out, doc.to_dict())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
