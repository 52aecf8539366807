"""The document reader process: ``python -m crawler.documents.reader MEMORY_MB``.

Started by :class:`crawler.documents.worker.WorkerPool`; caps its own address space first,
then reads (bytes, content type, file name, limits) jobs from stdin and writes DocText dicts
to stdout, one length-prefixed pickle each, until stdin closes or a ``None`` job arrives.
"""

from __future__ import annotations

import os
import resource
import sys

from crawler.documents.extract import extract_text
from crawler.documents.model import DocLimits
from crawler.documents.worker import receive, send


def main(argv: list[str]) -> int:
    memory = int(argv[0]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
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
        doc = extract_text(data, content_type=content_type, filename=filename,
                           limits=DocLimits(**limits))
        del data, job
        send(out, doc.to_dict())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
