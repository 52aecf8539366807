"""Alerts after a nightly run: e-mail (SMTP) and a JSON webhook, only when it matters.

An alert goes out when the run found new problems (items that regressed, got worse or
gained a missing month), items due soon (new on the list, or on a reminder day), or when
the site could not be audited. Nothing is sent for a quiet night.

Configuration comes from a YAML file (``--alerts-config``; keep it ``chmod 600``) and/or
environment variables, which win over the file; secrets never go on the command line::

    smtp:
      host: smtp.example.go.th     # OIT_SMTP_HOST
      port: 587                    # OIT_SMTP_PORT
      security: starttls           # OIT_SMTP_SECURITY: starttls | ssl | none
      user: audit@example.go.th    # OIT_SMTP_USER
      password: "..."              # OIT_SMTP_PASSWORD
      from: audit@example.go.th    # OIT_SMTP_FROM
      to: [webmaster@example.go.th]  # OIT_ALERT_TO (comma-separated)
    webhook:
      url: https://hooks.slack.com/services/...   # OIT_WEBHOOK_URL
      format: json                 # OIT_WEBHOOK_FORMAT: json | text | discord
    events: [regression, due_soon, failure]   # when to send (default: all three)
    reminder_days: [7, 3, 1, 0]   # repeat a due-soon item on these days before its deadline

Webhook formats: ``json`` posts ``{"text": ..., "event": {...}}`` (Slack, Mattermost and
Rocket.Chat incoming webhooks read ``text`` and ignore the rest); ``text`` posts only
``{"text": ...}`` (Google Chat, which rejects unknown fields); ``discord`` posts
``{"content": ...}``.
"""

from __future__ import annotations

import json
import logging
import os
import smtplib
import ssl
import stat
import urllib.request
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from checklists.vocabulary import JUDGED
from crawler.nightly.diff import new_problems
from reports.labels import WORDS

logger = logging.getLogger(__name__)

EVENTS = ("regression", "due_soon", "failure")
QUIET_STATUSES = ("complete", "incomplete", "interrupted")  # interrupted on purpose: not an alert


class AlertConfigError(Exception):
    """The alert configuration cannot be used."""


@dataclass
class SmtpConfig:
    host: str
    port: int = 587
    security: str = "starttls"
    user: str = ""
    password: str = ""
    sender: str = ""
    to: list[str] = field(default_factory=list)


@dataclass
class WebhookConfig:
    url: str
    format: str = "json"


@dataclass
class AlertConfig:
    """Where alerts go and on which events."""

    smtp: SmtpConfig | None = None
    webhook: WebhookConfig | None = None
    on: tuple[str, ...] = EVENTS
    reminder_days: tuple[int, ...] = (7, 3, 1, 0)

    @property
    def enabled(self) -> bool:
        return self.smtp is not None or self.webhook is not None


