"""``batch --redis`` and ``worker`` meeting a Redis they cannot use say what to do next, Thai
first, and exit 2 (could not run), before anything is written: before, a URL without its
scheme and a Redis that does not answer were crash reports ("unexpected error: please send
the file ... to the maintainers"), and a worker whose first claim failed waited for ever,
deaf to SIGTERM."""

from __future__ import annotations

from checklists.vocabulary import EXIT_ERROR
from tests.conftest import free_port, run_main


def _offices(tmp_path):
    csv = tmp_path / "offices.csv"
    csv.write_text("name,url\nหน่วยงาน,https://www.example.go.th/\n", encoding="utf-8")
    return csv


def test_a_redis_that_does_not_answer_says_what_to_do(tmp_path):
    url = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    out = tmp_path / "out"
    for args in (("worker", "--redis", url, "--once"),
                 ("batch", str(_offices(tmp_path)), "--redis", url, "--out", str(out))):
        result = run_main(*args)
        assert result.code == EXIT_ERROR, result.stdout + result.stderr
        said = result.stderr.strip()
        assert said.startswith(f"ติดต่อ Redis ที่ {url} ไม่ได้"), said
        assert "redis-server" in said and "--redis" in said and "oit-audit-error" not in said
    assert not (out / "batch.json").exists()
    english = run_main("worker", "--redis", url, "--once", "--lang", "en")
    assert english.stderr.startswith(f"cannot reach Redis at {url}"), english.stderr
    assert "run the same command again" in english.stderr


def test_a_redis_url_without_its_scheme_is_refused_before_anything_runs(tmp_path):
    for args in (("worker", "--redis", "10.0.0.5:6379"),
                 ("batch", str(_offices(tmp_path)), "--redis", "10.0.0.5:6379")):
        result = run_main(*args)
        assert result.code == EXIT_ERROR, result.stdout + result.stderr
        assert "ที่อยู่ Redis ไม่ถูกต้อง '10.0.0.5:6379'" in result.stderr
        assert "redis://10.0.0.5:6379/0" in result.stderr  # what to type instead
