"""The socket guard itself: a subprocess started the way the suite starts the CLI cannot
connect outside 127.0.0.1, and says so in the guard's log."""

from __future__ import annotations

import os
import sys

from tests import patience, socketguard
from tests.conftest import ROOT

PROBE = """
import socket, sys
for host in sys.argv[1:]:
    s = socket.socket(socket.AF_INET)
    s.settimeout(1)
    try:
        print(host, s.connect_ex((host, 9)))
    finally:
        s.close()
try:
    socket.create_connection(("127.0.0.2", 9), timeout=1)
except ConnectionRefusedError as exc:
    print("refused", exc)
"""


def test_a_guarded_subprocess_cannot_leave_loopback(tmp_path):
    log = tmp_path / "guard.log"
    env = {**os.environ, "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT),
           socketguard.ENV: str(log)}
    proc = patience.run([sys.executable, "-c", PROBE, "169.254.169.254", "10.20.30.40",
                         "127.0.0.1"], 60, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "refused [Errno 111] socket guard: 127.0.0.2:9" in proc.stdout
    assert socketguard.violations(log) == ["169.254.169.254:9", "10.20.30.40:9", "127.0.0.2:9"]
    # 127.0.0.1 was really tried (nothing listens on port 9, or something does): not logged
    assert any(line.startswith("127.0.0.1 ") for line in proc.stdout.splitlines())


def test_the_test_process_itself_is_guarded():
    import socket

    assert getattr(socket.socket, "_oit_guarded", False)
