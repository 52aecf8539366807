"""Local SMTP and webhook servers, and a private state folder, for the nightly tests."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.localserve import QuietHandler, serving


@pytest.fixture
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private OIT_AUDIT_HOME (history, caches, locks) for this test and its subprocesses."""
    home = tmp_path / "state"
    monkeypatch.setenv("OIT_AUDIT_HOME", str(home))
    for name in ("OIT_SMTP_HOST", "OIT_WEBHOOK_URL", "OIT_ALERT_TO"):
        monkeypatch.delenv(name, raising=False)
    return home


class SmtpInbox:
    """Messages received by a local aiosmtpd server."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        from email import message_from_bytes, policy

        msg = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append({"from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                              "subject": str(msg["Subject"]),
                              "body": msg.get_body(("plain",)).get_content()})
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server() -> Iterator[tuple[str, int, SmtpInbox]]:
    """(host, port, inbox) of an SMTP server on 127.0.0.1."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:  # a free port (the controller checks it connects)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = SmtpInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield "127.0.0.1", port, inbox
    finally:
        controller.stop()


@pytest.fixture
def webhook_server() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(URL, bodies) of an HTTP server that records every JSON POST."""
    bodies: list[dict[str, Any]] = []

    class Hook(QuietHandler):
        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            bodies.append({"content_type": self.headers.get("Content-Type"),
                           "json": json.loads(self.rfile.read(length).decode("utf-8"))})
            self.send(200, b"ok", "text/plain")

    with serving(Hook) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", bodies
