"""Alerts: configuration from a file and the environment, when to send, and delivery to a
local SMTP server and a local webhook."""

from __future__ import annotations

import pytest

from crawler.nightly.alerts import (
    AlertConfigError,
    events_of,
    load_config,
    send_alerts,
    webhook_payload,
)

REGRESSED = {"baseline": {"run_id": 1}, "regressed": [
    {"code": "O10", "title_th": "แผนดำเนินงานประจำปี", "title_en": "Annual operating plan",
     "before": "pass", "after": "broken", "reason": "ลิงก์หลักฐานเปิดไม่ได้",
     "reason_en": "evidence link does not open"}], "score": {"before": 70, "after": 65}}
DUE = {"code": "O23", "days_left": 5, "message_th": "O23 เผยแพร่เดือน เม.ย. 2569 ภายใน 15 พ.ค. 2569",
       "message_en": "O23 publish April by 2026-05-15"}


def report(changes=None, due=(), status="complete"):
    return {"status": status, "as_of": "2026-05-10", "changes": changes,
            "due_soon": list(due), "message": {"th": "เข้าเว็บไซต์ไม่ได้", "en": "timeout"}}


def test_file_then_environment(tmp_path):
    cfg = tmp_path / "alerts.yaml"
    cfg.write_text("smtp:\n  host: mail.example.go.th\n  to: [a@example.go.th]\n"
                   "webhook:\n  url: https://hooks.example/x\n  format: text\n"
                   "events: [regression, failure]\n", encoding="utf-8")
    cfg.chmod(0o600)
    config = load_config(cfg, env={"OIT_SMTP_PASSWORD": "s3cret", "OIT_SMTP_PORT": "2525",
                                   "OIT_ALERT_TO": "b@example.go.th, c@example.go.th"})
    assert config.smtp.host == "mail.example.go.th" and config.smtp.port == 2525
    assert config.smtp.password == "s3cret" and config.smtp.security == "starttls"
    assert config.smtp.to == ["b@example.go.th", "c@example.go.th"]
    assert config.webhook.format == "text" and config.on == ("regression", "failure")
    assert not load_config(None, env={}).enabled


@pytest.mark.parametrize("text,problem", [
    ("smtp:\n  host: x\n", "no recipients"),
    ("smtp:\n  host: x\n  to: [a@b]\n  security: tls\n", "security"),
    ("webhook:\n  url: ftp://x\n", "http"),
    ("events: [sometimes]\n", "unknown events"),
    ("- a list\n", "mapping"),
])
def test_bad_configuration_says_what_is_wrong(tmp_path, text, problem):
    cfg = tmp_path / "alerts.yaml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(AlertConfigError, match=problem):
        load_config(cfg, env={})


def test_quiet_unless_something_matters():
    config = load_config(None, env={"OIT_WEBHOOK_URL": "http://127.0.0.1:9/"})
    assert events_of(report({"baseline": None}), None, config) == {}
    assert events_of(report(status="interrupted"), None, config) == {}
    assert set(events_of(report(REGRESSED), None, config)) == {"regression"}
    assert set(events_of(report(status="site_unreachable"), None, config)) == {"failure"}
    assert set(events_of(None, None, config)) == {"failure"}  # crashed: no report at all
    # a due-soon item alerts when new, then again on reminder days only
    assert "due_soon" in events_of(report(due=[DUE]), None, config)
    assert events_of(report(due=[DUE]), {"O23"}, config) == {}
    assert "due_soon" in events_of(report(due=[{**DUE, "days_left": 3}]), {"O23"}, config)


def test_delivered_to_local_smtp_and_webhook(smtp_server, webhook_server):
    host, port, inbox = smtp_server
    url, bodies = webhook_server
    config = load_config(None, env={"OIT_SMTP_HOST": host, "OIT_SMTP_PORT": str(port),
                                    "OIT_SMTP_SECURITY": "none", "OIT_ALERT_TO": "w@example.go.th",
                                    "OIT_SMTP_FROM": "audit@example.go.th",
                                    "OIT_WEBHOOK_URL": url})
    sent = send_alerts(config, report(REGRESSED, [DUE]), "https://www.example.go.th/")
    assert sent == ["email: w@example.go.th", "webhook: sent"]
    mail = inbox.messages[0]
    assert mail["from"] == "audit@example.go.th" and mail["to"] == ["w@example.go.th"]
    assert "ปัญหาใหม่ 1 รายการ" in mail["subject"] and "1 new problem" in mail["subject"]
    assert "O10" in mail["body"] and "O23" in mail["body"] and "70 → 65" in mail["body"]
    hook = bodies[0]
    assert hook["content_type"].startswith("application/json")
    assert hook["json"]["event"]["changes"]["regressed"][0]["code"] == "O10"
    assert hook["json"]["event"]["due_soon"][0]["code"] == "O23"


def test_failure_alert_and_unreachable_servers(webhook_server):
    url, bodies = webhook_server
    config = load_config(None, env={"OIT_WEBHOOK_URL": url, "OIT_SMTP_HOST": "127.0.0.1",
                                    "OIT_SMTP_PORT": "9", "OIT_SMTP_SECURITY": "none",
                                    "OIT_ALERT_TO": "w@example.go.th"})
    sent = send_alerts(config, report(status="site_unreachable"), "https://down.example.go.th/")
    assert sent[0].startswith("email failed") and sent[1] == "webhook: sent"
    assert "ตรวจเว็บไซต์ไม่ได้" in bodies[0]["json"]["text"]
    assert bodies[0]["json"]["event"]["failure"]["status"] == "site_unreachable"


@pytest.mark.parametrize("fmt,keys", [("json", {"text", "event"}), ("text", {"text"}),
                                      ("discord", {"content"})])
def test_webhook_formats_chat_services_accept(fmt, keys):
    assert set(webhook_payload(fmt, "s", "b", {"x": 1})) == keys
