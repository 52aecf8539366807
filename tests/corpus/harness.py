"""Audit corpus sites with the real CLI and score the verdicts against their labels.

Scoring (also documented in tests/benchmarks/evidence.py): per site and item, the predicted
evidence is the report's best evidence URL; it is correct when it (or the URL it redirected
to) is one of the labelled accepted URLs.  TP: correct evidence for an item labelled present;
FP: evidence reported for an item labelled missing, or a wrong URL; FN: an item labelled
present but not found, or found at a wrong URL.  ``false_evidence`` counts predicted evidence
URLs that the labels list as ``not_evidence`` (news posts, unrelated pages).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.batch.offices import read_offices
from tests.conftest import CliResult, run_cli
from tests.corpus.server import load_labels, serve_site, site_names

VERDICTS = ("pass", "stale", "unverified", "broken", "missing")


@dataclass
class SiteRun:
    """One audited corpus site: its labels, the CLI result and how to read its URLs."""

    name: str
    labels: dict[str, Any]
    result: CliResult
    base: str
    drive: str = ""
    redirects: dict[str, str] = field(default_factory=dict)

    @property
    def report(self) -> dict[str, Any]:
        return self.result.report

    def norm(self, url: str) -> str:
        """A URL as labels write it: '/path?query' on the site, 'drive:/path' on the fake
        Drive, the full URL elsewhere."""
        parts = urlsplit(url)
        if parts.netloc == urlsplit(self.base).netloc:
            return parts.path + (f"?{parts.query}" if parts.query else "")
        if self.drive and parts.netloc == self.drive:
            return f"drive:{parts.path}"
        return url

    def predictions(self) -> dict[str, tuple[str, str | None]]:
        """code -> (predicted verdict, normalised best evidence URL or None)."""
        out = {}
        for item in self.report["items"]:
            ev = item["evidence"][0]["url"] if item["evidence"] else None
            out[item["code"]] = (item["verdict"], self.norm(ev) if ev else None)
        return out

    def accepted(self, code: str, url: str | None) -> bool:
        if url is None:
            return False
        urls = set(self.labels["items"][code]["urls"])
        final = self.redirects.get(url)
        return url in urls or (final is not None and final in urls)


def audit_site(name: str, out_dir: Path, *extra: str,
               behaviour: dict[str, Any] | None = None, timeout: float = 240,
               pace: float = 1.0) -> SiteRun:
    """Serve ``name`` and audit it with ``python -m crawler.cli audit`` (external links off:
    the social-media links are recognised as evidence without being fetched; the fake Drive
    is reached through OIT_SHARING_HOSTS); ``pace`` multiplies the server's delays.

    Each audit records its history in a folder of its own (beside ``out_dir``): the corpus
    audits run a few at a time, and audits opening one new history database at the same
    moment wait for each other on the clock (SQLite's busy timeout, the switch to WAL),
    which a busy machine outlasts."""
    labels = load_labels(name)
    home = out_dir.with_name(f"{out_dir.name}-home")
    with serve_site(name, behaviour, pace) as (url, settings, drive):
        args = ["audit", url, "--as-of", str(labels["as_of"]), "--checklist",
                labels["checklist"], "--fiscal-year", str(labels["fiscal_year"]),
                "--no-external"]
        for key, value in settings.items():
            args += ["-s", f"{key}={json.dumps(value)}"]
        result = run_cli(*args, *extra, out_dir=out_dir, timeout=timeout,
                         env={"OIT_AUDIT_HOME": str(home)})
    return _with_redirects(SiteRun(name, labels, result, url, drive))


def _with_redirects(run: SiteRun) -> SiteRun:
    """``run`` with the redirects its crawl followed (from its folder's crawl.jsonl)."""
    crawl = run.result.out_dir / "crawl.jsonl"
    if crawl.exists():
        for line in crawl.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("final_url") and rec.get("url") != rec.get("final_url"):
                run.redirects[run.norm(rec["url"])] = run.norm(rec["final_url"])
    return run


def audit_all(names: list[str] | None = None, workers: int = 4,
              root: Path | None = None) -> list[SiteRun]:
    """Audit several corpus sites in parallel (each in its own CLI process)."""
    names = names or site_names()
    root = root or Path(tempfile.mkdtemp(prefix="oit-corpus-"))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda n: audit_site(n, root / n), names))


