"""Read documents in child processes with an address-space limit.

PDFium inflates a PDF's streams in memory: a 1 MB file whose content stream inflates to
1 GiB took 2.1 GB of memory in the crawler itself (issue 12).  Here each document is read by
a child process whose ``RLIMIT_AS`` is capped (``resource.setrlimit``): when a document needs
more, the allocation fails there (PDFium aborts the child, Python raises MemoryError), the
parent reports that document as unreadable and starts a fresh child for the next one.  A
child that overruns the document's time limit is stopped the same way: the limit is counted
in CPU seconds (:class:`~crawler.documents.limits.Deadline`, checked between pages and rows),
and before each document the child sets its own ``RLIMIT_CPU`` to that limit plus ``GRACE_S``
(the kernel stops it with SIGXCPU inside a long call that never returns to a check).  The
parent's wait on the wall clock, ``WALL_SAFETY`` times that, is a safety net for a child that
neither answers nor uses the CPU: on a busy machine a document takes longer, not more CPU, so
how it is read does not depend on the machine's load.

:class:`WorkerPool` is thread-safe: the item pipeline calls :meth:`WorkerPool.read` from
Twisted's thread pool, and each call borrows one idle child for one document.  The first
document starts one child; another starts only when a document has waited ``start_after_s``
for a busy one, or twice as long as the last child took to start if that is longer (the
child's first document of a kind imports its library, about as long again: openpyxl 0.55 s
of wall time at load 7 against a start of 0.7 s), counted from when it came or when the last
child to start was ready, whichever is later, and not while a child is starting: starting a
child costs 0.1-0.7 s of wall time and 0.2-0.3 CPU-s (its interpreter and the project's
modules; the PDF library on its first PDF, 0.03 s more), while most documents take 2-90 ms
once a child is up (tests/benchmarks/README.md, "Document readers started when documents
wait", and the ``crawl38`` round: a document queued behind the benchmark site's one
spreadsheet, 0.83 s at load 7, started a second child for the 500 PDFs after it).

:meth:`WorkerPool.read_async` is the same pool on an asyncio event loop (the audit's: Scrapy's
asyncio reactor): the request is written to the child's pipe and its answer read there as the
loop sees the pipe readable (``loop.add_reader``), the wall-clock safety net is a
``loop.call_later``, and the start rules above are kept by a queue of waiting documents and a
timer for the first of them; only a child's start (0.1-0.7 s, a wait for its "ready") goes to
a thread.  A document read through a thread woke that thread about six times (the thread
pool's queue, the pool's idle queue, the pipe's select, each followed by taking the GIL back
from the crawl: crawl40); on the loop it costs no thread at all.  One pool is driven one way:
by threads (:meth:`read`) or by one loop (:meth:`read_async`), not both at once.
"""

from __future__ import annotations

import asyncio
import os
import pickle
import queue
import select
import struct
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, BinaryIO

from .limits import WALL_SAFETY
from .model import DocLimits, DocText, result

DEFAULT_MEMORY_MB = 1024
GRACE_S = 15.0  # CPU seconds beyond the document's own time limit, before the child is stopped
START_TIMEOUT_S = 120.0  # a child imports PDFium, openpyxl, python-docx...
START_AFTER_S = 0.5  # a document waits this long for a busy child before another starts
START_WAITS = 2.0  # ... or this many times the last child's start, if longer (a first import)
_HEADER = struct.Struct(">Q")
_CHUNK = 1 << 20  # bytes taken from a child's pipe per readable turn of the loop
_ROOT = Path(__file__).resolve().parents[2]  # the folder holding the crawler package


def _settle(ready: asyncio.Future[None]) -> None:
    """Mark ``ready`` done (a pipe the loop found writable), once."""
    if not ready.done():
        ready.set_result(None)


