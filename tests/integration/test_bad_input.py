"""A site that is down or blocks us is reported as such (exit 2), never as missing items."""

from __future__ import annotations

import pytest

from tests.conftest import run_main

HTML = b"<html><head><title>x</title></head><body><a href='/ita/'>ITA</a></body></html>"


def assert_not_audited(result, status: str, *needles: str) -> None:
    assert result.code == 2, (result.stdout, result.stderr)
    report = result.report
    assert report["status"] == status
    assert report["items"] == [] and report["summary"] is None
    text = result.stdout + result.stderr
    for needle in needles:
        assert needle in text, text
    assert "O23" not in result.stdout and "(O1)" not in result.stdout  # no item lines


def test_connection_refused(refused_audit):
    url = refused_audit.report["site"]
    assert url.startswith("http://127.0.0.1:")
    assert_not_audited(refused_audit, "site_unreachable", url, "ปฏิเสธการเชื่อมต่อ")


def test_dns_failure(cli, tmp_path):
    result = cli("audit", "http://oit-audit-test.invalid/", out_dir=tmp_path)
    assert_not_audited(result, "site_unreachable", "oit-audit-test.invalid", "DNS")


def test_tls_error(cli, tmp_path, serve_app):
    url, _ = serve_app(lambda path: (200, {}, HTML))
    https = url.replace("http://", "https://")
    result = cli("audit", https, out_dir=tmp_path)
    assert_not_audited(result, "site_unreachable", https)
    assert result.report["message"]["cause"] in ("tls", "network")


def test_every_page_5xx(cli, tmp_path, serve_app):
    url, rec = serve_app(lambda path: (503, {}, b"down for maintenance"))
    result = cli("audit", url, out_dir=tmp_path)
    assert_not_audited(result, "site_unreachable", "503")


@pytest.mark.parametrize("status", [403, 429])
def test_blocked_by_status(cli, tmp_path, serve_app, status):
    url, _ = serve_app(lambda path: (status, {}, b"forbidden"))
    result = cli("audit", url, out_dir=tmp_path)
    assert_not_audited(result, "blocked", str(status))


def test_blocked_by_robots_and_override(cli, tmp_path, serve_app):
    def app(path):
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /\n"
        return 200, {}, HTML

    url, rec = serve_app(app)
    result = cli("audit", url, out_dir=tmp_path / "a")
    assert_not_audited(result, "blocked", "robots.txt", "--ignore-robots")
    assert rec.paths == ["/robots.txt"]
    assert all(a.startswith("oit-audit/") for a in rec.agents)
    forced = cli("audit", url, "--ignore-robots", out_dir=tmp_path / "b")
    assert forced.code == 1 and forced.report["status"] == "complete"
    assert forced.report["crawl"]["robots_obeyed"] is False


def test_malformed_checklist_crawls_nothing(cli, tmp_path, serve_app):
    url, rec = serve_app(lambda path: (200, {}, HTML))
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: nacc-oit-2565\nitems:\n  O1:\n    freshnes: {rule: none}\n",
                   encoding="utf-8")
    result = cli("audit", url, "--checklist", str(bad), out_dir=tmp_path / "out")
    assert result.code == 2
    assert f"{bad}:4:5" in result.stderr and "freshnes" in result.stderr
    assert rec.paths == []
    assert not (tmp_path / "out" / "report.json").exists()


def test_checklist_validate_command(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\n  bad: [\n", encoding="utf-8")
    result = run_main("checklist", "validate", str(bad))
    assert result.code == 2 and f"{bad}:" in result.stdout
    ok = run_main("checklist", "validate", "nacc-oit-2566")
    assert ok.code == 0 and "43" in ok.stdout


def test_bad_as_of_date(cli, tmp_path):
    result = cli("audit", "http://127.0.0.1:9/", "--as-of", "15/05/2569", out_dir=tmp_path)
    assert result.code == 2 and "YYYY-MM-DD" in result.stderr


def test_url_without_scheme_falls_back_to_http(cli, tmp_path, serve_app):
    url, _ = serve_app(lambda path: (200, {}, HTML))
    bare = url.removeprefix("http://").rstrip("/")
    result = cli("audit", bare, out_dir=tmp_path)
    assert result.code == 1, result.stdout + result.stderr
    report = result.report
    assert report["status"] == "complete"
    assert report["site"].startswith("http://127.0.0.1")
    assert report["scheme_note"] == "used http"
