"""crawler.run.StopWatch: whether Ctrl-C or SIGTERM came once Scrapy handles the signals, told
by a handler of ours chained in front of Scrapy's, not by Scrapy's private
``CrawlerProcess._signal_shutdown`` (read before).  Scrapy's handling is unchanged: its
graceful stop still runs, and its handler for a second signal takes over after the first."""

from __future__ import annotations

import os
import subprocess
import sys

from tests import patience, socketguard
from tests.conftest import ROOT

SCRIPT = r"""
import os, signal
from scrapy.utils.reactor import install_reactor
from crawler.run import StopWatch, crawl_process, project_settings

settings = project_settings()
install_reactor(settings["TWISTED_REACTOR"])
process = crawl_process(settings)
from twisted.internet import reactor

watch = StopWatch.started()
seen = {}

def stop():
    seen["ours"] = signal.getsignal(signal.SIGTERM)
    seen["asked"] = watch.asked()
    os.kill(os.getpid(), signal.SIGTERM)  # as systemctl stop

reactor.callLater(0.5, stop)
process.start(stop_after_crawl=False)  # returns once Scrapy's graceful stop ended the reactor
after = signal.getsignal(signal.SIGTERM)
print(getattr(seen["ours"], "__qualname__", ""), seen["asked"], watch.asked(),
      after is not seen["ours"] and callable(after))
"""


def test_a_stop_is_seen_and_scrapy_still_handles_it():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                          text=True, timeout=patience.stretched(120),
                          env={**os.environ,
                               "PYTHONPATH": socketguard.subprocess_pythonpath(ROOT)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    ours, before, after, replaced = proc.stdout.split()
    assert ours == "StopWatch._chained.<locals>.handler"  # in front of Scrapy's, once running
    assert (before, after) == ("False", "True")  # no stop until the signal; then one
    assert replaced == "True"  # Scrapy's first handler ran: it put its second one in place