def send(stream: BinaryIO, obj: Any) -> None:
    """Write one length-prefixed pickle."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def receive(stream: BinaryIO) -> Any:
    """Read one length-prefixed pickle (EOFError when the other side is gone).

    Only ever used between the crawler and the reader child it started itself.
    """
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        raise EOFError("reader pipe closed")
    size = _HEADER.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("reader pipe closed")
    return pickle.loads(data)  # noqa: S301 - our own child process


class _Child:
    """One reader process (``python -m crawler.documents.reader``, started through
    :mod:`crawler.readerstart`: deaf to the Ctrl-C and SIGTERM meant for the audit) and its
    pipes."""

    def __init__(self, memory_mb: int) -> None:
        env = {**os.environ, "OMP_THREAD_LIMIT": "1", "OPENBLAS_NUM_THREADS": "1",
               "PYTHONPATH": os.pathsep.join(
                   p for p in (str(_ROOT), os.environ.get("PYTHONPATH", "")) if p)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "crawler.readerstart", str(memory_mb)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True)
        if not self._wait(START_TIMEOUT_S) or receive(self.process.stdout) != "ready":
            self.kill()
            raise RuntimeError("the document reader process did not start")

    def _wait(self, seconds: float) -> bool:
        ready, _, _ = select.select([self.process.stdout], [], [], seconds)
        return bool(ready)

    def read(self, data: bytes, content_type: str | None, filename: str | None,
             limits: DocLimits) -> DocText:
        send(self.process.stdin, (data, content_type, filename, asdict(limits)))
        if not self._wait(_wall_s(limits)):
            return self._overdue(limits)
        return DocText.from_dict(receive(self.process.stdout))

    async def read_async(self, data: bytes, content_type: str | None, filename: str | None,
                         limits: DocLimits) -> DocText:
        """:meth:`read` on the running asyncio loop: the answer is taken from the pipe as the
        loop sees it readable, and the child is killed past the same wall-clock limit."""
        loop = asyncio.get_running_loop()
        await self._send_async(loop, (data, content_type, filename, asdict(limits)))
        answer: asyncio.Future[Any] = loop.create_future()
        fd = self.process.stdout.fileno()
        got = bytearray()

        def readable() -> None:
            if answer.done():
                return
            try:
                chunk = os.read(fd, _CHUNK)
            except OSError as exc:
                answer.set_exception(exc)
                return
            if not chunk:
                answer.set_exception(EOFError("reader pipe closed"))
                return
            got.extend(chunk)
            if len(got) >= _HEADER.size:
                size = _HEADER.unpack_from(got)[0]
                if len(got) >= _HEADER.size + size:
                    answer.set_result(pickle.loads(  # noqa: S301 - our own child process
                        memoryview(got)[_HEADER.size:_HEADER.size + size]))

        def overdue() -> None:
            if not answer.done():
                answer.set_result(None)

        loop.add_reader(fd, readable)
        timer = loop.call_later(_wall_s(limits), overdue)
        try:
            payload = await answer
        finally:
            loop.remove_reader(fd)
            timer.cancel()
            if answer.cancelled():  # the read was cancelled: its answer would be left in
                self.kill()         # the pipe for the next document
        if payload is None:
            return self._overdue(limits)
        return DocText.from_dict(payload)

    async def _send_async(self, loop: asyncio.AbstractEventLoop, obj: Any) -> None:
        """:func:`send` on the loop: what the pipe takes at once is written, the rest as the
        loop finds the pipe writable again.  The child is idle and reads the request at once,
        but a document larger than the pipe's buffer (64 KB) waits for the child to be given
        the CPU to read it: written blocking, it held the crawl's loop meanwhile (about 1 %
        of a loaded audit's samples, py-spy, crawl42).  A send cancelled or failed half-way
        leaves part of a request in the pipe: the child is killed (no other document can be
        read by it)."""
        payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(_HEADER.pack(len(payload)) + payload)
        del payload
        fd = self.process.stdin.fileno()
        os.set_blocking(fd, False)
        try:
            while view:
                try:
                    view = view[os.write(fd, view):]
                    continue
                except BlockingIOError:
                    pass
                writable: asyncio.Future[None] = loop.create_future()
                loop.add_writer(fd, _settle, writable)
                try:
                    await writable
                finally:
                    loop.remove_writer(fd)
        except BaseException:
            self.kill()
            raise
        os.set_blocking(fd, True)  # the threaded path's send() writes blocking

    def _overdue(self, limits: DocLimits) -> DocText:
        """Kill the child that gave no answer within :func:`_wall_s`; the document's DocText."""
        self.kill()
        return result("", 0, "none", "timeout", meta={
            "detail": f"reader killed: no answer in {WALL_SAFETY:g} times "
                      f"{limits.time_limit_s:g} CPU-s on the wall clock"})

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass

    def stop(self) -> None:
        try:
            send(self.process.stdin, None)
            self.process.wait(5)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()


