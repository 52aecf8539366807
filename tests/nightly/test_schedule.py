"""Schedule entries (cron, systemd), the per-site lock, the revalidating cache policy and the
progress display's modes."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap

import pytest
from scrapy.http import Request, Response

from crawler.httpcache import AuditCacheMiddleware, RevalidatePolicy
from crawler.nightly.lock import SiteBusy, SiteLock
from crawler.nightly.schedule import Plan, cron_lines, read_sites, systemd_units
from crawler.progress import Counts, choose_mode
from tests.conftest import ROOT, run_main


def test_cron_lines_one_per_site_staggered(tmp_path):
    plan = Plan(sites=["https://www.a.go.th", "b.go.th/office%201"], at="23:55",
                stagger=10, out_root=tmp_path / "out", db=tmp_path / "h.sqlite3",
                alerts_config=tmp_path / "alerts.yaml")
    lines = [ln for ln in cron_lines(plan).splitlines() if ln and not ln.startswith("#")]
    jobs = [ln for ln in lines if "=" not in ln.split()[0]]
    assert len(jobs) == 2
    assert jobs[0].startswith("55 23 * * * ") and jobs[1].startswith("5 0 * * * ")
    assert "audit https://www.a.go.th" in jobs[0] and "--fail-on regression" in jobs[0]
    assert f"--db {tmp_path / 'h.sqlite3'}" in jobs[0] and "--alerts-config" in jobs[0]
    assert r"office\%201" in jobs[1]  # cron treats a bare % as a newline
    assert ">> " in jobs[0] and "2>&1" in jobs[0]


def test_systemd_service_and_timer_per_site(tmp_path):
    text = systemd_units(Plan(sites=["https://www.a.go.th"], at="02:30",
                              out_root=tmp_path / "my out"))
    assert "[Service]\nType=oneshot" in text and "OnCalendar=*-*-* 02:30:00" in text
    assert "Persistent=true" in text and "WantedBy=timers.target" in text
    exec_start = next(ln for ln in text.splitlines() if ln.startswith("ExecStart="))
    assert '"' in exec_start  # the path with a space is quoted
    assert "EnvironmentFile=-%h/.config/oit-audit/alerts.env" in text


def test_schedule_command_with_a_site_list(tmp_path):
    sites = tmp_path / "sites.txt"
    sites.write_text("# region 1\nhttps://www.a.go.th\n\nhttps://www.b.go.th  # school\n",
                     encoding="utf-8")
    assert read_sites(sites) == ["https://www.a.go.th", "https://www.b.go.th"]
    result = run_main("schedule", "--cron", "--sites", str(sites), "--at", "01:00")
    assert result.code == 0, result.stderr
    assert "0 1 * * *" in result.stdout and "10 1 * * *" in result.stdout
    systemd = run_main("schedule", "--systemd", "https://www.a.go.th")
    assert systemd.code == 0 and ".timer" in systemd.stdout
    assert run_main("schedule", "--cron").code == 2


def test_lock_keeps_a_second_run_out_and_dies_with_its_process(tmp_path):
    path = tmp_path / "locks" / "site.lock"
    with SiteLock(path):
        with pytest.raises(SiteBusy):
            SiteLock(path).acquire()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from crawler.nightly.lock import SiteLock
        SiteLock({str(path)!r}).acquire()
        print("locked", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(SiteBusy) as busy:
            SiteLock(path).acquire()
        assert busy.value.holder == str(holder.pid)
    finally:
        holder.kill()
        holder.wait()
    with SiteLock(path):  # the OS released the dead process's lock
        pass


def test_policy_always_revalidates_and_never_hides_errors():
    policy = RevalidatePolicy.__new__(RevalidatePolicy)
    policy.__init__(__import__("scrapy.settings", fromlist=["Settings"]).Settings())
    request = Request("http://127.0.0.1/a.pdf")
    cached = Response("http://127.0.0.1/a.pdf", headers={
        "ETag": '"abc"', "Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT",
        "Cache-Control": "max-age=86400"})
    assert policy.is_cached_response_fresh(cached, request) is False
    assert request.headers[b"If-None-Match"] == b'"abc"'
    assert request.headers[b"If-Modified-Since"].startswith(b"Wed, 01 Jan 2025")
    assert policy.is_cached_response_valid(cached, Response(request.url, status=304), request)
    assert not policy.is_cached_response_valid(cached, Response(request.url, status=503),
                                               request)
    timed_out = Request(request.url, meta={"cached_response": cached})
    assert AuditCacheMiddleware.process_exception(None, timed_out, TimeoutError()) is None
    assert "cached_response" not in timed_out.meta


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_mode_and_plain_line():
    assert choose_mode("auto", _Tty(), "ERROR") == "live"
    assert choose_mode("auto", _Tty(), "INFO") == "log"  # Scrapy's log lines would interleave
    assert choose_mode("auto", io.StringIO(), "ERROR") == "log"  # cron: no terminal
    assert choose_mode("off", _Tty(), "ERROR") == "off"
    from checklists.site.records import PageRecord

    counts = Counts([])
    counts.add(PageRecord("u", "u", "page", 200, 0, ""))
    counts.add(PageRecord("d", "d", "document", 404, 1, ""))
    line = counts.line(3, th=False)
    assert line.startswith("pages=1 documents=1 external=0 errors=1 queued=3 items_found=0/0")
    assert all(ch.isprintable() for ch in counts.line(3, th=True))
