"""Documents are read in a child process with a memory limit; what kills the child is
reported as that document unreadable, and the next document is read by a fresh child."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys

import pytest

from crawler.documents import DocLimits
from crawler.documents.budget import AuditBudget, BudgetLimits
from crawler.documents.fetched import DocumentReader
from crawler.documents.worker import WorkerPool
from tests import patience, socketguard
from tests.conftest import ROOT
from tests.documents.fixtures import make_text_pdf
from tests.hostile.files import hostile_documents, pdf_with_stream


@pytest.fixture(scope="module")
def pool():
    p = WorkerPool(1, memory_mb=1024)
    yield p
    p.close()


@pytest.fixture(scope="module")
def hostile():
    return hostile_documents()


def test_inflating_pdf_is_stopped_by_the_memory_limit(pool):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    doc = pool.read(pdf_with_stream(inflate_mb=1100), filename="bomb-2569.pdf")
    assert doc.status in ("memory", "crashed") and doc.text == ""
    assert doc.reason_th and doc.reason_en
    # the crawler's own process never held the inflated stream
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024
    ok = pool.read(make_text_pdf(), filename="plan.pdf")  # a fresh child reads the next one
    assert ok.status == "ok" and "2569" in ok.text


@pytest.mark.parametrize("name,statuses", [
    ("corrupt-2569.pdf", {"corrupt"}),
    ("encrypted-2569.pdf", {"encrypted"}),
    ("bomb-2569.docx", {"bomb"}),
    ("bomb-2569.xlsx", {"bomb"}),
    ("inflate-2569.pdf", {"memory", "crashed"}),
])
def test_hostile_documents_are_unreadable_with_a_reason(pool, hostile, name, statuses):
    doc = pool.read(hostile[name], filename=name)
    assert doc.status in statuses and doc.reason_th and not doc.ok


def test_a_document_past_its_time_is_killed(pool, monkeypatch):
    from crawler.documents import worker

    monkeypatch.setattr(worker, "GRACE_S", 0.0)  # the parent gives up before any answer
    doc = pool.read(make_text_pdf(), filename="a.pdf", limits=DocLimits(time_limit_s=0.0))
    assert doc.status == "timeout" and "killed" in doc.meta["detail"]
    monkeypatch.undo()
    assert pool.read(make_text_pdf(), filename="b.pdf").status == "ok"


def test_the_audit_budget_stops_reading_and_says_so():
    budget = AuditBudget(BudgetLimits(max_bytes=50_000, max_ocr_pages=0, max_seconds=0))
    pdf = make_text_pdf()
    first = DocumentReader(budget=budget).read(pdf, "application/pdf", "http://x/a.pdf")
    second = DocumentReader(budget=budget).read(pdf, "application/pdf", "http://x/b.pdf")
    assert first[1] == "ok"
    assert second[1] == "budget" and "budget" in second[2]
    assert budget.refused == 1


def test_the_audit_text_budget_stops_reading():
    budget = AuditBudget(BudgetLimits(max_bytes=0, max_ocr_pages=0, max_seconds=0,
                                      max_text_chars=100))
    pdf = make_text_pdf()
    assert DocumentReader(budget=budget).read(pdf, "application/pdf", "http://x/a.pdf")[1] == "ok"
    assert DocumentReader(budget=budget).read(pdf, "application/pdf", "http://x/b.pdf")[1] == \
        "budget"


def test_text_of_one_document_is_capped():
    from crawler.documents import extract_text

    doc = extract_text(("ข้อความ 2569 " * 1000).encode("utf-8"), filename="a.txt",
                       limits=DocLimits(max_text_chars=500))
    assert len(doc.text) == 500 and doc.meta.get("truncated")


def _read_together(pool: WorkerPool, jobs: list[tuple[bytes, str]]) -> list:
    """Read ``jobs`` (bytes, file name) from as many threads at once, as the item pipeline
    does from Twisted's thread pool; the DocTexts in job order."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=len(jobs)) as threads:
        return list(threads.map(lambda job: pool.read(job[0], filename=job[1]), jobs))


def test_documents_that_wait_little_are_read_by_one_reader():
    # Eight quick documents at once (2-30 ms each once a reader is up): they queue behind
    # the one reader, which starts with the first of them; while it starts (0.1-0.7 s of
    # wall time) the others wait for it rather than start a second. start_after_s is
    # generous here (3 quiet seconds, stretched on a busy machine) so that the first
    # document's read (the reader imports the PDF library then: 0.2-0.7 s) does not reach it.
    from tests.patience import stretched

    pool = WorkerPool(2, start_after_s=stretched(3.0))
    try:
        docs = _read_together(pool, [(make_text_pdf(), f"plan-{i}.pdf") for i in range(8)])
        assert [d.status for d in docs] == ["ok"] * 8
        assert pool.started == 1
    finally:
        pool.close()


