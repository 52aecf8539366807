"""Ready-to-install schedule entries: a crontab line per site, or a systemd service and timer.

Each entry runs ``oit-audit audit SITE`` with absolute paths (cron and systemd start with an
almost empty environment), its own report folder, the history database, ``--fail-on
regression`` by default and the alert settings file. Several sites are spread out in time
(``stagger`` minutes apart) so a region's offices are not all crawled at once; the per-site
lock keeps a slow run from overlapping the next night's.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from crawler.nightly.paths import site_key, slug

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Plan:
    """What to schedule and how."""

    sites: list[str]
    at: str = "02:30"  # HH:MM local time of the first site
    stagger: int = 10  # minutes between two sites
    out_root: Path = field(default_factory=lambda: Path.home() / "oit-audit")
    db: Path | None = None
    alerts_config: Path | None = None
    fail_on: str = "regression"
    extra: list[str] = field(default_factory=list)
    log_dir: Path | None = None


def read_sites(path: Path) -> list[str]:
    """Sites of a list file: one URL per line; blank lines and ``#`` comments skipped."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def command_prefix() -> tuple[list[str], dict[str, str]]:
    """How to start oit-audit from cron/systemd: the console script, or this Python."""
    script = shutil.which("oit-audit")
    if script:
        return [str(Path(script).resolve())], {}
    return [sys.executable, "-m", "crawler.cli"], {"PYTHONPATH": str(ROOT)}


def _time(at: str, offset_min: int) -> tuple[int, int]:
    hh, mm = (int(x) for x in at.split(":"))
    total = (hh * 60 + mm + offset_min) % (24 * 60)
    return total // 60, total % 60


def audit_argv(plan: Plan, site: str) -> list[str]:
    prefix, _ = command_prefix()
    argv = [*prefix, "audit", site, "--out", str(plan.out_root / slug(site_key(site))),
            "--fail-on", plan.fail_on]
    if plan.db:
        argv += ["--db", str(plan.db)]
    if plan.alerts_config:
        argv += ["--alerts-config", str(plan.alerts_config)]
    return argv + plan.extra


def cron_lines(plan: Plan) -> str:
    """A crontab fragment (``crontab -e``, or a file in /etc/cron.d with a user column)."""
    _, env = command_prefix()
    log_dir = plan.log_dir or plan.out_root / "logs"
    lines = [
        "# oit-audit: nightly audits (install: crontab -e and paste; exit code 0 = nothing",
        "# new, 1 = new problems, 2 = could not audit (run again later), 3 = stopped (run",
        "# the same command with --resume to continue); alerts per --alerts-config).",
        "# The as-of date is the machine's local date: run cron in Thai time (TZ=Asia/Bangkok).",
        f"# Create the log folder first: mkdir -p {shlex.quote(str(log_dir))}",
    ]
    lines += [f"{k}={v}" for k, v in env.items()]
    for n, site in enumerate(plan.sites):
        hh, mm = _time(plan.at, n * plan.stagger)
        log = log_dir / f"{slug(site_key(site))}.log"
        cmd = " ".join(shlex.quote(a) for a in audit_argv(plan, site))
        cmd = f"{cmd} >> {shlex.quote(str(log))} 2>&1".replace("%", r"\%")
        lines.append(f"{mm} {hh} * * * {cmd}")
    return "\n".join(lines) + "\n"


def _systemd_quote(arg: str) -> str:
    """One ExecStart word: ``%`` doubled, quoted when it has spaces or quotes."""
    arg = arg.replace("%", "%%")
    if any(c in arg for c in " \t\"'\\;"):
        return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return arg


def systemd_units(plan: Plan) -> str:
    """For each site a ``.service`` (oneshot) and a ``.timer``, as files to save."""
    _, env = command_prefix()
    blocks = [
        "# oit-audit: save each file below under ~/.config/systemd/user/ (or",
        "# /etc/systemd/system/ with User=), then:",
        "#   systemctl --user daemon-reload",
    ]
    names = [f"oit-audit-{slug(site_key(site))}" for site in plan.sites]
    blocks += [f"#   systemctl --user enable --now {name}.timer" for name in names]
    blocks.append("# (loginctl enable-linger $USER keeps user timers running while logged out)")
    for n, (site, name) in enumerate(zip(plan.sites, names, strict=True)):
        hh, mm = _time(plan.at, n * plan.stagger)
        exec_start = " ".join(_systemd_quote(a) for a in audit_argv(plan, site))
        env_lines = [f"Environment={_systemd_quote(f'{k}={v}')}" for k, v in env.items()]
        blocks += [
            "", f"# ---- file: {name}.service ----",
            "[Unit]", f"Description=oit-audit nightly audit of {site}",
            "Wants=network-online.target", "After=network-online.target", "",
            "[Service]", "Type=oneshot", *env_lines,
            "Environment=TZ=Asia/Bangkok",
            "# secrets (OIT_SMTP_PASSWORD=..., OIT_WEBHOOK_URL=...) in a chmod-600 file:",
            "EnvironmentFile=-%h/.config/oit-audit/alerts.env",
            f"ExecStart={exec_start}",
            "Nice=10", "IOSchedulingClass=idle", "TimeoutStartSec=6h",
            "", f"# ---- file: {name}.timer ----",
            "[Unit]", f"Description=Run the oit-audit audit of {site} every night", "",
            "[Timer]", f"OnCalendar=*-*-* {hh:02d}:{mm:02d}:00", "RandomizedDelaySec=10min",
            "Persistent=true", "", "[Install]", "WantedBy=timers.target",
        ]
    return "\n".join(blocks) + "\n"