def audit_batch(names: list[str], root: Path, parallel: int = 4,
                timeout: float = 600) -> tuple[CliResult, list[SiteRun]]:
    """Audit corpus sites in one ``python -m crawler.cli batch`` process: the same audit of
    each site (same options as :func:`audit_site`), with the start-up of Python, Scrapy and
    the matchers paid once for all of them instead of once per site (about 1.7 CPU-seconds
    each).  Returns the batch's own result and each site's run, its ``result`` the batch's
    exit code and output with the office's folder."""
    labels = {name: load_labels(name) for name in names}
    shared = {(lb["as_of"], lb["checklist"], lb["fiscal_year"]) for lb in labels.values()}
    if len(shared) != 1:
        raise ValueError(f"one batch needs one as-of date, checklist and year: {shared}")
    as_of, checklist, fiscal_year = shared.pop()
    with ExitStack() as stack:
        served = {name: stack.enter_context(serve_site(name)) for name in names}
        root.mkdir(parents=True, exist_ok=True)
        offices = root / "offices.csv"
        offices.write_text("name,url\n" + "".join(f"{name},{url}\n" for name, (url, _, _)
                                                   in served.items()), encoding="utf-8")
        settings: dict[str, Any] = {}  # one batch's: a site's own (its fake Drive) for all
        for _, own, _ in served.values():
            for key, value in own.items():
                if settings.setdefault(key, value) != value:
                    raise ValueError(f"two sites of one batch need different {key}")
        out = root / "batch"
        result = run_cli("batch", str(offices), "--as-of", str(as_of), "--checklist",
                         checklist, "--fiscal-year", str(fiscal_year), "--no-external",
                         "--parallel", str(parallel),
                         *[a for k, v in settings.items() for a in ("-s", f"{k}={json.dumps(v)}")],
                         out_dir=out, timeout=timeout,
                         env={"OIT_AUDIT_HOME": str(root / "home")})
    runs = []
    for office in read_offices(offices):
        url, _, drive = served[office.name]
        site = CliResult(result.code, result.stdout, result.stderr, out / office.key)
        runs.append(_with_redirects(SiteRun(office.name, labels[office.name], site, url,
                                            drive)))
    return result, runs


@dataclass
class Scores:
    """Counts per item and over the corpus, and the verdict confusion table."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    confusion: Counter = field(default_factory=Counter)  # (labelled, predicted) -> n
    false_evidence: list[tuple[str, str, str]] = field(default_factory=list)
    mistakes: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> float:
        return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)

    def item(self, code: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[code], self.fp[code], self.fn[code]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, self._f1(tp, fp, fn)

    def overall(self) -> tuple[float, float, float]:
        tp, fp, fn = (sum(c.values()) for c in (self.tp, self.fp, self.fn))
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, self._f1(tp, fp, fn)


def score(runs: list[SiteRun]) -> Scores:
    s = Scores()
    for run in runs:
        not_evidence = set(run.labels.get("not_evidence") or [])
        for code, (verdict, url) in run.predictions().items():
            label = run.labels["items"][code]
            present = label["verdict"] != "missing"
            s.confusion[(label["verdict"], verdict)] += 1
            correct = run.accepted(code, url)
            found = verdict != "missing" and url is not None
            s.tp[code] += present and correct
            s.fp[code] += found and not (present and correct)
            s.fn[code] += present and not correct
            if found and url in not_evidence:
                s.false_evidence.append((run.name, code, url))
            if (present and not correct) or (found and not (present and correct)) or \
                    label["verdict"] != verdict:
                s.mistakes.append(f"{run.name} {code}: labelled {label['verdict']} "
                                  f"{label['urls'][:1]}, got {verdict} {url}")
    return s


def item_codes(runs: list[SiteRun]) -> list[str]:
    seen: dict[str, None] = {}
    for run in runs:
        for code in run.labels["items"]:
            seen.setdefault(code, None)
    return list(seen)


def by_site(runs: list[SiteRun]) -> dict[str, Scores]:
    out: dict[str, Scores] = defaultdict(Scores)
    for run in runs:
        out[run.name] = score([run])
    return out
