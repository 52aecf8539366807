"""The document reader process's entry: ``python -m crawler.readerstart MEMORY_MB``.

It ignores SIGINT and SIGTERM, then runs :mod:`crawler.documents.reader`. A terminal's Ctrl-C
goes to the whole foreground process group and ``systemctl stop`` sends SIGTERM to every
process of the unit, the readers too: a reader waiting for a document died with a
KeyboardInterrupt traceback on the terminal (and a fresh one was started for the next
document, 0.2-0.3 CPU-s), and one reading a document died under it, so that document was
reported unreadable ("crashed") by an audit that had been asked only to stop politely.  The
audit that started the reader decides when it ends (a ``None`` job, its stdin closed, or
SIGKILL: ``crawler.documents.worker``).  The signals are ignored here, before the package
``crawler.documents`` is imported (0.1-0.2 s of a reader's start), not in the reader itself.
"""

from __future__ import annotations

import runpy
import signal

SIGNALS = (signal.SIGINT, signal.SIGTERM)


def main() -> None:
    for sig in SIGNALS:
        signal.signal(sig, signal.SIG_IGN)
    runpy.run_module("crawler.documents.reader", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
