"""``WorkerPool.read_async``: the reader processes driven from an asyncio loop, as the audit
drives them (Scrapy's asyncio reactor). The child's answer is read off its pipe by the loop
(``loop.add_reader``), so no thread waits for it; the pool's limits and start rules are the
threaded pool's (test_worker.py), each checked here on real reader processes."""

from __future__ import annotations

import asyncio
import os
import resource
import signal
import threading

import pytest

from crawler.documents import DocLimits, worker
from crawler.documents.budget import AuditBudget, BudgetLimits
from crawler.documents.fetched import DocumentReader
from crawler.documents.worker import WorkerPool
from tests.documents.fixtures import make_text_pdf
from tests.hostile.files import pdf_with_stream
from tests.patience import stretched


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, timeout=stretched(120)))


def read_together(pool: WorkerPool, names: list[str]) -> list:
    async def together():
        return await asyncio.gather(*(pool.read_async(make_text_pdf(), filename=name)
                                      for name in names))
    return run(together())


def test_documents_are_read_on_the_loop_with_no_thread_but_the_start():
    # one thread (the executor's) for the reader's start; the reading itself takes none
    pool = WorkerPool(1)
    names: set[str] = set()

    async def read_and_look():
        first = await pool.read_async(make_text_pdf(), filename="a.pdf")
        names.update(t.name for t in threading.enumerate())
        before = threading.active_count()
        docs = [await pool.read_async(make_text_pdf(), filename=f"p{i}.pdf") for i in range(5)]
        assert threading.active_count() == before  # no new thread for a read
        return [first, *docs]

    try:
        docs = run(read_and_look())
    finally:
        pool.close()
    assert all(d.ok and "2569" in d.text for d in docs)
    assert pool.started == 1


@pytest.mark.parametrize("size,start_after", [(2, 3.0), (1, 0.0)], ids=["quick", "one"])
def test_documents_that_wait_little_are_read_by_one_reader(size, start_after):
    # as test_worker.py's threaded cases: eight quick documents at once queue behind the
    # one reader (start_after_s generous), and a pool of one never starts a second
    pool = WorkerPool(size, start_after_s=stretched(start_after))
    try:
        docs = read_together(pool, [f"plan-{i}.pdf" for i in range(8)])
    finally:
        pool.close()
    assert [d.status for d in docs] == ["ok"] * 8
    assert pool.started == 1


def test_a_document_waiting_behind_a_slow_one_starts_another_reader(monkeypatch):
    # The slow document's reader is held (after its real read) until the other document is
    # read: the other must start a second reader, on the timer, and finish first.
    real_read = worker._Child.read_async
    release = asyncio.Event
    order: list[str] = []

    async def scenario():
        gate = release()

        async def held(self, data, content_type, filename, limits):
            doc = await real_read(self, data, content_type, filename, limits)
            if filename == "slow.pdf":
                await gate.wait()
            return doc

        monkeypatch.setattr(worker._Child, "read_async", held)
        assert (await pool.read_async(make_text_pdf(), filename="first.pdf")).ok

        async def read(name):
            assert (await pool.read_async(make_text_pdf(), filename=name)).ok
            order.append(name)

        slow = asyncio.ensure_future(read("slow.pdf"))
        await asyncio.sleep(0)
        await read("plan.pdf")  # waiting out the hold instead would make it finish last
        gate.set()
        await slow

    pool = WorkerPool(2, start_after_s=0.2)
    try:
        run(scenario())
        assert pool.started == 2
        assert order == ["plan.pdf", "slow.pdf"]
    finally:
        pool.close()


def test_a_wait_shorter_than_two_starts_starts_no_second_reader(monkeypatch):
    # as test_worker.py's: the first start made 1 s longer, the busy reader held 0.3 s
    import time

    real_init, real_read = worker._Child.__init__, worker._Child.read_async

    def slow_start(self, memory_mb):
        time.sleep(1.0)
        real_init(self, memory_mb)

    async def held(self, data, content_type, filename, limits):
        doc = await real_read(self, data, content_type, filename, limits)
        if filename == "slow.pdf":
            await asyncio.sleep(0.3)
        return doc

    monkeypatch.setattr(worker._Child, "__init__", slow_start)
    monkeypatch.setattr(worker._Child, "read_async", held)
    pool = WorkerPool(2, start_after_s=0.1)

    async def scenario():
        assert (await pool.read_async(make_text_pdf(), filename="first.pdf")).ok
        assert pool._patience >= 2.0  # START_WAITS times a start of over a second
        slow = asyncio.ensure_future(pool.read_async(make_text_pdf(), filename="slow.pdf"))
        await asyncio.sleep(0)
        assert (await pool.read_async(make_text_pdf(), filename="plan.pdf")).ok
        assert (await slow).ok

    try:
        run(scenario())
        assert pool.started == 1
    finally:
        pool.close()