class WorkerPool:
    """Up to ``size`` reader processes, each limited to ``memory_mb`` of address space; the
    second and later start only when a document has waited for one ``start_after_s``, or
    :data:`START_WAITS` times the last child's start (wall time) if that is longer."""

    def __init__(self, size: int = 1, memory_mb: int = DEFAULT_MEMORY_MB,
                 start_after_s: float = START_AFTER_S) -> None:
        self.size = max(1, size)
        self.memory_mb = memory_mb
        self.start_after_s = max(0.0, start_after_s)
        # idle children; None: the slot of a child that died (its successor starts at once)
        self._idle: queue.LifoQueue[_Child | None] = queue.LifoQueue()
        self._spare = self.size  # slots whose child has not started yet
        self._starting = 0  # children being started
        self._ready_at = 0.0  # time.monotonic() when the last child to start was ready
        self._patience = self.start_after_s  # how long a document waits before another starts
        self._closed = False
        self._lock = threading.Lock()
        self._all: list[_Child] = []
        # read_async's side, on the loop: idle children (as _idle), waiting documents (when
        # each came, and the future that gets its child), the timer of the next start
        self._loop_idle: list[_Child | None] = []
        self._waiting: deque[tuple[float, asyncio.Future[tuple[_Child | None, bool]]]] = deque()
        self._timer: asyncio.TimerHandle | None = None

    @property
    def started(self) -> int:
        """How many slots have had a child started (dead ones' slots included)."""
        with self._lock:
            return self.size - self._spare

    def read(self, data: bytes, *, content_type: str | None = None,
             filename: str | None = None, limits: DocLimits = DocLimits()  # noqa: B008
             ) -> DocText:
        """Extract one document in a child; a child that dies makes that document
        'crashed' (or 'memory' when it ran out of memory), never the crawl."""
        if self._closed:
            raise RuntimeError("the document reader pool is closed")
        child, counted = self._borrow()
        try:
            if child is None or not child.alive():
                child = self._start(counted)
            try:
                return child.read(data, content_type, filename, limits)
            except (EOFError, OSError, pickle.UnpicklingError):
                return self._buried(child)
        finally:
            self._idle.put(_living(child))

    async def read_async(self, data: bytes, *, content_type: str | None = None,
                         filename: str | None = None,
                         limits: DocLimits = DocLimits(),  # noqa: B008
                         lent: Callable[[], Any] | None = None) -> DocText:
        """:meth:`read` on the running asyncio loop, no thread but for a child's start
        (``lent``: called when a child is lent to this document, the start of its reading)."""
        if self._closed:
            raise RuntimeError("the document reader pool is closed")
        loop = asyncio.get_running_loop()
        turn: asyncio.Future[tuple[_Child | None, bool]] = loop.create_future()
        self._waiting.append((time.monotonic(), turn))
        self._dispatch()
        try:
            child, counted = await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():  # lent just as the read was cancelled
                self._give_back(turn.result()[0])
            raise
        if lent is not None:
            lent()
        try:
            if child is None or not child.alive():
                child = await self._start_async(counted)
            doc = await child.read_async(data, content_type, filename, limits)
        except (EOFError, OSError, pickle.UnpicklingError):  # its reader died under it
            doc = self._buried(child)
        finally:
            self._give_back(_living(child))
        return doc

    def _buried(self, child: _Child | None) -> DocText:
        """The DocText of a document whose reader died under it (or never started)."""
        if child is None:
            return _died(None, self.memory_mb)
        child.kill()
        return _died(child.process.returncode, self.memory_mb)

    def _give_back(self, child: _Child | None) -> None:
        self._loop_idle.append(child)
        self._dispatch()

    def _dispatch(self) -> None:
        """Lend idle children to the waiting documents in the order they came; then start a
        child for the first still waiting when :meth:`_borrow`'s rules allow it, or set the
        timer for when they will."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        waiting = self._waiting
        while waiting and self._loop_idle:
            _, turn = waiting.popleft()
            if not turn.done():
                turn.set_result((self._loop_idle.pop(), False))
        while waiting and waiting[0][1].done():  # cancelled while waiting
            waiting.popleft()
        if not waiting:
            return
        with self._lock:
            if not self._spare or self._starting:
                return  # a child comes back, or the one starting is ready: dispatched again
            due = max(waiting[0][0], self._ready_at) + self._patience
            now = time.monotonic()
            if self._spare == self.size or now >= due:
                self._spare -= 1
                self._starting += 1
                waiting.popleft()[1].set_result((None, True))
                return
        self._timer = asyncio.get_running_loop().call_later(due - now, self._dispatch)

    async def _start_async(self, counted: bool) -> _Child:
        """:meth:`_start` in a thread (the wait for the child's "ready"), then the waiting
        documents dispatched again (a start that ends moves the next start's time)."""
        if not counted:  # a dead child's slot: counted as starting here, on the loop
            with self._lock:
                self._starting += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(None, self._start, True)
        finally:
            self._dispatch()

    def _borrow(self) -> tuple[_Child | None, bool]:
        """An idle child, or None for a slot whose child the caller starts (True: that start
        is already counted as starting): the first slot at once, another once this document
        has waited ``start_after_s`` (or :data:`START_WAITS` times the last start) while no
        child was starting."""
        came = time.monotonic()
        while True:
            try:
                return self._idle.get_nowait(), False
            except queue.Empty:
                pass
            with self._lock:
                due = max(came, self._ready_at) + self._patience
                if self._spare and not self._starting and (
                        self._spare == self.size or time.monotonic() >= due):
                    self._spare -= 1
                    self._starting += 1
                    return None, True
                wait = (None if not self._spare else self._patience if self._starting
                        else due - time.monotonic())
            try:
                return self._idle.get(timeout=None if wait is None else max(wait, 0.001)), False
            except queue.Empty:
                pass

    def _start(self, counted: bool = False) -> _Child:
        """Start a child (``counted``: already counted as starting by :meth:`_borrow`)."""
        if not counted:
            with self._lock:
                self._starting += 1
        began = time.monotonic()
        try:
            child = _Child(self.memory_mb)
        finally:
            with self._lock:
                self._starting -= 1
                self._ready_at = time.monotonic()
                self._patience = max(self.start_after_s,
                                     START_WAITS * (self._ready_at - began))
        with self._lock:
            self._all = [c for c in self._all if c.alive()] + [child]
        return child

    def close(self) -> None:
        """Stop every child (idle ones politely, the rest by force)."""
        self._closed = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        with self._lock:
            children, self._all = self._all, []
        for child in children:
            child.stop()


def _wall_s(limits: DocLimits) -> float:
    """How long a child may take to answer, on the wall clock, before it is killed."""
    return (limits.time_limit_s + GRACE_S) * WALL_SAFETY


def _living(child: _Child | None) -> _Child | None:
    """``child`` if it can read another document, else None (its slot, to start anew)."""
    return child if child is not None and child.alive() else None


def _died(exitcode: int | None, memory_mb: int) -> DocText:
    """The DocText of a document whose reader process died."""
    import signal

    if exitcode == -signal.SIGXCPU:  # past its CPU limit (the reader's own RLIMIT_CPU)
        return result("", 0, "none", "timeout",
                      meta={"detail": "reader stopped at its CPU limit"})
    detail = f"reader process exited with {exitcode} (memory limit {memory_mb} MB)"
    # PDFium aborts (SIGABRT) when an allocation fails; the kernel's OOM killer sends SIGKILL
    status = "memory" if exitcode in (-signal.SIGABRT, -signal.SIGKILL) else "crashed"
    return result("", 0, "none", status, meta={"detail": detail})
