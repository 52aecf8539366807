"""Audit a small site served by a function on 127.0.0.1 (without ``--allow-private``: only
the start host is allowed) and read back what the server was asked and what was recorded."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import CliResult, Recorder, _serve_app, run_cli

App = Callable[[str, int], tuple[int, dict[str, str], bytes]]  # (path, own port) -> answer


@dataclass
class AppCrawl:
    result: CliResult
    paths: list[str]  # every request line's target the server answered, in order
    base: str

    @property
    def port(self) -> int:
        return int(self.base.rstrip("/").rsplit(":", 1)[1])

    @property
    def records(self) -> list[dict[str, Any]]:
        lines = (self.result.out_dir / "crawl.jsonl").read_text("utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def record(self, path: str) -> dict[str, Any]:
        return next(r for r in self.records if r["url"] == self.base + path.lstrip("/"))

    def item(self, code: str) -> dict[str, Any]:
        return next(i for i in self.result.report["items"] if i["code"] == code)


def audit_app(app: App, out: Path, as_proxy: bool = False) -> AppCrawl:
    """``oit-audit audit`` of the site ``app`` serves (as of 2026-05-15, no history);
    ``as_proxy``: the server is also the HTTP proxy (``http_proxy``) of every request."""
    port = 0
    rec = Recorder()
    with _serve_app(lambda path: app(path, port), rec) as url:
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        env = {"http_proxy": url, "HTTP_PROXY": url, "no_proxy": "", "NO_PROXY": ""}
        result = run_cli("audit", url, "--as-of", "2026-05-15", "--no-history", out_dir=out,
                         env=env if as_proxy else None)
        return AppCrawl(result, list(rec.paths), url)