def test_an_inflating_pdf_kills_its_reader_and_a_fresh_one_reads_the_next():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pool = WorkerPool(1, memory_mb=1024)

    async def both():
        bomb = await pool.read_async(pdf_with_stream(inflate_mb=1100), filename="bomb-2569.pdf")
        return bomb, await pool.read_async(make_text_pdf(), filename="plan.pdf")

    try:
        bomb, ok = run(both())
    finally:
        pool.close()
    assert bomb.status in ("memory", "crashed") and bomb.text == "" and bomb.reason_th
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024
    assert ok.status == "ok" and "2569" in ok.text


def test_a_document_past_its_time_is_killed_on_the_loop(monkeypatch):
    monkeypatch.setattr(worker, "GRACE_S", 0.0)  # the loop gives up before any answer
    pool = WorkerPool(1)

    async def both():
        late = await pool.read_async(make_text_pdf(), filename="a.pdf",
                                     limits=DocLimits(time_limit_s=0.0))
        monkeypatch.undo()
        return late, await pool.read_async(make_text_pdf(), filename="b.pdf")

    try:
        late, ok = run(both())
    finally:
        pool.close()
    assert late.status == "timeout" and "killed" in late.meta["detail"]
    assert ok.status == "ok"


def test_a_cancelled_read_leaves_no_answer_for_the_next_document():
    # the reader is killed with the read: given back mid-answer, it would hand its 3 MB
    # answer to the next document
    pool = WorkerPool(1)
    body = ("แผนปฏิบัติการ ประจำปีงบประมาณ 2569\n" * 40_000).encode("utf-8")

    async def cancel_then_read():
        await pool.read_async(make_text_pdf(), filename="warm.pdf")  # an idle reader
        lent = asyncio.Event()
        task = asyncio.ensure_future(pool.read_async(
            body, content_type="text/plain", filename="plan.txt",
            limits=DocLimits(max_text_chars=10_000_000), lent=lent.set))
        await lent.wait()
        await asyncio.sleep(0)  # the request is on the reader's pipe
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return await pool.read_async(make_text_pdf(), filename="next.pdf")

    try:
        doc = run(cancel_then_read())
    finally:
        pool.close()
    assert doc.ok and doc.text.count("2569") < 10


def test_a_large_answer_comes_through_the_pipe_in_pieces():
    # a text document of 3 MB: its answer is several of the loop's 1 MB reads
    pool = WorkerPool(1)
    body = ("แผนปฏิบัติการ ประจำปีงบประมาณ 2569\n" * 40_000).encode("utf-8")
    try:
        doc = run(pool.read_async(body, content_type="text/plain", filename="plan.txt",
                                  limits=DocLimits(max_text_chars=10_000_000)))
    finally:
        pool.close()
    assert doc.ok and doc.text.count("2569") == 40_000


def test_the_budget_is_charged_and_refuses_on_the_loop():
    budget = AuditBudget(BudgetLimits(max_bytes=50_000, max_ocr_pages=0, max_seconds=0))
    pool = WorkerPool(1)
    reader = DocumentReader(pool=pool, budget=budget)
    pdf = make_text_pdf()

    async def both():
        return (await reader.extract_async(pdf, "application/pdf", "http://x/a.pdf"),
                await reader.extract_async(pdf, "application/pdf", "http://x/b.pdf"))

    try:
        first, second = run(both())
    finally:
        pool.close()
    assert first.ok and second.status == "budget" and budget.refused == 1
    assert 0 < budget.seconds < stretched(60)


def test_a_closed_pool_refuses():
    pool = WorkerPool(1)
    pool.close()
    with pytest.raises(RuntimeError, match="closed"):
        run(pool.read_async(b"x"))


def test_a_large_request_to_a_reader_not_reading_leaves_the_loop_running():
    # the reader is stopped (SIGSTOP) while a 3.6 MB document is sent to it: the pipe takes
    # its buffer's worth and the rest waits for the loop to find the pipe writable, while the
    # loop goes on (written blocking, the loop stood until the reader was continued: here by
    # the timer, after which the check below fails)
    pool = WorkerPool(1)
    body = ("แผนปฏิบัติการ ประจำปีงบประมาณ 2569\n" * 40_000).encode("utf-8")
    continued = threading.Event()

    async def scenario():
        await pool.read_async(make_text_pdf(), filename="warm.pdf")  # an idle reader
        pid = pool._loop_idle[-1].process.pid
        os.kill(pid, signal.SIGSTOP)

        def go_on():
            continued.set()
            os.kill(pid, signal.SIGCONT)

        timer = threading.Timer(stretched(10), go_on)
        timer.start()
        try:
            task = asyncio.ensure_future(pool.read_async(
                body, content_type="text/plain", filename="plan.txt",
                limits=DocLimits(max_text_chars=10_000_000)))
            await asyncio.sleep(0.3)
            ran_while_stopped = not continued.is_set() and not task.done()
        finally:
            timer.cancel()
            os.kill(pid, signal.SIGCONT)
        return ran_while_stopped, await task

    try:
        ran_while_stopped, doc = run(scenario())
    finally:
        pool.close()
    assert ran_while_stopped
    assert doc.ok and doc.text.count("2569") == 40_000