def load_config(path: str | os.PathLike[str] | None = None,
                env: dict[str, str] | None = None) -> AlertConfig:
    """The alert configuration from ``path`` (optional) overridden by ``env``."""
    env = dict(os.environ if env is None else env)
    data: dict[str, Any] = {}
    if path:
        import yaml  # noqa: PLC0415 - only for a configuration file: most runs have none

        p = Path(path).expanduser()
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise AlertConfigError(f"{p}: {exc}") from exc
        if not isinstance(data, dict):
            raise AlertConfigError(f"{p}: expected a mapping with smtp/webhook keys")
        smtp_data = data.get("smtp") or {}
        if smtp_data.get("password") and p.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            logger.warning("%s holds a password and others can read it: chmod 600 %s", p, p)
    smtp = dict(data.get("smtp") or {})
    hook = dict(data.get("webhook") or {})
    for key, name in (("host", "OIT_SMTP_HOST"), ("port", "OIT_SMTP_PORT"),
                      ("security", "OIT_SMTP_SECURITY"), ("user", "OIT_SMTP_USER"),
                      ("password", "OIT_SMTP_PASSWORD"), ("from", "OIT_SMTP_FROM"),
                      ("to", "OIT_ALERT_TO")):
        if env.get(name):
            smtp[key] = env[name]
    for key, name in (("url", "OIT_WEBHOOK_URL"), ("format", "OIT_WEBHOOK_FORMAT")):
        if env.get(name):
            hook[key] = env[name]
    config = AlertConfig()
    if smtp.get("host"):
        to = smtp.get("to") or []
        to = [a.strip() for a in (to.split(",") if isinstance(to, str) else to) if a.strip()]
        if not to:
            raise AlertConfigError("smtp: no recipients (smtp.to or OIT_ALERT_TO)")
        security = str(smtp.get("security") or "starttls").lower()
        if security not in ("starttls", "ssl", "none"):
            raise AlertConfigError(f"smtp.security: {security!r}; use starttls, ssl or none")
        port = int(smtp.get("port") or (465 if security == "ssl" else 587))
        config.smtp = SmtpConfig(str(smtp["host"]), port, security, str(smtp.get("user") or ""),
                                 str(smtp.get("password") or ""),
                                 str(smtp.get("from") or smtp.get("user") or "oit-audit@localhost"),
                                 to)
    if hook.get("url"):
        fmt = str(hook.get("format") or "json").lower()
        if fmt not in ("json", "text", "discord"):
            raise AlertConfigError(f"webhook.format: {fmt!r}; use json, text or discord")
        if not str(hook["url"]).startswith(("https://", "http://")):
            raise AlertConfigError("webhook.url must be an http(s) URL")
        config.webhook = WebhookConfig(str(hook["url"]), fmt)
    if data.get("events"):
        unknown = set(data["events"]) - set(EVENTS)
        if unknown:
            raise AlertConfigError(f"events: unknown events {sorted(unknown)}; known: {EVENTS}")
        config.on = tuple(data["events"])
    if "reminder_days" in data:
        config.reminder_days = tuple(int(d) for d in data["reminder_days"] or ())
    return config


# -- what to say -----------------------------------------------------------------------------


def events_of(report: dict[str, Any] | None, previous_due: set[str] | None,
              config: AlertConfig) -> dict[str, Any]:
    """The events of a run worth an alert (empty: stay quiet)."""
    out: dict[str, Any] = {}
    if report is None or report.get("status") not in QUIET_STATUSES:
        out["failure"] = True
        return {k: v for k, v in out.items() if k in config.on}
    if report.get("status") not in JUDGED:
        return {}
    changes = report.get("changes")
    if new_problems(changes):
        out["regression"] = True
    due = [d for d in report.get("due_soon") or []
           if previous_due is None or d["code"] not in previous_due
           or d["days_left"] in config.reminder_days]
    if due:
        out["due_soon"] = due
    return {k: v for k, v in out.items() if k in config.on}


def compose(report: dict[str, Any] | None, events: dict[str, Any], site: str,
            error: str = "") -> tuple[str, str, dict[str, Any]]:
    """(subject, plain text body, event data) in Thai, then English, whatever the run's
    ``--lang``: an alert is read by people who did not choose it (the units' staff, a chat
    channel)."""
    lines: list[str] = []
    data: dict[str, Any] = {"site": site, "events": sorted(events)}
    parts_th, parts_en = [], []
    if "failure" in events:
        msg = (report or {}).get("message") or {}
        failed_th, failed_en = WORDS.pair("alerts", "failed")
        th = msg.get("th") or error or failed_th
        en = msg.get("en") or error or failed_en
        _add(parts_th, parts_en, "not_audited")
        lines += [WORDS.pick("alerts", "failure", "th", why=th),
                  WORDS.pick("alerts", "failure", "en", why=en), ""]
        data["failure"] = {"status": (report or {}).get("status", "error"), "th": th, "en": en}
    changes = (report or {}).get("changes") or {}
    if "regression" in events:
        n = new_problems(changes)
        _add(parts_th, parts_en, "new_problems", n=n)
        lines.append(f"{_both('new_problems_title')}:")
        for key in ("regressed", "worsened"):
            for c in changes.get(key) or []:
                lines.append(f"- {c['code']} {c['title_th']}: {c['before']} → {c['after']}. "
                             f"{c.get('reason', '')}")
                lines.append(f"  {c['title_en']}: {c.get('reason_en', '')}")
        for c in changes.get("new_missing_months") or []:
            lines.append(f"- {c['code']} {c['title_th']}: {_both('new_months')} "
                         + ", ".join(c["months"]))
        lines.append("")
        data["changes"] = {k: changes.get(k) for k in ("regressed", "worsened",
                                                       "new_missing_months", "fixed")}
    if "due_soon" in events:
        due = events["due_soon"]
        _add(parts_th, parts_en, "due_soon", n=len(due))
        lines.append(f"{_both('due_soon_title')}:")
        for d in due:
            lines += [f"- {d['message_th']}", f"  {d['message_en']}"]
        lines.append("")
        data["due_soon"] = due
    score = changes.get("score") if changes else None
    if score and score.get("after") is not None:
        lines.append(f"{' / '.join(WORDS.pair('alerts', 'score'))}: "
                     f"{score.get('before')} → {score.get('after')}")
        data["score"] = score
    if report:
        lines.append(f"{_both('as_of')} {report.get('as_of')} · {site}")
    subject = f"[oit-audit] {site}: {', '.join(parts_th)} ({', '.join(parts_en)})"
    return subject, "\n".join(lines).strip() + "\n", data