def test_a_document_waiting_behind_a_slow_one_starts_another_reader(monkeypatch):
    # The slow document's reader is held busy until the other document is read (a hook
    # on the parent's side of the first reader, after its real read): the other document
    # must start a second reader and finish while the first is held.  It once raced a
    # page's OCR (5.1-5.8 s) against the second reader's start and read (1.0-1.8 s).
    import threading
    import time

    from crawler.documents import worker
    from tests.patience import stretched

    holding, release = threading.Event(), threading.Event()
    real_read = worker._Child.read

    def held(self, data, content_type, filename, limits):
        doc = real_read(self, data, content_type, filename, limits)
        if filename == "slow.pdf":  # read; its reader stays busy until released
            holding.set()
            release.wait(stretched(60.0))
        return doc

    monkeypatch.setattr(worker._Child, "read", held)
    pool = WorkerPool(2, start_after_s=0.2)
    try:
        assert pool.read(make_text_pdf(), filename="first.pdf").ok  # the first reader is up
        done: dict[str, float] = {}

        def read(name: str) -> None:
            assert pool.read(make_text_pdf(), filename=name).ok
            done[name] = time.monotonic()

        slow = threading.Thread(target=read, args=("slow.pdf",))
        slow.start()
        assert holding.wait(stretched(60.0))  # the first reader is busy with it
        read("plan.pdf")  # waiting out the hold instead would make it finish last
        release.set()
        slow.join()
        assert pool.started == 2
        assert done["plan.pdf"] < done["slow.pdf"]  # it did not wait for the slow one
    finally:
        release.set()
        pool.close()


def test_a_wait_shorter_than_two_starts_starts_no_second_reader(monkeypatch):
    # A child's first document of a kind imports its library (openpyxl: 0.55 s of wall time
    # at load 7, against the child's own start of 0.7 s), so a document queued behind it
    # waits about one start: on the crawl benchmark's site a document behind its one
    # spreadsheet (0.83 s) started a second reader for 500 quick PDFs (crawl38). A document
    # now waits START_WAITS times the last start before another starts. Here the first
    # start is made 1 s longer, and the busy reader is held 0.3 s, past start_after_s.
    import threading
    import time

    from crawler.documents import worker

    real_init, real_read = worker._Child.__init__, worker._Child.read
    holding = threading.Event()

    def slow_start(self, memory_mb):
        time.sleep(1.0)
        real_init(self, memory_mb)

    def held(self, data, content_type, filename, limits):
        doc = real_read(self, data, content_type, filename, limits)
        if filename == "slow.pdf":  # as a first spreadsheet's import holds its reader
            holding.set()
            time.sleep(0.3)
        return doc

    monkeypatch.setattr(worker._Child, "__init__", slow_start)
    monkeypatch.setattr(worker._Child, "read", held)
    pool = WorkerPool(2, start_after_s=0.1)
    try:
        assert pool.read(make_text_pdf(), filename="first.pdf").ok  # the first reader is up
        assert pool._patience >= 2.0  # START_WAITS times a start of over a second
        slow = threading.Thread(target=pool.read, args=(make_text_pdf(),),
                                kwargs={"filename": "slow.pdf"})
        slow.start()
        assert holding.wait(60.0)
        assert pool.read(make_text_pdf(), filename="plan.pdf").ok  # waits for the held one
        slow.join()
        assert pool.started == 1
    finally:
        pool.close()


def test_a_pool_of_one_never_starts_a_second_reader():
    pool = WorkerPool(1, start_after_s=0.0)
    try:
        docs = _read_together(pool, [(make_text_pdf(), f"plan-{i}.pdf") for i in range(4)])
        assert all(d.ok for d in docs) and pool.started == 1
    finally:
        pool.close()


_STOPPED_AUDIT = """
import signal, sys
from crawler.documents.worker import WorkerPool
for sig in (signal.SIGINT, signal.SIGTERM):  # the audit's own handlers (it stops politely)
    signal.signal(sig, lambda *a: print("audit stopping", flush=True))
pool = WorkerPool(1)
first = pool.read(b"plan 2569", content_type="text/plain", filename="a.txt")
print("read", first.status, pool._all[0].process.pid, flush=True)
sys.stdin.readline()  # the signal reaches the process group meanwhile
second = pool.read(b"report 2569", content_type="text/plain", filename="b.txt")
print("read", second.status, pool._all[-1].process.pid, pool.started, flush=True)
pool.close()
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "systemctl"])
def test_a_stop_sent_to_the_process_group_leaves_the_reader_to_the_audit(sig):
    # A terminal's Ctrl-C reaches every process of its foreground group and `systemctl
    # stop` every process of the unit: the reader ignores both (the audit stops it). Before,
    # an idle reader died with a KeyboardInterrupt traceback on the terminal (or silently by
    # SIGTERM) and the next document started a new one; a reader mid-document died under it
    # and that document was reported unreadable.
    env = {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", _STOPPED_AUDIT], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        first = proc.stdout.readline().split()
        assert first[:2] == ["read", "ok"], (first, proc.stderr.read() if proc.poll() else "")
        os.killpg(proc.pid, sig)
        assert proc.stdout.readline().strip() == "audit stopping"
        out, err = patience.communicate(proc, 60, input="go\n")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert out.split() == ["read", "ok", first[2], "1"], (out, err)  # the same reader
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