def _both(key: str, **values: Any) -> str:
    """Words' ``alerts`` ``key`` in Thai, then in English in brackets."""
    th, en = WORDS.pair("alerts", key, **values)
    return f"{th} ({en})"


def _add(parts_th: list[str], parts_en: list[str], key: str, **values: Any) -> None:
    """The subject's part ``key`` of words' ``alerts``, in each language."""
    th, en = WORDS.pair("alerts", key, **values)
    parts_th.append(th)
    parts_en.append(en)


# -- how to send -----------------------------------------------------------------------------


def send_email(cfg: SmtpConfig, subject: str, body: str, timeout: float = 30) -> None:
    """Send one plain-text UTF-8 message."""
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = cfg.sender
    msg["To"] = ", ".join(cfg.to)
    msg.set_content(body)
    if cfg.security == "ssl":
        server: smtplib.SMTP = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=timeout,
                                                context=ssl.create_default_context())
    else:
        server = smtplib.SMTP(cfg.host, cfg.port, timeout=timeout)
    with server:
        if cfg.security == "starttls":
            server.starttls(context=ssl.create_default_context())
        if cfg.user:
            server.login(cfg.user, cfg.password)
        server.send_message(msg)


def webhook_payload(fmt: str, subject: str, body: str, data: dict[str, Any]) -> dict[str, Any]:
    text = f"{subject}\n{body}"
    if fmt == "discord":
        return {"content": text[:2000]}
    if fmt == "text":
        return {"text": text}
    return {"text": text, "event": data}


def post_webhook(cfg: WebhookConfig, subject: str, body: str, data: dict[str, Any],
                 timeout: float = 30) -> int:
    """POST the alert as JSON; return the HTTP status (raises on 4xx/5xx)."""
    payload = json.dumps(webhook_payload(cfg.format, subject, body, data),
                         ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(cfg.url, data=payload, method="POST", headers={
        "Content-Type": "application/json; charset=utf-8", "User-Agent": "oit-audit"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return int(response.status)


def send_alerts(config: AlertConfig, report: dict[str, Any] | None, site: str,
                previous_due: set[str] | None = None, error: str = "") -> list[str]:
    """Send what the run deserves; return what was sent or why it failed (for the log)."""
    if not config.enabled:
        return []
    events = events_of(report, previous_due, config)
    if not events:
        return []
    subject, body, data = compose(report, events, site, error)
    done = []
    if config.smtp:
        try:
            send_email(config.smtp, subject, body)
            done.append(f"email: {', '.join(config.smtp.to)}")
        except (OSError, smtplib.SMTPException) as exc:
            done.append(f"email failed: {exc}")
    if config.webhook:
        try:
            post_webhook(config.webhook, subject, body, data)
            done.append("webhook: sent")
        except OSError as exc:  # urllib's errors are OSErrors
            done.append(f"webhook failed: {exc}")
    return done
